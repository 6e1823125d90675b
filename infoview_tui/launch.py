"""The one place an InfoviewApp is made: for the command line, the demo, tests, screenshots
and benchmarks alike, so all of them run the app that people run.

`build_app` takes where the data comes from (a file, a demo folder, or a store a test already
opened) and gives the app with its opener: the function the app calls on a worker thread,
after the first frame, to open the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import Clock

if TYPE_CHECKING:
    from .app import InfoviewApp
    from .store.lock import DataLock
    from .store.store import Store

DEMO_SUBTITLE = "demo · sample data, not saved"
DEMO_FILE = "infoview-demo.json"


# The app calls an opener on a worker thread right after its first frame is handed to
# Textual, whose own thread then writes it to the terminal. Reading a large file holds
# Python's interpreter lock for long stretches (the JSON parse is one call), which kept that
# write waiting: the first frame came up to a fifth later on the 10x store. So the file opener
# lets go of the lock for a moment first. (The demo's building is Python code, which lets the
# other thread in every few milliseconds.)
FIRST_FRAME_GRACE = 0.03  # seconds


def file_opener(path: Path, clock: Clock, lock: DataLock | None = None) -> Callable[[], Store]:
    def open_file() -> Store:
        from .store.store import Store

        time.sleep(FIRST_FRAME_GRACE)
        return Store.open(path, clock, lock=lock)

    return open_file


def demo_opener(folder: Path, clock: Clock) -> Callable[[], Store]:
    """A store in `folder` filled with the demo data set, dated around the clock's now."""

    def open_demo() -> Store:
        from .demo import build_demo
        from .store.store import Store

        store = Store.open(folder / DEMO_FILE, clock)
        if not len(store.contacts):
            build_demo(store, clock.now())
        return store

    return open_demo


def build_app(
    clock: Clock,
    *,
    data: Path | None = None,
    lock: DataLock | None = None,
    demo_in: Path | None = None,
    store: Store | None = None,
    opener: Callable[[], Store] | None = None,
    subtitle: str | None = None,
    autosave_after: float | None = None,
) -> InfoviewApp:
    """The app on one source of data: `data` (with the `lock` the CLI already holds), a demo
    built in the folder `demo_in`, a `store` already open, or any `opener`."""
    from .app import AUTOSAVE_SECONDS, InfoviewApp

    if opener is None:
        if store is not None:
            opened = store
            opener = lambda: opened  # noqa: E731 - a store a test opened and still uses
        elif demo_in is not None:
            opener = demo_opener(demo_in, clock)
        elif data is not None:
            opener = file_opener(data, clock, lock)
        else:
            raise ValueError("build_app needs data, demo_in, store or opener")
    if subtitle is None:
        subtitle = DEMO_SUBTITLE if demo_in is not None else str(data or "")
    # A crash report goes beside the data file; the demo's folder is gone once it ends.
    beside = data if data is not None else store.path if store is not None else None
    return InfoviewApp(
        opener,
        clock,
        subtitle=subtitle,
        autosave_after=AUTOSAVE_SECONDS if autosave_after is None else autosave_after,
        report_beside=beside,
        # Said when the app's own opener made the file: not the demo's, not a test's store.
        announce_new_file=store is None and demo_in is None,
    )
