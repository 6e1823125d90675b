"""The words the date reader knows, in one place: its vocabulary and its "did you mean" list.

English only, on purpose: these are what a person types into a date field, and a fixed table
reads the same whatever the computer's locale.
"""

from __future__ import annotations

import functools

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

# Short forms people write; any prefix of 3+ letters of a full name is read too ("wedn").
WEEKDAY_EXTRA = {"tues": 1, "tue": 1, "weds": 2, "thur": 3, "thurs": 3, "thu": 3}
MONTH_EXTRA = {"sept": 9}

RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "tmw": 1, "tomorrows": 1,
    "yesterday": -1,
}  # fmt: skip

UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "fortnight": "fortnights", "fortnights": "fortnights",
    "mo": "months", "mos": "months", "month": "months", "months": "months",
}  # fmt: skip

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "couple": 2,
}  # fmt: skip

# Parts of the day: they settle am or pm for a bare hour ("tomorrow evening at 7").
PARTS_OF_DAY = {
    "morning": "am", "morn": "am", "am": "am", "afternoon": "pm", "evening": "pm", "eve": "pm",
    "tonight": "pm", "night": "pm", "pm": "pm",
}  # fmt: skip

# Words that only join the others: "at 2", "on the 3rd of May", "by fri", "2ish". Not
# "before": "before fri" names no single day.
FILLERS = frozenset(
    {"at", "on", "the", "of", "by", "for", "around", "about", "approx", "approximately",
     "from", "starting", "start", "this", "coming", "and", "until", "till", "in", "ish"}
)  # fmt: skip

# Zones named in invitations. Each maps to a place with the zone's daylight-saving rules, so
# "3pm ET" in July is Eastern daylight time whichever of EST/EDT was written.
ZONE_NAMES = {
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "central": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "mountain": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "bst": "Europe/London", "cet": "Europe/Paris", "cest": "Europe/Paris",
    "eet": "Europe/Helsinki", "eest": "Europe/Helsinki", "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
    "jst": "Asia/Tokyo",
}  # fmt: skip
# Abbreviations that name more than one zone: asked about rather than guessed.
AMBIGUOUS_ZONES = {
    "ist": "India, Ireland or Israel",
    "ast": "Atlantic or Arabia",
    "sst": "Samoa or Singapore",
}

SPECIAL_WORDS = frozenset(
    {"now", "noon", "midday", "midnight", "next", "last", "week", "weekend", "ago", "later",
     "half", "quarter", "past", "to", "oclock", "o'clock", "end", "am", "pm", "a.m.", "p.m.",
     "after", "before", "day", "month", "year", "hence"}
)  # fmt: skip


@functools.cache
def vocabulary() -> tuple[str, ...]:
    """Every word the reader understands: the list "did you mean" picks from."""
    words = {
        *WEEKDAY_NAMES, *MONTH_NAMES, *(m[:3] for m in MONTH_NAMES),
        *(d[:3] for d in WEEKDAY_NAMES),
        *WEEKDAY_EXTRA, *MONTH_EXTRA, *RELATIVE_DAYS, *UNITS, *NUMBER_WORDS, *PARTS_OF_DAY,
        *FILLERS, *ZONE_NAMES, *SPECIAL_WORDS,
    }  # fmt: skip
    return tuple(sorted(w for w in words if len(w) > 2))


def weekday_index(word: str) -> int | None:
    """0 for Monday ... 6 for Sunday; None when `word` is no weekday."""
    if word in WEEKDAY_EXTRA:
        return WEEKDAY_EXTRA[word]
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAY_NAMES):
        if name.startswith(word) or (word.endswith("s") and name == word[:-1]):
            return index  # "fridays" too
    return None


def month_index(word: str) -> int | None:
    """1 for January ... 12 for December; None when `word` is no month."""
    if word in MONTH_EXTRA:
        return MONTH_EXTRA[word]
    if len(word) < 3:
        return None
    for index, name in enumerate(MONTH_NAMES, start=1):
        if name.startswith(word):
            return index
    return None
