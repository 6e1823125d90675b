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

        async def check_now(where: str) -> None:
            await pilot.pause()
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
            if "question_mark" in app.screen.active_bindings and "? Help" not in footer:
                cut.append(f"{where}: {footer.rstrip()}")

        async def check(where: str) -> None:
            """As it opens, then with focus on each of its widgets in turn (each brings
            its own keys to the footer)."""
            await check_now(where)
            screen = app.screen
            before = screen.focused
            for widget in list(screen.focus_chain):
                widget.focus()
                await check_now(f"{where}, on {widget.id or type(widget).__name__}")
            if before is not None:
                before.focus()
            else:
                screen.set_focus(None)
            await pilot.pause()

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
        for keys, where in [
            (["n"], "network"), (["g"], "progress"), (["o", "l"], "what I have learned"),
            (["o", "w"], "who I know, occupation"), (["e", "w"], "who I know, employer"),
            (["c", "i"], "import"), (["c", "enter"], "contact card"),
            (["e", "enter"], "employer card"), (["ctrl+k"], "search"),
        ]:  # fmt: skip
            await pilot.press(*keys)
            await pilot.pause()
            assert type(app.screen).__name__ != "HomeScreen", where
            await check(where)
            for _ in range(4):  # back home
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
