"""Reading a date and time as people type them, and saying what was assumed.

A small grammar of our own rather than a general parser: python-dateutil's parser (used
before) read "10.30am" as 10:00 and a lone "2" as the 2nd of the month without a word, and
raised errors of its own on odd input. Here every phrase either reads one way, or reads the
sensible way with a note saying so ("2 read as 14:00"), or is refused with a message that names
what was not understood. Tokens fill slots (a day, a time, an offset, a zone) in any order, so
"2pm tomorrow" and "tomorrow at 2pm" agree; two slots that disagree ("thu 4/12" when 4 Dec is a
Friday) are refused with both days named.

Every refusal carries two or three phrasings that do read (`DateError.examples`), checked
here before they are shown.

Rules worth knowing:
- `next tue` is Tuesday of next week (weeks start on Monday); `tue` is the coming Tuesday.
  `next tue`, `last fri`, `fri after next` and `friday week` each name one day, so a date
  beside them must be that day.
- A bare hour without am/pm is read from 7 to 11 as morning and from 1 to 6 as afternoon.
- A date without a year is this year's, unless that was more than half a year ago.
- Hours and minutes ("in 90 minutes") count real time; days keep the wall-clock time.
- Whether a time has passed is decided by the real moment (UTC), in the zone it was typed
  in: "mon 9am PT" at 11:00 in London is still ahead, and in the hour the clocks go back a
  time whose first pass has gone is its second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from . import date_words as words
from .date_grammar import (
    DEFAULT_EXAMPLES,
    EXAMPLES,
    ClockSpec,
    DateError,
    DaySpec,
    Slots,
    read_slots,
)
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
    year_guessed: bool = False  # a date was typed without its year ("1 jun")

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
        raise DateError(f"Could not read {text.strip()[:40]!r} as a date.") from err


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
    try:
        return _read(text, now, day_first)
    except DateError as err:
        raise _working_examples(err, now, day_first) from err


def _working_examples(err: DateError, now: datetime, day_first: bool) -> DateError:
    """The refusal with only examples that read (some are built from what was typed, like
    'tomorrow 2' for "tomorrow 2 or 3"), topped up to two from the usual ones."""
    kept: list[str] = []
    for example in err.examples:
        if len(kept) < 3 and example not in kept and _reads(example, now, day_first):
            kept.append(example)
    for example in DEFAULT_EXAMPLES:
        if len(kept) < 2 and example not in kept and _reads(example, now, day_first):
            kept.append(example)
    return err.with_examples(tuple(kept))


def _reads(text: str, now: datetime, day_first: bool) -> bool:
    try:
        _read(text, now, day_first)
    except (ValueError, OverflowError, ArithmeticError, IndexError, KeyError):
        return False
    return True


def _read(text: str, now: datetime, day_first: bool) -> When:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if len(text) > MAX_TEXT:
        raise DateError(f"That is too long for a date ({len(text)} characters).")
    raw = normalize(text)
    if not raw:
        raise DateError("Type a date.")
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
        raise DateError(
            f"{raw} is not a date on the calendar: check the month and the day.",
            (f"{raw[:4]}-12-03", "3 Dec"),
        ) from err
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

FIXED_MODS = ("next", "last", "after next", "week")  # a weekday with one of these is one day

# The hours each part of the day covers (24-hour), and a time in it to offer as an example.
PART_HOURS: dict[str, tuple[range, ...]] = {
    "morning": (range(5, 12),),
    "afternoon": (range(12, 18),),
    "evening": (range(17, 24),),
    "tonight": (range(17, 24),),
    "night": (range(18, 24), range(0, 5)),
}
PART_EXAMPLE = {"morning": "10am", "afternoon": "3pm", "evening": "7pm", "tonight": "8pm",
                "night": "10pm"}  # fmt: skip
PART_SYNONYMS = {"morn": "morning", "eve": "evening", "am": "morning", "pm": "afternoon"}


def _part(word: str) -> str:
    return PART_SYNONYMS.get(word, word)


def _part_words(part: str) -> str:
    return {"tonight": "tonight", "night": "at night"}.get(part, f"in the {part}")


def _part_phrase_example(part: str, day: str = "tomorrow") -> str:
    """A phrase that names the part of the day with a time in it: 'tomorrow evening 7pm'."""
    if part == "tonight":
        return "tonight 8pm"
    return f"{day} {part} {PART_EXAMPLE.get(part, '3pm')}"


def _resolve(s: Slots, raw: str, now: datetime, day_first: bool) -> When:
    zone = s.zone[0] if s.zone else now.tzinfo
    assert zone is not None
    notes = list(s.notes)
    if len(s.clocks) > 1:
        shown = " and ".join(repr(c.text) for c in s.clocks)
        each = tuple(" ".join(raw.replace(c.text, " ", 1).split()) for c in reversed(s.clocks))
        raise DateError(f"Two times given ({shown}); which one?", each)
    clock = s.clocks[0] if s.clocks else None
    if clock is not None and clock.special == "now":
        if s.days or s.offsets:
            raise DateError(
                "'now' is already a moment; leave out the other day or time.",
                ("now", "in 10 minutes", "tomorrow 2pm"),
            )
        moment = now.replace(second=0, microsecond=0)
        return When(moment.date(), moment, tuple(notes))
    wall: time | None = None
    next_day = False  # midnight: the end of the day named
    if clock is not None:
        wall, next_day = _wall_time(clock, s, notes)
    today = now.date()
    offset_minutes = sum(o.minutes for o in s.offsets)
    offset_days = sum(o.days for o in s.offsets)
    offset_months = sum(o.months for o in s.offsets)
    anchored = any(o.anchored for o in s.offsets)

    if offset_minutes:
        if s.days or clock is not None or anchored:
            raise DateError(
                "Give either a number of hours or minutes or a day and a time, not both.",
                ("in 90 minutes", "tomorrow 2pm"),
            )
        moment = now
        if offset_days or offset_months:
            moment = _shift(now, int(offset_days), offset_months)
        moment = (moment.astimezone(UTC) + timedelta(minutes=offset_minutes)).astimezone(now.tzinfo)
        moment = moment.replace(second=0, microsecond=0)
        _check_range(moment.date(), now, raw)
        return When(moment.date(), moment, tuple(notes))

    ends = [d for d in s.days if d.mod == "end"]  # fri eod: the end of Friday
    if ends and len(ends) < len(s.days):
        s.days = [d for d in s.days if d.mod != "end"]
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
    zone_today = now.astimezone(zone).date() if s.zone else today
    for spec in s.days:
        if offset_week_weekday and spec is weekday_specs[0]:
            target = today + timedelta(days=int(offset_days))
            day = target - timedelta(days=target.weekday()) + timedelta(days=spec.value)
            name = words.WEEKDAY_NAMES[spec.value].title()
            weeks = int(offset_days) // 7
            which = {0: "this week", 1: "next week"}.get(weeks, f"the week {weeks} weeks from now")
            notes.append(f"The {name} of {which}.")
            candidates.append((f"{spec.text} {s.offsets[0].text}", day, None))
            continue
        day = _day_of(spec, today, zone_today, now, zone, clock, wall, notes)
        plain_weekday = spec.kind == "weekday" and spec.mod not in FIXED_MODS
        plain_weekday = plain_weekday and not spec.text.endswith("this week")
        candidates.append((spec.text, day, spec.value if plain_weekday else None))
    if s.offsets and not offset_week_weekday:
        if anchored:
            if not candidates:
                raise DateError("Counted from which day?", ("a week from tomorrow", "in a week"))
            anchor_day = candidates[-1][1]
            label = candidates[-1][0]
            candidates = candidates[:-1]
            day = _shift_day(anchor_day, int(offset_days), offset_months)
            words_said = _offset_words(s)
            candidates.append((f"{words_said} from {label}", day, None))
            if any(o.said_after for o in s.offsets):
                notes.append(f"{words_said.capitalize()} from {label}: {_day_words(day)}.")
        else:
            shifted = _shift_day(today, int(offset_days), offset_months)
            candidates.append((_offset_words(s), shifted, None))

    if not candidates and clock is None:
        if s.hint:
            word = s.hint_word
            raise DateError("Which day?", (f"tomorrow {word}", f"fri {word} 10"))
        raise DateError(f"There is no day or time in {raw!r}.")

    day_given = bool(candidates)
    if candidates:
        day = _agreed_day(candidates, clock, today)
    else:  # a time alone: the next time the clock shows it
        assert wall is not None
        day = now.astimezone(zone).date()
        if not next_day and _passed(datetime.combine(day, wall), zone, now):
            day += timedelta(days=1)
            notes.append(f"{wall:%H:%M} has passed today, so tomorrow.")
    _check_range(day, now, raw)
    year_guessed = any(
        d.kind == "date" and d.value[1] is not None and d.value[2] is None for d in s.days
    )
    if wall is None:
        return When(day, None, tuple(notes), day_given, _part_name(s), year_guessed)
    if next_day:
        notes.append(f"Midnight at the end of {_day_words(day)}.")
        day += timedelta(days=1)
    when = _placed(datetime.combine(day, wall), zone, now, notes, s.zone, day_given)
    return When(when.day, when.at, when.notes, day_given, "", year_guessed)


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
    part = _part(s.hint_word)
    if not meridiem and end is not None and end.meridiem in ("am", "pm"):
        # 2-3pm: the start takes the end's half of the day when that keeps it first.
        end_hour = _with_meridiem(end.hour, end.meridiem)
        same = _with_meridiem(hour, end.meridiem)
        meridiem = end.meridiem if same <= end_hour else ("am" if end.meridiem == "pm" else "pm")
    if meridiem in ("am", "pm"):
        if s.hint and s.hint != meridiem and s.hint_word not in ("am", "pm"):
            raise DateError(
                f"{clock.text!r} and {s.hint_word!r} disagree; which did you mean?",
                (f"{_day_said(s)} {clock.text}", _part_phrase_example(part, _day_said(s))),
            )
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
    if part in PART_HOURS and not any(hour in hours for hours in PART_HOURS[part]):
        raise DateError(
            f"{clock.text!r} is not {_part_words(part)}; which did you mean?",
            (f"{_day_said(s)} {clock.text}", _part_phrase_example(part, _day_said(s))),
        )
    if s.range_end is not None:
        notes.append(f"Starts at {hour:02d}:{minute:02d}; the end time is not kept.")
    return time(hour, minute), False


def _day_said(s: Slots) -> str:
    """The day typed beside a part of the day, for an example: 'today' for "tonight"."""
    if any(d.kind == "rel" and d.value == 0 for d in s.days):
        return "today"
    return s.days[0].text if s.days else "tomorrow"


def _with_meridiem(hour: int, meridiem: str) -> int:
    return hour % 12 + (12 if meridiem == "pm" else 0)


def _day_of(
    spec: DaySpec, today: date, zone_today: date, now: datetime, zone: tzinfo,
    clock: ClockSpec | None, wall: time | None, notes: list[str],
) -> date:  # fmt: skip
    """The day `spec` names. `zone_today`: today in the zone a time was typed in, which
    decides the coming weekday ("mon 9am PT" is Monday in California)."""
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
        if spec.mod == "week":
            day = today + timedelta(days=(index - today.weekday()) % 7 + 7)
            name = words.WEEKDAY_NAMES[index].title()
            notes.append(f"{name} week: a week after the coming {name}, {_day_words(day)}.")
            return day
        if spec.mod == "this" and spec.text.endswith("this week"):
            return this_monday + timedelta(days=index)
        ahead = (index - zone_today.weekday()) % 7
        day = zone_today + timedelta(days=ahead)
        passed = (
            wall is not None and not (clock and clock.special)
            and _passed(datetime.combine(day, wall), zone, now)
        )  # fmt: skip
        if ahead == 0 and passed and spec.mod != "this":
            assert wall is not None
            day += timedelta(days=7)
            notes.append(f"{spec.text.title()} {wall:%H:%M} has passed today, so next week's.")
        return day
    if spec.kind == "week":
        if spec.mod == "this":
            raise DateError("Which day this week?", ("fri", "thu 2pm"))
        weeks = {"next": 1, "last": -1, "after next": 2}[spec.mod]
        return this_monday + timedelta(days=7 * weeks)
    if spec.kind == "weekend":
        weeks = {"this": 0, "next": 1, "last": -1}[spec.mod or "this"]
        return this_monday + timedelta(days=5 + 7 * weeks)
    if spec.kind == "month":
        months = {"this": 0, "next": 1, "last": -1}[spec.mod]
        if months == 0:
            raise DateError("Which day this month?", ("the 15th", "the 28th"))
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
        raise DateError(f"{text} is not a date: there is no month {month}.", ("3 Dec", "the 3rd"))
    if not 1 <= day <= 31:
        raise DateError(f"{text} is not a date: there is no day {day}.", ("3 Dec", "the 3rd"))
    if year is not None and not 1900 <= year <= 2200:
        raise DateError(
            f"{text}: {year} is too far away for a plan. Check the year.", ("3 Dec", "3 Dec 2027")
        )
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
        raise DateError(f"There is no {text[4:]} day in a month.", ("the 3rd", "the 28th"))
    name = words.MONTH_NAMES[month - 1].title()
    after = f" {year}" if year is not None else ""
    next_month = words.MONTH_NAMES[month % 12][:3].title()
    if (day > 29 and month == 2) or day > 31 or (day == 31 and month in (4, 6, 9, 11)):
        longest = 29 if month == 2 else calendar.monthrange(2026, month)[1]
        raise DateError(
            f"{text} is not a date: {name} has {longest} days.",
            (f"{longest if month != 2 else 28} {name[:3]}{after}", f"1 {next_month}{after}"),
        )
    if year is not None:
        if day == 29 and month == 2 and not calendar.isleap(year):
            raise DateError(
                f"{text} is not a date: {year} has no 29 February.",
                (f"28 Feb {year}", f"1 Mar {year}"),
            )
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


def _day_example(day: date, today: date, clock: ClockSpec | None, weekday: bool = False) -> str:
    """A day as a phrase that reads the same in either day/month order: 'tue 8 Dec 10am'."""
    parts = [f"{day:%a}".lower()] if weekday else []
    parts.append(f"{day.day} {day:%b}")
    if day.year != today.year:
        parts.append(str(day.year))
    if clock is not None:
        parts.append(clock.text)
    return " ".join(parts)


def _agreed_day(
    candidates: list[tuple[str, date, int | None]], clock: ClockSpec | None, today: date
) -> date:
    """The one day all the typed parts name; DateError naming both when two disagree.

    A weekday alone beside a date only has to be that date's weekday: "thu 3 dec" is 3 Dec.
    """
    fixed = [c for c in candidates if c[2] is None] or candidates[:1]
    first_text, first, _ = fixed[0]
    for text, day, _ in fixed[1:]:
        if day != first:
            raise DateError(
                f"{first_text!r} is {_day_words(first)} but {text!r} is {_day_words(day)}. "
                "Which did you mean?",
                (_day_example(first, today, clock), _day_example(day, today, clock)),
            )
    for text, _, weekday in candidates:
        if weekday is not None and weekday != first.weekday():
            name = words.WEEKDAY_NAMES[weekday].title()
            same_week = first + timedelta(days=weekday - first.weekday())
            raise DateError(
                f"{_day_words(first)} is a {first:%A}, not a {name} ({text!r}). Which did you "
                "mean?",
                (
                    _day_example(first, today, clock, weekday=True),
                    _day_example(same_week, today, clock, weekday=True),
                ),
            )
    return first


def _check_range(day: date, now: datetime, raw: str) -> None:
    if day.year > now.year + MAX_AHEAD_YEARS or day.year < 1900:
        raise DateError(
            f"{raw!r} is {day.year}: too far away for a plan. Check the year.",
            ("3 Dec", "in 3 months"),
        )


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _passed(wall: datetime, zone: tzinfo, now: datetime) -> bool:
    """Whether the wall-clock time `wall` in `zone` is no longer ahead of `now` (to the
    minute). A time the clocks skip is not passed: placing it refuses it."""
    moment = _moment(wall, zone, now)
    return moment is not None and _utc(moment) <= _utc(now.replace(second=0, microsecond=0))


def _moment(wall: datetime, zone: tzinfo, now: datetime) -> datetime | None:
    """The moment a wall-clock time in `zone` means: None when the clocks skip it; when it
    happens twice, the first, unless the first has passed and the second has not."""
    first = wall.replace(tzinfo=zone, fold=0)
    if _utc(first).astimezone(zone).replace(tzinfo=None) != wall:
        return None
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        floor = _utc(now.replace(second=0, microsecond=0))
        if _utc(first) < floor <= _utc(second):
            return second
    return first


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
    moment = _moment(wall, zone, now)
    if moment is None:
        before = first.utcoffset() or timedelta(0)
        after = second.utcoffset() or timedelta(0)
        jump = abs(after - before)
        earlier = (wall - jump).strftime("%H:%M")
        later = (wall + jump).strftime("%H:%M")
        day = wall.date()
        raise DateError(
            f"{wall:%H:%M} on {_day_words(day)} does not exist {where}: the clocks jump forward "
            "that night.",
            (f"{day.day} {day:%b %Y} {later}", f"{day.day} {day:%b %Y} {earlier}"),
        )
    if first.utcoffset() != second.utcoffset():
        which = (
            "the first has passed, so this is the second"
            if moment.fold
            else "this is the first"
        )  # fmt: skip
        notes.append(
            f"{wall:%H:%M} on {_day_words(wall.date())} happens twice {where} (the clocks go "
            f"back); {which}, {moment.tzname() or _offset_text(moment)}."
        )
    local = moment.astimezone(now.tzinfo)
    if named is not None and local.replace(tzinfo=None) != wall:
        notes.append(f"{wall:%H:%M} {named[1]} is {local:%H:%M} here, {_day_words(local.date())}.")
    return When(local.date(), local, tuple(notes), day_given)
