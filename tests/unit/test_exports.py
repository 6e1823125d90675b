"""Exports: JSON round trips, iCalendar read back by two parsers, vCards, Markdown, activity,
and private fields in none of them unless asked."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject

from infoview_tui.clock import FakeClock
from infoview_tui.demo import build_demo
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    Interview,
    InterviewStatus,
    Organization,
    Profile,
)
from infoview_tui.exchange.uids import record_uid
from infoview_tui.services import exports, imports
from infoview_tui.store.store import Store

from .store_helpers import START

SENTINELS = {"work_ability": "SENTINEL-WORK-7f3a", "disclosure_plan": "SENTINEL-PLAN-91c2"}


@pytest.fixture
def demo(open_store, data_path):
    store = open_store(data_path)
    build_demo(store, START)
    return store


def tables(store: Store) -> dict:
    return {
        name: store.documents(name)
        for name in (
            "profile",
            "occupations",
            "organizations",
            "contacts",
            "interviews",
            "followups",
            "questions",
        )
    }


def round_trip(store: Store, tmp_path, name: str) -> Store:
    export = exports.export_json(store, START, include_private=True).value
    path = tmp_path / f"{name}.export.json"
    path.write_bytes(export.data)
    target = Store.open(tmp_path / f"{name}.restored.json", FakeClock(START))
    plan = imports.plan_restore(target, imports.read_export(path))
    assert plan.blockers == []
    imports.apply_restore(target, plan)
    target.close()
    return Store.open(tmp_path / f"{name}.restored.json", FakeClock(START), readonly=True)


# ----- JSON ---------------------------------------------------------------------------------


def test_json_round_trip_of_the_demo_gives_identical_data(demo, tmp_path):
    back = round_trip(demo, tmp_path, "demo")
    assert tables(back) == tables(demo)
    assert back.store_id == demo.store_id  # so exported UIDs stay the same
    assert back.documents("meta")["1"]["last_ids"] == demo.documents("meta")["1"]["last_ids"]


@pytest.mark.slow
def test_json_round_trip_of_the_10x_store(tmp_path):
    import sys

    saved = list(sys.path)
    try:
        from benchmarks.gen_store import NOW, generate  # it sets sys.path[0] for scripts
    finally:
        sys.path[:] = saved
    path = tmp_path / "large.json"
    generate(path)
    large = Store.open(path, FakeClock(NOW), readonly=True)
    back = round_trip(large, tmp_path, "large")
    assert tables(back) == tables(large)
    assert back.store_id == large.store_id


def test_json_import_refuses_a_file_that_holds_something(demo, tmp_path, open_store):
    path = tmp_path / "e.json"
    path.write_bytes(exports.export_json(demo, START).value.data)
    plan = imports.plan_restore(demo, imports.read_export(path))
    assert "already holds" in plan.blockers[0] and "contacts" in plan.blockers[0]
    # A file opened once (built-in questions, an empty profile) counts as empty.
    fresh = open_store(tmp_path / "fresh.json")
    from infoview_tui.domain.question_bank import builtin_questions

    for question in builtin_questions():
        fresh.questions.save(question)
    assert imports.plan_restore(fresh, imports.read_export(path)).blockers == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "not a JSON file"),
        (b'{"tables": {}}', "not an infoview export"),
        (b'{"format": "infoview-export", "format_version": 9}', "newer infoview"),
        (
            b'{"format": "infoview-export", "format_version": 1, "schema_version": 1, '
            b'"tables": {"contacts": {"x": {}}}}',
            "has an id",
        ),
    ],
)
def test_json_import_reads_only_our_exports(tmp_path, raw, message):
    path = tmp_path / "x.json"
    path.write_bytes(raw)
    with pytest.raises(imports.ReadError, match=message):
        imports.read_export(path)


# ----- private fields -----------------------------------------------------------------------


def every_export(store: Store, include_private: bool) -> dict[str, bytes]:
    out = {
        "md": exports.export_md(store, START, include_private=include_private),
        "md one": exports.export_md(
            store, START, meeting="Daniel", include_private=include_private
        ),
        "json": exports.export_json(store, START, include_private=include_private),
        "ics": exports.export_ics(store, START),
        "ics todos": exports.export_ics(store, START, todos=True),
        "vcf": exports.export_vcf(store, START),
        "activity csv": exports.export_activity(store, START),
        "activity md": exports.export_activity(store, START, markdown_table=True),
    }
    return {kind: outcome.value.data for kind, outcome in out.items()}


def test_private_fields_are_in_no_export_unless_asked(demo):
    demo.save_profile(replace(demo.profile(), **SENTINELS))
    for kind, data in every_export(demo, include_private=False).items():
        for sentinel in SENTINELS.values():
            assert sentinel.encode() not in data, kind
    asked = every_export(demo, include_private=True)
    for kind in ("json", "md", "md one"):
        for sentinel in SENTINELS.values():
            assert sentinel.encode() in asked[kind], kind


# ----- iCalendar ----------------------------------------------------------------------------


@pytest.fixture
def calendar_store(open_store, data_path):
    store = open_store(data_path)
    store.organizations.save(Organization(name="Harbour; Research, Centre"))
    ada = store.contacts.save(Contact(name="Zoë 李 Ada", organization_id=1, email="a@x.example"))
    store.interviews.save(
        Interview(
            contact_id=ada.id,
            organization_id=1,
            status=InterviewStatus.SCHEDULED,
            when=datetime(2026, 12, 4, 14, 0, tzinfo=START.tzinfo),
            minutes=20,
            place="Café \\ back room, 2nd floor; ask at the desk\nthen left",
        )
    )
    store.interviews.save(
        Interview(
            contact_id=ada.id, status=InterviewStatus.CANCELLED, when=START + timedelta(days=9)
        )
    )
    store.interviews.save(Interview(contact_id=ada.id, status=InterviewStatus.IDEA))  # no date
    store.followups.save(
        FollowUp(
            title="Thank Zoë — " + "ü" * 60,
            due=date(2026, 12, 5),
            contact_id=ada.id,
            reason="after the meeting",
        )
    )
    store.followups.save(FollowUp(title="Done already", due=date(2026, 12, 5), done=START))
    store.followups.save(FollowUp(title="Undated"))
    return store


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    return lines


def test_ics_lines_are_crlf_folded_at_75_octets_and_whole_utf8(calendar_store):
    data = exports.export_ics(calendar_store, START).value.data
    for line in physical_lines(data):
        assert len(line) <= 75
        line.decode("utf-8")  # no UTF-8 sequence split across lines
    assert b"DTSTART:20261204T130000Z" in data  # 14:00 at +01:00, in UTC: never floating
    assert b"TZID" not in data


def test_ics_read_back_by_two_independent_parsers(calendar_store):
    data = exports.export_ics(calendar_store, START).value.data
    base = calendar_store.store_id
    expected = {
        record_uid(base, "interviews", 1): {
            "summary": "Informational interview: Zoë 李 Ada (Harbour; Research, Centre)",
            "start": datetime(2026, 12, 4, 13, 0, tzinfo=UTC),
            "end": datetime(2026, 12, 4, 13, 20, tzinfo=UTC),
            "location": "Café \\ back room, 2nd floor; ask at the desk\nthen left",
            "status": "CONFIRMED",
            "sequence": 0,
        },
        record_uid(base, "interviews", 2): {"status": "CANCELLED", "sequence": 0},
        record_uid(base, "followups", 1): {
            "summary": "Thank Zoë — " + "ü" * 60,
            "start": date(2026, 12, 5),
            "end": date(2026, 12, 6),
            "description": "For Zoë 李 Ada.\nafter the meeting",
            "sequence": 0,
        },
    }
    # 1) icalendar
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == set(expected)  # no done, undated or dateless items; no UID twice
    for uid, fields in expected.items():
        event = events[uid]
        assert event["dtstamp"].dt == START.astimezone(UTC)
        for name, value in fields.items():
            got = {"start": "dtstart", "end": "dtend"}.get(name, name)
            actual = event[got].dt if got in ("dtstart", "dtend") else event[got]
            assert (int(actual) if name == "sequence" else actual) == value, (uid, name)
    # 2) vobject, written independently of icalendar
    parsed = vobject.readOne(data.decode("utf-8"))
    seen = {}
    for event in parsed.vevent_list:
        uid = event.uid.value
        assert uid not in seen
        seen[uid] = event
    assert set(seen) == set(expected)
    for uid, fields in expected.items():
        event = seen[uid]
        for name, value in fields.items():
            attr = {"start": "dtstart", "end": "dtend"}.get(name, name)
            actual = getattr(event, attr).value
            assert (int(actual) if name == "sequence" else actual) == value, (uid, name)


def test_ics_follow_ups_as_todos(calendar_store):
    data = exports.export_ics(calendar_store, START, todos=True).value.data
    todo = vobject.readOne(data.decode()).vtodo
    assert todo.due.value == date(2026, 12, 5) and todo.status.value == "NEEDS-ACTION"
    assert icalendar.Calendar.from_ical(data).walk("VTODO")[0]["due"].dt == date(2026, 12, 5)


def test_ics_uids_stay_and_sequence_rises_only_when_the_event_changed(calendar_store):
    def sequences() -> dict[str, int]:
        data = exports.export_ics(calendar_store, START).value.data
        return {
            str(e["uid"]): int(e["sequence"])
            for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
        }

    first = sequences()
    assert sequences() == first  # exported again: same UIDs, same SEQUENCE
    meeting = calendar_store.interviews.get(1)
    calendar_store.interviews.save(replace(meeting, notes=[], reflection=None))  # no change
    assert sequences() == first
    calendar_store.interviews.save(replace(meeting, when=meeting.when + timedelta(hours=1)))
    after = sequences()
    uid = record_uid(calendar_store.store_id, "interviews", 1)
    assert after[uid] == first[uid] + 1
    assert {k: v for k, v in after.items() if k != uid} == {
        k: v for k, v in first.items() if k != uid
    }


def test_two_files_never_share_a_uid(open_store, tmp_path):
    uids = []
    for name in ("mine.json", "yours.json"):
        store = open_store(tmp_path / name)
        store.interviews.save(Interview(when=START, status=InterviewStatus.SCHEDULED))
        data = exports.export_ics(store, START).value.data
        uids += [str(e["uid"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert len(set(uids)) == 2


def test_ics_of_the_demo_parses_in_both(demo):
    data = exports.export_ics(demo, START).value.data
    icalendar.Calendar.from_ical(data)
    parsed = vobject.readOne(data.decode())
    uids = [e.uid.value for e in parsed.vevent_list]
    assert len(uids) == len(set(uids)) > 5


# ----- vCard --------------------------------------------------------------------------------


def test_vcards_read_back_by_vobject(demo):
    demo.contacts.save(
        Contact(
            name="Zoë; Lefèvre, Jr",
            email="z@x.example",
            other_emails=["z2@x.example"],
            notes="line one\nline, two; \\",
        )
    )
    data = exports.export_vcf(demo, START).value.data
    for line in physical_lines(data):
        assert len(line) <= 75
        line.decode("utf-8")
    cards = list(vobject.readComponents(data.decode()))
    assert len(cards) == len(demo.contacts)
    assert len({c.uid.value for c in cards}) == len(cards)
    zoe = next(c for c in cards if c.fn.value == "Zoë; Lefèvre, Jr")
    assert [e.value for e in zoe.email_list] == ["z@x.example", "z2@x.example"]
    assert zoe.note.value == "line one\nline, two; \\"
    again = exports.export_vcf(demo, START).value.data
    assert again == data  # same UIDs every time


# ----- Markdown -----------------------------------------------------------------------------


def test_a_meeting_as_markdown(demo):
    text = exports.export_md(demo, START, meeting="Daniel").value.data.decode()
    assert text.startswith("# Informational interview with Daniel Okoye")
    assert "## Plan" in text and "## Questions" in text and "## Notes" in text
    assert "[x]" in text and "(asked)" in text
    assert "- **0" in text  # notes with their minute
    assert "| What I thought before (Clinical research coordinator) | What I learned |" in text
    assert "## Captured" in text and "Referral:" in text


def test_meetings_are_found_by_number_or_name(demo):
    with pytest.raises(exports.ExportError, match="There is no meeting 999"):
        exports.export_md(demo, START, meeting="999")
    with pytest.raises(exports.ExportError, match="No meeting is with someone called"):
        exports.export_md(demo, START, meeting="Nobody at all")
    first = demo.interviews.all()[0]
    by_number = exports.export_md(demo, START, meeting=str(first.id)).value.data
    assert by_number.startswith(b"# Informational interview with")


def test_markdown_keeps_user_text_from_changing_the_layout(open_store, data_path):
    store = open_store(data_path)
    from infoview_tui.domain.records import Note, Reflection

    store.interviews.save(
        Interview(
            notes=[Note("# not a heading\n> nor a quote", 61.0, "Q|1")],
            reflection=Reflection(reality="a | b\nc"),
        )
    )
    text = exports.export_md(store, START, meeting="1").value.data.decode()
    assert "\\# not a heading" in text and "\\> nor a quote" in text
    assert "*Q\\|1*" in text and "a \\| b<br>c" in text


# ----- activity -----------------------------------------------------------------------------


def test_activity_csv_for_work_search_logs(demo):
    data = exports.export_activity(demo, START).value.data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["date", "what", "who", "employer", "outcome"]
    days = [r[0] for r in rows[1:]]
    assert days == sorted(days) and len(days) > 5
    assert any(r[1] == "Thank-you note sent" for r in rows)
    assert any(r[1].startswith("Informational interview") for r in rows)


def test_activity_dates_and_formula_cells(open_store, data_path):
    store = open_store(data_path)
    for name in ('=HYPERLINK("http://x")', "+1 trick", "-2", "@SUM(A1)", "\tTab", "\rCR"):
        c = store.contacts.save(Contact(name=name))
        store.followups.save(FollowUp(title="x", contact_id=c.id, done=START))
    store.followups.save(FollowUp(title="old", done=START - timedelta(days=40)))
    data = exports.export_activity(
        store, START, start=START.date() - timedelta(days=7), end=START.date()
    ).value.data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    assert len(rows) == 6  # the old one is outside the dates
    for row in rows:
        assert not row[2].startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_exports_of_an_empty_store(open_store, data_path):
    store = open_store(data_path)
    for outcome in (
        exports.export_md(store, START),
        exports.export_ics(store, START),
        exports.export_activity(store, START),
        exports.export_json(store, START),
    ):
        assert outcome.value.data
    assert exports.export_vcf(store, START).value.data == b""  # no contacts, no cards
    json.loads(exports.export_json(store, START).value.data)
    assert Profile() == store.profile()


def test_a_meeting_in_markdown_gives_its_times_on_the_exporters_clock():
    """Stored in New York's offset, exported in London: the London time and day."""
    from datetime import timedelta, timezone
    from zoneinfo import ZoneInfo

    from infoview_tui.domain.records import Interview, Request
    from infoview_tui.exchange.markdown import MeetingDoc, meeting_markdown

    new_york = timezone(timedelta(hours=-5))
    interview = Interview(
        id=1,
        when=datetime(2026, 12, 3, 21, 30, tzinfo=new_york),
        request=Request(sent=datetime(2026, 11, 26, 20, 15, tzinfo=new_york)),
    )
    text = meeting_markdown(MeetingDoc(interview, "Ada", "", "", None), ZoneInfo("Europe/London"))
    assert "Fri 4 Dec 2026, 02:30" in text
    assert "Request sent Fri 27 Nov 2026" in text
