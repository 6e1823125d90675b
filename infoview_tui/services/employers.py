"""Employers: adding one, its place in the ranking, the practice target, its card, and
deleting one (saying first what that does to everything linked to it).

The ranking rules (domain/employers.py) return every record a change renumbers; they are
saved in one batch, so after a crash the ranks are as before or as after, never half-way.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain import employers as rules
from ..domain.records import Organization
from ..domain.validation import clean_text
from ..store.store import Store
from .outcome import Outcome
from .words import plural


def deletion_effects(store: Store, org_id: int) -> str:
    """What else deleting the employer does, in words: who and what stays, and without what."""
    org = store.organizations.get(org_id)
    if org is None:
        return "It is already gone."
    contacts = [c for c in store.contacts.all() if c.organization_id == org_id]
    meetings = [iv for iv in store.interviews.all() if iv.organization_id == org_id]
    items = [f for f in store.followups.all() if f.organization_id == org_id]
    named = rules.named_by(store.organizations.all(), org_id)
    sentences = []
    if contacts:
        verb = "stays" if len(contacts) == 1 else "stay"
        sentences.append(
            f"{plural(len(contacts), 'contact', 'contacts')} at {org.name} {verb}, "
            "without an employer."
        )
    if meetings:
        verb = "keeps its" if len(meetings) == 1 else "keep their"
        sentences.append(
            f"{plural(len(meetings), 'meeting', 'meetings')} {verb} notes but no longer "
            "name the employer."
        )
    if items:
        verb = "stays" if len(items) == 1 else "stay"
        sentences.append(f"{plural(len(items), 'follow-up', 'follow-ups')} {verb}.")
    if named:
        sentences.append(
            f"It is dropped from the competitors on {plural(len(named), 'card', 'cards')}."
        )
    if org.rank is not None:
        sentences.append("The employers ranked below it move up one place.")
    if not sentences:
        sentences.append("Nothing else refers to it.")
    if org.rank is not None and (contacts or meetings):
        sentences.append("To keep it but drop it from the ranking, press r instead.")
    return " ".join(sentences) + "\n\nThis cannot be undone."


def delete_employer(store: Store, org_id: int) -> Outcome[None]:
    """Unlink everything that points at the employer, then remove it.

    One batch: after a crash all of it is done or none, never an id that points at nothing.
    Ranks below it close up; competitor lists drop it.
    """
    org = store.organizations.get(org_id)
    if org is None:
        return Outcome(None, "That employer was already deleted.")
    with store.batch():
        for contact in store.contacts.all():
            if contact.organization_id == org_id:
                store.contacts.save(replace(contact, organization_id=None))
        for interview in store.interviews.all():
            if interview.organization_id == org_id:
                store.interviews.save(replace(interview, organization_id=None))
        for item in store.followups.all():
            if item.organization_id == org_id:
                store.followups.save(replace(item, organization_id=None))
        for record in rules.after_delete(store.organizations.all(), org_id):
            store.organizations.save(record)
        store.organizations.delete(org_id)
    return Outcome(None, f"Deleted {org.name}.")


def _save_all(store: Store, records: list[Organization]) -> list[Organization]:
    with store.batch():
        return [store.organizations.save(record) for record in records]


def move(store: Store, org_id: int, offset: int) -> Outcome[list[Organization]]:
    """A ranked employer `offset` places up (negative) or down; the others make room."""
    changed = _save_all(store, rules.move(store.organizations.all(), org_id, offset))
    moved = store.organizations.get(org_id)
    where = f"{moved.name} is ranked {moved.rank}." if moved and moved.rank else ""
    return Outcome(changed, where)


def set_ranked(store: Store, org_id: int, on: bool) -> Outcome[list[Organization]]:
    """On the ranked list (at its bottom), or off it; the ranks close up."""
    changed = _save_all(store, rules.set_ranked(store.organizations.all(), org_id, on))
    org = store.organizations.get(org_id)
    if org is None:
        return Outcome(changed, "That employer no longer exists.")
    if org.rank is None:
        return Outcome(changed, f"{org.name} is off the ranked list.")
    return Outcome(changed, f"{org.name} is ranked {org.rank}.")


def set_practice(store: Store, org_id: int, on: bool) -> Outcome[list[Organization]]:
    """The one practice target (marking one clears any other), or none."""
    changed = _save_all(store, rules.set_practice(store.organizations.all(), org_id, on))
    org = store.organizations.get(org_id)
    name = org.name if org else "It"
    return Outcome(changed, f"{name} is the practice target." if on else f"{name} is not.")


def add_employer(store: Store, name: str) -> Outcome[Organization | None]:
    """A new employer at the bottom of the ranking, in one batch; None, with the reason, for
    a name that is empty, too long or already on the list."""
    orgs = store.organizations.all()
    problem = rules.check_name(name, orgs)
    if problem:
        return Outcome(None, problem)
    with store.batch():
        org = store.organizations.save(Organization(name=clean_text(name)))
        assert org.id is not None
        _save_all(store, rules.set_ranked([*orgs, org], org.id, True))
    added = store.organizations.get(org.id)
    assert added is not None
    return Outcome(added, f"{added.name} is ranked {added.rank}.")


def add_competitors(store: Store, names: list[str]) -> Outcome[list[Organization]]:
    """Competitors named on a card join the list, not ranked, in one batch; a name too long
    for an employer stays a plain name on the card."""
    added: list[Organization] = []
    with store.batch():
        for name in names:
            if rules.check_name(name, store.organizations.all()):
                continue
            added.append(store.organizations.save(Organization(name=clean_text(name))))
    if not added:
        return Outcome(added, "")
    names_text = ", ".join(o.name for o in added)
    return Outcome(added, f"Added to my list, not ranked: {names_text}.")


def save_employer(store: Store, org: Organization) -> Outcome[Organization]:
    """The research card as typed."""
    return Outcome(store.organizations.save(org), "Saved.")
