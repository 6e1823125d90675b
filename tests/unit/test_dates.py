"""The business-day calendar rules (domain/dates.py), and the computer's own time zone.

Reading typed dates is tested in test_when_reader.py and test_when_reader_properties.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from infoview_tui.domain.dates import (
    add_business_days,
    is_business_day,
    next_working_day,
    week_start,
)

REPO = Path(__file__).resolve().parents[2]


# ----- the computer's own zone ------------------------------------------------------------------

LOCAL_ZONE_CODE = """
from datetime import datetime
from infoview_tui.clock import LOCAL
from infoview_tui.domain.when_reader import DateError, parse_when
now = datetime(2026, 10, 24, 12, tzinfo=LOCAL)
print(now.utcoffset())
print(parse_when('31/10 9:00', now).at.isoformat())
twice = parse_when('25/10 01:30', now)
print(twice.at.isoformat(), any('happens twice' in n for n in twice.notes))
try:
    parse_when('28/3/2027 01:30', now)
except DateError as err:
    print('refused', 'does not exist' in str(err))
"""


def test_the_real_clock_follows_the_computers_daylight_saving_rules():
    """Clock.now() carries the computer's zone with its rules, not a fixed offset: a meeting
    typed in October for a day after the change keeps its wall-clock time, a time that happens
    twice is said, and one that never happens is refused."""
    env = {**os.environ, "TZ": "Europe/London", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", LOCAL_ZONE_CODE], env=env, capture_output=True, text=True,
        check=True,
    ).stdout.splitlines()  # fmt: skip
    assert out == [
        "1:00:00",
        "2026-10-31T09:00:00+00:00",
        "2026-10-25T01:30:00+01:00 True",
        "refused True",
    ]


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
