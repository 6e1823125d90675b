"""Every footer fits 80 columns with its help key, on the demo data, on every screen."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import TabbedContent

from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app


async def test_every_footer_keeps_its_help_key_at_80x24(tmp_path, screen_text):
    clock = FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=UTC))
    app = build_app(clock, demo_in=tmp_path, autosave_after=0)
    cut: list[str] = []

    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def check(where: str) -> None:
            await pilot.pause()
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
            if "question_mark" in app.screen.active_bindings and "? Help" not in footer:
                cut.append(f"{where}: {footer.rstrip()}")

        await check("home")
        for key, where in [
            ("c", "contacts"), ("e", "employers"), ("o", "occupation"), ("i", "me"),
            ("p", "meetings"), ("f", "follow-ups"),
        ]:  # fmt: skip
            await pilot.press(key)
            await check(where)
            if where == "meetings":
                await pilot.press("enter")
                for tab in ("email", "phone", "intro-tab", "questions", "schedule"):
                    app.screen.query_one(TabbedContent).active = tab
                    await check(f"plan, {tab}")
                await pilot.press("escape", "escape")
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("a")
        for part in range(4):
            app.screen.set_focus(None)
            await check(f"after, part {part + 1}")
            await pilot.press("ctrl+n")
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("m")
        await check("meeting, not started")
        await pilot.press("s", "escape")  # started, then out of the notes line
        await check("meeting, not typing")
    assert not cut, "\n".join(cut)
