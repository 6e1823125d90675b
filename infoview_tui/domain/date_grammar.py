"""From tokens to slots: which day, which time, what offset, which zone a phrase names.

Each rule of `Grammar` looks at the token where the walk stands and takes what it recognises
("3 Dec", "2pm", "in 3 days", "next fri") or nothing; a token no rule takes is refused with a
"did you mean". The slots are filled in any order, so "2pm tomorrow" and "tomorrow at 2pm"
fill the same ones; `when_reader` then decides what the filled slots mean together.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import Any

from . import date_words as words
from .date_tokens import Token, tokenize

DEFAULT_EXAMPLES = ("tomorrow 2pm", "next tue 10:00", "3 Dec 10am")
EXAMPLES = ", ".join(DEFAULT_EXAMPLES)


class DateError(ValueError):
    """What could not be understood, in words for the person who typed it, and two or three
    phrasings that do read (`examples`), so the next try can succeed.

    `str()` is the whole message: the problem, then "Try 'a', 'b' or 'c'."
    """

    def __init__(self, problem: str, examples: tuple[str, ...] = DEFAULT_EXAMPLES) -> None:
        self.problem = problem
        self.examples = tuple(examples)
        super().__init__(problem)

    def __str__(self) -> str:
        if not self.examples:
            return self.problem
        return f"{self.problem} Try {listed(self.examples)}."

    def with_examples(self, examples: tuple[str, ...]) -> DateError:
        """The same problem (and the same kind of error) with other examples."""
        copy = type(self)(self.problem, examples)
        copy.__cause__ = self.__cause__
        return copy


def listed(examples: tuple[str, ...]) -> str:
    """'a', 'b' or 'c'."""
    quoted = [f"'{e}'" for e in examples]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


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
    said_after: bool = False  # "a week today": the day it counts from is said after it


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
        raise DateError(f"Not sure what {unread[0]!r} means in {raw!r}.")
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


# Known words met where they do not fit: what each needs, and phrasings that use it well.
MISPLACED: dict[str, tuple[str, tuple[str, ...]]] = {
    "next": ("'next' needs a day after it.", ("next fri", "next week", "next tue 10am")),
    "following": ("'following' needs a day after it.", ("following fri", "next week")),
    "last": ("'last' needs a day after it.", ("last fri", "last week")),
    "coming": ("'coming' needs a day after it.", ("coming fri", "this fri")),
    "after": (
        "'after' needs what it is after, and alone gives no single day or time.",
        ("the day after tomorrow", "fri after next", "sat 10am"),
    ),
    "before": ("'before' gives no single day: type the day itself.", ("thu", "by fri", "3 Dec")),
    "week": ("'week' needs which week.", ("next week", "in a week", "fri next week")),
    "month": ("'month' needs which month.", ("next month", "in a month")),
    "year": ("Which day of which year?", ("3 Mar 2027", "1 jan 2027")),
    "day": ("'day' needs which day.", ("the day after tomorrow", "in 3 days")),
    "ago": ("'ago' needs how long ago.", ("3 days ago", "a week ago")),
    "later": ("'later' needs how much later.", ("3 days later", "in 2 hours")),
    "hence": ("'hence' needs how long.", ("3 days hence", "in 3 days")),
    "end": ("'end' needs of what.", ("end of the week", "end of the month")),
    "half": ("'half' needs an hour or an amount.", ("half past 2", "in half an hour")),
    "quarter": ("'quarter' needs an hour.", ("quarter past 3", "quarter to 4")),
    "past": ("'past' needs a half or a quarter and an hour.", ("half past 2", "quarter past 3")),
    "to": ("'to' needs two times, or a quarter and an hour.", ("2 to 3pm", "quarter to 4")),
    "oclock": ("'o'clock' needs an hour before it.", ("2 o'clock", "10 o'clock")),
    "am": ("'am' needs an hour before it.", ("10am", "9:30am")),
    "pm": ("'pm' needs an hour before it.", ("2pm", "2:30pm")),
}
# Words of the vocabulary that name days and months: preferred when a typo is close to two.
_DAY_WORDS = frozenset(
    {*words.WEEKDAY_NAMES, *words.WEEKDAY_EXTRA, *(d[:3] for d in words.WEEKDAY_NAMES),
     *words.MONTH_NAMES, *words.MONTH_EXTRA, *(m[:3] for m in words.MONTH_NAMES),
     *words.RELATIVE_DAYS}
)  # fmt: skip


def did_you_mean(word: str) -> str | None:
    """The known word `word` is most likely a typo of, if one is close; never `word` itself.

    Close is one letter added, dropped, changed or two swapped ("fir" -> "fri"; two for words
    of five letters or more). Day and month names win a tie: they are what a date field is for.
    """
    if len(word) < 3:
        return None
    limit = 1 if len(word) <= 4 else 2
    letters = frozenset(word)
    best: tuple[int, int, int, str] | None = None
    for known, known_letters in _known_letters():
        if known == word or abs(len(known) - len(word)) > limit:
            continue
        if len(letters - known_letters) > limit or len(known_letters - letters) > limit:
            continue  # each letter one has and the other lacks costs an edit at least
        distance = _edits(word, known)
        if distance > limit:
            continue
        prefix = len(_common_prefix(word, known))
        key = (distance, 0 if known in _DAY_WORDS else 1, -prefix, known)
        if best is None or key < best:
            best = key
    return best[3] if best else None


@functools.cache
def _known_letters() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((known, frozenset(known)) for known in words.vocabulary())


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _edits(a: str, b: str) -> int:
    """Letters to add, drop, change or swap (next to each other) to turn `a` into `b`."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _hour_examples(hour: int, minute: int) -> tuple[str, ...]:
    """One time written both ways: ('14:30', '2:30pm')."""
    twelve = f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''}"
    return f"{hour:02d}:{minute:02d}", f"{twelve}{'pm' if hour >= 12 else 'am'}"


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

    def sym(self, i: int, chars: str) -> bool:
        """A symbol out of `chars` at i, written against the token before it ("7-dec")."""
        return self.kind(i) == "sym" and self.t[i].text in chars and self.t[i].glued

    def read(self) -> Slots:
        rules = (
            self._offset, self._half_past, self._relative, self._modified, self._weekday,
            self._month_first, self._day_first_date, self._ordinal, self._numeric_date,
            self._late_year, self._time, self._zone, self._part_of_day, self._range,
            self._filler,
        )  # fmt: skip
        i = 0
        while i < len(self.t):
            for rule in rules:
                used = rule(i)
                if used:
                    i += used
                    break
            else:
                raise self._unknown(i)
        return self.s

    def _unknown(self, i: int) -> DateError:
        tok = self.t[i]
        if tok.kind == "word":
            if tok.text == "or":
                return DateError("Pick one: 'or' leaves two choices.", self._either_side(i))
            if tok.text in MISPLACED:
                return DateError(*MISPLACED[tok.text])
            if tok.text in words.UNITS:
                return DateError(
                    f"{tok.text!r} needs a number before it.", ("in 2 hours", "in 3 days")
                )
            if tok.text in words.NUMBER_WORDS:
                return DateError(f"{tok.text!r} needs what it counts.", ("in three days", "3pm"))
            if tok.text in words.vocabulary():
                return DateError(f"{tok.text!r} does not fit there in {self.raw!r}.")
            close = did_you_mean(tok.text)
            if close is None:
                return DateError(f"Not sure what {tok.text!r} means.")
            return DateError(
                f"Not sure what {tok.text!r} means. Did you mean {close!r}?",
                (_phrase(self.t, {i: close}), *DEFAULT_EXAMPLES[:2]),
            )
        if tok.kind == "num":
            examples = ("2pm", "14:00", "3 Dec")
            if 1 <= tok.value <= 31:
                examples = (f"{tok.text} Dec", f"the {_ordinal_text(tok.value)}", "2pm")
            return DateError(f"{tok.text!r} alone is neither a time nor a day here.", examples)
        return DateError(f"Not sure what {tok.text!r} means in {self.raw!r}.")

    def _either_side(self, i: int) -> tuple[str, ...]:
        """For "X or Y": the phrase with only X, and with only Y."""
        if not 0 < i < len(self.t) - 1:
            return DEFAULT_EXAMPLES
        left, right = i - 1, i + 1  # X and Y with what is glued to them ("2pm", "3:30pm")
        while left > 0 and self.t[left].glued:
            left -= 1
        while right + 1 < len(self.t) and self.t[right + 1].glued:
            right += 1
        return _phrase(self.t[:i] + self.t[right + 1 :]), _phrase(self.t[:left] + self.t[i + 1 :])

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
            raise DateError(f"How many is {word!r}? Type a number.", ("in 3 days", "in 2 weeks"))
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
        if self.word(i) == "time":  # in 3 days' time
            i += 1
        tail = self.word(i)
        ago = tail == "ago"
        anchored = said_after = False
        if tail in ("ago", "later", "hence"):
            i += 1
        elif tail == "from" and self.word(i + 1) == "now":
            i += 2
            tail = "now"
        elif tail in ("from", "after") and self.word(i + 1) not in (None, "now"):
            i += 1
            anchored = True
        elif not lead and self._british_anchor(i):  # a week today, a week on friday
            i += self.word(i) == "on"
            anchored = said_after = True
        if (
            not lead
            and len(parts) == 1
            and parts[0][1] == "hours"
            and tail not in ("ago", "later", "hence", "from", "after", "now")
            and self.kind(start) == "num"
            and _hhmm_text(self.t[start].text)
        ):
            return 0  # 1400 hrs, 0930 hours: a time of day (read by _time), not 1,400 hours
        one_h = len(parts) == 1 and unit_tokens[0].text == "h" and not lead
        if one_h and tail not in ("ago", "later", "hence", "from", "now") and not anchored:
            hour = parts[0][0]
            if unit_tokens[0].glued or (hour == int(hour) and hour <= 23):
                return 0  # "14h", "10 h": a time of day, as written in much of Europe
        shown = [tok.text for tok in self.t[start:i]]
        if said_after and shown[-1] == "on":
            shown.pop()  # a week on friday: "a week" from friday
        offset = OffsetSpec(text=" ".join(shown))
        offset.anchored = anchored
        offset.said_after = said_after
        for amount, unit in parts:
            sign = -1 if ago else 1
            if unit in ("minutes", "hours"):
                offset.minutes += sign * amount * (60 if unit == "hours" else 1)
            elif amount != int(amount):
                raise DateError(
                    f"Half {unit[:-1]}s are not on a calendar: type whole {unit} or hours.",
                    ("in 2 days", "in 36 hours"),
                )
            elif unit == "months":
                offset.months += sign * int(amount)
            else:
                offset.days += sign * amount * {"days": 1, "weeks": 7, "fortnights": 14}[unit]
        if abs(offset.days) > 3660 or abs(offset.months) > 120 or abs(offset.minutes) > 527040:
            raise DateError(
                f"{offset.text!r} is too far away for a plan.", ("3 Dec 2027", "in 3 months")
            )
        self.s.offsets.append(offset)
        return i - start

    def _british_anchor(self, i: int) -> bool:
        """After an amount: "today", "tomorrow" or "(on) friday" counts from that day."""
        word = self.word(i)
        if word in ("today", "tomorrow", "tmrw", "tmr", "tmw"):
            return True
        if word == "on":
            word = self.word(i + 1)
        return word is not None and words.weekday_index(word) is not None

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
            self.s.days.append(DaySpec(kind, word, 0, mod="end" if kind == "rel" else ""))
            return 1
        if word == "end" and self.word(i + 1) == "of":
            j = i + 2 + (self.word(i + 2) in ("the", "this"))
            what = self.word(j)
            kinds = {"day": "rel", "week": "week_end", "month": "month_end"}
            if what in kinds:
                mod = "end" if what == "day" else ""
                self.s.days.append(DaySpec(kinds[what], f"end of the {what}", 0, mod))
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
            raise DateError(f"Which day {mod} year?", ("3 Mar 2027", "1 jan 2027"))
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
        elif self.word(i + 1) == "week" and not mod and self.word(i + 2) != "after":
            mod, used = "week", 2  # friday week: British, a week after the coming Friday
        assert word is not None
        label = f"{mod} {word}" if mod else word
        if used > 1:  # said after the day: fri after next, friday week
            label = f"{word} {mod}"
        self.s.days.append(DaySpec("weekday", label, index, mod))
        return used

    # ----- dates: 3 Dec, Dec 3rd 2026, the 3rd, 3/12, 3.12.2026, 2026-12-03, 7-Dec-2026 -------

    def _year_at(self, i: int) -> tuple[int | None, int]:
        value = self.num(i)
        if value is not None and len(self.t[i].text) == 4 and 1900 <= value <= 2100:
            return value, 1
        if self.sym(i, "-/.") and self.num(i + 1) is not None and self.t[i + 1].glued:
            digits = self.t[i + 1].text  # 7-dec-2026, 07-Dec-26
            if len(digits) == 4 and 1900 <= int(digits) <= 2100:
                return int(digits), 2
            if len(digits) == 2:
                return 2000 + int(digits), 2
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
            after = f" {year}" if year else ""
            raise DateError(
                f"Which day in {where}?", (f"3 {name[:3]}{after}", f"{name[:3]} 3{after}")
            )
        used = j + 1 - i
        year, more = self._year_at(i + used)
        text = " ".join(tok.text for tok in self.t[i : i + used + more])
        self.s.days.append(DaySpec("date", text, (day, month, year)))
        return used + more

    def _day_first_date(self, i: int) -> int:
        day = self._day_number(i)
        if day is None:
            return 0
        j = i + 1
        if self.word(j) == "of":
            j += 1
        elif self.sym(j, "-/.") and self.kind(j + 1) == "word" and self.t[j + 1].glued:
            j += 1  # 7-Dec, 7/dec
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
            raise DateError(
                f"There is no {self.t[i].text} day in a month.", ("the 3rd", "the 31st")
            )
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
        if len(parts) == 2 and sep == "-" and (self.has_day_word or self.s.days):
            start, end = int(parts[0]), int(parts[1])
            if start <= 23 and end <= 23 and len(parts[1]) <= 2:
                # tomorrow 9-10: from 9 to 10; beside a day it is no date (read by _time).
                day, month = (start, end) if self.day_first else (end, start)
                if 1 <= day <= 31 and 1 <= month <= 12:
                    self.s.notes.append(
                        f"Read {tok.text} as hours, not a date (for the date, type {start}/{end})."
                    )
                return 0
        if len(parts) == 2 and sep == ".":
            a, b = parts
            dotted_time = int(a) <= 23 and len(b) == 2 and int(b) <= 59
            if dotted_time and (int(b) > 12 or int(b) == 0 or self.has_day_word):
                return 0  # 9.30, 14.00, fri 9.05: a time (read by _time); 00 is no day or month
        year = None
        if len(parts) == 3:
            year_text = parts[2]
            if len(year_text) == 2:
                year = 2000 + int(year_text)
            elif len(year_text) == 4:
                year = int(year_text)
            else:
                raise DateError(
                    f"{tok.text!r}: the year should have 2 or 4 digits.",
                    ("3/12/2026", "3/12/26"),
                )
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
        shown_day = day if 1 <= day <= 31 else 3
        if not 1 <= month <= 12:
            raise DateError(
                f"{tok.text} is not a date: there is no month {month}.",
                (f"{shown_day} Dec", f"the {_ordinal_text(shown_day)}"),
            )
        if day < 1:
            raise DateError(
                f"{tok.text} is not a date: there is no day {day}.", ("1 Dec", "the 1st")
            )
        self.s.days.append(DaySpec("date", tok.text, (day, month, year)))
        return 1

    def _late_year(self, i: int) -> int:
        """A year after the time, as e-mail and `date` write it ("Mon Dec 7 15:00:00 GMT 2026")."""
        year, used = self._year_at(i)
        if year is None or used != 1 or self.word(i - 1) == "at":
            return 0
        if self.word(i + 1) in ("am", "pm", "a", "p", "h"):
            return 0
        for spec in self.s.days:
            if spec.kind == "date" and spec.value[1] is not None and spec.value[2] is None:
                spec.value = (spec.value[0], spec.value[1], year)
                spec.text = f"{spec.text} {year}"
                return 1
        return 0

    # ----- times: 2pm, 2:30 pm, 14:00, 14h30, 10.30am, 2p, 1030, at 2, 2 o'clock ----------

    def _meridiem(self, i: int, clock: ClockSpec) -> int:
        """Attach "am"/"pm" (or a glued "a"/"p") at i to `clock`; add it; tokens taken."""
        used = 0
        if self._meridiem_at(i):
            word = self.t[i].text
            clock.meridiem = word[0] + "m"
            clock.bare = False
            clock.text += word
            used = 1
            if clock.hour > 12 or clock.hour == 0:
                raise DateError(
                    f"{clock.text!r} mixes the 24-hour and 12-hour clocks.",
                    _hour_examples(clock.hour, clock.minute),
                )
        elif self.word(i) == "oclock":
            used = 1
            clock.text += " o'clock"
        elif self.word(i) in ("h", "hrs", "hours") and _hhmm_text(clock.text) and clock.hour <= 23:
            used = 1  # 14:00h, 14:00 hrs, 1400 hours: the 24-hour clock, said again
            clock.text += self.t[i].text if self.t[i].glued else f" {self.t[i].text}"
            clock.meridiem = "24h"
            clock.bare = False
        self.s.clocks.append(clock)
        return used

    def _minutes_at(self, i: int) -> int | None:
        """Two digits at i that can be the minutes of a time ("30" in "2 30pm")."""
        value = self.num(i)
        if value is None or len(self.t[i].text) != 2 or value > 59:
            return None
        return value

    def _meridiem_at(self, i: int) -> bool:
        word = self.word(i)
        return word in ("am", "pm") or (word in ("a", "p") and self.t[i].glued)

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
                    raise DateError(
                        f"{tok.text!r} is not a range of hours.", ("2-3pm", "14:00-15:00")
                    )
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
        if value == 12 and after in ("noon", "midday", "midnight") and len(digits) <= 2:
            return 1 + self._relative(i + 1)  # 12 noon, 12 midnight: one time, said twice
        if after == "h" and len(digits) <= 2 and value <= 23:  # 14h, 10 h, 14 h 30
            minute, used = 0, 2
            if self._minutes_at(i + 2) is not None:
                minute, used = self._minutes_at(i + 2) or 0, 3
            text = " ".join(t.text for t in self.t[i : i + used])
            shown = text.replace(" ", "") if self.t[i + 1].glued else text
            clock = ClockSpec(value, minute, shown, meridiem="24h")
            if not self.t[i + 1].glued:
                self.s.notes.append(
                    f"Read {text} as {value:02d}:{minute:02d}; for a length of time, type "
                    f"'in {value} hours'."
                )
            self.s.clocks.append(clock)
            return used
        minute_after = self._minutes_at(i + 1)
        if (
            len(digits) <= 2
            and value <= 23
            and minute_after is not None
            and self._meridiem_at(i + 2)
        ):
            clock = ClockSpec(value, minute_after, f"{value}:{minute_after:02d}")
            return 2 + self._meridiem(i + 2, clock)  # 2 30pm: the colon left out
        meridiem_next = self._meridiem_at(i + 1)
        if len(digits) in (3, 4):  # 930, 1030, 1400: a time written without a colon
            said_at = self.word(i - 1) == "at"
            if len(digits) == 4 and 1900 <= value <= 2100 and not (meridiem_next or said_at):
                raise DateError(f"Which day in {digits}?", (f"3 Dec {digits}", f"{digits}-12-03"))
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
                f"{word.upper()} names zones in {words.AMBIGUOUS_ZONES[word]}: type the place "
                "or the offset from UTC.",
                ("3pm Asia/Kolkata", "3pm Europe/Dublin", "3pm UTC+5:30"),
            )
        if word is None or word not in words.ZONE_NAMES:
            return 0
        if word == "z" and not (self.s.clocks and tok.glued):
            return 0
        zone = _named_zone(word)
        if zone is None:
            raise DateError(
                f"This computer does not know the zone {word.upper()}.", ("3pm UTC", "3pm UTC+1")
            )
        self._set_zone(zone, word.upper())
        return 1

    def _set_zone(self, zone: tzinfo, label: str) -> None:
        if self.s.zone is not None:
            raise DateError(
                f"Two time zones given ({self.s.zone[1]} and {label}); which one?",
                ("3pm ET", "15:00 UTC"),
            )
        self.s.zone = (zone, label)

    def _part_of_day(self, i: int) -> int:
        word = self.word(i)
        if word not in words.PARTS_OF_DAY:
            return 0
        self._set_hint(words.PARTS_OF_DAY[word], word)
        return 1

    def _set_hint(self, hint: str, word: str) -> None:
        if self.s.hint and self.s.hint != hint:
            old = self.s.hint_word
            raise DateError(
                f"{old!r} and {word!r} disagree; which part of the day?",
                tuple(w if w == "tonight" else f"tomorrow {w}" for w in (old, word)),
            )
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
        if tok.kind == "sym" and tok.text == "~":  # ~3pm: about three
            return 1
        return 0


def _phrase(tokens: list[Token], replaced: dict[int, str] | None = None) -> str:
    """Tokens written back as a phrase, glued ones without a space ("tomorrow 2pm")."""
    out = ""
    for n, tok in enumerate(tokens):
        text = (replaced or {}).get(n, tok.value[1] if tok.kind == "zone" else tok.text)
        out += text if tok.glued and out else f" {text}"
    return out.strip()


def _hhmm_text(text: str) -> bool:
    """A time before "hrs": with a colon (14:00, 9:30) or as four digits, the way the 24-hour
    clock is said aloud (1400, 0930 hours). Not three digits: "100 hours" is a length."""
    hours, colon, minutes = text.partition(":")
    if not colon:
        hours, minutes = text[:-2], text[-2:]
        if len(text) != 4:
            return False
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return False
    return int(hours) <= 23 and int(minutes) <= 59


def _ordinal_text(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _split(text: str) -> list[str]:
    return re.split(r"[-/.~]", text)


def read_clock(text: str, shown: str | None = None) -> ClockSpec:
    """ "14:30", "2:30:00", "14h30" as a clock; DateError when it is no time of day."""
    shown = shown or text
    european = "h" in text  # 14h30, 9h15: the 24-hour clock
    hour_text, _, rest = text.replace("h", ":", 1).partition(":")
    minute_text = rest.split(":")[0]
    if not hour_text.isdigit() or len(minute_text) != 2 or not minute_text.isdigit():
        raise DateError(f"{shown!r} is not a time of day.", ("14:00", "2pm"))
    hour, minute = int(hour_text), int(minute_text)
    if hour == 24 and minute == 0:
        return ClockSpec(0, 0, shown, special="midnight")
    if hour > 23 or minute > 59:
        raise DateError(f"{shown!r} is not a time of day.", ("14:00", "2pm"))
    # 1:00 to 12:59 with no leading zero may be morning or afternoon; 08:30, 0:15, 14:00 not.
    bare = 1 <= hour <= 12 and not hour_text.startswith("0") and not european
    clock = ClockSpec(hour, minute, shown)
    clock.bare = False
    clock.meridiem = "" if bare else "24h"
    return clock
