"""Pilot tests drive the real app like a person: a fixed clock, a store on tmp_path, 80×24.

Fixtures (tests in this folder may also define their own, which then take precedence):
  clock      a FakeClock at Wednesday 25 November 2026, 09:00 UTC
  data_path  the data file, inside tmp_path
  store      a writable Store on data_path (the app gets exactly this one)
  reopen     a second, read-only view of what reached the file (after store.flush())
  run_app    `async with run_app() as pilot:` starts the app and waits until the store is open
  screen_text  the plain text of what the current screen shows
Helpers: record_notifications(app) lists every message the app shows from then on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from infoview_tui.app import InfoviewApp
from infoview_tui.clock import FakeClock
from infoview_tui.store.store import Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "infoview.json"


@pytest.fixture
def store(data_path: Path, clock: FakeClock):
    store = Store.open(data_path, clock)
    yield store
    store.close()  # safe when the app already closed it


@pytest.fixture
def reopen(data_path: Path, clock: FakeClock) -> Callable[[], Store]:
    """What is on disk now, through a read-only Store (call store.flush() first)."""

    def read() -> Store:
        return Store.open(data_path, clock, readonly=True)

    return read


@pytest.fixture
def run_app(store: Store, clock: FakeClock):
    @asynccontextmanager
    async def run(
        app: InfoviewApp | None = None, size: tuple[int, int] = (80, 24)
    ) -> AsyncIterator[Pilot]:
        app = app or InfoviewApp(lambda: store, clock)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()  # the store opens on a worker thread
            await pilot.pause()
            yield pilot

    return run


def record_notifications(app: InfoviewApp) -> list[str]:
    """Every message the app shows from now on, in order (through its public notify)."""
    said: list[str] = []
    show = app.notify

    def notify(message: str, **kwargs):
        said.append(message)
        return show(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


def _screen_text(app) -> str:
    """Every line the current screen paints, as plain text (what a person would read)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


@pytest.fixture
def screen_text() -> Callable[..., str]:
    return _screen_text
