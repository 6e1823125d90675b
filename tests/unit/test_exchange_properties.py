"""Property tests: the readers take any bytes and fail only with ReadError; folding keeps
lines within 75 octets, never splits a character, and unfolds back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_tui.domain.validation import clean_text
from infoview_tui.exchange import vcard
from infoview_tui.exchange.contacts_file import read_contacts
from infoview_tui.exchange.folding import CRLF, LIMIT, fold, join_lines, unfold
from infoview_tui.exchange.people import ReadError, one_line, split_emails

# Pieces real files are made of, so examples look like files and not only noise.
CSV_BITS = st.sampled_from(
    [
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
        "Notes:",
        ",",
        ";",
        "\t",
        '"',
        '""',
        "\r\n",
        "\n",
        "\r",
        " ",
        "Zoë",
        "李",
        "a@b.example",
        "26 Jul 2025",
        "31 Fab 2020",
        "\ufeff",
        "\x00",
        "=1+1",
        "https://www.linkedin.com/in/x",
    ]
)
VCARD_BITS = st.sampled_from(
    [
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:3.0",
        "FN:",
        "N:",
        "ORG:",
        "EMAIL;TYPE=pref:",
        "TEL;CELL;PREF:",
        "UID:",
        "item1.URL:",
        ";ENCODING=QUOTED-PRINTABLE",
        ";CHARSET=nope",
        ";CHARSET=UTF-8",
        "=C3=A9",
        "=",
        "=\r\n",
        "\r\n",
        "\n",
        " ",
        "\t",
        ":",
        ";",
        ",",
        "\\",
        "\\n",
        '"',
        "Zoë",
        "PHOTO;ENCODING=b:AAAA",
        "NOTE:",
        "X-SOCIALPROFILE;TYPE=linkedin:",
    ]
)


def read(raw: bytes, name: str, mapping: str | None = None) -> None:
    try:
        contents = read_contacts(raw, name, mapping)
    except ReadError as err:
        assert str(err).strip()  # a sentence for the person
        return
    for person in contents.people:
        assert person.name.strip() and person.where
    for skip in contents.skipped:
        assert skip.reason and skip.where


@settings(max_examples=300)
@given(st.lists(CSV_BITS | st.text(max_size=8), max_size=60), st.sampled_from(["a.csv", ""]))
def test_csv_reader_fails_only_with_its_own_error(bits, name):
    read("".join(bits).encode("utf-8", "surrogatepass"), name)


@settings(max_examples=200)
@given(st.binary(max_size=400))
def test_any_bytes_at_all(raw):
    read(raw, "x.csv")
    read(raw, "x.vcf")
    read(b"PK\x03\x04" + raw, "x.zip")


@settings(max_examples=300)
@given(st.lists(VCARD_BITS | st.text(max_size=6), max_size=60))
def test_vcard_reader_fails_only_with_its_own_error(bits):
    read("".join(bits).encode("utf-8", "surrogatepass"), "x.vcf")


@settings(max_examples=100)
@given(st.text(max_size=30), st.text(max_size=20))
def test_map_option_fails_only_with_its_own_error(mapping, header):
    read(f"{header},Name\nAna,Ana\n".encode("utf-8", "surrogatepass"), "a.csv", mapping or None)


# ----- folding -------------------------------------------------------------------------------

LINE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=400
)


@settings(max_examples=500)
@given(LINE_TEXT)
def test_folded_lines_fit_75_octets_unfold_back_and_split_no_character(line):
    folded = fold(line)
    physical = folded.split(CRLF)
    for i, part in enumerate(physical):
        raw = part.encode("utf-8")  # each physical line is whole UTF-8 on its own
        assert len(raw) <= LIMIT
        if i:
            assert part.startswith(" ")
    assert unfold(folded) == line
    if len(line.encode("utf-8")) <= LIMIT:
        assert folded == line  # a line of 75 octets or fewer stays whole


def test_a_line_of_exactly_75_octets_is_not_folded_and_76_is():
    assert fold("X" * 75) == "X" * 75
    assert fold("X" * 76) == "X" * 75 + "\r\n X"
    assert fold("é" * 38).count(CRLF) == 1  # 76 octets: split between two characters


def test_an_escape_is_never_split_from_its_backslash():
    line = "DESCRIPTION:" + "a" * 62 + "\\,b"  # the backslash would be octet 75
    first, rest = fold(line).split(CRLF)
    assert not first.endswith("\\") and rest == " \\,b"


@settings(max_examples=200)
@given(
    st.text(min_size=1, max_size=80).filter(lambda s: s.strip()),
    st.lists(st.emails(), max_size=3),
    LINE_TEXT,
)
def test_vcards_we_write_read_back_the_same(name, emails, notes):
    name = " ".join(name.split())
    card = vcard.Card(uid="urn:uuid:x", name=name, emails=tuple(emails), notes=notes)
    data = vcard.write_vcards([card])
    for line in data[:-2].split(b"\r\n"):
        assert len(line) <= LIMIT
    contents = read_contacts(data, "x.vcf")
    if not contents.people:  # a name that is only control characters: skipped, and said
        assert contents.skipped and not one_line(name)
        return
    (person,) = contents.people
    assert person.name == one_line(name)
    assert person.uid == "urn:uuid:x"
    assert person.notes == clean_text(notes)
    valid = [e for e in emails if split_emails(e)[0] == [e]]
    assert list(person.emails) == list(dict.fromkeys(valid, None)) or len(valid) != len(
        {e.casefold() for e in valid}
    )
    assert join_lines([]) == b""
