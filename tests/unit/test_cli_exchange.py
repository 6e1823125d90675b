"""The shell commands for real, as subprocesses: import, export, and the CLI fixes that came
with them (options before the command, a missing file, any output encoding)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from infoview_tui.clock import Clock, FakeClock
from infoview_tui.domain.records import Contact, FollowUp, Organization, Profile
from infoview_tui.store.store import Store

from .store_helpers import snapshot_dir

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "exchange"
pytestmark = pytest.mark.slow


NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # the day every command here runs on


def infoview(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    # A folder of its own by default: an export that should have been refused but was not
    # must not land in the checkout.
    if cwd is None:
        cwd = Path(tempfile.mkdtemp(prefix="infoview-cli-"))
    return subprocess.run(
        [sys.executable, "-m", "infoview_tui", *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
        env={
            **os.environ,
            "PYTHONPATH": str(REPO),
            "INFOVIEW_NOW": NOW.isoformat(),
            **(env or {}),
        },
    )


def out(result) -> str:
    return result.stdout.decode()


def err(result) -> str:
    return result.stderr.decode()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "infoview.json"
    store = Store.open(path, FakeClock(NOW))
    store.save_profile(
        Profile(name="Maya", work_ability="SENTINEL-W", disclosure_plan="SENTINEL-D")
    )
    store.organizations.save(Organization(name="Harbourside Cancer Research Centre", rank=1))
    zoe = store.contacts.save(Contact(name="Zoë Lefèvre", email="zoe@x.example"))
    store.followups.save(FollowUp(title="Écrire à Zoë · 李", due=NOW.date(), contact_id=zoe.id))
    store.close()
    return path


# ----- options before or after the command, a missing file, encodings -------------------------


def test_options_work_before_or_after_the_command(data):
    before = infoview("--data", str(data), "queue")
    after = infoview("queue", "--data", str(data))
    assert before.returncode == after.returncode == 0, err(before)
    assert out(before) == out(after) and "Zoë" in out(before)
    exported = infoview("--data", str(data), "export", "vcf", "-o", "-")
    assert exported.returncode == 0 and b"BEGIN:VCARD" in exported.stdout
    assert infoview(f"--data={data}", "queue", "--json").returncode == 0


def test_every_option_works_before_the_command_too(data):
    for option in ("--all", "--json"):
        before = infoview(option, "--data", str(data), "queue")
        after = infoview("queue", option, "--data", str(data))
        assert before.returncode == after.returncode == 0, err(before)
        assert out(before) == out(after) and "Zoë" in out(before)
    served = infoview("--port", "8123", "serve", "--help")
    assert served.returncode == 0 and "usage: infoview serve" in out(served), out(served)
    dry = infoview(
        "--dry-run", "--data", str(data), "import", "contacts", str(FIXTURES / "Connections.csv")
    )
    assert dry.returncode == 0 and "Dry run: nothing was written" in out(dry), err(dry)


def test_a_missing_folder_is_refused_with_its_path(tmp_path):
    folder = tmp_path / "no" / "such" / "folder"
    for args in (
        ("--data", str(folder / "f.json")),
        ("import", "contacts", str(FIXTURES / "Connections.csv"), "--data", str(folder / "f.json")),
    ):
        result = infoview(*args)
        assert result.returncode == 2, (args, err(result))
        assert err(result).strip() == (
            f"infoview: There is no folder {folder}: check the path, or create it first."
        )
        assert not (tmp_path / "no").exists()


def test_a_data_path_that_is_not_a_regular_file_is_said_so(tmp_path):
    for args in (("--data", "/dev/null"), ("queue", "--data", "/dev/null")):
        result = infoview(*args)
        assert result.returncode == 2, (args, err(result))
        assert "/dev/null is not a regular file" in err(result), err(result)
        assert "delete the empty file" not in err(result)
    assert not Path("/dev/null.lock").exists()


def test_an_import_that_creates_the_data_file_says_so(tmp_path):
    path = tmp_path / "new.json"
    result = infoview("import", "contacts", str(FIXTURES / "Connections.csv"), "--data", str(path))
    assert result.returncode == 0, err(result)
    assert out(result).splitlines()[0] == f"New data file created at {path}"
    again = infoview("import", "contacts", str(FIXTURES / "Connections.csv"), "--data", str(path))
    assert "New data file" not in out(again)


def test_a_dumb_terminal_is_refused_with_what_works_instead(data):
    result = infoview("--data", str(data), env={"TERM": "dumb"})
    assert result.returncode == 1
    assert result.stdout == b""
    (line,) = err(result).splitlines()
    assert "infoview queue" in line and "TERM=dumb" in line


def test_queue_on_a_missing_file_says_so(tmp_path):
    result = infoview("--data", str(tmp_path / "typo.json"), "queue")
    assert result.returncode == 2 and result.stdout == b""
    assert "there is no data file at" in err(result)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_no_output_encoding_crashes_a_command(data, tmp_path, encoding):
    env = {"PYTHONIOENCODING": encoding}
    text = infoview("--data", str(data), "queue", env=env)
    assert text.returncode == 0, err(text)
    assert b"Traceback" not in text.stderr
    shown = text.stdout.decode(encoding)
    assert ("Zoe Lefevre" if encoding == "ascii" else "Zoë Lefèvre") in shown
    as_json = infoview("--data", str(data), "queue", "--json", env=env)
    assert json.loads(as_json.stdout.decode(encoding))["items"][0]["contact"] == "Zoë Lefèvre"
    dry = infoview(
        "import",
        "contacts",
        str(FIXTURES / "Connections.csv"),
        "--dry-run",
        "--data",
        str(data),
        env=env,
    )
    assert dry.returncode == 0 and b"Traceback" not in dry.stderr
    exported = infoview("export", "md", "-o", "-", "--data", str(data), env=env)
    assert exported.returncode == 0
    exported.stdout.decode("utf-8")  # files are UTF-8 whatever the terminal shows


# ----- import ---------------------------------------------------------------------------------


def test_dry_run_writes_nothing(data, tmp_path):
    before = snapshot_dir(data.parent)
    result = infoview(
        "import", "contacts", str(FIXTURES / "Connections.csv"), "--dry-run", "--data", str(data)
    )
    assert result.returncode == 0, err(result)
    text = out(result)
    assert "10 entries: 6 new, 0 to update, 0 already up to date, 4 skipped." in text
    assert "rows 8, 9: blank row" in text and "row 13: same person as row 5" in text
    assert "Dry run: nothing was written" in text
    assert snapshot_dir(data.parent) == before
    fresh = tmp_path / "new" / "infoview.json"
    assert (
        infoview(
            "import", "contacts", str(FIXTURES / "people.csv"), "--dry-run", "--data", str(fresh)
        ).returncode
        == 0
    )
    assert not fresh.parent.exists()


def test_import_then_again_adds_nothing(data):
    first = infoview(
        "import",
        "contacts",
        str(FIXTURES / "Basic_LinkedInDataExport_12-03-2026.zip"),
        "--data",
        str(data),
    )
    assert first.returncode == 0, err(first)
    assert "Imported 6 new contacts" in out(first)
    second = infoview("--data", str(data), "import", "contacts", str(FIXTURES / "Connections.csv"))
    assert "Imported 0 new contacts, updated 0" in out(second)
    store = Store.open(data, Clock(), readonly=True)
    assert len(store.contacts) == 7
    assert stat.S_IMODE(data.stat().st_mode) == 0o600


def test_import_takes_the_apps_lock(data):
    holder = Store.open(data, Clock())  # like a running app
    try:
        result = infoview("import", "contacts", str(FIXTURES / "people.csv"), "--data", str(data))
        assert result.returncode == 3
        assert "infoview is already open on this data file" in err(result)
        # Exports never lock, so they work meanwhile.
        assert infoview("export", "json", "-o", "-", "--data", str(data)).returncode == 0
    finally:
        holder.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["contacts", "nope.csv"], "There is no file"),
        (["contacts", str(FIXTURES / "people.csv"), "--map", "Full Name"], "Column=field"),
        (["json", str(FIXTURES / "people.csv")], "not a JSON file"),
    ],
)
def test_import_errors_are_one_line(data, args, message):
    result = infoview("import", *args, "--data", str(data))
    assert result.returncode == 1
    assert message in err(result) and len(err(result).splitlines()) == 1
    assert b"Traceback" not in result.stderr


def test_import_json_into_an_empty_file_only(data, tmp_path):
    export = tmp_path / "backup.json"
    made = infoview("export", "json", "--include-private", "-o", str(export), "--data", str(data))
    assert made.returncode == 0, err(made)
    refused = infoview("import", "json", str(export), "--data", str(data))
    assert refused.returncode == 1 and "already holds" in out(refused)
    target = tmp_path / "restored.json"
    dry = infoview("import", "json", str(export), "--dry-run", "--data", str(target))
    assert dry.returncode == 0 and not target.exists()
    done = infoview("import", "json", str(export), "--data", str(target))
    assert done.returncode == 0, err(done)
    a = Store.open(data, Clock(), readonly=True)
    b = Store.open(target, Clock(), readonly=True)
    for table in ("profile", "contacts", "organizations", "followups"):
        assert a.documents(table) == b.documents(table)
    assert a.store_id == b.store_id


# ----- export ---------------------------------------------------------------------------------


def test_export_writes_0600_and_never_over_a_file_without_force(data, tmp_path):
    target = tmp_path / "out" / "cal.ics"
    target.parent.mkdir()
    os.umask(0o022)
    first = infoview("export", "ics", "-o", str(target), "--data", str(data))
    assert first.returncode == 0, err(first)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_text("mine")
    again = infoview("export", "ics", "-o", str(target), "--data", str(data))
    assert again.returncode == 1 and "add --force" in err(again)
    assert target.read_text() == "mine"
    forced = infoview("export", "ics", "-o", str(target), "--force", "--data", str(data))
    assert forced.returncode == 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in target.parent.iterdir()) == ["cal.ics"]  # no temp files


def test_export_never_locks_or_changes_the_data_file(data):
    before = snapshot_dir(data.parent)
    for kind in ("md", "json", "ics", "vcf", "activity"):
        result = infoview("export", kind, "-o", "-", "--data", str(data))
        assert result.returncode == 0, (kind, err(result))
        assert result.stdout
    assert snapshot_dir(data.parent) == before


def test_export_without_o_writes_a_dated_file_in_the_current_folder(data, tmp_path):
    folder = tmp_path / "here"
    folder.mkdir()
    result = infoview("export", "activity", "--data", str(data), cwd=folder)
    assert result.returncode == 0, err(result)
    (written,) = folder.iterdir()
    assert written.name == "infoview-activity-2026-03-04.csv"


def test_private_fields_reach_no_export_file_without_the_option(data):
    for kind in ("md", "json", "ics", "vcf", "activity"):
        result = infoview("export", kind, "-o", "-", "--data", str(data))
        assert b"SENTINEL" not in result.stdout, kind
    asked = infoview("export", "json", "-o", "-", "--include-private", "--data", str(data))
    assert b"SENTINEL-W" in asked.stdout and b"SENTINEL-D" in asked.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["md", "--meeting", "42"], "There is no meeting 42"),
        (["ics", "--from", "40/11"], "--from '40/11'"),
        (["activity", "--from", "30/11", "--to", "1/11"], "is after --to"),
        (["vcf", "--todos"], "--todos is for 'export ics'"),
        (["json", "--from", "1/11"], "not for 'export json'"),
        (["json", "-o", "{data}"], "infoview's own data file"),
        (["ics", "-o", "{folder}"], "is a folder"),
    ],
)
def test_export_errors_are_one_line_and_non_zero(data, args, message):
    args = [a.format(data=data, folder=data.parent) for a in args]
    result = infoview("export", *args, "--data", str(data))
    assert result.returncode == 1, out(result)
    assert message in err(result) and len(err(result).splitlines()) == 1


def test_export_of_a_missing_file(tmp_path):
    result = infoview("export", "json", "-o", "-", "--data", str(tmp_path / "typo.json"))
    assert result.returncode == 2 and "there is no data file" in err(result)


def test_export_dates_follow_the_day_month_order_of_the_profile(data):
    store = Store.open(data, FakeClock(NOW))
    store.save_profile(Profile(day_first=False))
    store.close()
    result = infoview(
        "export",
        "activity",
        "--format",
        "md",
        "--from",
        "12/25",
        "--to",
        "12/31",
        "-o",
        "-",
        "--data",
        str(data),
    )
    assert result.returncode == 0, err(result)
    assert "25 Dec 2025" in out(result), out(result)


def test_every_command_has_help_with_an_example():
    for args in (
        ["--help"],
        ["queue", "--help"],
        ["import", "--help"],
        ["import", "contacts", "--help"],
        ["import", "json", "--help"],
        ["export", "--help"],
    ):
        result = infoview(*args)
        assert result.returncode == 0, args
        assert "infoview" in out(result) and ("example" in out(result).lower()), args


def test_export_help_gives_the_one_rule_for_next_weekday():
    """--from/--to are date fields like the app's: their help states the same rule."""
    from infoview_tui.domain.when_reader import NEXT_RULE

    assert NEXT_RULE in " ".join(out(infoview("export", "--help")).split())


def test_help_names_the_default_data_file_in_full(tmp_path):
    """The default file is looked up only when help is shown; it must still be named."""
    env = {"XDG_DATA_HOME": str(tmp_path / "a very long folder name" / "to make help wrap")}
    for args in (["--help"], ["queue", "--help"]):
        text = " ".join(out(infoview(*args, env=env)).split())
        assert str(tmp_path / "a very long folder name" / "to make help wrap") in text, args
        assert "{default-data-file}" not in text


def test_an_interrupted_import_is_said_in_one_line_and_leaves_the_file(data, monkeypatch, capsys):
    from infoview_tui import cli_exchange
    from infoview_tui.store.repo import Repo

    real = Repo.save
    calls = []

    def interrupted(self, record):  # ctrl+c in the middle of the batch
        calls.append(record)
        if self.table == "contacts" and len(calls) == 3:
            raise KeyboardInterrupt
        return real(self, record)

    monkeypatch.setattr(Repo, "save", interrupted)
    before = Store.open(data, Clock(), readonly=True).documents("contacts").copy()
    code = cli_exchange.run_import(
        ["contacts", str(FIXTURES / "Connections.csv"), "--data", str(data)], Clock()
    )
    assert code == 130
    assert capsys.readouterr().err == "infoview: interrupted; nothing was imported.\n"
    monkeypatch.undo()
    assert Store.open(data, Clock(), readonly=True).documents("contacts") == before


@pytest.mark.parametrize(
    ("args", "period"),
    [
        (["--from", "25/12", "--to", "31/12"], "From Thu 25 Dec 2025 to Wed 31 Dec 2025."),
        (["--from", "1/12", "--to", "31/3"], "From Mon 1 Dec 2025 to Tue 31 Mar 2026."),
        (["--from", "the 3rd"], "From Tue 3 Mar 2026 on."),
        (["--to", "fri"], "Up to Fri 27 Feb 2026."),
        (["--from", "25/12/2026"], "From Fri 25 Dec 2026 on."),  # a year typed is kept
    ],
)
def test_report_dates_without_a_year_look_back_and_are_said(data, args, period):
    """Run on Wed 4 Mar 2026: a report covers what happened, so 25/12 is last Christmas."""
    result = infoview("export", "activity", *args, "-o", "-", "--data", str(data))
    assert result.returncode == 0, err(result)
    assert err(result).strip().endswith(period), err(result)


def test_a_swapped_span_is_refused_not_stretched_over_a_year(data):
    result = infoview("export", "activity", "--from", "30/11", "--to", "1/11", "--data", str(data))
    assert result.returncode == 1
    assert "is after --to" in err(result)


def test_every_option_that_takes_a_value_is_known_to_the_command_splitter():
    import argparse

    from infoview_tui import cli, cli_exchange, queue_cli
    from infoview_tui.cli_common import WITH_VALUE, split_command
    from infoview_tui.web import server

    def options(parser: argparse.ArgumentParser) -> set[str]:
        found: set[str] = set()
        for action in parser._actions:  # argparse has no public list of its options
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found |= options(sub)
            elif action.option_strings and action.nargs != 0:
                found |= set(action.option_strings)
        return found

    parsers = [
        cli.build_parser(), queue_cli.build_parser(), cli_exchange.import_parser(),
        cli_exchange.export_parser(), server.build_parser(),
    ]  # fmt: skip
    assert set().union(*map(options, parsers)) == set(WITH_VALUE)
    assert split_command(["--port", "8123", "serve", "--help"]) == (
        "serve",
        ["--help", "--port", "8123"],
    )
    assert split_command(["-o", "queue", "export", "md"]) == ("export", ["md", "-o", "queue"])
    assert split_command(["--all"]) == (None, ["--all"])  # no command: the app says what
