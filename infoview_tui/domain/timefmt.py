"""Dates and times written out for people.

A day is written with its weekday, and with its year whenever that is not the current one
("Tue 29 Feb 2028"), so a date a year out never passes for one next week.
"""

from __future__ import annotations

from datetime import date, datetime


def full_datetime(when: datetime) -> str:
    """'Thu 3 Dec 2026, 14:00': unambiguous whatever the reader's day/month habit."""
    return f"{when:%a} {when.day} {when:%b %Y, %H:%M}"


def full_date(day: date) -> str:
    """'Thu 3 Dec 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_date(day: date, today: date) -> str:
    """'Thu 3 Dec', with the year when it is not `today`'s ('Tue 29 Feb 2028')."""
    if day.year != today.year:
        return full_date(day)
    return f"{day:%a} {day.day} {day:%b}"


def column_date(day: date, today: date) -> str:
    """At most 10 characters, for a table column: 'Thu 3 Dec', or "29 Feb '28" in another
    year (the row's detail gives the weekday)."""
    if day.year != today.year:
        return f"{day.day} {day:%b} '{day:%y}"
    return f"{day:%a} {day.day} {day:%b}"


def relative_day(day: date, today: date) -> str:
    """'today', 'tomorrow', 'in 3 days', '2 days ago'."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if delta > 0:
        return f"in {delta} days"
    return f"{-delta} days ago"


def until(when: datetime, now: datetime) -> str:
    """How far away a moment is: 'in 40 min', 'in 5 h', or the relative day."""
    seconds = (when - now).total_seconds()
    if 0 <= seconds < 3600:
        return f"in {max(1, round(seconds / 60))} min"
    if 0 <= seconds < 12 * 3600:
        return f"in {round(seconds / 3600)} h"
    # Days are counted in the viewer's zone, whatever offset the time was stored with.
    return relative_day(when.astimezone(now.tzinfo).date(), now.date())
