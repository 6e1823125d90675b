"""A file infoview cannot use gets a clear message and is left exactly as it was.

Also: migrations keep a copy of the file as it was, and daily backups roll over a week.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from infoview_tui.domain.records import Contact
from infoview_tui.store.errors import (
    FileDamaged,
    FileUnreadable,
    NewerSchema,
    StoreError,
)
from infoview_tui.store.store import Store

from .store_helpers import read_json, snapshot_dir

GOOD_META = {"1": {"schema_version": 1, "revision": "abcdef0123456789"}}


def store_json(**tables) -> bytes:
    return json.dumps({"meta": GOOD_META, **tables}).encode()


BAD_FILES = {
    "not JSON": (b'{"meta": {"1": {"schema_version": 1, "revi', FileDamaged),
    "binary garbage": (b"\xff\xfe\x00\x01 not text", FileDamaged),
    "empty": (b"", FileDamaged),
    "only whitespace": (b"\n   \n", FileDamaged),
    "JSON list": (b"[1, 2, 3]", FileDamaged),
    "JSON null": (b"null", FileDamaged),
    "object without meta": (b'{"contacts": {"1": {"name": "Ana"}}}', FileDamaged),
    "meta without schema_version": (b'{"meta": {"1": {"revision": "x"}}}', FileDamaged),
    "schema_version is text": (b'{"meta": {"1": {"schema_version": "1"}}}', FileDamaged),
    "newer schema": (
        json.dumps({"meta": {"1": {"schema_version": 99, "revision": "r"}}}).encode(),
        NewerSchema,
    ),
    "table is a list": (store_json(contacts=[{"name": "Ana"}]), FileDamaged),
    "record is a string": (store_json(contacts={"1": "Ana"}), FileDamaged),
    "record key is not a number": (store_json(contacts={"ana": {"name": "Ana"}}), FileDamaged),
}


@pytest.mark.parametrize("readonly", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_message_and_left_untouched(tmp_path, clock, case, readonly):
    raw, expected = BAD_FILES[case]
    path = tmp_path / "infoview.json"
    path.write_bytes(raw)
    journal = path.with_name(path.name + ".journal")
    journal.write_bytes(b'{"journal": 1, "base": "abcdef0123456789"}\n')
    before = snapshot_dir(tmp_path)

    with pytest.raises(expected) as caught:
        Store.open(path, clock, readonly=readonly)

    error = caught.value
    assert isinstance(error, StoreError)
    assert error.exit_code == 2
    text = str(error)
    assert str(path) in text
    assert error.what and error.todo and error.what in text and error.todo in text
    if expected is NewerSchema:
        assert "99" in text and "pgrade" in text
    after = snapshot_dir(tmp_path)
    after.pop("infoview.json.lock", None)  # the (empty, released) lock file may remain
    assert after == before

    # No lock is left held: once the file is dealt with, infoview opens it.
    path.unlink()
    store = Store.open(path, clock)
    store.close()


def test_a_folder_where_the_file_should_be_is_refused(tmp_path, clock):
    path = tmp_path / "infoview.json"
    path.mkdir()
    (path / "inside.txt").write_text("mine")
    before = snapshot_dir(tmp_path)
    for readonly in (False, True):
        with pytest.raises(FileUnreadable) as caught:
            Store.open(path, clock, readonly=readonly)
        assert str(path) in str(caught.value)
        assert "folder" in str(caught.value)
    assert snapshot_dir(tmp_path) == before
    (path / "inside.txt").unlink()
    path.rmdir()
    Store.open(path, clock).close()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_an_unreadable_file_is_refused_and_left_untouched(tmp_path, clock):
    path = tmp_path / "infoview.json"
    Store.open(path, clock).close()
    raw = path.read_bytes()
    path.chmod(0)
    try:
        for readonly in (False, True):
            with pytest.raises(FileUnreadable) as caught:
                Store.open(path, clock, readonly=readonly)
            assert str(path) in str(caught.value)
            assert "permission" in str(caught.value)
    finally:
        path.chmod(0o600)
    assert path.read_bytes() == raw
    Store.open(path, clock).close()


def test_a_permission_error_on_reading_is_refused_with_a_message(tmp_path, clock, monkeypatch):
    # The same path as chmod 000, simulated so that it also runs as root.
    path = tmp_path / "infoview.json"
    Store.open(path, clock).close()
    before = snapshot_dir(tmp_path)
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "open", refuse)
        for readonly in (False, True):
            with pytest.raises(FileUnreadable) as caught:
                Store.open(path, clock, readonly=readonly)
            assert str(path) in str(caught.value)
            assert "permission denied" in str(caught.value)
    assert snapshot_dir(tmp_path) == before  # released, and no lock file left beside it
    Store.open(path, clock).close()  # no lock left behind


# ----- migrations -----------------------------------------------------------------------------


def add_initials(data):
    for doc in data["contacts"].values():
        doc["initials"] = "".join(word[0] for word in doc["name"].split())
    return data


def test_a_migration_transforms_the_data_and_keeps_the_original(data_path, clock, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana Díaz"))
    store.contacts.save(Contact(name="Bob Lee", notes="keep me"))
    store.close()
    original = data_path.read_bytes()

    clock.advance(days=1)
    store = open_store(data_path, migrations={1: add_initials})
    assert store.documents("meta")["1"]["schema_version"] == 2
    assert store.contacts.get(2).notes == "keep me"
    store.close()

    data = read_json(data_path)
    assert data["meta"]["1"]["schema_version"] == 2
    assert sorted(d["initials"] for d in data["contacts"].values()) == ["AD", "BL"]
    assert sorted(d["name"] for d in data["contacts"].values()) == ["Ana Díaz", "Bob Lee"]
    folder = data_path.with_name("infoview.backups")
    (backup,) = folder.glob("*before-v1-upgrade*.json")
    assert backup.read_bytes() == original
    assert oct(backup.stat().st_mode & 0o777) == oct(0o600)

    # This infoview only reads version 1: it refuses the upgraded file instead of damaging it.
    upgraded = data_path.read_bytes()
    with pytest.raises(NewerSchema):
        Store.open(data_path, clock)
    assert data_path.read_bytes() == upgraded


def test_a_failing_migration_leaves_the_file_as_it_was(data_path, clock, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    original = data_path.read_bytes()

    def broken(data):
        data["contacts"].clear()
        raise RuntimeError("bug in the migration")

    with pytest.raises(RuntimeError):
        Store.open(data_path, clock, migrations={1: broken})
    assert data_path.read_bytes() == original
    store = open_store(data_path)  # the lock was released
    assert [c.name for c in store.contacts.all()] == ["Ana"]


def test_a_read_only_open_migrates_in_memory_only(data_path, clock, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana Díaz"))
    store.close()
    before = snapshot_dir(data_path.parent)
    peek = open_store(data_path, readonly=True, migrations={1: add_initials})
    assert peek.documents("contacts")["1"]["initials"] == "AD"
    assert snapshot_dir(data_path.parent) == before


# ----- daily backups --------------------------------------------------------------------------


def test_daily_backups_keep_the_newest_seven_days(data_path, clock, open_store):
    days = []
    for n in range(1, 11):
        days.append(clock.today())
        store = open_store(data_path)
        store.contacts.save(Contact(name=f"day {n}"))
        store.close()
        clock.advance(days=1, hours=1)

    folder = data_path.with_name("infoview.backups")
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"infoview-{day:%Y-%m-%d}.json" for day in days[-7:]]
    # Each day's copy is the file as that day began: everything from the days before.
    newest = read_json(folder / kept[-1])
    assert sorted(d["name"] for d in newest["contacts"].values()) == sorted(
        f"day {n}" for n in range(1, 10)
    )
    oldest = read_json(folder / kept[0])
    assert sorted(d["name"] for d in oldest["contacts"].values()) == sorted(
        f"day {n}" for n in range(1, 4)
    )
    for p in folder.iterdir():
        assert p.stat().st_mode & 0o777 == 0o600


def test_a_second_session_on_the_same_day_keeps_the_days_first_copy(data_path, clock, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    clock.advance(days=1)
    store = open_store(data_path)  # the day's copy: Ana only
    store.contacts.save(Contact(name="Bob"))
    store.close()
    clock.advance(timedelta(hours=3).total_seconds())
    store = open_store(data_path)
    store.contacts.save(Contact(name="Cat"))
    store.close()
    (today,) = data_path.with_name("infoview.backups").glob(f"infoview-{clock.today()}.json")
    assert [d["name"] for d in read_json(today)["contacts"].values()] == ["Ana"]
