"""The domain layer: pure rules, the record codec, and words for people.

No UI, no storage: these modules must load without Textual or TinyDB, so the rules can be
used (and tested) on their own, and the CLI's read-only commands start fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from infoview_tui.domain.codec import decode, encode
from infoview_tui.domain.records import (
    CanMeet,
    Capture,
    CaptureKind,
    Contact,
    Decision,
    Demand,
    DemandCheck,
    DemandKind,
    Flexibility,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    PlannedQuestion,
    Profile,
    Question,
    Reflection,
    Request,
    Session,
)
from infoview_tui.domain.summary import ContactStage, Due, contact_stages, due_bucket, home_summary
from infoview_tui.domain.timefmt import full_datetime, relative_day, until
from infoview_tui.domain.validation import MAX_NAME, check_contact, clean_text

REPO = Path(__file__).resolve().parents[2]
PLUS_ONE = timezone(timedelta(hours=1))
MINUS_FIVE_THIRTY = timezone(timedelta(hours=-5, minutes=-30))
NOW = datetime(2026, 12, 3, 14, 0, tzinfo=PLUS_ONE)  # a Thursday
TODAY = NOW.date()


# ----- purity -------------------------------------------------------------------------------


def test_domain_modules_load_without_textual_or_tinydb():
    script = (
        "import sys\n"
        "import importlib, pkgutil, infoview_tui.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module(d.__name__ + '.' + m.name)\n"
        "assert len(list(pkgutil.iter_modules(d.__path__))) >= 15\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'tinydb'})\n"
        "print(','.join(loaded) or 'none')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"


# ----- codec: round trips -------------------------------------------------------------------


def full_interview() -> Interview:
    return Interview(
        id=7,
        contact_id=3,
        organization_id=4,
        occupation_id=5,
        status=InterviewStatus.DONE,
        when=datetime(2026, 12, 3, 14, 0, tzinfo=PLUS_ONE),
        place="Café Zoë, 2nd floor",
        minutes=20,
        on_the_spot=True,
        request=Request(
            email="Dear Ana,\nwould you have 15 minutes?",
            phone_script="Hi, ...",
            sent=datetime(2026, 11, 20, 9, 30, tzinfo=MINUS_FIVE_THIRTY),
            reply="accepted",
            reply_at=datetime(2026, 11, 21, 8, 0, tzinfo=UTC),
        ),
        questions=[
            PlannedQuestion(text="What does a typical day look like?", asked=True),
            PlannedQuestion(text="How did you get started?", question_id=12, skipped=True),
        ],
        session=Session(
            started=datetime(2026, 12, 3, 14, 1, 5, tzinfo=PLUS_ONE),
            paused_at=None,
            paused_seconds=42.5,
            ended=datetime(2026, 12, 3, 14, 19, tzinfo=PLUS_ONE),
            current=1,
        ),
        notes=[
            Note(text="Loves the team 😀\nbut long hours", elapsed=61.2, question="Typical day?"),
            Note(text="李 recommends the evening course", elapsed=300.0),
        ],
        captures=[
            Capture(
                kind=CaptureKind.REFERRAL,
                text="Sam Lee",
                organization="Acme",
                may_use_name=True,
                elapsed=400.0,
            ),
            Capture(kind=CaptureKind.OFFER, text="Job shadowing in March", handled=True),
        ],
        reflection=Reflection(
            interests="design",
            interests_fit=4,
            values_fit=5,
            reality="More meetings than I thought",
            demands=[DemandCheck(text="Standing all day", can_meet=CanMeet.WITH_ACCOMMODATION)],
            decision=Decision.PURSUE,
            next_steps=["Email Sam", "Look up the course"],
            thank_you="Thank you for ...",
            learned="the evening course",
        ),
        created=datetime(2026, 11, 1, 10, 0, tzinfo=PLUS_ONE),
    )


RECORDS = [
    Profile(
        name="Zoë",
        interests="design",
        work_ability="private note",
        weekly_meeting_cap=3,
        rest_days=[2, 6],
        day_first=False,
    ),
    Occupation(
        id=1,
        title="UX researcher",
        perceptions="quiet work",
        demands=[Demand(kind=DemandKind.STRESS, text="deadlines"), Demand(text="?")],
        notes="n",
        current=True,
    ),
    Organization(
        id=2,
        name="Acme",
        rank=1,
        practice=True,
        competitor_ids=[3, 4],
        flexibility=Flexibility(hours="flexible", remote="2 days"),
        hires=True,
    ),
    Contact(
        id=3,
        name="Ana Díaz",
        organization_id=2,
        email="ana@example.org",
        found_through=FoundThrough.FORMER_COWORKER,
        introduced_by_id=9,
        introducer_asks_first=True,
        may_use_name=True,
        cadence_days=90,
        last_contact=datetime(2026, 6, 1, 12, 0, tzinfo=MINUS_FIVE_THIRTY),
        notes="met at meetup\n\tsecond line",
        created=datetime(2026, 1, 1, 0, 0, tzinfo=UTC),
    ),
    Question(id=4, text="What surprised you?", why="reality check", source="tiara", topic="t"),
    full_interview(),
    Interview(id=8, reflection=None),
    FollowUp(
        id=5,
        kind=FollowUpKind.THANK_YOU,
        title="Thank Ana",
        due=date(2026, 12, 4),
        contact_id=3,
        interview_id=7,
        reason="after the meeting",
        done=datetime(2026, 12, 4, 9, 0, tzinfo=PLUS_ONE),
        created=datetime(2026, 12, 3, 15, 0, tzinfo=PLUS_ONE),
    ),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_record_type_survives_encode_json_decode(record):
    doc = json.loads(json.dumps(encode(record)))  # through real JSON, as in the file
    assert "id" not in doc  # the id is the storage key, not part of the document
    extra = {"id": record.id} if hasattr(record, "id") else {}
    assert decode(type(record), doc, **extra) == record


def test_datetimes_keep_their_offsets_and_dates_are_plain_days():
    doc = encode(full_interview())
    assert doc["when"] == "2026-12-03T14:00:00+01:00"
    assert doc["request"]["sent"] == "2026-11-20T09:30:00-05:30"
    assert doc["request"]["reply_at"] == "2026-11-21T08:00:00+00:00"
    back = decode(Interview, doc)
    assert back.request.sent is not None
    assert back.request.sent.utcoffset() == timedelta(hours=-5, minutes=-30)
    assert encode(FollowUp(due=date(2026, 12, 4)))["due"] == "2026-12-04"
    assert decode(FollowUp, {"due": "2026-12-04"}).due == date(2026, 12, 4)


def test_enums_are_stored_as_their_words():
    doc = encode(full_interview())
    assert doc["status"] == "done"
    assert doc["captures"][0]["kind"] == "referral"
    assert doc["reflection"]["decision"] == "pursue"


def test_encoding_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        encode(Contact(name="x", created=datetime(2026, 12, 3, 14, 0)))


# ----- codec: forgiving decode --------------------------------------------------------------


def test_unknown_keys_are_ignored():
    contact = decode(Contact, {"name": "Ana", "shoe_size": 38, "notes": "hi"}, id=1)
    assert contact == Contact(id=1, name="Ana", notes="hi")


def test_missing_keys_take_defaults():
    assert decode(Interview, {}) == Interview()
    assert decode(Contact, {"name": "Ana"}) == Contact(name="Ana")


def test_wrong_types_fall_back_to_defaults_without_losing_the_rest():
    doc = {
        "name": 5,
        "email": "ana@example.org",
        "organization_id": "two",
        "found_through": "carrier pigeon",
        "introducer_asks_first": 1,  # a number is not a stored true
        "cadence_days": True,  # nor is a stored true a number
        "last_contact": "not a date",
        "created": 12345,
    }
    assert decode(Contact, doc) == Contact(email="ana@example.org")


def test_wrong_types_in_nested_records_fall_back_to_defaults():
    doc = {
        "status": "scheduled",
        "minutes": "15 min",
        "request": "sent yesterday",
        "session": {"paused_seconds": "lots", "current": 2},
        "notes": [{"text": "kept", "elapsed": 3}, {"text": 7}],
        "reflection": {"interests_fit": "high", "decision": "???", "learned": "kept too"},
    }
    iv = decode(Interview, doc)
    assert iv.status is InterviewStatus.SCHEDULED
    assert iv.minutes == Interview().minutes
    assert iv.request == Request()
    assert iv.session == Session(current=2)
    assert iv.notes == [Note(text="kept", elapsed=3.0), Note()]
    assert iv.reflection == Reflection(learned="kept too")


@pytest.mark.parametrize("bad", ["hello", {"text": "x"}, 5])
def test_a_list_field_holding_something_else_decodes_to_an_empty_list(bad):
    # Not a list of letters, nor one empty note per character.
    iv = decode(Interview, {"notes": bad, "captures": bad, "reflection": {"next_steps": bad}})
    assert iv.notes == []
    assert iv.captures == []
    assert iv.reflection is not None and iv.reflection.next_steps == []
    assert decode(Profile, {"rest_days": bad}).rest_days == []
    assert decode(Organization, {"competitor_ids": bad}).competitor_ids == []


def test_a_record_that_is_not_an_object_decodes_to_defaults():
    assert decode(Contact, "garbage", id=4) == Contact(id=4)
    assert decode(Contact, None) == Contact()


@pytest.fixture
def in_india(monkeypatch):
    """The local zone is UTC+05:30 (a POSIX TZ string: no tz database needed)."""
    monkeypatch.setenv("TZ", "IST-5:30")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_naive_datetime_in_the_file_is_read_as_local_time(in_india):
    contact = decode(Contact, {"created": "2026-12-03T14:00:00"})
    assert contact.created is not None
    assert (contact.created.hour, contact.created.minute) == (14, 0)
    assert contact.created.utcoffset() == timedelta(hours=5, minutes=30)
    assert encode(contact)["created"] == "2026-12-03T14:00:00+05:30"


# ----- summary --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "done", "expected"),
    [
        (TODAY - timedelta(days=30), None, Due.OVERDUE),
        (TODAY - timedelta(days=1), None, Due.OVERDUE),
        (TODAY, None, Due.TODAY),
        (TODAY + timedelta(days=1), None, Due.WEEK),
        (TODAY + timedelta(days=7), None, Due.WEEK),
        (TODAY + timedelta(days=8), None, Due.LATER),
        (None, None, Due.UNDATED),
        (TODAY - timedelta(days=3), NOW, Due.DONE),
        (None, NOW, Due.DONE),
    ],
)
def test_due_bucket(due, done, expected):
    assert due_bucket(FollowUp(due=due, done=done), TODAY) is expected


def test_contact_stages_pick_the_furthest_stage_over_all_meetings():
    contacts = [Contact(id=i, name=f"c{i}") for i in range(1, 6)]
    interviews = [
        Interview(contact_id=1, status=InterviewStatus.DONE),
        Interview(contact_id=1, status=InterviewStatus.REQUESTED),  # a later request: still met
        Interview(contact_id=2, status=InterviewStatus.REQUESTED),
        Interview(contact_id=2, status=InterviewStatus.SCHEDULED),
        Interview(contact_id=3, status=InterviewStatus.DECLINED),
        Interview(contact_id=3, status=InterviewStatus.IDEA),
        Interview(contact_id=4, status=InterviewStatus.LIVE),
        Interview(contact_id=99, status=InterviewStatus.DONE),  # no such contact
    ]
    assert contact_stages(contacts, interviews) == {
        1: ContactStage.MET,
        2: ContactStage.SCHEDULED,
        3: ContactStage.TO_APPROACH,
        4: ContactStage.SCHEDULED,
        5: ContactStage.TO_APPROACH,
    }


def test_home_summary_shows_the_nearest_future_meeting_and_sorted_overdue_items():
    def meeting(i: int, status: InterviewStatus, hours: float | None) -> Interview:
        when = None if hours is None else NOW + timedelta(hours=hours)
        return Interview(id=i, contact_id=1, status=status, when=when)

    interviews = [
        meeting(1, InterviewStatus.SCHEDULED, 48),
        meeting(2, InterviewStatus.SCHEDULED, -2),  # in the past: not "next"
        meeting(3, InterviewStatus.SCHEDULED, 5),  # the nearest future one
        meeting(4, InterviewStatus.REQUESTED, 1),  # not agreed yet
        meeting(5, InterviewStatus.SCHEDULED, None),
        meeting(6, InterviewStatus.DONE, 3),
    ]
    followups = [
        FollowUp(id=1, due=TODAY - timedelta(days=1)),
        FollowUp(id=2, due=TODAY - timedelta(days=10)),
        FollowUp(id=3, due=TODAY),
        FollowUp(id=4, due=TODAY - timedelta(days=5)),
        FollowUp(id=5, due=TODAY - timedelta(days=20), done=NOW),
        FollowUp(id=6, due=TODAY + timedelta(days=2)),
    ]
    summary = home_summary([Contact(id=1, name="Ana")], interviews, followups, NOW)
    assert summary.next_meeting is not None and summary.next_meeting.id == 3
    assert [f.id for f in summary.overdue] == [2, 4, 1]
    assert [f.id for f in summary.today] == [3]
    assert summary.live_meeting is None
    assert summary.contacts_by_stage[ContactStage.MET] == 1
    assert summary.meetings_total == 6


def test_home_summary_has_no_next_meeting_when_all_are_past():
    past = Interview(id=1, status=InterviewStatus.SCHEDULED, when=NOW - timedelta(minutes=1))
    live = Interview(id=2, status=InterviewStatus.LIVE, when=NOW - timedelta(minutes=5))
    summary = home_summary([], [past, live], [], NOW)
    assert summary.next_meeting is None
    assert summary.live_meeting is live


# ----- validation ---------------------------------------------------------------------------


def problem_fields(contact: Contact) -> list[str]:
    return [p.field for p in check_contact(contact)]


def test_a_good_contact_has_no_problems():
    assert check_contact(Contact(id=1, name="Zoë 李", email="zoe@example.org")) == []


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_a_contact_needs_a_name(name):
    problems = check_contact(Contact(name=name))
    assert [p.field for p in problems] == ["name"]
    assert "needs a name" in problems[0].message


def test_a_name_may_not_be_a_pasted_document():
    assert problem_fields(Contact(name="x" * MAX_NAME)) == []
    problems = check_contact(Contact(name="x" * (MAX_NAME + 1)))
    assert [p.field for p in problems] == ["name"]
    assert str(MAX_NAME) in problems[0].message


@pytest.mark.parametrize("email", ["ana", "ana@", "ana@host", "a na@host.org", "@host.org"])
def test_a_bad_email_is_named(email):
    assert problem_fields(Contact(name="Ana", email=email)) == ["email"]


def test_no_email_is_fine():
    assert problem_fields(Contact(name="Ana", email="")) == []


def test_a_contact_cannot_introduce_themselves():
    assert problem_fields(Contact(id=4, name="Ana", introduced_by_id=4)) == ["introduced_by"]
    assert problem_fields(Contact(id=4, name="Ana", introduced_by_id=5)) == []


def test_overlong_notes_are_named():
    assert problem_fields(Contact(name="Ana", notes="x" * 20_001)) == ["notes"]


def test_clean_text_drops_control_characters_but_keeps_lines_and_any_script():
    assert clean_text("Zoë 😀 李") == "Zoë 😀 李"
    assert clean_text("  line one\nline\ttwo\n  ") == "line one\nline\ttwo"
    assert clean_text("red\x1b[31m alert\x07\x00 done\r") == "red[31m alert done"


# ----- timefmt --------------------------------------------------------------------------------


def test_full_datetime_is_unambiguous():
    assert full_datetime(datetime(2026, 12, 3, 14, 0, tzinfo=UTC), UTC) == "Thu 3 Dec 2026, 14:00"
    moment = datetime(2027, 1, 10, 9, 5, tzinfo=PLUS_ONE)
    assert full_datetime(moment, PLUS_ONE) == "Sun 10 Jan 2027, 09:05"


def test_full_datetime_shows_a_stored_moment_on_the_viewers_clock():
    """Stored at 14:00-05:00 (typed in New York), seen in London: 19:00 there."""
    from zoneinfo import ZoneInfo

    stored = datetime(2026, 12, 3, 14, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert full_datetime(stored, ZoneInfo("Europe/London")) == "Thu 3 Dec 2026, 19:00"
    late = datetime(2026, 12, 3, 22, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert full_datetime(late, ZoneInfo("Europe/London")) == "Fri 4 Dec 2026, 03:00"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (3, "in 3 days"),
        (-2, "2 days ago"),
        (40, "in 40 days"),
    ],
)
def test_relative_day(days, text):
    assert relative_day(TODAY + timedelta(days=days), TODAY) == text


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(minutes=40), "in 40 min"),
        (timedelta(seconds=10), "in 1 min"),
        (timedelta(0), "in 1 min"),
        (timedelta(minutes=59), "in 59 min"),
        (timedelta(hours=5), "in 5 h"),
        (timedelta(hours=1, minutes=20), "in 1 h 20 min"),
        (timedelta(minutes=90), "in 1 h 30 min"),
        (timedelta(minutes=150), "in 2 h 30 min"),
        (timedelta(hours=2), "in 2 h"),
        (timedelta(hours=5, minutes=59, seconds=50), "in 6 h"),
        (timedelta(hours=9, minutes=59), "in 10 h"),  # still 23:59 today
        (timedelta(days=1), "tomorrow"),
        (timedelta(days=3), "in 3 days"),
        (timedelta(hours=-3), "today"),  # earlier today
        (timedelta(days=-1), "yesterday"),
    ],
)
def test_until(delta, text):
    assert until(NOW + delta, NOW) == text


def test_until_counts_from_the_minute_now_is_in():
    assert until(NOW.replace(second=0) + timedelta(minutes=90), NOW.replace(second=40)) == (
        "in 1 h 30 min"
    )


def test_until_counts_real_time_in_the_hour_the_clocks_go_back():
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2027, 10, 31, 2, 40, tzinfo=berlin)  # summer time, the first 02:40
    later = datetime(2027, 10, 31, 2, 10, fold=1, tzinfo=berlin)  # winter time: 30 min on
    assert until(later, now) == "in 30 min"
    assert until(datetime(2027, 10, 31, 2, 40, fold=1, tzinfo=berlin), now) == "in 1 h"


def test_until_counts_days_in_the_viewers_zone_whatever_the_stored_offset():
    from datetime import datetime, timedelta, timezone

    from infoview_tui.domain.timefmt import until

    now = datetime(2026, 12, 1, 20, 0, tzinfo=timezone(timedelta(hours=-8)))
    # Stored in UTC: 2 Dec 22:00 UTC is 2 Dec 14:00 for the viewer, tomorrow, 18 h away.
    stored = datetime(2026, 12, 2, 22, 0, tzinfo=UTC)
    assert until(stored, now) == "tomorrow"
    # 3 Dec 02:00 UTC is still 2 Dec for the viewer.
    assert until(datetime(2026, 12, 3, 2, 0, tzinfo=UTC), now) == "tomorrow"
