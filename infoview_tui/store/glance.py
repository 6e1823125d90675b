"""Reading only what a glance needs: `infoview queue` on a 25 MB file without parsing it all.

The data file is written with its small tables first and the contacts last
(`schema.FILE_ORDER`). A glance parses the top-level object one table at a time and stops when
it reaches the contacts; the few contacts it names are then found by their key in the text (a
quote that opens a key cannot sit inside a string, where every quote is escaped), and only
those are parsed. Anything unexpected (a journal with changes not yet in the file, another
order of tables, a file an editor rewrote) falls back to reading the whole file as the app
does, so a glance is never wrong, only sometimes slower.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.codec import decode
from ..domain.records import FollowUp, Profile
from .datafile import read_with_stat
from .errors import FileDamaged
from .journal import journal_path, read_journal
from .schema import TABLES, check_shape

PROFILE_ID = 1
FEW = 16  # names found one by one; more, and every contact's place is indexed in one pass
_WHITESPACE = " \t\n\r"
_NAME_FIRST = '":{"name":'
_DOC_NAME = '{"name":'


@dataclass
class Glance:
    """Some tables of the data file, and the rest of its text for finding a contact by id."""

    tables: dict[str, dict[str, Any]]
    text: str = ""  # the file, when the contacts were left unparsed
    contacts_at: int = -1  # where the contacts table starts in `text` (-1: in `tables`)
    _at: dict[int, int] | None = None  # where each contact's document starts, once indexed

    def profile(self) -> Profile:
        return decode(Profile, self.tables.get("profile", {}).get(str(PROFILE_ID), {}))

    def open_followups(self, due_by: date | None = None) -> list[FollowUp]:
        """Open follow-ups, only those due on or before `due_by` when given (decoding only
        the rows kept: 20,000 items, a few dozen printed)."""
        limit = None if due_by is None else due_by.isoformat()
        found = []
        for key, doc in self.tables.get("followups", {}).items():
            if doc.get("done") is not None:
                continue
            due = doc.get("due")
            if limit is not None and not (isinstance(due, str) and due <= limit):
                continue
            found.append(decode(FollowUp, doc, id=int(key)))
        return found

    def contact_names(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = set(ids)
        if self.contacts_at >= 0 and len(wanted) > FEW:
            self._index_contacts()
        names = {}
        for contact_id in wanted:
            name = self._quick_name(contact_id)
            if name is None:
                doc = self._contact(contact_id)
                name = None if doc is None else str(doc.get("name", ""))
            if name is not None:
                names[contact_id] = name
        return names

    def _quick_name(self, contact_id: int) -> str | None:
        """Just the name string of an indexed contact, without parsing the rest of it."""
        at = self._at.get(contact_id) if self._at is not None else None
        if at is None or not self.text.startswith(_DOC_NAME, at):
            return None
        name, _end = json.JSONDecoder().raw_decode(self.text, at + len(_DOC_NAME))
        return name if isinstance(name, str) else None

    def _contact(self, contact_id: int) -> dict[str, Any] | None:
        if self.contacts_at < 0:
            return self.tables.get("contacts", {}).get(str(contact_id))
        if self._at is not None and contact_id in self._at:
            return self._doc_at(self._at[contact_id])
        needle = f'"{contact_id}":'
        start = self.contacts_at
        while True:  # a few names: find each (a contact's key opens with an unescaped quote)
            at = self.text.find(needle, start)
            if at < 0:
                return None
            value = _skip_ws(self.text, at + len(needle))
            if _opens_a_token(self.text, at) and self.text.startswith("{", value):
                return self._doc_at(value)
            start = at + 1

    def _index_contacts(self) -> None:
        """Where every contact starts, in one pass over the text (many names: a thousand finds
        through 16 MB would each scan half of it). infoview writes each contact as
        `"<id>":{"name":...`, so one fast search for `":{"name":` finds them all; a contact
        written otherwise (by hand) is still found, one by one, in `_contact`."""
        if self._at is not None:
            return
        self._at = {}
        text, marker = self.text, _NAME_FIRST
        at = text.find(marker, self.contacts_at)
        while at >= 0:
            start = at
            while start > 0 and text[start - 1].isdigit():
                start -= 1
            key_quote = start - 1
            if (
                start < at
                and key_quote >= 0
                and text[key_quote] == '"'
                and _opens_a_token(text, key_quote)
            ):
                self._at.setdefault(int(text[start:at]), at + 2)
            at = text.find(marker, at + len(marker))

    def _doc_at(self, at: int) -> dict[str, Any] | None:
        doc, _end = json.JSONDecoder().raw_decode(self.text, at)
        return doc if isinstance(doc, dict) else None


def glance(path: Path, wanted: Iterable[str] = ("meta", "profile", "followups")) -> Glance:
    """The `wanted` tables of the file at `path`; raises StoreError as a full read would."""
    raw, _stat = read_with_stat(path)
    journal = read_journal(journal_path(path))
    if journal is None or (not journal.ops and not journal.unreadable):
        try:
            fast = _partial(raw, set(wanted))
        except (ValueError, IndexError):
            fast = None  # not what infoview writes: read it all, and say what is wrong there
        if fast is not None:
            check_shape(fast.tables, path)
            return fast
    from .datafile import load

    loaded = load(path)  # the journal's changes too, exactly as the app would see them
    return Glance(loaded.data)


def _partial(raw: bytes, wanted: set[str]) -> Glance | None:
    """The tables up to the contacts, parsed one by one; None when the file is not laid out
    as infoview writes it (then the caller reads it all)."""
    text = raw.decode("utf-8")
    decoder = json.JSONDecoder()
    i = _skip_ws(text, 0)
    if not text.startswith("{", i):
        return None
    i += 1
    tables: dict[str, dict[str, Any]] = {}
    while True:
        i = _skip_ws(text, i)
        if text.startswith("}", i):
            return Glance(tables)  # the whole file, contacts included: nothing left to find
        key, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i)
        if not isinstance(key, str) or not text.startswith(":", i):
            return None
        i = _skip_ws(text, i + 1)
        if key == "contacts" and wanted <= tables.keys() | {"contacts"}:
            if not text.startswith("{", i) or key in tables:
                return None
            return Glance(tables, text=text, contacts_at=i)
        value, i = decoder.raw_decode(text, i)
        if key in tables or not isinstance(value, dict):
            return None  # twice the same table, or not a table: leave it to the full read
        tables[key] = value
        i = _skip_ws(text, i)
        if text.startswith(",", i):
            i += 1
        elif not text.startswith("}", i):
            return None


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


def _opens_a_token(text: str, at: int) -> bool:
    """Whether the quote at `at` opens a string (not an escaped quote inside one)."""
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 0


__all__ = ["TABLES", "FileDamaged", "Glance", "glance"]
