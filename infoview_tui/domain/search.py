"""One search over everything a person wrote down: names, employers, notes, captures,
reflections and follow-ups.

Matching ignores case and accents ("jose" finds "José", "koln" finds "Köln": text is NFKD-
decomposed and its combining marks dropped), and every word typed must appear somewhere in
the same record. Names come first in the results, then titles, then everything else; at most
MAX_HITS are returned. `SearchIndex.build` folds all the text once (tens of milliseconds at
30,000 contacts); each search after that is a scan of plain strings, quick enough per keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum

from .names import fold
from .records import Contact, FollowUp, Interview, Organization
from .timefmt import full_date, local_day

MAX_HITS = 200
SNIPPET_CHARS = 70


class Kind(StrEnum):
    CONTACT = "contact"
    EMPLOYER = "employer"
    MEETING = "meeting"
    FOLLOW_UP = "follow-up"


@dataclass(frozen=True)
class Hit:
    kind: Kind
    record_id: int
    title: str  # what the record is: a name, a meeting, a follow-up's title
    where: str  # which part of it matched: "name", "note at 4:05", "reflection: reality"
    snippet: str  # the matching text around the first match, on one line


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    total: int  # how many records matched; more than len(hits) when capped


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the one it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        out.append(piece)
        index.extend([i] * len(piece))
    return "".join(out), index


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _meeting_title(interview: Interview, name: str, zone: tzinfo | None) -> str:
    who = name or "someone"
    moment = interview.when or interview.session.started
    if moment is None:
        return f"Meeting with {who}"
    return f"Meeting with {who}, {full_date(local_day(moment, zone))}"


def _meeting_fields(interview: Interview) -> list[tuple[str, str]]:
    fields = [(f"note at {_clock(note.elapsed)}", note.text) for note in interview.notes]
    if interview.draft is not None:
        fields.append(("unsent note", interview.draft.text))
    for capture in interview.captures:
        text = capture.text
        if capture.organization:
            text = f"{text} ({capture.organization})"
        fields.append((f"{capture.kind.value} capture", text))
    reflection = interview.reflection
    if reflection is not None:
        for label, text in (
            ("reality", reflection.reality),
            ("learned", reflection.learned),
            ("interests", reflection.interests),
            ("values", reflection.values),
            ("needs", reflection.needs),
            ("skills", reflection.skills),
            ("training", reflection.training),
        ):
            fields.append((f"reflection: {label}", text))
        fields += [("reflection: demand", d.text) for d in reflection.demands]
        fields += [("reflection: next step", step) for step in reflection.next_steps]
        fields.append(("thank-you draft", reflection.thank_you))
    fields.append(("place", interview.place))
    return fields


def _contact_fields(c: Contact, employer: str) -> list[tuple[str, str]]:
    return [
        ("name", c.name), ("job title", c.job_title), ("employer", employer),
        ("email", c.email), ("notes", c.notes),
    ]  # fmt: skip


def _employer_fields(o: Organization) -> list[tuple[str, str]]:
    return [
        ("name", o.name), ("why", o.why), ("strengths", o.strengths), ("culture", o.culture),
        ("achievements", o.achievements), ("news", o.news), ("position", o.position),
        ("website", o.website),
    ]  # fmt: skip


def _followup_fields(f: FollowUp) -> list[tuple[str, str]]:
    return [("follow-up", f.title), ("why", f.reason)]


class SearchIndex:
    """Every searchable record with its text folded once; `find` runs a query over it.

    Kept as parallel lists of plain strings, and the fields of a record are only looked at
    again for the few hits shown: building stays cheap at 50,000 records.
    """

    def __init__(self) -> None:
        self._kinds: list[Kind] = []
        self._records: list[Contact | Organization | Interview | FollowUp] = []
        self._hays: list[str] = []  # every field of a record, folded, joined by newlines
        self._names: list[str] = []  # the folded name, for ranking ("" when none)
        self._titles: list[str] = []
        self._orgs: dict[int | None, str] = {}

    def __len__(self) -> int:
        return len(self._hays)

    def _add(
        self,
        kind: Kind,
        record: Contact | Organization | Interview | FollowUp,
        title: str,
        name: str,
        hay: str,
    ) -> None:
        if record.id is None:
            return
        self._kinds.append(kind)
        self._records.append(record)
        self._titles.append(title)
        self._names.append(fold(name))
        self._hays.append(fold(hay))

    @classmethod
    def build(
        cls,
        contacts: Iterable[Contact],
        organizations: Iterable[Organization],
        interviews: Iterable[Interview],
        followups: Iterable[FollowUp],
        *,
        zone: tzinfo | None = None,
    ) -> SearchIndex:
        """`zone`: the viewer's, in which meeting days are named."""
        index = cls()
        organizations = list(organizations)
        orgs = index._orgs = {o.id: o.name for o in organizations if o.id is not None}
        people: dict[int | None, str] = {}
        add = index._add
        for c in contacts:
            people[c.id] = c.name
            employer = orgs.get(c.organization_id, "")
            hay = f"{c.name}\n{c.job_title}\n{employer}\n{c.email}\n{c.notes}"
            add(Kind.CONTACT, c, c.name, c.name, hay)
        for o in organizations:
            add(Kind.EMPLOYER, o, o.name, o.name, "\n".join(t for _, t in _employer_fields(o)))
        for iv in interviews:
            title = _meeting_title(iv, people.get(iv.contact_id, "") or iv.contact_name, zone)
            add(Kind.MEETING, iv, title, "", "\n".join(t for _, t in _meeting_fields(iv)))
        for f in followups:
            add(Kind.FOLLOW_UP, f, f.title or "(untitled)", "", f"{f.title}\n{f.reason}")
        return index

    def find(self, query: str, limit: int = MAX_HITS) -> Found:
        """Records holding every word of `query`: names first, then the rest; capped."""
        words = fold(query).split()
        if not words:
            return Found([], 0)
        longest = max(words, key=len)
        others = [w for w in words if w is not longest]
        hays = self._hays
        matched = [i for i, hay in enumerate(hays) if longest in hay]
        if others:
            matched = [i for i in matched if all(w in hays[i] for w in others)]
        names, titles = self._names, self._titles

        def rank(i: int) -> tuple[int, int, str]:
            name = names[i]
            in_name = bool(name) and all(w in name for w in words)
            starts = in_name and name.startswith(words[0])
            return (0 if in_name else 1, 0 if starts else 1, name or titles[i].casefold())

        matched.sort(key=rank)
        return Found([self._hit(i, words) for i in matched[:limit]], len(matched))

    def _fields(self, i: int) -> list[tuple[str, str]]:
        record, kind = self._records[i], self._kinds[i]
        if kind is Kind.CONTACT:
            return _contact_fields(record, self._orgs.get(record.organization_id, ""))  # type: ignore[arg-type,union-attr]
        if kind is Kind.EMPLOYER:
            return _employer_fields(record)  # type: ignore[arg-type]
        if kind is Kind.MEETING:
            return _meeting_fields(record)  # type: ignore[arg-type]
        return _followup_fields(record)  # type: ignore[arg-type]

    def _hit(self, i: int, words: list[str]) -> Hit:
        """The field holding most of the words, and a snippet of it around the match."""
        fields = [(where, text) for where, text in self._fields(i) if text and text.strip()]
        best_where, best_text, best_score = "", "", -1
        for where, text in fields:
            folded = fold(text)
            score = sum(1 for w in words if w in folded)
            if score > best_score:
                best_where, best_text, best_score = where, text, score
                if score == len(words):
                    break
        record_id = self._records[i].id
        assert record_id is not None
        return Hit(
            self._kinds[i], record_id, self._titles[i], best_where, snippet(best_text, words)
        )


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around the first match of any of `words`."""
    folded, index = _fold_with_map(text) if not text.isascii() else (text.lower(), None)
    hits = [pos for pos in (folded.find(w) for w in words) if pos >= 0]
    at = min(hits) if hits else 0
    if index is not None and index:
        at = index[min(at, len(index) - 1)]
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    start = max(0, end - width)
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def search(
    query: str,
    contacts: Iterable[Contact],
    organizations: Iterable[Organization],
    interviews: Iterable[Interview],
    followups: Iterable[FollowUp],
) -> list[Hit]:
    """One-off search (builds the index each time; a screen keeps a `SearchIndex` instead)."""
    return SearchIndex.build(contacts, organizations, interviews, followups).find(query).hits
