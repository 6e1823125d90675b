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
from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from infoview_tui.app import InfoviewApp
from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app
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
        # Saved on the next turn of the loop instead of half a second later: no test waits.
        app = app or build_app(clock, store=store, autosave_after=0)
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
    """Every line the current screen paints, as plain text (what a person would read).

    Through public API only, the way Textual itself finds the style under the mouse: for each
    cell, `Screen.get_widget_at` names the topmost widget there and its region, and that
    widget renders its own line (`Widget.render_lines`), of which the cell is cut out.
    """
    return _lines(app, range(app.size.height))


def _last_line(app) -> str:
    """The bottom line only (the footer): a 24th of the work of `_screen_text`."""
    return _lines(app, [app.size.height - 1])


def _lines(app, rows) -> str:
    screen = app.screen
    width = app.size.width
    lines = []
    for y in rows:
        pieces = []
        x = 0
        while x < width:
            widget, region = _widget_at(screen, x, y)
            end = x + 1
            while end < width and _widget_at(screen, end, y)[0] is widget:
                end += 1
            if widget is None or region is None:
                pieces.append(" " * (end - x))
            else:
                (strip,) = widget.render_lines(Region(0, y - region.y, region.width, 1))
                pieces.append(strip.crop(x - region.x, end - region.x).text)
            x = end
        lines.append("".join(pieces))
    return "\n".join(lines)


def _widget_at(screen: Screen, x: int, y: int) -> tuple[Widget | None, Region | None]:
    try:
        return screen.get_widget_at(x, y)
    except NoWidget:
        return None, None


@pytest.fixture
def screen_text() -> Callable[..., str]:
    return _screen_text


@pytest.fixture
def footer_text() -> Callable[..., str]:
    return _last_line


async def shown(pilot: Pilot, kind: type[Screen] | Screen, turns: int = 250) -> Screen:
    """The screen (an instance, or any of a class) once it is on top, mounted and has had a
    turn to paint. Textual switches screens on a later turn; one pause is enough on a quiet
    machine and not always on a loaded one. Fails after `turns` turns."""
    for _ in range(turns):
        screen = pilot.app.screen
        on_top = screen is kind if isinstance(kind, Screen) else isinstance(screen, kind)
        if on_top and screen.is_mounted:
            await pilot.pause()
            return screen
        await pilot.pause()
    raise AssertionError(f"{kind} never showed; on top: {pilot.app.screen}")


async def store_opened(pilot: Pilot) -> None:
    """Until the app's store is open (it opens on a worker, after the first frame)."""
    while not pilot.app.has_store:
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def worked(pilot: Pilot) -> None:
    """Let the screen's worker finish and its message arrive (views that count off the UI
    thread)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
