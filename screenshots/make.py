"""Make the README's screenshots: every screen, from the demo data, at 80×24.

    python screenshots/make.py            # writes screenshots/*.svg

Deterministic: a fixed fake clock and the demo data built for it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from textual.widgets import Input  # noqa: E402

from infoview_tui.app import InfoviewApp  # noqa: E402
from infoview_tui.clock import FakeClock  # noqa: E402
from infoview_tui.launch import build_app  # noqa: E402

SIZE = (80, 24)
# A fixed moment in a fixed zone, so every run draws the same pictures.
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-8)))

Drive = Callable[[object, InfoviewApp, FakeClock], Awaitable[None]]


def keys(*pressed: str) -> Drive:
    async def drive(pilot, app, clock) -> None:
        await pilot.press(*pressed)

    return drive


def meeting_at(minutes: float) -> Drive:
    """Open the next meeting, start it, take a few notes, then let `minutes` pass."""

    async def drive(pilot, app, clock) -> None:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(75)
        await pilot.press(*"Came in through a lab job; night classes in ethics", "enter")
        await pilot.press("ctrl+n")
        clock.advance(200)
        await pilot.press(*"Mornings are visits, afternoons data entry", "enter")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"Ravi Patel", "enter", *"Coastal University", "tab", "space", "enter")
        await pilot.pause()
        clock.set(NOW + timedelta(minutes=minutes))
        app.screen.refresh_clock()
        # The demo's meeting is tomorrow's, started today: its "held today" note has been read.
        app.clear_notifications()

    return drive


def then_settle(*pressed: str) -> Drive:
    """Press the keys, then let the screen's worker (warm introductions) finish."""

    async def drive(pilot, app, clock) -> None:
        await pilot.press(*pressed)
        await app.workers.wait_for_complete()
        await pilot.pause()

    return drive


async def import_preview(pilot, app, clock) -> None:
    """The import screen's preview of a LinkedIn export, as if from ~/Downloads."""
    from textual import events

    home = Path(tempfile.mkdtemp(prefix="infoview-shot-home-"))
    (home / "Downloads").mkdir()
    fixture = HERE.parent / "tests" / "fixtures" / "exchange" / "Connections.csv"
    shutil.copy(fixture, home / "Downloads" / "Connections.csv")
    real_home = os.environ.get("HOME", "")
    os.environ["HOME"] = str(home)  # "~" in the path field is this folder, while it reads
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    app.screen.query_one("#import-path").post_message(events.Paste("~/Downloads/Connections.csv"))
    await pilot.pause()
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    os.environ["HOME"] = real_home
    shutil.rmtree(home, ignore_errors=True)


SHOTS: list[tuple[str, Drive]] = [
    ("home", keys()),
    ("help", keys("question_mark")),
    ("contacts", keys("c", "down", "down")),
    ("contact-form", keys("c", "down", "e")),
    ("import", import_preview),
    ("palette", keys("c", "ctrl+p")),
    ("occupation", keys("o")),
    ("me", keys("i")),
    ("employers", keys("e")),
    ("employer-card", keys("e", "enter")),
    ("introductions", then_settle("e", "w")),
    ("meetings", keys("p")),
    ("plan-email", keys("p", "enter")),
    ("plan-questions", keys("p", "enter", "escape", "right", "right", "right")),
    ("queue", keys("f")),
    ("network", keys("n", "down", "down", "space", "down", "space", "down", "space", "down")),
    ("progress", keys("g")),
    ("learned", keys("o", "l", "2")),
    ("search", keys("slash", *"sofia")),
    ("after-thank-you", keys("a")),
    ("after-reflection", keys("a", "ctrl+n")),
    ("after-leads", keys("a", "ctrl+n", "ctrl+n")),
    ("meeting-on-track", meeting_at(6.5)),
    ("meeting-wrap-up", meeting_at(13.2)),
    ("meeting-time-up", meeting_at(15.4)),
    ("meeting-overtime", meeting_at(18)),
]


async def shoot(name: str, drive: Drive, folder: Path) -> Path:
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(clock, demo_in=Path(tmp))
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await drive(pilot, app, clock)
            await pilot.pause()
            await app.workers.wait_for_complete()  # views that count on a worker thread
            await pilot.pause()
            await pilot.pause(0.3)  # let the palette's search and any scrolling settle
            for field in app.screen.query(Input):  # a blinking cursor, caught on or off at random
                field.cursor_blink = False
            await pilot.pause()
            target = app.save_screenshot(f"{name}.svg", str(folder))
        return Path(target)


async def main() -> None:
    for name, drive in SHOTS:
        print(await shoot(name, drive, HERE))


if __name__ == "__main__":
    asyncio.run(main())
