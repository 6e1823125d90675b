"""Reading only what a glance needs: `infoview queue` on a 25 MB file without parsing it all.

The data file is written with what a glance reads first (meta, profile, follow-ups) and the
contacts last (`schema.FILE_ORDER`). A glance parses the top-level object one table at a time
until it has what it wants, then jumps to the contacts table by its key, the meetings between
never parsed (only their status and day are searched for, to flag busy weeks). Two facts
about compact JSON make the text safe to search: inside a string every quote is escaped, so
a quote right after `{` or `,` always opens a key; and no record has a field named
"contacts", so `,"contacts":{` found once is the table. The few contacts a glance names are
then found by their key, and only their names are parsed; the meetings likewise (see
`Glance.meetings`). Anything unexpected (a journal with changes not yet in the file, another
order of tables, a file an editor rewrote) falls back to reading the whole file as the app
does, so a glance is never wrong, only sometimes slower.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.codec import decode, decode_datetime
from ..domain.followups import BUSY_STATUSES
from ..domain.records import FollowUp, Interview, InterviewStatus, Profile, Session
from .datafile import read_with_stat
from .errors import FileDamaged
from .journal import journal_path, read_journal
from .schema import LAST_TABLE, TABLES, check_shape

PROFILE_ID = 1
FEW = 16  # contacts not where the next search expects them; more, and all are indexed at once
_WHITESPACE = " \t\n\r"
_NAME_FIRST = b'":{"name":'
_CONTACTS_KEY = f',"{LAST_TABLE}":'.encode()
_KEY_BEFORE = b"{,"  # a quote right after one of these opens a key (never inside a string)
_SLICE = 512  # bytes decoded to read one name; doubled until the whole value is in it
# A meeting as infoview writes it: "<id>":{"contact_id":…,"status":"done","when":…, and
# further on "session":{"started":…. Only these are read (see Glance.meetings).
_INTERVIEWS_KEY = b',"interviews":{'
_MEETING_FIRST = b':{"contact_id":'
_MEETING_START = re.compile(
    rb':\{"contact_id":(?:null|\d+),"contact_name":"(?:[^"\\]|\\.)*",'
    rb'"organization_id":(?:null|\d+),"occupation_id":(?:null|\d+),'
    rb'"status":"([a-z_]*)","when":(null|"[^"\\]*")'
)
_SESSION_KEY = b',"session":{"started":'
_STARTED = re.compile(rb'null|"[^"\\]*"')
_STATUSES = {status.value.encode(): status for status in InterviewStatus}


@dataclass
class Glance:
    """Some tables of the data file, and the bytes of its contacts for finding one by id."""

    tables: dict[str, dict[str, Any]]
    raw: bytes = b""  # the file, when the contacts were left unparsed
    contacts_at: int = -1  # where the contacts table starts in `raw` (-1: in `tables`)
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

    def busy_meetings(self, weeks: Iterable[date] | None = None) -> list[Interview]:
        """The meetings that count against the weekly cap (scheduled, running or held),
        holding only what the pace rules read of them: status, day, and the start of one
        held without a day. With `weeks` (Mondays), at least those that may fall in them
        (their stored day is at most a day from the person's). In a file as infoview writes
        it they are found in the bytes, not parsed (a fifth of a large file, notes mostly);
        anything else is parsed, so the answer is the same."""
        table = self.tables.get("interviews")
        if table is None and self.contacts_at >= 0:
            days = None
            if weeks is not None:  # each week, and a day either side, as stored: YYYY-MM-DD
                days = {
                    (monday + timedelta(days=n)).isoformat().encode()
                    for monday in weeks
                    for n in range(-1, 8)
                }
            found = self._scan_meetings(days)
            if found is not None:
                return found
            table = json.loads(self.raw).get("interviews")  # rare: a file written otherwise
        if not isinstance(table, dict):
            return []
        every = (decode(Interview, doc, id=int(key)) for key, doc in table.items() if key.isdigit())
        return [meeting for meeting in every if meeting.status in BUSY_STATUSES]

    def _scan_meetings(self, days: set[bytes] | None = None) -> list[Interview] | None:
        """The busy meetings' status, day and start, read from the bytes between the meetings' key
        and the contacts'; None when they are not written as infoview writes them.

        As for names, a quote right after `{` or `,` always opens a key, so each key found
        is one (and `"status":"` is never inside a string: its quotes would be escaped). A
        meeting as infoview writes it starts with its contact_id, soon followed by its status
        and day; its session, further on, starts with when it started. Each meeting is read
        where it starts, and as many statuses as meetings prove that no other one was
        written otherwise (one without a status is an idea, which never counts). A table
        infoview does not know sits between the meetings and the contacts; its records are
        read as meetings only if they are written exactly like one.
        """
        raw, end = self.raw, self.contacts_at - len(_CONTACTS_KEY)
        start = raw.find(_INTERVIEWS_KEY, 0, end)
        if start < 0 or raw.find(_INTERVIEWS_KEY, start + 1, end) >= 0:
            return None
        firsts = []
        at = raw.find(_MEETING_FIRST, start, end)
        while at >= 0:
            firsts.append(at)
            at = raw.find(_MEETING_FIRST, at + len(_MEETING_FIRST), end)
        if raw.count(b'"status":"', start, end) != len(firsts):
            return None  # a status outside the meetings found: one written otherwise
        meetings = []
        match, started_at = _MEETING_START.match, _STARTED.match
        for first, after in zip(firsts, [*firsts[1:], end], strict=True):
            found = match(raw, first, after)
            if found is None:
                return None
            kind = _STATUSES.get(found.group(1), InterviewStatus.IDEA)  # as decode() reads it
            if kind not in BUSY_STATUSES:
                continue
            day = found.group(2)
            started = None
            if day == b"null":  # held without a planned time: it counts by its start
                session = raw.find(_SESSION_KEY, found.end(), after)
                moment = started_at(raw, session + len(_SESSION_KEY)) if session >= 0 else None
                if moment is None:
                    return None
                if days is not None and moment.group(0)[1:11] not in days:
                    continue
                started = _moment(moment.group(0))
            elif days is not None and day[1:11] not in days:
                continue  # far from every week asked about
            when = _moment(day)
            meetings.append(Interview(status=kind, when=when, session=Session(started=started)))
        return meetings

    def contact_names(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        if self.contacts_at < 0:
            table = self.tables.get(LAST_TABLE, {})
            docs = ((i, table.get(str(i))) for i in wanted)
            return {i: str(doc.get("name", "")) for i, doc in docs if isinstance(doc, dict)}
        names = {}
        after, astray = self.contacts_at, 0
        for contact_id in wanted:
            # infoview writes contacts in the order of their ids: each search goes on from the
            # last one found, so a thousand names cost one pass over the text, not a thousand.
            at = self._name_at(contact_id, after)
            if at is None:
                astray += 1
                at = self._name_at(contact_id, self.contacts_at, indexed=astray > FEW)
            else:
                after = at
            name = self._name(at) if at is not None else None
            if name is None:  # not written as infoview writes it: parse the whole contact
                doc = self._contact(contact_id)
                name = None if doc is None else str(doc.get("name", ""))
            if name is not None:
                names[contact_id] = name
        return names

    def _name_at(self, contact_id: int, after: int, indexed: bool = False) -> int | None:
        """Where contact `contact_id`'s name value starts (`"<id>":{"name":` found from
        `after`), or None."""
        if indexed:
            return self._index().get(contact_id)
        raw, needle = self.raw, b'"%d%s' % (contact_id, _NAME_FIRST)
        at = raw.find(needle, after)
        while at > 0 and raw[at - 1] not in _KEY_BEFORE:
            at = raw.find(needle, at + 1)
        return None if at < 0 else at + len(needle)

    def _index(self) -> dict[int, int]:
        """Where every contact's name starts, in one pass (many contacts out of order: each
        would otherwise be a search through 16 MB)."""
        if self._at is None:
            at_of: dict[int, int] = {}
            self._at = at_of
            raw = self.raw
            find, rfind = raw.find, raw.rfind
            at = find(_NAME_FIRST, self.contacts_at)
            while at >= 0:
                quote = rfind(b'"', at - 24, at)  # the quote that opens the key (ids are short)
                key = raw[quote + 1 : at]
                if quote > 0 and key.isdigit() and raw[quote - 1] in _KEY_BEFORE:
                    at_of.setdefault(int(key), at + len(_NAME_FIRST))
                at = find(_NAME_FIRST, at + len(_NAME_FIRST))
        return self._at

    def _name(self, at: int) -> str | None:
        value = self._value_at(at)
        return value if isinstance(value, str) else None

    def _contact(self, contact_id: int) -> dict[str, Any] | None:
        """A contact written otherwise (by hand): found by its key, and parsed whole."""
        raw, needle = self.raw, b'"%d":' % contact_id
        at = raw.find(needle, self.contacts_at)
        while at >= 0:
            value = at + len(needle)
            if raw[at - 1] in _KEY_BEFORE and raw.startswith(b"{", value):
                doc = self._value_at(value)
                return doc if isinstance(doc, dict) else None
            at = raw.find(needle, at + 1)
        return None

    def _value_at(self, at: int) -> Any:
        """The JSON value that starts at byte `at`, decoding only a slice around it: a cut
        through a value only ever fails to parse (then the slice doubles), never misleads."""
        size = _SLICE
        while True:
            piece = self.raw[at : at + size]
            try:
                return json.JSONDecoder().raw_decode(piece.decode("utf-8", "ignore"))[0]
            except ValueError:
                if at + size >= len(self.raw):
                    return None
                size *= 4


def _moment(value: bytes) -> datetime | None:
    """A stored time (`null` or a quoted ISO time without escapes); None when unreadable,
    as decoding the record would leave it."""
    if value == b"null":
        return None
    try:
        return decode_datetime(value[1:-1].decode())
    except (TypeError, ValueError):
        return None


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
    """The wanted tables, parsed one by one, and where the contacts start; None when the file
    is not laid out as infoview writes it (then the caller reads it all)."""
    key_at = _contacts_key(raw)
    # Only the text before the contacts is decoded (they are two thirds of a large file).
    text = raw[:key_at].decode("utf-8") if key_at > 0 else raw.decode("utf-8")
    rest = Glance({}, raw=raw, contacts_at=key_at + len(_CONTACTS_KEY)) if key_at > 0 else None
    decoder = json.JSONDecoder()
    i = _skip_ws(text, 0)
    if not text.startswith("{", i):
        return None
    i += 1
    tables: dict[str, dict[str, Any]] = {}
    while True:
        i = _skip_ws(text, i)
        if rest is not None and (i == len(text) or wanted <= tables.keys()):
            rest.tables = tables  # what is left before the contacts is never read
            return rest
        if text.startswith("}", i):
            return Glance(tables)  # the whole file, contacts included: nothing left to find
        if tables:
            if not text.startswith(",", i):
                return None
            i = _skip_ws(text, i + 1)
        key, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i)
        if not isinstance(key, str) or not text.startswith(":", i):
            return None
        i = _skip_ws(text, i + 1)
        value, i = decoder.raw_decode(text, i)
        if key in tables or not isinstance(value, dict):
            return None  # twice the same table, or not a table: leave it to the full read
        tables[key] = value


def _contacts_key(raw: bytes) -> int:
    """Where the key of the last table (the contacts) is, when it is found exactly once and
    holds a table; else -1."""
    at = raw.rfind(_CONTACTS_KEY)
    if at < 0 or raw.find(_CONTACTS_KEY) != at:
        return -1
    return at if raw.startswith(b"{", at + len(_CONTACTS_KEY)) else -1


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


__all__ = ["TABLES", "FileDamaged", "Glance", "glance"]
