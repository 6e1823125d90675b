"""Odd files around the data file: a symlink into a sync folder, a read-only file, a file that
lacks tables, the lock file, folders created under a permissive umask."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from infoview_tui.domain.records import Contact
from infoview_tui.store.errors import FileDamaged, FileLocked, ReadOnlyStore
from infoview_tui.store.store import Store

from .store_helpers import read_json, snapshot_dir


def names(store) -> list[str]:
    return sorted(c.name for c in store.contacts.all())


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# ----- a symlinked data file (issue 9.5) --------------------------------------------------------


@pytest.fixture
def linked(tmp_path, clock):
    """`home/infoview.json` -> `sync/infoview.json`, the way people keep a file in a sync folder."""
    target = tmp_path / "sync" / "infoview.json"
    store = Store.open(target, clock)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    link = tmp_path / "home" / "infoview.json"
    link.parent.mkdir()
    link.symlink_to(target)
    return link, target


def test_a_symlinked_file_is_locked_by_its_target(linked, clock, open_store):
    link, target = linked
    open_store(link)
    with pytest.raises(FileLocked):
        Store.open(target, clock)
    other_link = link.with_name("again.json")
    other_link.symlink_to(target)
    with pytest.raises(FileLocked):
        Store.open(other_link, clock)


def test_saves_through_a_symlink_reach_the_target_and_the_link_stays(linked, clock):
    link, target = linked
    store = Store.open(link, clock)
    store.contacts.save(Contact(name="Bob"))
    store.save_now()
    store.contacts.save(Contact(name="Cat"))
    store.close()

    assert link.is_symlink() and os.readlink(link) == str(target)
    assert sorted(d["name"] for d in read_json(target)["contacts"].values()) == [
        "Ana",
        "Bob",
        "Cat",
    ]
    # Journal, backups and lock live beside the real file; nothing new beside the link.
    assert sorted(p.name for p in link.parent.iterdir()) == ["infoview.json"]
    assert (target.parent / "infoview.backups").is_dir()
    assert names(Store.open(link, clock, readonly=True)) == ["Ana", "Bob", "Cat"]


# ----- a read-only data file (issue 9.6) -------------------------------------------------------


@pytest.fixture
def read_only_file(data_path, clock):
    store = Store.open(data_path, clock)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    data_path.chmod(0o400)
    yield data_path
    data_path.chmod(0o600)


def test_a_read_only_file_opens_read_only_and_is_never_written(read_only_file, clock):
    path = read_only_file
    before = snapshot_dir(path.parent)

    store = Store.open(path, clock)
    assert store.readonly
    assert store.readonly_reason == "its mode is 400, without write permission"
    assert names(store) == ["Ana"]
    with pytest.raises(ReadOnlyStore) as caught:
        store.contacts.save(Contact(name="Bob"))
    assert "read-only" in str(caught.value) and "chmod" in str(caught.value)
    store.save_all()
    store.close()

    assert snapshot_dir(path.parent) == before  # no lock, journal, backup; same bytes and time
    assert mode(path) == 0o400


def test_a_file_in_a_folder_we_may_not_write_opens_read_only(data_path, clock, monkeypatch):
    Store.open(data_path, clock).close()
    before = snapshot_dir(data_path.parent)
    real_access = os.access

    def access(path, how, *args, **kwargs):  # as for a non-root user in a folder of 0555
        if Path(path) == data_path.parent and how & os.W_OK:
            return False
        return real_access(path, how, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    store = Store.open(data_path, clock)
    assert store.readonly and str(data_path.parent) in store.readonly_reason
    store.close()
    assert snapshot_dir(data_path.parent) == before


# ----- a file with meta but missing tables (issue 9.7) ------------------------------------------


def test_a_file_missing_tables_opens_with_empty_ones_and_says_so(data_path, clock):
    data_path.parent.mkdir(parents=True)
    raw = json.dumps(
        {"meta": {"1": {"schema_version": 1, "revision": "abcdef0123456789"}}, "contacts": {}}
    ).encode()
    data_path.write_bytes(raw)

    store = Store.open(data_path, clock)
    store.warm()  # every table decodes (today: KeyError on 'profile')
    assert store.profile().interests == ""
    assert store.interviews.all() == []
    assert len(store.notes) == 1
    assert "profile" in store.notes[0] and "questions" in store.notes[0]
    assert data_path.read_bytes() == raw  # nothing written until there is a change
    store.interviews.all()
    store.close()
    assert data_path.read_bytes() == raw

    store = Store.open(data_path, clock)
    store.contacts.save(Contact(name="Ana"))
    store.close()
    saved = read_json(data_path)
    assert {"profile", "interviews", "followups", "questions"} <= set(saved)


# ----- the lock file and new folders (issue 9.8) ------------------------------------------------


def test_the_lock_file_is_removed_when_the_store_is_closed(data_path, clock):
    store = Store.open(data_path, clock)
    lock = data_path.with_name(data_path.name + ".lock")
    assert lock.exists()
    store.close()
    assert not lock.exists()


def test_no_lock_file_is_left_beside_a_refused_file_or_a_folder(tmp_path, clock):
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b"not json")
    with pytest.raises(FileDamaged):
        Store.open(damaged, clock)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(Exception, match="folder"):
        Store.open(folder, clock)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.json", "folder.json"]


def test_a_lock_file_removed_by_its_holder_is_not_locked_twice(data_path, monkeypatch):
    """The holder removes the lock file on release. A process that opened it just before (and
    locks the old, nameless file) must not think it holds the lock while a third one holds a
    new file of the same name."""
    from infoview_tui.store import lock as lock_module
    from infoview_tui.store.lock import DataLock

    data_path.parent.mkdir(parents=True)
    first = DataLock(data_path)
    first.acquire()
    stale_fd = os.open(first.path, os.O_RDWR)  # the second process got this far, then paused
    first.release()
    third = DataLock(data_path)
    third.acquire()

    real_open = os.open
    handed = []

    def open_(path, flags, mode=0o777):
        if not handed:  # the second process resumes with the file it had opened
            handed.append(stale_fd)
            return stale_fd
        return real_open(path, flags, mode)

    monkeypatch.setattr(lock_module.os, "open", open_)
    with pytest.raises(FileLocked):
        DataLock(data_path).acquire()
    assert handed == [stale_fd]
    monkeypatch.undo()
    third.release()


def test_new_folders_are_private_whatever_the_umask(tmp_path, clock):
    path = tmp_path / "home" / ".local" / "share" / "infoview" / "infoview.json"
    old = os.umask(0)
    try:
        Store.open(path, clock).close()
    finally:
        os.umask(old)
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        assert mode(folder) == 0o700, folder
    assert mode(path) == 0o600
    assert mode(path.with_name("infoview.backups")) == 0o700


@pytest.fixture
def no_flock(monkeypatch):
    """A file system that cannot lock (NFS without its lock service answers ENOLCK)."""
    import errno

    from infoview_tui.store import lock as lock_module

    def flock(fd, how):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.fcntl, "flock", flock)


def test_where_files_cannot_be_locked_the_lock_file_names_its_holder(data_path, no_flock):
    """Not 'already open' for everyone (the file could never be opened): the first infoview
    opens it, a second is refused while the first runs, and a lock left by a crash (its
    process gone) is taken over."""
    import socket
    import subprocess

    from infoview_tui.store.lock import DataLock

    data_path.parent.mkdir(parents=True)
    first = DataLock(data_path)
    first.acquire()
    with open(first.path) as held:
        assert held.read() == f"{os.getpid()} {socket.gethostname()}"

    other = subprocess.Popen(["sleep", "30"])
    try:
        first.release()
        first.path.write_text(f"{other.pid} {socket.gethostname()}")  # another infoview runs
        with pytest.raises(FileLocked, match=f"process {other.pid}"):
            DataLock(data_path).acquire()
    finally:
        other.kill()
        other.wait()
    second = DataLock(data_path)  # that process is gone: its lock was left by a crash
    second.acquire()
    assert second.held
    second.release()
    assert not first.path.exists()


def test_where_files_cannot_be_locked_a_holder_on_another_computer_is_named(data_path, no_flock):
    from infoview_tui.store.lock import DataLock

    data_path.parent.mkdir(parents=True)
    lock = data_path.with_name(data_path.name + ".lock")
    lock.write_text("4242 the-other-laptop")
    with pytest.raises(FileLocked) as refused:
        DataLock(data_path).acquire()
    words = " ".join(str(refused.value).split())
    assert "process 4242 on the computer 'the-other-laptop'" in words
    assert f"delete {lock}" in words
    assert lock.read_text() == "4242 the-other-laptop"  # not taken over


def test_a_file_on_a_read_only_mount_says_so_and_how_to_edit_it(data_path, clock, monkeypatch):
    """A backup drive or a sync folder mounted read-only: even root may not write there, and
    'chmod' would not help, so the words say what does."""
    Store.open(data_path, clock).close()
    before = snapshot_dir(data_path.parent)
    real_statvfs = os.statvfs

    def statvfs(path):
        st = real_statvfs(path)
        return os.statvfs_result(
            (*st[:8], st.f_flag | os.ST_RDONLY, st.f_namemax)  # as `mount -o ro` gives
        )

    monkeypatch.setattr(os, "statvfs", statvfs)
    store = Store.open(data_path, clock)
    assert store.readonly_reason == "it is on a read-only disk or mount"
    with pytest.raises(ReadOnlyStore) as caught:
        store.contacts.save(Contact(name="Bob"))
    assert "chmod" not in str(caught.value)
    assert "copy it to a folder you can write in" in str(caught.value)
    store.close()
    assert snapshot_dir(data_path.parent) == before
