"""People: saving a contact (with its employer and its stay-in-touch rhythm), finding
people who share a name, and deleting a contact, saying first what that does."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain import rhythm
from ..domain.names import name_key
from ..domain.records import Contact, Organization
from ..domain.timefmt import short_date
from ..store.store import Store
from . import followups
from .outcome import Outcome
from .words import plural


def same_name(store: Store, name: str, except_id: int | None = None) -> list[Contact]:
    """Contacts called `name`, case, accents and spacing aside (not `except_id`), by id."""
    key = name_key(name)
    if not key:
        return []
    found = [c for c in store.contacts.all() if c.id != except_id and name_key(c.name) == key]
    return sorted(found, key=lambda c: c.id or 0)


def save_contact(
    store: Store, contact: Contact, now: datetime, *, new_organization: str | None = None
) -> Outcome[Contact]:
    """Keep a contact as the form holds it, as one change: a new employer it names is made
    with it, and a rhythm that changed settles its one open check-in (made, moved or closed).
    A rhythm left as it was leaves the check-in alone (it may have been snoozed)."""
    before = store.contacts.get(contact.id) if contact.id is not None else None
    old_rhythm = before.cadence_days if before is not None else None
    with store.batch():
        if new_organization:
            org = store.organizations.save(Organization(name=new_organization, rank=None))
            contact = replace(contact, organization_id=org.id)
        saved = store.contacts.save(contact)
        if saved.cadence_days == old_rhythm:
            return Outcome(saved, f"Saved {saved.name}.")
        saved, items = rhythm.set_cadence(
            saved, saved.cadence_days, store.followups.all(), now, store.profile().rest_days
        )
        for change in items:
            store.followups.save(change)
    if saved.cadence_days is None:
        return Outcome(saved, f"Saved {saved.name}. No rhythm: no more check-ins.")
    item = rhythm.open_touch_item(saved, store.followups.all())
    assert item is not None and item.due is not None  # set_cadence made or moved it
    return Outcome(
        saved,
        f"Saved {saved.name}. Next check-in {short_date(item.due, now.date())} "
        f"({rhythm.describe(saved.cadence_days)}).",
    )


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
            f"{name} introduced {plural(len(introduced), 'person', 'people')}; they stay, "
            f"and still say {name} introduced them."
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
            f"with their notes and {name}'s name."
        )
    done = [f for f in store.followups.all() if f.contact_id == contact_id and not f.is_open]
    if done:
        verb = "stays" if len(done) == 1 else "stay"
        sentences.append(f"{plural(len(done), 'done follow-up', 'done follow-ups')} {verb}.")
    if not sentences:
        sentences.append("Nothing else refers to them.")
    return " ".join(sentences) + "\n\nThis cannot be undone."


def delete_contact(store: Store, contact_id: int) -> Outcome[None]:
    """Remove a contact, leaving no id that points at them.

    What they leave behind is their name: the people they introduced keep it as their
    introducer's name, meetings with them keep it as whom they were with (with their notes).
    Their open follow-ups go; done ones are history and stay, unlinked. One batch: after a
    crash all of it is done or none, never a dangling id.
    """
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact was already deleted.")
    with store.batch():
        for other in store.contacts.all():
            if other.introduced_by_id == contact_id:
                store.contacts.save(
                    replace(other, introduced_by_id=None, introducer_name=contact.name)
                )
        for meeting in store.interviews.all():
            if meeting.contact_id == contact_id:
                store.interviews.save(replace(meeting, contact_id=None, contact_name=contact.name))
        followups.let_go_of(store, "contact_id", contact_id)
        store.contacts.delete(contact_id)
    return Outcome(None, f"Deleted {contact.name}.")
