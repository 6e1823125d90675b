"""`infoview queue`: a daily glance from the shell that never changes or locks the file.

Most tests run the real command as a subprocess on a fixed day ($INFOVIEW_NOW, so they pass
at midnight too); the wording tests call `run` in-process with a fake clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.domain.records import Contact, FollowUp, FollowUpKind, Profile
from infoview_tui.queue_cli import run
from infoview_tui.store.store import Store

from .store_helpers import snapshot_dir

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # the day every subprocess here runs on
TODAY = NOW.date()


def queue(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infoview_tui", "queue", "--data", str(path), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={**os.environ, "INFOVIEW_NOW": NOW.isoformat()},
    )


def fill(path: Path, today: date, clock) -> dict[str, int]:
    store = Store.open(path, clock)
    ada = store.contacts.save(Contact(name="Ada Okafor"))

    def add(title: str, due: date | None, **kw) -> int:
        saved = store.followups.save(FollowUp(title=title, due=due, contact_id=ada.id, **kw))
        assert saved.id is not None
        return saved.id

    ids = {
        "late": add("Send the thank-you", today - timedelta(days=2), kind=FollowUpKind.THANK_YOU,
                    reason="after the meeting with Ada"),
        "today": add("Nudge Ada", today, kind=FollowUpKind.NUDGE, reason="no reply in 7 days"),
        "soon": add("Read the annual report", today + timedelta(days=3)),
        "undated": add("Someday: visit the lab", None),
        "done": add("Already done", today, done=NOW),
    }  # fmt: skip
    store.close()
    return ids


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "infoview.json"


def test_nothing_due_prints_nothing_and_exits_0(path):
    store = Store.open(path, FakeClock(NOW))
    store.followups.save(FollowUp(title="Later", due=TODAY + timedelta(days=2)))
    store.followups.save(FollowUp(title="Done", due=TODAY, done=NOW))
    store.close()
    result = queue(path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_lists_overdue_then_today_with_who_and_why(path):
    fill(path, TODAY, FakeClock(NOW))
    result = queue(path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("Overdue (1)") < out.index("Send the thank-you") < out.index("Today (1)")
    assert out.index("Today (1)") < out.index("Nudge Ada")
    assert "for Ada Okafor · after the meeting with Ada" in out
    assert "Read the annual report" not in out and "Already done" not in out


def test_all_lists_every_open_item(path):
    fill(path, TODAY, FakeClock(NOW))
    out = queue(path, "--all").stdout
    for title in ("Send the thank-you", "Nudge Ada", "Read the annual report", "visit the lab"):
        assert title in out
    assert "Already done" not in out
    assert out.index("This week (1)") < out.index("Later (1)") < out.index("no date")


def test_json_for_scripts(path):
    today = TODAY
    ids = fill(path, today, FakeClock(NOW))
    data = json.loads(queue(path, "--json").stdout)
    assert data["today"] == today.isoformat()
    assert [(i["id"], i["section"]) for i in data["items"]] == [
        (ids["late"], "overdue"), (ids["today"], "today"),
    ]  # fmt: skip
    first = data["items"][0]
    assert first["kind"] == "thank-you" and first["contact"] == "Ada Okafor"
    assert first["due"] == (today - timedelta(days=2)).isoformat()
    every = json.loads(queue(path, "--json", "--all").stdout)["items"]
    assert len(every) == 4
    empty = path.with_name("empty.json")
    Store.open(empty, FakeClock(NOW)).close()
    assert json.loads(queue(empty, "--json").stdout)["items"] == []


def test_the_file_is_untouched_and_a_running_app_does_not_block_it(path):
    today = TODAY
    fill(path, today, FakeClock(NOW))
    before = path.read_bytes()
    writer = Store.open(path, FakeClock(NOW))  # holds the lock, like a running app
    try:
        writer.followups.save(FollowUp(title="Typed in the app just now", due=today))
        writer.flush()  # in the journal, not yet in the file
        journal = path.with_name(path.name + ".journal").read_bytes()
        result = queue(path)
        assert result.returncode == 0, result.stderr
        assert "Typed in the app just now" in result.stdout  # it sees the journal too
        assert path.read_bytes() == before
        assert path.with_name(path.name + ".journal").read_bytes() == journal
    finally:
        writer.close()
    after = snapshot_dir(path.parent)
    queue(path, "--all")
    queue(path, "--json")
    assert snapshot_dir(path.parent) == after  # not a byte, not a timestamp, no new file


def test_a_damaged_file_is_reported_with_its_exit_code(path):
    path.write_text("{not json")
    result = queue(path)
    assert result.returncode == 2 and result.stdout == ""
    assert "not valid JSON" in result.stderr and str(path) in result.stderr
    assert path.read_text() == "{not json"


def test_a_missing_file_is_said_not_passed_off_as_nothing_due(tmp_path):
    missing = tmp_path / "none" / "infoview.json"
    result = queue(missing)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("infoview: there is no data file at")
    assert str(missing) in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "none").exists()


# ----- wording, in-process with a fixed clock ----------------------------------------------------


def test_text_says_the_day_and_flags_rest_days(path, capsys):
    clock = FakeClock(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))  # a Saturday
    store = Store.open(path, clock)
    store.save_profile(Profile(rest_days=[5, 6]))
    store.followups.save(FollowUp(title="Line one\nline two\x1b[31m", due=date(2026, 11, 28)))
    store.close()
    assert run(["--data", str(path)], clock) == 0
    out = capsys.readouterr().out
    assert out.startswith("infoview · Sat 28 Nov 2026: 1 today\n")
    assert "  Sat 28 Nov (today)  Line one line two[31m  [rest day]" in out
    assert "\x1b" not in out  # user text cannot send escape codes to the terminal


def test_the_cli_dispatches_queue_without_importing_textual(path):
    Store.open(path, FakeClock(NOW)).close()
    code = (
        "import sys\nfrom infoview_tui.cli import main\n"
        f"main(['queue', '--data', {str(path)!r}])\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip() == "False", result.stderr


def test_busy_weeks_and_rest_days_are_flagged_as_on_the_follow_ups_screen(path, capsys):
    from infoview_tui.domain.followups import flags, weeks_over_cap
    from infoview_tui.domain.records import Interview, InterviewStatus, Session

    clock = FakeClock(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))  # a Wednesday
    store = Store.open(path, clock)
    store.save_profile(Profile(rest_days=[5, 6], weekly_meeting_cap=1))
    store.interviews.save(  # two meetings this week: over a cap of one
        Interview(status=InterviewStatus.SCHEDULED, when=datetime(2026, 11, 26, 14, tzinfo=UTC))
    )
    store.interviews.save(  # held on the spot, no planned time: counts by its start
        Interview(status=InterviewStatus.DONE,
                  session=Session(started=datetime(2026, 11, 24, 10, tzinfo=UTC)))
    )  # fmt: skip
    store.interviews.save(  # cancelled: not a meeting to count
        Interview(status=InterviewStatus.CANCELLED, when=datetime(2026, 12, 1, 9, tzinfo=UTC))
    )
    store.followups.save(FollowUp(title="Due in a busy week", due=date(2026, 11, 25)))
    store.followups.save(FollowUp(title="On a rest day too", due=date(2026, 11, 28)))
    store.followups.save(FollowUp(title="A quiet week", due=date(2026, 12, 2)))
    items = {f.title: f for f in store.followups.all()}
    busy = weeks_over_cap(store.interviews.all(), 1, UTC)
    store.close()

    assert run(["--data", str(path), "--all"], clock) == 0
    out = capsys.readouterr().out
    assert "  Wed 25 Nov (today)  Due in a busy week  [busy week]\n" in out
    assert "  Sat 28 Nov (in 3 days)  On a rest day too  [rest day, busy week]\n" in out
    assert "A quiet week\n" in out
    # The same rule as the screen's: domain.followups.flags, over the same meetings.
    assert flags(items["On a rest day too"], [5, 6], busy) == ["rest day", "busy week"]

    assert run(["--data", str(path), "--all", "--json"], clock) == 0
    shown = {i["title"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    assert [(t, i["rest_day"], i["busy_week"]) for t, i in shown.items()] == [
        ("Due in a busy week", False, True),
        ("On a rest day too", True, True),
        ("A quiet week", False, False),
    ]
    assert shown["On a rest day too"]["flags"] == ["rest day", "busy week"]


def test_a_title_keeps_its_joiners_and_loses_what_would_garble_a_terminal() -> None:
    from infoview_tui.queue_cli import _one_line

    title = "Thank 👩🏽\u200d🔬 Zahra می\u200cخواهم\nsoon\x1b]0;pwned\x07"
    shown = _one_line(title)
    assert "👩🏽\u200d🔬" in shown and "می\u200cخواهم" in shown  # joined, not split by spaces
    assert "\x1b" not in shown and "\x07" not in shown and "\n" not in shown
