"""Every footer fits 80 columns with its help key, on the demo data, on every screen, whatever
has focus there (each widget brings its own keys to the footer). Split in walks that share
the workers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app

Check = Callable[[str], Awaitable[None]]


@asynccontextmanager
async def walk(tmp_path, footer_text) -> AsyncIterator[tuple[Pilot, Check]]:
    """The demo app, and `check(where)`: the footer as the screen opens, then once for each
    set of keys its widgets bring. Fails at the end with every footer that lost '? Help'."""
    clock = FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=UTC))
    app = build_app(clock, demo_in=tmp_path, autosave_after=0)
    cut: list[str] = []

    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def check_now(where: str) -> None:
            await pilot.pause()
            await pilot.pause()
            footer = footer_text(app)
            if "question_mark" in app.screen.active_bindings and "? Help" not in footer:
                cut.append(f"{where}: {footer.rstrip()}")

        async def check(where: str) -> None:
            await check_now(where)
            screen = app.screen
            before = screen.focused
            seen = set()
            for widget in list(screen.focus_chain):
                screen.set_focus(widget)
                shown = tuple(  # what the footer will show: drawn once per set of keys
                    (key, active.binding.description)
                    for key, active in screen.active_bindings.items()
                    if active.binding.show
                )
                if shown not in seen:
                    seen.add(shown)
                    await check_now(f"{where}, on {widget.id or type(widget).__name__}")
            screen.set_focus(before)
            await pilot.pause()

        yield pilot, check
    assert not cut, "\n".join(cut)


async def test_the_areas_footers_keep_their_help_key_at_80x24(tmp_path, footer_text):
    async with walk(tmp_path, footer_text) as (pilot, check):
        app = pilot.app
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


async def test_the_after_and_meeting_footers_keep_their_help_key_at_80x24(tmp_path, footer_text):
    async with walk(tmp_path, footer_text) as (pilot, check):
        await pilot.press("a")
        for part in range(4):
            pilot.app.screen.set_focus(None)
            await check(f"after, part {part + 1}")
            await pilot.press("ctrl+n")
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("m")
        await check("meeting, not started")
        await pilot.press("s", "escape")  # started, then out of the notes line
        await check("meeting, not typing")


VIEWS = [
    (["n"], "network"), (["g"], "progress"), (["o", "l"], "what I have learned"),
    (["o", "w"], "who I know, occupation"), (["e", "w"], "who I know, employer"),
    (["c", "i"], "import"), (["c", "enter"], "contact card"),
    (["e", "enter"], "employer card"), (["ctrl+k"], "search"),
]  # fmt: skip


@pytest.mark.parametrize("half", [VIEWS[:4], VIEWS[4:]], ids=["insight", "cards"])
async def test_the_views_footers_keep_their_help_key_at_80x24(tmp_path, footer_text, half):
    async with walk(tmp_path, footer_text) as (pilot, check):
        for keys, where in half:
            await pilot.press(*keys)
            await pilot.pause()
            assert type(pilot.app.screen).__name__ != "HomeScreen", where
            await check(where)
            for _ in range(4):  # back home
                await pilot.press("escape")
                await pilot.pause()
