"""An unexpected exception anywhere: one calm line, a private report beside the data file, the
data saved, exit 1; and nothing the person typed on the terminal (issue 15).

Sentinels are typed into the data (a follow-up title, a note, the private fields) and looked
for where they must not be: in what the terminal shows once the app has gone, and (for the
private fields) in the report. The failures are made by tests/ui/crashing.py: a handler that
raises with the data in its local variables and its message, as a real bug would.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App

from infoview_tui.clock import Clock
from infoview_tui.domain.records import Contact, FollowUp, Profile
from infoview_tui.screens.followups.queue import QueueScreen
from infoview_tui.services import followups as followups_service
from infoview_tui.store.store import Store

from .crashing import failing
from .terminal import REPO, Terminal
from .test_data_safety import type_in_me
from .test_data_safety_process import wait_for_exit

TITLE, NOTE, NAME = "TITLE9912", "NOTE5521", "NAME3307"
PRIVATE = ("PRIV7731 tire by noon", "PRIV4410 say nothing of the chemo")
SENTINELS = (TITLE, NOTE, NAME, "PRIV7731", "PRIV4410", "tire by noon", "chemo")


def fill(store: Store, today) -> None:
    store.save_profile(Profile(name="Sam", work_ability=PRIVATE[0], disclosure_plan=PRIVATE[1]))
    ada = store.contacts.save(Contact(name=f"Ada {NAME}"))
    store.followups.save(FollowUp(title=f"Call Ada {TITLE}", due=today, contact_id=ada.id))


@pytest.fixture
def sentinels(store, clock) -> None:
    fill(store, clock.today())
    store.save_now()


def check_the_report(report: Path | None, data_path: Path) -> str:
    """Beside the data file, readable by its owner only, with frames and the exception's
    type, and nothing of the private fields (no local variables, the message scrubbed)."""
    assert report is not None and report.parent == data_path.parent, report
    assert report.name.startswith("infoview.crash-") and report.suffix == ".txt"
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "Traceback" in text and "ValueError" in text and "in failing" in text
    for secret in ("PRIV7731", "PRIV4410", "tire by noon", "chemo"):
        assert secret not in text, secret
    assert "work_ability=" not in text and "profile =" not in text  # no local variables
    assert "[private]" in text  # the message said them; blanked out
    return text


def check_the_data(data_path: Path) -> None:
    """What was typed before the crash is in the data file itself: the store was closed
    (journal folded, full save made, lock let go)."""
    saved = Store.open(data_path, Clock(), readonly=True)
    assert saved.profile().interests == NOTE
    assert saved.profile().work_ability == PRIVATE[0]  # private, not lost
    assert not data_path.with_name(data_path.name + ".journal").exists()
    assert not data_path.with_name(data_path.name + ".lock").exists()


def check_the_line(line: str, report: Path) -> None:
    assert str(report) in line and "ValueError" in line
    for secret in SENTINELS:
        assert secret not in line, secret


# ----- in the app (Pilot) -----------------------------------------------------------------------


async def test_a_screen_handler_that_fails_reports_privately_saves_and_exits_1(
    run_app, sentinels, data_path, monkeypatch
):
    """Also the proof that Textual still calls App._handle_exception, the one private method
    infoview overrides: if it stops, no report is written and this fails."""
    monkeypatch.setattr(followups_service, "complete", failing)
    with pytest.raises(ValueError):  # Pilot hands the exception to the test, as Textual does
        async with run_app() as pilot:
            app = pilot.app
            await type_in_me(pilot, NOTE)
            await pilot.press("f")
            await pilot.pause()
            assert isinstance(app.screen, QueueScreen)
            await pilot.press("d")
            await pilot.pause()
    assert app.return_code == 1
    check_the_report(app.crash_report, data_path)
    check_the_line(app.close_problem or "", app.crash_report)
    check_the_data(data_path)


async def test_a_thread_worker_that_fails_is_reported_the_same_way(
    run_app, sentinels, data_path, monkeypatch
):
    def action_done(self: QueueScreen) -> None:
        item = self.current
        self.run_worker(lambda: failing(self.store, item.id), thread=True)

    monkeypatch.setattr(QueueScreen, "action_done", action_done)
    with pytest.raises(Exception) as caught:
        async with run_app() as pilot:
            app = pilot.app
            await type_in_me(pilot, NOTE)
            await pilot.press("f", "d")
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert "ValueError" in repr(caught.value)  # Textual's WorkerFailed around ours
    assert app.return_code == 1
    text = check_the_report(app.crash_report, data_path)
    assert "WorkerFailed" not in text.split("\n\n", 1)[1]  # the error itself, not the wrapper
    check_the_line(app.close_problem or "", app.crash_report)
    check_the_data(data_path)


async def test_a_dialog_that_fails_is_reported_the_same_way(
    run_app, sentinels, data_path, monkeypatch
):
    from infoview_tui.dialogs.snooze import SnoozeScreen

    def action_pick(self: SnoozeScreen, how: str) -> None:
        failing(self.app.store, self.app.store.followups.all()[0].id)

    monkeypatch.setattr(SnoozeScreen, "action_pick", action_pick)
    with pytest.raises(ValueError):
        async with run_app() as pilot:
            app = pilot.app
            await type_in_me(pilot, NOTE)
            await pilot.press("f", "s")
            await pilot.pause()
            assert isinstance(app.screen, SnoozeScreen)
            await pilot.press("1")
            await pilot.pause()
    assert app.return_code == 1
    check_the_report(app.crash_report, data_path)
    check_the_data(data_path)


def test_textual_still_has_the_method_infoview_overrides():
    """App._handle_exception(error) is private to Textual (pinned exactly): a new Textual that
    renames it would leave infoview printing local variables again."""
    import inspect

    from infoview_tui.app import InfoviewApp

    assert "_handle_exception" in vars(App)
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert "_handle_exception" in vars(InfoviewApp)


# ----- the real program in a terminal -------------------------------------------------------------


def a_file(path: Path) -> None:
    store = Store.open(path, Clock())
    fill(store, Clock().today())
    store.close()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="a pty")
@pytest.mark.parametrize("where", ["screen", "worker"])
def test_a_crash_in_a_terminal_prints_one_line_and_no_personal_data(tmp_path, where):
    path = tmp_path / "infoview.json"
    a_file(path)
    term = Terminal(where, "--data", str(path), module="tests.ui.crashing")
    try:
        term.wait_for("1 in all")
        term.type("i")
        term.wait_for("Interests")
        term.type(NOTE)  # into My name, where Me opens
        term.wait_for(NOTE)
        term.type("\x1b")
        term.wait_for("in all")
        term.type("f")
        term.wait_for(TITLE)
        term.type("d")
        code = wait_for_exit(term, 30)
        term.drain()
    finally:
        term.close()
    assert code == 1
    after = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", term.after_the_app())  # escapes: not text
    for secret in SENTINELS:
        assert secret not in after, secret  # (Textual printed them all, with the locals)
    (report,) = tmp_path.glob("infoview.crash-*.txt")
    lines = [line for line in after.replace("\r", "").split("\n") if line.strip()]
    assert len(lines) == 1, after  # one calm line, no traceback
    assert lines[0].startswith("infoview: stopped on an unexpected problem (ValueError)")
    check_the_line(lines[0], report)
    check_the_report(report, path)
    check_the_data_in(path)


def check_the_data_in(path: Path) -> None:
    saved = Store.open(path, Clock(), readonly=True)
    assert saved.profile().name.endswith(NOTE)  # typed into My name, where Me opens
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("infoview.json")) == [
        "infoview.json"
    ]  # no journal, no lock


@pytest.mark.slow
@pytest.mark.parametrize(
    "command", [["queue"], ["export", "json", "-o", "-"], ["import", "json", "x.json"]]
)
def test_a_command_that_fails_prints_one_line_and_writes_the_report_beside_the_data(
    tmp_path, command
):
    path = tmp_path / "infoview.json"
    a_file(path)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.crashing", command[0], *command, "--data", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    for secret in SENTINELS:
        assert secret not in done.stderr, secret
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("infoview: ") and "ValueError" in line
    (report,) = tmp_path.glob("infoview.crash-*.txt")
    check_the_line(line, report)
    check_the_report(report, path)
