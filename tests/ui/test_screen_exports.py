"""Exports from the screens where they belong, and the one helper that saves a file for the
person (screens/files.py): written beside the data file or in a folder typed, 0600, never over
a file without asking, private notes only when ticked; in a browser, a download instead."""

from __future__ import annotations

import io
import stat
from datetime import timedelta

import pytest
from icalendar import Calendar
from textual.widgets import Checkbox

from infoview_tui.app import InfoviewApp
from infoview_tui.dialogs.confirm import ConfirmScreen
from infoview_tui.dialogs.export import ExportDialog
from infoview_tui.domain import after
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Note,
    Organization,
    Profile,
    Reflection,
    Session,
)
from infoview_tui.screens.after.screen import AfterScreen
from infoview_tui.screens.followups.queue import QueueScreen
from infoview_tui.screens.people.contacts import ContactsScreen
from infoview_tui.screens.plan.meetings import MeetingsScreen
from infoview_tui.widgets.path_input import PathInput

from .conftest import NOW, record_notifications, store_opened

WORK_ABILITY = "SENTINEL-work-ability-7f3a"
DISCLOSURE = "SENTINEL-disclosure-91c2"


@pytest.fixture
def ids(store):
    store.save_profile(
        Profile(name="Sam Rivera", work_ability=WORK_ABILITY, disclosure_plan=DISCLOSURE)
    )
    harbour = store.organizations.save(Organization(name="Harbour Health", rank=1))
    ada = store.contacts.save(
        Contact(name="Ada Okafor", organization_id=harbour.id, email="ada@example.org")
    )
    ben = store.contacts.save(Contact(name="Ben Li"))
    held = store.interviews.save(
        Interview(
            contact_id=ada.id, organization_id=harbour.id, status=InterviewStatus.DONE,
            when=NOW - timedelta(hours=2),
            session=Session(started=NOW - timedelta(hours=2), ended=NOW - timedelta(hours=1)),
            notes=[Note("Most research is remote now", 60)],
            reflection=Reflection(learned="Most research is remote now"),
        )
    )  # fmt: skip
    soon = store.interviews.save(
        Interview(contact_id=ben.id, status=InterviewStatus.SCHEDULED,
                  when=NOW + timedelta(days=2), place="City Clinic café")
    )  # fmt: skip
    thanks = store.followups.save(after.thank_you_item(held, ada, NOW - timedelta(hours=1), []))
    store.followups.save(
        FollowUp(kind=FollowUpKind.REACH_OUT, title="Call Ben", due=NOW.date() + timedelta(3))
    )
    return {"held": held.id, "soon": soon.id, "ada": ada.id, "thanks": thanks.id}


def private(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def dialog(pilot) -> ExportDialog:
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportDialog)
    return screen


async def test_after_exports_this_meeting_as_markdown_private_notes_only_when_ticked(
    run_app, ids, data_path, screen_text
):
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        pilot.app.push_screen(AfterScreen(ids["held"]))
        await pilot.pause()
        await pilot.press("x")
        box = await dialog(pilot)
        text = screen_text(pilot.app)
        assert "The meeting with Ada Okafor." in str(box.query_one("#export-about").render())
        assert "File: infoview-meeting-ada-okafor-1.md" in text
        assert "They stay out unless you tick this" in text
        assert box.query_one("#export-private", Checkbox).value is False
        await pilot.press("enter")  # in the folder field: save beside the data file
        await pilot.pause()
        saved = data_path.parent / "infoview-meeting-ada-okafor-1.md"
        markdown = saved.read_text(encoding="utf-8")
        assert "Ada Okafor" in markdown and "Most research is remote now" in markdown
        assert WORK_ABILITY not in markdown and DISCLOSURE not in markdown
        assert private(saved) == 0o600
        assert said[-1] == f"Saved to {saved}: The meeting with Ada Okafor"

        # Again, with the private notes ticked: the file exists, so it asks first.
        await pilot.press("x")
        box = await dialog(pilot)
        box.query_one("#export-private", Checkbox).value = True
        await pilot.pause()
        assert "your private notes will be in this file" in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert WORK_ABILITY not in saved.read_text(encoding="utf-8")
        assert "is kept as it was" in said[-1]
        await pilot.press("x")
        box = await dialog(pilot)
        box.query_one("#export-private", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # replace
        await pilot.pause()
        markdown = saved.read_text(encoding="utf-8")
        assert WORK_ABILITY in markdown and DISCLOSURE in markdown
        assert private(saved) == 0o600
        assert not [p for p in data_path.parent.iterdir() if ".tmp-" in p.name]


async def test_a_folder_typed_is_where_the_file_goes_and_a_missing_one_is_said(
    run_app, ids, tmp_path, data_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))  # "~" is the home folder, as typed
    out = tmp_path / "exports"
    out.mkdir()
    async with run_app() as pilot:
        pilot.app.push_screen(MeetingsScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("c")  # every meeting to a calendar file
        box = await dialog(pilot)
        folder = box.query_one("#export-folder", PathInput)
        folder.value = str(tmp_path / "not-there")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is box  # refused where the person is looking
        assert "There is no folder" in str(box.query_one("#export-folder-error").render())
        folder.value = "~/exports"
        await pilot.press("enter")
        await pilot.pause()
        (saved,) = out.iterdir()
        assert saved.name == "infoview-meetings-2026-11-25.ics"
        calendar = Calendar.from_ical(saved.read_bytes())
        events = calendar.walk("VEVENT")
        assert sorted(str(e["SUMMARY"]) for e in events) == [
            "Informational interview: Ada Okafor (Harbour Health)",
            "Informational interview: Ben Li",
        ]
        assert not calendar.walk("VTODO")  # the meetings only: follow-ups have their own
        assert private(saved) == 0o600
        assert not list(data_path.parent.glob("*.ics"))


async def test_meetings_export_the_highlighted_meeting_as_markdown(run_app, ids, data_path):
    async with run_app() as pilot:
        pilot.app.push_screen(MeetingsScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("x")  # the soonest meeting is highlighted first: Ben's
        await dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
        saved = data_path.parent / f"infoview-meeting-ben-li-{ids['soon']}.md"
        assert "Ben Li" in saved.read_text(encoding="utf-8")


async def test_follow_ups_export_open_items_to_a_calendar_as_events_or_to_dos(
    run_app, ids, data_path
):
    async with run_app() as pilot:
        pilot.app.push_screen(QueueScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("c")
        box = await dialog(pilot)
        assert box.query_one("#export-todos", Checkbox).value is False
        box.query_one("#export-todos", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = data_path.parent / "infoview-follow-ups-2026-11-25.ics"
        calendar = Calendar.from_ical(saved.read_bytes())
        assert sorted(str(t["SUMMARY"]) for t in calendar.walk("VTODO")) == [
            "Call Ben",
            "Send a thank-you to Ada Okafor",
        ]
        assert not calendar.walk("VEVENT")  # no meetings in the follow-ups' file


async def test_contacts_export_vcards(run_app, ids, data_path):
    async with run_app() as pilot:
        pilot.app.push_screen(ContactsScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("v")
        await dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
        saved = data_path.parent / "infoview-contacts-2026-11-25.vcf"
        cards = saved.read_text(encoding="utf-8")
        assert cards.count("BEGIN:VCARD") == 2 and "ada@example.org" in cards


async def test_saving_the_thank_you_twice_asks_before_replacing_it(run_app, ids, data_path):
    async with run_app() as pilot:
        screen = AfterScreen(ids["held"])
        pilot.app.push_screen(screen)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = data_path.parent / "thank-you-ada-okafor-2026-11-25.txt"
        first = saved.read_text(encoding="utf-8")
        assert first.startswith("Dear Ada,") and first.endswith("\n")
        saved.write_text("my own edits\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert saved.read_text(encoding="utf-8") == "my own edits\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert saved.read_text(encoding="utf-8") == first
        assert f"Saved to {saved}" in str(screen.query_one("#thanks-status").render())


async def test_in_a_browser_the_files_are_downloads_not_files(
    run_app, ids, data_path, monkeypatch, screen_text
):
    """Under `infoview serve` (Textual's web driver) the same keys hand the browser the file."""
    monkeypatch.setattr(InfoviewApp, "is_web", property(lambda self: True))
    delivered: list[tuple[str, bytes, str]] = []

    def deliver_binary(self, binary, *, save_filename=None, mime_type=None, **_):
        delivered.append((save_filename, binary.read(), mime_type))
        assert isinstance(binary, io.BytesIO)
        return "key"

    monkeypatch.setattr(InfoviewApp, "deliver_binary", deliver_binary)
    before = sorted(p.name for p in data_path.parent.iterdir())
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        screen = AfterScreen(ids["held"])
        pilot.app.push_screen(screen)
        await pilot.pause()
        draft = screen.query_one("#draft").text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert delivered[-1] == (
            "thank-you-ada-okafor-2026-11-25.txt",
            (draft + "\n").encode(),
            "text/plain; charset=utf-8",
        )
        assert said[-1] == (
            "Your browser is downloading thank-you-ada-okafor-2026-11-25.txt (see its downloads)."
        )
        assert "Your browser is downloading" in str(screen.query_one("#thanks-status").render())
        await pilot.press("x")
        box = await dialog(pilot)
        assert "Your browser will download it." in screen_text(pilot.app)
        assert not box.query("#export-folder")  # no folder to choose
        await pilot.press("enter")  # enter saves: no tick box has taken the focus
        await pilot.pause()
        name, data, kind = delivered[-1]
        assert name == "infoview-meeting-ada-okafor-1.md" and kind.startswith("text/markdown")
        assert b"Ada Okafor" in data and WORK_ABILITY.encode() not in data
    store_files = sorted(p.name for p in data_path.parent.iterdir())
    assert not [n for n in store_files if n.endswith((".txt", ".md")) and n not in before]


@pytest.mark.parametrize(
    "typed", ["z" * 100_000, "/tmp/\x00/out", "/" + "y" * 300, "~/👩‍👩‍👧‍👦 not here"]
)
async def test_an_odd_folder_is_refused_in_the_dialog_never_a_crash(run_app, ids, typed):
    from textual import events

    async with run_app() as pilot:
        pilot.app.push_screen(ContactsScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("v")
        box = await dialog(pilot)
        folder = box.query_one("#export-folder", PathInput)
        folder.value = ""
        folder.post_message(events.Paste(typed))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # its completion, on a thread
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is box and pilot.app.is_running
        assert str(box.query_one("#export-folder-error").render())


async def test_exports_on_the_demo(tmp_path):
    from infoview_tui.clock import FakeClock
    from infoview_tui.launch import build_app

    app = build_app(FakeClock(NOW), demo_in=tmp_path, autosave_after=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_opened(pilot)
        await pilot.press("a")  # after the latest meeting
        await pilot.pause()
        await pilot.press("x")
        await dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # leave the field, then the screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("c")
        await dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
    (markdown,) = tmp_path.glob("infoview-meeting-*.md")
    assert markdown.read_text(encoding="utf-8").startswith("# ")
    (calendar,) = tmp_path.glob("infoview-meetings-*.ics")
    assert Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
