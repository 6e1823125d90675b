"""Reading a date and time as people type them, and saying what was assumed.

A small grammar of our own rather than a general parser: python-dateutil's parser (used
before) read "10.30am" as 10:00 and a lone "2" as the 2nd of the month without a word, and
raised errors of its own on odd input. Here every phrase either reads one way, or reads the
sensible way with a note saying so ("2 read as 14:00"), or is refused with a message that names
what was not understood. Tokens fill slots (a day, a time, an offset, a zone) in any order, so
"2pm tomorrow" and "tomorrow at 2pm" agree; two slots that disagree ("thu 4/12" when 4 Dec is a
Friday) are refused with both days named.

Rules worth knowing:
- `next tue` is Tuesday of next week (weeks start on Monday); `tue` is the coming Tuesday.
- A bare hour without am/pm is read from 7 to 11 as morning and from 1 to 6 as afternoon.
- A date without a year is this year's, unless that was more than half a year ago.
- Hours and minutes ("in 90 minutes") count real time; days keep the wall-clock time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from . import date_words as words
from .date_grammar import EXAMPLES, ClockSpec, DateError, DaySpec, Slots, read_slots
from .date_tokens import MAX_TEXT, normalize
from .timefmt import full_date

__all__ = ["EXAMPLES", "NEXT_RULE", "DateError", "When", "parse_past_day", "parse_when"]

NEXT_RULE = "next tue = Tuesday of next week; tue = the coming one"
PAST_WINDOW = 183  # days: "3 Nov" typed in late November means this year's, which has passed
MAX_AHEAD_YEARS = 30


@dataclass(frozen=True)
class When:
    """A day, and the moment on it when a time was given; `notes` say what was assumed."""

    day: date  # the calendar day, in the zone of `now`
    at: datetime | None = None  # aware, in the zone of `now`; None when no time was given
    notes: tuple[str, ...] = ()
    day_given: bool = True  # False: only a time was typed, and the day is its next one
    part_of_day: str = ""  # "morning", "afternoon", ... said without a time

    @property
    def has_time(self) -> bool:
        return self.at is not None


# ----- reading ------------------------------------------------------------------------------


def parse_when(text: str, now: datetime, *, day_first: bool = True) -> When:
    """Read a typed date and time; raise DateError (and nothing else) with a helpful message."""
    try:
        return _parse(text, now, day_first)
    except DateError:
        raise
    except (ValueError, OverflowError, ArithmeticError, IndexError, KeyError) as err:
        # A case the grammar did not foresee must still reach the person as words.
        raise DateError(
            f"Could not read {text.strip()[:40]!r} as a date. Try: {EXAMPLES}."
        ) from err


def parse_past_day(text: str, now: datetime, *, day_first: bool = True) -> When:
    """A day looked back to (where a report starts): read as `parse_when` does, except that a
    date typed without a year, "the 3rd" or a bare weekday that would fall after today is its
    latest one on or before today, and a note says so ("25/12" in March is last Christmas)."""
    when = parse_when(text, now, day_first=day_first)
    today = now.date()
    if when.day <= today:
        return when
    slots = read_slots(normalize(text), day_first)
    if slots.offsets or len(slots.days) != 1:
        return when  # "in 3 days", "next fri": said to be ahead
    earlier = _latest_before(slots.days[0], when.day, today)
    if earlier is None:
        return when
    at = None if when.at is None else datetime.combine(earlier, when.at.timetz())
    note = f"{text.strip()} read as the last one: {full_date(earlier)}."
    return When(earlier, at, (note,), when.day_given, when.part_of_day)


def _latest_before(spec: DaySpec, ahead: date, today: date) -> date | None:
    """The latest day on or before `today` that `spec` also names, when it names a
    repeating day (a yearless date, a day of the month, a weekday) and not a fixed one."""
    import calendar

    if spec.kind == "weekday" and not spec.mod:
        return ahead - timedelta(days=7 * ((ahead - today).days // 7 + 1))
    if spec.kind != "date" or spec.value[2] is not None:
        return None
    day_n, month, _year = spec.value
    if month is None:  # the 3rd: this month's, else the latest month that has one
        when = today.replace(day=1)
        for _ in range(13):
            has_day = day_n <= calendar.monthrange(when.year, when.month)[1]
            if has_day and (candidate := when.replace(day=day_n)) <= today:
                return candidate
            when = _shift_day(when, 0, -1)
        return None
    for year in range(today.year, today.year - 9, -1):
        if day_n == 29 and month == 2 and not calendar.isleap(year):
            continue
        if (candidate := date(year, month, day_n)) <= today:
            return candidate
    return None


def _parse(text: str, now: datetime, day_first: bool) -> When:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if len(text) > MAX_TEXT:
        raise DateError(f"That is too long for a date ({len(text)} characters). Try: {EXAMPLES}.")
    raw = normalize(text)
    if not raw:
        raise DateError(f"Type a date, for example: {EXAMPLES}.")
    iso = _iso(raw, now)
    if iso is not None:
        return iso
    return _resolve(read_slots(raw, day_first), raw, now, day_first)


def _iso(raw: str, now: datetime) -> When | None:
    """2026-12-03, 2026-12-03 14:00, 2026-12-03T14:00:00-08:00 (never read day-first)."""
    if not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?",
        raw,
    ):
        return None
    try:
        moment = datetime.fromisoformat(raw.upper())
    except ValueError as err:
        raise DateError(f"{raw} is not a date on the calendar. Check the month and day.") from err
    if len(raw) == 10:
        return When(moment.date())
    notes: list[str] = []
    if moment.tzinfo is None:
        return _placed(moment.replace(second=0, microsecond=0), now.tzinfo, now, notes, None)
    moment = moment.replace(second=0, microsecond=0)
    local = moment.astimezone(now.tzinfo)
    if local.utcoffset() != moment.utcoffset():
        notes.append(f"{moment:%H:%M} at UTC{_offset_text(moment)} is {local:%H:%M} here.")
    return When(local.date(), local, tuple(notes))


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# ----- from slots to a day and a moment -------------------------------------------------------


def _resolve(s: Slots, raw: str, now: datetime, day_first: bool) -> When:
    zone = s.zone[0] if s.zone else now.tzinfo
    assert zone is not None
    notes = list(s.notes)
    if len(s.clocks) > 1:
        shown = " and ".join(repr(c.text) for c in s.clocks)
        raise DateError(f"Two times given ({shown}); which one?")
    clock = s.clocks[0] if s.clocks else None
    wall: time | None = None
    next_day = False  # midnight: the end of the day named
    if clock is not None:
        wall, next_day = _wall_time(clock, s, notes)
    today = now.date()
    offset_minutes = sum(o.minutes for o in s.offsets)
    offset_days = sum(o.days for o in s.offsets)
    offset_months = sum(o.months for o in s.offsets)
    anchored = any(o.anchored for o in s.offsets)

    if clock is not None and clock.special == "now":
        if s.days or s.offsets:
            raise DateError("'now' is already a moment; leave out the other day or time.")
        moment = now.replace(second=0, microsecond=0)
        return When(moment.date(), moment, tuple(notes))

    if offset_minutes:
        if s.days or clock is not None or anchored:
            raise DateError(
                "Give either a number of hours or minutes ('in 90 minutes') or a day and a "
                "time ('tomorrow 2pm'), not both."
            )
        moment = now
        if offset_days or offset_months:
            moment = _shift(now, int(offset_days), offset_months)
        moment = (moment.astimezone(UTC) + timedelta(minutes=offset_minutes)).astimezone(now.tzinfo)
        moment = moment.replace(second=0, microsecond=0)
        _check_range(moment.date(), now, raw)
        return When(moment.date(), moment, tuple(notes))

    candidates: list[tuple[str, date, int | None]] = []  # what was typed, its day, a weekday
    weekday_specs = [d for d in s.days if d.kind == "weekday"]
    week_specs = [d for d in s.days if d.kind == "week"]
    if len(weekday_specs) == 1 and len(week_specs) == 1 and not weekday_specs[0].mod:
        weekday_specs[0].mod = week_specs[0].mod  # fri next week = next fri
        weekday_specs[0].text = f"{weekday_specs[0].text} {week_specs[0].text}"
        s.days.remove(week_specs[0])
    offset_week_weekday = (
        s.offsets and not anchored and not offset_months and offset_days % 7 == 0
        and len(weekday_specs) == 1 and not weekday_specs[0].mod
    )  # fmt: skip
    anchor_day: date | None = None
    for spec in s.days:
        if offset_week_weekday and spec is weekday_specs[0]:
            target = today + timedelta(days=int(offset_days))
            day = target - timedelta(days=target.weekday()) + timedelta(days=spec.value)
            name = words.WEEKDAY_NAMES[spec.value].title()
            notes.append(f"The {name} of the week {int(offset_days) // 7} weeks from now.")
            candidates.append((f"{spec.text} {s.offsets[0].text}", day, None))
            continue
        day = _day_of(spec, today, now, clock, wall, notes)
        candidates.append((spec.text, day, spec.value if spec.kind == "weekday" else None))
    if s.offsets and not offset_week_weekday:
        if anchored:
            if not candidates:
                raise DateError("Counted from which day? Try 'a week from tomorrow'.")
            anchor_day = candidates[-1][1]
            label = candidates[-1][0]
            candidates = candidates[:-1]
            day = _shift_day(anchor_day, int(offset_days), offset_months)
            candidates.append((f"{_offset_words(s)} from {label}", day, None))
        else:
            shifted = _shift_day(today, int(offset_days), offset_months)
            candidates.append((_offset_words(s), shifted, None))

    if not candidates and clock is None:
        if s.hint:
            raise DateError(f"Which day? Try 'tomorrow {s.hint_word}' or 'fri {s.hint_word} 10'.")
        raise DateError(f"There is no day or time in {raw!r}. Try: {EXAMPLES}.")

    day_given = bool(candidates)
    if candidates:
        day = _agreed_day(candidates)
    else:  # a time alone: the next time the clock shows it
        assert wall is not None
        zone_now = now.astimezone(zone)
        day = zone_now.date()
        if next_day:
            pass
        elif wall <= zone_now.time().replace(second=0, microsecond=0):
            day += timedelta(days=1)
            notes.append(f"{wall:%H:%M} has passed today, so tomorrow.")
    _check_range(day, now, raw)
    if wall is None:
        return When(day, None, tuple(notes), day_given, _part_name(s))
    if next_day:
        notes.append(f"Midnight at the end of {_day_words(day)}.")
        day += timedelta(days=1)
    return _placed(datetime.combine(day, wall), zone, now, notes, s.zone, day_given)


def _part_name(s: Slots) -> str:
    return s.hint_word if s.hint_word not in ("am", "pm", "tonight") else {
        "am": "morning", "pm": "afternoon", "tonight": "evening"
    }.get(s.hint_word, "")  # fmt: skip


def _wall_time(clock: ClockSpec, s: Slots, notes: list[str]) -> tuple[time, bool]:
    """The clock's time of day, settling am or pm; True when it means the end of the day."""
    if clock.special == "midnight":
        return time(0, 0), True
    hour, minute = clock.hour, clock.minute
    meridiem = clock.meridiem
    end = s.range_end
    if not meridiem and end is not None and end.meridiem in ("am", "pm"):
        # 2-3pm: the start takes the end's half of the day when that keeps it first.
        end_hour = _with_meridiem(end.hour, end.meridiem)
        same = _with_meridiem(hour, end.meridiem)
        meridiem = end.meridiem if same <= end_hour else ("am" if end.meridiem == "pm" else "pm")
    if meridiem in ("am", "pm"):
        if s.hint and s.hint != meridiem and s.hint_word not in ("am", "pm"):
            raise DateError(f"{clock.text!r} and {s.hint_word!r} disagree; which did you mean?")
        hour = _with_meridiem(hour, meridiem)
        if clock.text.startswith("12") and meridiem == "am":
            notes.append("12am is the start of the day (00:00); for midday type noon.")
    elif meridiem != "24h":
        # 1 to 12 with no am/pm: the part of the day said, else working hours.
        if s.hint:
            hour = _with_meridiem(hour, s.hint)
            if s.hint_word == "night" and clock.hour <= 4:
                hour = clock.hour % 12
        else:
            hour = _with_meridiem(hour, "am" if 7 <= hour <= 11 else "pm")
            other = "am" if hour >= 12 else "pm"
            if clock.bare or hour != clock.hour:
                typed = f"{clock.hour}:{minute:02d}" if minute else f"{clock.hour}"
                notes.append(
                    f"Read {clock.text} as {hour:02d}:{minute:02d}; for the other, type "
                    f"{typed}{other}."
                )
    if s.range_end is not None:
        notes.append(f"Starts at {hour:02d}:{minute:02d}; the end time is not kept.")
    return time(hour, minute), False


def _with_meridiem(hour: int, meridiem: str) -> int:
    return hour % 12 + (12 if meridiem == "pm" else 0)


def _day_of(
    spec: DaySpec, today: date, now: datetime, clock: ClockSpec | None, wall: time | None,
    notes: list[str],
) -> date:  # fmt: skip
    this_monday = today - timedelta(days=today.weekday())
    if spec.kind == "rel":
        return today + timedelta(days=int(spec.value))
    if spec.kind == "weekday":
        index = int(spec.value)
        if spec.mod == "next":
            day = this_monday + timedelta(days=7 + index)
            plain = today + timedelta(days=(index - today.weekday()) % 7)
            if plain != day:
                notes.append(f"Next week's {day:%A}; '{day:%a}' alone is {_day_words(plain)}.")
            return day
        if spec.mod == "after next":
            return this_monday + timedelta(days=14 + index)
        if spec.mod == "last":
            return today - timedelta(days=(today.weekday() - index) % 7 or 7)
        if spec.mod == "this" and spec.text.endswith("this week"):
            return this_monday + timedelta(days=index)
        ahead = (index - today.weekday()) % 7
        day = today + timedelta(days=ahead)
        passed = wall is not None and wall <= now.time() and not (clock and clock.special)
        if ahead == 0 and passed and spec.mod != "this":
            day += timedelta(days=7)
            notes.append(f"{spec.text.title()} {wall:%H:%M} has passed today, so next week's.")
        return day
    if spec.kind == "week":
        if spec.mod == "this":
            raise DateError("Which day this week? Type it, like 'fri' or 'thu 2pm'.")
        weeks = {"next": 1, "last": -1, "after next": 2}[spec.mod]
        return this_monday + timedelta(days=7 * weeks)
    if spec.kind == "weekend":
        weeks = {"this": 0, "next": 1, "last": -1}[spec.mod or "this"]
        return this_monday + timedelta(days=5 + 7 * weeks)
    if spec.kind == "month":
        months = {"this": 0, "next": 1, "last": -1}[spec.mod]
        if months == 0:
            raise DateError("Which day this month? Type it, like 'the 15th'.")
        first = today.replace(day=1)
        return _shift_day(first, 0, months)
    if spec.kind == "week_end":
        return max(today, this_monday + timedelta(days=4))
    if spec.kind == "month_end":
        return _shift_day(today.replace(day=1), 0, 1) - timedelta(days=1)
    day_n, month, year = spec.value
    return _calendar_day(spec.text, day_n, month, year, today, notes)


def _calendar_day(
    text: str, day: int, month: int | None, year: int | None, today: date, notes: list[str]
) -> date:
    import calendar

    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text} is not a date: there is no month {month}.")
    if not 1 <= day <= 31:
        raise DateError(f"{text} is not a date: there is no day {day}.")
    if year is not None and not 1900 <= year <= 2200:
        raise DateError(f"{text}: {year} is too far away for a plan. Check the year.")
    if month is None:  # "the 3rd": this month's, or the next month that has it
        when = today.replace(day=1)
        for _ in range(13):
            if day <= calendar.monthrange(when.year, when.month)[1]:
                candidate = when.replace(day=day)
                if candidate >= today:
                    if candidate.month != today.month and day > 28:
                        notes.append(f"The next month with a {text[4:]} is {candidate:%B}.")
                    return candidate
            when = _shift_day(when, 0, 1)
        raise DateError(f"There is no {text[4:]} day in a month.")
    name = words.MONTH_NAMES[month - 1].title()
    if (day > 29 and month == 2) or day > 31 or (day == 31 and month in (4, 6, 9, 11)):
        longest = 29 if month == 2 else calendar.monthrange(2026, month)[1]
        raise DateError(f"{text} is not a date: {name} has {longest} days.")
    if year is not None:
        if day == 29 and month == 2 and not calendar.isleap(year):
            raise DateError(f"{text} is not a date: {year} has no 29 February.")
        return date(year, month, day)
    for candidate_year in range(today.year, today.year + 9):
        if day == 29 and month == 2 and not calendar.isleap(candidate_year):
            continue
        candidate = date(candidate_year, month, day)
        if (today - candidate).days <= PAST_WINDOW:
            if day == 29 and month == 2 and candidate_year != today.year:
                notes.append(f"The next 29 February is in {candidate_year}.")
            return candidate
    raise DateError(f"Could not place {text} on the calendar.")  # pragma: no cover


def _shift_day(day: date, days: int, months: int) -> date:
    if months:
        from dateutil.relativedelta import relativedelta  # month ends: 31 Jan + 1 month

        day = day + relativedelta(months=months)
    return day + timedelta(days=days)


def _shift(moment: datetime, days: int, months: int) -> datetime:
    day = _shift_day(moment.date(), days, months)
    return datetime.combine(day, moment.timetz())


def _offset_words(s: Slots) -> str:
    return " ".join(o.text for o in s.offsets)


def _day_words(day: date) -> str:
    return full_date(day)


def _agreed_day(candidates: list[tuple[str, date, int | None]]) -> date:
    """The one day all the typed parts name; DateError naming both when two disagree.

    A weekday beside a date only has to be that date's weekday: "thu 3 dec" is 3 Dec.
    """
    fixed = [c for c in candidates if c[2] is None] or candidates[:1]
    first_text, first, _ = fixed[0]
    for text, day, _ in fixed[1:]:
        if day != first:
            raise DateError(
                f"{first_text!r} is {_day_words(first)} but {text!r} is {_day_words(day)}. "
                "Which did you mean?"
            )
    for text, _, weekday in candidates:
        if weekday is not None and weekday != first.weekday():
            name = words.WEEKDAY_NAMES[weekday].title()
            raise DateError(
                f"{_day_words(first)} is a {first:%A}, not a {name} ({text!r}). Which did you mean?"
            )
    return first


def _check_range(day: date, now: datetime, raw: str) -> None:
    if day.year > now.year + MAX_AHEAD_YEARS or day.year < 1900:
        raise DateError(f"{raw!r} is {day.year}: too far away for a plan. Check the year.")


def _placed(
    wall: datetime,
    zone: tzinfo | None,
    now: datetime,
    notes: list[str],
    named: tuple[tzinfo, str] | None,
    day_given: bool = True,
) -> When:
    """A wall-clock time in `zone`, checked against daylight-saving changes, in now's zone."""
    assert zone is not None
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    where = f"in {named[1]}" if named else "here"
    back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != wall:
        before = first.utcoffset() or timedelta(0)
        after = second.utcoffset() or timedelta(0)
        jump = abs(after - before)
        earlier = (wall - jump).strftime("%H:%M")
        later = (wall + jump).strftime("%H:%M")
        raise DateError(
            f"{wall:%H:%M} on {_day_words(wall.date())} does not exist {where}: the clocks "
            f"jump forward that night. Try {later} or {earlier}."
        )
    if first.utcoffset() != second.utcoffset():
        notes.append(
            f"{wall:%H:%M} on {_day_words(wall.date())} happens twice {where} (the clocks go "
            f"back); this is the first, {first.tzname() or _offset_text(first)}."
        )
    local = first.astimezone(now.tzinfo)
    if named is not None and local.replace(tzinfo=None) != wall:
        notes.append(f"{wall:%H:%M} {named[1]} is {local:%H:%M} here, {_day_words(local.date())}.")
    return When(local.date(), local, tuple(notes), day_given)
