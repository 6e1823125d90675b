"""The 15–30 second self-introduction: how long it takes to say, and how a rehearsal went.

The spoken length is estimated from the word count at an easy speaking pace (150 words a
minute by default); a rehearsal with the stopwatch measures the real thing.
"""

from __future__ import annotations

import re

SPEAKING_WPM = 150
SHORTEST, LONGEST = 15, 30  # seconds

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def spoken_seconds(text: str, wpm: int = SPEAKING_WPM) -> float:
    """Seconds it takes to say `text` at `wpm` words a minute."""
    if wpm <= 0:
        raise ValueError("words per minute must be positive")
    return word_count(text) * 60 / wpm


def verdict(seconds: float) -> str:
    """Whether a run (or an estimate) lands inside 15–30 s, and by how much it misses."""
    whole = round(seconds)
    if whole < SHORTEST:
        return f"{whole} s: {SHORTEST - whole} s short of {SHORTEST} s. Add why this person."
    if whole > LONGEST:
        return f"{whole} s: {whole - LONGEST} s over {LONGEST} s. Trim a sentence."
    return f"{whole} s: inside {SHORTEST}–{LONGEST} s. Good."


def in_range(seconds: float) -> bool:
    return SHORTEST <= round(seconds) <= LONGEST


def estimate(text: str, wpm: int = SPEAKING_WPM) -> str:
    """'52 words ≈ 21 s: inside 15–30 s. Good.' for the introduction as written."""
    count = word_count(text)
    if count == 0:
        return f"Empty. Write {SHORTEST}–{LONGEST} seconds: who you are and why them."
    noun = "word" if count == 1 else "words"
    return f"{count} {noun} ≈ {verdict(spoken_seconds(text, wpm))}"
