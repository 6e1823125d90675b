"""Meetings and follow-ups as iCalendar (RFC 5545) that calendar programs import.

Built with the icalendar library (components, property types, TEXT escaping); the content lines
it makes are folded by `folding` (75 octets, never inside a UTF-8 character, a line of exactly
75 left whole) and ended with CRLF. Meetings are VEVENTs in UTC (never floating times); open
follow-ups are all-day VEVENTs (shown by every calendar; marked free time) or, if asked, VTODOs
with a due day. UIDs and SEQUENCE come from the caller (`uids`, `domain.event_stamp`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from .. import __version__
from ..domain.validation import clean_text
from .folding import join_lines

PRODID = f"-//infoview//infoview {__version__}//EN"


@dataclass(frozen=True)
class MeetingEvent:
    uid: str
    start: datetime  # aware
    minutes: int
    summary: str
    location: str
    description: str
    status: str  # TENTATIVE, CONFIRMED or CANCELLED
    sequence: int


@dataclass(frozen=True)
class TaskEvent:
    uid: str
    due: date
    summary: str
    description: str
    sequence: int


def text(value: str) -> str:
    """User text as iCalendar TEXT takes it: no control characters, newlines as LF."""
    return clean_text(value.replace("\r\n", "\n").replace("\r", "\n"))


def calendar(
    meetings: Iterable[MeetingEvent],
    tasks: Iterable[TaskEvent],
    *,
    stamp: datetime,
    todos: bool = False,
    name: str = "infoview",
) -> bytes:
    """The whole calendar as bytes: CRLF line ends, folded lines, UTF-8."""
    from icalendar import Calendar, Event, Todo  # deferred: only exports need it

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = stamp.astimezone(UTC).replace(microsecond=0)
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", stamp)
        start = meeting.start.astimezone(UTC)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=max(1, meeting.minutes)))
        event.add("summary", text(meeting.summary))
        if meeting.location.strip():
            event.add("location", text(meeting.location))
        if meeting.description.strip():
            event.add("description", text(meeting.description))
        event.add("status", meeting.status)
        event.add("sequence", meeting.sequence)
        cal.add_component(event)
    for task in tasks:
        item = Todo() if todos else Event()
        item.add("uid", task.uid)
        item.add("dtstamp", stamp)
        if todos:
            item.add("due", task.due)
            item.add("status", "NEEDS-ACTION")
        else:
            item.add("dtstart", task.due)
            item.add("dtend", task.due + timedelta(days=1))
            item.add("transp", "TRANSPARENT")  # a reminder, not busy time
        item.add("summary", text(task.summary))
        if task.description.strip():
            item.add("description", text(task.description))
        item.add("sequence", task.sequence)
        cal.add_component(item)
    return join_lines([str(line) for line in cal.content_lines()])
