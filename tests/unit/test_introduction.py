"""The self-introduction: estimated spoken length and the rehearsal verdict."""

from __future__ import annotations

import pytest

from infoview_tui.demo_texts import PROFILE
from infoview_tui.domain.introduction import (
    estimate,
    in_range,
    spoken_seconds,
    verdict,
    word_count,
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Hi, I'm Maya.", 3),
        ("co-worker of nine years", 4),
        ("Zoë from Zürich — 東京 too!", 5),
        ("2026: 15 minutes", 3),
        ("... !!! ---", 0),
    ],
)
def test_word_count(text, count):
    assert word_count(text) == count


def test_spoken_seconds_at_150_words_a_minute():
    assert spoken_seconds(" ".join(["word"] * 150)) == 60
    assert spoken_seconds(" ".join(["word"] * 50)) == 20
    assert spoken_seconds("") == 0


def test_spoken_seconds_at_another_pace():
    assert spoken_seconds(" ".join(["word"] * 60), wpm=120) == 30


def test_spoken_seconds_refuses_a_nonsense_pace():
    with pytest.raises(ValueError):
        spoken_seconds("hello", wpm=0)


def test_the_demo_introduction_fits():
    seconds = spoken_seconds(PROFILE["introduction"])
    assert 15 <= seconds <= 30
    assert "inside 15–30 s" in estimate(PROFILE["introduction"])


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s: 15 s short of 15 s."),
        (9.2, "9 s: 6 s short of 15 s."),
        (14.4, "14 s: 1 s short of 15 s."),
        (14.6, "15 s: inside 15–30 s. Good."),  # what is shown is what is judged
        (15, "15 s: inside 15–30 s. Good."),
        (22, "22 s: inside 15–30 s. Good."),
        (30, "30 s: inside 15–30 s. Good."),
        (30.4, "30 s: inside 15–30 s. Good."),
        (31, "31 s: 1 s over 30 s."),
        (75, "75 s: 45 s over 30 s."),
    ],
)
def test_verdict(seconds, text):
    assert verdict(seconds).startswith(text)
    assert in_range(seconds) is ("inside" in text)


def test_estimate_counts_words():
    assert estimate(" ".join(["word"] * 50)) == "50 words ≈ 20 s: inside 15–30 s. Good."
    assert estimate("Hello").startswith("1 word ≈ 0 s: 15 s short")
    assert estimate("").startswith("Empty.")
