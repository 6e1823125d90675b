"""Exports: a meeting as Markdown, the store as JSON, meetings and follow-ups as iCalendar,
contacts as vCards, and networking activity as CSV or Markdown.

Each reads the store (a read-only one is enough: exports never lock or change the data file)
and returns the bytes with a file name to suggest; writing them is the caller's job
(`infoview_tui.exports.write_new_file`). Private fields (work-ability notes, disclosure plan)
appear only when `include_private` is True, and only in the two exports that can hold them
(JSON and Markdown).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from ..domain.event_stamp import EVENT_STATUS, sequence_now
from ..domain.names import fold
from ..domain.records import Contact, Interview
from ..domain.timefmt import full_date, local_day
from ..exchange import activity as act
from ..exchange import ical, json_dump, markdown, vcard
from ..exchange.uids import contact_uid, record_uid
from ..exports import slug
from ..store.schema import SCHEMA_VERSION
from ..store.store import Store
from .outcome import Outcome
from .words import plural

KINDS = ("md", "json", "ics", "vcf", "activity")


class ExportError(ValueError):
    """The export cannot be made as asked (no such meeting); `str()` says why."""


@dataclass(frozen=True)
class Export:
    data: bytes
    name: str  # a file name to suggest: infoview-meetings-2026-12-03.md


def uid_base(store: Store) -> tuple[str, str]:
    """The file's own id for UIDs, and a note when it has none yet (a file not saved since
    ids came in; its next save adds one): then its path stands in, stable until it moves."""
    if store.store_id:
        return store.store_id, ""
    stand_in = "path-" + hashlib.sha256(str(store.path).encode()).hexdigest()[:16]
    return stand_in, (
        "This data file has no id of its own yet (infoview adds one the next time it saves "
        "the file); until then the UIDs are made from its path."
    )


def _with_note(message: str, note: str) -> str:
    return f"{message} {note}" if note else message


def _meeting_day(iv: Interview, now: datetime) -> date | None:
    moment = iv.session.started or iv.when
    return moment.astimezone(now.tzinfo).date() if moment else None


def _within(day: date | None, start: date | None, end: date | None) -> bool:
    if day is None:
        return start is None and end is None
    return (start is None or day >= start) and (end is None or day <= end)


def _span(start: date | None, end: date | None) -> str:
    """The dates in a file name: '-2026-11-01-to-2026-11-30', '-from-…', '-to-…' or ''."""
    if start and end:
        return f"-{start.isoformat()}-to-{end.isoformat()}"
    if start:
        return f"-from-{start.isoformat()}"
    if end:
        return f"-to-{end.isoformat()}"
    return ""


# ----- Markdown -----------------------------------------------------------------------------


def find_meeting(store: Store, wanted: str, zone: tzinfo | None = None) -> Interview:
    """A meeting by its number, or by (part of) the name of whom it was with. Raises
    ExportError naming the candidates (their days in `zone`) when there are none or several."""
    wanted = wanted.strip()
    if wanted.isdigit():
        found = store.interviews.get(int(wanted))
        if found is None:
            raise ExportError(f"There is no meeting {wanted}.")
        return found
    key = fold(" ".join(wanted.split()))
    names = store.contact_names(iv.contact_id for iv in store.interviews.all() if iv.contact_id)
    hits = [
        iv for iv in store.interviews.all()
        if key and key in fold(names.get(iv.contact_id or 0, "") or iv.contact_name)
    ]  # fmt: skip
    if not hits:
        raise ExportError(f"No meeting is with someone called {wanted!r}.")
    if len(hits) > 1:
        listed = ", ".join(
            f"{iv.id} ({names.get(iv.contact_id or 0) or iv.contact_name}, "
            f"{full_date(local_day(iv.when, zone)) if iv.when else iv.status.value})"
            for iv in sorted(hits, key=lambda iv: iv.id or 0)[:8]
        )
        raise ExportError(f"Several meetings match {wanted!r}: {listed}. Give the number.")
    return hits[0]


def _doc(store: Store, iv: Interview) -> markdown.MeetingDoc:
    contact = store.contacts.get(iv.contact_id) or Contact()
    org = store.organizations.get(iv.organization_id if iv.organization_id else
                                  contact.organization_id)  # fmt: skip
    occupation = store.occupations.get(iv.occupation_id)
    if occupation is None:
        occupation = next((o for o in store.occupations.all() if o.current), None)
    return markdown.MeetingDoc(
        interview=iv,
        contact=contact.name or iv.contact_name,
        job_title=contact.job_title,
        employer=org.name if org else contact.company,
        occupation=occupation,
    )


def export_md(
    store: Store,
    now: datetime,
    *,
    meeting: str | None = None,
    start: date | None = None,
    end: date | None = None,
    include_private: bool = False,
) -> Outcome[Export]:
    """One meeting (`meeting`: its number or a name), or every meeting in the dates given."""
    private = store.profile() if include_private else None
    if meeting is not None:
        iv = find_meeting(store, meeting, now.tzinfo)
        doc = _doc(store, iv)
        text = markdown.meeting_markdown(doc, now.tzinfo, private)
        name = f"infoview-meeting-{slug(doc.contact, 'meeting')}-{iv.id}.md"
        return Outcome(Export(text.encode(), name), f"The meeting with {doc.contact or 'them'}.")
    chosen = [iv for iv in store.interviews.all() if _within(_meeting_day(iv, now), start, end)]
    chosen.sort(key=lambda iv: (_meeting_day(iv, now) or date.max, iv.id or 0))
    text = markdown.meetings_markdown([_doc(store, iv) for iv in chosen], now.tzinfo, private)
    name = f"infoview-meetings{_span(start, end) or '-' + now.date().isoformat()}.md"
    return Outcome(Export(text.encode(), name), f"{plural(len(chosen), 'meeting', 'meetings')}.")


# ----- JSON ---------------------------------------------------------------------------------


def export_json(store: Store, now: datetime, *, include_private: bool = False) -> Outcome[Export]:
    tables = {name: store.documents(name) for name in json_dump.DATA_TABLES}
    info = store.documents("meta").get("1", {})
    data = json_dump.dump(tables, info, SCHEMA_VERSION, now, include_private)
    counts = (
        f"{plural(len(tables['contacts']), 'contact', 'contacts')}, "
        f"{plural(len(tables['interviews']), 'meeting', 'meetings')}, "
        f"{plural(len(tables['followups']), 'follow-up', 'follow-ups')}"
    )
    private = "with" if include_private else "without"
    return Outcome(
        Export(data, f"infoview-{now.date().isoformat()}.json"),
        f"The whole store: {counts} ({private} the private fields).",
    )


# ----- iCalendar ----------------------------------------------------------------------------


def export_ics(
    store: Store,
    now: datetime,
    *,
    start: date | None = None,
    end: date | None = None,
    todos: bool = False,
    meetings_in: bool = True,
    followups_in: bool = True,
) -> Outcome[Export]:
    """Meetings with a date as events (cancelled ones as cancelled events, so a calendar
    that has them drops them), open follow-ups with a due day as all-day events or to-dos.
    `meetings_in`/`followups_in` False leave that half out (the Meetings list exports its
    meetings, Follow-ups its items)."""
    base, note = uid_base(store)
    meetings = [iv for iv in store.interviews.all() if iv.when is not None and iv.id is not None]
    meetings = [iv for iv in meetings if meetings_in and _within(_meeting_day(iv, now), start, end)]
    items = [f for f in store.followups.all() if f.is_open and f.due is not None and f.id]
    items = [f for f in items if followups_in and _within(f.due, start, end)]
    ids = {iv.contact_id for iv in meetings} | {f.contact_id for f in items}
    names = store.contact_names(i for i in ids if i is not None)
    orgs = {o.id: o.name for o in store.organizations.all()}
    events = []
    for iv in sorted(meetings, key=lambda iv: iv.id or 0):
        assert iv.when is not None and iv.id is not None
        contact = store.contacts.get(iv.contact_id) or Contact()
        who = names.get(iv.contact_id or 0) or iv.contact_name or "someone"
        where = orgs.get(iv.organization_id or 0) or orgs.get(contact.organization_id or 0, "")
        where = where or contact.company
        about = f"{iv.minutes}-minute informational interview with {who}"
        about += f", {contact.job_title}" if contact.job_title else ""
        about += f" at {where}." if where else "."
        reach = " · ".join(x for x in (contact.email, contact.phone) if x)
        if reach:
            about += f"\nContact: {reach}"
        events.append(
            ical.MeetingEvent(
                uid=record_uid(base, "interviews", iv.id),
                start=iv.when,
                minutes=iv.minutes,
                summary=f"Informational interview: {who}" + (f" ({where})" if where else ""),
                location=iv.place,
                description=about,
                status=EVENT_STATUS[iv.status],
                sequence=sequence_now(iv),
            )
        )
    tasks = []
    for item in sorted(items, key=lambda f: f.id or 0):
        assert item.due is not None and item.id is not None
        who = names.get(item.contact_id or 0, "")
        about = "\n".join(x for x in (f"For {who}." if who else "", item.reason) if x)
        tasks.append(
            ical.TaskEvent(
                uid=record_uid(base, "followups", item.id),
                due=item.due,
                summary=item.title or "Follow-up",
                description=about,
                sequence=sequence_now(item),
            )
        )
    data = ical.calendar(events, tasks, stamp=now, todos=todos)
    halves = []
    if meetings_in:
        halves.append(plural(len(events), "meeting", "meetings"))
    if followups_in:
        halves.append(plural(len(tasks), "open follow-up", "open follow-ups"))
    message = f"{' and '.join(halves)}{' (as to-dos)' if todos and followups_in else ''}."
    what = "" if meetings_in == followups_in else "-meetings" if meetings_in else "-follow-ups"
    name = f"infoview{what}{_span(start, end) or '-' + now.date().isoformat()}.ics"
    return Outcome(Export(data, name), _with_note(message, note))


# ----- vCard --------------------------------------------------------------------------------


def export_vcf(store: Store, now: datetime) -> Outcome[Export]:
    base, note = uid_base(store)
    orgs = {o.id: o.name for o in store.organizations.all()}
    cards = [
        vcard.Card(
            uid=contact_uid(base, c.id),
            name=c.name,
            emails=tuple(e for e in (c.email, *c.other_emails) if e),
            phone=c.phone,
            company=orgs.get(c.organization_id or 0) or c.company,
            job_title=c.job_title,
            url=c.linkedin,
            notes=c.notes,
        )
        for c in sorted(store.contacts.all(), key=lambda c: c.id or 0)
        if c.id is not None and c.name.strip()
    ]
    return Outcome(
        Export(vcard.write_vcards(cards), f"infoview-contacts-{now.date().isoformat()}.vcf"),
        _with_note(f"{plural(len(cards), 'contact', 'contacts')}.", note),
    )


# ----- activity -----------------------------------------------------------------------------


def export_activity(
    store: Store,
    now: datetime,
    *,
    start: date | None = None,
    end: date | None = None,
    markdown_table: bool = False,
) -> Outcome[Export]:
    orgs = {o.id: o.name for o in store.organizations.all()}
    contacts = {c.id: c for c in store.contacts.all()}

    def contact(contact_id: int | None) -> tuple[str, str]:
        c = contacts.get(contact_id) if contact_id is not None else None
        if c is None:
            return "", ""
        return c.name, orgs.get(c.organization_id or 0) or c.company

    def employer(org_id: int | None) -> str:
        return orgs.get(org_id, "") if org_id is not None else ""

    rows = act.activities(
        store.interviews.all(), store.followups.all(), contact, employer, now.tzinfo, start, end
    )
    stem = f"infoview-activity{_span(start, end) or '-' + now.date().isoformat()}"
    if markdown_table:
        text = act.activity_markdown(rows, store.profile().name, start, end)
        export = Export(text.encode(), stem + ".md")
    else:
        export = Export(act.activity_csv(rows), stem + ".csv")
    return Outcome(export, f"{plural(len(rows), 'dated step', 'dated steps')} of networking.")
