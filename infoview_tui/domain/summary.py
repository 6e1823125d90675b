"""What the home screen shows: the next meeting, what is due, and where things stand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from .records import Contact, FollowUp, Interview, InterviewStatus


class Due(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "this week"
    LATER = "later"
    UNDATED = "no date"
    DONE = "done"


def due_bucket(item: FollowUp, today: date) -> Due:
    if item.done is not None:
        return Due.DONE
    if item.due is None:
        return Due.UNDATED
    if item.due < today:
        return Due.OVERDUE
    if item.due == today:
        return Due.TODAY
    if (item.due - today).days <= 7:
        return Due.WEEK
    return Due.LATER


class ContactStage(StrEnum):
    """How far along a contact is, from the meetings held with them."""

    TO_APPROACH = "to approach"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    MET = "met"


_STAGE_OF_STATUS = {
    InterviewStatus.REQUESTED: ContactStage.REQUESTED,
    InterviewStatus.SCHEDULED: ContactStage.SCHEDULED,
    InterviewStatus.LIVE: ContactStage.SCHEDULED,
    InterviewStatus.DONE: ContactStage.MET,
}
_STAGE_ORDER = list(ContactStage)


def contact_stages(
    contacts: Iterable[Contact], interviews: Iterable[Interview]
) -> dict[int, ContactStage]:
    """Each contact's furthest stage over all their meetings."""
    best: dict[int, ContactStage] = {c.id: ContactStage.TO_APPROACH for c in contacts if c.id}
    for iv in interviews:
        stage = _STAGE_OF_STATUS.get(iv.status)
        if stage is None or iv.contact_id not in best:
            continue
        if _STAGE_ORDER.index(stage) > _STAGE_ORDER.index(best[iv.contact_id]):
            best[iv.contact_id] = stage
    return best


@dataclass
class HomeSummary:
    next_meeting: Interview | None = None
    live_meeting: Interview | None = None
    overdue: list[FollowUp] = field(default_factory=list)
    today: list[FollowUp] = field(default_factory=list)
    contacts_by_stage: dict[ContactStage, int] = field(default_factory=dict)
    meetings_by_status: dict[InterviewStatus, int] = field(default_factory=dict)
    contacts_total: int = 0
    meetings_total: int = 0


def live_meeting(interviews: Iterable[Interview]) -> Interview | None:
    """A meeting still running (or left running by a crash or a quit), if any."""
    return next((iv for iv in interviews if iv.status == InterviewStatus.LIVE), None)


def latest_held(interviews: Iterable[Interview]) -> Interview | None:
    """The meeting that ended most recently (by its end, else its planned time)."""
    held = [
        iv
        for iv in interviews
        if iv.status == InterviewStatus.DONE and (iv.session.ended or iv.when) is not None
    ]
    return max(held, key=_held_at, default=None)


def _held_at(interview: Interview) -> datetime:
    moment = interview.session.ended or interview.when
    assert moment is not None
    return moment


def next_meeting(interviews: Iterable[Interview], now: datetime) -> Interview | None:
    upcoming = [
        iv
        for iv in interviews
        if iv.status == InterviewStatus.SCHEDULED and iv.when is not None and iv.when >= now
    ]
    return min(upcoming, key=_planned_at, default=None)


def _planned_at(interview: Interview) -> datetime:
    assert interview.when is not None
    return interview.when


def home_summary(
    contacts: list[Contact],
    interviews: list[Interview],
    followups: Iterable[FollowUp],
    now: datetime,
) -> HomeSummary:
    today = now.date()
    overdue, due_today = [], []
    for item in followups:
        bucket = due_bucket(item, today)
        if bucket is Due.OVERDUE:
            overdue.append(item)
        elif bucket is Due.TODAY:
            due_today.append(item)
    overdue.sort(key=lambda f: (f.due, f.id or 0))
    due_today.sort(key=lambda f: f.id or 0)
    stages = Counter(contact_stages(contacts, interviews).values())
    return HomeSummary(
        next_meeting=next_meeting(interviews, now),
        live_meeting=live_meeting(interviews),
        overdue=overdue,
        today=due_today,
        contacts_by_stage={stage: stages.get(stage, 0) for stage in ContactStage},
        meetings_by_status={s: n for s, n in Counter(iv.status for iv in interviews).items()},
        contacts_total=len(contacts),
        meetings_total=len(interviews),
    )


def person_named(interview: Interview, contact: Contact | None) -> str:
    """Whom the meeting is with: the contact's name, or the name the meeting kept when they
    were deleted; "" only when nobody was chosen."""
    return contact.name if contact is not None else interview.contact_name


def person_met(interview: Interview, names: Mapping[int, str]) -> str:
    """Whom the meeting is with: the contact's name, or the name kept when they were deleted."""
    if interview.contact_id is not None and interview.contact_id in names:
        return names[interview.contact_id]
    return interview.contact_name or "(no contact)"
