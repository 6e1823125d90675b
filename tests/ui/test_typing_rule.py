"""The typing rule (infoview_tui/typing_rule.py) on every screen and dialog, and the traps the
audit found: read-only text that took focus while letter keys acted as commands, a part key
that landed in a field, tab selecting a filled field, no undo in one-line fields.

The conftest clock is Wednesday 25 November 2026, 09:00 UTC.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static, TabbedContent

from infoview_tui.dialogs.add_followup import AddItemScreen
from infoview_tui.dialogs.capture import CaptureScreen
from infoview_tui.dialogs.contact_card import ContactCard
from infoview_tui.dialogs.energy import EnergyScreen
from infoview_tui.dialogs.text_prompt import TextPrompt
from infoview_tui.domain.records import (
    CaptureKind,
    Contact,
    Interview,
    InterviewStatus,
    Note,
    Profile,
    Session,
)
from infoview_tui.launch import build_app
from infoview_tui.screens import router
from infoview_tui.screens.help import HelpScreen
from infoview_tui.screens.people.contact_form import ContactFormScreen
from infoview_tui.widgets.text_input import TextInput

from . import test_after_screen
from .conftest import record_notifications
from .test_after_screen import open_after

ids = test_after_screen.ids  # the fixture: a finished meeting with notes and captures


def rule_breaks(screen: Screen) -> list[str]:
    """What on `screen` breaks the rule: read-only text that can take focus, a one-line field
    that selects all of itself when tabbed into (or is not a TextInput)."""
    found = []
    for widget in screen.query("*").results():
        name = f"{type(widget).__name__}#{widget.id}"
        # Text to read (a scrolling box, a Static) may not take focus; fields, lists, check
        # boxes and radio sets are controls, though ScrollViews or Statics underneath.
        control = isinstance(widget, ScrollView | Checkbox | RadioButton | RadioSet)
        text = isinstance(widget, ScrollableContainer | Static) and not control
        if text and widget.allow_focus():
            found.append(f"{name} takes focus")
        if isinstance(widget, Input) and (
            widget.select_on_focus or not isinstance(widget, TextInput)
        ):
            found.append(f"{name} selects on focus or has no undo")
    return found


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_no_screen_or_dialog_breaks_the_rule(run_app, clock, tmp_path: Path):
    """Every area, the plan, the meeting, the after screen and each dialog: read-only text
    never takes focus, and every one-line field keeps its text when tabbed into."""
    app = build_app(clock, demo_in=tmp_path / "demo", autosave_after=0)
    async with run_app(app) as pilot:
        store = app.store
        broken: dict[str, list[str]] = {}

        async def check(label: str) -> None:
            await settle(pilot)
            if found := rule_breaks(app.screen):
                broken[label] = found

        await check("home")
        for area in router.Area:
            router.open_area(app, area)
            await check(str(area))
            app.pop_screen()
            await settle(pilot)
        meetings = store.interviews.all()
        done = next(i for i in meetings if i.status is InterviewStatus.DONE)
        planned = next(i for i in meetings if i.status is InterviewStatus.SCHEDULED)
        for label, opener in [
            ("after", lambda: router.open_after(app, done.id)),
            ("plan", lambda: router.open_plan(app, planned.id)),
            ("employer card", lambda: router.open_employer(app, store.organizations.all()[0].id)),
        ]:
            opener()
            await check(label)
            app.pop_screen()
            await settle(pilot)
        contact = store.contacts.all()[0]
        for label, dialog in [
            ("contact form", ContactFormScreen(contact)),
            ("contact card", ContactCard(contact)),
            ("prompt", TextPrompt("New employer", "Name of the organisation:", max_length=200)),
            ("capture", CaptureScreen(CaptureKind.REFERRAL, 0, "Ada")),
            ("energy", EnergyScreen(Profile())),
            ("add follow-up", AddItemScreen(clock.now())),
            ("help", HelpScreen(app.screen)),
        ]:
            app.push_screen(dialog)
            await check(label)
            app.pop_screen()
            await settle(pilot)
        router.open_live(app, planned.id)
        await check("meeting")
    assert broken == {}, "\n".join(f"{k}: {v}" for k, v in broken.items())


# ----- read-only text never takes focus -------------------------------------------------------


async def test_tab_from_skills_skips_the_perceptions_and_letters_stay_typed(
    run_app, ids, store, reopen
):
    """The bug: tab from Skills landed on the read-only perceptions box; typing there was lost
    while `i` logged "in touch" and `3` jumped to Leads."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        said = record_notifications(pilot.app)
        await pilot.press("2")
        screen.set_focus(screen.query_one("#say-skills"))
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is screen.query_one("#reality")
        await pilot.press(*"it is 3 days in the office")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-reflect"
        assert not [s for s in said if "touch" in s.lower()]
        store.flush()
    assert reopen().interviews.get(ids["iv"]).reflection.reality == "it is 3 days in the office"


async def test_the_perceptions_box_scrolls_from_the_keyboard(run_app, ids, store):
    occupation = store.occupations.get(ids["occ"])
    long = "\n".join(f"line {n}" for n in range(30))
    store.occupations.save(replace(occupation, perceptions=long))
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2")
        box = screen.query_one("#perceptions-box")
        screen.set_focus(screen.query_one("#reality"))
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert box.scroll_y == 0


async def test_contacts_detail_never_takes_focus_so_m_is_not_a_meeting(run_app, store, reopen):
    """The bug: tab put focus on the contact's details; `m` typed there started a meeting."""
    store.contacts.save(Contact(name="Ada Okafor"))
    async with run_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("tab")  # from the table: round to the filter, never the details
        await pilot.pause()
        assert screen.focused is screen.query_one("#contacts-filter")
        await pilot.press("m")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one("#contacts-filter", Input).value == "m"
    assert reopen().interviews.all() == []


async def test_contact_form_fields_box_never_takes_focus(run_app, store):
    async with run_app() as pilot:
        pilot.app.push_screen(ContactFormScreen())
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press("shift+tab")  # back from Name: round to the notes, never the box
        await pilot.pause()
        assert form.focused is form.query_one("#notes")


# ----- issue 15: part keys on a meeting whose contact was deleted ---------------------------


async def test_part_4_without_a_contact_shows_part_4_and_types_nothing(
    run_app, store, reopen, clock
):
    """The bug: with the contact deleted, `4` stayed on part 1 with the cursor in "One thing
    I learned"; a second `4` replaced the saved sentence with "4"."""
    now = clock.now()
    iv = store.interviews.save(
        Interview(
            contact_id=None,
            status=InterviewStatus.DONE,
            session=Session(started=now - timedelta(hours=2), ended=now - timedelta(hours=1)),
            notes=[Note("Fasting visits on Tuesdays")],
        )
    )
    async with run_app() as pilot:
        screen = await open_after(pilot, iv.id)
        await pilot.press("enter")  # the note becomes the thing learned
        await pilot.pause()
        for _ in range(2):
            await pilot.press("4")
            await pilot.pause()
            assert screen.query_one(TabbedContent).active == "tab-touch"
            assert not isinstance(screen.focused, Input)
        assert screen.query_one("#learned", Input).value == "Fasting visits on Tuesdays"
        store.flush()
    assert reopen().interviews.get(iv.id).reflection.learned == "Fasting visits on Tuesdays"


# ----- a filled field keeps its text; undo -------------------------------------------------


async def test_tab_into_a_filled_field_keeps_its_text(run_app, ids, store, reopen):
    """The bug: tab selected all of a filled field, so the next key replaced it."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("enter")  # "Most research is remote now" is the thing learned
        await pilot.press("tab", "tab", "shift+tab")  # into it, to the draft, and back
        await pilot.pause()
        assert screen.focused is screen.query_one("#learned")
        await pilot.press(*" (mostly)")
        await pilot.pause()
        assert screen.query_one("#learned", Input).value == "Most research is remote now (mostly)"


async def test_ctrl_z_undoes_the_last_edit_in_a_one_line_field(run_app):
    async with run_app() as pilot:
        pilot.app.push_screen(TextPrompt("New employer", "Name:", value="Harbour"))
        await settle(pilot)
        field = pilot.app.screen.query_one(Input)
        await pilot.press(*" Health Trust")
        await pilot.press("ctrl+z")
        assert field.value == "Harbour Health "
        await pilot.press("ctrl+z", "ctrl+z")
        assert field.value == "Harbour"
        await pilot.press("ctrl+y")
        assert field.value == "Harbour "
        await pilot.press("ctrl+shift+z")
        assert field.value == "Harbour Health "
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.press("ctrl+z")
        assert field.value == "Harbour Health "
        field.value = "set by the screen"  # not an edit: nothing of the old text comes back
        await pilot.press("ctrl+z")
        assert field.value == "set by the screen"
