"""The follow-up queue and energy rules: sections and order, snooze, rest days, cap, low energy.

Calendar edges are covered on purpose: weekends, month and year ends, a leap day, and the
days clocks change (Vancouver and London), where a day has 23 or 25 hours.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain.followups import (
    Section,
    Snooze,
    build_queue,
    flags,
    low_energy_day,
    meetings_per_week,
    move_off_rest_day,
    new_item,
    snooze,
    week_over_cap,
    weeks_over_cap,
)
from infoview_tui.domain.records import (
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Session,
)
from infoview_tui.domain.when_reader import DateError

VAN = ZoneInfo("America/Vancouver")
LON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday
SAT, SUN = 5, 6


def item(id: int, due: date | None, kind=FollowUpKind.OTHER, **kw) -> FollowUp:
    return FollowUp(id=id, kind=kind, title=f"item {id}", due=due, **kw)


def day(n: int) -> date:
    return NOW.date() + timedelta(days=n)


# ----- the queue -------------------------------------------------------------------------------


def test_items_go_to_their_sections():
    items = [
        item(1, day(-1)), item(2, day(0)), item(3, day(7)), item(4, day(8)), item(5, None),
        item(6, day(-3), done=NOW - timedelta(days=6, hours=23)),
        item(7, day(-9), done=NOW - timedelta(days=7, hours=1)),  # done too long ago: hidden
    ]  # fmt: skip
    queue = build_queue(items, NOW)
    ids = {section: [i.id for i in queue.sections[section]] for section in Section}
    assert ids == {
        Section.OVERDUE: [1],
        Section.TODAY: [2],
        Section.WEEK: [3],
        Section.LATER: [4, 5],  # undated items at the end of later
        Section.DONE: [6],
    }
    assert [i.id for i in queue.due_now()] == [1, 2]
    assert list(queue.sections) == list(Section)  # the order the screen shows


def test_overdue_oldest_first_then_thank_you_then_id():
    items = [
        item(5, day(-2), FollowUpKind.NUDGE),
        item(4, day(-2), FollowUpKind.THANK_YOU),
        item(3, day(-5), FollowUpKind.STAY_IN_TOUCH),
        item(2, day(-2), FollowUpKind.NUDGE),
    ]
    assert [i.id for i in build_queue(items, NOW).sections[Section.OVERDUE]] == [3, 4, 2, 5]


def test_today_thank_you_first_then_reach_out_then_the_rest_by_id():
    items = [
        item(1, day(0), FollowUpKind.STAY_IN_TOUCH),
        item(2, day(0), FollowUpKind.REACH_OUT),
        item(3, day(0), FollowUpKind.THANK_YOU),
        item(4, day(0), FollowUpKind.OTHER),
        item(5, day(0), FollowUpKind.STAY_IN_TOUCH),
    ]
    assert [i.id for i in build_queue(items, NOW).sections[Section.TODAY]] == [3, 2, 1, 5, 4]


def test_recently_done_latest_first():
    items = [item(i, day(-1), done=NOW - timedelta(days=i)) for i in (3, 1, 2)]
    assert [i.id for i in build_queue(items, NOW).sections[Section.DONE]] == [1, 2, 3]


def test_today_is_the_local_day_not_the_utc_one():
    # 23:30 in Vancouver is already tomorrow in UTC: the queue counts the person's day.
    late = datetime(2026, 3, 7, 23, 30, tzinfo=VAN)
    queue = build_queue([item(1, date(2026, 3, 7)), item(2, date(2026, 3, 8))], late)
    assert [i.id for i in queue.sections[Section.TODAY]] == [1]
    assert [i.id for i in queue.sections[Section.WEEK]] == [2]


# ----- snooze ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(Snooze.DAY, date(2026, 11, 26)), (Snooze.THREE_DAYS, date(2026, 11, 28)),
     (Snooze.WEEK, date(2026, 12, 2)), ("1", date(2026, 11, 26)), (" W ", date(2026, 12, 2))],
)  # fmt: skip
def test_snooze_presets_count_from_today_for_an_overdue_item(choice, expected):
    assert snooze(item(1, day(-4)), choice, NOW).due == expected


def test_snooze_counts_from_a_due_day_still_ahead_never_bringing_it_forward():
    assert snooze(item(1, day(10)), Snooze.DAY, NOW).due == day(11)


def test_snooze_skips_rest_days():
    # Friday + 1 day is Saturday; with the weekend as rest it lands on Monday.
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    assert snooze(item(1, date(2026, 11, 27)), Snooze.DAY, friday, [SAT, SUN]).due == date(
        2026, 11, 30
    )


def test_snooze_across_a_month_end_and_a_leap_day():
    leap_eve = datetime(2028, 2, 28, 10, 0, tzinfo=UTC)
    assert snooze(item(1, date(2028, 2, 28)), Snooze.DAY, leap_eve).due == date(2028, 2, 29)
    assert snooze(item(1, date(2028, 2, 28)), Snooze.THREE_DAYS, leap_eve).due == date(2028, 3, 2)
    new_year_eve = datetime(2026, 12, 31, 10, 0, tzinfo=UTC)
    assert snooze(item(1, None), Snooze.WEEK, new_year_eve).due == date(2027, 1, 7)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("tomorrow", date(2026, 11, 26)), ("fri", date(2026, 11, 27)),
     ("3 Dec", date(2026, 12, 3)), ("in 4 days", date(2026, 11, 29)),
     ("2026-12-24", date(2026, 12, 24)), ("today", date(2026, 11, 25))],
)  # fmt: skip
def test_snooze_to_a_typed_day(typed, expected):
    assert snooze(item(1, day(-1)), typed, NOW).due == expected


def test_a_typed_day_on_a_rest_day_is_kept_as_typed():
    assert snooze(item(1, day(-1)), "sat", NOW, [SAT, SUN]).due == date(2026, 11, 28)


def test_snooze_day_month_order_follows_the_setting():
    assert snooze(item(1, None), "3/12", NOW).due == date(2026, 12, 3)
    assert snooze(item(1, None), "12/3", NOW, day_first=False).due == date(2026, 12, 3)


@pytest.mark.parametrize("typed", ["yesterday-ish", "", "31 Febtember", "soon"])
def test_snooze_refuses_what_it_cannot_read(typed):
    with pytest.raises(DateError):
        snooze(item(1, day(0)), typed, NOW)


def test_snooze_refuses_a_day_in_the_past_with_a_message():
    with pytest.raises(DateError, match="already passed"):
        snooze(item(1, day(0)), "2026-11-20", NOW)


def test_snooze_on_the_night_the_clocks_go_back():
    # London, Sunday 25 October 2026: a 25-hour day. +1 day is Monday, whatever the hours.
    night = datetime(2026, 10, 25, 23, 30, tzinfo=LON)
    assert snooze(item(1, date(2026, 10, 25)), Snooze.DAY, night).due == date(2026, 10, 26)
    assert snooze(item(1, None), "tomorrow", night).due == date(2026, 10, 26)


def test_snooze_on_the_night_the_clocks_go_forward():
    # Vancouver, Sunday 8 March 2026: a 23-hour day.
    night = datetime(2026, 3, 8, 23, 45, tzinfo=VAN)
    assert snooze(item(1, date(2026, 3, 8)), Snooze.DAY, night).due == date(2026, 3, 9)
    assert snooze(item(1, None), "in 2 days", night).due == date(2026, 3, 10)


# ----- adding by hand --------------------------------------------------------------------------


def test_new_item_is_cleaned_and_says_it_was_added_by_hand():
    made = new_item("  Send Ada\tthe article \x1b ", date(2026, 12, 1), contact_id=3, now=NOW)
    assert made.title == "Send Ada the article"
    assert (made.due, made.contact_id, made.reason, made.created) == (
        date(2026, 12, 1), 3, "added by hand", NOW,
    )  # fmt: skip
    assert made.kind is FollowUpKind.OTHER and made.is_open


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_new_item_needs_a_short_title(title):
    with pytest.raises(ValueError):
        new_item(title, None, now=NOW)


# ----- rest days -------------------------------------------------------------------------------


def test_move_off_rest_day():
    saturday = date(2026, 11, 28)
    assert move_off_rest_day(saturday, [SAT, SUN]) == date(2026, 11, 30)
    assert move_off_rest_day(saturday, []) == saturday
    assert move_off_rest_day(saturday, [SAT]) == date(2026, 11, 29)
    # A rest day at a month end moves into the next month; a leap day is a day like any other.
    assert move_off_rest_day(date(2026, 10, 31), [SAT, SUN]) == date(2026, 11, 2)
    assert move_off_rest_day(date(2028, 2, 29), [1]) == date(2028, 3, 1)  # a Tuesday
    assert move_off_rest_day(date(2026, 12, 31), [3, 4, 5, 6]) == date(2027, 1, 4)
    # Every day a rest day: no loop, the day is kept.
    assert move_off_rest_day(saturday, range(7)) == saturday


def test_flags_name_rest_days_and_busy_weeks_in_words():
    monday = date(2026, 11, 30)
    busy = {monday}
    assert flags(item(1, date(2026, 11, 28)), [SAT], busy) == ["rest day"]
    assert flags(item(1, date(2026, 12, 5)), [SAT], busy) == ["rest day", "busy week"]
    assert flags(item(1, date(2026, 12, 1)), [SAT], busy) == ["busy week"]
    assert flags(item(1, None), [SAT], busy) == []
    assert flags(item(1, date(2026, 11, 28), done=NOW), [SAT], busy) == []


# ----- the weekly cap --------------------------------------------------------------------------


def meeting(when: datetime, status=InterviewStatus.SCHEDULED) -> Interview:
    return Interview(status=status, when=when)


def test_week_over_cap_counts_scheduled_and_held_meetings_only():
    week = date(2026, 11, 23)  # Monday
    meetings = [
        meeting(datetime(2026, 11, 23, 10, tzinfo=UTC), InterviewStatus.DONE),
        meeting(datetime(2026, 11, 25, 10, tzinfo=UTC)),
        meeting(datetime(2026, 11, 29, 18, tzinfo=UTC)),  # Sunday: same week
        meeting(datetime(2026, 11, 26, 10, tzinfo=UTC), InterviewStatus.CANCELLED),
        meeting(datetime(2026, 11, 26, 10, tzinfo=UTC), InterviewStatus.REQUESTED),
        meeting(datetime(2026, 11, 30, 9, tzinfo=UTC)),  # next Monday: next week
    ]
    assert not week_over_cap(meetings, week, 3)
    assert week_over_cap(meetings, week, 2)
    assert week_over_cap(meetings, date(2026, 11, 27), 2)  # any day names its week
    assert not week_over_cap(meetings, week, None)
    assert weeks_over_cap(meetings, 2) == {week}
    assert weeks_over_cap(meetings, 0) == {week, date(2026, 11, 30)}


def test_only_the_weeks_asked_about_are_counted_with_their_meetings_on_their_own_day():
    # Sunday 1 March 2026, 20:00 in Vancouver is Monday 04:00 in UTC: it is the earlier week.
    meetings = [
        meeting(datetime(2026, 3, 2, 4, 0, tzinfo=UTC)),
        meeting(datetime(2026, 3, 1, 9, tzinfo=UTC)),
    ]
    week, next_week = date(2026, 2, 23), date(2026, 3, 2)
    assert weeks_over_cap(meetings, 1, VAN) == {week}
    assert weeks_over_cap(meetings, 1, VAN, weeks={week, next_week}) == {week}
    assert weeks_over_cap(meetings, 1, VAN, weeks={next_week}) == set()
    assert weeks_over_cap(meetings, 0, UTC, weeks={next_week}) == {next_week}
    assert weeks_over_cap(meetings, 0, UTC, weeks=set()) == set()


def test_a_held_meeting_without_a_planned_time_counts_by_its_start():
    held = Interview(
        status=InterviewStatus.DONE, session=Session(started=datetime(2026, 11, 24, 9, tzinfo=UTC))
    )
    assert meetings_per_week([held]) == {date(2026, 11, 23): 1}


def test_the_cap_counts_meetings_on_the_persons_own_calendar_day():
    # Sunday 1 March 2026, 20:00 in Vancouver is Monday 04:00 in UTC: it is the earlier week.
    evening = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)
    assert meetings_per_week([meeting(evening)], VAN) == {date(2026, 2, 23): 1}
    assert meetings_per_week([meeting(evening)], UTC) == {date(2026, 3, 2): 1}


def test_the_cap_across_a_clock_change_week_and_a_year_end():
    # London's clocks go back on Sunday 25 October 2026; that Sunday still ends the week.
    meetings = [
        meeting(datetime(2026, 10, 19, 10, tzinfo=LON)),
        meeting(datetime(2026, 10, 25, 23, 30, tzinfo=LON)),
    ]
    assert week_over_cap(meetings, date(2026, 10, 19), 1)
    # Thursday 31 December 2026 and Friday 1 January 2027 share a week.
    year_end = [meeting(datetime(2026, 12, 31, 10, tzinfo=UTC)),
                meeting(datetime(2027, 1, 1, 10, tzinfo=UTC))]  # fmt: skip
    assert week_over_cap(year_end, date(2027, 1, 1), 1)


# ----- a low-energy day ------------------------------------------------------------------------


def test_low_energy_moves_todays_non_urgent_items_to_the_next_working_day():
    friday = date(2026, 11, 27)
    items = [
        item(1, friday, FollowUpKind.STAY_IN_TOUCH),
        item(2, friday, FollowUpKind.NUDGE),
        item(3, friday - timedelta(days=1)),  # a day late: moves too
        item(4, friday - timedelta(days=3)),  # three days late: urgent, stays
        item(5, friday + timedelta(days=1)),  # not due yet
        item(6, friday, done=NOW),  # done
        item(7, None),  # undated
    ]
    moved = low_energy_day(items, friday, [SAT, SUN])
    assert [(i.id, i.due) for i in moved] == [(1, date(2026, 11, 30)), (2, date(2026, 11, 30)),
                                               (3, date(2026, 11, 30))]  # fmt: skip
    assert all(i.title == f"item {i.id}" for i in moved)  # nothing else changes


def test_low_energy_keeps_a_thank_you_inside_its_two_days():
    met = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)  # Tuesday
    thanks = item(1, date(2026, 11, 25), FollowUpKind.THANK_YOU, created=met)
    # Wednesday: Thursday is still within two days of the meeting.
    assert [i.due for i in low_energy_day([thanks], date(2026, 11, 25))] == [date(2026, 11, 26)]
    # With Thursday a rest day the next working day is Friday: too late, it stays.
    assert low_energy_day([thanks], date(2026, 11, 25), [3]) == []
    # On its last day it never moves; nor does one with no known meeting day.
    last = item(2, date(2026, 11, 26), FollowUpKind.THANK_YOU, created=met)
    assert low_energy_day([last], date(2026, 11, 26)) == []
    assert low_energy_day([item(3, date(2026, 11, 25), FollowUpKind.THANK_YOU)], day(0)) == []


def test_low_energy_across_a_month_end_and_a_leap_day():
    assert low_energy_day([item(1, date(2028, 2, 28))], date(2028, 2, 28))[0].due == date(
        2028, 2, 29
    )
    # Friday 30 April 2027 with weekends off: Monday 3 May.
    assert low_energy_day([item(1, date(2027, 4, 30))], date(2027, 4, 30), [SAT, SUN])[
        0
    ].due == date(2027, 5, 3)
