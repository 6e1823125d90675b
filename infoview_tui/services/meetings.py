"""Meetings: planning one, asking for it, the reply, meeting now, ending one, deleting one.

The plan screen holds its own copy of the meeting while the person types; operations that
change the meeting take that copy and return the saved one, which the screen then holds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain import request as rq
from ..domain.meeting import on_the_spot
from ..domain.records import Contact, FollowUp, Interview, InterviewStatus, Organization
from ..domain.timefmt import full_datetime, short_date
from ..store.store import Store
from . import followups
from .outcome import Outcome
from .words import plural

# Before a date is agreed: a date typed now means they said yes.
BEFORE_AGREED = frozenset({InterviewStatus.IDEA, InterviewStatus.REQUESTED})


def default_place(organization: Organization | None) -> str:
    return f"their workplace: {organization.name}" if organization is not None else ""


def _contact_name(store: Store, interview: Interview, fallback: str = "someone") -> str:
    contact = store.contacts.get(interview.contact_id)
    return (contact.name if contact is not None else interview.contact_name) or fallback


def new_meeting(store: Store, contact_id: int, now: datetime) -> Outcome[Interview | None]:
    """A meeting to plan with a contact, about the current occupation, at their workplace."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact no longer exists.")
    organization = store.organizations.get(contact.organization_id)
    occupation = next((o for o in store.occupations.all() if o.current), None)
    meeting = store.interviews.save(
        Interview(
            contact_id=contact.id,
            organization_id=contact.organization_id,
            occupation_id=occupation.id if occupation else None,
            status=InterviewStatus.IDEA,
            place=default_place(organization),
            created=now,
        )
    )
    return Outcome(meeting, f"A meeting to plan with {contact.name}.")


def meet_now(store: Store, contact_id: int, now: datetime) -> Outcome[Interview | None]:
    """They said now is good: a meeting starting at once, with the default questions."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact no longer exists.")
    meeting = store.interviews.save(on_the_spot(contact, store.questions.all(), now))
    return Outcome(meeting, f"Meeting {contact.name} now.")


def deletion_effects(store: Store, meeting_id: int) -> str:
    """What deleting the meeting removes and what it leaves, in words."""
    open_items = [f for f in store.followups.all() if f.interview_id == meeting_id and f.is_open]
    extra = f" Its {plural(len(open_items), 'open follow-up', 'open follow-ups')} go too." if (
        open_items
    ) else ""  # fmt: skip
    return (
        f"Its plan, notes and reflection are removed.{extra} The contact stays."
        "\n\nThis cannot be undone."
    )


def delete_meeting(store: Store, meeting_id: int) -> Outcome[None]:
    """Remove a meeting and its open follow-ups; done ones are history and stay, unlinked.
    One batch: after a crash all of it is done or none."""
    meeting = store.interviews.get(meeting_id)
    if meeting is None:
        return Outcome(None, "That meeting was already deleted.")
    name = _contact_name(store, meeting)
    with store.batch():
        followups.let_go_of(store, "interview_id", meeting_id)
        store.interviews.delete(meeting_id)
    return Outcome(None, f"Deleted the meeting with {name}.")


def save_meeting(store: Store, interview: Interview) -> Outcome[Interview]:
    """The meeting as a screen holds it (typed notes, a reflection): saved as it is."""
    return Outcome(store.interviews.save(interview), "Saved.")


def save_plan(
    store: Store, interview: Interview, introduction: str | None = None
) -> Outcome[Interview]:
    """The plan as typed: the meeting and my introduction (kept in the profile, for every
    plan; None leaves it), in one batch; what did not change is not written."""
    with store.batch():
        if interview != store.interviews.get(interview.id):
            interview = store.interviews.save(interview)
        profile = store.profile()
        if introduction is not None and introduction != profile.introduction:
            store.save_profile(replace(profile, introduction=introduction))
    return Outcome(interview, "Saved.")


def mark_request_sent(store: Store, interview: Interview, now: datetime) -> Outcome[Interview]:
    """The request is out: the meeting waits for a reply, with the 3- and 7-business-day
    follow-ups (approach someone else at the employer; a polite nudge)."""
    if interview.request.sent is not None:
        return Outcome(
            interview,
            f"Already marked sent on {full_datetime(interview.request.sent, now.tzinfo)}.",
        )
    contact = store.contacts.get(interview.contact_id)
    status = InterviewStatus.REQUESTED if interview.status is InterviewStatus.IDEA else (
        interview.status
    )  # fmt: skip
    with store.batch():  # the meeting and both follow-ups, or none of them after a crash
        saved = store.interviews.save(
            replace(interview, status=status, request=replace(interview.request, sent=now))
        )
        if contact is None:
            return Outcome(saved, "Marked sent.")
        items = _request_followups(store, saved, contact, now)
        for item in items:
            store.followups.save(item)
    today = now.date()
    first, second = (item.due for item in items)
    assert first is not None and second is not None
    return Outcome(
        saved,
        f"Marked sent. No reply by {short_date(first, today)}: try someone else; by "
        f"{short_date(second, today)}: a friendly nudge.",
    )


def _request_followups(
    store: Store, saved: Interview, contact: Contact, now: datetime
) -> list[FollowUp]:
    """The 3- and 7-business-day follow-ups, naming another contact at the employer if any."""
    others = sorted(
        (
            c for c in store.contacts.all()
            if c.organization_id is not None
            and c.organization_id == saved.organization_id
            and c.id != contact.id
        ),
        key=lambda c: (c.name.casefold(), c.id or 0),
    )  # fmt: skip
    organization = store.organizations.get(saved.organization_id)
    return rq.request_followups(
        saved, contact, now,
        other=others[0] if others else None,
        organization_name=organization.name if organization else "",
    )  # fmt: skip


def close_request_followups(store: Store, interview_id: int | None, now: datetime) -> int:
    """A reply, or a date agreed, ends the wait: the request's open follow-ups are closed."""
    closed = rq.close_on_reply(store.followups.all(), interview_id, now)
    if closed:
        with store.batch():
            for item in closed:
                store.followups.save(item)
    return len(closed)


def record_reply(
    store: Store, interview: Interview, reply: str, now: datetime
) -> Outcome[Interview]:
    """They answered ("accepted" or "declined"): the status follows, the wait ends."""
    status = interview.status
    if reply == "accepted" and status in BEFORE_AGREED:
        status = InterviewStatus.SCHEDULED
    elif reply == "declined" and status in (*BEFORE_AGREED, InterviewStatus.SCHEDULED):
        status = InterviewStatus.DECLINED
    request = replace(interview.request, reply=reply, reply_at=now)
    with store.batch():
        saved = store.interviews.save(replace(interview, status=status, request=request))
        closed = close_request_followups(store, saved.id, now)
    done = f" {plural(closed, 'follow-up', 'follow-ups')} closed." if closed else ""
    if reply == "accepted" and saved.when is None:
        return Outcome(saved, f"They said yes.{done} Now set the date.")
    return Outcome(saved, f"Noted: {reply}.{done}")


def set_date(store: Store, interview: Interview, when: datetime | None, now: datetime) -> Interview:
    """The meeting with its date (not saved: the plan saves it with the rest of its edits).

    A date agreed while the request waited means they said yes: the request's follow-ups close.
    """
    changed = replace(interview, when=when)
    if when is not None and changed.status in BEFORE_AGREED:
        changed = replace(changed, status=InterviewStatus.SCHEDULED)
        close_request_followups(store, interview.id, now)
    return changed


def end_meeting(store: Store, interview: Interview, now: datetime) -> Outcome[Interview]:
    """The meeting is over: a half-typed note is kept as a note, the timer stops, the meeting
    is done; a thank-you is due within two days and the meeting counts as contact (the
    stay-in-touch rhythm counts from it). Everything is on disk when this returns."""
    from ..domain import meeting as timer
    from ..domain.after import meeting_ended
    from ..domain.validation import clean_text

    notes = list(interview.notes)
    draft = interview.draft
    if draft is not None and draft.text.strip():
        notes.append(replace(draft, text=clean_text(draft.text)))
    session = timer.end(interview.session, now)
    ended = replace(
        interview, session=session, status=InterviewStatus.DONE, notes=notes, draft=None
    )
    assert session.ended is not None
    with store.batch():
        ended = store.interviews.save(ended)
        contact, items = meeting_ended(
            ended,
            store.contacts.get(ended.contact_id),
            store.followups.all(),
            session.ended,
            store.profile().rest_days,
        )
        if contact is not None:
            store.contacts.save(contact)
        for item in items:
            store.followups.save(item)
    store.flush()
    return Outcome(ended, "Meeting ended and saved. A thank-you is due within two days.")
