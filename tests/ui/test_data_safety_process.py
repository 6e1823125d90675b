"""The real `infoview` in a pseudo-terminal: a conflict, then kill -9; a read-only file; a
symlinked file; a folder given as the data file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infoview_tui.clock import Clock
from infoview_tui.domain.records import Contact
from infoview_tui.store.store import Store

from .terminal import REPO, Terminal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="a pty, SIGKILL and flock are POSIX"),
]


def wait_until(term: Terminal, condition, timeout: float = 10) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        term.pump(0.02)
    raise AssertionError(f"condition never became true; screen:\n{term.text()}")


def wait_for_exit(term: Terminal, timeout: float = 15) -> int:
    end = time.monotonic() + timeout
    while term.proc.poll() is None and time.monotonic() < end:
        term.pump(0.05)
    term.pump(0.2)
    assert term.proc.returncode is not None, term.text()
    return term.proc.returncode


def a_store(path: Path, *names: str) -> None:
    store = Store.open(path, Clock())
    for name in names:
        store.contacts.save(Contact(name=name))
    store.close()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infoview_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_a_conflict_left_for_later_then_kill_9_loses_nothing_and_is_offered(tmp_path):
    """Issue 9.2: "later", a change, kill -9, with the outside file written by another
    infoview (its previous revision is ours). Today the journal is judged folded and dropped."""
    path = tmp_path / "infoview.json"
    a_store(path, "Ana")
    journal = path.with_name(path.name + ".journal")

    term = Terminal("--data", str(path))
    try:
        term.wait_for("1 in all")
        data = json.loads(path.read_bytes())
        info = data["meta"]["1"]
        info["previous_revision"], info["revision"] = info["revision"], "0ther0ther0ther0"
        data["contacts"]["9"] = {"name": "From the laptop"}
        theirs = json.dumps(data).encode()
        (tmp_path / "download.tmp").write_bytes(theirs)
        os.replace(tmp_path / "download.tmp", path)  # as a sync tool does

        term.type("i")  # Me: the first change makes infoview look at the file
        term.wait_for("Interests")
        term.type("before")
        term.wait_for("Data file changed elsewhere")
        term.type("\x1b")  # decide later
        term.wait_for("changed elsewhere: not saving")
        term.type(" after")
        wait_until(term, lambda: journal.exists() and b"before after" in journal.read_bytes())
        term.kill9()
    finally:
        term.close()
    assert path.read_bytes() == theirs

    term = Terminal("--data", str(path))
    try:
        term.wait_for("A version of your data to choose")
        term.type("u")  # use that version
        term.wait_for("That version is now your data")
        term.type("q")
        assert wait_for_exit(term) == 0, term.text()
    finally:
        term.close()
    ours = Store.open(path, Clock(), readonly=True)
    assert ours.profile().name == "before after"  # typed into My name, where Me opens
    backups = path.with_name("infoview.backups")
    (kept,) = backups.glob("*before-using-copy*.json")
    assert "From the laptop" in kept.read_text()


def test_a_read_only_file_is_browsed_and_left_byte_identical(tmp_path):
    path = tmp_path / "infoview.json"
    a_store(path, "Ana", "Bob")
    path.chmod(0o400)
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    term = Terminal("--data", str(path))
    try:
        screen = term.wait_for("2 in all")
        assert "read-only" in screen
        term.type("c")
        term.wait_for("Ana")
        term.type("a")  # add: off, and says why
        term.wait_for("Read-only")
        term.type("\x1b")
        term.wait_for("in all")  # home again
        term.type("q")
        assert wait_for_exit(term) == 0, term.text()
    finally:
        term.close()
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # no lock, no journal


def test_a_symlinked_file_is_locked_by_its_target_and_stays_a_link(tmp_path):
    target = tmp_path / "sync" / "infoview.json"
    target.parent.mkdir()
    a_store(target, "Ana")
    link = tmp_path / "infoview.json"
    link.symlink_to(target)

    term = Terminal("--data", str(link))
    try:
        term.wait_for("1 in all")
        second = cli("--data", str(target))
        assert second.returncode == 3 and "already open" in second.stderr
        term.type("i")
        term.wait_for("Interests")
        term.type("through the link")  # into My name, where Me opens
        term.pump(0.2)
        term.type("\x1b")
        term.wait_for("in all")
        term.type("q")
        assert wait_for_exit(term) == 0, term.text()
    finally:
        term.close()
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert Store.open(target, Clock(), readonly=True).profile().name == "through the link"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["infoview.json", "sync"]
    assert not list(target.parent.glob("*.lock"))


def test_a_folder_given_as_the_data_file_is_refused_without_a_lock_file(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    result = cli("--data", str(folder))
    assert result.returncode == 2
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP, the window closed"])
def test_a_terminate_or_a_hang_up_saves_and_closes_as_quitting_does(tmp_path, how):
    """Logging out, `kill`, or closing the terminal window: the app saves in full, lets go of
    the file and exits with 128 + the signal's number, as a shell reports a signal."""
    import signal

    sig = signal.SIGTERM if how == "SIGTERM" else signal.SIGHUP
    path = tmp_path / "infoview.json"
    a_store(path, "Ana")
    term = Terminal("--data", str(path))
    try:
        term.wait_for("1 in all")
        term.type("i")
        term.wait_for("Interests")
        term.type("the last words")  # into My name, where Me opens
        term.wait_for("the last words")  # on screen; maybe not yet in any file
        if sig == signal.SIGHUP:
            os.close(term.master)  # the window is gone: nobody reads or writes the terminal
        os.kill(term.proc.pid, sig)
        # Read what it writes meanwhile (a full pty would block it), unless the window is gone.
        code = term.proc.wait(30) if sig == signal.SIGHUP else wait_for_exit(term, 30)
    finally:
        term.close()
    assert code == 128 + sig, code
    assert Store.open(path, Clock(), readonly=True).profile().name == "the last words"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["infoview.backups", "infoview.json"]
