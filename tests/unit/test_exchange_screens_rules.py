"""The rules under the exchange screens, without a terminal: path completion, what an export
may never overwrite, the calendar's halves, the import preview's rows and the column choice."""

from __future__ import annotations

import os
import string
from datetime import datetime
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoview_tui.demo import build_demo
from infoview_tui.exchange.contacts_file import read_contacts
from infoview_tui.exchange.people import NoNameColumn
from infoview_tui.exports import is_data_file
from infoview_tui.screens.files import mime_type
from infoview_tui.screens.people.import_contacts import preview_entries, summary_lines
from infoview_tui.services import exports, imports
from infoview_tui.widgets.path_input import complete_path

from .store_helpers import START

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


# ----- path completion ----------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Documents").mkdir()
    (tmp_path / "Downloads" / "Connections.csv").write_text("x")
    (tmp_path / "Downloads" / "Connections-2017.csv").write_text("x")
    (tmp_path / "Downloads" / ".hidden.csv").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    return tmp_path


def test_completion_of_folders_and_files(folder, monkeypatch):
    base = str(folder)
    assert complete_path(f"{base}/Dow") == f"{base}/Downloads/"
    assert complete_path(f"{base}/Do") == f"{base}/Documents/"  # first in order
    assert complete_path(f"{base}/Downloads") == f"{base}/Downloads/"  # typed in full
    assert complete_path(f"{base}/Downloads/C") == f"{base}/Downloads/Connections-2017.csv"
    assert complete_path(f"{base}/Downloads/Connections.") == f"{base}/Downloads/Connections.csv"
    assert complete_path(f"{base}/Downloads/Connections.csv") is None  # nothing to add
    assert complete_path(f"{base}/Downloads/.h") == f"{base}/Downloads/.hidden.csv"
    assert complete_path(f"{base}/n", folders_only=True) is None
    assert complete_path(f"{base}/no-such/x") is None
    assert complete_path("") is None
    monkeypatch.setenv("HOME", base)
    assert complete_path("~/Dow") == "~/Downloads/"  # the ~ stays as typed


def test_hidden_files_wait_for_a_dot(folder):
    found = complete_path(f"{folder}/Downloads/")
    assert found == f"{folder}/Downloads/Connections-2017.csv"


NAMES = st.text(string.ascii_letters + string.digits + "-_. éü", min_size=1, max_size=12)


@given(names=st.lists(NAMES, min_size=1, max_size=6, unique=True), typed=st.text(max_size=6))
def test_a_completion_always_extends_what_was_typed_to_a_real_name(tmp_path_factory, names,
                                                                   typed):  # fmt: skip
    root = tmp_path_factory.mktemp("names")
    for name in names:
        if name in (".", ".."):
            continue
        (root / name).write_text("x")
    value = f"{root}/{typed}"
    found = complete_path(value)
    if found is not None:
        assert found.startswith(value)
        assert os.path.exists(found.rstrip("/"))


# ----- what an export never writes over -----------------------------------------------------


def test_the_data_file_its_journal_lock_and_temp_files_are_never_export_targets(tmp_path):
    data = tmp_path / "infoview.json"
    for name in ("infoview.json", "infoview.json.journal", "infoview.json.lock",
                 ".infoview.json.tmp-1a2b"):  # fmt: skip
        assert is_data_file(tmp_path / name, data)
    assert not is_data_file(tmp_path / "infoview-2026-11-25.json", data)
    assert not is_data_file(tmp_path / "elsewhere" / "infoview.json", data)
    link = tmp_path / "link.json"
    link.symlink_to(data)
    assert is_data_file(link, data)


def test_downloads_carry_a_type_a_browser_knows():
    assert mime_type("thank-you-ada.txt") == "text/plain; charset=utf-8"
    assert mime_type("infoview.ics") == "text/calendar; charset=utf-8"
    assert mime_type("contacts.vcf") == "text/vcard; charset=utf-8"
    assert mime_type("meeting.md") == "text/markdown; charset=utf-8"
    assert mime_type("backup.json") == "application/json"
    assert mime_type("mystery") == "application/octet-stream"


# ----- the calendar in halves ---------------------------------------------------------------


def test_a_calendar_of_meetings_only_or_follow_ups_only(open_store, data_path):
    store = open_store(data_path)
    build_demo(store, START)
    both = icalendar.Calendar.from_ical(exports.export_ics(store, START).value.data)
    meetings = exports.export_ics(store, START, followups_in=False)
    items = exports.export_ics(store, START, meetings_in=False, todos=True)
    only_meetings = icalendar.Calendar.from_ical(meetings.value.data)
    only_items = icalendar.Calendar.from_ical(items.value.data)
    timed = [e for e in both.walk("VEVENT") if isinstance(e["DTSTART"].dt, datetime)]
    assert len(only_meetings.walk("VEVENT")) == len(timed) > 0
    assert not only_meetings.walk("VTODO")
    assert not only_items.walk("VEVENT") and only_items.walk("VTODO")
    assert meetings.value.name.startswith("infoview-meetings-")
    assert items.value.name.startswith("infoview-follow-ups-")
    assert "follow-up" not in meetings.message and "meeting" not in items.message
    assert exports.export_ics(store, START).value.name.startswith("infoview-2")


# ----- the import preview -------------------------------------------------------------------


def test_the_preview_lists_every_row_in_the_files_order_with_its_reason(open_store, data_path):
    store = open_store(data_path)
    contents = imports.read_contacts(FIXTURES / "Connections.csv")
    plan = imports.plan_contacts(store, contents, START)
    entries = preview_entries(plan)
    assert [e.where for e in entries] == [f"row {n}" for n in range(5, 15)]
    assert [e.what for e in entries][:6] == ["new", "new", "new", "skipped", "skipped",
                                             "skipped"]  # fmt: skip
    marcus = next(e for e in entries if e.name == "Marcus O'Doyle")
    assert "'31 Fab 2020' was not understood" in marcus.full
    assert next(e for e in entries if e.where == "row 13").line.startswith("same person as row 5")
    lines = summary_lines(plan)
    assert lines[0].startswith("From a LinkedIn connections export (Connections.csv): 10 entries")
    assert lines[-1].startswith("ctrl+s imports it: 6 new contacts and 0 updates")
    imports.apply_contacts(store, plan, START)
    again = summary_lines(imports.plan_contacts(store, contents, START))
    assert "Importing it again adds nothing." in again[-1]


def test_a_csv_without_names_says_which_columns_it_has_and_a_chosen_mapping_reads_it():
    raw = b"Who,Org\nAda Okafor,Harbour Health\n"
    with pytest.raises(NoNameColumn) as caught:
        read_contacts(raw, "odd.csv")
    assert caught.value.columns == ["Who", "Org"]
    assert caught.value.sample == ["Ada Okafor", "Harbour Health"]
    contents = read_contacts(raw, "odd.csv", {"who": "name", "org": "company"})
    (ada,) = contents.people
    assert (ada.name, ada.company) == ("Ada Okafor", "Harbour Health")
    assert contents.columns == ["Who", "Org"]
    # The command line's --map text still works the same way.
    assert read_contacts(raw, "odd.csv", "Who=name").people[0].name == "Ada Okafor"
