"""Pastes and long text as people bring them: several lines, 100,000 characters, emoji with
joiners, more than a field holds. Whatever a limit cuts is said on screen; nothing is dropped
silently. Pastes arrive as a terminal delivers them: one Paste event, to the focused field.

The meeting tests use test_meeting's fixtures (a scheduled meeting; its clock, 3 Dec 2026).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from infoview_tui.dialogs.capture import CaptureScreen
from infoview_tui.dialogs.text_prompt import TextPrompt
from infoview_tui.domain.records import CaptureKind
from infoview_tui.screens.people.contact_form import ContactFormScreen

from .conftest import record_notifications
from .test_meeting import clock, meeting_id, open_meeting, path, reopen, start

__all__ = ["clock", "meeting_id", "path"]  # fixtures, used by name

ZAHRA = "👩🏽‍🔬 Zahra می‌خواهم"  # a ZWJ emoji sequence, Persian with a ZWNJ


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


def notes_log(screen) -> str:
    return " ".join(str(s.render()) for s in screen.query("NotesLog Static"))


# ----- the meeting's notes line ---------------------------------------------------------------


async def test_a_100000_character_paste_in_the_notes_line_is_kept_whole(path, clock, meeting_id):
    """The bug: a paste over 5,000 characters was dropped whole, without a word."""
    long = ("word " * 20_000).strip()  # 99,999 characters
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        await paste(pilot, long + "!")
        assert screen.query_one("#note", Input).value == long + "!"
        await pilot.press(*" and more", "enter")
        await pilot.pause()
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    assert [n.text for n in saved.notes] == [long + "! and more"]


async def test_a_multi_line_paste_keeps_every_line_as_a_note(path, clock, meeting_id):
    """The bug: only the first line of a paste was kept. Each line is a note, as if enter was
    pressed after it; the last stays in the line to go on with."""
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        said = record_notifications(app)
        clock.advance(30)
        await pilot.press(*"She said: ")
        await paste(pilot, "start in admin\r\n\r\nthen ask\r\nfor a")
        assert screen.query_one("#note", Input).value == "for a"
        await pilot.press(*" transfer", "enter")
        await pilot.pause()
        assert "She said: start in admin" in notes_log(screen)
        assert any("pasted lines" in s for s in said)
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    assert [n.text for n in saved.notes] == [
        "She said: start in admin",
        "then ask",
        "for a transfer",
    ]
    assert saved.notes[0].elapsed == 30 and saved.notes[0].question == "How did you start?"


async def test_the_notes_line_undoes_and_ctrl_y_still_captures_a_job_title(path, clock, meeting_id):
    app, _store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        await pilot.press(*"mostly remote work")
        await pilot.press("ctrl+z")
        assert screen.query_one("#note", Input).value == "mostly remote "
        await pilot.press("ctrl+shift+z")
        assert screen.query_one("#note", Input).value == "mostly remote work"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)


async def test_joiners_survive_the_notes_line(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        await paste(pilot, ZAHRA)
        await pilot.press("enter")
        await pilot.pause()
        store.flush()
    assert reopen(path, clock).interviews.get(meeting_id).notes[0].text == ZAHRA


# ----- one-line prompts and captures ---------------------------------------------------------


async def test_a_multi_line_paste_into_a_prompt_is_joined(run_app):
    """The bug: a one-line prompt kept only the first line of a paste."""
    async with run_app() as pilot:
        answers: list[str | None] = []
        pilot.app.push_screen(TextPrompt("New employer", "Name:", max_length=200), answers.append)
        await pilot.pause()
        await paste(pilot, "Harbour\nHealth\n\tTrust\n")
        assert pilot.app.screen.query_one(Input).value == "Harbour Health Trust"
        await pilot.press("enter")
        await pilot.pause()
    assert answers == ["Harbour Health Trust"]


async def test_a_paste_longer_than_a_prompt_holds_is_cut_and_said(run_app):
    """The bug: a 300-character paste into a 200 limit was refused whole, without a word."""
    async with run_app() as pilot:
        pilot.app.push_screen(TextPrompt("New employer", "Name:", max_length=200))
        await pilot.pause()
        said = record_notifications(pilot.app)
        await paste(pilot, "x" * 300)
        assert pilot.app.screen.query_one(Input).value == "x" * 200
        assert said == [
            "Pasted 300 characters; this field holds 200, so the last 100 were left out."
        ]
        await pilot.press("y")  # typing at the limit: said once, not on every key
        await pilot.press("z")
        assert said[1:] == ["This field holds at most 200 characters."]


async def test_pasted_control_codes_are_left_out_and_said(run_app):
    async with run_app() as pilot:
        pilot.app.push_screen(TextPrompt("Add a next step", "What will I do next?"))
        await pilot.pause()
        said = record_notifications(pilot.app)
        await paste(pilot, "call\x07 Ada\u202e")
        assert pilot.app.screen.query_one(Input).value == "call Ada"
        assert said == ["Left out 2 hidden control characters from the paste."]


async def test_a_capture_keeps_every_line_of_a_paste(run_app):
    async with run_app() as pilot:
        kept = []
        pilot.app.push_screen(CaptureScreen(CaptureKind.OBSERVATION, 60, "Ada"), kept.append)
        await pilot.pause()
        await paste(pilot, "open plan\nquiet room for calls")
        await pilot.press("enter")
        await pilot.pause()
    assert kept[0].text == "open plan quiet room for calls"


# ----- any field ----------------------------------------------------------------------------


async def test_a_contact_name_keeps_its_joiners(run_app, store, reopen):
    """The bug: 👩🏽‍🔬 Zahra می‌خواهم was saved as 👩🏽🔬 Zahra میخواهم."""
    async with run_app() as pilot:
        pilot.app.push_screen(ContactFormScreen())
        await pilot.pause()
        await paste(pilot, ZAHRA)
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
    assert [c.name for c in reopen().contacts.all()] == [ZAHRA]


async def test_a_100000_character_paste_survives_a_field_without_a_limit(run_app, store, reopen):
    long = "The unit hires from the front desk. " * 2_800  # 100,800 characters
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        pilot.app.push_screen(TextPrompt("Add a demand", "A demand", max_length=0))
        await pilot.pause()
        await paste(pilot, long)
        assert pilot.app.screen.query_one(Input).value == long
        assert said == []
