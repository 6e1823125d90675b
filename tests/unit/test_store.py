"""The store keeps every record a user saved: across restarts, crashes and read-only peeks."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Note,
    Organization,
    Profile,
    Question,
)
from infoview_tui.services import people
from infoview_tui.store.errors import FileUnreadable
from infoview_tui.store.store import Store

from .store_helpers import START, crash_image, read_json, snapshot_dir

TABLES = {
    "meta",
    "profile",
    "occupations",
    "organizations",
    "contacts",
    "interviews",
    "followups",
    "questions",
}
PLUS_ONE = timezone(timedelta(hours=1))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def revision_of(path: Path) -> str:
    return read_json(path)["meta"]["1"]["revision"]


def write_journal(path: Path, base: str, *ops: dict, torn: bytes = b"") -> bytes:
    """A journal as a crashed run leaves it: header, complete op lines, maybe a torn tail."""
    lines = [json.dumps({"journal": 1, "base": base})]
    lines += [json.dumps(op, ensure_ascii=False) for op in ops]
    raw = ("\n".join(lines) + "\n").encode() + torn
    journal_of(path).write_bytes(raw)
    return raw


def names(store) -> list[str]:
    return sorted(c.name for c in store.contacts.all())


# ----- creating -------------------------------------------------------------------------------


def test_a_missing_file_is_created_with_its_folders_private_and_complete(tmp_path, open_store):
    path = tmp_path / "not" / "yet" / "there" / "infoview.json"
    store = open_store(path)
    assert path.is_file()
    assert mode(path) == 0o600
    data = read_json(path)
    assert set(data) == TABLES
    assert data["meta"]["1"]["schema_version"] == 1
    assert store.contacts.all() == []
    store.contacts.save(Contact(name="Ana"))
    store.flush()
    assert mode(journal_of(path)) == 0o600  # the journal holds notes too
    store.close()
    assert mode(path) == 0o600
    assert set(read_json(path)) == TABLES


# ----- saving and reading ---------------------------------------------------------------------


def test_save_get_all_delete(data_path, open_store):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana", email="ana@example.org"))
    bob = store.contacts.save(Contact(name="Bob"))
    assert ana.id is not None and bob.id is not None and ana.id != bob.id
    assert store.contacts.get(ana.id) == ana
    assert sorted(c.id for c in store.contacts.all()) == sorted([ana.id, bob.id])
    assert len(store.contacts) == 2

    store.contacts.save(Contact(id=ana.id, name="Ana Díaz"))
    assert store.contacts.get(ana.id).name == "Ana Díaz"
    assert len(store.contacts) == 2  # an update, not a second record

    copy = store.contacts.get(bob.id)
    copy.name = "changed but not saved"
    assert store.contacts.get(bob.id).name == "Bob"

    store.contacts.delete(bob.id)
    assert store.contacts.get(bob.id) is None
    assert [c.name for c in store.contacts.all()] == ["Ana Díaz"]
    store.contacts.delete(12345)  # deleting what is not there is harmless
    assert store.contacts.get(None) is None


def test_everything_survives_a_reopen_with_the_same_ids(data_path, open_store, clock):
    store = open_store(data_path)
    org = store.organizations.save(Organization(name="Acme", rank=1))
    ids = [store.contacts.save(Contact(name=f"c{i}", organization_id=org.id)).id for i in range(5)]
    store.contacts.delete(ids[1])
    iv = store.interviews.save(
        Interview(
            contact_id=ids[0],
            status=InterviewStatus.DONE,
            when=clock.now(),
            notes=[Note(text="kept", elapsed=12.0)],
        )
    )
    q = store.questions.save(Question(text="What surprised you?"))
    store.save_profile(Profile(name="Zoë", rest_days=[6]))
    store.close()

    again = open_store(data_path)
    assert {c.id: c.name for c in again.contacts.all()} == {
        ids[0]: "c0",
        ids[2]: "c2",
        ids[3]: "c3",
        ids[4]: "c4",
    }
    assert again.contacts.get(ids[0]).organization_id == org.id
    assert again.interviews.get(iv.id).notes == [Note(text="kept", elapsed=12.0)]
    assert again.questions.get(q.id).text == "What surprised you?"
    assert again.profile() == Profile(name="Zoë", rest_days=[6])


def test_the_id_of_a_deleted_record_is_never_given_to_a_new_one(data_path, open_store):
    # Meetings with a deleted contact are kept as history; a new contact must not inherit them.
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana"))
    bob = store.contacts.save(Contact(name="Bob"))
    store.interviews.save(Interview(contact_id=bob.id, place="Bob's office"))
    store.contacts.delete(bob.id)  # as if another program had left the link behind
    store.close()

    again = open_store(data_path)
    carla = again.contacts.save(Contact(name="Carla"))
    assert carla.id != bob.id
    assert [iv.contact_id for iv in again.interviews.all()] == [bob.id]


def test_the_id_of_a_deleted_record_is_not_reused_after_a_crash(tmp_path, data_path, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    store = open_store(data_path)
    dan = store.contacts.save(Contact(name="Dan"))
    store.interviews.save(Interview(contact_id=dan.id))
    store.contacts.delete(dan.id)
    store.flush()
    # Both changes are only in the journal: recover from what is on disk now.
    crashed = crash_image(data_path, tmp_path / "after-crash")
    recovered = open_store(crashed)
    assert names(recovered) == ["Ana"]
    assert recovered.contacts.save(Contact(name="Eve")).id != dan.id


def test_odd_and_huge_text_survives_a_reopen(data_path, open_store):
    odd = 'Zoë 😀 李 — Ünïcödé\n\ttab «quotes» "json" \\ back\\slash \u200b zero-width'
    huge = ("Zoë 😀 李 notes line\n" * 60_000)[:1_000_000]
    store = open_store(data_path)
    a = store.contacts.save(Contact(name=odd, notes=huge))
    store.close()
    again = open_store(data_path)
    back = again.contacts.get(a.id)
    assert back.name == odd
    assert back.notes == huge
    assert len(back.notes) == 1_000_000


def test_datetimes_in_the_file_are_iso_8601_with_their_offset(data_path, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana", created=datetime(2026, 12, 3, 9, 0, tzinfo=PLUS_ONE)))
    store.followups.save(FollowUp(title="Thank Ana", due=date(2026, 12, 10)))
    store.close()
    data = read_json(data_path)
    (contact,) = data["contacts"].values()
    (followup,) = data["followups"].values()
    assert contact["created"] == "2026-12-03T09:00:00+01:00"
    assert followup["due"] == "2026-12-10"
    assert datetime.fromisoformat(contact["created"]).utcoffset() == timedelta(hours=1)


# ----- the journal: changes on disk at once, readable while the app runs ------------------------


def test_flushed_changes_are_in_the_journal_and_seen_by_a_read_only_open(data_path, open_store):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana"))
    bob = store.contacts.save(Contact(name="Bob"))
    store.flush()
    before = data_path.read_bytes()
    store.contacts.save(Contact(id=ana.id, name="Ana", notes="typed just now"))
    store.contacts.delete(bob.id)
    store.followups.save(FollowUp(title="Thank Ana", contact_id=ana.id))
    store.flush()

    ops = [json.loads(line) for line in journal_of(data_path).read_bytes().splitlines()[1:]]
    assert ops[-3:] == [
        {"t": "contacts", "id": ana.id, "d": ops[-3]["d"], "n": 3},
        {"t": "contacts", "id": bob.id, "x": 1, "n": 4},
        {"t": "followups", "id": ops[-1]["id"], "d": ops[-1]["d"], "n": 5},
    ]
    assert ops[-3]["d"]["notes"] == "typed just now"
    assert data_path.read_bytes() == before  # a small change costs an append, not a rewrite

    peek = open_store(data_path, readonly=True)  # the writer is still running
    assert not store.closed
    assert [(c.name, c.notes) for c in peek.contacts.all()] == [("Ana", "typed just now")]
    assert [f.title for f in peek.followups.all()] == ["Thank Ana"]
    with pytest.raises(PermissionError):
        peek.contacts.save(Contact(name="not allowed"))


def hand_made_journal_state(tmp_path: Path, kind: str, open_store) -> Path:
    """A folder as a crashed or interrupted run could leave it."""
    path = tmp_path / "store" / "infoview.json"
    store = open_store(path)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    revision = revision_of(path)
    if kind == "applied":
        write_journal(path, revision, {"t": "contacts", "id": 2, "d": {"name": "Bob"}})
        (path.parent / f".{path.name}.tmp-1a2b3c4d").write_bytes(b'{"half": ')
    elif kind == "orphan":
        write_journal(path, "0123456789abcdef", {"t": "contacts", "id": 2, "d": {"name": "X"}})
    elif kind == "missing":
        path.unlink()
    return path


@pytest.mark.parametrize("kind", ["applied", "orphan", "missing"])
def test_a_read_only_open_never_creates_or_changes_a_file(tmp_path, open_store, kind):
    path = hand_made_journal_state(tmp_path, kind, open_store)
    before = snapshot_dir(tmp_path)
    if kind == "missing":
        with pytest.raises(FileUnreadable) as caught:
            open_store(path, readonly=True)
        assert str(path) in str(caught.value)
        with pytest.raises(FileUnreadable):
            open_store(tmp_path / "elsewhere" / "new.json", readonly=True)
    else:
        store = open_store(path, readonly=True)
        expected = ["Ana", "Bob"] if kind == "applied" else ["Ana"]
        assert names(store) == expected
        store.flush()
        store.save_now()
        store.close()
    assert snapshot_dir(tmp_path) == before


def test_a_torn_last_journal_line_is_ignored_and_earlier_changes_survive(data_path, open_store):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana"))
    store.close()
    write_journal(
        data_path,
        revision_of(data_path),
        {"t": "contacts", "id": ana.id, "d": {"name": "Ana", "notes": "before the crash"}},
        {"t": "contacts", "id": 7, "d": {"name": "Bob"}},
        torn=b'{"t": "contacts", "id": 8, "d": {"name": "Car',
    )
    peek = open_store(data_path, readonly=True)
    assert names(peek) == ["Ana", "Bob"]

    store = open_store(data_path)
    assert store.contacts.get(ana.id).notes == "before the crash"
    assert store.contacts.get(7).name == "Bob"
    assert store.contacts.get(8) is None
    assert not store.notes  # a torn line is an ordinary crash, nothing to report
    store.close()
    # Folded into the file: they no longer depend on the journal.
    assert not journal_of(data_path).exists()
    assert {d["name"] for d in read_json(data_path)["contacts"].values()} == {"Ana", "Bob"}


def test_a_journal_already_folded_into_the_file_is_not_replayed(data_path, open_store):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana", notes="first"))
    bob = store.contacts.save(Contact(name="Bob"))
    store.flush()
    journal_then = journal_of(data_path).read_bytes()  # base: the revision at open
    store.contacts.save(Contact(id=ana.id, name="Ana", notes="later"))
    store.contacts.delete(bob.id)
    store.save_now()  # full save; a crash now, before the new journal, leaves the old one
    store.close()
    assert (
        read_json(data_path)["meta"]["1"]["previous_revision"]
        == json.loads(journal_then.splitlines()[0])["base"]
    )
    journal_of(data_path).write_bytes(journal_then)

    again = open_store(data_path)
    assert names(again) == ["Ana"]  # Bob's deletion is not undone
    assert again.contacts.get(ana.id).notes == "later"  # nor the later edit
    assert not again.notes
    again.close()
    again = open_store(data_path)  # and it stays that way
    assert names(again) == ["Ana"]
    assert again.contacts.get(ana.id).notes == "later"


def test_an_orphan_journal_is_set_aside_and_reported(data_path, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    raw = write_journal(
        data_path,
        "0123456789abcdef",  # continues a file that is no longer there
        {"t": "contacts", "id": 9, "d": {"name": "From another version"}},
        {"t": "contacts", "id": 10, "d": {"name": "Also"}},
    )
    store = open_store(data_path)
    assert names(store) == ["Ana"]
    (aside,) = data_path.parent.glob("infoview.json.journal.orphan-*")
    assert aside.name == "infoview.json.journal.orphan-20261203-090000"
    assert aside.read_bytes() == raw
    assert len(store.notes) == 1
    assert aside.name in store.notes[0] and "2 changes" in store.notes[0]
    store.contacts.save(Contact(name="Bob"))
    store.close()
    assert aside.read_bytes() == raw
    assert names(open_store(data_path)) == ["Ana", "Bob"]


def test_stale_temp_files_of_an_interrupted_save_are_removed(data_path, open_store):
    open_store(data_path).close()
    folder = data_path.parent
    stale = [
        folder / ".infoview.json.tmp-0a1b2c3d",
        folder / ".infoview.json.journal.tmp-deadbeef",
    ]
    unrelated = [folder / ".other.json.tmp-0a1b2c3d", folder / "infoview.json.tmp-notes.txt"]
    for p in stale + unrelated:
        p.write_bytes(b'{"half a file')
    open_store(data_path)
    assert [p.exists() for p in stale] == [False, False]
    assert [p.exists() for p in unrelated] == [True, True]


def test_a_crash_keeps_every_flushed_change(tmp_path, data_path, open_store):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana"))
    store.save_now()
    store.contacts.save(Contact(id=ana.id, name="Ana", notes="typed after the full save"))
    store.contacts.save(Contact(name="Bob"))
    store.flush()
    recovered = open_store(crash_image(data_path, tmp_path / "crashed"))
    assert names(recovered) == ["Ana", "Bob"]
    assert recovered.contacts.get(ana.id).notes == "typed after the full save"


# ----- changes that span tables -----------------------------------------------------------------


def test_deleting_a_contact_unlinks_introductions_drops_open_followups_keeps_meetings(
    data_path, open_store, clock
):
    store = open_store(data_path)
    ana = store.contacts.save(Contact(name="Ana"))
    bob = store.contacts.save(Contact(name="Bob", introduced_by_id=ana.id))
    cat = store.contacts.save(Contact(name="Cat", introduced_by_id=bob.id))
    meeting = store.interviews.save(
        Interview(contact_id=ana.id, status=InterviewStatus.DONE, notes=[Note(text="precious")])
    )
    open_item = store.followups.save(
        FollowUp(kind=FollowUpKind.THANK_YOU, contact_id=ana.id, title="Thank Ana")
    )
    done_item = store.followups.save(FollowUp(contact_id=ana.id, title="Sent", done=clock.now()))
    other_item = store.followups.save(FollowUp(contact_id=bob.id, title="Call Bob"))

    people.delete_contact(store, ana.id)

    def check(s) -> None:
        assert s.contacts.get(ana.id) is None
        assert s.contacts.get(bob.id).introduced_by_id is None
        assert s.contacts.get(cat.id).introduced_by_id == bob.id
        assert s.followups.get(open_item.id) is None
        assert s.followups.get(done_item.id).title == "Sent"
        assert s.followups.get(other_item.id).title == "Call Bob"
        kept = s.interviews.get(meeting.id)
        assert kept.notes == [Note(text="precious")]
        assert (kept.contact_id, kept.contact_name) == (None, "Ana")  # no id that points nowhere

    check(store)
    store.close()
    check(open_store(data_path))


def test_a_journal_whose_file_is_gone_is_set_aside_not_overwritten(tmp_path, data_path, open_store):
    # E.g. a crash, then an empty file deleted "to start afresh": the journal still holds
    # complete copies of every record changed in the last session.
    store = open_store(data_path)
    store.save_now()
    store.interviews.save(Interview(notes=[Note(text="typed in the meeting")]))
    store.flush()
    crashed = crash_image(data_path, tmp_path / "crashed")
    journal = journal_of(crashed).read_bytes()
    crashed.unlink()

    fresh = open_store(crashed)
    assert fresh.interviews.all() == []
    (aside,) = crashed.parent.glob("infoview.json.journal.orphan-*")
    assert aside.read_bytes() == journal
    assert any(aside.name in note for note in fresh.notes)


@pytest.mark.parametrize("last_ids", [{"contacts": 2}, "garbage", None])
def test_a_new_record_never_lands_on_an_existing_one(tmp_path, open_store, last_ids):
    # A file edited by hand, or by an older infoview that did not track the last ids.
    path = tmp_path / "infoview.json"
    meta = {"schema_version": 1, "revision": "r1"}
    if last_ids is not None:
        meta["last_ids"] = last_ids
    contacts = {"1": {"name": "Ana"}, "5": {"name": "Eve"}}
    path.write_text(json.dumps({"meta": {"1": meta}, "contacts": contacts}))
    store = open_store(path)
    new = store.contacts.save(Contact(name="New"))
    assert new.id not in (1, 5)
    assert names(store) == ["Ana", "Eve", "New"]
    store.close()
    assert names(open_store(path)) == ["Ana", "Eve", "New"]


def test_open_followups_and_contact_names_read_only_what_is_asked(tmp_path):
    import subprocess
    import sys

    clock = FakeClock(START)
    store = Store.open(tmp_path / "infoview.json", clock)
    ada = store.contacts.save(Contact(name="Ada"))
    store.followups.save(FollowUp(title="late", due=date(2026, 11, 1), contact_id=ada.id))
    store.followups.save(FollowUp(title="today", due=START.date()))
    store.followups.save(FollowUp(title="later", due=date(2027, 1, 1)))
    store.followups.save(FollowUp(title="no date"))
    store.followups.save(FollowUp(title="done", due=date(2026, 11, 1), done=START))
    store.close()
    view = Store.open(tmp_path / "infoview.json", clock, readonly=True)
    assert sorted(f.title for f in view.open_followups(START.date())) == ["late", "today"]
    assert sorted(f.title for f in view.open_followups()) == ["late", "later", "no date", "today"]
    assert view.contact_names([ada.id, 999]) == {ada.id: "Ada"}
    # A read-only view never needs TinyDB (infoview queue starts faster without it).
    code = (
        "import sys; from infoview_tui.store.store import Store; from infoview_tui.clock import "
        f"Clock; Store.open({str(tmp_path / 'infoview.json')!r}, Clock(), readonly=True); "
        "print('tinydb' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
