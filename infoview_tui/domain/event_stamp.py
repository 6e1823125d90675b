"""SEQUENCE for calendar exports, without the export writing anything.

A calendar program that imports an event it already holds (same UID) takes the new version only
when its SEQUENCE is higher. So SEQUENCE must rise when the event changes, and only then.

Where that count lives: on the record itself (`event`: a digest of the fields that make its
event, and the count). The store calls `restamp` on every save of a meeting or follow-up (a few
microseconds), so the count follows real changes whoever made them, and an export, which is
read-only and takes no lock, only reads it (`sequence_now`). It travels with the record through
a JSON export and import, and needs no table of past exports that would grow forever.

What counts as a change: RFC 5545's significant properties (start, end, due, status) and the
record's own words in the event (place, a follow-up's title). A contact renamed elsewhere
changes the event's title but not its SEQUENCE (RFC 5545 does not require it; DTSTAMP shows the
newer version).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC
from typing import Any, TypeVar

from .codec import decode
from .records import EventStamp, FollowUp, Interview, InterviewStatus

R = TypeVar("R", Interview, FollowUp)

# A meeting's status as calendars know it (RFC 5545 STATUS of a VEVENT).
EVENT_STATUS = {
    InterviewStatus.IDEA: "TENTATIVE",
    InterviewStatus.REQUESTED: "TENTATIVE",
    InterviewStatus.SCHEDULED: "CONFIRMED",
    InterviewStatus.LIVE: "CONFIRMED",
    InterviewStatus.DONE: "CONFIRMED",
    InterviewStatus.DECLINED: "CANCELLED",
    InterviewStatus.CANCELLED: "CANCELLED",
}


def _content(record: Interview | FollowUp) -> list[Any]:
    if isinstance(record, Interview):
        when = record.when.astimezone(UTC).isoformat() if record.when else None
        return [
            "meeting", when, record.minutes, record.place, EVENT_STATUS[record.status],
            record.contact_id, record.organization_id,
        ]  # fmt: skip
    due = record.due.isoformat() if record.due else None
    return [
        "followup",
        record.title,
        due,
        record.done is None,
        record.kind.value,
        record.contact_id,
    ]


def event_digest(record: Interview | FollowUp) -> str:
    """A short digest of what makes the record's calendar event."""
    raw = json.dumps(_content(record), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _stored_stamp(cls: type[R], old_doc: dict[str, Any]) -> EventStamp:
    stamp = old_doc.get("event")
    if isinstance(stamp, dict):
        digest, sequence = stamp.get("digest"), stamp.get("sequence")
        if isinstance(digest, str) and digest and type(sequence) is int and sequence >= 0:
            return EventStamp(digest, sequence)
    # Saved before stamps existed (or edited by hand): its content as it was, count 0.
    return EventStamp(event_digest(decode(cls, old_doc)), 0)


def restamp(record: R, old_doc: dict[str, Any] | None) -> R:
    """`record` about to replace `old_doc` (None: a new record), with its stamp brought up to
    date: the count rises by one when the event differs from the stored one's."""
    digest = event_digest(record)
    if old_doc is None:
        stamp = EventStamp(digest, 0)
    else:
        base = _stored_stamp(type(record), old_doc)
        stamp = EventStamp(digest, base.sequence + (base.digest != digest))
    return record if record.event == stamp else replace(record, event=stamp)


def sequence_now(record: Interview | FollowUp) -> int:
    """The SEQUENCE to export: the stored count, plus one if the record changed since it was
    stamped (by a program that does not stamp). 0 for a record never stamped."""
    stamp = record.event
    if stamp is None or not stamp.digest:
        return 0
    return stamp.sequence + (stamp.digest != event_digest(record))
