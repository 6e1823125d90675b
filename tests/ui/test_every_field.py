"""Every text field on every screen, as a tired person uses it: a paste of several lines, of
100,000 characters, with emoji joined by ZWJ and Persian with a ZWNJ, then a letter typed
while on text. Nothing may crash, no letter may act as a command, no screen may close under
the typing, and the text is kept (or what a limit cut is said on screen).

On the demo data: each area with fields, each tab of the plan and of the after screen, and
the dialogs that hold fields. One test per area, so that they share the workers.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual import events
from textual.widgets import Input, TabbedContent, TextArea

from infoview_tui.clock import FakeClock
from infoview_tui.launch import build_app

from .conftest import record_notifications

JOINED = "👩🏽‍🔬 Zahra می‌خواهم"  # a ZWJ emoji sequence, Persian with a ZWNJ
PASTE = f"{JOINED}\nsecond line\n" + "long words " * 9_100  # about 100,000 characters

AREAS = {  # keys from home; then the parts to walk (tabs of the plan, parts of after)
    "new contact": (["c", "a"], []),
    "me": (["i"], []),
    "occupation": (["o"], []),
    "employer card": (["e", "enter"], []),
    "search": (["ctrl+k"], []),
    "import": (["c", "i"], []),
    "add a follow-up": (["f", "a"], []),
    "plan": (["p", "enter"], ["email", "phone", "intro-tab", "questions", "schedule"]),
    "after": (["a"], ["part 1", "part 2", "part 3", "part 4"]),
    "meeting": (["m", "s"], []),
}
AT_LEAST = {"new contact": 9, "me": 7, "occupation": 8, "employer card": 13, "plan": 6,
            "after": 9}  # fmt: skip


def value_of(widget: Input | TextArea) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


@pytest.mark.parametrize("area", list(AREAS))
async def test_every_field_takes_a_long_joined_multi_line_paste_then_a_letter(tmp_path, area):
    clock = FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=UTC))
    app = build_app(clock, demo_in=tmp_path, autosave_after=0)
    keys, parts = AREAS[area]
    wrong: list[str] = []
    tried: list[str] = []

    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = record_notifications(app)

        async def settle() -> None:
            await pilot.pause()

        async def try_fields(where: str) -> None:
            screen = app.screen
            fields = [
                w
                for w in screen.focus_chain
                if isinstance(w, Input | TextArea) and not getattr(w, "read_only", False)
            ]
            for field in fields:
                name = f"{where}: {field.id or type(field).__name__}"
                if app.screen is not screen or not field.is_attached:
                    break
                field.focus()
                await settle()
                if screen.focused is not field:
                    continue  # not reachable in this state
                tried.append(name)
                before = value_of(field)
                said.clear()
                app.post_message(events.Paste(PASTE))
                await settle()
                if app.screen is not screen:
                    wrong.append(f"{name}: the paste left the screen for {app.screen}")
                    return
                after = value_of(field)
                logged = " ".join(str(s.render()) for s in screen.query("NotesLog Static"))
                if JOINED not in after and JOINED not in logged and not said:
                    wrong.append(f"{name}: the paste was lost without a word ({after[:40]!r})")
                if "👩🏽🔬" in after + logged or "میخواهم" in after + logged:
                    wrong.append(f"{name}: a joiner was taken out")
                typed = value_of(field)
                await pilot.press("q")  # a letter on text is text, never a command
                await settle()
                if app.screen is not screen:
                    wrong.append(f"{name}: 'q' acted as a command ({app.screen})")
                    return
                if screen.focused is field and value_of(field) == typed and not said:
                    wrong.append(f"{name}: 'q' was neither typed nor refused in words")
                if isinstance(field, TextArea):  # as it was, for the next field's turn
                    field.text = before
                else:
                    field.value = before
                await settle()

        await pilot.press(*keys)
        await settle()
        await app.workers.wait_for_complete()
        await settle()
        if not parts:
            await try_fields(area)
        for part in parts:
            if area == "plan":
                app.screen.query_one(TabbedContent).active = part
                await settle()
            await try_fields(f"{area}, {part}")
            if area == "after":
                await pilot.press("ctrl+n")
                await settle()

    assert len(tried) >= AT_LEAST.get(area, 1), tried
    assert not wrong, "\n".join(wrong)
