"""What an import will do, row by row, before anything is written.

Each person in the file is matched to a contact I already have, in this order: the vCard UID
it came with (ours from an earlier export, or the other program's), the profile URL, any of
its email addresses, then the exact name together with the same employer (both without one
counts as the same). The first rule that finds someone decides. Then:

- no match: a new contact, marked with the import's source and day;
- a match whose fields differ: an update. An empty field is filled. A field that differs is
  replaced only when the contact came from the same kind of file (a newer LinkedIn export
  knows their new job); for a contact typed in or from elsewhere the difference is reported
  and what I wrote is kept. Names and notes are never replaced, emails are only ever added;
- a match with nothing new: left as it is, so importing a file twice adds nothing.

An imported person is linked to an employer on my list only when the company's name is the
same by `companies.company_key` (never a part of a name); otherwise the company is kept as
written on the contact. Two rows of the same file that are the same person: the second is
skipped, saying which row it repeats. Nothing here reads the clock or the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import unquote

from ..domain.names import name_key
from ..domain.records import Contact, ContactSource, FoundThrough, Organization
from .companies import company_key
from .people import Contents, Person, Skip, short


class MatchBy(StrEnum):
    UID = "vCard UID"
    URL = "profile URL"
    EMAIL = "email"
    NAME = "name and employer"


class Action(StrEnum):
    NEW = "new"
    UPDATE = "update"
    SAME = "up to date"


@dataclass(frozen=True)
class Row:
    """One person of the file and what happens to them. `contact` is what would be saved
    (id None for a new one); for SAME it is the contact as it is."""

    person: Person
    action: Action
    contact: Contact
    by: MatchBy | None = None
    changes: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()  # differences reported and left as they are
    note: str = ""
    employer: str = ""  # the employer on my list it is linked to, if any

    def describe(self) -> str:
        who = f"{self.person.where}: {self.person.name}"
        if self.by is not None:
            who += f" (matched by {self.by.value}"
            if self.contact.id is not None:
                who += f", contact {self.contact.id}"
            who += ")"
        bits = list(self.changes) + [f"{k}" for k in self.kept]
        if self.action is Action.NEW and self.employer:
            bits.append(f"at {self.employer} (on your list)")
        if self.note:
            bits.append(self.note)
        return who + (": " + "; ".join(bits) if bits else "")


@dataclass
class ImportPlan:
    contents: Contents
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    basis: tuple[int, int] | None = None  # the store's state it was made against (services)

    def of(self, action: Action) -> list[Row]:
        return [row for row in self.rows if row.action is action]

    @property
    def new(self) -> list[Row]:
        return self.of(Action.NEW)

    @property
    def updated(self) -> list[Row]:
        return self.of(Action.UPDATE)

    @property
    def unchanged(self) -> list[Row]:
        return self.of(Action.SAME)

    @property
    def changes(self) -> int:
        """How many contacts the import would write."""
        return sum(1 for row in self.rows if row.action is not Action.SAME)

    def counts(self) -> tuple[int, int, int, int]:
        return len(self.new), len(self.updated), len(self.unchanged), len(self.skipped)

    def summary(self) -> str:
        """One line: 'Rows: 3,012. New 2,950, to update 30, already up to date 12, skipped 20.'"""
        new, updated, same, skipped = self.counts()
        total = len(self.rows) + skipped
        return (
            f"{total:,} {'entry' if total == 1 else 'entries'}: {new:,} new, {updated:,} to "
            f"update, {same:,} already up to date, {skipped:,} skipped."
        )

    def report(self, limit: int | None = 10) -> list[str]:
        """The plan in lines for people: counts, how matches were made, every skipped row
        with its reason, then the updates and new people (`limit` of each; None: all)."""
        lines = [f"From {self.contents.label}:", f"  {self.summary()}"]
        matched = [row for row in self.rows if row.by is not None]
        if matched:
            counts: dict[str, int] = {}
            for row in matched:
                counts[row.by.value] = counts.get(row.by.value, 0) + 1  # type: ignore[union-attr]
            how = ", ".join(f"{n:,} by {by}" for by, n in counts.items())
            lines.append(f"  Matched to contacts you have: {how}.")
        linked = sum(1 for row in self.new if row.employer)
        if linked:
            lines.append(f"  New people at an employer on your list (same name): {linked:,}.")
        for note in self.contents.notes:
            lines.append(f"  {note}")
        if self.skipped:
            lines += ["", f"Skipped ({len(self.skipped):,}):"]
            lines += [f"  {text}" for text in group_skips(self.skipped, limit)]
        for title, rows in (("To update", self.updated), ("New", self.new)):
            if rows:
                lines += ["", f"{title} ({len(rows):,}):"]
                shown = rows if limit is None else rows[:limit]
                lines += [f"  {row.describe()}" for row in shown]
                if len(shown) < len(rows):
                    lines.append(f"  … and {len(rows) - len(shown):,} more (--verbose lists all)")
        kept = [row for row in self.unchanged if row.kept]
        if kept:
            lines += ["", f"Differences kept as you have them ({len(kept):,} contacts):"]
            shown = kept if limit is None else kept[:limit]
            lines += [f"  {row.person.where}: {row.person.name}: {'; '.join(row.kept)}"
                      for row in shown]  # fmt: skip
            if len(shown) < len(kept):
                lines.append(f"  … and {len(kept) - len(shown):,} more")
        warnings = self.contents.warnings
        if warnings:
            lines += ["", f"Warnings ({len(warnings):,}):"]
            shown_w = warnings if limit is None else warnings[: max(limit, 20)]
            lines += [f"  {w}" for w in shown_w]
            if len(shown_w) < len(warnings):
                lines.append(f"  … and {len(warnings) - len(shown_w):,} more")
        return lines


def group_skips(skipped: list[Skip], limit: int | None = 10) -> list[str]:
    """'rows 9, 14, 20: blank row': one line per reason, in the order they first came."""
    groups: dict[str, list[str]] = {}
    for skip in skipped:
        groups.setdefault(skip.reason, []).append(skip.where)
    lines = []
    cap = None if limit is None else max(limit * 2, 20)
    for reason, wheres in groups.items():
        shown = wheres if cap is None else wheres[:cap]
        more = f" and {len(wheres) - len(shown):,} more" if len(shown) < len(wheres) else ""
        lines.append(f"{_join_wheres(shown)}{more}: {reason}")
    return lines


def _join_wheres(wheres: list[str]) -> str:
    """'row 9, 14, 20' from 'row 9', 'row 14', 'row 20' (other kinds listed whole)."""
    if len(wheres) > 1 and all(w.startswith("row ") for w in wheres):
        return "rows " + ", ".join(w[4:] for w in wheres)
    return ", ".join(wheres)


# ----- keys ---------------------------------------------------------------------------------


_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?([^/?#:]*)(?::\d*)?([^?#]*)", re.I)


def url_key(url: str) -> str:
    """A profile URL for comparing: no scheme, no www or country part of LinkedIn's host, no
    query, no trailing slash, lower case (https://uk.linkedin.com/in/Ada/ is
    linkedin.com/in/ada). A regular expression, not urlsplit: it runs for every contact."""
    text = url.strip()
    if not text:
        return ""
    m = _URL.match(text)
    if m is None:  # pragma: no cover - the pattern matches any text
        return text.casefold()
    host = m[1].casefold().removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    path = m[2]
    if "%" in path:
        path = unquote(path)
    return f"{host}{path.rstrip('/').casefold()}"


def _name_company(name: str, company: str) -> str:
    return f"{name_key(name)}\x00{company}"


class _Index:
    """Contacts I have, by every key a row may match on. Rows of the file that become new
    contacts are added as they are planned (as negative numbers) so a repeat is noticed."""

    def __init__(self, contacts: Iterable[Contact], orgs: dict[int, Organization]) -> None:
        self.contacts: dict[int, Contact] = {}
        self.uid: dict[str, int] = {}
        self.url: dict[str, int] = {}
        self.email: dict[str, int] = {}
        self.name_company: dict[str, int] = {}
        self.name: dict[str, int] = {}
        self.org_keys = {oid: company_key(org.name) for oid, org in orgs.items()}
        for contact in sorted(contacts, key=lambda c: c.id or 0):
            if contact.id is not None:
                self.add(contact.id, contact)

    def company_keys(self, contact: Contact) -> set[str]:
        keys = set()
        if contact.organization_id is not None and contact.organization_id in self.org_keys:
            keys.add(self.org_keys[contact.organization_id])
        if contact.company.strip():
            keys.add(company_key(contact.company))
        return keys or {""}

    def add(self, number: int, contact: Contact) -> None:
        self.contacts[number] = contact
        if contact.uid:
            self.uid.setdefault(contact.uid, number)
        key = url_key(contact.linkedin)
        if key:
            self.url.setdefault(key, number)
        for email in (contact.email, *contact.other_emails):
            if email.strip():
                self.email.setdefault(email.strip().casefold(), number)
        for company in self.company_keys(contact):
            self.name_company.setdefault(_name_company(contact.name, company), number)
        self.name.setdefault(name_key(contact.name), number)

    def find(self, person: Person, ours: Callable[[str], int | None]) -> tuple[int, MatchBy] | None:
        if person.uid:
            found = self.uid.get(person.uid)
            if found is None:
                found = ours(person.uid)
            if found is not None:
                return found, MatchBy.UID
        key = url_key(person.url)
        if key and key in self.url:
            return self.url[key], MatchBy.URL
        for email in person.emails:
            found = self.email.get(email.casefold())
            if found is not None:
                return found, MatchBy.EMAIL
        wanted = _name_company(person.name, company_key(person.company))
        if wanted in self.name_company:
            return self.name_company[wanted], MatchBy.NAME
        return None


# ----- the plan -----------------------------------------------------------------------------


def plan_import(
    contents: Contents,
    contacts: Iterable[Contact],
    organizations: Iterable[Organization],
    now: datetime,
    our_uids: Callable[[], dict[str, int]] = dict,
) -> ImportPlan:
    """The plan for `contents` against the contacts and employers I have. `our_uids` gives
    {uid: contact id} of the UIDs our own vCard export writes (asked only if a card has one)."""
    orgs = {o.id: o for o in organizations if o.id is not None}
    by_key: dict[str, Organization] = {}
    for listed in sorted(orgs.values(), key=lambda o: o.id or 0):
        by_key.setdefault(company_key(listed.name), listed)
    by_key.pop("", None)
    index = _Index(contacts, orgs)
    cache: dict[str, int] = {}
    loaded = False

    def ours(uid: str) -> int | None:
        nonlocal loaded
        if not loaded:
            cache.update(our_uids())
            loaded = True
        return cache.get(uid)

    plan = ImportPlan(contents, skipped=list(contents.skipped))
    first_row: dict[int, str] = {}  # contact (or pending new: negative) -> the row that took it
    for person in contents.people:
        org: Organization | None = None
        if person.company:
            org = by_key.get(company_key(person.company))
        found = index.find(person, ours)
        if found is not None:
            number, by = found
            if number in first_row:
                plan.skipped.append(
                    Skip(
                        person.where,
                        f"same person as {first_row[number]} (same {by.value})",
                        person.number,
                    )
                )
                continue
            first_row[number] = person.where
            if number < 0:  # cannot happen: pending rows are always in first_row
                continue
            if by is MatchBy.UID and person.uid not in index.uid:
                person = replace(person, uid="")  # our own export's UID: not worth keeping
            plan.rows.append(_update(person, index.contacts[number], by, org, contents.kind))
            continue
        contact = _new_contact(person, org, contents.kind, now)
        note = ""
        same_name = index.name.get(name_key(person.name))
        if same_name is not None and same_name > 0:
            other = index.contacts[same_name]
            where = _employer_words(other, orgs)
            note = (
                f"you already have a contact called {other.name}{where} (contact {other.id}): "
                "check they are not the same person"
            )
        pending = -person.number
        index.add(pending, contact)
        first_row[pending] = person.where
        plan.rows.append(
            Row(person, Action.NEW, contact, note=note, employer=org.name if org else "")
        )
    plan.skipped.sort(key=lambda s: s.number)
    return plan


def _employer_words(contact: Contact, orgs: dict[int, Organization]) -> str:
    org = orgs.get(contact.organization_id) if contact.organization_id is not None else None
    name = org.name if org is not None else contact.company
    return f" at {name}" if name.strip() else ""


def _new_contact(
    person: Person, org: Organization | None, kind: ContactSource, now: datetime
) -> Contact:
    return Contact(
        name=person.name,
        job_title=person.job_title,
        organization_id=org.id if org else None,
        email=person.emails[0] if person.emails else "",
        other_emails=list(person.emails[1:]),
        phone=person.phone,
        linkedin=person.url,
        found_through=FoundThrough.PROFESSIONAL
        if kind is ContactSource.LINKEDIN
        else FoundThrough.OTHER,
        notes=person.notes,
        created=now,
        company=person.company,
        source=kind,
        imported=now.date(),
        connected_on=person.connected_on,
        uid=person.uid,
    )


def _update(
    person: Person, contact: Contact, by: MatchBy, org: Organization | None, kind: ContactSource
) -> Row:
    same_source = contact.source is kind
    changes: list[str] = []
    kept: list[str] = []
    values: dict[str, object] = {}

    def consider(
        name: str, label: str, current: str | date | None, incoming: str | date | None
    ) -> None:
        if not incoming or current == incoming:
            return
        if not current:
            values[name] = incoming
            changes.append(f"adds the {label}")
        elif same_source:
            values[name] = incoming
            changes.append(f"{label} {_said(current)} → {_said(incoming)}")
        else:
            kept.append(f"{label} differs (kept {_said(current)}; the file has {_said(incoming)})")

    consider("job_title", "job title", contact.job_title, person.job_title)
    consider("company", "company", contact.company, person.company)
    if url_key(person.url) != url_key(contact.linkedin):
        consider("linkedin", "profile URL", contact.linkedin, person.url)
    consider("phone", "phone", contact.phone, person.phone)
    consider("connected_on", "date connected", contact.connected_on, person.connected_on)
    consider("uid", "vCard UID", contact.uid, person.uid)
    if person.notes and not contact.notes:
        values["notes"] = person.notes
        changes.append("adds the notes")
    have = {e.casefold() for e in (contact.email, *contact.other_emails) if e}
    fresh = [e for e in person.emails if e.casefold() not in have]
    if fresh:
        email, others = contact.email, list(contact.other_emails)
        if not email:
            email, fresh_rest = fresh[0], fresh[1:]
        else:
            fresh_rest = fresh
        others += fresh_rest
        values["email"], values["other_emails"] = email, others
        changes.append(f"adds {'an email' if len(fresh) == 1 else f'{len(fresh)} emails'}")
    employer = ""
    if org is not None and org.id != contact.organization_id:
        if contact.organization_id is None or same_source:
            values["organization_id"] = org.id
            employer = org.name
            changes.append(f"links to {org.name} on your list")
        else:
            kept.append(f"employer differs (kept yours; the file has {_said(person.company)})")
    elif (
        org is None
        and person.company
        and same_source
        and contact.organization_id is not None
        and company_key(person.company) != company_key(contact.company)
    ):
        values["organization_id"] = None  # moved on to an employer not on my list
        changes.append("no longer linked to the employer on your list (the company changed)")
    if not values:
        return Row(person, Action.SAME, contact, by, kept=tuple(kept))
    updated = replace(contact, **values)  # type: ignore[arg-type]
    return Row(person, Action.UPDATE, updated, by, tuple(changes), tuple(kept), employer=employer)


def _said(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return repr(short(str(value)))
