"""What each date field keeps: a meeting needs a time still ahead; a follow-up needs a day.

The same function answers the preview and the Enter key, so what is shown is what is kept.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain.date_fields import DateRefused, due_day, meeting_time
from infoview_tui.domain.followups import Snooze, snooze_reading
from infoview_tui.domain.records import FollowUp
from infoview_tui.domain.when_reader import DateError

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 30, 17, 0, tzinfo=LONDON)  # Monday, five in the afternoon


def meeting(text: str, *, allow_past: bool = False):
    return meeting_time(text, NOW, day_first=True, allow_past=allow_past)


def test_a_meeting_time_is_shown_in_full_with_how_far_away():
    reading = meeting("thu 2pm")
    assert reading.value == datetime(2026, 12, 3, 14, 0, tzinfo=LONDON)
    assert reading.shown == "Thu 3 Dec 2026, 14:00 (in 3 days)"


@pytest.mark.parametrize("text", ["today", "mon", "tomorrow", "3 dec", "in 3 days"])
def test_a_meeting_day_without_a_time_asks_for_the_time_rather_than_guessing(text):
    with pytest.raises(DateRefused, match="at what time"):
        meeting(text)


def test_asking_for_the_time_names_the_part_of_the_day():
    with pytest.raises(DateRefused) as caught:
        meeting("tomorrow afternoon")
    assert "Tue 1 Dec 2026: at what time in the afternoon?" in str(caught.value)
    assert "'tomorrow afternoon 3pm'" in str(caught.value)


PAST = ["today 9am", "today 11.45am", "2026-11-28 10:00", "yesterday 2pm"]


@pytest.mark.parametrize("text", PAST)
def test_a_meeting_being_planned_cannot_be_in_the_past(text):
    with pytest.raises(DateRefused, match="has already passed"):
        meeting(text)


def test_a_meeting_that_happened_may_keep_a_past_date():
    assert meeting("2026-11-28 10:00", allow_past=True).value == datetime(
        2026, 11, 28, 10, tzinfo=LONDON
    )


def test_an_empty_meeting_field_clears_the_date():
    assert meeting("  ").value is None


def test_today_without_a_time_is_the_rest_of_today_for_a_follow_up():
    assert due_day("today", NOW, day_first=True).value == date(2026, 11, 30)


def test_a_follow_up_needs_a_day_not_only_a_time():
    with pytest.raises(DateRefused, match="reads as a time"):
        due_day("3", NOW, day_first=True)


def test_a_follow_up_keeps_the_day_of_a_time_and_says_the_time_is_dropped():
    reading = due_day("tomorrow 2pm", NOW, day_first=True)
    assert reading.value == date(2026, 12, 1)
    assert "the time is not kept" in " ".join(reading.notes)


def test_a_follow_up_in_the_past_is_refused_unless_allowed():
    with pytest.raises(DateRefused, match="already passed"):
        due_day("yesterday", NOW, day_first=True)
    late = due_day("3 days ago", NOW, day_first=True, allow_past=True)
    assert (late.value, late.shown) == (date(2026, 11, 27), "Fri 27 Nov 2026 (3 days ago)")
    assert late.warning == "This is already overdue."
    assert due_day("last fri", NOW, day_first=True, allow_past=True).value == date(2026, 11, 27)


def test_unreadable_text_is_a_date_error_but_not_a_refusal():
    with pytest.raises(DateError) as caught:
        due_day("tomorow", NOW, day_first=True)
    assert not isinstance(caught.value, DateRefused)
    assert "Did you mean 'tomorrow'?" in str(caught.value)


ITEM = FollowUp(id=1, title="Thank Ada", due=date(2026, 12, 2))  # due Wednesday


def test_snoozing_to_next_tue_says_that_is_earlier_than_it_was_due():
    """On Monday 30 Nov 'next tue' is Tue 8 Dec (next week's), not tomorrow; a typed day before
    the due day is allowed, but said."""
    later = snooze_reading(ITEM, "next tue", NOW)
    assert later.value == date(2026, 12, 8)
    assert later.warning == ""
    earlier = snooze_reading(ITEM, "tue", NOW)
    assert earlier.value == date(2026, 12, 1)
    assert earlier.warning == "That is earlier than it was due (Wed 2 Dec 2026)."


def test_a_snooze_preset_never_moves_an_item_earlier():
    reading = snooze_reading(ITEM, Snooze.DAY, NOW)
    assert reading.value == date(2026, 12, 3)  # a day after it was due, not after today
    assert reading.shown == "+1 day: Thu 3 Dec 2026"


def test_a_typed_preset_key_means_the_preset():
    assert snooze_reading(ITEM, "w", NOW).value == date(2026, 12, 9)


@pytest.mark.parametrize(
    ("now", "text", "suggested"),
    [
        (NOW, "today", "'today 6pm' or 'today 7pm'"),  # 17:00: not 'today 3pm'
        (NOW, "tonight", "'tonight 7pm' or 'tonight 8pm'"),
        (NOW.replace(hour=11), "today", "'today 3pm' or 'today 4pm'"),
        (NOW, "this morning", "The morning of Mon 30 Nov 2026 is over"),
        (NOW, "1 jun", "'1 jun 2027 3pm'"),  # typed in November without a year
    ],
)
def test_what_a_meeting_field_suggests_is_still_ahead(now, text, suggested):
    with pytest.raises(DateRefused) as caught:
        meeting_time(text, now, day_first=True, allow_past=False)
    assert suggested in str(caught.value)
