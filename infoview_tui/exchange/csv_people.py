"""People from CSV: LinkedIn's Connections.csv as downloaded, and any CSV with a header row.

LinkedIn's file begins with a `Notes:` preamble (a quoted paragraph that may hold commas and
line breaks) and a blank line before its header `First Name,Last Name,URL,Email Address,
Company,Position,Connected On`; older exports lack `URL`. A plain csv.DictReader on it reads the
preamble as the header and "succeeds" with nothing useful, so the header is looked for instead:
the first row that names a first and a last name and one of LinkedIn's other columns. Any other
CSV takes its first non-blank row as the header. Columns are mapped by name (a table of usual
spellings), and `--map "Full Name=name,Org=company"` adds or overrides mappings.

Rows are numbered as a spreadsheet numbers them (the preamble and blank rows count; a cell with
a line break stays one row), so "row 12" is row 12 when the file is opened in one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..domain.records import ContactSource
from ..domain.validation import clean_text
from .people import (
    Contents,
    NoNameColumn,
    Person,
    ReadError,
    Skip,
    clip,
    name_problem,
    one_line,
    read_day,
    short,
    split_emails,
)

FIELDS = (
    "name", "first_name", "middle_name", "last_name", "email", "company", "job_title", "url",
    "phone", "notes", "connected_on", "ignore",
)  # fmt: skip
# Friendlier words accepted in --map for the fields above.
FIELD_WORDS = {
    "first": "first_name", "given": "first_name", "last": "last_name", "surname": "last_name",
    "family": "last_name", "middle": "middle_name", "title": "job_title", "position": "job_title",
    "job": "job_title", "organization": "company", "organisation": "company",
    "employer": "company", "linkedin": "url", "profile": "url", "mail": "email",
    "note": "notes", "connected": "connected_on", "skip": "ignore", "none": "ignore",
}  # fmt: skip
# Column headings, folded (see `heading_key`), and the field each fills.
HEADINGS = {
    **dict.fromkeys(("name", "full name", "display name", "contact name", "contact"), "name"),
    **dict.fromkeys(
        ("first name", "firstname", "given name", "first", "forename"), "first_name"
    ),
    **dict.fromkeys(("middle name", "additional name", "middle"), "middle_name"),
    **dict.fromkeys(
        ("last name", "lastname", "surname", "family name", "last"), "last_name"
    ),
    **dict.fromkeys(
        ("company", "company name", "organization", "organisation", "organization name",
         "organisation name", "organization 1 name", "employer", "org", "current company"),
        "company",
    ),
    **dict.fromkeys(
        ("position", "title", "job title", "jobtitle", "role", "organization title",
         "organization 1 title", "job"),
        "job_title",
    ),
    **dict.fromkeys(
        ("url", "linkedin", "linkedin url", "linkedin profile", "profile", "profile url",
         "public profile url"),
        "url",
    ),
    **dict.fromkeys(("notes", "note", "comments", "comment"), "notes"),
    **dict.fromkeys(("connected on", "connected", "date connected"), "connected_on"),
}  # fmt: skip
# LinkedIn's columns beside the names: "Connected On" in every version seen, "Company" with
# "Position" in all of them. Outlook and Google exports have names and Company too, with "Job
# Title" or "Organization Title", so Company alone would mark their people as from LinkedIn.
LINKEDIN_MARKS = ({"connected on"}, {"company", "position"})


def heading_key(text: str) -> str:
    """A column heading for matching: lower case, punctuation as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def field_for(heading: str) -> str | None:
    key = heading_key(heading)
    if key in HEADINGS:
        return HEADINGS[key]
    if "type" in key.split() or "label" in key.split():
        return None  # Google's "E-mail 1 - Type": a label, not an address
    if "mail" in key:
        return "email"
    if any(word in key.split() for word in ("phone", "mobile", "tel", "telephone")):
        return "phone"
    return None


def parse_map(text: str) -> dict[str, str]:
    """`"Full Name=name,Org=company"` as {heading key: field}; ValueError with a message."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        heading, sep, target = part.rpartition("=")
        if not sep or not heading.strip() or not target.strip():
            raise ValueError(
                f"--map takes Column=field pairs separated by commas, like "
                f"'Full Name=name,Org=company'; {part.strip()!r} is not one."
            )
        word = target.strip().casefold().replace("-", "_").replace(" ", "_")
        field = word if word in FIELDS else FIELD_WORDS.get(word)
        if field is None:
            raise ValueError(
                f"--map: {target.strip()!r} is not a field infoview knows; use one of "
                f"{', '.join(FIELDS)}."
            )
        mapping[heading_key(heading)] = field
    return mapping


def decode_text(raw: bytes) -> str:
    """Bytes as text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252
    (a spreadsheet saved on an older Windows), else Latin-1, which reads any bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        yield from reader
    except csv.Error as err:
        raise ReadError(
            f"The file could not be read as CSV near line {reader.line_num}: {err}."
        ) from None


def _blank(record: list[str]) -> bool:
    return not any(cell.strip() for cell in record)


def _is_linkedin_header(record: list[str]) -> bool:
    keys = {heading_key(cell) for cell in record}
    return "first name" in keys and "last name" in keys and any(m <= keys for m in LINKEDIN_MARKS)


@dataclass
class _Header:
    index: int  # 0-based position among the records
    cells: list[str]
    linkedin: bool


def _find_header(records: list[list[str]]) -> _Header | None:
    for index, record in enumerate(records[:50]):
        if _is_linkedin_header(record):
            return _Header(index, record, linkedin=True)
    for index, record in enumerate(records):
        if not _blank(record):
            return _Header(index, record, linkedin=False)
    return None


def _delimiter(text: str) -> str:
    """Comma, unless the first lines say semicolon (spreadsheets in many countries) or tab."""
    head = text[:4000].splitlines()[:8]
    for line in head:
        if line.count(",") == 0 and (line.count(";") or line.count("\t")):
            return ";" if line.count(";") >= line.count("\t") else "\t"
        if line.count(","):
            return ","
    return ","


def read_csv(text: str, mapping: dict[str, str] | None = None, file_name: str = "") -> Contents:
    """People from CSV text (see the module's docstring). Raises ReadError."""
    records = list(_records(text, _delimiter(text)))
    header = _find_header(records)
    if header is None:
        raise ReadError("The file is empty: it holds no rows at all.")
    columns = _columns(header.cells, mapping or {})
    if header.linkedin:
        kind, label = ContactSource.LINKEDIN, "a LinkedIn connections export"
    else:
        kind, label = ContactSource.CSV, "a CSV file with a header row"
    if file_name:
        label = f"{label} ({file_name})"
    sample = next((r for r in records[header.index + 1 :] if not _blank(r)), [])
    contents = Contents(kind, label, columns=list(header.cells), sample=list(sample))
    fields = {f for _i, f in columns}
    if not fields & {"name", "first_name", "last_name"}:
        raise NoNameColumn(
            "No column holds names (looked for Name, First Name, Last Name and the like; "
            f"the columns are {_list(header.cells)}). Say which with --map, for example "
            "--map 'Full Name=name'.",
            list(header.cells),
            list(sample),
        )
    used = {i for i, _f in columns}
    unused = [cell for i, cell in enumerate(header.cells) if i not in used and cell.strip()]
    if unused:
        contents.notes.append(f"Columns not imported: {_list(unused)}.")
    if header.index:
        what = "LinkedIn's notes" if header.linkedin else "rows"
        contents.notes.append(
            f"Rows 1-{header.index} before the header row were {what} and were not read as people."
        )
    width = len(header.cells)
    for index in range(header.index + 1, len(records)):
        record = records[index]
        number = index + 1
        where = f"row {number}"
        if _blank(record):
            contents.skipped.append(Skip(where, "blank row", number))
            continue
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            contents.warnings.append(
                f"{where}: more cells than the header has columns; the extra ones were not "
                "read (an unquoted comma in a name?)."
            )
        _person(record, columns, number, where, contents)
    if not contents.people and not contents.skipped:
        contents.notes.append("The file has a header row but no rows after it.")
    return contents


def _list(cells: list[str]) -> str:
    shown = [short(c, 30) for c in cells[:12]]
    more = f" and {len(cells) - 12} more" if len(cells) > 12 else ""
    return ", ".join(shown) + more


def _columns(cells: list[str], mapping: dict[str, str]) -> list[tuple[int, str]]:
    """(column index, field) for every column that fills a field."""
    keys = [heading_key(cell) for cell in cells]
    missing = [k for k in mapping if k not in keys]
    if missing:
        raise ReadError(
            f"--map names a column the file does not have ({', '.join(missing)}); its columns "
            f"are {_list(cells)}."
        )
    out = []
    for index, key in enumerate(keys):
        field = mapping[key] if key in mapping else field_for(cells[index])
        if field is not None and field != "ignore":
            out.append((index, field))
    return out


def _person(
    record: list[str], columns: list[tuple[int, str]], number: int, where: str, into: Contents
) -> None:
    values: dict[str, list[str]] = {}
    for index, field in columns:
        cell = record[index] if index < len(record) else ""
        if cell.strip():
            values.setdefault(field, []).append(cell)

    def first(field: str) -> str:
        return one_line(values[field][0]) if field in values else ""

    name = first("name") or " ".join(
        part for part in (first("first_name"), first("middle_name"), first("last_name")) if part
    )
    problem = name_problem(name)
    if problem is not None:
        clue = first("company") or first("url") or (values.get("email") or [""])[0]
        into.skipped.append(Skip(where, f"{problem}{f' ({short(clue)})' if clue else ''}", number))
        return
    emails: list[str] = []
    for cell in values.get("email", []):
        good, bad = split_emails(cell)
        emails += [e for e in good if e.casefold() not in {x.casefold() for x in emails}]
        for bit in bad:
            into.warnings.append(f"{where}: {short(bit)!r} is not an email address; left out.")
    connected = None
    if "connected_on" in values:
        connected = read_day(values["connected_on"][0])
        if connected is None:
            into.warnings.append(
                f"{where}: the date {short(values['connected_on'][0])!r} was not understood; "
                "left empty."
            )
    notes = "\n".join(clean_text(v) for v in values.get("notes", []))
    into.people.append(
        Person(
            number=number,
            where=where,
            name=name,
            emails=tuple(emails),
            company=clip(first("company"), where, "company", into.warnings),
            job_title=clip(first("job_title"), where, "position", into.warnings),
            url=clip(first("url"), where, "URL", into.warnings),
            phone=clip(first("phone"), where, "phone", into.warnings),
            notes=clip(notes, where, "notes", into.warnings),
            connected_on=connected,
        )
    )
