"""How far the search has come, in numbers: meetings a week against the cap, people by month
and by how they were found, thank-yous sent in time, follow-ups done on time, how each
occupation's reflections scored its fit, and what meetings cost in energy.

Counts only what the person recorded; nothing is estimated or scored by a model. Every figure
comes with the words that say it (`Progress.lines`), so a plot is never the only way to read
it (screen readers, NO_COLOR). Pure: callers pass the records and `today`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from .after import meeting_day
from .dates import week_start
from .followups import THANK_YOU_WINDOW_DAYS, meetings_per_week
from .network import GROUP_LABELS, GROUP_ORDER, group_of
from .records import (
    Contact,
    Decision,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Occupation,
    Reflection,
)

PAST_WEEKS = 8  # weeks of history in the meetings plot, before this one
AHEAD_WEEKS = 3  # and weeks ahead (what is planned)
MONTHS = 6  # months of people added
FIT_AREAS = ("interests", "values", "needs", "skills")
# A hint for a lighter week: a meeting that cost this much (of 5), or two that cost this much
# less one, in the last seven days.
HEAVY_COST = 5
COSTLY = 4


def _day(moment: datetime | None, tz: tzinfo | None) -> date | None:
    if moment is None:
        return None
    return (moment.astimezone(tz) if tz is not None else moment).date()


def held_day(interview: Interview, tz: tzinfo | None = None) -> date | None:
    """The day a held meeting took place, in the person's zone."""
    session = interview.session
    return _day(session.started or session.ended or interview.when, tz)


def planned_day(interview: Interview, tz: tzinfo | None = None) -> date | None:
    """The day a meeting was planned for; None for one held on the spot (never planned)."""
    if interview.on_the_spot:
        return None
    return _day(interview.when, tz)


# ----- meetings a week ---------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCount:
    week: date  # its Monday
    planned: int  # meetings planned for that week (held, still ahead, or called off)
    held: int
    taken: int = 0  # meetings that take energy that week (as the cap counts them)

    def label(self) -> str:
        return f"{self.week.day} {self.week:%b}"


PLANNED_STATUSES = frozenset(
    {InterviewStatus.SCHEDULED, InterviewStatus.LIVE, InterviewStatus.DONE,
     InterviewStatus.CANCELLED}
)  # fmt: skip


def meetings_by_week(
    interviews: Iterable[Interview],
    today: date,
    tz: tzinfo | None = None,
    past: int = PAST_WEEKS,
    ahead: int = AHEAD_WEEKS,
) -> list[WeekCount]:
    """Planned and held meetings in each week from `past` weeks ago to `ahead` weeks on."""
    interviews = list(interviews)
    first = week_start(today) - timedelta(weeks=past)
    planned: Counter[date] = Counter()
    held: Counter[date] = Counter()
    for iv in interviews:
        if iv.status in PLANNED_STATUSES:
            day = planned_day(iv, tz)
            if day is not None:
                planned[week_start(day)] += 1
        if iv.status is InterviewStatus.DONE:
            day = held_day(iv, tz)
            if day is not None:
                held[week_start(day)] += 1
    taken = meetings_per_week(interviews, tz)
    weeks = [first + timedelta(weeks=n) for n in range(past + 1 + ahead)]
    return [WeekCount(w, planned[w], held[w], taken[w]) for w in weeks]


# ----- people by month ---------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: date  # its first day
    by_group: dict[str, int]  # GROUP_LABELS key -> people added that month

    @property
    def total(self) -> int:
        return sum(self.by_group.values())

    def label(self) -> str:
        return f"{self.month:%b %Y}" if self.month.month == 1 else f"{self.month:%b}"


def added_day(contact: Contact, tz: tzinfo | None = None) -> date | None:
    """When a person joined my list: the day I added them, else the day an import did."""
    return _day(contact.created, tz) or contact.imported


def contacts_by_month(
    contacts: Iterable[Contact], today: date, tz: tzinfo | None = None, months: int = MONTHS
) -> tuple[list[MonthCount], int]:
    """People added in each of the last `months` months (this one included), by how they
    were found; and how many people were added before that, or on no known day."""
    first = _month_back(today.replace(day=1), months - 1)
    counts: dict[date, Counter[str]] = {}
    older = 0
    for c in contacts:
        day = added_day(c, tz)
        if day is None or day < first:
            older += 1
            continue
        counts.setdefault(day.replace(day=1), Counter())[group_of(c)] += 1
    rows = []
    month = first
    for _ in range(months):
        found = counts.get(month, Counter())
        rows.append(MonthCount(month, {g: found[g] for g in GROUP_ORDER if found[g]}))
        month = _month_back(month, -1)
    return rows, older


def _month_back(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


# ----- doing what I said I would -------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """How many of `total` were done in time; `waiting` are not due yet (not counted)."""

    in_time: int
    total: int
    waiting: int = 0

    @property
    def share(self) -> float | None:
        return self.in_time / self.total if self.total else None

    def words(self, what: str) -> str:
        if not self.total:
            return (
                f"{what}: none due yet."
                if not self.waiting
                else f"{what}: {self.waiting} not due yet."
            )
        percent = round(100 * self.in_time / self.total)
        more = f"; {self.waiting} not due yet" if self.waiting else ""
        return f"{what}: {self.in_time} of {self.total} in time ({percent}%){more}."


def thank_you_rate(
    interviews: Iterable[Interview], followups: Iterable[FollowUp], today: date,
    tz: tzinfo | None = None,
) -> Rate:  # fmt: skip
    """Of the meetings held, how many had their thank-you sent within two days (marked sent
    no later than two days after the meeting day). A meeting whose two days are not over and
    whose thank-you is not sent yet is waiting, not late."""
    sent: dict[int, date] = {}
    for item in followups:
        if item.kind is FollowUpKind.THANK_YOU and item.interview_id is not None and item.done:
            done = _day(item.done, tz)
            assert done is not None
            previous = sent.get(item.interview_id)
            sent[item.interview_id] = done if previous is None else min(previous, done)
    in_time = total = waiting = 0
    for iv in interviews:
        if iv.status is not InterviewStatus.DONE or iv.id is None:
            continue
        day = held_day(iv, tz) or meeting_day(iv)
        if day is None:
            continue
        deadline = day + timedelta(days=THANK_YOU_WINDOW_DAYS)
        done = sent.get(iv.id)
        if done is None and today <= deadline:
            waiting += 1
            continue
        total += 1
        in_time += done is not None and done <= deadline
    return Rate(in_time, total, waiting)


def on_time_rate(followups: Iterable[FollowUp], today: date, tz: tzinfo | None = None) -> Rate:
    """Of the follow-ups with a due day that are done or already late, how many were done on
    or before their day; open ones not due yet are waiting."""
    in_time = total = waiting = 0
    for item in followups:
        if item.due is None:
            continue
        if item.done is None:
            if item.due >= today:
                waiting += 1
            else:
                total += 1  # still open and late
            continue
        total += 1
        done = _day(item.done, tz)
        in_time += done is not None and done <= item.due
    return Rate(in_time, total, waiting)


# ----- how well each occupation fits --------------------------------------------------------


@dataclass(frozen=True)
class OccupationFit:
    occupation_id: int
    title: str
    held: int  # meetings held about it
    reflected: int  # of those, with a fit score given
    fit: dict[str, float]  # area -> mean score (1-5) over the reflections that scored it
    decisions: dict[Decision, int]

    @property
    def overall(self) -> float | None:
        return sum(self.fit.values()) / len(self.fit) if self.fit else None


def _scores(reflection: Reflection) -> dict[str, int]:
    out = {}
    for area in FIT_AREAS:
        value = getattr(reflection, f"{area}_fit")
        if isinstance(value, int) and 1 <= value <= 5:
            out[area] = value
    return out


def fit_by_occupation(
    occupations: Iterable[Occupation], interviews: Iterable[Interview]
) -> list[OccupationFit]:
    """Each occupation explored (the current first, then by meetings held): how its meetings'
    reflections scored its fit with my interests, values, needs and skills."""
    held: dict[int, list[Interview]] = {}
    for iv in interviews:
        if iv.status is InterviewStatus.DONE and iv.occupation_id is not None:
            held.setdefault(iv.occupation_id, []).append(iv)
    rows = []
    ordered = sorted(
        (o for o in occupations if o.id is not None),
        key=lambda o: (not o.current, -len(held.get(o.id or 0, [])), o.title.casefold()),
    )
    for occ in ordered:
        assert occ.id is not None
        meetings = held.get(occ.id, [])
        sums: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        decisions: Counter[Decision] = Counter()
        reflected = 0
        for iv in meetings:
            if iv.reflection is None:
                continue
            scores = _scores(iv.reflection)
            reflected += bool(scores)
            for area, value in scores.items():
                sums[area] += value
                counts[area] += 1
            if iv.reflection.decision is not Decision.UNDECIDED:
                decisions[iv.reflection.decision] += 1
        fit = {a: sums[a] / counts[a] for a in FIT_AREAS if counts[a]}
        rows.append(
            OccupationFit(occ.id, occ.title, len(meetings), reflected, fit, dict(decisions))
        )
    return rows


# ----- energy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnergyWeek:
    week: date
    held: int
    costs: tuple[int, ...]  # the costs recorded for that week's meetings (1-5)

    @property
    def mean(self) -> float | None:
        return sum(self.costs) / len(self.costs) if self.costs else None


def cost_of(interview: Interview) -> int | None:
    energy = interview.energy
    if energy is None or not isinstance(energy.cost, int) or not 1 <= energy.cost <= 5:
        return None
    return energy.cost


def energy_by_week(
    interviews: Iterable[Interview], today: date, tz: tzinfo | None = None,
    past: int = PAST_WEEKS,
) -> list[EnergyWeek]:  # fmt: skip
    """Meetings held and what they cost, week by week, up to this one."""
    first = week_start(today) - timedelta(weeks=past)
    held: Counter[date] = Counter()
    costs: dict[date, list[int]] = {}
    for iv in interviews:
        if iv.status is not InterviewStatus.DONE:
            continue
        day = held_day(iv, tz)
        if day is None:
            continue
        week = week_start(day)
        held[week] += 1
        cost = cost_of(iv)
        if cost is not None:
            costs.setdefault(week, []).append(cost)
    weeks = [first + timedelta(weeks=n) for n in range(past + 1)]
    return [EnergyWeek(w, held[w], tuple(costs.get(w, ()))) for w in weeks]


def lighter_week_hint(
    interviews: Iterable[Interview], today: date, cap: int | None, tz: tzinfo | None = None
) -> str:
    """A gentle suggestion for the follow-up queue after costly meetings in the last seven
    days ("" when there is nothing to say)."""
    recent = []
    for iv in interviews:
        day = held_day(iv, tz) if iv.status is InterviewStatus.DONE else None
        cost = cost_of(iv)
        if day is not None and cost is not None and 0 <= (today - day).days < 7:
            recent.append(cost)
    heavy = [c for c in recent if c >= COSTLY]
    if not (any(c >= HEAVY_COST for c in recent) or len(heavy) >= 2):
        return ""
    said = " and ".join(str(c) for c in sorted(heavy, reverse=True))
    pace = f" Your cap is {cap} meetings a week; fewer is fine." if cap else ""
    return (
        f"This week's meetings cost a lot ({said} of 5). Consider a lighter week: L moves what "
        f"can wait, and nothing here has to happen today.{pace}"
    )


# ----- all of it ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    today: date
    weeks: list[WeekCount]
    cap: int | None
    months: list[MonthCount]
    older: int  # people added before the months shown, or on no known day
    people: int
    met: int
    thank_yous: Rate
    on_time: Rate
    fits: list[OccupationFit]
    energy: list[EnergyWeek]
    lines: dict[str, list[str]] = field(default_factory=dict)  # the words, per plot


def build_progress(
    contacts: list[Contact],
    interviews: list[Interview],
    followups: list[FollowUp],
    occupations: list[Occupation],
    cap: int | None,
    today: date,
    tz: tzinfo | None = None,
) -> Progress:
    weeks = meetings_by_week(interviews, today, tz)
    months, older = contacts_by_month(contacts, today, tz)
    met_ids = {
        iv.contact_id for iv in interviews if iv.status is InterviewStatus.DONE and iv.contact_id
    }
    known = {c.id for c in contacts}
    progress = Progress(
        today=today,
        weeks=weeks,
        cap=cap,
        months=months,
        older=older,
        people=len(contacts),
        met=len(met_ids & known),
        thank_yous=thank_you_rate(interviews, followups, today, tz),
        on_time=on_time_rate(followups, today, tz),
        fits=fit_by_occupation(occupations, interviews),
        energy=energy_by_week(interviews, today, tz),
    )
    progress.lines.update(
        meetings=meeting_lines(progress),
        people=people_lines(progress),
        follow=follow_lines(progress),
        fit=fit_lines(progress),
        energy=energy_lines(progress),
    )
    return progress


def meeting_lines(p: Progress) -> list[str]:
    return weeks_lines(p.weeks, p.cap, p.today)


def weeks_lines(weeks: list[WeekCount], cap: int | None, today: date) -> list[str]:
    """The meetings a week in words (the first part of Progress, shown before the rest is
    counted)."""
    this_week = week_start(today)
    past = [w for w in weeks if w.week < this_week]
    now = next(w for w in weeks if w.week == this_week)
    ahead = [w for w in weeks if w.week > this_week]
    held = sum(w.held for w in past) + now.held
    lines = [
        f"Held {held} meeting{'s' * (held != 1)} in the last {len(past) + 1} weeks "
        f"(this week included).",
        f"This week: {now.held} held, {now.planned} planned"
        + (f"; {now.taken} of a cap of {cap}." if cap else "."),
    ]
    if cap:
        over = [w for w in weeks if w.taken > cap]
        lines.append(
            "No week over the cap." if not over
            else "Over the cap: " + ", ".join(f"week of {w.label()}" for w in over) + "."
        )  # fmt: skip
    coming = sum(w.planned for w in ahead)
    lines.append(f"Planned in the next {len(ahead)} weeks: {coming}.")
    most = max(w.held for w in weeks)
    if most:
        busiest = [w.label() for w in weeks if w.held == most]
        shown = ", ".join(busiest[:3]) + (
            f" and {len(busiest) - 3} more" if len(busiest) > 3 else ""
        )
        lines.append(f"Most held in one week: {most} (week of {shown}).")
    return lines


def people_lines(p: Progress) -> list[str]:
    added = sum(m.total for m in p.months)
    lines = [
        f"{p.people} people on my list; {p.met} met so far.",
        f"Added in the last {len(p.months)} months: {added}"
        + (f" (and {p.older} before that)." if p.older else "."),
    ]
    for m in p.months:
        if m.total:
            parts = ", ".join(f"{GROUP_LABELS[g].lower()} {n}" for g, n in m.by_group.items())
            lines.append(f"{m.month:%b %Y}: {m.total} ({parts}).")
    totals: Counter[str] = Counter()
    for m in p.months:
        totals.update(m.by_group)
    if totals:
        top, count = totals.most_common(1)[0]
        lines.append(f"Found most often through: {GROUP_LABELS[top].lower()} ({count}).")
    return lines


def follow_lines(p: Progress) -> list[str]:
    return [
        p.thank_yous.words("Thank-yous sent within two days"),
        p.on_time.words("Follow-ups done on their day or before"),
    ]


def fit_lines(p: Progress) -> list[str]:
    if not p.fits:
        return ["No occupation written down yet."]
    lines = []
    for f in p.fits:
        if not f.held:
            lines.append(f"{f.title}: no meeting held about it yet.")
            continue
        head = f"{f.title}: {f.held} meeting{'s' * (f.held != 1)} held"
        if f.overall is None:
            lines.append(f"{head}; no fit scored yet.")
            continue
        areas = ", ".join(f"{a} {v:.1f}" for a, v in f.fit.items())
        lines.append(f"{head}; fit {f.overall:.1f} of 5 ({areas}).")
        if f.decisions:
            said = ", ".join(f"{d.value} {n}" for d, n in f.decisions.items())
            lines.append(f"  Do I want it? {said}.")
    return lines


def energy_lines(p: Progress) -> list[str]:
    costs = [c for w in p.energy for c in w.costs]
    held = sum(w.held for w in p.energy)
    if not held:
        return ["No meeting held in these weeks."]
    if not costs:
        return [f"{held} meetings held; no energy cost recorded yet (E on the After screen)."]
    mean = sum(costs) / len(costs)
    lines = [
        f"{len(costs)} of {held} meetings have a cost recorded; on average {mean:.1f} of 5.",
    ]
    for w in p.energy:
        if w.costs:
            lines.append(
                f"Week of {w.week.day} {w.week:%b}: {w.held} held, cost "
                + ", ".join(str(c) for c in w.costs) + "."
            )  # fmt: skip
    return lines


def summary_line(p: Progress) -> str:
    """The line at the top of Progress: '1 of 2 meetings this week · 3 of 15 people met ·
    2/3 thank-yous in time'."""
    this_week = next(w for w in p.weeks if w.week == week_start(p.today))
    parts = [_meetings_words(this_week.taken, p.cap), f"{p.met} of {p.people} people met"]
    if p.thank_yous.total:
        parts.append(f"{p.thank_yous.in_time}/{p.thank_yous.total} thank-yous in time")
    return " · ".join(parts)


def _meetings_words(taken: int, cap: int | None) -> str:
    if cap and taken <= cap:
        return f"{taken} of {cap} meetings this week"
    if cap:
        return f"{taken} meetings this week (cap {cap})"
    return f"{taken} meeting{'s' * (taken != 1)} this week"


def home_line(
    contacts: list[Contact], interviews: list[Interview], cap: int | None, today: date,
    tz: tzinfo | None = None,
) -> str:  # fmt: skip
    """The home screen's short form: '1 of 2 meetings this week · 3 of 15 people met'
    (counted without the rest of Progress: home redraws often)."""
    taken = meetings_per_week(interviews, tz)[week_start(today)]
    known = {c.id for c in contacts}
    met = {iv.contact_id for iv in interviews if iv.status is InterviewStatus.DONE}
    return f"{_meetings_words(taken, cap)} · {len(met & known)} of {len(contacts)} people met"
