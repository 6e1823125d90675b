"""After a meeting: the thank-you and its due date, the draft, and turning captures into work.

Each function builds a new record from a meeting and returns it; the caller saves it. Nothing
here reads the clock: the screen passes the moment (`ended`, `today`, `now`) it means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol, TypeVar

from .dates import add_business_days
from .names import name_key
from .records import (
    Capture,
    CaptureKind,
    Contact,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    Occupation,
    Organization,
    Profile,
)
from .timefmt import full_date
from .validation import clean_text

THANK_YOU_WITHIN_DAYS = 2  # the article's advice: write within two days of the meeting
REACH_OUT_AFTER_BUSINESS_DAYS = 2
NEXT_STEP_AFTER_BUSINESS_DAYS = 5  # a week of working days: soon, but not crowding the thank-you


# ----- naming a meeting ------------------------------------------------------------------------


def meeting_day(interview: Interview, zone: tzinfo | None = None) -> date | None:
    """The day the meeting happened (its end, else its start, else its planned time); in
    `zone` (the viewer's) when given, else on the clock it was stored with."""
    moment = interview.session.ended or interview.session.started or interview.when
    if moment is None:
        return None
    return moment.astimezone(zone).date() if zone is not None else moment.date()


def _day_text(day: date | None) -> str:
    return full_date(day) if day else "an unknown day"


def meeting_label(interview: Interview, name: str) -> str:
    """'the meeting with Ada Okafor on Thu 3 Dec 2026', for reasons and notes."""
    who = f" with {name}" if name.strip() else ""
    return f"the meeting{who} on {_day_text(meeting_day(interview))}"


# ----- the thank-you ---------------------------------------------------------------------------


def thank_you_due(ended: date, rest_days: Iterable[int] = ()) -> date:
    """The day after the meeting; on a rest day, the meeting day itself, else two days after.

    Earlier is preferred to later (the note should arrive while the talk is fresh), and it is
    never later than two days after the meeting. With every candidate a rest day, the day after.
    """
    rest = set(rest_days)
    for offset in (1, 0, THANK_YOU_WITHIN_DAYS):
        day = ended + timedelta(days=offset)
        if day.weekday() not in rest:
            return day
    return ended + timedelta(days=1)


def thank_you_item(
    interview: Interview, contact: Contact | None, ended: datetime, rest_days: Iterable[int] = ()
) -> FollowUp:
    """The follow-up created when a meeting ends: write and send the thank-you."""
    name = contact.name if contact else ""
    return FollowUp(
        kind=FollowUpKind.THANK_YOU,
        title=f"Send a thank-you to {name}" if name else "Send a thank-you note",
        due=thank_you_due(ended.date(), rest_days),
        contact_id=interview.contact_id,
        interview_id=interview.id,
        organization_id=interview.organization_id,
        reason=f"after {meeting_label(interview, name)}",
        created=ended,
    )


def first_name(name: str) -> str:
    """The first word of a name, for a greeting; the whole name when it is one word."""
    parts = name.split()
    return parts[0] if parts else ""


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def referrals(interview: Interview) -> list[Capture]:
    return [c for c in interview.captures if c.kind is CaptureKind.REFERRAL and c.text.strip()]


def thank_you_draft(
    interview: Interview, contact: Contact | None, profile: Profile, learned: str
) -> str:
    """A short, warm note in plain text; every piece of user text is used literally."""
    greeting = first_name(contact.name if contact else interview.contact_name)
    day = meeting_day(interview)
    when = f" on {day:%A}" if day else ""
    lines = [f"Dear {greeting}," if greeting else "Hello,", ""]
    body = f"Thank you for making time to talk with me{when}. It helped me a great deal."
    thing = clean_text(learned).rstrip(".")
    if thing:
        body += f" One thing I especially valued learning: {thing}."
    lines.append(body)
    names = [clean_text(c.text) for c in referrals(interview)]
    if names:
        lines += [
            "",
            f"Thank you also for suggesting I speak with {_join_names(names)}. "
            "I will get in touch soon.",
        ]
    lines += [
        "",
        "I will let you know how my search goes, and I hope I can return the favour.",
        "",
        "With warm thanks,",
    ]
    if profile.name.strip():
        lines.append(clean_text(profile.name))
    return "\n".join(lines)


def open_thank_you(items: Iterable[FollowUp], interview_id: int | None) -> FollowUp | None:
    """The meeting's thank-you item still to do, if any."""
    for item in items:
        if (
            item.kind is FollowUpKind.THANK_YOU
            and item.interview_id == interview_id
            and item.is_open
        ):
            return item
    return None


def sent_thank_you(items: Iterable[FollowUp], interview_id: int | None) -> FollowUp | None:
    """The meeting's thank-you item already marked done, if any."""
    done = [
        item
        for item in items
        if item.kind is FollowUpKind.THANK_YOU
        and item.interview_id == interview_id
        and item.done is not None
    ]
    return max(done, key=lambda item: item.done) if done else None  # type: ignore[arg-type,return-value]


# ----- leads -----------------------------------------------------------------------------------


def referral_to_contact(capture: Capture, interview: Interview, interviewee: Contact) -> Contact:
    """A new contact from a referral; the screen links or creates its organisation."""
    where = f" Works at {capture.organization}." if capture.organization.strip() else ""
    by = f" by {interviewee.name}" if interviewee.name else ""
    return Contact(
        name=clean_text(capture.text),
        found_through=FoundThrough.REFERRAL,
        introduced_by_id=interviewee.id,
        introducer_name="" if interviewee.id is not None else interviewee.name,
        may_use_name=capture.may_use_name,
        notes=f"Suggested{by} in {meeting_label(interview, '')}.{where}",
    )


def reach_out_item(
    contact: Contact,
    interview: Interview,
    today: date,
    *,
    introducer: str = "",
) -> FollowUp:
    """Get in touch with a referral a couple of business days from now."""
    by = f"referred by {introducer}" if introducer.strip() else "referred"
    return FollowUp(
        kind=FollowUpKind.REACH_OUT,
        title=f"Reach out to {contact.name}",
        due=add_business_days(today, REACH_OUT_AFTER_BUSINESS_DAYS),
        contact_id=contact.id,
        interview_id=interview.id,
        organization_id=contact.organization_id,
        reason=f"{by} in the meeting on {_day_text(meeting_day(interview))}",
    )


def lead_to_organization(capture: Capture, *, suggested_by: str = "") -> Organization:
    """An employer known to hire in the field: off the ranked list until I rank it."""
    why = f"suggested by {suggested_by}" if suggested_by.strip() else "a lead from a meeting"
    return Organization(name=clean_text(capture.text), rank=None, hires=True, why=why)


def mark_hiring(org: Organization, *, suggested_by: str = "") -> Organization:
    """An employer already listed, now known to hire; its rank and own notes are kept."""
    why = org.why or (f"suggested by {suggested_by}" if suggested_by.strip() else "")
    return replace(org, hires=True, why=why)


class _Named(Protocol):
    name: str


N = TypeVar("N", bound=_Named)


def find_by_name(records: Iterable[N], name: str) -> N | None:
    """The first record whose name matches, ignoring case, accents and spacing; else None."""
    wanted = name_key(name)
    if not wanted:
        return None
    for record in records:
        if name_key(record.name) == wanted:
            return record
    return None


def next_step_item(
    text: str, interview: Interview, today: date, *, interviewee: str = ""
) -> FollowUp:
    """A next step from the reflection, due a working week from now."""
    return FollowUp(
        kind=FollowUpKind.NEXT_STEP,
        title=clean_text(text),
        due=add_business_days(today, NEXT_STEP_AFTER_BUSINESS_DAYS),
        contact_id=interview.contact_id,
        interview_id=interview.id,
        organization_id=interview.organization_id,
        reason=f"a next step from {meeting_label(interview, interviewee)}",
    )


# ----- job titles as search keywords -----------------------------------------------------------


def job_titles(interview: Interview) -> list[str]:
    """The job titles captured in a meeting, in order, without repeats."""
    return unique_words(c.text for c in interview.captures if c.kind is CaptureKind.JOB_TITLE)


def unique_words(words: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for word in words:
        word = " ".join(clean_text(word).split())
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def keep_keyword(occupation: Occupation, title: str) -> Occupation:
    """The occupation with `title` among its search keywords (once, whatever its case)."""
    return replace(occupation, keywords=unique_words([*occupation.keywords, title]))


def mark_handled(interview: Interview, index: int) -> Interview:
    captures = list(interview.captures)
    captures[index] = replace(captures[index], handled=True)
    return replace(interview, captures=captures)


def meeting_ended(
    interview: Interview,
    contact: Contact | None,
    items: Iterable[FollowUp],
    ended: datetime,
    rest_days: Iterable[int] = (),
) -> tuple[Contact | None, list[FollowUp]]:
    """What ending a meeting sets in motion: the contact and the follow-ups to save.

    A thank-you item due within two days (unless this meeting already has one), and the
    meeting counts as an interaction, so the stay-in-touch rhythm counts from it.
    """
    from .rhythm import log_interaction

    rest = list(rest_days)
    items = list(items)
    to_save: list[FollowUp] = []
    already = any(
        i.kind is FollowUpKind.THANK_YOU and i.interview_id == interview.id for i in items
    )
    if not already:
        to_save.append(thank_you_item(interview, contact, ended, rest))
    if contact is None:
        return None, to_save
    contact, moved = log_interaction(contact, ended, items, rest)
    return contact, to_save + moved
