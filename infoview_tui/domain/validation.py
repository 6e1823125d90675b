"""Checks on what a person typed, with messages meant for them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .records import Contact

# Generous, but a paste of a whole document into a name field is a mistake worth stopping.
MAX_NAME = 200
MAX_FIELD = 20_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


# Line ends of every kind become "\n"; they are not counted as removed.
_LINE_ENDS = {"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
# Format characters that reorder or hide text: direction embeddings, overrides and isolates
# (the "Trojan Source" characters), the deprecated shaping controls, interlinear annotation
# and a byte-order mark. Joiners, direction marks and other format characters stay.
_HIDING = {
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x2070)),
    "\ufeff",
    *map(chr, range(0xFFF9, 0xFFFC)),
    "\U000e0001",
}
_FLAG_BASE = "\U0001f3f4"  # a black flag, which tag characters turn into 🏴󠁧󠁢󠁳󠁣󠁴󠁿 and the like
_TAGS = range(0xE0020, 0xE0080)
_CANCEL_TAG = "\U000e007f"
# Any character the loop in `cleaned` would change or weigh: control characters but tab and
# newline, the other line ends, lone surrogates, the hiding ones, tags. Text without any
# (most text with line breaks) is kept as it is without a look at each character: for a
# 100,000-character paste of two lines, 0.4 ms instead of 21.6 ms, on every keystroke of a
# screen that cleans its fields as they are typed (the employer card).
_NEEDS_LOOK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\U000e0020-\U000e007f"
    + "".join(re.escape(ch) for ch in sorted(_HIDING))
    + "]"
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: int  # characters left out: control codes, overrides, stray tags


def cleaned(text: str, *, trim: bool = True) -> Cleaned:
    """`text` without what garbles a terminal or can hide text, trimmed (unless not `trim`:
    a paste into the middle of a line keeps its spaces), and how many characters that took
    out (so a screen can say so).

    Decided per character but never inside a grapheme: zero-width joiners and non-joiners,
    variation selectors, skin tones, combining marks and the tag characters of a flag
    sequence are kept, as are characters newer than this Python's Unicode tables. Removed:
    control characters other than tab and newline (a carriage return becomes a newline),
    lone surrogates, the direction overrides in `_HIDING`, and tag characters outside a flag.
    """
    if text.isprintable() or not _NEEDS_LOOK.search(text):  # nothing to take out
        return Cleaned(text.strip() if trim else text, 0)
    return _look_at_each(text, trim)


def _look_at_each(text: str, trim: bool) -> Cleaned:
    text = text.replace("\r\n", "\n")
    kept: list[str] = []
    removed = 0
    in_flag = False  # the last kept character is a flag base or one of its tags
    for ch in text:
        ch = _LINE_ENDS.get(ch, ch)
        code = ord(ch)
        if code in _TAGS:
            keep = in_flag
            if keep:
                in_flag = ch != _CANCEL_TAG  # the cancel tag ends the flag
        else:
            keep = ch in "\n\t" or not (unicodedata.category(ch) in ("Cc", "Cs") or ch in _HIDING)
            if keep:
                in_flag = ch == _FLAG_BASE
        if keep:
            kept.append(ch)
        else:
            removed += 1
    result = "".join(kept)
    return Cleaned(result.strip() if trim else result, removed)


def _attaches(text: str, i: int) -> bool:
    """text[i] belongs to the grapheme of text[i - 1] (i > 0)."""
    ch, before = text[i], text[i - 1]
    code = ord(ch)
    if before == "\u200d" or ch in "\u200c\u200d":
        return True  # joined, or a joiner (a non-joiner still belongs to what it follows)
    if unicodedata.category(ch) in ("Mn", "Mc", "Me"):
        return True  # a combining mark; variation selectors are marks too
    if 0x1F3FB <= code <= 0x1F3FF or code in _TAGS:
        return True  # a skin tone, a flag's tags
    if 0x1F1E6 <= code <= 0x1F1FF:  # a regional indicator: flags are pairs
        run = 0
        while i - run - 1 >= 0 and 0x1F1E6 <= ord(text[i - run - 1]) <= 0x1F1FF:
            run += 1
        return run % 2 == 1
    return False


def cut(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, never ending inside a grapheme (an emoji is
    not left without its joiner's other half, a letter not without its accent)."""
    if len(text) <= limit:
        return text
    end = max(limit, 0)
    while end > 0 and _attaches(text, end):
        end -= 1
    return text[:end]


def clean_text(text: str) -> str:
    """Trim, and drop what would garble a terminal or hide text; see `cleaned`."""
    return cleaned(text).text


def check_contact(contact: Contact) -> list[Problem]:
    problems = []
    if not contact.name.strip():
        problems.append(Problem("name", "A contact needs a name."))
    elif len(contact.name) > MAX_NAME:
        problems.append(Problem("name", f"Names are limited to {MAX_NAME} characters."))
    if contact.email and not _EMAIL.match(contact.email):
        problems.append(
            Problem("email", "That does not look like an email address (like name@example.org).")
        )
    if contact.id is not None and contact.introduced_by_id == contact.id:
        problems.append(Problem("introduced_by", "A contact cannot introduce themselves."))
    for name in ("job_title", "phone", "linkedin", "notes"):
        if len(getattr(contact, name)) > MAX_FIELD:
            problems.append(Problem(name, f"Too long: at most {MAX_FIELD:,} characters."))
    return problems
