"""The follow-up queue and the rules of pace and energy, as pure functions.

The queue answers "what do I do now?": overdue, today, this week, later (undated items last),
and what was done in the last seven days, each item saying what to do (its title), for whom
(its contact) and why (its `reason`: the meeting or rule that made it). Energy rules keep the
work humane: a weekly cap on meetings, chosen rest days that items never land on, and a
low-energy day that quietly moves today's non-urgent items on. Nothing here reads the clock or
the store: callers pass `now`/`today` and save what comes back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING

from .dates import next_working_day, week_start
from .records import FollowUp, FollowUpKind, Interview, InterviewStatus
from .timefmt import full_date
from .validation import MAX_NAME, clean_text

if TYPE_CHECKING:  # the date reader is imported when a date is read, not by `infoview queue`
    from .date_fields import Reading

RECENT_DONE_DAYS = 7  # "recently done": closed within this many days
WEEK_DAYS = 7  # "this week": due within the next seven days (as the home screen counts)
THANK_YOU_WINDOW_DAYS = 2  # a thank-you goes out within two days of the meeting
# On a low-energy day, an item already this many days late (or more) is urgent and stays:
# it has slipped long enough that moving it again would let the contact go cold unseen.
URGENT_OVERDUE_DAYS = 3

# Which kind goes first when several are due the same day: the time-bound ones lead.
ID_BITS = 40  # room for a record id in a queue sort key (ids count up from 1)
KIND_PRIORITY = {  # below 16: four bits of a queue sort key
    FollowUpKind.THANK_YOU: 0,
    FollowUpKind.REACH_OUT: 1,
    FollowUpKind.NUDGE: 2,
    FollowUpKind.ANOTHER_CONTACT: 3,
    FollowUpKind.NEXT_STEP: 4,
    FollowUpKind.STAY_IN_TOUCH: 5,
    FollowUpKind.OTHER: 6,
}
# Meetings that take energy in the week they fall in.
BUSY_STATUSES = frozenset({InterviewStatus.SCHEDULED, InterviewStatus.LIVE, InterviewStatus.DONE})


class Section(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "this week"
    LATER = "later"
    DONE = "recently done"


SECTION_ORDER = tuple(Section)
OPEN_SECTIONS = (Section.OVERDUE, Section.TODAY, Section.WEEK, Section.LATER)


@dataclass
class Queue:
    """Items by section, each section already in the order to work through it."""

    sections: dict[Section, list[FollowUp]]

    def count(self, section: Section) -> int:
        return len(self.sections[section])

    def due_now(self) -> list[FollowUp]:
        """Overdue, then today's: what `infoview queue` prints."""
        return self.sections[Section.OVERDUE] + self.sections[Section.TODAY]

    def open_items(self) -> list[FollowUp]:
        return [item for section in OPEN_SECTIONS for item in self.sections[section]]


def section_of(item: FollowUp, today: date, since: datetime | None = None) -> Section | None:
    """Where an item goes; None for one done before `since` (or ever, when `since` is None)."""
    if item.done is not None:
        return Section.DONE if since is not None and item.done >= since else None
    due = item.due
    if due is None:
        return Section.LATER
    if due < today:
        return Section.OVERDUE
    if due == today:
        return Section.TODAY
    if (due - today).days <= WEEK_DAYS:
        return Section.WEEK
    return Section.LATER


def build_queue(items: Iterable[FollowUp], now: datetime) -> Queue:
    """Every open item, and those done in the last week, sorted into their sections.

    Overdue: the oldest first (it has waited longest), then thank-yous before other kinds,
    then the order they were made (id). Today: by kind, then id. This week and later: by due
    day, then kind, then id; undated items at the end of later. Recently done: latest first.
    Built for 20,000 items in a few milliseconds: one pass that gives each item one integer
    to sort by (day, kind and id packed together), then one sort per section.
    """
    today = now.date()
    # Two aware datetimes in different zones compare slowly (each comparison asks both for
    # their offset, with new objects every time; a zone written in Python, such as the
    # computer's own, answers in Python). A done time's own day number differs from UTC's
    # by at most one, so only times near the boundary are compared in full, and with UTC.
    since = (now - timedelta(days=RECENT_DONE_DAYS)).astimezone(UTC)
    since_day = since.toordinal()
    first_day = today.toordinal()
    last_week_day = first_day + WEEK_DAYS
    kind_rank = {kind: rank << ID_BITS for kind, rank in KIND_PRIORITY.items()}.get
    other = 9 << ID_BITS
    overdue: list[tuple[int, FollowUp]] = []
    due_today: list[tuple[int, FollowUp]] = []
    week: list[tuple[int, FollowUp]] = []
    later: list[tuple[int, FollowUp]] = []
    undated: list[tuple[int, FollowUp]] = []
    done: list[tuple[float, int, FollowUp]] = []
    for item in items:
        when = item.done
        if when is not None:
            day = when.toordinal()
            if day > since_day + 1 or (day >= since_day - 1 and when >= since):
                done.append((-when.timestamp(), -(item.id or 0), item))  # latest first
            continue
        rank = kind_rank(item.kind, other) | (item.id or 0)  # kind, then id
        due = item.due
        if due is None:
            undated.append((rank, item))
            continue
        day = due.toordinal()
        if day == first_day:
            due_today.append((rank, item))
            continue
        pair = ((day << (ID_BITS + 4)) | rank, item)  # day, then kind, then id
        if day < first_day:
            overdue.append(pair)
        elif day <= last_week_day:
            week.append(pair)
        else:
            later.append(pair)
    by_key = itemgetter(0)
    for section in (overdue, due_today, week, later, undated):
        section.sort(key=by_key)
    done.sort(key=itemgetter(0, 1))
    item_of = itemgetter(-1)
    return Queue(
        {
            Section.OVERDUE: list(map(item_of, overdue)),
            Section.TODAY: list(map(item_of, due_today)),
            Section.WEEK: list(map(item_of, week)),
            Section.LATER: [*map(item_of, later), *map(item_of, undated)],
            Section.DONE: list(map(item_of, done)),
        }
    )


# ----- snooze ----------------------------------------------------------------------------------


class Snooze(StrEnum):
    """The one-key choices of the snooze dialog; anything else typed is read as a date."""

    DAY = "1"
    THREE_DAYS = "3"
    WEEK = "w"


SNOOZE_DAYS = {Snooze.DAY: 1, Snooze.THREE_DAYS: 3, Snooze.WEEK: 7}
SNOOZE_LABELS = {Snooze.DAY: "+1 day", Snooze.THREE_DAYS: "+3 days", Snooze.WEEK: "+1 week"}


def parse_due(text: str, now: datetime, *, day_first: bool = True) -> date:
    """A typed due day ("fri", "tomorrow", "3 Dec", "in 4 days"); raises DateError if past."""
    from .date_fields import due_day

    day = due_day(text, now, day_first=day_first).value
    assert isinstance(day, date)
    return day


def snooze_reading(
    item: FollowUp,
    choice: Snooze | str,
    now: datetime,
    rest_days: Iterable[int] = (),
    *,
    day_first: bool = True,
) -> Reading:
    """Where snoozing `item` with `choice` would move it, shown before it moves.

    +1 day / +3 days / +1 week count from today, or from the due day when that is still ahead
    (a preset never brings an item forward), and skip rest days. A typed date is taken as
    typed, even on a rest day: the person chose it (the queue flags it). Today is allowed, the
    past not; a typed day earlier than the item was due is allowed and said plainly.
    Raises DateError (with a message for people) for a date that cannot be kept.
    """
    from .date_fields import Reading, due_day

    today = now.date()
    preset = _as_preset(choice)
    if preset is None:
        return due_day(str(choice), now, day_first=day_first, was_due=item.due)
    base = max(today, item.due) if item.due is not None else today
    due = move_off_rest_day(base + timedelta(days=SNOOZE_DAYS[preset]), list(rest_days))
    return Reading(due, f"{SNOOZE_LABELS[preset]}: {full_date(due)}")


def snooze(
    item: FollowUp,
    choice: Snooze | str,
    now: datetime,
    rest_days: Iterable[int] = (),
    *,
    day_first: bool = True,
) -> FollowUp:
    """The item due later (see `snooze_reading`); raises DateError for a bad date."""
    due = snooze_reading(item, choice, now, rest_days, day_first=day_first).value
    assert isinstance(due, date)
    return replace(item, due=due)


def _as_preset(choice: Snooze | str) -> Snooze | None:
    if isinstance(choice, Snooze):
        return choice
    text = choice.strip().lower()
    try:
        return Snooze(text)
    except ValueError:
        return None


# ----- adding by hand --------------------------------------------------------------------------


def new_item(
    title: str,
    due: date | None,
    contact_id: int | None = None,
    interview_id: int | None = None,
    reason: str = "added by hand",
    *,
    now: datetime,
) -> FollowUp:
    """A follow-up typed in by the person; raises ValueError with a message for a bad title."""
    text = " ".join(clean_text(title).split())
    if not text:
        raise ValueError("Say what to do, for example: Send Ada the article I promised.")
    if len(text) > MAX_NAME:
        raise ValueError(f"Keep it short: at most {MAX_NAME} characters.")
    return FollowUp(
        kind=FollowUpKind.OTHER,
        title=text,
        due=due,
        contact_id=contact_id,
        interview_id=interview_id,
        reason=reason,
        created=now,
    )


def complete(item: FollowUp, now: datetime) -> FollowUp:
    return replace(item, done=now)


# ----- pace and energy -------------------------------------------------------------------------


def move_off_rest_day(day: date, rest_days: Iterable[int]) -> date:
    """`day`, or the next working day when it falls on one of the person's rest days."""
    return next_working_day(day, list(rest_days))


def is_rest_day(day: date | None, rest_days: Iterable[int]) -> bool:
    return day is not None and day.weekday() in set(rest_days)


def _meeting_day(interview: Interview, tz: tzinfo | None) -> date | None:
    moment = interview.when or interview.session.started
    if moment is None:
        return None
    return (moment.astimezone(tz) if tz is not None else moment).date()


def meetings_per_week(interviews: Iterable[Interview], tz: tzinfo | None = None) -> Counter[date]:
    """How many meetings are scheduled or held in each week (keyed by its Monday).

    A meeting counts on its own calendar day: in `tz` when given (the person's zone), else in
    the offset it was stored with.
    """
    weeks: Counter[date] = Counter()
    for interview in interviews:
        if interview.status not in BUSY_STATUSES:
            continue
        day = _meeting_day(interview, tz)
        if day is not None:
            weeks[week_start(day)] += 1
    return weeks


def week_over_cap(
    interviews: Iterable[Interview], week: date, cap: int | None, tz: tzinfo | None = None
) -> bool:
    """More meetings in the week starting `week` (any day of it) than the cap allows."""
    if cap is None:
        return False
    return meetings_per_week(interviews, tz)[week_start(week)] > cap


def weeks_over_cap(
    interviews: Iterable[Interview],
    cap: int | None,
    tz: tzinfo | None = None,
    *,
    weeks: Collection[date] | None = None,
) -> set[date]:
    """The Mondays of every week over the cap (for flagging many items at once); with
    `weeks` (Mondays), of only those. Then a meeting's own day is worked out (a time zone
    conversion each) only when it may fall in one of them: its stored day is a day or less
    from its day in `tz`, so the weeks of the days either side of it are all it could be in."""
    if cap is None:
        return set()
    if weeks is not None:
        # Mondays as day numbers: day 1 (1 January of year 1) was a Monday.
        wanted = {week.toordinal() - week.weekday() for week in weeks}

        def near(moment: datetime | None) -> bool:
            if moment is None:
                return False
            day = moment.date().toordinal()
            return (day - 1) - (day - 2) % 7 in wanted or (day + 1) - day % 7 in wanted

        interviews = [
            iv for iv in interviews
            if iv.status in BUSY_STATUSES and near(iv.when or iv.session.started)
        ]  # fmt: skip
    over = {week for week, count in meetings_per_week(interviews, tz).items() if count > cap}
    return over if weeks is None else over & set(weeks)


def flags(
    item: FollowUp, rest_days: Collection[int], busy_weeks: set[date] | frozenset[date]
) -> list[str]:
    """Words to show beside an open item: 'rest day', 'busy week' (over the meeting cap)."""
    if item.due is None or item.done is not None:
        return []
    out = []
    if item.due.weekday() in rest_days:
        out.append("rest day")
    if week_start(item.due) in busy_weeks:
        out.append("busy week")
    return out


def thank_you_deadline(item: FollowUp) -> date | None:
    """The last day a thank-you should go out: two days after the meeting that made it.

    The item is made when the meeting ends (`created`), so that day counts; unknown when an
    item has no `created` (then it is never moved).
    """
    if item.created is None:
        return None
    return item.created.date() + timedelta(days=THANK_YOU_WINDOW_DAYS)


def is_urgent(item: FollowUp, today: date) -> bool:
    """Already URGENT_OVERDUE_DAYS or more late: a low-energy day leaves it where it is.

    (Thank-yous have their own rule, their two-day window: see `low_energy_day`.)
    """
    return item.due is not None and (today - item.due).days >= URGENT_OVERDUE_DAYS


def low_energy_day(
    items: Iterable[FollowUp], today: date, rest_days: Iterable[int] = ()
) -> list[FollowUp]:
    """Every non-urgent open item due today (or a day or two late) moved to the next working
    day; returns only the changed items, for the caller to save.

    Thank-yous move only while the new day stays inside their two-day window; items already
    URGENT_OVERDUE_DAYS late stay put, as do undated and done ones.
    """
    rest = list(rest_days)
    target = move_off_rest_day(today + timedelta(days=1), rest)
    moved = []
    for item in items:
        if item.done is not None or item.due is None or item.due > today:
            continue
        if is_urgent(item, today):
            continue
        if item.kind is FollowUpKind.THANK_YOU:
            deadline = thank_you_deadline(item)
            if deadline is None or target > deadline:
                continue
        moved.append(replace(item, due=target))
    return moved
