"""Faults around the store, through the whole app: another program's change, the choice, more
typing, quitting (or a full disk while quitting), and what the next start finds. Also a
read-only file, and a file that is missing tables.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.widgets import Input, OptionList, TextArea

from infoview_tui.dialogs.conflict import ConflictScreen, LeftoverScreen
from infoview_tui.dialogs.quit_trouble import QuitTroubleScreen
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    Interview,
    InterviewStatus,
    Note,
    Organization,
    PlannedQuestion,
    Session,
)
from infoview_tui.launch import build_app
from infoview_tui.screens.fatal import FatalScreen
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.meet.screen import MeetingScreen
from infoview_tui.screens.prepare.me import MeScreen
from infoview_tui.store import atomic, journal
from infoview_tui.store.store import Store

from .conftest import record_notifications


def read_json(path: Path):
    return json.loads(path.read_bytes())


def told(said: list[str]) -> str:
    """Every notification recorded (see conftest.record_notifications), as one text."""
    return "\n".join(said)


async def settle(pilot, store) -> None:
    """Let the writer look at the file now (the app asks every 3 s) and the app react."""
    store.check_for_outside_change()
    store.flush()
    store.flush()
    await pilot.pause()
    await pilot.pause()


async def type_in_me(pilot, words: str) -> None:
    pilot.app.push_screen(MeScreen())
    await pilot.pause()
    assert isinstance(pilot.app.screen, MeScreen)
    await pilot.press("tab", "end", *words)  # from My name to Interests
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


async def quit_app(pilot) -> None:
    await pilot.press("ctrl+q")
    await pilot.pause()


def edit_keeping_revision(path: Path, old: str, new: str) -> None:
    data = read_json(path)
    for doc in data["contacts"].values():
        if doc["name"] == old:
            doc["name"] = new
    with open(path, "r+b") as f:  # an editor saving in place; meta left as it was
        f.truncate(0)
        f.write(json.dumps(data).encode())


def another_infoview_saved(path: Path, change) -> bytes:
    """Another infoview (another device, via a sync tool) saved: it continued from our
    revision, so its previous_revision is ours."""
    data = read_json(path)
    info = data["meta"]["1"]
    info["previous_revision"], info["revision"] = info["revision"], "0ther0ther0ther0"
    change(data)
    raw = json.dumps(data).encode()
    tmp = path.with_name("sync-download.tmp")
    tmp.write_bytes(raw)
    os.replace(tmp, path)
    return raw


def names(store) -> list[str]:
    return sorted(c.name for c in store.contacts.all())


# ----- 9.1: an outside edit that keeps the revision ---------------------------------------------


async def test_an_outside_edit_keeping_the_revision_is_caught_and_both_versions_kept(
    run_app, store, data_path, clock
):
    store.contacts.save(Contact(name="Ana"))
    store.save_now()
    async with run_app() as pilot:
        edit_keeping_revision(data_path, "Ana", "Ana (edited in a text editor)")
        theirs = data_path.read_bytes()
        await settle(pilot, store)
        assert isinstance(pilot.app.screen, ConflictScreen)
        assert data_path.read_bytes() == theirs
        await pilot.press("m")  # keep mine
        await pilot.pause()
        await type_in_me(pilot, "gardens")  # more typing after the choice
        await quit_app(pilot)

    again = Store.open(data_path, clock, readonly=True)
    assert names(again) == ["Ana"]
    assert again.profile().interests == "gardens"
    (kept,) = data_path.with_name("infoview.backups").glob("infoview-other-program-*.json")
    assert kept.read_bytes() == theirs  # theirs, whole


async def test_an_edit_the_stat_cannot_see_is_not_written_over_when_quitting(
    run_app, store, data_path, clock
):
    """Same length, mtime put back: only the content check before the final save sees it."""
    store.contacts.save(Contact(name="Bob Marley"))
    store.save_now()
    async with run_app() as pilot:
        before = os.stat(data_path)
        raw = data_path.read_bytes()
        with open(data_path, "r+b") as f:
            f.seek(raw.index(b"Bob Marley"))
            f.write(b"Bob Dylan!")
        os.utime(data_path, ns=(before.st_atime_ns, before.st_mtime_ns))
        theirs = data_path.read_bytes()
        await type_in_me(pilot, "gardens")
        await settle(pilot, store)  # the cheap check after each batch cannot tell
        assert not isinstance(pilot.app.screen, ConflictScreen)
        await quit_app(pilot)
    assert data_path.read_bytes() == theirs  # "Dylan" is kept
    assert "changed by another program" in (pilot.app.close_note or "")
    (ours,) = data_path.parent.glob("infoview.mine-*.json")
    mine = Store.open(ours, clock, readonly=True)
    assert names(mine) == ["Bob Marley"] and mine.profile().interests == "gardens"


# ----- 9.2: "later", more typing, quit; the next start offers our version -----------------------


async def test_a_conflict_left_for_later_is_offered_at_the_next_start(
    run_app, store, data_path, clock
):
    store.contacts.save(Contact(name="Ana"))
    store.save_now()
    laptop = {"name": "From the laptop"}
    async with run_app() as pilot:
        theirs = another_infoview_saved(data_path, lambda d: d["contacts"].update({"9": laptop}))
        await settle(pilot, store)
        assert isinstance(pilot.app.screen, ConflictScreen)
        await pilot.press("escape")  # decide later
        await pilot.pause()
        assert "changed elsewhere" in pilot.app.sub_title
        pilot.app.action_resolve_conflict()  # the palette's Resolve asks again
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConflictScreen)
        await pilot.press("escape")  # later, still
        await pilot.pause()
        await type_in_me(pilot, "typed after the conflict")
        await quit_app(pilot)
    assert data_path.read_bytes() == theirs
    assert "changed by another program" in (pilot.app.close_note or "")
    assert pilot.app.close_problem is None

    second = Store.open(data_path, clock)
    (aside,) = data_path.parent.glob("infoview.json.journal.orphan-*")  # the session's journal
    app = build_app(clock, store=second)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LeftoverScreen)
        (copy,) = data_path.parent.glob("infoview.mine-*.json")
        shown = str(app.screen.query_one(".dialog Static").render())
        assert copy.name in shown.replace("\n", "")
        assert "1 contact" in shown and "2 contacts" in shown
        await pilot.press("u")  # use that version
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert f"{aside.name} held only changes that are in your data" in told(said)
        assert "nothing is lost" in told(said)
        assert second.profile().interests == "typed after the conflict"
        assert names(second) == ["Ana"]
        await quit_app(pilot)

    again = Store.open(data_path, clock, readonly=True)
    assert again.profile().interests == "typed after the conflict"
    (before,) = data_path.with_name("infoview.backups").glob("*before-using-copy*.json")
    assert "From the laptop" in before.read_text()  # theirs kept whole
    assert not list(data_path.parent.glob("infoview.mine-*.json"))  # chosen: not offered again
    assert not list(data_path.parent.glob("*.orphan-*"))  # nothing left beside the file
    (retired,) = data_path.with_name("infoview.backups").glob(aside.name)
    assert b"typed after the conflict" in retired.read_bytes()


# ----- 9.3: "load theirs" during a meeting ------------------------------------------------------


@pytest.fixture
def live_meeting(store, clock) -> int:
    org = store.organizations.save(Organization(name="Harbour Health"))
    ada = store.contacts.save(Contact(name="Ada Okafor", organization_id=org.id))
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            organization_id=org.id,
            status=InterviewStatus.LIVE,
            session=Session(started=clock.now()),
            place="Their office",
            questions=[PlannedQuestion(text="How did you start?")],
        )
    )
    store.save_now()
    return meeting.id


async def test_load_theirs_during_a_meeting_then_a_note_keeps_both(
    run_app, store, data_path, clock, live_meeting
):
    async with run_app() as pilot:
        await pilot.press("y")  # resume the meeting
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen)
        await pilot.press(*"before the sync", "enter")
        await pilot.pause()

        def their_edit(data):
            doc = data["interviews"][str(live_meeting)]
            doc["place"] = "The café downstairs"
            doc["notes"].append({"text": "their note", "elapsed": 5.0, "question": ""})

        another_infoview_saved(data_path, their_edit)
        await settle(pilot, store)
        assert isinstance(pilot.app.screen, ConflictScreen)
        await pilot.press("t")  # load theirs
        await pilot.pause()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        log = " ".join(str(s.render()) for s in screen.query("NotesLog Static"))
        assert "their note" in log and "before the sync" not in log  # shows the chosen one
        await pilot.press(*"after the sync", "enter")
        await pilot.pause()
        await quit_app(pilot)

    saved = Store.open(data_path, clock, readonly=True).interviews.get(live_meeting)
    assert saved.place == "The café downstairs"  # their edit
    assert [n.text for n in saved.notes] == ["their note", "after the sync"]
    (ours,) = data_path.with_name("infoview.backups").glob("infoview.mine-*.json")
    assert "before the sync" in ours.read_text()  # ours, kept whole


async def test_load_theirs_on_the_after_screen_then_typing_keeps_both(
    run_app, store, data_path, clock
):
    from infoview_tui.screens.after.screen import AfterScreen

    ada = store.contacts.save(Contact(name="Ada Okafor"))
    ended = clock.now()
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            status=InterviewStatus.DONE,
            session=Session(started=ended, ended=ended),
            place="Their office",
            notes=[Note("Most research is remote now")],
        )
    )
    store.save_now()
    async with run_app() as pilot:
        screen = AfterScreen(meeting.id)
        pilot.app.push_screen(screen)
        await pilot.pause()
        await pilot.press("2")  # the reflection
        screen.query_one("#reality").focus()
        await pilot.press(*"ours before the sync")
        await pilot.pause()

        def their_edit(data):
            doc = data["interviews"][str(meeting.id)]
            doc["place"] = "The café downstairs"
            doc["notes"].append({"text": "They hire from bootcamps", "elapsed": 5.0})

        another_infoview_saved(data_path, their_edit)
        await settle(pilot, store)
        assert isinstance(pilot.app.screen, ConflictScreen)
        await pilot.press("t")  # load theirs
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.screen is screen  # still here, showing their version
        assert screen.query_one("#reality", TextArea).text == ""
        listed = screen.query_one("#notes", OptionList)
        notes = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("They hire from bootcamps" in note for note in notes), notes
        screen.query_one("#reality").focus()
        await pilot.press(*"after the sync")
        await pilot.pause()
        await pilot.press("escape", "escape")  # out of the field, then back: all saved
        await pilot.pause()
        await quit_app(pilot)

    again = Store.open(data_path, clock, readonly=True).interviews.get(meeting.id)
    assert again.place == "The café downstairs"  # theirs, not written back over
    assert [n.text for n in again.notes] == [
        "Most research is remote now",
        "They hire from bootcamps",
    ]
    assert again.reflection is not None and again.reflection.reality == "after the sync"
    (ours,) = data_path.with_name("infoview.backups").glob("infoview.mine-*.json")
    kept = Store.open(ours, clock, readonly=True).interviews.get(meeting.id)
    assert kept.reflection.reality == "ours before the sync" and kept.place == "Their office"


# ----- 9.4: quitting while the disk is full -----------------------------------------------------


class FullDisk:
    """No new file and no appended byte fits in the data file's folder."""

    def __init__(self, monkeypatch, folder: Path) -> None:
        self.folder = folder
        self.monkeypatch = monkeypatch

    def _full(self, *_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self):
        def open_(path, flags, mode=0o777, *args, **kwargs):
            if flags & os.O_CREAT and Path(path).parent == self.folder:
                self._full()
            return os.open(path, flags, mode, *args, **kwargs)

        full = SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
        full.write = self._full
        atomic_os = SimpleNamespace(**vars(full))
        atomic_os.open = open_
        atomic_os.write = os.write
        self.monkeypatch.setattr(journal, "os", full)
        self.monkeypatch.setattr(atomic, "os", atomic_os)
        return self

    def __exit__(self, *_exc) -> None:
        self.monkeypatch.undo()


async def test_quitting_on_a_full_disk_asks_and_a_retry_saves_the_last_note(
    run_app, store, data_path, clock, live_meeting, monkeypatch
):
    async with run_app() as pilot:
        await pilot.press("y")
        await pilot.pause()
        with FullDisk(monkeypatch, data_path.parent):
            await pilot.press(*"the last note", "enter")
            await pilot.pause()
            store.flush()
            unsaved = store.unsaved_changes
            assert unsaved >= 1  # the note (and the draft before it) reached no file
            await quit_app(pilot)
            dialog = pilot.app.screen
            assert isinstance(dialog, QuitTroubleScreen)
            text = str(dialog.query_one("#quit-trouble-text").render())
            assert "No space left on device" in text
            assert f"the {store.unsaved_changes} changes are lost" in text
            await pilot.press("r")  # still full
            await pilot.pause()
            await pilot.pause()
            assert isinstance(pilot.app.screen, QuitTroubleScreen)
        await pilot.press("r")  # room again
        await pilot.pause()
        await pilot.pause()
    assert pilot.app.return_code == 0 and pilot.app.close_problem is None
    saved = Store.open(data_path, clock, readonly=True).interviews.get(live_meeting)
    assert [n.text for n in saved.notes] == ["the last note"]


async def test_quitting_on_a_full_disk_can_save_a_copy_elsewhere(
    run_app, store, data_path, clock, tmp_path, monkeypatch
):
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    async with run_app() as pilot:
        with FullDisk(monkeypatch, data_path.parent):
            store.contacts.save(Contact(name="Typed while the disk was full"))
            store.flush()
            await quit_app(pilot)
            assert isinstance(pilot.app.screen, QuitTroubleScreen)
            await pilot.press("c")
            await pilot.pause()
            pilot.app.screen.query_one(Input).value = str(elsewhere)  # as if pasted
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
    (copy,) = elsewhere.iterdir()
    assert names(Store.open(copy, clock, readonly=True)) == ["Typed while the disk was full"]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


async def test_quitting_anyway_on_a_full_disk_says_what_is_lost_and_keeps_the_journal(
    run_app, store, data_path, clock, monkeypatch
):
    store.contacts.save(Contact(name="Ana"))
    store.flush()
    journal_file = data_path.with_name(data_path.name + ".journal")
    with FullDisk(monkeypatch, data_path.parent):  # full until infoview has closed
        async with run_app() as pilot:
            store.contacts.save(Contact(name="Bob"))
            store.flush()
            journal_then = journal_file.read_bytes()
            await quit_app(pilot)
            await pilot.press("q")  # quit anyway
            await pilot.pause()
    assert journal_file.read_bytes() == journal_then  # never shortened
    assert "the last 1 change of this session" in pilot.app.close_problem
    assert names(Store.open(data_path, clock, readonly=True)) == ["Ana"]


async def test_a_full_disk_shows_one_warning_however_many_saves_fail_and_not_over_the_quit_dialog(
    store, data_path, clock, live_meeting, monkeypatch
):
    app = build_app(clock, store=store, autosave_after=0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")  # resume the meeting
        await pilot.pause()
        with FullDisk(monkeypatch, data_path.parent):
            for n in range(6):  # six notes, six batches the disk refuses
                await pilot.press(*f"note {n}", "enter")
                await pilot.pause()
                store.flush()
                await pilot.pause()
            await pilot.pause()
            toasts = app.screen.query("Toast")
            assert len(toasts) == 1, [str(t.render()) for t in toasts]
            assert "No space left on device" in str(toasts.first().render())
            clock.advance(seconds=40)  # the warning timed out: said again, once
            await pilot.press(*"later", "enter")
            await pilot.pause()
            store.flush()
            await pilot.pause()
            await pilot.pause()
            assert len(app.screen.query("Toast")) == 1
            await quit_app(pilot)
            await pilot.pause()
            assert isinstance(app.screen, QuitTroubleScreen)
            assert len(app.screen.query("Toast")) == 0  # nothing over the dialog's lines
            await pilot.press("q")
            await pilot.pause()


# ----- 9.6: a read-only data file ---------------------------------------------------------------


async def test_a_read_only_file_can_be_read_everywhere_and_never_changes(data_path, clock):
    store = Store.open(data_path, clock)
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    store.organizations.save(Organization(name="Harbour Health", rank=1))
    store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.DONE, session=Session(started=None))
    )
    store.followups.save(FollowUp(title="Thank Ada", due=clock.today(), contact_id=ada.id))
    store.close()
    data_path.chmod(0o400)
    before = data_path.read_bytes()
    folder_before = sorted(p.name for p in data_path.parent.iterdir())

    app = build_app(clock, opener=lambda: Store.open(data_path, clock))
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == "read-only: its mode is 400, without write permission"
        for area, edit_key in [("c", "a"), ("e", "a"), ("f", "d"), ("p", "a"), ("o", "a")]:
            await pilot.press(area)
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen), area
            await pilot.press(edit_key)
            await pilot.pause()
            assert "read-only" in told(said), (area, edit_key)
            said.clear()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), area
        await pilot.press("i")  # Me: text to read, not to change
        await pilot.pause()
        assert all(area.read_only for area in app.screen.query(TextArea))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")  # after the meeting: keys that would change say why
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "read-only" in told(said)
        await quit_app(pilot)
    assert app.return_code == 0
    assert data_path.read_bytes() == before
    assert stat.S_IMODE(data_path.stat().st_mode) == 0o400
    assert sorted(p.name for p in data_path.parent.iterdir()) == folder_before


# ----- 9.7: any failure while opening reaches the person ----------------------------------------


async def test_a_file_missing_tables_opens_and_says_so(data_path, clock, screen_text):
    data_path.write_text(json.dumps({"meta": {"1": {"schema_version": 1, "revision": "r"}}}))
    app = build_app(clock, opener=lambda: Store.open(data_path, clock))
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Opening your data" not in screen_text(app)
        assert "no profile, occupations" in told(said)
        await quit_app(pilot)


async def test_a_failure_after_the_file_opened_is_shown_not_swallowed(store, clock):
    def broken_warm():
        raise KeyError("contacts")

    store.warm = broken_warm
    app = build_app(clock, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FatalScreen)
        message = str(app.screen.query_one("#fatal-message").render())
        assert "KeyError" in message
        Path(message.split("bug report: ")[1].split()[0]).unlink()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_load_theirs_closes_an_open_form_and_the_list_shows_their_version(
    run_app, store, data_path, clock, screen_text
):
    from infoview_tui.screens.people.contact_form import ContactFormScreen
    from infoview_tui.screens.people.contacts import ContactsScreen

    store.contacts.save(Contact(name="Ana Ortiz", notes="ours"))
    store.save_now()
    async with run_app() as pilot:
        await pilot.press("c", "enter")  # contacts, then the form of the highlighted one
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactFormScreen)
        another_infoview_saved(
            data_path, lambda d: d["contacts"]["1"].update(name="Ana Ortiz-Laptop")
        )
        await settle(pilot, store)
        await pilot.press("t")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)  # the form (of ours) was closed
        assert "Ana Ortiz-Laptop" in screen_text(pilot.app)
        await quit_app(pilot)
    assert names(Store.open(data_path, clock, readonly=True)) == ["Ana Ortiz-Laptop"]
