"""After-the-meeting rules: the thank-you's due day and draft, and captures turned into work."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain import after
from infoview_tui.domain.records import (
    Capture,
    CaptureKind,
    Contact,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    Profile,
    Session,
)
from infoview_tui.exports import export_thank_you, slug

THU = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)  # Thursday 3 December 2026
ADA = Contact(id=7, name="Ada Okafor", organization_id=3)
SAM = Profile(name="Sam Rivera")


def meeting(**changes) -> Interview:
    base = Interview(
        id=11,
        contact_id=7,
        organization_id=3,
        status=InterviewStatus.DONE,
        session=Session(started=THU - timedelta(minutes=15), ended=THU),
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


# ----- the thank-you's due day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("ended", "rest", "due"),
    [
        (date(2026, 12, 3), [], date(2026, 12, 4)),  # Thu -> Fri
        (date(2026, 12, 4), [], date(2026, 12, 5)),  # weekends are not rest unless chosen
        (date(2026, 12, 4), [5, 6], date(2026, 12, 4)),  # Fri, weekend off: same day, not Mon
        (date(2026, 12, 3), [4], date(2026, 12, 3)),  # Fri is a rest day: earlier, Thu
        (date(2026, 12, 5), [5, 6], date(2026, 12, 7)),  # Sat meeting, weekend off: Mon (+2)
        (date(2026, 12, 5), [0, 5, 6], date(2026, 12, 6)),  # nothing free: the day after
        (date(2028, 2, 28), [], date(2028, 2, 29)),  # leap day
        (date(2026, 12, 31), [], date(2027, 1, 1)),  # year end
    ],
)
def test_thank_you_due_within_two_days_earlier_rather_than_later(ended, rest, due):
    assert after.thank_you_due(ended, rest) == due
    assert ended <= due <= ended + timedelta(days=2)


def test_thank_you_item_names_the_meeting_and_the_person():
    item = after.thank_you_item(meeting(), ADA, THU, [])
    assert item.kind is FollowUpKind.THANK_YOU
    assert item.due == date(2026, 12, 4)
    assert (item.contact_id, item.interview_id, item.organization_id) == (7, 11, 3)
    assert "Ada Okafor" in item.title
    assert item.reason == "after the meeting with Ada Okafor on Thu 3 Dec 2026"
    assert item.is_open


def test_thank_you_due_counts_the_day_where_the_meeting_was():
    # 23:30 on a Thursday in Los Angeles is Friday in UTC: the local day counts.
    late = datetime(2026, 12, 3, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert after.thank_you_item(meeting(), ADA, late, []).due == date(2026, 12, 4)


def test_open_and_sent_thank_you_are_found_for_their_meeting_only():
    other = FollowUp(id=1, kind=FollowUpKind.THANK_YOU, interview_id=99)
    mine = FollowUp(id=2, kind=FollowUpKind.THANK_YOU, interview_id=11)
    assert after.open_thank_you([other, mine], 11) == mine
    assert after.sent_thank_you([other, mine], 11) is None
    closed = FollowUp(id=2, kind=FollowUpKind.THANK_YOU, interview_id=11, done=THU)
    assert after.open_thank_you([other, closed], 11) is None
    assert after.sent_thank_you([other, closed], 11) == closed


# ----- the draft -------------------------------------------------------------------------------


def test_draft_has_their_name_the_thing_learned_the_referrals_and_my_name():
    iv = meeting(
        captures=[
            Capture(CaptureKind.REFERRAL, "Ben Li"),
            Capture(CaptureKind.LEAD, "Northwind Labs"),
            Capture(CaptureKind.REFERRAL, "Cara Diaz"),
            Capture(CaptureKind.REFERRAL, "Dee Moss"),
        ]
    )
    text = after.thank_you_draft(iv, ADA, SAM, "Research is mostly remote now.")
    assert text.startswith("Dear Ada,")
    assert "Thursday" in text
    assert "Research is mostly remote now." in text
    assert "Ben Li, Cara Diaz and Dee Moss" in text
    assert "Northwind" not in text  # a lead is not a person I was introduced to
    assert text.rstrip().endswith("Sam Rivera")
    assert len(text.split()) < 120  # short


def test_draft_without_learned_thing_or_referrals_stays_a_clean_note():
    text = after.thank_you_draft(meeting(), ADA, Profile(), "  ")
    assert "learning" not in text
    assert "suggesting" not in text
    assert text.rstrip().endswith("With warm thanks,")  # no name set: no stray blank signature


def test_draft_keeps_user_text_literally_and_drops_control_characters():
    odd = Contact(id=7, name="[b]Zoë[/b] O'Neil")
    iv = meeting(captures=[Capture(CaptureKind.REFERRAL, "[red]Ben[/red] \x1b[31mLi")])
    text = after.thank_you_draft(iv, odd, Profile(name="Sam [i]R[/i]"), "a $var {x} [link]")
    assert text.startswith("Dear [b]Zoë[/b],")
    assert "a $var {x} [link]" in text
    assert "[red]Ben[/red] [31mLi" in text  # the escape byte is gone, the rest is as typed
    assert "\x1b" not in text
    assert text.rstrip().endswith("Sam [i]R[/i]")


def test_draft_for_a_meeting_without_a_contact_or_date():
    iv = Interview(id=1, on_the_spot=True)
    text = after.thank_you_draft(iv, None, SAM, "")
    assert text.startswith("Hello,")
    assert "talk with me." in text


# ----- leads -----------------------------------------------------------------------------------


def test_referral_becomes_a_contact_introduced_by_the_interviewee():
    capture = Capture(
        CaptureKind.REFERRAL, " Ben Li ", organization="City Clinic", may_use_name=True
    )
    contact = after.referral_to_contact(capture, meeting(), ADA)
    assert contact.name == "Ben Li"
    assert contact.found_through is FoundThrough.REFERRAL
    assert contact.introduced_by_id == 7
    assert contact.may_use_name is True
    assert contact.organization_id is None  # linked by the screen
    assert "Ada Okafor" in contact.notes and "City Clinic" in contact.notes
    private = Capture(CaptureKind.REFERRAL, "Cara", may_use_name=False)
    assert after.referral_to_contact(private, meeting(), ADA).may_use_name is False


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2026, 12, 3), date(2026, 12, 7)),  # Thu -> Mon
        (date(2026, 12, 1), date(2026, 12, 3)),  # Tue -> Thu
        (date(2026, 12, 5), date(2026, 12, 8)),  # Sat -> Tue
    ],
)
def test_reach_out_is_due_two_business_days_later(today, due):
    ben = Contact(id=20, name="Ben Li", organization_id=4)
    item = after.reach_out_item(ben, meeting(), today, introducer="Ada Okafor")
    assert item.kind is FollowUpKind.REACH_OUT
    assert item.due == due
    assert (item.contact_id, item.interview_id, item.organization_id) == (20, 11, 4)
    assert item.reason == "referred by Ada Okafor in the meeting on Thu 3 Dec 2026"


def test_lead_joins_the_employers_unranked_and_hiring():
    org = after.lead_to_organization(
        Capture(CaptureKind.LEAD, "Northwind Labs"), suggested_by="Ada Okafor"
    )
    assert (org.name, org.rank, org.hires, org.why) == (
        "Northwind Labs",
        None,
        True,
        "suggested by Ada Okafor",
    )
    listed = Organization(id=5, name="Northwind Labs", rank=2, why="great team")
    marked = after.mark_hiring(listed, suggested_by="Ada")
    assert (marked.rank, marked.hires, marked.why) == (2, True, "great team")


def test_find_by_name_ignores_case_and_spacing():
    orgs = [Organization(id=1, name="Harbour Health"), Organization(id=2, name="City  Clinic")]
    assert after.find_by_name(orgs, "city clinic").id == 2
    assert after.find_by_name(orgs, "  HARBOUR   health ").id == 1
    assert after.find_by_name(orgs, "Harbour") is None
    assert after.find_by_name(orgs, "") is None


def test_next_step_becomes_a_follow_up_a_working_week_later():
    item = after.next_step_item(
        "Ask about the bootcamp", meeting(), date(2026, 12, 3), interviewee="Ada Okafor"
    )
    assert item.kind is FollowUpKind.NEXT_STEP
    assert item.title == "Ask about the bootcamp"
    assert item.due == date(2026, 12, 10)
    assert item.interview_id == 11
    assert "Ada Okafor" in item.reason


def test_job_titles_are_kept_once_as_keywords():
    iv = meeting(
        captures=[
            Capture(CaptureKind.JOB_TITLE, "Research ops"),
            Capture(CaptureKind.JOB_TITLE, "research  OPS"),
            Capture(CaptureKind.OBSERVATION, "open plan"),
            Capture(CaptureKind.JOB_TITLE, "UX researcher"),
        ]
    )
    assert after.job_titles(iv) == ["Research ops", "UX researcher"]
    occ = Occupation(id=1, title="UX", keywords=["UX researcher"])
    assert after.keep_keyword(occ, "Research ops").keywords == ["UX researcher", "Research ops"]
    assert after.keep_keyword(occ, "ux RESEARCHER").keywords == ["UX researcher"]


def test_mark_handled_changes_only_that_capture():
    iv = meeting(captures=[Capture(CaptureKind.LEAD, "A"), Capture(CaptureKind.LEAD, "B")])
    done = after.mark_handled(iv, 1)
    assert [c.handled for c in done.captures] == [False, True]
    assert [c.handled for c in iv.captures] == [False, False]  # the original is untouched


# ----- the exported text file ------------------------------------------------------------------


def test_export_writes_a_private_file_named_for_the_contact_and_day(tmp_path):
    path = export_thank_you(tmp_path, "Zoë O'Neil / ../etc", date(2026, 12, 3), "Dear Zoë,")
    assert path.parent == tmp_path
    assert path.name == "thank-you-zoë-o-neil-etc-2026-12-03.txt"
    assert path.read_text(encoding="utf-8") == "Dear Zoë,\n"
    assert path.stat().st_mode & 0o777 == 0o600
    again = export_thank_you(tmp_path, "Zoë O'Neil / ../etc", date(2026, 12, 3), "Second\n")
    assert again == path and path.read_text(encoding="utf-8") == "Second\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_slug_falls_back_when_nothing_is_left():
    assert slug("!!!") == "contact"
    assert slug("A" * 100) == "a" * 60


def test_meeting_label_uses_the_planned_time_when_it_never_ran():
    iv = Interview(when=datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(hours=1))))
    assert after.meeting_label(iv, "Ada") == "the meeting with Ada on Sun 1 Mar 2026"
    assert after.meeting_label(Interview(), "") == "the meeting on an unknown day"


def test_ending_a_meeting_makes_one_thank_you_and_counts_as_an_interaction():
    from datetime import datetime, timedelta, timezone

    from infoview_tui.domain.after import meeting_ended
    from infoview_tui.domain.records import Contact, FollowUpKind, Interview

    ended = datetime(2026, 12, 4, 15, 0, tzinfo=timezone(timedelta(hours=-8)))  # a Friday
    iv = Interview(id=7, contact_id=3)
    ada = Contact(id=3, name="Ada Okafor", cadence_days=30)
    contact, items = meeting_ended(iv, ada, [], ended, rest_days=[5, 6])
    kinds = sorted(i.kind.value for i in items)
    assert kinds == [FollowUpKind.STAY_IN_TOUCH.value, FollowUpKind.THANK_YOU.value]
    thanks = next(i for i in items if i.kind is FollowUpKind.THANK_YOU)
    assert thanks.due.weekday() not in (5, 6) and (thanks.due - ended.date()).days <= 2
    assert contact.last_contact == ended
    # Ending again (or a second end path) never makes a second thank-you.
    _, again = meeting_ended(iv, contact, items, ended, rest_days=[5, 6])
    assert not [i for i in again if i.kind is FollowUpKind.THANK_YOU and i.id is None]
