"""Dates as people type them (domain/dates.py), and the business-day calendar rules."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain.dates import (
    DateError,
    add_business_days,
    is_business_day,
    next_working_day,
    parse_when,
    week_start,
)
from infoview_tui.domain.timefmt import full_datetime

THU = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # Thursday 26 Nov 2026, 15:00
LONDON = ZoneInfo("Europe/London")


def at(text: str, now: datetime = THU, **kwargs) -> tuple[str, bool]:
    when = parse_when(text, now, **kwargs)
    return when.at.strftime("%Y-%m-%d %H:%M"), when.has_time


REPO = Path(__file__).resolve().parents[2]


# ----- relative words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", ("2026-11-26 09:00", False)),
        ("tomorrow", ("2026-11-27 09:00", False)),
        ("Tomorrow 2pm", ("2026-11-27 14:00", True)),
        ("tmrw 9:15", ("2026-11-27 09:15", True)),
        ("tomorrow at noon", ("2026-11-27 12:00", True)),
        ("in 2 days", ("2026-11-28 09:00", False)),
        ("+3d", ("2026-11-29 09:00", False)),
        ("in 0 days", ("2026-11-26 09:00", False)),
        ("2 weeks from now", ("2026-12-10 09:00", False)),
        ("in 3 weeks", ("2026-12-17 09:00", False)),
        ("next week", ("2026-12-03 09:00", False)),
        ("in a week", ("2026-12-03 09:00", False)),
        ("next month", ("2026-12-26 09:00", False)),
        ("in 5 min", ("2026-11-26 15:05", True)),
        ("in 2 hours", ("2026-11-26 17:00", True)),
    ],
)
def test_relative_forms(text, expected):
    assert at(text) == expected


def test_a_month_later_from_the_31st_is_the_last_day_of_next_month():
    assert at("in 1 month", datetime(2027, 1, 31, 10, tzinfo=UTC)) == ("2027-02-28 09:00", False)


# ----- weekdays ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu 2pm", ("2026-12-03 14:00", True)),  # Thursday after 2pm: next week's
        ("thu 4pm", ("2026-11-26 16:00", True)),  # still ahead today
        ("THU 2PM", ("2026-12-03 14:00", True)),
        ("thu", ("2026-11-26 09:00", False)),  # the day alone: today
        ("this thu", ("2026-11-26 09:00", False)),
        ("next thu", ("2026-12-03 09:00", False)),  # "next" on the day itself: a week on
        ("next tue", ("2026-12-01 09:00", False)),
        ("tue", ("2026-12-01 09:00", False)),
        ("Tuesday 10:30", ("2026-12-01 10:30", True)),
        ("fri 9am", ("2026-11-27 09:00", True)),
        ("sat", ("2026-11-28 09:00", False)),
        ("sun 10:00", ("2026-11-29 10:00", True)),
        ("mon", ("2026-11-30 09:00", False)),
    ],
)
def test_weekdays(text, expected):
    assert at(text) == expected


def test_thu_2pm_at_exactly_2pm_on_a_thursday_is_next_week():
    assert at("Thu 2pm", THU.replace(hour=14)) == ("2026-12-03 14:00", True)
    assert at("Thu 2pm", THU.replace(hour=13, minute=59)) == ("2026-11-26 14:00", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2pm", ("2026-11-27 14:00", True)),  # 15:00 now: 2pm next comes tomorrow
        ("16:30", ("2026-11-26 16:30", True)),
        ("at 2pm", ("2026-11-27 14:00", True)),
        ("noon", ("2026-11-27 12:00", True)),
    ],
)
def test_a_time_alone_is_the_next_time_the_clock_shows_it(text, expected):
    assert at(text) == expected


# ----- absolute dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03 14:00", ("2026-12-03 14:00", True)),
        ("2026-12-03T14:00", ("2026-12-03 14:00", True)),
        ("2026-12-03", ("2026-12-03 09:00", False)),  # ISO is never read day-first
        ("2026-12-03T14:00+01:00", ("2026-12-03 13:00", True)),  # moved into now's zone
        ("3 Dec 10am", ("2026-12-03 10:00", True)),
        ("dec 3 2pm", ("2026-12-03 14:00", True)),
        ("3rd dec", ("2026-12-03 09:00", False)),
        ("december 3rd 2:30pm", ("2026-12-03 14:30", True)),
        ("on 3 dec", ("2026-12-03 09:00", False)),
        ("3 December", ("2026-12-03 09:00", False)),
        ("Thu, 3 Dec", ("2026-12-03 09:00", False)),
        ("1 jan 2027", ("2027-01-01 09:00", False)),
        ("31/12/2026", ("2026-12-31 09:00", False)),
        ("3-12", ("2026-12-03 09:00", False)),
    ],
)
def test_absolute_forms(text, expected):
    assert at(text) == expected


def test_what_full_datetime_shows_reads_back_the_same():
    shown = full_datetime(parse_when("tomorrow 2pm", THU).at)
    assert shown == "Fri 27 Nov 2026, 14:00"
    assert parse_when(shown, THU).at == parse_when("tomorrow 2pm", THU).at


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("3/12", True, ("2026-12-03 09:00", False)),
        ("3/12", False, ("2027-03-12 09:00", False)),  # March 12: next one, not last spring
        ("3/12 14:00", True, ("2026-12-03 14:00", True)),
        ("12/3", True, ("2027-03-12 09:00", False)),
        ("12/3", False, ("2026-12-03 09:00", False)),
    ],
)
def test_day_month_order_follows_the_setting(text, day_first, expected):
    assert at(text, day_first=day_first) == expected


def test_a_day_without_year_half_a_year_back_means_next_year():
    november = datetime(2026, 11, 26, 10, tzinfo=UTC)
    assert at("31/1", november) == ("2027-01-31 09:00", False)
    assert at("1/31", november, day_first=False) == ("2027-01-31 09:00", False)
    assert at("31/1/2026", november) == ("2026-01-31 09:00", False)  # a typed year is kept


def test_a_day_a_few_months_back_stays_in_this_year():
    # The window is half a year: "3 jan" in June is this January (a past date).
    assert at("3 jan", datetime(2026, 6, 20, tzinfo=UTC)) == ("2026-01-03 09:00", False)


def test_leap_day_in_a_leap_year():
    assert at("29/2", datetime(2028, 1, 10, tzinfo=UTC)) == ("2028-02-29 09:00", False)
    assert at("2028-02-29 10:00", THU) == ("2028-02-29 10:00", True)
    assert at("in 12 months", datetime(2028, 2, 29, 10, tzinfo=UTC)) == ("2029-02-28 09:00", False)


def test_leap_day_typed_in_a_year_without_one_means_the_next():
    assert at("29/2", datetime(2027, 11, 1, tzinfo=UTC)) == ("2028-02-29 09:00", False)


def test_leap_day_rolled_over_is_never_silently_moved():
    try:
        day = parse_when("29/2", datetime(2028, 11, 1, tzinfo=UTC)).at.date()
    except DateError:
        return  # refusing is fine
    assert day == date(2032, 2, 29)


def test_a_dotted_time_after_a_weekday_is_a_time():
    assert at("fri 9.30") == ("2026-11-27 09:30", True)


def test_a_dotted_day_month_is_a_date():
    assert at("3.12") == ("2026-12-03 09:00", False)


# ----- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a date, for example"),
        ("   ", "Type a date, for example"),
        ("blah", "Could not read 'blah' as a date. Try:"),
        ("13/13", "Could not read '13/13' as a date."),
        ("2026-02-29", "Could not read '2026-02-29' as a date."),
        ("tomorrow 25:00", "Could not read the time '25:00'. Try 14:00 or 2pm."),
        ("tomorrow blah", "Could not read the time 'blah'."),
        ("3 dec 2pm please", "Not sure what 'please' means in '3 dec 2pm please'."),
    ],
)
def test_bad_input_gets_a_message_for_people(text, message):
    with pytest.raises(DateError) as caught:
        parse_when(text, THU)
    assert str(caught.value).startswith(message)
    assert "Traceback" not in str(caught.value)


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


# ----- time zones and daylight saving ----------------------------------------------------------


def test_results_are_aware_and_in_nows_zone():
    now = datetime(2026, 11, 26, 15, tzinfo=LONDON)
    for text in ("tomorrow 2pm", "Thu 2pm", "3/12", "2026-12-03 14:00", "in 2 hours", "noon"):
        when = parse_when(text, now).at
        assert when.tzinfo is LONDON, text


def test_a_day_across_the_spring_change_keeps_its_wall_clock_time():
    saturday = datetime(2026, 3, 28, 12, tzinfo=LONDON)  # clocks go forward that night
    when = parse_when("tomorrow 2pm", saturday).at
    assert when.strftime("%H:%M") == "14:00"
    assert when.utcoffset() == timedelta(hours=1)  # British Summer Time
    assert when.astimezone(UTC).hour == 13


def test_a_day_across_the_autumn_change_keeps_its_wall_clock_time():
    saturday = datetime(2026, 10, 24, 12, tzinfo=LONDON)  # clocks go back that night
    when = parse_when("next week", saturday).at
    assert (when.strftime("%Y-%m-%d %H:%M"), when.utcoffset()) == ("2026-10-31 09:00", timedelta(0))


def test_in_2_hours_across_the_autumn_change_is_2_real_hours():
    now = datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)  # 01:00-02:00 happens twice
    when = parse_when("in 2 hours", now).at
    assert when.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)


def test_in_2_hours_across_the_spring_change_shows_a_real_local_time():
    now = datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)
    when = parse_when("in 2 hours", now).at
    assert when.strftime("%H:%M") == "02:30"  # 01:30 UTC is 02:30 BST


def test_the_real_clock_gives_each_day_its_own_offset_across_a_dst_change():
    """Clock.now() carries the computer's zone with its rules, not a fixed offset: a
    meeting typed in October for a day after the change keeps its wall-clock time."""
    code = (
        "from datetime import datetime\n"
        "from infoview_tui.clock import LOCAL\n"
        "from infoview_tui.domain.dates import parse_when\n"
        "now = datetime(2026, 10, 24, 12, tzinfo=LOCAL)\n"
        "print(now.utcoffset(), parse_when('31/10 9:00', now).at.isoformat())\n"
    )
    env = {**os.environ, "TZ": "Europe/London", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["1:00:00", "2026-10-31T09:00:00+00:00"]


# ----- business days and the calendar ----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "weekday", "business"),
    [
        (date(2026, 11, 23), "Mon", True),
        (date(2026, 11, 27), "Fri", True),
        (date(2026, 11, 28), "Sat", False),
        (date(2026, 11, 29), "Sun", False),
    ],
)
def test_is_business_day(day, weekday, business):
    assert day.strftime("%a") == weekday
    assert is_business_day(day) is business


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 23), 0, date(2026, 11, 23)),  # Mon + 0
        (date(2026, 11, 23), 3, date(2026, 11, 26)),  # Mon + 3: Thu
        (date(2026, 11, 25), 3, date(2026, 11, 30)),  # Wed + 3: over the weekend, Mon
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Fri + 1: Mon
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Sat + 1: Mon
        (date(2026, 11, 29), 3, date(2026, 12, 2)),  # Sun + 3: Wed, across the month end
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # a whole working week
        (date(2026, 11, 23), 7, date(2026, 12, 2)),
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # year end (holidays are not known)
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # Mon 28 Feb 2028, leap day Tue
        (date(2028, 2, 25), 3, date(2028, 3, 1)),  # Fri + 3 across the leap day
        (date(2026, 3, 27), 1, date(2026, 3, 30)),  # DST weekend changes nothing for days
    ],
)
def test_add_business_days(start, count, expected):
    assert add_business_days(start, count) == expected


def test_add_business_days_never_lands_on_a_weekend():
    start = date(2026, 1, 1)
    for offset in range(14):
        for count in range(1, 12):
            assert is_business_day(add_business_days(start + timedelta(days=offset), count))


@pytest.mark.parametrize(
    ("day", "rest", "expected"),
    [
        (date(2026, 11, 25), [2], date(2026, 11, 26)),  # Wed is a rest day: Thu
        (date(2026, 11, 25), [], date(2026, 11, 25)),
        (date(2026, 11, 28), [5, 6], date(2026, 11, 30)),
        (date(2026, 11, 28), list(range(7)), date(2026, 11, 28)),  # never loops forever
    ],
)
def test_next_working_day(day, rest, expected):
    assert next_working_day(day, rest) == expected


def test_week_start_is_monday():
    assert week_start(date(2026, 11, 26)) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)
    assert week_start(date(2027, 1, 2)) == date(2026, 12, 28)  # across the year end
