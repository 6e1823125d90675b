"""Warm introductions: for each ranked employer and the occupation I am exploring, who I
already know there, how sure that is, who introduced them, and what to do next.

For the warm-intro view: `warm_introductions(store)` gives one `WarmTarget` per ranked
employer (in rank order) and one for the current occupation, each with its people (surest
first) and a `next_step` sentence that says "No one yet" out loud with what to do instead;
`ask_for_introduction(store, contact_id, now, organization_id=… | occupation_id=…)` adds
"Ask X for an introduction" to the follow-ups (once: asking twice finds the open item).

How sure, in words:
- employer: *sure* when the contact is linked to that employer on my list; *likely* when the
  company they work at has the same name (case, punctuation, legal suffixes aside); *maybe*
  when the names are alike (every distinctive word of one is in the other).
- occupation: *sure* when I met them about it; *likely* when their job title is its title or
  one of its search keywords; *maybe* when the titles are alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from ..domain.dates import next_working_day
from ..domain.records import (
    Contact,
    ContactSource,
    FollowUp,
    FollowUpKind,
    Occupation,
    Organization,
)
from ..domain.timefmt import short_date
from ..exchange.companies import GENERIC_WORDS, company_key, words
from ..store.store import Store
from .outcome import Outcome

PEOPLE_PER_TARGET = 25  # the view shows the surest; the count says how many there are
TITLE_FILLER = frozenset({"the", "of", "and", "for", "senior", "junior", "sr", "jr", "i", "ii"})


class Sureness(StrEnum):
    SURE = "sure"
    LIKELY = "likely"
    MAYBE = "maybe"


ORDER = {Sureness.SURE: 0, Sureness.LIKELY: 1, Sureness.MAYBE: 2}


@dataclass(frozen=True)
class Known:
    """Someone I know at a target."""

    contact_id: int
    name: str
    job_title: str
    works_at: str
    sureness: Sureness
    introducer_id: int | None
    introducer: str  # who introduced them, by name ("" when no one did)
    source: ContactSource

    def line(self) -> str:
        """'Ada Okafor, Research nurse at Harbour (sure; introduced by Marisol Reyes)'."""
        role = ", ".join(x for x in (self.job_title, self.works_at and f"at {self.works_at}") if x)
        how = [self.sureness.value]
        if self.introducer:
            how.append(f"introduced by {self.introducer}")
        elif self.source is ContactSource.LINKEDIN:
            how.append("a LinkedIn connection")
        return f"{self.name}{', ' + role if role else ''} ({'; '.join(how)})"


@dataclass(frozen=True)
class WarmTarget:
    label: str  # the employer's name or the occupation's title
    organization_id: int | None = None
    occupation_id: int | None = None
    rank: int | None = None
    people: list[Known] = field(default_factory=list)  # surest first, at most PEOPLE_PER_TARGET
    total: int = 0  # how many there are in all
    next_step: str = ""

    @property
    def is_employer(self) -> bool:
        return self.organization_id is not None


def _introducers(contacts: dict[int, Contact], contact: Contact) -> tuple[int | None, str]:
    by = contacts.get(contact.introduced_by_id) if contact.introduced_by_id is not None else None
    if by is not None:
        return by.id, by.name
    return None, contact.introducer_name


def _known(
    contact: Contact, sureness: Sureness, contacts: dict[int, Contact], orgs: dict[int, str]
) -> Known:
    assert contact.id is not None
    intro_id, intro = _introducers(contacts, contact)
    works_at = orgs.get(contact.organization_id or 0) or contact.company
    return Known(contact.id, contact.name, contact.job_title, works_at, sureness, intro_id,
                 intro, contact.source)  # fmt: skip


def _distinctive(parts: Iterable[str], filler: frozenset[str]) -> set[str]:
    return {w for w in parts if w not in filler and len(w) > 1}


def _alike(small: set[str], large: set[str], filler: frozenset[str]) -> bool:
    if len(small) > len(large):
        small, large = large, small
    return bool(small) and bool(_distinctive(small, filler)) and small <= large


def warm_introductions(store: Store) -> list[WarmTarget]:
    """One target per ranked employer, in rank order, then the current occupation."""
    contacts = {c.id: c for c in store.contacts.all() if c.id is not None}
    organizations = store.organizations.all()
    orgs = {o.id: o.name for o in organizations if o.id is not None}
    by_org: dict[int, list[Contact]] = {}
    by_company: dict[str, list[Contact]] = {}
    for c in contacts.values():
        if c.organization_id is not None:
            by_org.setdefault(c.organization_id, []).append(c)
        if c.company.strip():
            by_company.setdefault(company_key(c.company), []).append(c)
    company_words = {key: set(key.split()) for key in by_company if key}
    imported = any(c.source is not ContactSource.TYPED for c in contacts.values())
    targets = []
    ranked = sorted((o for o in organizations if o.rank is not None), key=lambda o: o.rank or 0)
    for org in ranked:
        targets.append(_employer_target(org, contacts, orgs, by_org, by_company, company_words,
                                        imported))  # fmt: skip
    occupation = next((o for o in store.occupations.all() if o.current), None)
    if occupation is not None:
        met = {iv.contact_id for iv in store.interviews.all() if iv.occupation_id == occupation.id}
        targets.append(_occupation_target(occupation, contacts, orgs, met, imported))
    return targets


def _employer_target(
    org: Organization,
    contacts: dict[int, Contact],
    orgs: dict[int, str],
    by_org: dict[int, list[Contact]],
    by_company: dict[str, list[Contact]],
    company_words: dict[str, set[str]],
    imported: bool,
) -> WarmTarget:
    assert org.id is not None
    found: dict[int, Sureness] = {}
    for c in by_org.get(org.id, []):
        found[c.id or 0] = Sureness.SURE
    key = company_key(org.name)
    for c in by_company.get(key, []) if key else []:
        found.setdefault(c.id or 0, Sureness.LIKELY)
    mine = set(key.split())
    for other, other_words in company_words.items():
        if other != key and _alike(mine, other_words, GENERIC_WORDS):
            for c in by_company[other]:
                found.setdefault(c.id or 0, Sureness.MAYBE)
    people = _ordered(found, contacts, orgs)
    return WarmTarget(
        label=org.name,
        organization_id=org.id,
        rank=org.rank,
        people=people[:PEOPLE_PER_TARGET],
        total=len(people),
        next_step=_next_step(people, f"at {org.name}", "there", imported),
    )


def _occupation_target(
    occupation: Occupation,
    contacts: dict[int, Contact],
    orgs: dict[int, str],
    met: set[int | None],
    imported: bool,
) -> WarmTarget:
    titles = {" ".join(words(t)) for t in [occupation.title, *occupation.keywords] if t.strip()}
    title_words = [set(t.split()) for t in titles]
    found: dict[int, Sureness] = {}
    for cid, c in contacts.items():
        if cid in met:
            found[cid] = Sureness.SURE
            continue
        job = " ".join(words(c.job_title))
        if not job:
            continue
        if job in titles:
            found[c.id or 0] = Sureness.LIKELY
        elif any(_alike(set(job.split()), t, TITLE_FILLER) for t in title_words):
            found[c.id or 0] = Sureness.MAYBE
    people = _ordered(found, contacts, orgs)
    return WarmTarget(
        label=occupation.title,
        occupation_id=occupation.id,
        people=people[:PEOPLE_PER_TARGET],
        total=len(people),
        next_step=_next_step(people, f"who works as {occupation.title}", "in this work", imported),
    )


def _ordered(
    found: dict[int, Sureness], contacts: dict[int, Contact], orgs: dict[int, str]
) -> list[Known]:
    people = [_known(contacts[cid], how, contacts, orgs) for cid, how in found.items()]
    # Surest first; among equals, someone with an introducer (a warmer path), then by name.
    people.sort(key=lambda k: (ORDER[k.sureness], not k.introducer, k.name.casefold()))
    return people


def _next_step(people: list[Known], at: str, there: str, imported: bool) -> str:
    if people:
        best = people[0]
        return f"Ask {best.name} for an introduction to someone {at}."
    step = (
        f"No one yet. Next: ask family, friends and former co-workers who they know {there}, "
        "or look for its people in a professional community."
    )
    if not imported:
        step += (
            " Importing your LinkedIn connections shows who you already know (i on the "
            "Contacts screen, or infoview import contacts FILE)."
        )
    return step


def ask_for_introduction(
    store: Store,
    contact_id: int,
    now: datetime,
    *,
    organization_id: int | None = None,
    occupation_id: int | None = None,
) -> Outcome[FollowUp | None]:
    """Add "Ask X for an introduction to someone at <employer>" (or "…who works as
    <occupation>") to the follow-ups, due on the next working day; an open one already there
    is kept, not doubled."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact no longer exists.")
    org = store.organizations.get(organization_id)
    occupation = store.occupations.get(occupation_id)
    if org is not None:
        title = f"Ask {contact.name} for an introduction to someone at {org.name}"
    elif occupation is not None:
        title = f"Ask {contact.name} for an introduction to someone who works as {occupation.title}"
    else:
        return Outcome(None, "That employer or occupation no longer exists.")
    for item in store.followups.all():
        if item.is_open and item.contact_id == contact_id and item.title == title:
            return Outcome(item, f"Already on your list: {title}.")
    profile = store.profile()
    today = now.date()
    due = next_working_day(today + timedelta(days=1), profile.rest_days)
    introducer = _introducers({c.id: c for c in store.contacts.all() if c.id}, contact)[1]
    reason = f"a warm introduction: {contact.name} knows "
    reason += f"{org.name}" if org is not None else f"the work of a {occupation.title}"  # type: ignore[union-attr]
    if introducer:
        reason += f" (introduced to you by {introducer})"
    item = store.followups.save(
        FollowUp(
            kind=FollowUpKind.REACH_OUT,
            title=title,
            due=due,
            contact_id=contact.id,
            organization_id=org.id if org is not None else contact.organization_id,
            reason=reason,
            created=now,
        )
    )
    return Outcome(item, f"Added: {title}, due {short_date(due, today)}.")
