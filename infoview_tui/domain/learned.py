"""What I have learned about an occupation, from everyone I met about it, side by side.

The decision the whole method exists for: can I do this work, and do I want it? This puts
together only what the person wrote and captured: the perceptions written before any
meeting, then each meeting's reality; each demand with every "yes / with accommodation / no"
and the note behind it; the answers different people gave to the same question (the notes
taken while it was the current question); the job titles and training they named; and what
I decided after each meeting. Nothing is invented, summarised or scored here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .after import meeting_day
from .names import fold
from .records import (
    CanMeet,
    CaptureKind,
    Contact,
    Decision,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
)


@dataclass(frozen=True)
class Voice:
    """One meeting, as a source: whom I met, where, when."""

    interview_id: int
    name: str
    employer: str
    day: date | None

    def label(self) -> str:
        where = f" ({self.employer})" if self.employer else ""
        when = f", {self.day.day} {self.day:%b %Y}" if self.day else ""
        return f"{self.name}{where}{when}"


@dataclass(frozen=True)
class Said:
    voice: Voice
    text: str


@dataclass(frozen=True)
class DemandView:
    """One demand of the job and what each meeting said about meeting it."""

    text: str
    kind: str  # the occupation's demand kind ("physical", ...) or "" when a meeting added it
    answers: list[tuple[Voice, CanMeet, str]]  # (meeting, can I meet it, the note behind it)

    def tally(self) -> str:
        """'yes 1, with accommodation 1, no 0' style words, leaving out the unknown."""
        counts = {c: 0 for c in (CanMeet.YES, CanMeet.WITH_ACCOMMODATION, CanMeet.NO)}
        for _, can, _ in self.answers:
            if can in counts:
                counts[can] += 1
        said = [f"{can.value} {n}" for can, n in counts.items() if n]
        return ", ".join(said) if said else "not judged yet"


@dataclass(frozen=True)
class QuestionView:
    question: str
    answers: list[Said]


@dataclass
class Learned:
    occupation_id: int
    title: str
    perceptions: str
    voices: list[Voice] = field(default_factory=list)  # meetings held about it, oldest first
    realities: list[Said] = field(default_factory=list)
    demands: list[DemandView] = field(default_factory=list)
    questions: list[QuestionView] = field(default_factory=list)  # asked of 2+ people first
    job_titles: list[Said] = field(default_factory=list)
    training: list[Said] = field(default_factory=list)
    decisions: list[tuple[Voice, Decision]] = field(default_factory=list)
    unlinked: int = 0  # meetings held with no occupation chosen (they may belong here)

    @property
    def empty(self) -> bool:
        return not self.voices


def _key(text: str) -> str:
    return " ".join(fold(text).split()).rstrip("?.! ")


def learned_about(
    occupation: Occupation,
    interviews: Iterable[Interview],
    contacts: Iterable[Contact],
    organizations: Iterable[Organization],
) -> Learned:
    """Everything the meetings held about `occupation` said, in the order they were held."""
    assert occupation.id is not None
    people = {c.id: c for c in contacts}
    orgs = {o.id: o.name for o in organizations}
    interviews = list(interviews)
    held = [
        iv for iv in interviews
        if iv.status is InterviewStatus.DONE and iv.occupation_id == occupation.id
        and iv.id is not None
    ]  # fmt: skip
    held.sort(key=lambda iv: (meeting_day(iv) or date.min, iv.id or 0))
    out = Learned(occupation.id, occupation.title, occupation.perceptions)
    out.unlinked = sum(
        1 for iv in interviews if iv.status is InterviewStatus.DONE and iv.occupation_id is None
    )
    demands: dict[str, DemandView] = {}
    for demand in occupation.demands:
        if demand.text.strip() and _key(demand.text) not in demands:
            demands[_key(demand.text)] = DemandView(demand.text.strip(), demand.kind.value, [])
    questions: dict[str, QuestionView] = {}
    for iv in held:
        assert iv.id is not None
        contact = people.get(iv.contact_id)
        name = contact.name if contact else (iv.contact_name or "someone since deleted")
        employer = (
            orgs.get(iv.organization_id)
            or (orgs.get(contact.organization_id) if contact else None)
            or ""
        )
        voice = Voice(iv.id, name, employer, meeting_day(iv))
        out.voices.append(voice)
        for note in iv.notes:
            if not note.text.strip() or not note.question.strip():
                continue
            key = _key(note.question)
            view = questions.setdefault(key, QuestionView(note.question.strip(), []))
            view.answers.append(Said(voice, note.text.strip()))
        for capture in iv.captures:
            if capture.kind is CaptureKind.JOB_TITLE and capture.text.strip():
                out.job_titles.append(Said(voice, capture.text.strip()))
        r = iv.reflection
        if r is None:
            continue
        if r.reality.strip():
            out.realities.append(Said(voice, r.reality.strip()))
        if r.training.strip():
            out.training.append(Said(voice, r.training.strip()))
        if r.decision is not Decision.UNDECIDED:
            out.decisions.append((voice, r.decision))
        for check in r.demands:
            if not check.text.strip():
                continue
            asked = demands.setdefault(_key(check.text), DemandView(check.text.strip(), "", []))
            if check.can_meet is not CanMeet.UNKNOWN or check.note.strip():
                asked.answers.append((voice, check.can_meet, check.note.strip()))
    out.demands = list(demands.values())
    # The questions asked of the most people first: that is where views can be compared.
    out.questions = sorted(
        questions.values(),
        key=lambda q: (-len({s.voice.interview_id for s in q.answers}), _key(q.question)),
    )
    return out


def can_i(learned: Learned) -> str:
    """One plain sentence on the demands: how many look possible, with help, or not."""
    yes = adapt = no = unjudged = 0
    for demand in learned.demands:
        answers = [can for _, can, _ in demand.answers if can is not CanMeet.UNKNOWN]
        if not answers:
            unjudged += 1
            continue
        latest = answers[-1]  # what I thought after the most recent meeting that judged it
        yes += latest is CanMeet.YES
        adapt += latest is CanMeet.WITH_ACCOMMODATION
        no += latest is CanMeet.NO
    if not learned.demands:
        return "No demands written down yet: add them on the occupation screen."
    parts = []
    if yes:
        parts.append(f"{yes} I can meet")
    if adapt:
        parts.append(f"{adapt} with accommodation")
    if no:
        parts.append(f"{no} I cannot")
    if unjudged:
        parts.append(f"{unjudged} not judged yet")
    return "Of the demands, by my latest judgement: " + ", ".join(parts) + "."
