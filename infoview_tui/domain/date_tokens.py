"""Typed date text cut into tokens: words, numbers, clock times, numeric dates, zones, symbols.

Each token remembers where it was in the text and whether it was glued to the one before
("2pm", "3rd", "14h"), because "2 h" after "in" is two hours while "14h" alone is a time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 120  # longer than any date a person types; the reader refuses more

_MERIDIEM = re.compile(r"(?<=[\d\s])([ap])\.\s?m\.?(?=\W|$)|(?<=\d)\s?([ap])\.(?=\W|$)")
_OFFSET_ZONE = re.compile(r"\b(utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b")
# An e-mail's zone after its time: "14:00:00 +0100", "09:00 -0500" (RFC 2822).
_NUMERIC_ZONE = re.compile(r"(?<=\d:\d\d)\s+([+-])(\d{2})(\d{2})(?![\d:])")
_PLACE_ZONE = re.compile(r"\b([a-z]+(?:_[a-z]+)*/[a-z]+(?:_[a-z]+)*(?:/[a-z_]+)?)\b")
_TOKEN = re.compile(
    r"""
    (?P<zone>\x00zone\d+\x00)
    |(?P<ymd>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?![\d/.-])
    |(?P<clock>\d{1,4}(?::\d+(?::\d+(?:\.\d+)?)?|h\d+))(?![\d])
    |(?P<numdate>\d+(?:[-/.]\d+){1,2})(?![\d])
    |(?P<ordinal>\d+)(?:st|nd|rd|th)(?![a-z])
    |(?P<num>\d+)
    |(?P<word>[^\W\d_]+(?:['-][^\W\d_]+)*)
    |(?P<sym>[+\-/:&~])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # zone, ymd, clock, numdate, ordinal, num, word, sym
    text: str
    value: Any = None
    glued: bool = False  # no space between this token and the one before


def normalize(text: str) -> str:
    """Lower case, one spelling for am/pm and dashes, no commas or brackets."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # typographic dashes, minus sign
    text = text.replace("o'clock", "oclock").replace("’", "'")
    text = _MERIDIEM.sub(lambda m: f"{m.group(1) or m.group(2)}m", text)
    text = re.sub(r"[,;()\[\]\"|]", " ", text).replace("@", " at ")
    text = re.sub(r"(?<=[^\W\d_])\.(?=\s|$)", " ", text)  # Dec. 7, tues. 3pm
    text = re.sub(r"(?<=\d)-?ish\b|(?<=\d[ap]m)-?ish\b", " ish", text)  # 2ish, 10-ish
    text = re.sub(r"\b(minute|hour|day|week|fortnight|month)('s|s')(?=\W|$)", r"\1s", text)
    return " ".join(text.split()).strip(" .!?")


def tokenize(text: str, zone_finder: Any) -> tuple[list[Token], list[str]]:
    """The tokens of normalized `text`, and any characters nothing could read.

    `zone_finder(name)` returns a tzinfo for a place name like "europe/berlin", or None.
    """
    zones: list[Any] = []

    def offset_zone(match: re.Match[str]) -> str:
        from datetime import timedelta, timezone

        sign = -1 if match.group(2) == "-" else 1
        hours, minutes = int(match.group(3)), int(match.group(4) or 0)
        if hours > 14 or minutes > 59:
            return match.group(0)  # left for the reader to refuse
        label = match.group(0).upper().replace(" ", "")
        zones.append((timezone(sign * timedelta(hours=hours, minutes=minutes)), label))
        return f" \x00zone{len(zones) - 1}\x00 "

    def place_zone(match: re.Match[str]) -> str:
        zone = zone_finder(match.group(1))
        if zone is None:
            return match.group(0)
        zones.append((zone, match.group(1).title()))
        return f" \x00zone{len(zones) - 1}\x00 "

    def numeric_zone(match: re.Match[str]) -> str:
        from datetime import timedelta, timezone

        sign = -1 if match.group(1) == "-" else 1
        hours, minutes = int(match.group(2)), int(match.group(3))
        if hours > 14 or minutes > 59:
            return match.group(0)
        offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
        zones.append((offset, match.group(0).strip()))
        return f" \x00zone{len(zones) - 1}\x00 "

    text = _NUMERIC_ZONE.sub(numeric_zone, text)
    text = _OFFSET_ZONE.sub(offset_zone, text)
    text = _PLACE_ZONE.sub(place_zone, text)
    tokens: list[Token] = []
    unread: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        skipped = text[position : match.start()]
        if skipped.strip():
            unread.append(skipped.strip())
        glued = bool(tokens) and match.start() == position
        position = match.end()
        kind = match.lastgroup or "sym"
        raw = match.group(0)
        if kind == "zone":
            tokens.append(Token("zone", raw, zones[int(raw.strip("\x00")[4:])], glued))
        elif kind in ("num", "ordinal"):
            digits = match.group(kind)
            tokens.append(Token(kind, raw, int(digits) if len(digits) < 12 else 10**12, glued))
        else:
            tokens.append(Token(kind, raw, None, glued))
    if text[position:].strip():
        unread.append(text[position:].strip())
    return tokens, unread
