"""Dates and times written out for people.

A day is written with its weekday, and with its year whenever that is not the current one
("Tue 29 Feb 2028"), so a date a year out never passes for one next week.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo


def full_datetime(when: datetime, zone: tzinfo | None) -> str:
    """'Thu 3 Dec 2026, 14:00' in the viewer's `zone` (the clock's; None: the computer's):
    unambiguous whatever the reader's day/month habit. A stored moment keeps the offset it
    was saved with (14:00-05:00), which is not the time on the viewer's wall."""
    local = when.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def local_day(when: datetime, zone: tzinfo | None) -> date:
    """The calendar day a stored moment falls on in the viewer's `zone`."""
    return when.astimezone(zone).date()


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
    """How far away a moment is: 'in 40 min', 'in 1 h 30 min', 'in 7 h', or the relative day.

    Real time (UTC): in the hour the clocks go back, 02:10 after 02:40 can be 30 minutes on.
    Counted from the minute `now` is in, as the times shown are: 18:30 is "in 1 h 30 min"
    from 17:00:40.
    """
    start = now.astimezone(UTC).replace(second=0, microsecond=0)
    seconds = (when.astimezone(UTC) - start).total_seconds()
    if 0 <= seconds < 3600:
        return f"in {max(1, round(seconds / 60))} min"
    if 0 <= seconds < 6 * 3600:  # a few hours: to the minute ("in 1 h 30 min")
        hours, minutes = divmod(round(seconds / 60), 60)
        return f"in {hours} h {minutes} min" if minutes else f"in {hours} h"
    if 0 <= seconds < 12 * 3600:
        return f"in {round(seconds / 3600)} h"
    # Days are counted in the viewer's zone, whatever offset the time was stored with.
    return relative_day(when.astimezone(now.tzinfo).date(), now.date())
