"""Dates as people type them: what each phrasing means to a person, read from Mon 30 Nov 2026
11:00 in London (the moment the date issue was reported from).

Each row is (typed, what it means): "YYYY-MM-DD HH:MM" for a moment, "YYYY-MM-DD" for a day
without a time, "!words" for a refusal whose message holds those words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain.timefmt import full_datetime
from infoview_tui.domain.when_reader import DateError, parse_when

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=LONDON)  # a Monday

RELATIVE = [
    ("today", "2026-11-30"),
    ("tonight", "2026-11-30"),
    ("tomorrow", "2026-12-01"),
    ("Tomorrow", "2026-12-01"),
    ("tmrw", "2026-12-01"),
    ("tmr", "2026-12-01"),
    ("yesterday", "2026-11-29"),
    ("the day after tomorrow", "2026-12-02"),
    ("day after tomorrow", "2026-12-02"),
    ("in 2 days", "2026-12-02"),
    ("in two days", "2026-12-02"),
    ("in a couple of days", "2026-12-02"),
    ("+3d", "2026-12-03"),
    ("+3", "2026-12-03"),
    ("3d", "2026-12-03"),
    ("3 days", "2026-12-03"),
    ("in 3 days", "2026-12-03"),
    ("3 days from now", "2026-12-03"),
    ("in 0 days", "2026-11-30"),
    ("in a week", "2026-12-07"),
    ("in 1 week", "2026-12-07"),
    ("1w", "2026-12-07"),
    ("in 2 weeks", "2026-12-14"),
    ("in a fortnight", "2026-12-14"),
    ("2 weeks from now", "2026-12-14"),
    ("a week from tomorrow", "2026-12-08"),
    ("a week from fri", "2026-12-11"),
    ("next week", "2026-12-07"),  # Monday of next week
    ("the week after next", "2026-12-14"),
    ("next month", "2026-12-01"),  # the first of next month
    ("in a month", "2026-12-30"),
    ("in 3 months", "2027-02-28"),  # no 30 February: the month's last day
    ("3 days ago", "2026-11-27"),
    ("a week ago", "2026-11-23"),
    ("this weekend", "2026-12-05"),
    ("weekend", "2026-12-05"),
    ("next weekend", "2026-12-12"),
    ("end of the month", "2026-11-30"),
    ("end of week", "2026-12-04"),
    ("eow", "2026-12-04"),
]

REAL_TIME = [
    ("in an hour", "2026-11-30 12:00"),
    ("in 1 hour", "2026-11-30 12:00"),
    ("in 90 minutes", "2026-11-30 12:30"),
    ("in 90 mins", "2026-11-30 12:30"),
    ("in 1.5 hours", "2026-11-30 12:30"),
    ("in an hour and a half", "2026-11-30 12:30"),
    ("in half an hour", "2026-11-30 11:30"),
    ("in 30 min", "2026-11-30 11:30"),
    ("in 5m", "2026-11-30 11:05"),
    ("in 2h", "2026-11-30 13:00"),
    ("2 hours from now", "2026-11-30 13:00"),
    ("in 1h30", "2026-11-30 12:30"),
    ("in 1 hour 30 minutes", "2026-11-30 12:30"),
    ("in 1 hour and 30 minutes", "2026-11-30 12:30"),
    ("now", "2026-11-30 11:00"),
]

WEEKDAYS = [
    ("mon", "2026-11-30"),  # today is Monday: the day itself
    ("monday", "2026-11-30"),
    ("tue", "2026-12-01"),
    ("tues", "2026-12-01"),
    ("tuesday", "2026-12-01"),
    ("wed", "2026-12-02"),
    ("weds", "2026-12-02"),
    ("wednesday", "2026-12-02"),
    ("thu", "2026-12-03"),
    ("thur", "2026-12-03"),
    ("thurs", "2026-12-03"),
    ("thursday", "2026-12-03"),
    ("fri", "2026-12-04"),
    ("Friday", "2026-12-04"),
    ("sat", "2026-12-05"),
    ("sun", "2026-12-06"),
    ("this fri", "2026-12-04"),
    ("coming friday", "2026-12-04"),
    ("on friday", "2026-12-04"),
    ("next fri", "2026-12-11"),  # Friday of next week
    ("next mon", "2026-12-07"),
    ("next tue", "2026-12-08"),  # not tomorrow: next week's Tuesday
    ("fri next week", "2026-12-11"),
    ("next week fri", "2026-12-11"),
    ("fri after next", "2026-12-18"),
    ("last fri", "2026-11-27"),
    ("last mon", "2026-11-23"),
    ("fri in 2 weeks", "2026-12-18"),
    ("mon 9am", "2026-12-07 09:00"),  # 9am today has passed: next Monday's
    ("mon 2pm", "2026-11-30 14:00"),
    ("monday at 3pm", "2026-11-30 15:00"),
    ("this mon 9am", "2026-11-30 09:00"),  # "this": today's, though it has passed
    ("tue 10:30", "2026-12-01 10:30"),
    ("Tuesday 10:30am", "2026-12-01 10:30"),
    ("wed at noon", "2026-12-02 12:00"),
    ("thu 2pm", "2026-12-03 14:00"),
    ("THU 2PM", "2026-12-03 14:00"),
    ("thu 14:00", "2026-12-03 14:00"),
    ("thu 14h", "2026-12-03 14:00"),
    ("thu 14h30", "2026-12-03 14:30"),
    ("fri 9", "2026-12-04 09:00"),  # a bare hour after a day: working hours
    ("fri 9.30", "2026-12-04 09:30"),
    ("fri 9.05", "2026-12-04 09:05"),
    ("tue 2.30pm", "2026-12-01 14:30"),
    ("friday morning", "2026-12-04"),
    ("fri evening 7", "2026-12-04 19:00"),
    ("fri at 7 in the evening", "2026-12-04 19:00"),
    ("next tue 10:00", "2026-12-08 10:00"),
    ("next fri at 10", "2026-12-11 10:00"),
    ("fri midnight", "2026-12-05 00:00"),  # the midnight that ends Friday
]

TIMES_ALONE = [  # the next time the clock shows it (it is 11:00)
    ("2pm", "2026-11-30 14:00"),
    ("2 pm", "2026-11-30 14:00"),
    ("2p", "2026-11-30 14:00"),
    ("2 p.m.", "2026-11-30 14:00"),
    ("2PM", "2026-11-30 14:00"),
    ("9a", "2026-12-01 09:00"),
    ("9am", "2026-12-01 09:00"),
    ("11.45am", "2026-11-30 11:45"),
    ("10.30am", "2026-12-01 10:30"),
    ("14:30", "2026-11-30 14:30"),
    ("14.30", "2026-11-30 14:30"),
    ("14h30", "2026-11-30 14:30"),
    ("14h", "2026-11-30 14:00"),
    ("1400", "2026-11-30 14:00"),
    ("1030", "2026-12-01 10:30"),
    ("930am", "2026-12-01 09:30"),
    ("at 2", "2026-11-30 14:00"),  # a meeting at 2 is in the afternoon
    ("at 10", "2026-12-01 10:00"),
    ("10", "2026-12-01 10:00"),
    ("3", "2026-11-30 15:00"),
    ("noon", "2026-11-30 12:00"),
    ("midday", "2026-11-30 12:00"),
    ("midnight", "2026-12-01 00:00"),
    ("12am", "2026-12-01 00:00"),
    ("12pm", "2026-11-30 12:00"),
    ("0:30", "2026-12-01 00:30"),
    ("23:59", "2026-11-30 23:59"),
    ("24:00", "2026-12-01 00:00"),
    ("2 o'clock", "2026-11-30 14:00"),
    ("half past two", "2026-11-30 14:30"),
    ("quarter past 3", "2026-11-30 15:15"),
    ("quarter to 4", "2026-11-30 15:45"),
    ("2:30", "2026-11-30 14:30"),
    ("8:00", "2026-12-01 08:00"),
    ("08:00", "2026-12-01 08:00"),
    ("7 in the evening", "2026-11-30 19:00"),
    ("tonight at 8", "2026-11-30 20:00"),
    ("8 tonight", "2026-11-30 20:00"),
    ("this afternoon at 3", "2026-11-30 15:00"),
    ("this evening", "2026-11-30"),
]

DAY_AND_TIME = [  # in either order, with or without "at"
    ("tomorrow 2pm", "2026-12-01 14:00"),
    ("2pm tomorrow", "2026-12-01 14:00"),
    ("tomorrow at 2pm", "2026-12-01 14:00"),
    ("tomorrow @ 2pm", "2026-12-01 14:00"),
    ("tomorrow, 2pm", "2026-12-01 14:00"),
    ("14:00 tomorrow", "2026-12-01 14:00"),
    ("noon tomorrow", "2026-12-01 12:00"),
    ("tomorrow noon", "2026-12-01 12:00"),
    ("tomorrow 10.30am", "2026-12-01 10:30"),
    ("tomorrow 9", "2026-12-01 09:00"),
    ("tomorrow morning at 9", "2026-12-01 09:00"),
    ("tomorrow at 9 in the morning", "2026-12-01 09:00"),
    ("tmrw 9:15", "2026-12-01 09:15"),
    ("in 3 days 10:00", "2026-12-03 10:00"),
    ("in 3 days at 10am", "2026-12-03 10:00"),
    ("10am in 3 days", "2026-12-03 10:00"),
    ("today 5pm", "2026-11-30 17:00"),
    ("today at 17:00", "2026-11-30 17:00"),
]

DATES_DAY_FIRST = [
    ("3 Dec", "2026-12-03"),
    ("3rd dec", "2026-12-03"),
    ("3rd of December", "2026-12-03"),
    ("the 3rd of december", "2026-12-03"),
    ("Dec 3", "2026-12-03"),
    ("dec 3rd", "2026-12-03"),
    ("December 3rd", "2026-12-03"),
    ("december 3 2026", "2026-12-03"),
    ("3 december 2026", "2026-12-03"),
    ("3 Dec 2027", "2027-12-03"),
    ("dec 3 2pm", "2026-12-03 14:00"),
    ("3 Dec 10am", "2026-12-03 10:00"),
    ("3 dec at 14:00", "2026-12-03 14:00"),
    ("2pm 3 dec", "2026-12-03 14:00"),
    ("on 3 dec at 2pm", "2026-12-03 14:00"),
    ("december 3rd 2:30pm", "2026-12-03 14:30"),
    ("Thu 3 Dec", "2026-12-03"),
    ("Thu, 3 Dec", "2026-12-03"),
    ("thursday december 3", "2026-12-03"),
    ("Thursday, December 3, 2026 2:00 PM", "2026-12-03 14:00"),
    ("1 jan", "2027-01-01"),
    ("1 jan 2027", "2027-01-01"),
    ("jan 1st", "2027-01-01"),
    ("3 nov", "2026-11-03"),  # this year's, already past (the field says so)
    ("25 dec", "2026-12-25"),
    ("31 dec 11pm", "2026-12-31 23:00"),
    ("sept 5", "2026-09-05"),
    ("1 may", "2027-05-01"),  # more than half a year back: next year's
    ("3/12", "2026-12-03"),
    ("3/12/2026", "2026-12-03"),
    ("3/12/26", "2026-12-03"),
    ("03/12/2026", "2026-12-03"),
    ("3-12", "2026-12-03"),
    ("3.12", "2026-12-03"),
    ("3.12.2026", "2026-12-03"),
    ("31/12", "2026-12-31"),
    ("12/25", "2026-12-25"),  # 25 cannot be a month: read the other way, and said
    ("25/12", "2026-12-25"),
    ("1/1", "2027-01-01"),
    ("31/1", "2027-01-31"),
    ("3/12 14:00", "2026-12-03 14:00"),
    ("3/12 2pm", "2026-12-03 14:00"),
    ("3/12 at 10am", "2026-12-03 10:00"),
    ("29/2", "2028-02-29"),  # the next 29 February
    ("29 feb", "2028-02-29"),
    ("2026-12-03", "2026-12-03"),
    ("2026-12-03 14:00", "2026-12-03 14:00"),
    ("2026-12-03T14:00", "2026-12-03 14:00"),
    ("2026-12-03T14:00:00Z", "2026-12-03 14:00"),
    ("2026-12-03T14:00+01:00", "2026-12-03 13:00"),
    ("2026/12/03", "2026-12-03"),
    ("the 3rd", "2026-12-03"),
    ("the 15th", "2026-12-15"),
    ("on the 1st", "2026-12-01"),
    ("the 31st", "2026-12-31"),  # November has none: December's
    ("3rd", "2026-12-03"),
    ("the 30th", "2026-11-30"),
    ("the 29th", "2026-12-29"),
]

ZONES_AND_RANGES = [
    ("3pm ET", "2026-11-30 20:00"),
    ("tomorrow 9am PT", "2026-12-01 17:00"),
    ("3pm UTC", "2026-11-30 15:00"),
    ("14:00 utc+1", "2026-11-30 13:00"),
    ("14:00 Europe/Berlin", "2026-11-30 13:00"),
    ("Thursday, December 3, 2026 2:00 PM - 2:30 PM (PST)", "2026-12-03 22:00"),
    ("2-3pm thu", "2026-12-03 14:00"),
    ("thu 2pm-3pm", "2026-12-03 14:00"),
    ("thu 14:00-15:00", "2026-12-03 14:00"),
    ("thu 2 to 3pm", "2026-12-03 14:00"),
    ("11-1pm fri", "2026-12-04 11:00"),
]

REFUSED = [
    ("", "!Type a date"),
    ("   ", "!Type a date"),
    ("thu 4/12", "!Fri 4 Dec 2026 is a Friday, not a Thursday"),  # both days named
    ("fri 3 dec", "!Thu 3 Dec 2026 is a Thursday, not a Friday"),
    ("tomorrow fri", "!Tue 1 Dec 2026 is a Tuesday, not a Friday"),
    ("31/11", "!November has 30 days"),
    ("29/2/2027", "!2027 has no 29 February"),
    ("2027-02-29", "!not a date on the calendar"),
    ("13/13", "!no month 13"),
    ("0/5", "!no day 0"),
    ("25:00", "!not a time of day"),
    ("tomorrow 25:00", "!not a time of day"),
    ("10:3000000000000000000000000000000", "!not a time of day"),
    ("14pm", "!mixes the 24-hour and 12-hour clocks"),
    ("tomorow 2pm", "!Did you mean 'tomorrow'?"),
    ("thursdy", "!Did you mean 'thursday'?"),
    ("blah", "!Not sure what 'blah' means"),
    ("tomorrow blah", "!Not sure what 'blah' means"),
    ("3 dec 2pm please", "!Not sure what 'please' means"),
    ("2026", "!Is 2026 a year or a time?"),
    ("25", "!neither a time nor a day"),
    ("december", "!Which day in December?"),
    ("dec 2026", "!Which day in December 2026?"),
    ("in a few days", "!How many is 'few'?"),
    ("2pm 3pm", "!Two times given"),
    ("this week", "!Which day this week?"),
    ("in 2 hours tomorrow", "!not both"),
    ("3pm IST", "!India, Ireland or Israel"),
    ("next year", "!Which day next year?"),
    ("tonight 9am", "!disagree"),
    ("in 99999 days", "!too far away"),
    ("3 dec 2200", "2026-12-03 22:00"),  # 2200 is no year anyone plans in: a time
    ("📅 tomorrow", "!Not sure what '📅' means"),
]

TABLE = [
    *RELATIVE, *REAL_TIME, *WEEKDAYS, *TIMES_ALONE, *DAY_AND_TIME, *DATES_DAY_FIRST,
    *ZONES_AND_RANGES, *REFUSED,
]  # fmt: skip

MONTH_FIRST = [  # the same person, with "3/12 is March 12" set under Me
    ("3/12", "2027-03-12"),
    ("12/3", "2026-12-03"),
    ("12/25", "2026-12-25"),
    ("25/12", "2026-12-25"),  # 25 cannot be a month
    ("12/3/2026", "2026-12-03"),
    ("12/3 2pm", "2026-12-03 14:00"),
    ("12.3", "2026-12-03"),
    ("Dec 3", "2026-12-03"),
    ("3 Dec", "2026-12-03"),
    ("2026-12-03", "2026-12-03"),
    ("1/31", "2027-01-31"),
    ("2/29", "2028-02-29"),
    ("thu 12/3", "2026-12-03"),
    ("fri 12/3", "!not a Friday"),
]


def reading(text: str, now: datetime = NOW, *, day_first: bool = True) -> str:
    try:
        when = parse_when(text, now, day_first=day_first)
    except DateError as err:
        return f"!{err}"
    if when.at is None:
        return when.day.isoformat()
    assert when.at.tzinfo is now.tzinfo  # always in the person's own zone
    assert when.at.date() == when.day
    return when.at.strftime("%Y-%m-%d %H:%M")


def check(text: str, expected: str, **kwargs: bool) -> None:
    got = reading(text, **kwargs)
    if expected.startswith("!"):
        assert got.startswith("!"), f"{text!r} should be refused, was read as {got}"
        assert expected[1:] in got, f"{text!r}: {got}"
    else:
        assert got == expected, f"{text!r}"


def test_the_table_is_large_enough():
    assert len(TABLE) + len(MONTH_FIRST) + len(DST_CASES) >= 150


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_what_people_type_day_first(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), MONTH_FIRST)
def test_what_people_type_month_first(text, expected):
    check(text, expected, day_first=False)


# ----- what the reader assumed is said, not hidden ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("at 2", "Read 2 as 14:00; for the other, type 2am."),
        ("fri 9", "Read 9 as 09:00; for the other, type 9pm."),
        ("2:30", "Read 2:30 as 14:30; for the other, type 2:30am."),
        ("1030", "Read 1030 as the time 10:30."),
        ("12/25", "Read 12/25 as 25 Dec: 25 cannot be a month."),
        ("3.12", "Read 3.12 as the date 3 Dec; for a time, type 3:12."),
        ("29/2", "The next 29 February is in 2028."),
        ("9am", "09:00 has passed today, so tomorrow."),
        ("mon 9am", "Mon 09:00 has passed today, so next week's."),
        ("next tue", "Next week's Tuesday; 'Tue' alone is Tue 1 Dec 2026."),
        ("midnight", "Midnight at the end of Mon 30 Nov 2026."),
        ("12am", "12am is the start of the day (00:00)"),
        ("3pm ET", "15:00 ET is 20:00 here, Mon 30 Nov 2026."),
        ("2-3pm thu", "Starts at 14:00; the end time is not kept."),
        ("the 31st", "The next month with a 31st is December."),
    ],
)
def test_assumptions_come_with_a_note(text, note):
    notes = parse_when(text, NOW).notes
    assert any(n.startswith(note) for n in notes), notes


@pytest.mark.parametrize("text", ["tomorrow 2pm", "thu 14:00", "3 dec 10am", "2026-12-03 14:00"])
def test_plain_phrases_need_no_note(text):
    assert parse_when(text, NOW).notes == ()


def test_a_day_alone_has_no_time_and_says_which_part_of_the_day():
    when = parse_when("tomorrow afternoon", NOW)
    assert (when.at, when.day.isoformat(), when.part_of_day) == (None, "2026-12-01", "afternoon")
    assert parse_when("today", NOW).at is None  # not 09:00: the rest of today


def test_a_time_alone_says_its_day_was_not_typed():
    assert parse_when("2pm", NOW).day_given is False
    assert parse_when("tomorrow 2pm", NOW).day_given is True


def test_what_full_datetime_shows_reads_back_the_same():
    for text in ("tomorrow 2pm", "next fri 10:30", "29/2 9am", "3pm ET", "midnight"):
        when = parse_when(text, NOW).at
        assert when is not None
        assert parse_when(full_datetime(when), NOW).at == when, text


# ----- daylight saving, in two zones -----------------------------------------------------------

DST_CASES = [
    # London: forward at 01:00 on 28 Mar 2027, back at 02:00 on 31 Oct 2027.
    (LONDON, "28 mar 2027 1:30am", "!does not exist here"),
    (LONDON, "28/3/2027 01:30", "!Try 02:30 or 00:30"),
    (LONDON, "28 mar 2027 3pm", "2027-03-28 15:00 +01:00"),
    (LONDON, "27 mar 2027 3pm", "2027-03-27 15:00 +00:00"),
    (LONDON, "31 oct 2027 1:30am", "2027-10-31 01:30 +01:00"),  # the first of the two
    (LONDON, "31 oct 2027 3pm", "2027-10-31 15:00 +00:00"),
    # New York: forward at 02:00 on 14 Mar 2027, back at 02:00 on 7 Nov 2027.
    (NEW_YORK, "14 mar 2027 2:30am", "!does not exist here"),
    (NEW_YORK, "3/14/2027 02:15", "!does not exist here"),
    (NEW_YORK, "14 mar 2027 10am", "2027-03-14 10:00 -04:00"),
    (NEW_YORK, "13 mar 2027 10am", "2027-03-13 10:00 -05:00"),
    (NEW_YORK, "7 nov 2027 1:30am", "2027-11-07 01:30 -04:00"),
    (NEW_YORK, "7 nov 2027 9am", "2027-11-07 09:00 -05:00"),
]


@pytest.mark.parametrize(("zone", "text", "expected"), DST_CASES)
def test_daylight_saving_changes(zone, text, expected):
    now = NOW.astimezone(zone)
    day_first = zone is LONDON
    try:
        when = parse_when(text, now, day_first=day_first)
    except DateError as err:
        assert expected.startswith("!"), f"{text}: {err}"
        assert expected[1:] in str(err)
        return
    assert not expected.startswith("!"), f"{text} should be refused"
    assert when.at is not None
    offset = when.at.strftime("%z")
    assert f"{when.at:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}" == expected


TWICE = [(LONDON, "31/10/2027 01:30"), (NEW_YORK, "11/7/2027 01:30")]


@pytest.mark.parametrize(("zone", "text"), TWICE)
def test_a_time_that_happens_twice_is_stated(zone, text):
    when = parse_when(text, NOW.astimezone(zone), day_first=zone is LONDON)
    assert any("happens twice" in note and "this is the first" in note for note in when.notes)


def test_a_day_across_the_spring_change_keeps_its_wall_clock_time():
    saturday = datetime(2026, 3, 28, 12, tzinfo=LONDON)
    when = parse_when("tomorrow 2pm", saturday).at
    assert when is not None
    assert (when.strftime("%H:%M"), when.utcoffset()) == ("14:00", timedelta(hours=1))


def test_in_2_hours_across_the_autumn_change_is_2_real_hours():
    now = datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)  # 01:00-02:00 happens twice
    when = parse_when("in 2 hours", now).at
    assert when is not None
    assert when.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)


def test_in_2_hours_across_the_spring_change_shows_a_real_local_time():
    now = datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)
    when = parse_when("in 2 hours", now).at
    assert when is not None
    assert when.strftime("%H:%M") == "02:30"  # 01:30 UTC is 02:30 BST


def test_a_month_later_from_the_31st_is_the_last_day_of_next_month():
    assert reading("in 1 month", datetime(2027, 1, 31, 10, tzinfo=UTC)) == "2027-02-28"


def test_leap_day_in_a_leap_year_is_this_years():
    assert reading("29/2", datetime(2028, 1, 10, tzinfo=UTC)) == "2028-02-29"


def test_a_day_a_few_months_back_stays_in_this_year():
    assert reading("3 jan", datetime(2026, 6, 20, tzinfo=UTC)) == "2026-01-03"


@pytest.mark.parametrize(
    ("text", "expected", "moved"),
    [
        ("25/12", date(2025, 12, 25), True),
        ("the 3rd", date(2026, 3, 3), True),  # ahead, it would be 3 April
        ("the 31st", date(2026, 1, 31), True),  # February has none
        ("fri", date(2026, 2, 27), True),
        ("wed", date(2026, 3, 4), False),  # today
        ("29 feb", date(2024, 2, 29), True),
        ("next fri", date(2026, 3, 13), False),  # said to be ahead: kept
        ("in 3 days", date(2026, 3, 7), False),
        ("25 dec 2026", date(2026, 12, 25), False),  # a year typed is kept
        ("yesterday", date(2026, 3, 3), False),
    ],
)
def test_a_day_looked_back_to(text, expected, moved):
    from infoview_tui.domain.when_reader import parse_past_day

    now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday
    when = parse_past_day(text, now)
    assert when.day == expected
    assert any("read as the last one" in n for n in when.notes) == moved
