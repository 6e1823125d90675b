"""A held meeting against its plan: questions planned, asked, skipped and not reached, minutes
over or under, captures made. Shown after the meeting and in its Markdown, so that the next
plan can be better (fewer questions, a longer slot, the wrap-up earlier)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from .meeting import elapsed
from .records import CaptureKind, Interview

CAPTURE_WORDS = {
    CaptureKind.REFERRAL: ("referral", "referrals"),
    CaptureKind.LEAD: ("lead", "leads"),
    CaptureKind.JOB_TITLE: ("job title", "job titles"),
    CaptureKind.OBSERVATION: ("observation", "observations"),
    CaptureKind.OFFER: ("offer", "offers"),
}


@dataclass(frozen=True)
class PlannedVsHeld:
    planned: int  # questions on the plan when the meeting ended
    asked: int
    skipped: int
    not_reached: list[str]  # neither asked nor skipped: the time ran out first
    minutes_planned: int
    seconds_held: float | None  # None: never started
    captures: dict[CaptureKind, int]
    notes: int

    @property
    def minutes_held(self) -> int | None:
        return None if self.seconds_held is None else round(self.seconds_held / 60)

    @property
    def minutes_over(self) -> int | None:
        """Minutes over the plan (negative: under)."""
        held = self.minutes_held
        return None if held is None else held - self.minutes_planned

    def questions_words(self) -> str:
        if not self.planned:
            return "No questions were planned."
        parts = [f"{self.asked} asked"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        if self.not_reached:
            parts.append(f"{len(self.not_reached)} not reached")
        return f"{self.planned} question{'s' * (self.planned != 1)} planned: " + ", ".join(parts)

    def time_words(self) -> str:
        held = self.minutes_held
        if held is None:
            return "The timer was never started."
        over = self.minutes_over or 0
        if over > 0:
            how = f"{over} over"
        elif over < 0:
            how = f"{-over} under"
        else:
            how = "on time"
        return f"{held} of {self.minutes_planned} minutes ({how})"

    def capture_words(self) -> str:
        total = sum(self.captures.values())
        if not total:
            return "no captures"
        parts = [f"{n} {CAPTURE_WORDS[kind][n != 1]}" for kind, n in self.captures.items() if n]
        return f"{total} capture{'s' * (total != 1)} ({', '.join(parts)})"

    def line(self) -> str:
        """One line: '5 questions planned: 3 asked, 1 skipped, 1 not reached · 18 of 15
        minutes (3 over) · 4 captures (2 referrals, 1 lead, 1 offer)'."""
        return " · ".join((self.questions_words(), self.time_words(), self.capture_words()))


def planned_vs_held(interview: Interview, now: datetime | None = None) -> PlannedVsHeld:
    """The meeting against its plan; `now` counts the time of one still running."""
    questions = interview.questions
    asked = sum(1 for q in questions if q.asked)
    skipped = sum(1 for q in questions if q.skipped and not q.asked)
    not_reached = [q.text for q in questions if not q.asked and not q.skipped]
    session = interview.session
    seconds = None
    if session.started is not None:
        end = session.ended or now or session.started
        seconds = elapsed(session, end)
    counts: Counter[CaptureKind] = Counter(c.kind for c in interview.captures)
    ordered = {kind: counts[kind] for kind in CAPTURE_WORDS if counts[kind]}
    return PlannedVsHeld(
        planned=len(questions),
        asked=asked,
        skipped=skipped,
        not_reached=not_reached,
        minutes_planned=interview.minutes,
        seconds_held=seconds,
        captures=ordered,
        notes=sum(1 for n in interview.notes if n.text.strip()),
    )
