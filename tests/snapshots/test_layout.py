"""Pixel-exact layouts at 80×24 on the demo data: a collapsed grid or a cut footer shows here.

Plain `def` tests: pytest-textual-snapshot runs its own event loop. Update after a deliberate
change with `pytest tests/snapshots --snapshot-update`, and look at the report first.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import Input

from infoview_tui.app import InfoviewApp
from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-8)))


def demo_app() -> InfoviewApp:
    return build_app(FakeClock(NOW), demo_in=Path(tempfile.mkdtemp()), subtitle="demo")


async def data_loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def steady_cursors(app: InfoviewApp) -> None:
    """A blinking cursor would be caught on or off at random: keep it on."""
    for field in app.screen.query(Input):
        field.cursor_blink = False


def test_home_layout(snap_compare):
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=data_loaded)


def test_meeting_layout(snap_compare):
    async def meeting(pilot) -> None:
        await data_loaded(pilot)
        await pilot.press("m", "enter")
        await pilot.pause()
        steady_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=meeting)
