"""Employers: deleting one, and saying first what that does to everything linked to it."""

from __future__ import annotations

from dataclasses import replace

from ..domain import employers as rules
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

    Links go first: a crash half-way leaves the employer in place, never an id that points at
    nothing. Ranks below it close up; competitor lists drop it.
    """
    org = store.organizations.get(org_id)
    if org is None:
        return Outcome(None, "That employer was already deleted.")
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
