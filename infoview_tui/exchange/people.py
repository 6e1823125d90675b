"""People as an address-book file gives them, before any matching: what every reader returns.

A reader never drops anything silently: each row or card is a `Person`, a `Skip` with where it
was and why, or a warning beside a person it kept ("the date was not understood"). A file that
cannot be read at all raises `ReadError`, whose text is one sentence for the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..domain.records import ContactSource
from ..domain.validation import MAX_FIELD, MAX_NAME, clean_text

MAX_FILE_BYTES = 64 * 1024 * 1024  # an address book is a few MB; LinkedIn's 30,000 rows ~3 MB

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EMAIL_SPLIT = re.compile(r"[;,\s]+")


class ReadError(Exception):
    """The file cannot be read as contacts at all; `str(error)` says why, for people."""


class NoNameColumn(ReadError):
    """A CSV file whose header names no column of names: which column holds what must be
    said (--map on the command line, the column choice on the import screen)."""

    def __init__(self, message: str, columns: list[str], sample: list[str]) -> None:
        super().__init__(message)
        self.columns = columns  # the header row's cells
        self.sample = sample  # the first row after it, for showing what a column holds


@dataclass(frozen=True)
class Person:
    """One person from a file. `where` is how to find them in it ("row 12", "card 3 (line
    40)"); `number` orders them."""

    number: int
    where: str
    name: str
    emails: tuple[str, ...] = ()
    company: str = ""
    job_title: str = ""
    url: str = ""  # a profile URL (LinkedIn)
    phone: str = ""
    notes: str = ""
    connected_on: date | None = None
    uid: str = ""


@dataclass(frozen=True)
class Skip:
    where: str
    reason: str
    number: int = 0


@dataclass
class Contents:
    """What a reader found in a file."""

    kind: ContactSource
    label: str  # what the file is, in words: "a LinkedIn connections export (Connections.csv)"
    people: list[Person] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about rows that were kept
    notes: list[str] = field(default_factory=list)  # about the file: columns not used, ...
    columns: list[str] = field(default_factory=list)  # a CSV's header row
    sample: list[str] = field(default_factory=list)  # and its first row of people


def one_line(text: str) -> str:
    """Text for a single-line field: control characters out, runs of spaces as one."""
    return " ".join(clean_text(text).split())


def split_emails(text: str) -> tuple[list[str], list[str]]:
    """(addresses, bits that are not addresses) in a cell that may hold several."""
    good: list[str] = []
    bad: list[str] = []
    for bit in _EMAIL_SPLIT.split(text.strip()):
        bit = bit.strip().strip("<>").removeprefix("mailto:")
        if not bit:
            continue
        (good if _EMAIL.match(bit) and len(bit) <= MAX_NAME else bad).append(bit)
    return good, bad


def clip(text: str, where: str, what: str, warnings: list[str]) -> str:
    """`text` cut to the longest a field holds, saying so when it was cut."""
    if len(text) <= MAX_FIELD:
        return text
    warnings.append(f"{where}: the {what} was longer than {MAX_FIELD:,} characters and was cut.")
    return text[:MAX_FIELD]


def name_problem(name: str) -> str | None:
    if not name:
        return "no name"
    if len(name) > MAX_NAME:
        return f"a name longer than {MAX_NAME} characters"
    return None


def short(text: str, limit: int = 40) -> str:
    """A value quoted in a message, kept short."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-./]+([a-z]+)\.?[\s\-./,]+(\d{2}|\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_day(text: str) -> date | None:
    """A date as LinkedIn writes it ("26 Jul 2025"), read with a fixed English month table
    whatever the computer's language; also "26-Jul-25", "Jul 26, 2025" and "2025-07-26".
    None when it is none of these (the caller says so)."""
    raw = text.strip().casefold()
    try:
        if m := _ISO.fullmatch(raw):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_MONTH_YEAR.fullmatch(raw):
            day, month, year = int(m[1]), MONTHS.get(m[2]), int(m[3])
        elif m := _MONTH_DAY_YEAR.fullmatch(raw):
            day, month, year = int(m[2]), MONTHS.get(m[1]), int(m[3])
        else:
            return None
        if month is None:
            return None
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:  # 31 Feb
        return None
