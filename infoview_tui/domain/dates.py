"""Dates as people type them, and the calendar rules built on days.

python-dateutil parses "Thu 2pm", "Dec 3 2pm" and "3/12 14:00", but not relative words, so
"today", "tomorrow", "next tuesday", "in 2 days" and "+3d" are read here first. Day/month
order ("3/12") follows the user's setting. Results are aware datetimes in `now`'s zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKEND = frozenset({5, 6})
DEFAULT_TIME = time(9, 0)  # a date typed without a time: the start of a working morning

_UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes", "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours",
    "hours": "hours", "d": "days", "day": "days", "days": "days", "w": "weeks",
    "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "month": "months", "months": "months",
}  # fmt: skip
_PHRASES = {"next week": ("weeks", 1), "next month": ("months", 1), "a week": ("weeks", 1)}
_RELATIVE = re.compile(r"^(?:in\s+|\+)?(\d{1,3})\s*([a-z]+)(?:\s+from\s+now)?$")
_LEADING_DAY = re.compile(r"^(today|tomorrow|tmrw|tmr|(?:next|this)\s+([a-z]+)|([a-z]+))\b\s*(.*)$")


class DateError(ValueError):
    """What could not be understood, in words for the person who typed it."""


@dataclass(frozen=True)
class When:
    at: datetime
    has_time: bool  # False: only a day was given, `at` holds DEFAULT_TIME


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def _at(day: date, clock_time: time | None, now: datetime) -> When:
    moment = datetime.combine(day, clock_time or DEFAULT_TIME, tzinfo=now.tzinfo)
    return When(moment, clock_time is not None)


def _time_only(text: str, now: datetime) -> time | None:
    """A time of day ("2pm", "14:30", "noon"), or None when `text` is empty."""
    text = _dotted_time(text.strip().removeprefix("at ").strip())
    if not text:
        return None
    if text in ("noon", "midday"):
        return time(12, 0)
    from dateutil import parser

    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    try:
        parsed = parser.parse(text, default=midnight)
    except (ValueError, OverflowError) as err:
        raise DateError(f"Could not read the time {text!r}. Try 14:00 or 2pm.") from err
    if parsed.date() != now.date():  # there was a date in it, not just a time
        raise DateError(f"{text!r} is not a time of day. Try 14:00 or 2pm.")
    return parsed.time().replace(second=0, microsecond=0)


def parse_when(text: str, now: datetime, *, day_first: bool = True) -> When:
    """Read a typed date and time; raise DateError with a helpful message."""
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    if not raw:
        raise DateError("Type a date, for example: tomorrow 2pm, Thu 14:00, 3 Dec 10am.")
    relative = _RELATIVE.match(raw)
    if raw.removeprefix("in ") in _PHRASES or (relative and relative.group(2) in _UNITS):
        if relative:
            amount, unit = int(relative.group(1)), _UNITS[relative.group(2)]
        else:
            unit, amount = _PHRASES[raw.removeprefix("in ")]
        from dateutil.relativedelta import relativedelta

        if unit in ("minutes", "hours"):
            # Real time passing: count in UTC, so a clock change adds no hour and skips none.
            moment = (now.astimezone(UTC) + timedelta(**{unit: amount})).astimezone(now.tzinfo)
            return When(moment.replace(second=0, microsecond=0), True)
        moment = now + relativedelta(**{unit: amount})
        return _at(moment.date(), None, now)  # a day away: the day counts, not the minute
    leading = _LEADING_DAY.match(raw)
    if leading:
        word, named, bare = leading.group(1), leading.group(2), leading.group(3)
        rest = leading.group(4)
        day = None
        if word == "today":
            day = now.date()
        elif word in ("tomorrow", "tmrw", "tmr"):
            day = now.date() + timedelta(days=1)
        elif named is not None and _weekday(named) is not None:
            ahead = (_weekday(named) - now.weekday()) % 7
            if word.startswith("next"):
                ahead = ahead or 7  # "next monday" on a Monday is a week away
            day = now.date() + timedelta(days=ahead)
        elif bare is not None and _weekday(bare) is not None and not _has_digits_date(rest):
            ahead = (_weekday(bare) - now.weekday()) % 7
            day = now.date() + timedelta(days=ahead)
            clock_time = _time_only(rest, now)
            # "Thu 2pm" on a Thursday after 2pm means next Thursday.
            if ahead == 0 and clock_time is not None and clock_time <= now.time():
                day += timedelta(days=7)
            return _at(day, clock_time, now)
        if day is not None:
            return _at(day, _time_only(rest, now), now)
    if re.fullmatch(r"(at\s+)?(noon|midday|\d{1,2}(:\d{2})?\s*(am|pm)|\d{1,2}:\d{2})", raw):
        clock_time = _time_only(raw, now)
        assert clock_time is not None
        day = now.date() if clock_time > now.time() else now.date() + timedelta(days=1)
        return _at(day, clock_time, now)  # a time alone: the next time the clock shows it
    return _absolute(raw, now, day_first)


def _has_digits_date(rest: str) -> bool:
    """A date after a weekday ("fri 4/12", "fri 4 dec"); "fri 9.30" is a time."""
    return bool(re.match(r"^\d{1,2}[/-]\d{1,2}", rest) or re.match(r"^\d{1,2}\s+[a-z]{3}", rest))


_DOTTED = re.compile(r"^(\d{1,2})\.(\d{2})(?=$|\s)")


def _dotted_time(text: str) -> str:
    """'9.30' and '9.30pm' are times of day: written 9:30."""
    return _DOTTED.sub(r"\1:\2", text)


def _absolute(raw: str, now: datetime, day_first: bool) -> When:
    from dateutil import parser

    dotted = re.match(r"^(\d{1,2})\.(\d{1,2})(\.\d{2,4})?(?=$|\s)", raw)
    if dotted and dotted.group(3) is None and int(dotted.group(2)) > 12:
        raw = _dotted_time(raw)  # 9.30 or 14.45: a time of day
    elif dotted:  # 3.12 or 3.12.2026: a date, read with the day/month setting
        raw = raw.replace(".", "/", 2 if dotted.group(3) else 1)
    try:  # ISO 8601 first: day-first reading would turn 2026-12-03 into 12 March
        iso = datetime.fromisoformat(raw.upper().replace(" ", "T", 1))
    except ValueError:
        pass
    else:
        has_time = ":" in raw
        moment = iso if has_time else datetime.combine(iso.date(), DEFAULT_TIME)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=now.tzinfo)
        return When(moment.astimezone(now.tzinfo), has_time)
    year_typed = bool(re.search(r"\b\d{4}\b", raw))
    parsed = None
    # No year typed: the first year in which the date exists and is not half a year gone
    # ("31/1" in November is next January; "29/2" waits for a leap year).
    for year in range(now.year, now.year + (1 if year_typed else 9)):
        base = datetime(year, now.month, min(now.day, 28))
        try:
            candidate, tokens = parser.parse(
                raw, default=base, dayfirst=day_first, fuzzy_with_tokens=True
            )
        except (ValueError, OverflowError):
            continue
        if year_typed or (now.date() - candidate.date()).days <= 183:
            parsed = candidate
            break
    if parsed is None:
        raise DateError(
            f"Could not read {raw!r} as a date. Try: tomorrow 2pm, next tue 10:00, "
            "in 3 days, Thu 14:00, 3 Dec 10am, 2026-12-03 14:00."
        )
    leftover = " ".join(t.strip() for t in tokens if t.strip() and t.strip() not in ("at", "on"))
    if leftover:
        raise DateError(f"Not sure what {leftover!r} means in {raw!r}.")
    has_time = bool(re.search(r"\d:\d|\d\s*(am|pm)\b|\bnoon\b", raw))
    if not has_time:
        parsed = datetime.combine(parsed.date(), DEFAULT_TIME)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=now.tzinfo)
    else:
        parsed = parsed.astimezone(now.tzinfo)
    return When(parsed.replace(second=0, microsecond=0), has_time)


# ----- calendar rules --------------------------------------------------------------------------


def is_business_day(day: date) -> bool:
    return day.weekday() not in WEEKEND


def add_business_days(day: date, count: int) -> date:
    """`count` business days after `day` (Monday to Friday; a weekend start counts from Monday)."""
    current = day
    added = 0
    while added < count:
        current += timedelta(days=1)
        if is_business_day(current):
            added += 1
    return current


def next_working_day(day: date, rest_days: frozenset[int] | set[int] | list[int]) -> date:
    """`day`, or the first later day that is not one of the person's rest days."""
    rest = set(rest_days)
    if len(rest) >= 7:
        return day  # every day a rest day makes no sense; do not loop forever
    while day.weekday() in rest:
        day += timedelta(days=1)
    return day


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
