"""The live meeting's arithmetic: elapsed time, phases, pace, and moving through questions.

Time is always computed from the stored session and a `now` handed in, never from counting
timer ticks, so the display is right after a busy moment, a pause, a restart or a suspend.
All functions are pure: they return new values and change nothing they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from .question_bank import default_plan
from .records import Contact, Interview, InterviewStatus, PlannedQuestion, Question, Session
from .timefmt import full_datetime

DEFAULT_WRAP_MINUTES = 3  # the last few minutes: ask who else to talk to, and to stay in touch
TIME_UP_SECONDS = 60  # how long "time is up" shows before overtime is counted


class Phase(StrEnum):
    NOT_STARTED = "not started"
    ON_TRACK = "on track"
    WRAP_UP = "wrap-up"
    TIME_UP = "time is up"
    OVERTIME = "overtime"
    ENDED = "ended"


PHASE_HINT = {
    Phase.NOT_STARTED: "Start when you sit down together.",
    Phase.ON_TRACK: "Listen more than you talk.",
    Phase.WRAP_UP: "Time to ask: who else should I talk to? May I contact you again?",
    Phase.TIME_UP: "Say the time is up and thank them; let them choose to go on.",
    Phase.OVERTIME: "They chose to continue. Keep an eye on their time.",
    Phase.ENDED: "The meeting has ended.",
}


def elapsed(session: Session, now: datetime) -> float:
    """Seconds of meeting so far: wall time since the start, less every pause."""
    if session.started is None:
        return 0.0
    until = session.ended or now
    paused = session.paused_seconds
    if session.paused_at is not None:
        paused += max(0.0, (until - session.paused_at).total_seconds())
    # A clock set backwards must not show negative time.
    return max(0.0, (until - session.started).total_seconds() - paused)


@dataclass(frozen=True)
class TimerView:
    elapsed: float
    remaining: float  # negative once past the planned length
    phase: Phase
    paused: bool


def wrap_seconds(minutes: int, wrap_minutes: int) -> float:
    """How long before the planned end wrap-up starts: the setting, but never more than half
    the meeting (a 2-minute meeting wraps up in its last minute)."""
    return min(wrap_minutes * 60, minutes * 60 / 2)


def _minutes_text(seconds: float) -> str:
    whole, half = divmod(round(seconds / 30), 2)
    count = f"{whole}½" if half else str(whole)
    return f"{count} minute" + ("" if count == "1" else "s")


def wrap_notice(minutes: int, wrap_minutes: int) -> str:
    """What to say when the wrap-up length is set: when it will start in this meeting."""
    setting = f"Wrap-up set to {_minutes_text(wrap_minutes * 60)}"
    real = wrap_seconds(minutes, wrap_minutes)
    if real >= wrap_minutes * 60:
        return f"{setting}: it starts {_minutes_text(real)} before the end."
    return (
        f"{setting}. In this {minutes}-minute meeting it starts {_minutes_text(real)} before "
        "the end (never more than half the meeting)."
    )


def timer_view(
    session: Session,
    minutes: int,
    now: datetime,
    wrap_minutes: int = DEFAULT_WRAP_MINUTES,
) -> TimerView:
    spent = elapsed(session, now)
    remaining = minutes * 60 - spent
    if session.started is None:
        phase = Phase.NOT_STARTED
    elif session.ended is not None:
        phase = Phase.ENDED
    elif remaining > wrap_seconds(minutes, wrap_minutes):
        phase = Phase.ON_TRACK
    elif remaining > 0:
        phase = Phase.WRAP_UP
    elif remaining > -TIME_UP_SECONDS:
        phase = Phase.TIME_UP
    else:
        phase = Phase.OVERTIME
    return TimerView(spent, remaining, phase, session.paused_at is not None)


def clock_text(seconds: float) -> str:
    """mm:ss, or h:mm:ss past an hour; whole seconds, rounded down."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{text}" if hours else text


# ----- starting, pausing, ending ---------------------------------------------------------------


def on_the_spot(contact: Contact, bank: list[Question], now: datetime) -> Interview:
    """A meeting that starts now, with default questions and no plan: "now is a good time"."""
    return Interview(
        contact_id=contact.id,
        organization_id=contact.organization_id,
        status=InterviewStatus.SCHEDULED,
        when=now,
        place="right where we are",
        on_the_spot=True,
        questions=default_plan(bank),
        created=now,
    )


def start(session: Session, now: datetime) -> Session:
    if session.started is not None:
        return session
    return replace(session, started=now, current_since=0.0)


def held_at(interview: Interview) -> datetime | None:
    """When the meeting was held (its clock started), or None if it has not begun."""
    return interview.session.started


def started_off_plan(interview: Interview, now: datetime) -> str:
    """What to say on starting at `now` a meeting planned for another day ("" when not)."""
    planned = interview.when
    if planned is None or planned.astimezone(now.tzinfo).date() == now.date():
        return ""
    return f"Planned for {full_datetime(planned, now.tzinfo)}; held today."


def pause(session: Session, now: datetime) -> Session:
    if session.started is None or session.paused_at is not None or session.ended is not None:
        return session
    return replace(session, paused_at=now)


def resume(session: Session, now: datetime) -> Session:
    if session.paused_at is None:
        return session
    banked = session.paused_seconds + max(0.0, (now - session.paused_at).total_seconds())
    return replace(session, paused_at=None, paused_seconds=banked)


def end(session: Session, now: datetime) -> Session:
    if session.ended is not None:
        return session
    ended = resume(session, now)
    if ended.started is None:
        ended = replace(ended, started=now)
    return replace(ended, ended=now)


# ----- questions -------------------------------------------------------------------------------


def open_indexes(questions: list[PlannedQuestion]) -> list[int]:
    return [i for i, q in enumerate(questions) if not q.asked and not q.skipped]


def current_question(interview: Interview) -> PlannedQuestion | None:
    qs = interview.questions
    index = interview.session.current
    return qs[index] if 0 <= index < len(qs) else None


def next_open(questions: list[PlannedQuestion], after: int) -> int | None:
    """The first question after `after` not yet asked or skipped (wrapping round)."""
    n = len(questions)
    for step in range(1, n + 1):
        i = (after + step) % n
        if not questions[i].asked and not questions[i].skipped:
            return i
    return None


def upcoming_question(interview: Interview) -> PlannedQuestion | None:
    i = next_open(interview.questions, interview.session.current)
    return None if i is None or i == interview.session.current else interview.questions[i]


def move_to(interview: Interview, index: int, spent: float) -> Interview:
    if not 0 <= index < len(interview.questions) or index == interview.session.current:
        return interview
    session = replace(interview.session, current=index, current_since=spent)
    return replace(interview, session=session)


def mark_current(interview: Interview, spent: float, *, asked: bool) -> Interview:
    """Tick the current question as asked (or skip it), then move to the next open one."""
    question = current_question(interview)
    if question is None:
        return interview
    questions = list(interview.questions)
    i = interview.session.current
    questions[i] = replace(question, asked=asked, skipped=not asked)
    updated = replace(interview, questions=questions)
    following = next_open(questions, i)
    return updated if following is None else move_to(updated, following, spent)


def add_question(interview: Interview, text: str, spent: float) -> Interview:
    """A question thought of on the spot goes right after the current one."""
    questions = list(interview.questions)
    at = min(interview.session.current + 1, len(questions))
    questions.insert(at, PlannedQuestion(text=text))
    updated = replace(interview, questions=questions)
    if len(questions) == 1:
        return replace(updated, session=replace(updated.session, current=0, current_since=spent))
    return updated


def reorder(interview: Interview, index: int, offset: int) -> Interview:
    """Move a question up (-1) or down (+1), keeping the current one current."""
    target = index + offset
    qs = list(interview.questions)
    if not (0 <= index < len(qs) and 0 <= target < len(qs)):
        return interview
    qs[index], qs[target] = qs[target], qs[index]
    current = interview.session.current
    if current == index:
        current = target
    elif current == target:
        current = index
    return replace(interview, questions=qs, session=replace(interview.session, current=current))


# ----- pace ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pace:
    open_questions: int
    per_question: float | None  # seconds left for each open question before wrap-up
    on_current: float  # seconds spent on the current question
    over_budget: bool  # the current question has used more than its fair share

    def hint(self) -> str:
        if self.open_questions == 0:
            return "All questions covered."
        if self.per_question is None or self.per_question <= 0:
            return "Past wrap-up: pick the one question that matters most."
        each = clock_text(self.per_question)
        text = f"{self.open_questions} left · about {each} each"
        if self.over_budget:
            text += " · this one has had its share; move on when it feels right"
        return text


def pace(interview: Interview, now: datetime, wrap_minutes: int = DEFAULT_WRAP_MINUTES) -> Pace:
    spent = elapsed(interview.session, now)
    open_count = len(open_indexes(interview.questions))
    wrap_at = interview.minutes * 60 - wrap_seconds(interview.minutes, wrap_minutes)
    before_wrap = wrap_at - spent
    per = before_wrap / open_count if open_count else None
    budget = wrap_at / max(1, len(interview.questions))
    on_current = max(0.0, spent - interview.session.current_since)
    over = open_count > 0 and on_current > budget
    return Pace(open_count, per, on_current, over)
