"""The disk refuses a write (full, failing, permissions changed) at any step of a save.

Faults are injected into the `os` calls of the store's writing modules: opening the temp file,
writing it, syncing it, renaming it over the data file, syncing the folder; appending to the
journal. Every case must end with the data intact on disk (what a kill -9 would leave opens
with every change that reached it), no temp file left, the journal never shortened, and a
message; once the disk is well again, everything is saved.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from infoview_tui.domain.records import Contact
from infoview_tui.store import atomic, journal
from infoview_tui.store import store as store_module
from infoview_tui.store.store import Store, WriteTrouble

from .store_helpers import crash_image

ERRORS = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO, "EACCES": errno.EACCES}
STEPS = ("open", "write", "fsync", "rename", "folder fsync")


class FaultyOs(SimpleNamespace):
    """`os`, except that one step of an atomic save of `target` fails with `code`."""

    def __init__(self, target: Path, step: str, code: int) -> None:
        super().__init__()
        self.target, self.step, self.code = target, step, code
        self.temp_fds: set[int] = set()
        self.dir_fds: set[int] = set()
        self.failed = 0

    def __getattr__(self, name: str):
        return getattr(os, name)

    def _fail(self) -> None:
        self.failed += 1
        raise OSError(self.code, os.strerror(self.code))

    def _is_temp(self, path) -> bool:
        return Path(path).name.startswith(f".{self.target.name}{atomic.TEMP_MARK}")

    def open(self, path, flags, mode=0o777, *args, **kwargs):
        if self.step == "open" and self._is_temp(path):
            self._fail()
        fd = os.open(path, flags, mode, *args, **kwargs)
        if self._is_temp(path):
            self.temp_fds.add(fd)
        elif Path(path) == self.target.parent:
            self.dir_fds.add(fd)
        return fd

    def close(self, fd):
        self.temp_fds.discard(fd)
        self.dir_fds.discard(fd)
        return os.close(fd)

    def write(self, fd, data):
        if self.step == "write" and fd in self.temp_fds:
            os.write(fd, bytes(data[: len(data) // 2]))  # half of it got there
            self._fail()
        return os.write(fd, data)

    def fsync(self, fd):
        if (self.step == "fsync" and fd in self.temp_fds) or (
            self.step == "folder fsync" and fd in self.dir_fds
        ):
            self._fail()
        return os.fsync(fd)

    def replace(self, src, dst, *args, **kwargs):
        if self.step == "rename" and self._is_temp(src):
            self._fail()
        return os.replace(src, dst, *args, **kwargs)


@contextmanager
def faulty_disk(monkeypatch, target: Path, step: str, code: int):
    fake = FaultyOs(target, step, code)
    with monkeypatch.context() as patched:
        patched.setattr(atomic, "os", fake)
        yield fake


def names_after_a_crash(path: Path, folder: Path, clock) -> list[str]:
    """What a kill -9 now would leave: the file and journal as they are, opened afresh."""
    copy = crash_image(path, folder)
    return sorted(c.name for c in Store.open(copy, clock, readonly=True).contacts.all())


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if atomic.TEMP_MARK in p.name)


def journal_ops(path: Path) -> int:
    raw = path.with_name(path.name + ".journal").read_bytes()
    return len(raw.splitlines()) - 1


@pytest.fixture
def watched(data_path, open_store):
    store = open_store(data_path)
    store.events = []
    store.on_event = store.events.append
    store.contacts.save(Contact(name="Ana"))
    store.flush()
    return store


def save(store, name: str) -> None:
    store.contacts.save(Contact(name=name))
    store.flush()
    store.flush()  # the after-batch work (the check, a compaction) has run too


@pytest.mark.parametrize("code", list(ERRORS), ids=list(ERRORS))
@pytest.mark.parametrize("step", STEPS)
def test_a_full_save_that_fails_at_any_step_loses_nothing_and_says_so(
    watched, data_path, tmp_path, clock, monkeypatch, step, code
):
    monkeypatch.setattr(store_module, "COMPACT_BYTES", 0)  # every batch ends in a full save
    with faulty_disk(monkeypatch, data_path, step, ERRORS[code]) as disk:
        save(watched, "Bob")
        assert disk.failed
        # A message, in words, naming the trouble and the folder.
        troubles = [e for e in watched.events if isinstance(e, WriteTrouble) and e.error]
        assert troubles, watched.events
        assert os.strerror(ERRORS[code]) in troubles[-1].error
        assert str(data_path.parent) in troubles[-1].error
        # The data is intact on disk, and the save left no temp file behind.
        assert names_after_a_crash(data_path, tmp_path / "crash1", clock) == ["Ana", "Bob"]
        assert temp_files(data_path.parent) == []
        if step != "folder fsync":  # then the file itself holds it all already
            assert journal_ops(data_path) >= 2  # the journal was not shortened
        save(watched, "Cat")  # typing goes on while the disk is full
        assert names_after_a_crash(data_path, tmp_path / "crash2", clock) == ["Ana", "Bob", "Cat"]
        with pytest.raises(OSError):
            watched.save_now()
    # The disk is well again: the next save gets through, and says so.
    save(watched, "Dan")
    assert watched.events[-1] == WriteTrouble(None)
    assert watched.unsaved_changes == 0
    watched.close()
    assert watched.close_problem is None
    fresh = Store.open(data_path, clock, readonly=True)
    assert sorted(c.name for c in fresh.contacts.all()) == ["Ana", "Bob", "Cat", "Dan"]
    assert not data_path.with_name(data_path.name + ".journal").exists()
    assert temp_files(data_path.parent) == []


@pytest.mark.parametrize("code", list(ERRORS), ids=list(ERRORS))
@pytest.mark.parametrize("step", ["write", "fsync"])
def test_a_journal_append_that_fails_keeps_the_change_and_retries(
    watched, data_path, tmp_path, clock, monkeypatch, step, code
):
    before = data_path.with_name(data_path.name + ".journal").read_bytes()

    def fail(*_args):
        raise OSError(ERRORS[code], os.strerror(ERRORS[code]))

    fake = SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    setattr(fake, step, fail)
    with monkeypatch.context() as patched:
        patched.setattr(journal, "os", fake)
        save(watched, "Bob")
        assert watched.unsaved_changes == 1
        assert watched.events[-1].error and os.strerror(ERRORS[code]) in watched.events[-1].error
        # A half-written line was cut off: the journal is exactly as it was, and still good.
        assert data_path.with_name(data_path.name + ".journal").read_bytes() == before
        assert names_after_a_crash(data_path, tmp_path / "crash", clock) == ["Ana"]
    save(watched, "Cat")
    assert watched.unsaved_changes == 0
    assert watched.events[-1] == WriteTrouble(None)
    assert names_after_a_crash(data_path, tmp_path / "later", clock) == ["Ana", "Bob", "Cat"]


def test_closing_on_a_full_disk_keeps_the_journal_and_says_what_is_lost(
    watched, data_path, tmp_path, clock, monkeypatch
):
    """Issue 9.4, at the store: the final save fails. No exception, the journal is kept whole
    (it is what the next start folds in), and the problem is said in words."""
    with faulty_disk(monkeypatch, data_path, "write", errno.ENOSPC):
        save(watched, "Bob")  # on disk in the journal
        journal_then = data_path.with_name(data_path.name + ".journal").read_bytes()
        with pytest.raises(OSError):
            watched.save_all()
        watched.close()  # never raises
    assert "No space left on device" in watched.close_problem
    assert "Nothing is lost" in watched.close_problem
    assert data_path.with_name(data_path.name + ".journal").read_bytes() == journal_then
    assert not data_path.with_name(data_path.name + ".lock").exists()
    again = Store.open(data_path, clock)
    assert sorted(c.name for c in again.contacts.all()) == ["Ana", "Bob"]
    again.close()


def test_a_full_disk_at_open_is_said_plainly_and_changes_nothing(
    data_path, clock, open_store, monkeypatch
):
    from infoview_tui.store.errors import DiskTrouble

    open_store(data_path).close()
    before = data_path.read_bytes()
    journal_file = data_path.with_name(data_path.name + ".journal")
    with (
        faulty_disk(monkeypatch, journal_file, "open", errno.ENOSPC),
        pytest.raises(DiskTrouble) as caught,
    ):
        Store.open(data_path, clock)
    assert "No space left on device" in str(caught.value)
    assert data_path.read_bytes() == before
    assert stat.S_IMODE(data_path.stat().st_mode) == 0o600
    assert not data_path.with_name(data_path.name + ".lock").exists()


JOURNAL_STEPS = (*STEPS, "reopen")


@pytest.mark.parametrize("code", list(ERRORS), ids=list(ERRORS))
@pytest.mark.parametrize("step", JOURNAL_STEPS)
def test_a_new_journal_that_cannot_be_started_after_a_full_save_loses_nothing(
    watched, data_path, tmp_path, clock, monkeypatch, step, code
):
    """The full save lands, then starting its new, empty journal fails (at any step of its
    atomic write, or reopening it to append): every change is in the file or, from then on,
    waits in memory; a crash at any moment loses nothing; the person is told."""
    monkeypatch.setattr(store_module, "COMPACT_BYTES", 0)  # every batch ends in a full save
    jpath = data_path.with_name(data_path.name + ".journal")
    fake = FaultyOs(jpath, "none" if step == "reopen" else step, ERRORS[code])
    journal_os = SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})

    def reopen(path, flags, *args, **kwargs):
        if Path(path) == jpath and flags & os.O_APPEND:
            fake._fail()
        return os.open(path, flags, *args, **kwargs)

    journal_os.open = reopen

    def after_a_crash(folder: str) -> list[str]:
        """As names_after_a_crash, but opened to write, as the next start would: a journal
        judged not to belong to the file would be set aside as a conflict."""
        again = Store.open(crash_image(data_path, tmp_path / folder), clock)
        try:
            assert again.notes == [] and again.leftover_copies() == []
            return sorted(c.name for c in again.contacts.all())
        finally:
            again.close()

    with monkeypatch.context() as patched:
        patched.setattr(atomic, "os", fake)
        if step == "reopen":
            patched.setattr(journal, "os", journal_os)
        save(watched, "Bob")  # in the old journal, then the full save, then the new journal
        assert fake.failed
        troubles = [e for e in watched.events if isinstance(e, WriteTrouble) and e.error]
        assert troubles and os.strerror(ERRORS[code]) in troubles[-1].error
        assert watched.unsaved_changes == 0  # the file holds everything so far
        watched.contacts.save(Contact(id=2, name="Bob Renamed"))  # after the file was written
        watched.flush()
        watched.flush()
        assert temp_files(data_path.parent) == []
    assert after_a_crash("crash1") == ["Ana", "Bob Renamed"]
    save(watched, "Cat")  # the disk is well again
    assert watched.events[-1] == WriteTrouble(None)
    assert watched.unsaved_changes == 0
    assert after_a_crash("crash2") == ["Ana", "Bob Renamed", "Cat"]
    watched.close()
    assert watched.close_problem is None
    fresh = Store.open(data_path, clock, readonly=True)
    assert sorted(c.name for c in fresh.contacts.all()) == ["Ana", "Bob Renamed", "Cat"]
    assert not jpath.exists()
    assert temp_files(data_path.parent) == []


@pytest.mark.parametrize("how", ["save_all", "close"])
def test_quitting_when_only_the_new_journal_cannot_be_started_is_no_failure(
    watched, data_path, clock, monkeypatch, how
):
    """The final full save lands: that the next journal cannot be made is no reason to say
    the data file could not be saved."""
    jpath = data_path.with_name(data_path.name + ".journal")
    save(watched, "Bob")
    with monkeypatch.context() as patched:
        patched.setattr(atomic, "os", FaultyOs(jpath, "open", errno.ENOSPC))
        getattr(watched, how)()  # raises nothing
        watched.close()
    assert watched.close_problem is None
    assert not jpath.exists()
    fresh = Store.open(data_path, clock, readonly=True)
    assert sorted(c.name for c in fresh.contacts.all()) == ["Ana", "Bob"]


def test_a_new_journal_that_cannot_be_started_at_open_loses_nothing(
    data_path, tmp_path, clock, monkeypatch
):
    """At open the journal of the last session is folded into the file (a full save); then
    the new journal cannot be made. The person is told, typing goes on, and a crash later
    does not take the folded journal for another program's."""
    first = Store.open(data_path, clock)
    first.contacts.save(Contact(name="Ana"))
    first.contacts.save(Contact(name="Bob"))
    first.flush()
    crashed = crash_image(data_path, tmp_path / "killed")  # kill -9: the journal is left
    first.close()
    jpath = crashed.with_name(crashed.name + ".journal")
    with monkeypatch.context() as patched:
        patched.setattr(atomic, "os", FaultyOs(jpath, "open", errno.ENOSPC))
        again = Store.open(crashed, clock)
        try:
            assert any("No space left on device" in note for note in again.notes), again.notes
            assert not any("could not be rewritten" in note for note in again.notes)
            again.contacts.save(Contact(id=2, name="Bob Renamed"))
            again.save_now()  # in the file; the old journal is still on disk, Bob unrenamed
            assert again.unsaved_changes == 0
            image = crash_image(crashed, tmp_path / "killed again")
        finally:
            again.close()
    after = Store.open(image, clock)
    try:
        assert after.notes == [] and after.leftover_copies() == []
        assert sorted(c.name for c in after.contacts.all()) == ["Ana", "Bob Renamed"]
    finally:
        after.close()
