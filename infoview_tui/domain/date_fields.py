"""What each date field accepts, and the line that shows what it will keep before it does.

The reader (`when_reader.parse_when`) says what a phrase means; a field decides whether that
is acceptable here: a meeting needs a time and, once planned, a moment still ahead; a
follow-up needs a day, today or later. The preview and the Enter key use the same function, so
the preview never promises what Enter then refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .timefmt import full_date, full_datetime, relative_day, until
from .when_reader import NEXT_RULE, DateError, parse_when

__all__ = ["NEXT_RULE", "DateRefused", "Reading", "due_day", "meeting_time", "order_note"]


class DateRefused(DateError):
    """The text was understood, but this field cannot keep it (past, or a time is missing)."""


@dataclass(frozen=True)
class Reading:
    """What a date field would keep: the value, and how it is shown back."""

    value: datetime | date | None  # None: the field was emptied
    shown: str  # "Thu 3 Dec 2026, 14:00 (in 3 days)"
    notes: tuple[str, ...] = ()  # what the reader assumed, worth a glance
    warning: str = ""  # accepted, but worth a second look


def order_note(day_first: bool) -> str:
    return "3/12 is 3 December" if day_first else "3/12 is March 12"


def meeting_time(text: str, now: datetime, *, day_first: bool, allow_past: bool) -> Reading:
    """A meeting's date and time. Empty text clears it; a day alone asks for the time."""
    if not text.strip():
        return Reading(None, "no date")
    when = parse_when(text, now, day_first=day_first)
    if when.at is None:
        part = f" in the {when.part_of_day}" if when.part_of_day else ""
        example = "3pm" if when.part_of_day != "morning" else "10am"
        raise DateRefused(
            f"{full_date(when.day)}: at what time{part}? Add it, like '{text.strip()} {example}'."
        )
    if not allow_past and when.at < now.replace(second=0, microsecond=0):
        raise DateRefused(
            f"{full_datetime(when.at)} has already passed. A meeting being planned needs a "
            "later time."
        )
    return Reading(when.at, f"{full_datetime(when.at)} ({until(when.at, now)})", when.notes)


def due_day(
    text: str,
    now: datetime,
    *,
    day_first: bool,
    allow_past: bool = False,
    was_due: date | None = None,
) -> Reading:
    """A follow-up's day. A time typed with it is not kept; the past is refused unless allowed.

    `was_due`: the day it was due before, when moving it; moving it earlier is allowed but
    said plainly.
    """
    when = parse_when(text, now, day_first=day_first)
    today = now.date()
    if not when.day_given:
        assert when.at is not None
        raise DateRefused(
            f"{text.strip()!r} reads as a time ({when.at:%H:%M}); a follow-up needs a day. Try "
            "'in 3 days', 'fri' or 'the 3rd'."
        )
    day = when.day
    if day < today and not allow_past:
        raise DateRefused(f"{full_date(day)} has already passed. Pick today or a later day.")
    notes = list(when.notes)
    if when.at is not None:
        notes.append("Follow-ups keep the day; the time is not kept.")
    warning = ""
    if was_due is not None and day < was_due:
        warning = f"That is earlier than it was due ({full_date(was_due)})."
    return Reading(day, f"{full_date(day)} ({relative_day(day, today)})", tuple(notes), warning)
