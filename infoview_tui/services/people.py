"""People: deleting a contact, and saying first what that does."""

from __future__ import annotations

from dataclasses import replace

from ..store.store import Store
from .outcome import Outcome
from .words import plural


def deletion_effects(store: Store, contact_id: int) -> str:
    """What else deleting the contact does, in words: who loses an introducer, what goes."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return "They are already gone."
    name = contact.name
    introduced = [c for c in store.contacts.all() if c.introduced_by_id == contact_id]
    open_items = [f for f in store.followups.all() if f.contact_id == contact_id and f.is_open]
    meetings = [iv for iv in store.interviews.all() if iv.contact_id == contact_id]
    sentences = []
    if introduced:
        sentences.append(
            f"{name} introduced {plural(len(introduced), 'person', 'people')}; "
            "they stay, without an introducer."
        )
    if open_items:
        verb = "is" if len(open_items) == 1 else "are"
        sentences.append(
            f"{plural(len(open_items), 'open follow-up', 'open follow-ups')} "
            f"for {name} {verb} removed."
        )
    if meetings:
        verb = "is" if len(meetings) == 1 else "are"
        sentences.append(
            f"{plural(len(meetings), 'meeting', 'meetings')} with {name} {verb} kept, "
            "with their notes."
        )
    if not sentences:
        sentences.append("Nothing else refers to them.")
    return " ".join(sentences) + "\n\nThis cannot be undone."


def delete_contact(store: Store, contact_id: int) -> Outcome[None]:
    """Remove a contact: who they introduced stays without an introducer, their open
    follow-ups go, meetings with them are kept (they are history, and hold notes)."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact was already deleted.")
    for other in store.contacts.all():
        if other.introduced_by_id == contact_id:
            store.contacts.save(replace(other, introduced_by_id=None))
    for item in store.followups.all():
        if item.contact_id == contact_id and item.is_open and item.id is not None:
            store.followups.delete(item.id)
    store.contacts.delete(contact_id)
    return Outcome(None, f"Deleted {contact.name}.")
