"""vCards: people from address books (2.1, 3.0 and 4.0 in), and contacts as vCard 3.0 out.

Reading takes what phones and address books really write: folded lines (CRLF or LF followed by
a space or tab), quoted-printable values with soft line breaks and a CHARSET (old phones),
property groups (`item1.EMAIL`), parameters in every style (`TYPE=work,pref`, `TYPE=WORK;
TYPE=PREF`, bare `WORK;PREF`, `PREF=1`), several emails (the preferred one first), N with or
without FN, ORG with units, TITLE, URL and X-SOCIALPROFILE. A card that cannot be used is
skipped with its number, line and reason; only a file with no card at all is an error.

Writing is vCard 3.0 (what address books import most reliably): CRLF, lines folded at 75
octets, text escaped, and a UID per contact that stays the same on every export, so importing
the file again updates those contacts instead of adding them twice.
"""

from __future__ import annotations

import binascii
import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..domain.records import ContactSource
from ..domain.validation import clean_text
from .folding import join_lines
from .people import Contents, Person, ReadError, Skip, clip, name_problem, one_line, split_emails

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}


@dataclass
class _Prop:
    name: str
    params: dict[str, list[str]]
    value: str  # still escaped, and still encoded when ENCODING says so
    line: int

    def types(self) -> set[str]:
        return {t.casefold() for t in self.params.get("TYPE", [])}

    def preferred(self) -> bool:
        return "pref" in self.types() or bool(self.params.get("PREF"))


@dataclass
class _Card:
    line: int
    props: list[_Prop] = field(default_factory=list)
    closed: bool = False


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of the physical line each began on."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if out and line[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        elif out and _soft_break(out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1][:-1] + line)
        elif line.strip():
            out.append((number, line))
    return out


def _soft_break(line: str) -> bool:
    """A quoted-printable value that ends in '=' goes on on the next line (vCard 2.1)."""
    head, sep, _value = line.partition(":")
    return bool(sep) and line.endswith("=") and "QUOTED-PRINTABLE" in head.upper()


def _split_unquoted(text: str, sep: str, limit: int = -1) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted and limit != 0:
            parts.append("".join(current))
            current = []
            limit -= 1
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _parse_line(number: int, line: str) -> _Prop | None:
    head_value = _split_unquoted(line, ":", 1)
    if len(head_value) < 2:
        return None  # not a property line: ignored, as readers do
    head, value = head_value
    pieces = _split_unquoted(head, ";")
    name = pieces[0].rpartition(".")[2].strip().upper()  # item1.EMAIL -> EMAIL
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, sep, raw = piece.partition("=")
        if not sep:  # vCard 2.1: a bare WORK, PREF or QUOTED-PRINTABLE
            bare = key.strip().upper()
            slot = "ENCODING" if bare in _ENCODINGS else "TYPE"
            params.setdefault(slot, []).append(bare)
            continue
        values = [v.strip().strip('"') for v in _split_unquoted(raw, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return _Prop(name, params, value, number)


def _cards(text: str) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    for number, line in _logical_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if current is not None:
                cards.append(current)  # not closed: reported as such
            current = _Card(number)
        elif upper == "END:VCARD":
            if current is not None:
                current.closed = True
                cards.append(current)
                current = None
        elif current is not None:
            prop = _parse_line(number, line)
            if prop is not None:
                current.props.append(prop)
    if current is not None:
        cards.append(current)
    return cards


def _decoded(prop: _Prop) -> str | None:
    """The value with any transfer encoding undone; None for binary data (a photo)."""
    encodings = {e.upper() for e in prop.params.get("ENCODING", [])}
    if encodings & {"BASE64", "B"} or prop.params.get("VALUE", [""])[0].lower() == "binary":
        return None
    if "QUOTED-PRINTABLE" in encodings:
        charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
        raw = quopri.decodestring(prop.value.encode("utf-8", "replace"))
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return raw.decode("latin-1")
    return prop.value


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _components(text: str) -> list[str]:
    """A structured value (N, ORG) split on unescaped semicolons, each part unescaped."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == ";":
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(_unescape("".join(current)))
    return parts


def read_vcards(text: str, file_name: str = "") -> Contents:
    """People from vCard text. Raises ReadError when it holds no card at all."""
    cards = _cards(text)
    if not cards:
        raise ReadError("No vCards in this file (no BEGIN:VCARD line).")
    label = "a vCard file" + (f" ({file_name})" if file_name else "")
    contents = Contents(ContactSource.VCARD, label)
    for number, card in enumerate(cards, 1):
        where = f"card {number} (line {card.line})"
        if not card.closed:
            contents.skipped.append(Skip(where, "the card is not closed (no END:VCARD)", number))
            continue
        _person(card, number, where, contents)
    return contents


def _person(card: _Card, number: int, where: str, into: Contents) -> None:
    values: dict[str, list[tuple[_Prop, str]]] = {}
    for prop in card.props:
        try:
            value = _decoded(prop)
        except (ValueError, binascii.Error):
            into.warnings.append(f"{where}: {prop.name} on line {prop.line} could not be decoded.")
            continue
        if value is not None:
            values.setdefault(prop.name, []).append((prop, value))

    def first(name: str) -> str:
        return one_line(_unescape(values[name][0][1])) if name in values else ""

    name = first("FN")
    if not name and "N" in values:
        parts = [one_line(p) for p in _components(values["N"][0][1])] + [""] * 5
        family, given, additional, prefix, suffix = parts[:5]
        name = " ".join(p for p in (prefix, given, additional, family, suffix) if p)
    org_parts = _components(values["ORG"][0][1]) if "ORG" in values else []
    company = one_line(org_parts[0]) if org_parts else ""
    problem = name_problem(name)
    if problem is not None:
        if problem == "no name" and company:
            problem = f"no person's name (only the organisation {company!r})"
        into.skipped.append(Skip(where, problem, number))
        return
    emails: list[str] = []
    ordered = sorted(values.get("EMAIL", []), key=lambda pv: not pv[0].preferred())
    for _prop, raw in ordered:
        good, bad = split_emails(_unescape(raw))
        emails += [e for e in good if e.casefold() not in {x.casefold() for x in emails}]
        for bit in bad:
            into.warnings.append(f"{where}: {bit[:40]!r} is not an email address; left out.")
    urls = [one_line(_unescape(v)) for key in ("URL", "X-SOCIALPROFILE") for _p, v in
            values.get(key, [])]  # fmt: skip
    profile = next((u for u in urls if "linkedin." in u.casefold()), "")
    others = [u for u in urls if u and u != profile]
    phones = sorted(values.get("TEL", []), key=lambda pv: not pv[0].preferred())
    notes = [clean_text(_unescape(v)) for _p, v in values.get("NOTE", [])]
    if others:
        notes.append("Web: " + ", ".join(others))
    into.people.append(
        Person(
            number=number,
            where=where,
            name=name,
            emails=tuple(emails),
            company=clip(company, where, "organisation", into.warnings),
            job_title=clip(first("TITLE") or first("ROLE"), where, "title", into.warnings),
            url=clip(profile, where, "URL", into.warnings),
            phone=one_line(_unescape(phones[0][1]))[:200] if phones else "",
            notes=clip("\n".join(n for n in notes if n), where, "note", into.warnings),
            uid=first("UID")[:200],
        )
    )


# ----- writing ------------------------------------------------------------------------------


def escape(text: str) -> str:
    """TEXT escaping for vCard 3.0: backslash, comma, semicolon, line breaks."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


@dataclass(frozen=True)
class Card:
    """What one contact's vCard holds."""

    uid: str
    name: str
    emails: tuple[str, ...] = ()
    phone: str = ""
    company: str = ""
    job_title: str = ""
    url: str = ""
    notes: str = ""


def _n_value(name: str) -> str:
    """N (family;given;additional;prefix;suffix) from a full name: the last word is taken as
    the family name, as address books do when given only a full name."""
    words = name.split()
    if len(words) < 2:
        return f";{escape(name)};;;"
    return f"{escape(words[-1])};{escape(' '.join(words[:-1]))};;;"


def write_vcards(cards: Iterable[Card]) -> bytes:
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"UID:{card.uid}", f"FN:{escape(card.name)}"]
        lines.append(f"N:{_n_value(card.name)}")
        for i, email in enumerate(card.emails):
            lines.append(f"EMAIL;TYPE=INTERNET{',PREF' if i == 0 else ''}:{escape(email)}")
        if card.phone:
            lines.append(f"TEL:{escape(card.phone)}")
        if card.company:
            lines.append(f"ORG:{escape(card.company)}")
        if card.job_title:
            lines.append(f"TITLE:{escape(card.job_title)}")
        if card.url:
            lines.append(f"URL:{card.url.replace(chr(10), '').replace(chr(13), '')}")
        if card.notes:
            lines.append(f"NOTE:{escape(card.notes)}")
        lines += ["CATEGORIES:infoview", "END:VCARD"]
    return join_lines(lines)
