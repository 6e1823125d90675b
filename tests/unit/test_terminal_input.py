"""PasteFilter: control sequences are taken out of bracketed pastes, whatever the reads'
boundaries; everything outside a paste passes unchanged and at once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from infoview_tui.terminal_input import PASTE_END, PASTE_START, PasteFilter

SEQUENCES = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[38;2;255;0;0m",
    "\x1b]0;a title\x07",
    "\x1b]8;;https://example.org\x1b\\",
    "\x1bPq#0;2;0;0;0\x1b\\",
    "\x1b(B",
    "\x1bc",
    "\x9b1m",
]
TEXT = st.text(st.characters(blacklist_characters="\x1b\x90\x98\x9b\x9c\x9d\x9e\x9f"), max_size=12)
payload = st.lists(st.one_of(TEXT, st.sampled_from(SEQUENCES)), max_size=12)


def run(chunks: list[str]) -> str:
    clean = PasteFilter()
    return "".join(clean.feed(chunk) for chunk in chunks)


def split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


def test_the_audit_example():
    assert run([PASTE_START + "one\x1b[31mtwo three" + PASTE_END]) == (
        PASTE_START + "onetwo three" + PASTE_END
    )


def test_outside_a_paste_nothing_changes_or_waits():
    clean = PasteFilter()
    assert clean.feed("\x1b") == "\x1b"  # the escape key is not held back
    assert clean.feed("[A\x1b[31m") == "[A\x1b[31m"


def test_a_lone_escape_goes_and_what_follows_stays():
    assert run([PASTE_START + "a\x1b\nb\x1b\x1b[1mc" + PASTE_END]) == (
        PASTE_START + "a\nbc" + PASTE_END
    )


def test_markers_split_across_reads():
    chunks = ["ab\x1b[2", "00~x\x1b[3", "1mz\x1b[20", "1~\x1b[31m"]
    assert run(chunks) == "ab" + PASTE_START + "xz" + PASTE_END + "\x1b[31m"


@given(payload, TEXT, TEXT, st.lists(st.integers(0, 10_000), max_size=6))
def test_any_paste_arrives_in_order_without_sequences(pieces, before, after, cuts):
    text = before + PASTE_START + "".join(pieces) + PASTE_END + after
    expected = before + PASTE_START + "".join(p for p in pieces if p not in SEQUENCES)
    expected += PASTE_END + after
    assert run(split(text, cuts)) == expected
