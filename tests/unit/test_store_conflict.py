"""Another program (a sync tool) replaced the data file while infoview had it open.

infoview must not overwrite the other version, must keep its own in a copy, and must let the
user choose either one without losing the other.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from infoview_tui.domain.records import Contact
from infoview_tui.store.errors import FileDamaged
from infoview_tui.store.store import Conflict

from .store_helpers import crash_image, read_json

THEIR_REVISION = "feedfacefeedface"


def their_bytes(*names: str) -> bytes:
    data = {
        "meta": {"1": {"schema_version": 1, "revision": THEIR_REVISION}},
        "contacts": {str(i): {"name": n} for i, n in enumerate(names, start=1)},
    }
    return json.dumps(data).encode()


def replace_file(path: Path, raw: bytes) -> None:
    """As a sync tool does it: a new file renamed over the old one."""
    tmp = path.with_name("sync-tool-download.tmp")
    tmp.write_bytes(raw)
    os.replace(tmp, path)


def rewrite_in_place(path: Path, raw: bytes) -> None:
    with open(path, "r+b") as f:
        f.truncate(0)
        f.write(raw)


def contact_names(path: Path) -> list[str]:
    return sorted(doc["name"] for doc in read_json(path)["contacts"].values())


def names(store) -> list[str]:
    return sorted(c.name for c in store.contacts.all())


@pytest.fixture
def watched(data_path, open_store):
    """An open store with one contact, recording the events it reports."""
    store = open_store(data_path)
    store.events = []
    store.on_event = store.events.append
    save_and_settle(store, "Ana")  # the writer's own after-batch check has run too
    return store


def save_and_settle(store, name: str) -> None:
    store.contacts.save(Contact(name=name))
    store.flush()
    store.flush()  # the outside-change check runs after the batch the first flush waited for


HOW_THEY_CHANGED_IT = {
    "replaced": lambda path: replace_file(path, their_bytes("Theirs")),
    "rewritten in place": lambda path: rewrite_in_place(path, their_bytes("Theirs")),
    "half written": lambda path: rewrite_in_place(path, their_bytes("Theirs")[:30]),
}


@pytest.mark.parametrize("how", list(HOW_THEY_CHANGED_IT))
def test_a_replaced_file_is_never_overwritten_and_ours_is_kept_in_a_copy(
    watched, data_path, open_store, how
):
    HOW_THEY_CHANGED_IT[how](data_path)
    theirs = data_path.read_bytes()

    save_and_settle(watched, "Bob")

    conflict = watched.conflict
    assert isinstance(conflict, Conflict)
    assert watched.events == [conflict]
    assert conflict.path == data_path
    assert conflict.our_copy.parent == data_path.parent
    assert conflict.our_copy.name.startswith("infoview.mine-")
    assert contact_names(conflict.our_copy) == ["Ana", "Bob"]
    assert conflict.our_copy.stat().st_mode & 0o777 == 0o600
    assert data_path.read_bytes() == theirs

    # Typing goes on; a full save is refused rather than overwriting their version.
    save_and_settle(watched, "Cat")
    with pytest.raises(RuntimeError):
        watched.save_now()
    assert watched.events == [conflict]  # reported once
    watched.close()
    assert data_path.read_bytes() == theirs
    assert contact_names(conflict.our_copy) == ["Ana", "Bob", "Cat"]  # the latest of ours

    if how == "half written":
        with pytest.raises(FileDamaged):
            open_store(data_path)
        return
    # The next start shows their file, and says where our unsaved changes went.
    again = open_store(data_path)
    assert names(again) == ["Theirs"]
    assert any("orphan" in note for note in again.notes)
    assert data_path.read_bytes() == theirs


def test_an_outside_change_is_noticed_without_a_save(watched, data_path):
    replace_file(data_path, their_bytes("Theirs"))
    watched.check_for_outside_change()
    watched.flush()
    assert watched.conflict is not None
    assert watched.events == [watched.conflict]
    assert contact_names(watched.conflict.our_copy) == ["Ana"]


def test_a_deleted_file_is_a_conflict_and_ours_is_kept(watched, data_path):
    data_path.unlink()
    save_and_settle(watched, "Bob")
    assert watched.conflict is not None
    assert contact_names(watched.conflict.our_copy) == ["Ana", "Bob"]
    watched.close()
    assert not data_path.exists()


def test_keep_mine_writes_ours_and_keeps_theirs_as_a_backup(watched, data_path):
    replace_file(data_path, their_bytes("Theirs"))
    theirs = data_path.read_bytes()
    save_and_settle(watched, "Bob")
    assert watched.conflict is not None

    backup = watched.keep_mine()

    assert watched.conflict is None
    assert contact_names(data_path) == ["Ana", "Bob"]
    assert backup is not None and backup.parent == data_path.with_name("infoview.backups")
    assert backup.read_bytes() == theirs
    save_and_settle(watched, "Cat")  # back to normal: saving works, no new conflict
    assert watched.conflict is None
    watched.close()
    assert contact_names(data_path) == ["Ana", "Bob", "Cat"]
    assert backup.read_bytes() == theirs


def test_take_theirs_shows_their_data_and_keeps_ours_in_the_copy(watched, data_path, open_store):
    replace_file(data_path, their_bytes("Theirs", "Also theirs"))
    save_and_settle(watched, "Bob")
    beside = watched.conflict.our_copy

    our_copy = watched.take_theirs()

    assert watched.conflict is None
    # Kept whole, in the backups folder: chosen against, so not offered again at the next start.
    assert not beside.exists()
    assert our_copy is not None and our_copy.parent == data_path.with_name("infoview.backups")
    assert names(watched) == ["Also theirs", "Theirs"]
    assert contact_names(our_copy) == ["Ana", "Bob"]
    new = watched.contacts.save(Contact(name="Cat"))
    assert new.id not in (1, 2)  # does not overwrite one of theirs
    save_and_settle(watched, "Dan")
    assert watched.conflict is None
    watched.close()
    assert contact_names(data_path) == ["Also theirs", "Cat", "Dan", "Theirs"]
    assert contact_names(our_copy) == ["Ana", "Bob"]
    assert names(open_store(data_path)) == ["Also theirs", "Cat", "Dan", "Theirs"]


def test_touching_the_file_is_not_a_conflict(watched, data_path):
    st = data_path.stat()
    later = st.st_mtime_ns + 5_000_000_000
    os.utime(data_path, ns=(later, later))
    save_and_settle(watched, "Bob")
    watched.check_for_outside_change()
    watched.flush()
    assert watched.conflict is None
    assert watched.events == []
    watched.close()
    assert contact_names(data_path) == ["Ana", "Bob"]
    assert not list(data_path.parent.glob("infoview.mine-*"))


def test_the_same_content_copied_back_is_not_a_conflict(watched, data_path):
    watched.save_now()
    replace_file(data_path, data_path.read_bytes())  # new inode, same revision
    save_and_settle(watched, "Bob")
    assert watched.conflict is None
    watched.close()
    assert contact_names(data_path) == ["Ana", "Bob"]


def test_two_conflicts_in_the_same_second_keep_both_copies(tmp_path):
    from infoview_tui.store.atomic import unused_name

    first = tmp_path / "infoview.mine-20261201-093000.json"
    first.write_text("{}")
    second = unused_name(first)
    assert second.name == "infoview.mine-20261201-093000-2.json" and not second.exists()


# ----- judged by content, and accounted for after a crash (issue 9.1 and 9.2) -------------------


def edit_keeping_revision(path: Path, old: str, new: str) -> None:
    """What a person with an editor (or a careless script) does: rename a contact in the JSON,
    leave meta as it was, write the file in place."""
    data = read_json(path)
    for doc in data["contacts"].values():
        if doc["name"] == old:
            doc["name"] = new
    rewrite_in_place(path, json.dumps(data).encode())


def another_infoview_saved(path: Path, *extra: str) -> bytes:
    """What another infoview (another device, through a sync tool) writes: it continued from
    our revision, so its previous_revision is ours."""
    data = read_json(path)
    assert data["contacts"], "save_now() first: the other device starts from a full save"
    info = data["meta"]["1"]
    info["previous_revision"], info["revision"] = info["revision"], "0ther0ther0ther0"
    for n, name in enumerate(extra, start=100):
        data["contacts"][str(n)] = {"name": name}
    raw = json.dumps(data).encode()
    replace_file(path, raw)
    return raw


def test_an_outside_edit_that_keeps_the_revision_is_a_conflict(watched, data_path):
    watched.save_now()
    edit_keeping_revision(data_path, "Ana", "Ana Edited Outside")
    theirs = data_path.read_bytes()

    save_and_settle(watched, "Bob")

    assert isinstance(watched.conflict, Conflict)
    assert watched.events == [watched.conflict]
    assert data_path.read_bytes() == theirs
    assert contact_names(watched.conflict.our_copy) == ["Ana", "Bob"]
    watched.close()
    assert data_path.read_bytes() == theirs  # never written over


def test_a_change_after_a_conflict_survives_a_crash_when_the_file_came_from_another_infoview(
    watched, data_path, tmp_path, clock, open_store
):
    watched.save_now()
    theirs = another_infoview_saved(data_path, "From the laptop")
    save_and_settle(watched, "Bob")  # the conflict is seen; the person chooses "later"
    assert watched.conflict is not None
    save_and_settle(watched, "Typed after the conflict")
    crashed = crash_image(data_path, tmp_path / "crashed")  # kill -9 now
    for copy in data_path.parent.glob("infoview.mine-*"):
        (crashed.parent / copy.name).write_bytes(copy.read_bytes())

    again = open_store(crashed)

    assert names(again) == ["Ana", "From the laptop"]  # their file, untouched
    assert crashed.read_bytes() == theirs
    (copy,) = again.leftover_copies()
    assert contact_names(copy) == ["Ana", "Bob", "Typed after the conflict"]
    assert any(copy.name in note for note in again.notes)
    (aside,) = crashed.parent.glob("infoview.json.journal.orphan-*")
    assert b"Typed after the conflict" in aside.read_bytes()

    kept = again.use_copy(copy)  # the person chooses our version
    assert names(again) == ["Ana", "Bob", "Typed after the conflict"]
    assert sorted(d["name"] for d in read_json(kept)["contacts"].values()) == [
        "Ana",
        "From the laptop",
    ]
    assert again.leftover_copies() == []
    # The set-aside journal's changes are all in the version chosen: it leaves the data
    # file's folder for the backups, whole.
    assert not list(crashed.parent.glob("*.orphan-*"))
    (retired,) = crashed.with_name("infoview.backups").glob("infoview.json.journal.orphan-*")
    assert b"Typed after the conflict" in retired.read_bytes()
    again.close()
    assert contact_names(crashed) == ["Ana", "Bob", "Typed after the conflict"]


def test_keeping_the_current_data_retires_the_journal_set_aside_with_the_other_version(
    watched, data_path, tmp_path, open_store
):
    watched.save_now()
    another_infoview_saved(data_path, "From the laptop")
    save_and_settle(watched, "Bob")
    save_and_settle(watched, "Typed after the conflict")
    crashed = crash_image(data_path, tmp_path / "crashed")  # kill -9 now
    for copy in data_path.parent.glob("infoview.mine-*"):
        (crashed.parent / copy.name).write_bytes(copy.read_bytes())
    # A journal set aside earlier that no copy holds (its changes are not in this version).
    unrelated = crashed.with_name("infoview.json.journal.orphan-20261101-080000")
    unrelated.write_bytes(
        b'{"journal": 1, "base": "0000000000000000"}\n'
        b'{"t":"contacts","id":77,"d":{"name":"Only in this journal"}}\n'
    )

    again = open_store(crashed)
    (copy,) = again.leftover_copies()
    assert sorted(p.name for p in again.orphan_journals()) == [
        unrelated.name,
        "infoview.json.journal.orphan-20261203-090000",
    ]
    moved = again.set_aside_copy(copy)  # "keep the current data"

    assert [p.name for p in again.orphan_journals()] == [unrelated.name]  # still to look at
    backups = crashed.with_name("infoview.backups")
    (retired,) = backups.glob("infoview.json.journal.orphan-*")
    assert b"Typed after the conflict" in retired.read_bytes()
    assert contact_names(moved) == ["Ana", "Bob", "Typed after the conflict"]


def test_an_edit_keeping_the_revision_then_a_crash_does_not_mix_the_versions(
    watched, data_path, tmp_path, open_store
):
    watched.save_now()
    edit_keeping_revision(data_path, "Ana", "Ana Edited Outside")
    theirs = data_path.read_bytes()
    watched.contacts.save(Contact(id=1, name="Ana", notes="ours"))  # the same record, changed
    watched.flush()  # in the journal, whose base revision the file still shows
    crashed = crash_image(data_path, tmp_path / "crashed")

    again = open_store(crashed)

    assert crashed.read_bytes() == theirs
    assert names(again) == ["Ana Edited Outside"]
    (copy,) = again.leftover_copies()
    assert read_json(copy)["contacts"]["1"]["notes"] == "ours"


def test_a_conflict_left_for_later_is_offered_at_the_next_start(watched, data_path, open_store):
    watched.save_now()
    another_infoview_saved(data_path, "From the laptop")
    save_and_settle(watched, "Bob")
    save_and_settle(watched, "Cat")
    watched.close()

    again = open_store(data_path)
    (copy,) = again.leftover_copies()
    assert contact_names(copy) == ["Ana", "Bob", "Cat"]
    assert again.describe_copy(copy) == (
        "3 contacts, 0 meetings, 0 follow-ups",
        "2 contacts, 0 meetings, 0 follow-ups",
    )
    moved = again.set_aside_copy(copy)  # "keep the current data"
    assert moved.parent == data_path.with_name("infoview.backups")
    assert contact_names(moved) == ["Ana", "Bob", "Cat"]
    assert again.leftover_copies() == []
    assert names(again) == ["Ana", "From the laptop"]


def edit_in_place_leaving_no_trace(path: Path, old: bytes, new: bytes) -> bytes:
    """Same length, same inode, the modification time put back to the nanosecond: the stat
    signature cannot tell (a tool that restores mtimes; a coarse-clock file system)."""
    assert len(old) == len(new)
    before = os.stat(path)
    raw = path.read_bytes()
    assert raw.count(old) == 1
    with open(path, "r+b") as f:
        f.seek(raw.index(old))
        f.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    return path.read_bytes()


@pytest.mark.parametrize("how", ["save_now", "close"])
def test_an_edit_the_stat_cannot_see_is_caught_before_a_full_save(data_path, open_store, how):
    """Issue 9, the blind spot left: the content is checked before every full save."""
    store = open_store(data_path)
    store.events = []
    store.on_event = store.events.append
    save_and_settle(store, "Bob Marley")
    store.save_now()
    theirs = edit_in_place_leaving_no_trace(data_path, b"Bob Marley", b"Bob Dylan!")

    save_and_settle(store, "Cleo")  # the cheap check after the batch sees nothing
    getattr(store, how)()

    assert data_path.read_bytes() == theirs  # never written over
    assert isinstance(store.conflict, Conflict)
    assert store.events == [store.conflict]
    assert contact_names(store.conflict.our_copy) == ["Bob Marley", "Cleo"]
