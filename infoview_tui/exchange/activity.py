"""A dated record of networking activity, of the kind employment services ask job seekers to
show: each request sent, meeting held and follow-up done, with who, where and what came of it.

Written as CSV (for a spreadsheet or an online form) and as Markdown (to print or paste).
A CSV cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with a leading apostrophe, so a name like "=HYPERLINK(...)"
shows as text. The CSV starts with a byte-order mark: spreadsheet programs then read its
accents right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from ..domain.records import FollowUp, FollowUpKind, Interview, InterviewStatus
from ..domain.timefmt import full_date
from .markdown import cell

COLUMNS = ("date", "what", "who", "employer", "outcome")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Activity:
    day: date
    what: str
    who: str
    employer: str
    outcome: str


DONE_WORDS = {
    FollowUpKind.THANK_YOU: "Thank-you note sent",
    FollowUpKind.NUDGE: "Polite reminder sent after a request",
    FollowUpKind.ANOTHER_CONTACT: "Approached another contact at the employer",
    FollowUpKind.REACH_OUT: "Reached out to a referral",
    FollowUpKind.STAY_IN_TOUCH: "Kept in touch",
}


def activities(
    interviews: Iterable[Interview],
    followups: Iterable[FollowUp],
    contact: Callable[[int | None], tuple[str, str]],
    employer: Callable[[int | None], str],
    tz: tzinfo | None,
    start: date | None = None,
    end: date | None = None,
) -> list[Activity]:
    """Every dated step, oldest first, between `start` and `end` (both included).

    `contact(id)` gives (name, employer name) and `employer(id)` an employer's name; days are
    counted in `tz` (the person's zone)."""

    def day(moment: datetime) -> date:
        return moment.astimezone(tz).date()

    out: list[tuple[date, int, Activity]] = []
    for iv in interviews:
        who, works_at = contact(iv.contact_id)
        who = who or iv.contact_name
        where = employer(iv.organization_id) or works_at
        if iv.request.sent is not None:
            out.append((day(iv.request.sent), 0, Activity(
                day(iv.request.sent), "Asked for an informational interview", who, where,
                _request_outcome(iv, tz),
            )))  # fmt: skip
        held = iv.session.started or (iv.when if iv.status is InterviewStatus.DONE else None)
        if held is not None and iv.status in (InterviewStatus.DONE, InterviewStatus.LIVE):
            how = "on the spot" if iv.on_the_spot else f"{iv.minutes} minutes"
            out.append((day(held), 1, Activity(
                day(held), f"Informational interview ({how})", who, where, _meeting_outcome(iv),
            )))  # fmt: skip
    for item in followups:
        if item.done is None:
            continue
        who, works_at = contact(item.contact_id)
        where = employer(item.organization_id) or works_at
        what = DONE_WORDS.get(item.kind, item.title)
        outcome = "done" if what == item.title else f"done: {item.title}"
        out.append((day(item.done), 2, Activity(day(item.done), what, who, where, outcome)))
    rows = [a for d, _o, a in sorted(out, key=lambda t: (t[0], t[1])) if _within(d, start, end)]
    return rows


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _request_outcome(iv: Interview, tz: tzinfo | None) -> str:
    reply = iv.request.reply
    when = (
        f" on {full_date(iv.request.reply_at.astimezone(tz).date())}" if iv.request.reply_at else ""
    )
    if reply == "accepted":
        return f"accepted{when}"
    if reply == "declined":
        return f"declined{when}"
    if iv.status is InterviewStatus.SCHEDULED:
        return "meeting agreed"
    if iv.status in (InterviewStatus.DONE, InterviewStatus.LIVE):
        return "meeting held"
    if iv.status is InterviewStatus.CANCELLED:
        return "cancelled"
    return "no reply yet"


def _meeting_outcome(iv: Interview) -> str:
    bits = ["held"]
    referrals = sum(1 for c in iv.captures if c.kind.value == "referral")
    leads = sum(1 for c in iv.captures if c.kind.value == "lead")
    if referrals:
        bits.append(f"{referrals} referral{'s' if referrals != 1 else ''}")
    if leads:
        bits.append(f"{leads} lead{'s' if leads != 1 else ''}")
    if iv.reflection is not None and iv.reflection.decision.value:
        bits.append(f"decision: {iv.reflection.decision.value}")
    return "; ".join(bits)


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def activity_csv(rows: Iterable[Activity]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [row.day.isoformat()]
            + [safe_cell(v) for v in (row.what, row.who, row.employer, row.outcome)]
        )
    return out.getvalue().encode("utf-8-sig")


def activity_markdown(
    rows: list[Activity], name: str = "", start: date | None = None, end: date | None = None
) -> str:
    if start and end:
        span = f", {full_date(start)} to {full_date(end)}"
    elif start:
        span = f", from {full_date(start)}"
    elif end:
        span = f", up to {full_date(end)}"
    else:
        span = ""
    out = [f"# Networking activity{span}", ""]
    if name.strip():
        out += [f"Name: {cell(name)}", ""]
    if not rows:
        return "\n".join([*out, "No activity in this period.", ""])
    out += [f"{len(rows)} {'entry' if len(rows) == 1 else 'entries'}.", ""]
    out += ["| Date | What | Who | Employer | Outcome |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append(
            f"| {full_date(r.day)} | {cell(r.what)} | {cell(r.who)} | {cell(r.employer)} | "
            f"{cell(r.outcome)} |"
        )
    return "\n".join(out) + "\n"
