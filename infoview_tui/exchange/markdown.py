"""A meeting as Markdown: the plan, the questions asked and not, the notes with their minute
and question, the captures, and the reflection beside the perceptions written before it.

Pure: the service hands in the records and names. User text is kept as typed, except where
Markdown would change its meaning: table cells escape `|` and show line breaks as `<br>`, and a
line that would start a heading, quote or rule is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo

from ..domain.held import planned_vs_held
from ..domain.meeting import clock_text
from ..domain.records import (
    CanMeet,
    CaptureKind,
    Interview,
    Occupation,
    Profile,
)
from ..domain.timefmt import full_date, full_datetime, local_day

_BLOCK_START = re.compile(r"^(\s{0,3})([#>]|[-*_]{3,}\s*$|```|~~~|\d+[.)]\s|[-*+]\s)")


@dataclass(frozen=True)
class MeetingDoc:
    """One meeting and what the Markdown names beside it."""

    interview: Interview
    contact: str  # their name ("" when not known)
    job_title: str
    employer: str
    occupation: Occupation | None


def paragraph(text: str) -> str:
    """User text as Markdown paragraphs: lines that would start a block are escaped."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        m = _BLOCK_START.match(line)
        if m:
            line = f"{m[1]}\\{line[len(m[1]) :]}"
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def cell(text: str) -> str:
    """User text in a table cell: one line, `|` escaped."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(part.strip() for part in text.strip().splitlines()) or " "


def indented(text: str, prefix: str = "  ") -> str:
    """Text under a list item: every line after the first indented to stay in the item."""
    body = paragraph(text)
    return body.replace("\n", "\n" + prefix)


def meeting_markdown(
    doc: MeetingDoc, tz: tzinfo | None = None, private: Profile | None = None
) -> str:
    """One meeting; `private` (given only with --include-private) adds my work-ability notes
    and disclosure plan at the end."""
    iv = doc.interview
    who = doc.contact or iv.contact_name or "someone"
    out = [f"# Informational interview with {who}", ""]
    facts = []
    if doc.job_title:
        facts.append(doc.job_title)
    if doc.employer:
        facts.append(doc.employer)
    when = iv.session.started or iv.when
    if when is not None:
        facts.append(full_datetime(when, tz))
    facts += [f"{iv.minutes} minutes", f"status: {iv.status.value}"]
    out += [" · ".join(facts), ""]
    out += _plan(iv, doc, tz)
    out += _questions(iv)
    out += _held(iv)
    out += _notes(iv)
    out += _captures(iv)
    out += _reflection(iv, doc)
    if private is not None:
        out += _energy(iv)
        out += _private(private)
    return "\n".join(out).rstrip() + "\n"


def _plan(iv: Interview, doc: MeetingDoc, tz: tzinfo | None) -> list[str]:
    out = ["## Plan", ""]
    if iv.place.strip():
        out.append(f"- Where: {cell(iv.place)}")
    if doc.occupation is not None:
        out.append(f"- Exploring: {cell(doc.occupation.title)}")
    if iv.on_the_spot:
        out.append("- Started on the spot, without a plan")
    if iv.request.sent is not None:
        reply = f", reply: {iv.request.reply}" if iv.request.reply else ", no reply recorded"
        out.append(f"- Request sent {full_date(local_day(iv.request.sent, tz))}{reply}")
    if len(out) == 2:
        out.append("- Nothing planned beyond the questions.")
    if iv.request.email.strip():
        out += ["", "### The request", "", paragraph(iv.request.email)]
    return [*out, ""]


def _questions(iv: Interview) -> list[str]:
    out = ["## Questions", ""]
    if not iv.questions:
        return [*out, "No questions were planned.", ""]
    for number, q in enumerate(iv.questions, 1):
        mark = "x" if q.asked else " "
        state = "asked" if q.asked else ("skipped" if q.skipped else "not asked")
        out.append(f"{number}. [{mark}] {cell(q.text)} ({state})")
    asked = sum(q.asked for q in iv.questions)
    out += ["", f"Asked {asked} of {len(iv.questions)}.", ""]
    return out


def _held(iv: Interview) -> list[str]:
    """The meeting against its plan, for the next plan (only once it was held)."""
    if iv.session.started is None:
        return []
    held = planned_vs_held(iv)
    out = ["## Planned and held", ""]
    out.append(f"- Questions: {held.questions_words()}")
    if held.not_reached:
        out.append("- Not reached: " + "; ".join(cell(q) for q in held.not_reached))
    out.append(f"- Time: {held.time_words()}")
    out.append(f"- Captured: {held.capture_words()}")
    return [*out, ""]


def _energy(iv: Interview) -> list[str]:
    """What the meeting cost me (private: only with --include-private)."""
    energy = iv.energy
    if energy is None or energy.cost is None:
        return []
    out = ["## What it cost me (private)", "", f"- {energy.cost} of 5"]
    if energy.feeling.strip():
        out.append(f"- How I felt: {indented(energy.feeling)}")
    return [*out, ""]


def _notes(iv: Interview) -> list[str]:
    out = ["## Notes", ""]
    if not iv.notes:
        return [*out, "No notes.", ""]
    for note in iv.notes:
        about = f" · *{cell(note.question)}*" if note.question.strip() else ""
        out.append(f"- **{clock_text(note.elapsed)}**{about}  ")
        out.append(f"  {indented(note.text)}")
    return [*out, ""]


CAPTURE_WORDS = {
    CaptureKind.REFERRAL: "Referral",
    CaptureKind.LEAD: "Lead",
    CaptureKind.JOB_TITLE: "Job title",
    CaptureKind.OBSERVATION: "Observation",
    CaptureKind.OFFER: "Offer",
}


def _captures(iv: Interview) -> list[str]:
    if not iv.captures:
        return []
    out = ["## Captured", ""]
    for c in iv.captures:
        extra = []
        if c.kind is CaptureKind.REFERRAL:
            if c.organization.strip():
                extra.append(f"at {cell(c.organization)}")
            extra.append("may use their name" if c.may_use_name else "ask before using their name")
        extra.append(f"at {clock_text(c.elapsed)}")
        if c.handled:
            extra.append("done")
        out.append(f"- {CAPTURE_WORDS[c.kind]}: {cell(c.text)} ({', '.join(extra)})")
    return [*out, ""]


FIT = (("Interests", "interests"), ("Values", "values"), ("Needs", "needs"), ("Skills", "skills"))
CAN_MEET = {
    CanMeet.UNKNOWN: "not decided",
    CanMeet.YES: "yes",
    CanMeet.WITH_ACCOMMODATION: "with accommodation",
    CanMeet.NO: "no",
}


def _reflection(iv: Interview, doc: MeetingDoc) -> list[str]:
    r = iv.reflection
    if r is None:
        return ["## Reflection", "", "Not written yet.", ""]
    out = ["## Reflection", ""]
    before = doc.occupation.perceptions if doc.occupation is not None else ""
    title = f" ({cell(doc.occupation.title)})" if doc.occupation is not None else ""
    out += [
        f"| What I thought before{title} | What I learned |",
        "| --- | --- |",
        f"| {cell(before) if before.strip() else '(no perceptions written)'} | "
        f"{cell(r.reality) if r.reality.strip() else '(not written)'} |",
        "",
    ]
    fits = []
    for label, name in FIT:
        words = getattr(r, name)
        score = getattr(r, f"{name}_fit")
        if words.strip() or score is not None:
            shown = f"{score}/5" if score is not None else "no score"
            fits.append(f"| {label} | {shown} | {cell(words)} |")
    if fits:
        out += ["| Fit | Score | Why |", "| --- | --- | --- |", *fits, ""]
    if r.demands:
        out += ["| The job's demands | Can I meet it? | What was said |", "| --- | --- | --- |"]
        out += [f"| {cell(d.text)} | {CAN_MEET[d.can_meet]} | {cell(d.note)} |" for d in r.demands]
        out.append("")
    if r.decision.value:
        out.append(f"- Do I want this job: {r.decision.value}")
    if r.training.strip():
        out.append(f"- Training or experience needed: {indented(r.training)}")
    if r.learned.strip():
        out.append(f"- One thing I learned: {indented(r.learned)}")
    for step in r.next_steps:
        out.append(f"- Next step: {indented(step)}")
    if r.thank_you.strip():
        out += ["", "### Thank-you note", "", paragraph(r.thank_you)]
    return [*out, ""]


def _private(profile: Profile) -> list[str]:
    out = ["## Private (included because you asked)", ""]
    out += ["### Work-ability notes", "", paragraph(profile.work_ability) or "(empty)", ""]
    out += ["### Disclosure plan", "", paragraph(profile.disclosure_plan) or "(empty)", ""]
    return out


def _energy_part(doc: MeetingDoc, private: Profile | None) -> str:
    if private is None:
        return ""
    lines = _energy(doc.interview)
    return "\n" + "\n".join(lines).rstrip() + "\n" if lines else ""


def meetings_markdown(
    docs: list[MeetingDoc], tz: tzinfo | None = None, private: Profile | None = None
) -> str:
    """Several meetings in one file, each under its own heading, separated by rules."""
    parts = [meeting_markdown(doc, tz) + _energy_part(doc, private) for doc in docs] or [
        "# Informational interviews\n\nNo meetings.\n"
    ]
    if private is not None:
        parts.append("\n".join(_private(private)).rstrip() + "\n")
    return "\n---\n\n".join(parts)
