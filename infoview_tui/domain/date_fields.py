"""What each date field accepts, and the line that shows what it will keep before it does.

The reader (`when_reader.parse_when`) says what a phrase means; a field decides whether that
is acceptable here: a meeting needs a time and, once planned, a moment still ahead; a
follow-up needs a day, today or later (or, when recording one already late, any day, said to
be overdue). The preview and the Enter key use the same function, so the preview never
promises what Enter then refuses. Moments are compared in UTC: in the hour the clocks go
back, 02:10 can come after 02:40.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from .timefmt import full_date, full_datetime, relative_day, until
from .when_reader import NEXT_RULE, DateError, When, parse_when

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


def _clock_text(hour: int, minute: int = 0) -> str:
    """'3pm', '2:30pm'."""
    shown = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return f"{shown}{'pm' if hour >= 12 else 'am'}"


# A time to suggest for each part of the day, and the last hour that still belongs to it.
_PART_TIMES = {"morning": (10, 11), "afternoon": (15, 17), "evening": (19, 23), "night": (21, 23)}


def _time_examples(text: str, when: When, now: datetime) -> tuple[str, ...]:
    """Times to add to a day typed alone, each still ahead of `now` (two when there are)."""
    typed = text.strip()
    hour, last = _PART_TIMES.get(when.part_of_day, (15, 23))
    if when.day != now.date():
        return f"{typed} {_clock_text(hour)}", f"{typed} {_clock_text(hour - 1, 30)}"
    # Today: times still to come in that part of the day, whole hours if two are left.
    start = max(hour * 60, now.hour * 60 + now.minute + 1)
    slots = [m for m in range(start, (last + 1) * 60) if m % 30 == 0]
    whole = [m for m in slots if m % 60 == 0][:2]
    chosen = whole if len(whole) == 2 else slots[:2]
    examples = [f"{typed} {_clock_text(*divmod(m, 60))}" for m in chosen]
    if len(examples) == 1:
        part = f" {when.part_of_day}" if when.part_of_day else ""
        examples.append(f"tomorrow{part} {_clock_text(hour)}")
    return tuple(examples)


def meeting_time(text: str, now: datetime, *, day_first: bool, allow_past: bool) -> Reading:
    """A meeting's date and time. Empty text clears it; a day alone asks for the time."""
    if not text.strip():
        return Reading(None, "no date")
    zone = now.tzinfo
    when = parse_when(text, now, day_first=day_first)
    if when.at is None and when.day < now.date() and not allow_past:
        raise DateRefused(
            f"{full_date(when.day)} has already passed. A meeting being planned needs a later day.",
            _later_examples(text, when, now),
        )
    if when.at is None:
        part = f" in the {when.part_of_day}" if when.part_of_day else ""
        examples = _time_examples(text, when, now)
        if not examples:  # "this morning" in the afternoon, "today" at 23:30
            over = (
                f"The {when.part_of_day} of {full_date(when.day)} is over"
                if when.part_of_day
                else f"{full_date(when.day)} is nearly over"
            )
            raise DateRefused(
                f"{over}. A meeting being planned needs a later time.",
                ("tomorrow 10am", f"tomorrow {when.part_of_day or 'afternoon'} "
                 f"{_clock_text(_PART_TIMES.get(when.part_of_day, (15, 0))[0])}"),
            )  # fmt: skip
        raise DateRefused(f"{full_date(when.day)}: at what time{part}? Add it.", examples)
    floor = now.astimezone(UTC).replace(second=0, microsecond=0)
    if not allow_past and when.at.astimezone(UTC) < floor:
        raise DateRefused(
            f"{full_datetime(when.at, zone)} has already passed. A meeting being planned needs "
            "a later time.",
            _later_examples(text, when, now),
        )
    return Reading(when.at, f"{full_datetime(when.at, zone)} ({until(when.at, now)})", when.notes)


def _later_examples(text: str, when: When, now: datetime) -> tuple[str, ...]:
    """What to type instead of a day already past: the year after, when the year was left
    out ("1 jun" in November); else days still ahead."""
    day, typed = when.day, text.strip()
    if when.year_guessed:
        later = f"{typed} {day.year + 1} 3pm" if when.at is None else f"{typed} {day.year + 1}"
        return (later, "tomorrow 2pm")
    if day == now.date():
        today = When(day, part_of_day=when.part_of_day)
        ahead = (*_time_examples("today", today, now)[:2], "tomorrow 2pm")
        return ahead if len(ahead) >= 2 else (*ahead, "tomorrow 10am")  # late at night
    return ("tomorrow 2pm", "in 2 hours", f"next {now:%a} 10am".lower())


def due_day(
    text: str,
    now: datetime,
    *,
    day_first: bool,
    allow_past: bool = False,
    was_due: date | None = None,
) -> Reading:
    """A follow-up's day. A time typed with it is not kept.

    The past is refused unless `allow_past` (recording a follow-up that is already late),
    where it is kept and said to be overdue. `was_due`: the day it was due before, when
    moving it; moving it earlier is allowed but said plainly.
    """
    when = parse_when(text, now, day_first=day_first)
    today = now.date()
    if not when.day_given:
        assert when.at is not None
        raise DateRefused(
            f"{text.strip()!r} reads as a time ({when.at:%H:%M}); a follow-up needs a day.",
            ("in 3 days", "fri", "the 3rd"),
        )
    day = when.day
    if day < today and not allow_past:
        examples = ("today", "tomorrow", "in 3 days")
        if when.year_guessed:
            examples = (f"{text.strip()} {day.year + 1}", "today", "tomorrow")
        raise DateRefused(
            f"{full_date(day)} has already passed. Pick today or a later day.", examples
        )
    notes = list(when.notes)
    if when.at is not None:
        notes.append("Follow-ups keep the day; the time is not kept.")
    warning = ""
    if day < today:
        warning = "This is already overdue."
    elif was_due is not None and day < was_due:
        warning = f"That is earlier than it was due ({full_date(was_due)})."
    return Reading(day, f"{full_date(day)} ({relative_day(day, today)})", tuple(notes), warning)
