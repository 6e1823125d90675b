"""From tokens to slots: which day, which time, what offset, which zone a phrase names.

Each rule of `Grammar` looks at the token where the walk stands and takes what it recognises
("3 Dec", "2pm", "in 3 days", "next fri") or nothing; a token no rule takes is refused with a
"did you mean". The slots are filled in any order, so "2pm tomorrow" and "tomorrow at 2pm"
fill the same ones; `when_reader` then decides what the filled slots mean together.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import Any

from . import date_words as words
from .date_tokens import Token, tokenize

EXAMPLES = "tomorrow 2pm, next tue 10:00, 3 Dec 10am"


class DateError(ValueError):
    """What could not be understood, in words for the person who typed it."""


@dataclass
class ClockSpec:
    hour: int
    minute: int
    text: str
    meridiem: str = ""  # "am", "pm" or ""
    bare: bool = False  # a number alone: no minutes, no am/pm ("at 2", "fri 9")
    special: str = ""  # "midnight", "now"


@dataclass
class DaySpec:
    kind: str  # rel, weekday, week, date, weekend, month, month_end, week_end
    text: str
    value: Any = None
    mod: str = ""  # "", "this", "next", "last", "after next"


@dataclass
class OffsetSpec:
    months: int = 0
    days: float = 0
    minutes: float = 0
    text: str = ""
    anchored: bool = False  # "a week from fri": counted from another day, not from today


@dataclass
class Slots:
    days: list[DaySpec] = field(default_factory=list)
    clocks: list[ClockSpec] = field(default_factory=list)
    range_end: ClockSpec | None = None
    offsets: list[OffsetSpec] = field(default_factory=list)
    hint: str = ""  # am / pm from a part of the day
    hint_word: str = ""
    zone: tuple[tzinfo, str] | None = None
    notes: list[str] = field(default_factory=list)


def read_slots(raw: str, day_first: bool) -> Slots:
    """The slots a normalized phrase fills; DateError for anything not understood."""
    tokens, unread = tokenize(raw, _zone_by_place)
    if unread:
        raise DateError(f"Not sure what {unread[0]!r} means in {raw!r}. Try: {EXAMPLES}.")
    return Grammar(tokens, raw, day_first).read()


def _zone_by_place(name: str) -> tzinfo | None:
    """A zone by its place name ("europe/berlin"), from the system's zone database."""
    from zoneinfo import ZoneInfo

    place = _zone_places().get(name)
    if place is None:
        return _dateutil_zone(name)
    return ZoneInfo(place)


@functools.cache
def _zone_places() -> dict[str, str]:
    from zoneinfo import available_timezones

    return {zone.lower(): zone for zone in available_timezones()}


def _dateutil_zone(name: str) -> tzinfo | None:
    """python-dateutil carries its own zone database: used where the system has none."""
    from dateutil import tz

    return tz.gettz(name.title())


def _named_zone(word: str) -> tzinfo | None:
    place = words.ZONE_NAMES.get(word)
    if place is None:
        return None
    if place == "UTC":
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(place)
    except (ZoneInfoNotFoundError, ValueError):
        return _dateutil_zone(place)


class Grammar:
    """Walks the tokens left to right; each rule takes what it recognises or nothing."""

    def __init__(self, tokens: list[Token], raw: str, day_first: bool) -> None:
        self.t = tokens
        self.raw = raw
        self.day_first = day_first
        self.s = Slots()
        self.has_day_word = any(
            tok.kind == "word"
            and (
                tok.text in words.RELATIVE_DAYS
                or words.weekday_index(tok.text) is not None
                or words.month_index(tok.text) is not None
            )
            for tok in tokens
        )

    # small helpers: the token at i, as a word or a number, or None
    def word(self, i: int) -> str | None:
        return self.t[i].text if 0 <= i < len(self.t) and self.t[i].kind == "word" else None

    def num(self, i: int) -> int | None:
        return self.t[i].value if 0 <= i < len(self.t) and self.t[i].kind == "num" else None

    def kind(self, i: int) -> str | None:
        return self.t[i].kind if 0 <= i < len(self.t) else None

    def read(self) -> Slots:
        rules = (
            self._offset, self._half_past, self._relative, self._modified, self._weekday,
            self._month_first, self._day_first_date, self._ordinal, self._numeric_date,
            self._time, self._zone, self._part_of_day, self._range, self._filler,
        )  # fmt: skip
        i = 0
        while i < len(self.t):
            for rule in rules:
                used = rule(i)
                if used:
                    i += used
                    break
            else:
                raise self._unknown(self.t[i])
        return self.s

    def _unknown(self, tok: Token) -> DateError:
        if tok.kind == "word":
            close = difflib.get_close_matches(tok.text, words.vocabulary(), n=1, cutoff=0.75)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            return DateError(f"Not sure what {tok.text!r} means.{hint} Try: {EXAMPLES}.")
        if tok.kind == "num":
            return DateError(
                f"{tok.text!r} alone is neither a time nor a day here. For a day, type "
                f"'{tok.text} Dec' or 'the {_ordinal_text(tok.value)}'; for a time, '2pm' or "
                "'14:00'."
            )
        return DateError(f"Not sure what {tok.text!r} means in {self.raw!r}. Try: {EXAMPLES}.")

    # ----- offsets: in 3 days, +2w, an hour and a half, 2 weeks from fri, 3 days ago -----

    def _amount(self, i: int) -> tuple[float | None, int]:
        tok = self.t[i] if i < len(self.t) else None
        if tok is None:
            return None, 0
        if tok.kind == "num":
            return float(tok.value), 1
        if tok.kind == "numdate" and re.fullmatch(r"\d{1,5}\.\d{1,5}", tok.text):
            return float(tok.text), 1
        if tok.kind == "clock" and "h" in tok.text:  # "1h30" after "in"
            return None, 0
        word = tok.text if tok.kind == "word" else None
        if word in ("a", "an") and self.word(i + 1) in ("few", "several"):
            word = self.word(i + 1)
        if word in ("a", "an") and self.word(i + 1) == "couple" and self.word(i + 2) == "of":
            return 2.0, 3
        if word == "couple" and self.word(i + 1) == "of":
            return 2.0, 2
        if word == "half" and self.word(i + 1) in ("a", "an"):
            return 0.5, 2
        if word in ("few", "several", "some"):
            raise DateError(f"How many is {word!r}? Type a number, like 'in 3 days'.")
        if word is not None and word in words.NUMBER_WORDS and not tok.glued:
            return float(words.NUMBER_WORDS[word]), 1
        return None, 0

    def _offset(self, i: int) -> int:
        start = i
        lead = self.word(i) == "in" or (self.kind(i) == "sym" and self.t[i].text == "+")
        if lead:
            i += 1
        if lead and self.kind(i) == "clock" and "h" in self.t[i].text:  # in 1h30
            hours, _, minutes = self.t[i].text.partition("h")
            self.s.offsets.append(OffsetSpec(minutes=int(hours) * 60 + int(minutes), text="1h30"))
            return i + 1 - start
        parts: list[tuple[float, str]] = []
        unit_tokens: list[Token] = []
        while True:
            amount, used = self._amount(i)
            unit_word = self.word(i + used) if amount is not None else None
            if amount is None or unit_word not in words.UNITS:
                break
            unit_tokens.append(self.t[i + used])
            i += used + 1
            if self.word(i) == "and" and self.word(i + 1) == "a" and self.word(i + 2) == "half":
                amount += 0.5
                i += 3
            parts.append((amount, words.UNITS[unit_word]))
            if self.word(i) == "and" and self._amount(i + 1)[0] is not None:
                i += 1
        if not parts:
            plus_days = lead and self.t[start].text == "+" and self.num(i) is not None
            if plus_days and self.kind(i + 1) != "word":  # "+3": days
                parts.append((float(self.t[i].value), "days"))
                unit_tokens.append(self.t[i])
                i += 1
            else:
                return 0
        tail = self.word(i)
        ago = tail == "ago"
        if tail in ("ago", "later", "hence"):
            i += 1
        elif tail == "from" and self.word(i + 1) == "now":
            i += 2
            tail = "now"
        elif tail in ("from", "after") and self.word(i + 1) not in (None, "now"):
            i += 1
            tail = "from"
        glued_h = (
            len(parts) == 1
            and unit_tokens[0].text == "h"
            and unit_tokens[0].glued
            and not lead
            and tail not in ("ago", "later", "hence", "from", "now")
        )
        if glued_h:
            return 0  # "14h" alone is a time of day, as written in much of Europe
        offset = OffsetSpec(text=" ".join(tok.text for tok in self.t[start:i]))
        offset.anchored = tail == "from"
        for amount, unit in parts:
            sign = -1 if ago else 1
            if unit in ("minutes", "hours"):
                offset.minutes += sign * amount * (60 if unit == "hours" else 1)
            elif amount != int(amount):
                raise DateError(
                    f"Half {unit[:-1]}s are not on a calendar: type whole {unit} or hours."
                )
            elif unit == "months":
                offset.months += sign * int(amount)
            else:
                offset.days += sign * amount * {"days": 1, "weeks": 7, "fortnights": 14}[unit]
        if abs(offset.days) > 3660 or abs(offset.months) > 120 or abs(offset.minutes) > 527040:
            raise DateError(f"{offset.text!r} is too far away. Try a date instead, like 3 Dec.")
        self.s.offsets.append(offset)
        return i - start

    # ----- half past two, quarter to ten ---------------------------------------------------

    def _half_past(self, i: int) -> int:
        first, link = self.word(i), self.word(i + 1)
        if first not in ("half", "quarter") or link not in ("past", "to", "after"):
            return 0
        hour, used = self._amount(i + 2)
        if hour is None or hour != int(hour) or not 1 <= hour <= 12 or used != 1:
            return 0
        minute = 30 if first == "half" else 15
        h = int(hour)
        if link == "to":
            if first == "half":
                return 0
            h, minute = (h - 1) or 12, 45
        text = " ".join(tok.text for tok in self.t[i : i + 3])
        clock = ClockSpec(h, minute, text, bare=True)
        return 3 + self._meridiem(i + 3, clock)

    # ----- today, tomorrow, the day after tomorrow, now, noon, midnight ------------------------

    def _relative(self, i: int) -> int:
        word = self.word(i)
        if word is None:
            return 0
        if word == "day" and self.word(i + 1) in ("after", "before"):
            target = self.word(i + 2)
            if target in words.RELATIVE_DAYS and target not in ("today", "tonight"):
                step = 1 if self.word(i + 1) == "after" else -1
                base = words.RELATIVE_DAYS[target]
                self.s.days.append(
                    DaySpec("rel", f"the day {self.word(i + 1)} {target}", base + step)
                )
                return 3
        if word in words.RELATIVE_DAYS:
            self.s.days.append(DaySpec("rel", word, words.RELATIVE_DAYS[word]))
            if word == "tonight":
                self._set_hint("pm", "tonight")
            return 1
        if word == "now" and self.word(i - 1) != "from":
            self.s.clocks.append(ClockSpec(0, 0, "now", special="now"))
            return 1
        if word in ("noon", "midday"):
            self.s.clocks.append(ClockSpec(12, 0, word, meridiem="pm"))
            return 1
        if word == "midnight":
            self.s.clocks.append(ClockSpec(0, 0, word, special="midnight"))
            return 1
        if word == "week" and self.word(i + 1) == "after" and self.word(i + 2) == "next":
            self.s.days.append(DaySpec("week", "the week after next", mod="after next"))
            return 3
        if word == "weekend":
            self.s.days.append(DaySpec("weekend", "the weekend", mod="this"))
            return 1
        if word in ("eod", "cob", "eow", "eom"):
            kind = {"eod": "rel", "cob": "rel", "eow": "week_end", "eom": "month_end"}[word]
            self.s.days.append(DaySpec(kind, word, 0))
            return 1
        if word == "end" and self.word(i + 1) == "of":
            j = i + 2 + (self.word(i + 2) in ("the", "this"))
            what = self.word(j)
            kinds = {"day": "rel", "week": "week_end", "month": "month_end"}
            if what in kinds:
                self.s.days.append(DaySpec(kinds[what], f"end of the {what}", 0))
                return j + 1 - i
        return 0

    # ----- this / next / last / coming + weekday, week, weekend, month ------------------------

    def _modified(self, i: int) -> int:
        mod = self.word(i)
        if mod not in ("this", "next", "last", "coming", "following"):
            return 0
        mod = {"coming": "this", "following": "next"}.get(mod, mod)
        target = self.word(i + 1)
        if target is None:
            return 0
        if words.weekday_index(target) is not None:
            return 1 + self._weekday(i + 1, mod)
        if target in ("week", "weekend", "month"):
            self.s.days.append(DaySpec(target, f"{mod} {target}", mod=mod))
            return 2
        if target == "year":
            raise DateError(f"Which day {mod} year? Type it, like 3 Mar 2027.")
        if mod == "this" and target in ("morning", "afternoon", "evening"):
            self.s.days.append(DaySpec("rel", f"this {target}", 0))
            self._set_hint(words.PARTS_OF_DAY[target], target)
            return 2
        return 0

    def _weekday(self, i: int, mod: str = "") -> int:
        word = self.word(i)
        index = words.weekday_index(word) if word else None
        if index is None:
            return 0
        used = 1
        if self.word(i + 1) == "after" and self.word(i + 2) == "next" and not mod:
            mod, used = "after next", 3
        assert word is not None
        label = f"{mod} {word}" if mod else word
        self.s.days.append(DaySpec("weekday", label.strip(), index, mod))
        return used

    # ----- dates: 3 Dec, Dec 3rd 2026, the 3rd, 3/12, 3.12.2026, 2026-12-03 -------------------

    def _year_at(self, i: int) -> tuple[int | None, int]:
        value = self.num(i)
        if value is not None and len(self.t[i].text) == 4 and 1900 <= value <= 2100:
            return value, 1
        return None, 0

    def _day_number(self, i: int) -> int | None:
        if self.kind(i) in ("num", "ordinal") and len(self.t[i].text.rstrip("stndrh")) <= 2:
            value = int(self.t[i].value)
            return value if 1 <= value <= 31 else None
        return None

    def _month_first(self, i: int) -> int:
        word = self.word(i)
        month = words.month_index(word) if word else None
        if month is None:
            return 0
        j = i + 1 + (self.word(i + 1) == "the")
        day = self._day_number(j)
        if day is None:
            year, _ = self._year_at(i + 1)
            name = words.MONTH_NAMES[month - 1].title()
            where = f"{name} {year}" if year else name
            raise DateError(f"Which day in {where}? Type it, like 3 {name[:3]} or {name[:3]} 3.")
        used = j + 1 - i
        year, more = self._year_at(i + used)
        text = " ".join(tok.text for tok in self.t[i : i + used + more])
        self.s.days.append(DaySpec("date", text, (day, month, year)))
        return used + more

    def _day_first_date(self, i: int) -> int:
        day = self._day_number(i)
        if day is None:
            return 0
        j = i + 1 + (self.word(i + 1) == "of")
        word = self.word(j)
        month = words.month_index(word) if word else None
        if month is None:
            return 0
        year, more = self._year_at(j + 1)
        text = " ".join(tok.text for tok in self.t[i : j + 1 + more])
        self.s.days.append(DaySpec("date", text, (day, month, year)))
        return j + 1 + more - i

    def _ordinal(self, i: int) -> int:
        if self.kind(i) != "ordinal":
            return 0
        day = self._day_number(i)
        if day is None:
            raise DateError(f"There is no {self.t[i].text} day in a month.")
        self.s.days.append(DaySpec("date", f"the {self.t[i].text}", (day, None, None)))
        return 1

    def _numeric_date(self, i: int) -> int:
        tok = self.t[i]
        if tok.kind == "ymd":
            y, m, d = (int(part) for part in _split(tok.text))
            self.s.days.append(DaySpec("date", tok.text, (d, m, y)))
            return 1 + (self.word(i + 1) == "t" and self.t[i + 1].glued)
        if tok.kind != "numdate":
            return 0
        parts = _split(tok.text)
        sep = next(ch for ch in tok.text if not ch.isdigit())
        after = self.word(i + 1)
        if len(parts) == 2 and after in ("am", "pm", "a", "p") and sep in ".:":
            return 0  # 11.45am: a time (read by _time)
        if len(parts) == 2 and sep in "-~" and after in ("am", "pm", "a", "p"):
            return 0  # 2-3pm: a range of times (read by _time)
        if len(parts) == 2 and sep == ".":
            a, b = parts
            dotted_time = int(a) <= 23 and len(b) == 2 and int(b) <= 59
            if dotted_time and (int(b) > 12 or self.has_day_word):
                return 0  # 9.30, fri 9.05: a time (read by _time)
        year = None
        if len(parts) == 3:
            year_text = parts[2]
            if len(year_text) == 2:
                year = 2000 + int(year_text)
            elif len(year_text) == 4:
                year = int(year_text)
            else:
                raise DateError(f"{tok.text!r}: the year should have 2 or 4 digits.")
        first, second = int(parts[0]), int(parts[1])
        day, month = (first, second) if self.day_first else (second, first)
        if month > 12 and day <= 12:
            day, month = month, day
            name = words.MONTH_NAMES[month - 1][:3].title()
            self.s.notes.append(f"Read {tok.text} as {day} {name}: {day} cannot be a month.")
        elif len(parts) == 2 and sep == "." and first <= 23 and len(parts[1]) == 2:
            name = words.MONTH_NAMES[month - 1][:3].title() if 1 <= month <= 12 else ""
            self.s.notes.append(f"Read {tok.text} as the date {day} {name}; for a time, type "
                                f"{first}:{parts[1]}.")  # fmt: skip
        if not 1 <= month <= 12:
            raise DateError(f"{tok.text} is not a date: there is no month {month}.")
        if day < 1:
            raise DateError(f"{tok.text} is not a date: there is no day {day}.")
        self.s.days.append(DaySpec("date", tok.text, (day, month, year)))
        return 1

    # ----- times: 2pm, 2:30 pm, 14:00, 14h30, 10.30am, 2p, 1030, at 2, 2 o'clock ----------

    def _meridiem(self, i: int, clock: ClockSpec) -> int:
        """Attach "am"/"pm" (or a glued "a"/"p") at i to `clock`; add it; tokens taken."""
        word = self.word(i)
        used = 0
        if word in ("am", "pm") or (word in ("a", "p") and self.t[i].glued):
            clock.meridiem = word[0] + "m"
            clock.bare = False
            clock.text += word
            used = 1
            if clock.hour > 12 or clock.hour == 0:
                raise DateError(
                    f"{clock.text!r} mixes the 24-hour and 12-hour clocks: type "
                    f"{clock.hour:02d}:{clock.minute:02d} or {clock.hour % 12 or 12}pm."
                )
        elif word == "oclock":
            used = 1
            clock.text += " o'clock"
        self.s.clocks.append(clock)
        return used

    def _time(self, i: int) -> int:
        if i >= len(self.t):
            return 0
        tok = self.t[i]
        if tok.kind == "clock":
            return 1 + self._meridiem(i + 1, read_clock(tok.text))
        if tok.kind == "numdate":
            parts = _split(tok.text)
            if len(parts) != 2:
                return 0
            if tok.text[len(parts[0])] in "-~":  # 2-3pm: from 2 to 3 in the afternoon
                if int(parts[0]) > 23 or int(parts[1]) > 23:
                    raise DateError(f"{tok.text!r} is not a range of hours. Try 2pm or 14:00.")
                start = ClockSpec(int(parts[0]), 0, parts[0], bare=True)
                end = ClockSpec(int(parts[1]), 0, parts[1])
                self.s.clocks.append(start)
                self.s.range_end = end
                used = self._meridiem(i + 1, end)
                self.s.clocks.pop()  # _meridiem adds the end; only the start is the time
                return 1 + used
            return 1 + self._meridiem(i + 1, read_clock(f"{parts[0]}:{parts[1]}", tok.text))
        if tok.kind != "num":
            return 0
        value, digits = tok.value, tok.text
        after = self.word(i + 1)
        if after in ("h",) and self.t[i + 1].glued:  # 14h
            clock = read_clock(f"{digits}:00", f"{digits}h")
            self.s.clocks.append(clock)
            return 2
        meridiem_next = after in ("am", "pm") or (after in ("a", "p") and self.t[i + 1].glued)
        if len(digits) in (3, 4):  # 930, 1030, 1400: a time written without a colon
            said_at = self.word(i - 1) == "at"
            if len(digits) == 4 and 1900 <= value <= 2100 and not (meridiem_next or said_at):
                raise DateError(
                    f"Is {digits} a year or a time? For a time type {digits[:2]}:{digits[2:]}; "
                    f"for a date add the day, like 3 Dec {digits}."
                )
            clock = read_clock(f"{digits[:-2]}:{digits[-2:]}", digits)
            if not meridiem_next:
                self.s.notes.append(f"Read {digits} as the time {digits[:-2]}:{digits[-2:]}.")
            return 1 + self._meridiem(i + 1, clock)
        if len(digits) > 2 or value > 24:
            return 0
        clock = ClockSpec(value, 0, digits, bare=True)
        if value == 24:
            clock = ClockSpec(0, 0, "24", special="midnight")
        elif value == 0 or value >= 13:
            clock.meridiem = "24h"  # 0 and 13-23 can only be one time of day
        return 1 + self._meridiem(i + 1, clock)

    # ----- zones, parts of the day, ranges, filler words -------------------------------------

    def _zone(self, i: int) -> int:
        tok = self.t[i]
        if tok.kind == "zone":
            self._set_zone(*tok.value)
            return 1
        word = self.word(i)
        if word in words.AMBIGUOUS_ZONES:
            raise DateError(
                f"{word.upper()} names zones in {words.AMBIGUOUS_ZONES[word]}. Type the place, "
                "like Asia/Kolkata or Europe/Dublin, or a UTC offset like UTC+5:30."
            )
        if word is None or word not in words.ZONE_NAMES:
            return 0
        if word == "z" and not (self.s.clocks and tok.glued):
            return 0
        zone = _named_zone(word)
        if zone is None:
            raise DateError(f"This computer does not know the zone {word.upper()}.")
        self._set_zone(zone, word.upper())
        return 1

    def _set_zone(self, zone: tzinfo, label: str) -> None:
        if self.s.zone is not None:
            raise DateError(f"Two time zones given ({self.s.zone[1]} and {label}); which one?")
        self.s.zone = (zone, label)

    def _part_of_day(self, i: int) -> int:
        word = self.word(i)
        if word not in words.PARTS_OF_DAY:
            return 0
        self._set_hint(words.PARTS_OF_DAY[word], word)
        return 1

    def _set_hint(self, hint: str, word: str) -> None:
        if self.s.hint and self.s.hint != hint:
            raise DateError(f"{self.s.hint_word!r} and {word!r} disagree; which part of the day?")
        self.s.hint, self.s.hint_word = hint, word

    def _range(self, i: int) -> int:
        tok = self.t[i]
        is_link = (tok.kind == "sym" and tok.text in "-~") or self.word(i) in (
            "to", "until", "till", "til", "through",
        )  # fmt: skip
        if not is_link or not self.s.clocks or self.s.range_end is not None:
            return 0
        before = len(self.s.clocks)
        used = self._half_past(i + 1) or self._time(i + 1)
        if not used or len(self.s.clocks) == before:
            return 0
        self.s.range_end = self.s.clocks.pop()
        return 1 + used

    def _filler(self, i: int) -> int:
        tok = self.t[i]
        if tok.kind == "word" and tok.text in words.FILLERS:
            return 1
        if tok.kind == "word" and tok.text == "t" and tok.glued:  # 2026-12-03t14:00
            return 1
        return 0


def _ordinal_text(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _split(text: str) -> list[str]:
    return re.split(r"[-/.~]", text)


def read_clock(text: str, shown: str | None = None) -> ClockSpec:
    """ "14:30", "2:30:00", "14h30" as a clock; DateError when it is no time of day."""
    shown = shown or text
    hour_text, _, rest = text.replace("h", ":", 1).partition(":")
    minute_text = rest.split(":")[0]
    if not hour_text.isdigit() or len(minute_text) != 2 or not minute_text.isdigit():
        raise DateError(f"{shown!r} is not a time of day. Try 14:00 or 2pm.")
    hour, minute = int(hour_text), int(minute_text)
    if hour == 24 and minute == 0:
        return ClockSpec(0, 0, shown, special="midnight")
    if hour > 23 or minute > 59:
        raise DateError(f"{shown!r} is not a time of day. Try 14:00 or 2pm.")
    # 1:00 to 12:59 with no leading zero may be morning or afternoon; 08:30, 0:15, 14:00 not.
    bare = 1 <= hour <= 12 and not hour_text.startswith("0")
    clock = ClockSpec(hour, minute, shown)
    clock.bare = False
    clock.meridiem = "" if bare else "24h"
    return clock
