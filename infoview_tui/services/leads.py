"""What a meeting's captures become: a referral a contact, a lead an employer, a job title a
search keyword. Each marks its capture handled, so it is done once, in the same batch as
what it made (after a crash: both, or neither)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain import after
from ..domain.records import Contact, Interview, Organization
from ..domain.summary import person_named
from ..domain.validation import clean_text
from ..store.store import Store
from .outcome import Outcome


def existing_contact(store: Store, interview: Interview, index: int) -> Contact | None:
    """A contact already called what the referral at `index` is called (ask before a second)."""
    return after.find_by_name(store.contacts.all(), interview.captures[index].text)


def accept_referral(
    store: Store, interview: Interview, index: int, now: datetime
) -> Outcome[Interview]:
    """The referral becomes a contact, introduced by the interviewee (with the permission to
    use their name), at their employer (found, or added), with a reach-out follow-up."""
    capture = interview.captures[index]
    # Deleted since: the name the meeting kept (the new contact keeps it as their introducer).
    interviewee = store.contacts.get(interview.contact_id) or Contact(name=interview.contact_name)
    contact = after.referral_to_contact(capture, interview, interviewee)
    with store.batch():  # contact, employer, follow-up and the capture handled: all or none
        if capture.organization.strip():
            org = after.find_by_name(store.organizations.all(), capture.organization)
            if org is None:
                org = store.organizations.save(
                    Organization(
                        name=clean_text(capture.organization), why=f"where {contact.name} works"
                    )
                )
            contact = replace(contact, organization_id=org.id)
        contact = store.contacts.save(replace(contact, created=now))
        item = after.reach_out_item(contact, interview, now.date(), introducer=interviewee.name)
        store.followups.save(replace(item, created=now))
        handled = store.interviews.save(after.mark_handled(interview, index))
    return Outcome(handled, f"{contact.name} added to contacts, with a reach-out item.")


def accept_lead(store: Store, interview: Interview, index: int) -> Outcome[Interview]:
    """The lead joins the employers (unranked), or an employer already listed is marked hiring."""
    capture = interview.captures[index]
    by = person_named(interview, store.contacts.get(interview.contact_id))
    org = after.find_by_name(store.organizations.all(), capture.text)
    if org is None:
        org = after.lead_to_organization(capture, suggested_by=by)
        message = f"{org.name} added to your employers (unranked)."
    else:
        org = after.mark_hiring(org, suggested_by=by)
        message = f"{org.name} was listed already: marked as hiring."
    with store.batch():
        store.organizations.save(org)
        handled = store.interviews.save(after.mark_handled(interview, index))
    return Outcome(handled, message)


def keep_job_title(store: Store, interview: Interview, index: int) -> Outcome[Interview]:
    """The job title joins the search keywords of the occupation the meeting explored."""
    capture = interview.captures[index]
    occupation = store.occupations.get(interview.occupation_id)
    with store.batch():
        if occupation is not None:
            occupation = store.occupations.save(after.keep_keyword(occupation, capture.text))
            message = f"Kept as a keyword for {occupation.title}."
        else:
            message = "Kept as a search keyword with this meeting."
        handled = store.interviews.save(after.mark_handled(interview, index))
    return Outcome(handled, message)
