"""clean_text keeps what a person wrote, grapheme by grapheme: joiners, variation selectors,
flags, combining marks; it only takes out what garbles a terminal or can hide text (control
codes, direction overrides, stray tag characters). Property tests: it is idempotent, never
reorders, and leaves ordinary text of any script exactly as it was."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from infoview_tui.domain.validation import clean_text, cleaned, cut

ZWJ, ZWNJ = "\u200d", "\u200c"

# Whole graphemes as people type them, each made of several code points.
GRAPHEMES = [
    "👩🏽‍🔬",  # woman scientist, medium skin tone: ZWJ sequence with a modifier
    "👨‍👩‍👧‍👦",  # family: three ZWJs
    "🏳️‍🌈",  # rainbow flag: variation selector and ZWJ
    "❤️",  # heavy heart with VS16
    "🇨🇦",  # regional indicator pair
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",  # Scotland: black flag, tag characters, cancel tag
    "1️⃣",  # keycap
    "می‌خواهم",  # Persian with ZWNJ
    "क्‍ष",  # Devanagari with ZWJ (half form)
    "क्‌ष",  # Devanagari with ZWNJ
    "é",  # e + combining acute
    "ñ",
    "Zoë",
    "李",
    "🫨",  # Unicode 15: unassigned in Python 3.11's tables, still kept
    "Ж",
    "‏",  # right-to-left mark: a legitimate mark in mixed text
    "ا",
    "x",
    ",",
]
ordinary_text = st.lists(
    st.one_of(st.sampled_from(GRAPHEMES), st.sampled_from([" ", "\n", "\t"])), max_size=30
).map("".join)


def test_joiners_survive():
    """The bug: ZWJ and ZWNJ were dropped, so 👩🏽‍🔬 became 👩🏽🔬 and Persian changed spelling."""
    name = "👩🏽‍🔬 Zahra می‌خواهم"
    assert clean_text(name) == name
    assert ZWJ in clean_text(name) and ZWNJ in clean_text(name)


def test_control_codes_and_overrides_are_removed_and_counted():
    result = cleaned("red\x1b[31m alert\x07\x00 do\u202ene\r\n")
    assert result.text == "red[31m alert done"
    assert result.removed == 4  # ESC, BEL, NUL, the right-to-left override
    assert cleaned("a\u2066b\u2069c\ufeff").text == "abc"  # isolates, a stray BOM


def test_line_ends_become_newlines_and_are_not_counted():
    result = cleaned("one\r\ntwo\rthree\u2028four")
    assert result.text == "one\ntwo\nthree\nfour"
    assert result.removed == 0


def test_tags_outside_a_flag_are_removed():
    hidden = "ok" + "".join(chr(0xE0000 + ord(c)) for c in "ignore this") + "\U000e007f"
    assert clean_text(hidden) == "ok"
    assert clean_text("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == "🏴󠁧󠁢󠁳󠁣󠁴󠁿"


def test_lone_surrogates_are_removed():
    assert clean_text("a\ud800b") == "ab"  # could not be written to the file as UTF-8


@given(ordinary_text)
def test_ordinary_text_keeps_every_grapheme(text):
    assert clean_text(text) == text.strip()


@given(st.text())
def test_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


@given(st.text())
def test_never_reorders_or_adds(text):
    line_ends = {0x0D: "\n", 0x2028: "\n", 0x2029: "\n", 0x85: "\n"}
    lines = text.replace("\r\n", "\n").translate(line_ends)
    assert _is_subsequence(clean_text(text), lines)


@given(st.lists(st.one_of(st.sampled_from(GRAPHEMES), st.text(max_size=3)), max_size=20))
def test_graphemes_between_noise_are_kept_whole(pieces):
    """Whatever surrounds them, the joiners and selectors inside a grapheme stay."""
    result = clean_text("".join(pieces))
    for piece in pieces:
        if piece in GRAPHEMES:
            assert piece in result


def test_cut_never_splits_a_grapheme():
    assert cut("ab👩🏽‍🔬", 5) == "ab"  # the scientist is 4 code points: all or nothing
    assert cut("ab👩🏽‍🔬", 6) == "ab👩🏽‍🔬"
    assert cut("🇨🇦🇫🇷", 3) == "🇨🇦"
    assert cut("cafe\u0301", 4) == "caf"
    assert cut("plain", 3) == "pla"


SINGLE = ["👩🏽‍🔬", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "🇨🇦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "1️⃣", "क्‍ष", "é", "李", "x", " "]


@given(st.lists(st.sampled_from(SINGLE), max_size=10), st.integers(0, 60))
def test_cut_keeps_whole_graphemes(pieces, limit):
    text = "".join(pieces)
    kept = cut(text, limit)
    assert len(kept) <= limit and text.startswith(kept)
    assert any(kept == "".join(pieces[:n]) for n in range(len(pieces) + 1))


@given(st.text(max_size=60), st.booleans())
def test_the_quick_path_keeps_what_the_look_at_each_character_keeps(text, trim):
    """Text with nothing to take out skips the per-character loop; the result is the same."""
    from infoview_tui.domain.validation import _look_at_each

    assert cleaned(text, trim=trim) == _look_at_each(text, trim)
