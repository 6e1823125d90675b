"""People: saving a contact (with a new employer it names), deleting one, and saying first
what that does."""

from __future__ import annotations

from dataclasses import replace

from ..domain.records import Contact, Organization
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
        for item in store.followups.all():
            if item.contact_id != contact_id or item.id is None:
                continue
            if item.is_open:
                store.followups.delete(item.id)
            else:
                store.followups.save(replace(item, contact_id=None))
        store.contacts.delete(contact_id)
    return Outcome(None, f"Deleted {contact.name}.")


def save_contact(store: Store, contact: Contact, new_organisation: str = "") -> Outcome[Contact]:
    """The contact form, checked: the contact, and the employer it names when that is not on
    the list yet (added unranked), in one batch: never an employer without its contact."""
    with store.batch():
        if new_organisation:
            org = store.organizations.save(Organization(name=new_organisation, rank=None))
            contact = replace(contact, organization_id=org.id)
        saved = store.contacts.save(contact)
    return Outcome(saved, f"Saved {saved.name}.")
