"""Content lines of iCalendar (RFC 5545) and vCard (RFC 6350), folded as calendars expect.

A line longer than 75 octets (bytes of UTF-8, not characters) is split into a first line of at
most 75 octets and continuation lines of a space plus at most 74; a line of exactly 75 stays
whole. A split never falls inside a UTF-8 sequence, nor between a backslash and the character
it escapes (some readers unescape each physical line on its own). Lines end with CRLF.
"""

from __future__ import annotations

import re

LIMIT = 75  # octets per physical line, the line break excluded
CRLF = "\r\n"
_UNFOLD = re.compile(r"\r\n[ \t]")


def fold(line: str) -> str:
    """One content line (no line breaks in it) folded, without its final CRLF."""
    if len(line) * 4 <= LIMIT or len(line.encode("utf-8")) <= LIMIT:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    budget = LIMIT
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > budget:
            if len(current) > 1 and current[-1] == "\\" and not _escaped(current):
                carry = current.pop()  # keep a backslash with the character it escapes
                parts.append("".join(current))
                current, size = [carry], 1
            else:
                parts.append("".join(current))
                current, size = [], 0
            budget = LIMIT - 1  # continuation lines begin with a space
        current.append(ch)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _escaped(chars: list[str]) -> bool:
    """Whether the backslash at the end of `chars` is itself escaped (an even run)."""
    run = 0
    for ch in reversed(chars):
        if ch != "\\":
            break
        run += 1
    return run % 2 == 0


def unfold(text: str) -> str:
    """Folded text back to one content line per line (CRLF followed by a space or tab)."""
    return _UNFOLD.sub("", text)


def join_lines(lines: list[str]) -> bytes:
    """Content lines folded, each ended with CRLF, as UTF-8."""
    return "".join(fold(line) + CRLF for line in lines if line).encode("utf-8")
