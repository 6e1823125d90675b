"""Reading contacts files as people download them: LinkedIn (CSV and ZIP), CSV, vCard."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from infoview_tui.domain.records import ContactSource
from infoview_tui.exchange.companies import company_key, loose_match
from infoview_tui.exchange.contacts_file import read_contacts, read_contacts_file
from infoview_tui.exchange.people import ReadError, read_day

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


def people_by_name(contents):
    """The first person of each name (a repeat is the import plan's business)."""
    out = {}
    for person in contents.people:
        out.setdefault(person.name, person)
    return out


# ----- LinkedIn ------------------------------------------------------------------------------


def test_linkedin_export_as_downloaded():
    contents = read_contacts_file(FIXTURES / "Connections.csv")
    assert contents.kind is ContactSource.LINKEDIN
    assert "LinkedIn" in contents.label and "Connections.csv" in contents.label
    people = people_by_name(contents)
    ada = people["Ada Okafor"]
    assert ada.where == "row 5"  # Notes:, the quoted paragraph, a blank line, the header
    assert ada.url == "https://www.linkedin.com/in/ada-okafor-12345"
    assert ada.emails == ()
    assert ada.company == "Harbourside Cancer Research Centre"
    assert ada.connected_on == date(2025, 7, 26)
    zoe = people["Zoë Lefèvre"]
    assert zoe.emails == ("zoe.lefevre@example.org",)
    assert zoe.company == "Meridian Biologics, Inc."
    assert zoe.connected_on == date(2024, 1, 3)
    assert people["李 娜"].job_title == "Data coordinator, oncology"
    kevin = people["Kevin Liu"]
    assert kevin.job_title == "Study coordinator Diabetes trials"  # a line break in a cell
    assert kevin.where == "row 11"  # rows as a spreadsheet counts them
    # Nothing dropped silently: blank and comma-only rows, the nameless row, a bad date.
    assert [(s.where, s.reason) for s in contents.skipped] == [
        ("row 8", "blank row"),
        ("row 9", "blank row"),
        ("row 10", "no name (Acme Corp)"),
    ]
    assert any("31 Fab 2020" in w and "row 12" in w for w in contents.warnings)
    assert people["Marcus O'Doyle"].connected_on is None
    assert any("before the header" in n for n in contents.notes)


def test_a_plain_dictreader_would_have_read_nothing_but_we_read_every_row():
    import csv

    text = (FIXTURES / "Connections.csv").read_text(encoding="utf-8-sig")
    assert [r for r in csv.DictReader(io.StringIO(text)) if r.get("First Name")] == []
    contents = read_contacts_file(FIXTURES / "Connections.csv")
    assert len(contents.people) + len(contents.skipped) == 10


def test_older_linkedin_export_without_url():
    contents = read_contacts_file(FIXTURES / "Connections-2017.csv")
    assert contents.kind is ContactSource.LINKEDIN
    people = people_by_name(contents)
    assert set(people) == {"Ada Okafor", "Sam Lee", "Björn Ålund"}
    assert people["Ada Okafor"].url == ""
    assert people["Ada Okafor"].emails == ("ada@harbourside.example",)
    assert people["Sam Lee"].company == "Acme, Ltd."
    assert people["Björn Ålund"].connected_on is None
    assert contents.warnings == []  # an empty date is not a date that was not understood


def test_the_zip_as_downloaded():
    from_zip = read_contacts_file(FIXTURES / "Basic_LinkedInDataExport_12-03-2026.zip")
    from_csv = read_contacts_file(FIXTURES / "Connections.csv")
    assert from_zip.people == from_csv.people
    assert from_zip.skipped == from_csv.skipped
    assert "Connections.csv" in from_zip.label


def test_a_zip_in_a_folder_and_without_connections():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("export/Connections.csv", (FIXTURES / "Connections.csv").read_bytes())
    assert len(read_contacts(buffer.getvalue(), "x.zip").people) == 7
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("Profile.csv", "a,b\n")
    with pytest.raises(ReadError, match=r"no Connections\.csv"):
        read_contacts(buffer.getvalue(), "x.zip")
    with pytest.raises(ReadError, match="cannot be opened"):
        read_contacts(b"PK\x03\x04 not really a zip", "x.zip")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("26 Jul 2025", date(2025, 7, 26)),
        ("03 Jan 2024", date(2024, 1, 3)),
        ("9 Sept 2021", date(2021, 9, 9)),
        ("26-Jul-25", date(2025, 7, 26)),
        ("Jul 26, 2025", date(2025, 7, 26)),
        ("26 July 2025", date(2025, 7, 26)),
        ("2025-07-26", date(2025, 7, 26)),
        ("31 Feb 2025", None),
        ("26 Juli 2025", None),
        ("", None),
    ],
)
def test_linkedin_dates_with_a_fixed_english_month_table(text, day):
    assert read_day(text) == day


def test_dates_do_not_depend_on_the_locale(monkeypatch):
    import locale

    for name in ("de_DE.UTF-8", "fr_FR.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
            break
        except locale.Error:
            continue
    try:
        assert read_day("26 Jul 2025") == date(2025, 7, 26)
    finally:
        locale.setlocale(locale.LC_TIME, "C")


# ----- any CSV -------------------------------------------------------------------------------


def test_a_spreadsheet_csv_with_semicolons_in_windows_1252():
    contents = read_contacts_file(FIXTURES / "people.csv")
    assert contents.kind is ContactSource.CSV
    people = people_by_name(contents)
    assert people["Ana Díaz"].company == "Eastgate Family Health Team"
    assert people["Ana Díaz"].emails == ("ana@eastgate.example",)
    assert people["Ana Díaz"].phone == "604-555-0101"
    assert people["Bo Chen"].emails == ("bo@harbourside.example", "bo.chen@mail.example")
    assert [(s.where, s.reason) for s in contents.skipped] == [("row 4", "no name (Nobody Inc)")]
    assert contents.notes == ["Columns not imported: Birthday."]


OUTLOOK = (
    "First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,Home Phone,Company,Job Title\r\n"
    "Carla,,Nunez,,,carla@example.com,,Eastgate Family Health Team,Physiotherapist\r\n"
)
GOOGLE = (
    "First Name,Middle Name,Last Name,Organization Name,Organization Title,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\r\n"
    "Élodie,,Martin,Acme Inc.,Nurse,* Home,elodie@example.com,Mobile,+33 6 12 34 56 78\r\n"
)


@pytest.mark.parametrize("text", [OUTLOOK, GOOGLE], ids=["outlook", "google"])
def test_address_book_exports_with_names_and_company_are_not_taken_for_linkedin(text):
    """Outlook and Google write First Name, Last Name and Company too; their people must
    not be marked as LinkedIn connections, and their e-mail, phone and title are kept."""
    contents = read_contacts(text.encode(), "contacts.csv")
    assert contents.kind is ContactSource.CSV
    assert "LinkedIn" not in contents.label
    (person,) = contents.people
    assert person.emails and person.job_title and person.company


def test_map_names_the_columns():
    raw = b"Who,Works at,Mail,Seen\nAna Diaz,Acme,ana@x.example,2025-01-02\n"
    with pytest.raises(ReadError, match="No column holds names"):
        read_contacts(raw, "a.csv")
    contents = read_contacts(raw, "a.csv", "Who=name, Works at=company,Seen=connected_on")
    (ana,) = contents.people
    assert (ana.name, ana.company, ana.emails) == ("Ana Diaz", "Acme", ("ana@x.example",))
    assert ana.connected_on == date(2025, 1, 2)
    assert "Mail" not in " ".join(contents.notes)  # found by its name without --map


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Who", "Column=field pairs"),
        ("Who=shoe_size", "not a field infoview knows"),
        ("Nope=name", "does not have"),
    ],
)
def test_bad_maps_are_refused_with_a_sentence(mapping, message):
    with pytest.raises(ReadError, match=message):
        read_contacts(b"Who,Org\nAna,Acme\n", "a.csv", mapping)


def test_map_can_ignore_a_column_and_rename_by_friendly_words():
    contents = read_contacts(
        b"Name,Org,Role\nAna,Acme,Nurse\n", "a.csv", "Org=ignore,Role=position"
    )
    (ana,) = contents.people
    assert (ana.company, ana.job_title) == ("", "Nurse")


def test_rows_with_more_cells_than_the_header_are_kept_with_a_warning():
    contents = read_contacts(b"Name,Company\nAna,Acme,Inc\n", "a.csv")
    assert contents.people[0].company == "Acme"
    assert "more cells than the header" in contents.warnings[0]


def test_empty_and_headerless_files():
    with pytest.raises(ReadError, match="empty"):
        read_contacts(b"", "a.csv")
    with pytest.raises(ReadError, match="empty"):
        read_contacts(b"\xef\xbb\xbf\r\n\r\n", "a.csv")
    contents = read_contacts(b"Name,Email\n", "a.csv")
    assert contents.people == [] and "no rows" in contents.notes[-1]


def test_bad_emails_and_long_names_are_said():
    raw = ("Name,Email\nAna,not-an-address\n" + "B" * 300 + ",b@x.example\n").encode()
    contents = read_contacts(raw, "a.csv")
    assert contents.people[0].emails == ()
    assert "not an email address" in contents.warnings[0]
    assert contents.skipped[0].reason.startswith("a name longer than 200")


# ----- vCard ---------------------------------------------------------------------------------


def test_vcards_from_real_address_books():
    contents = read_contacts_file(FIXTURES / "contacts.vcf")
    assert contents.kind is ContactSource.VCARD
    people = people_by_name(contents)
    grace = people["Grace Ito"]
    assert grace.emails == ("grace@home.example", "grace.ito@meridian.example")  # PREF first
    assert (grace.company, grace.job_title) == ("Meridian Biologics", "Research manager")
    assert grace.url == "https://www.linkedin.com/in/graceito"
    assert grace.notes == (
        "Met at the regional research meetup, 2025.\nPrefers email.\nWeb: https://graceito.example"
    )
    assert grace.uid == "urn:uuid:7e0e8d7a-0000-4000-8000-000000000001"
    elodie = people["Dr. Élodie Moreau"]  # from N, no FN
    assert elodie.emails == ("elodie.moreau@example.org",)
    assert elodie.phone == "+1 604 555 0199"
    assert elodie.notes.endswith("folded by the writing program, as RFC 6350 says.")
    jurgen = people["Jürgen Müller"]  # quoted-printable, with a soft line break
    assert jurgen.company == "Müller GmbH"
    assert jurgen.phone == "+49 30 1234567"
    assert [(s.where, s.reason) for s in contents.skipped] == [
        ("card 4 (line 31)", "no person's name (only the organisation 'Only An Org Ltd')"),
        ("card 5 (line 35)", "the card is not closed (no END:VCARD)"),
    ]


def test_vcard_line_endings_and_folding_by_tab():
    raw = b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana\n\tDiaz\nEMAIL:ana@x.example\nEND:VCARD\n"
    (ana,) = read_contacts(raw, "a.vcf").people
    assert ana.name == "AnaDiaz" and ana.emails == ("ana@x.example",)


def test_a_file_without_cards():
    with pytest.raises(ReadError, match="No vCards"):
        read_contacts(b"hello", "a.vcf")
    with pytest.raises(ReadError, match="--map is for CSV"):
        read_contacts((FIXTURES / "contacts.vcf").read_bytes(), "c.vcf", "A=name")


def test_missing_files_and_folders(tmp_path):
    with pytest.raises(ReadError, match="There is no file"):
        read_contacts_file(tmp_path / "nope.csv")
    with pytest.raises(ReadError, match="folder"):
        read_contacts_file(tmp_path)


# ----- employer names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ACME, Inc.", "Acme"),
        ("Acme Inc", "acme"),
        ("Acme LLC", "Acme Corp."),
        ("Müller GmbH & Co. KG", "Muller"),
        ("Acme Holdings Pty Ltd", "Acme Holdings"),
        ("Nestlé S.A.", "Nestle SA"),
        ("Philips N.V.", "Philips"),
        ("Tesco PLC", "Tesco plc"),
        ("Volvo AB", "Volvo"),
        ("Siemens AG", "SIEMENS"),
        ("Meridian Biologics, Inc.", "Meridian Biologics"),
        ("Harbour-side Research", "Harbour side research"),
    ],
)
def test_strict_employer_names_match(a, b):
    assert company_key(a) == company_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Meta", "Metal Works"),
        ("Acme", "Acme Research"),
        ("Coastal University Hospital", "Coastal University"),
        ("Limited", "Limited Brands"),
        ("Research", "Harbour Research"),
    ],
)
def test_strict_employer_names_never_match_a_part(a, b):
    assert company_key(a) != company_key(b)


def test_loose_matching_is_whole_distinctive_words():
    assert loose_match("Harbour Research", "Harbourside Research Centre") is False
    assert loose_match("Harbour Research", "Harbour Research Centre")
    assert loose_match("Coastal University Hospital", "Coastal University")
    assert not loose_match("Research Centre", "Harbour Research Centre")  # only generic words
    assert not loose_match("Meta", "Metal Works")


def test_exchange_modules_load_without_textual_tinydb_or_the_store():
    import subprocess
    import sys

    script = (
        "import sys, importlib, pkgutil, infoview_tui.exchange as x\n"
        "for m in pkgutil.iter_modules(x.__path__):\n"
        "    importlib.import_module(x.__name__ + '.' + m.name)\n"
        "names = {m.split('.')[0] for m in sys.modules} | set(sys.modules)\n"
        "bad = sorted(names & {'textual', 'tinydb', 'icalendar', 'infoview_tui.store'})\n"
        "print(','.join(bad) or 'none')\n"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=repo, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"  # icalendar too: loaded only to write a calendar
