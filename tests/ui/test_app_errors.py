"""A bug while opening the data is said plainly on screen, never a silent hang."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app
from infoview_tui.screens.fatal import FatalScreen


async def test_an_unexpected_error_while_opening_shows_a_message_and_exits_1():
    def opener():
        raise RuntimeError("boom")

    app = build_app(FakeClock(datetime(2026, 12, 1, tzinfo=UTC)), opener=opener)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FatalScreen)
        message = str(app.screen.query_one("#fatal-message").render())
        assert "unexpected problem" in message and "(RuntimeError)" in message
        assert "boom" not in message  # printed again on exit: the message may quote data
        report = Path(message.split("bug report: ")[1].split()[0])
        assert "RuntimeError: boom" in report.read_text()
        report.unlink()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
