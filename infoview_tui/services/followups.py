"""Follow-ups: done, back on the list, snoozed, added by hand or from a meeting's next steps, a
low-energy day, and staying in touch (logging a contact, setting a rhythm).

Finishing an item that meant being in touch with someone (a check-in, a thank-you, reaching
out, a nudge) counts as contact with them: their last contact moves to that day and their
rhythm's next check-in counts from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from ..domain import after, rhythm
from ..domain import followups as rules
from ..domain.records import Contact, FollowUp, FollowUpKind, Interview
from ..domain.timefmt import relative_day, short_date
from ..store.store import Store
from .outcome import Outcome
from .words import join_names, plural

# Finishing one of these means I was in touch with its contact.
CONTACT_KINDS = frozenset(
    {FollowUpKind.STAY_IN_TOUCH, FollowUpKind.THANK_YOU, FollowUpKind.REACH_OUT,
     FollowUpKind.NUDGE}
)  # fmt: skip


def let_go_of(store: Store, link: Literal["contact_id", "interview_id"], record_id: int) -> None:
    """A record is being deleted: the open follow-ups about it go (nothing is left to do), the
    done ones stay as history without the link (`link` is "contact_id" or "interview_id").
    Call inside the deleting batch."""
    for item in store.followups.all():
        if getattr(item, link) != record_id or item.id is None:
            continue
        if item.is_open:
            store.followups.delete(item.id)
        else:
            unlinked = (
                replace(item, contact_id=None)
                if link == "contact_id"
                else replace(item, interview_id=None)
            )
            store.followups.save(unlinked)


def log_contact(store: Store, contact_id: int, when: datetime) -> Outcome[Contact | None]:
    """We were in touch at `when`: last contact moves (never back), the rhythm counts from it."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact no longer exists.")
    profile = store.profile()
    contact, items = rhythm.log_interaction(contact, when, store.followups.all(), profile.rest_days)
    with store.batch():
        contact = store.contacts.save(contact)
        for item in items:
            store.followups.save(item)
    return Outcome(contact, _next_check_in(store, contact, when.date()))


def set_rhythm(
    store: Store, contact_id: int, cadence_days: int | None, now: datetime
) -> Outcome[Contact | None]:
    """A new stay-in-touch rhythm (None stops it): its one open check-in follows."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return Outcome(None, "That contact no longer exists.")
    profile = store.profile()
    contact, items = rhythm.set_cadence(
        contact, cadence_days, store.followups.all(), now, profile.rest_days
    )
    with store.batch():
        contact = store.contacts.save(contact)
        for item in items:
            store.followups.save(item)
    if cadence_days is None:
        return Outcome(contact, f"No rhythm with {contact.name}: no more check-ins.")
    return Outcome(contact, _next_check_in(store, contact, now.date()))


def _next_check_in(store: Store, contact: Contact, today: date) -> str:
    item = rhythm.open_touch_item(contact, store.followups.all())
    if item is None or item.due is None:
        return f"In touch with {contact.name}."
    return (
        f"In touch with {contact.name}; next check-in {short_date(item.due, today)} "
        f"({rhythm.describe(contact.cadence_days)})."
    )


def complete(store: Store, item_id: int, now: datetime) -> Outcome[FollowUp | None]:
    """Done. An item that meant being in touch counts as contact (see CONTACT_KINDS)."""
    item = store.followups.get(item_id)
    if item is None:
        return Outcome(None, "That follow-up no longer exists.")
    if item.done is not None:
        return Outcome(item, f"Already done: {item.title}")
    message = f"Done: {item.title}"
    with store.batch():  # the item and the contact it counts as, together
        item = store.followups.save(rules.complete(item, now))
        if item.kind in CONTACT_KINDS and item.contact_id is not None:
            logged = log_contact(store, item.contact_id, now)
            if logged.value is not None and logged.value.cadence_days is not None:
                message = f"{message}. {logged.message}"
    return Outcome(item, message)


def reopen(store: Store, item_id: int) -> Outcome[FollowUp | None]:
    item = store.followups.get(item_id)
    if item is None:
        return Outcome(None, "That follow-up no longer exists.")
    item = store.followups.save(replace(item, done=None))
    return Outcome(item, f"Back on the list: {item.title}")


def snooze(
    store: Store, item_id: int, choice: rules.Snooze | str, now: datetime
) -> Outcome[FollowUp | None]:
    """Later: +1 day, +3 days, +1 week (off rest days, never earlier than due) or a typed
    day. Raises DateError with a message for a typed day that cannot be kept."""
    item = store.followups.get(item_id)
    if item is None:
        return Outcome(None, "That follow-up no longer exists.")
    profile = store.profile()
    moved = rules.snooze(item, choice, now, profile.rest_days, day_first=profile.day_first)
    return moved_to(store, moved, now)


def moved_to(store: Store, moved: FollowUp, now: datetime) -> Outcome[FollowUp | None]:
    """Keep an item the snooze dialog already moved; say where it went, and say so when
    that is earlier than it was due."""
    before = store.followups.get(moved.id) if moved.id is not None else None
    saved = store.followups.save(moved)
    assert saved.due is not None
    today = now.date()
    when = f"{short_date(saved.due, today)}, {relative_day(saved.due, today)}"
    if before is not None and before.due is not None and saved.due < before.due:
        when += f", earlier than it was due ({short_date(before.due, today)})"
    return Outcome(saved, f"Snoozed to {when}: {saved.title}")


def add(store: Store, title: str, due: date | None, now: datetime) -> Outcome[FollowUp]:
    """A follow-up typed in by the person. Raises ValueError with a message for a bad title."""
    item = store.followups.save(rules.new_item(title, due, now=now))
    today = now.date()
    if item.due is not None and item.due < today:
        late = f"{short_date(item.due, today)}, {relative_day(item.due, today)}"
        return Outcome(item, f"Added: {item.title}. It is already overdue (due {late}).")
    return Outcome(item, f"Added: {item.title}")


def add_next_step(
    store: Store, interview: Interview, step: str, interviewee: str, now: datetime
) -> Outcome[FollowUp | None]:
    """A next step from a meeting's reflection as a follow-up, due a working week from now;
    once per step (None, saying so, when it is one already)."""
    item = after.next_step_item(step, interview, now.date(), interviewee=interviewee)
    if item.title in next_steps_with_items(store, interview.id):
        return Outcome(None, "That step is already a follow-up item.")
    item = store.followups.save(replace(item, created=now))
    due = item.due
    return Outcome(
        item, f"Follow-up added, due {short_date(due, now.date())}." if due else "Added."
    )


def next_steps_with_items(store: Store, interview_id: int | None) -> set[str]:
    """The titles of the next steps of this meeting that are follow-ups already."""
    return {
        item.title
        for item in store.followups.all()
        if item.kind is FollowUpKind.NEXT_STEP and item.interview_id == interview_id
    }


@dataclass(frozen=True)
class LowEnergyPlan:
    """What a low-energy day would move, and where to; asked about before anything moves."""

    moves: list[FollowUp]
    target: date
    question: str  # the confirmation to ask, naming what moves and what stays


def low_energy_plan(store: Store, now: datetime) -> LowEnergyPlan:
    today = now.date()
    rest = store.profile().rest_days
    moves = rules.low_energy_day(store.followups.all(), today, rest)
    target = rules.move_off_rest_day(today + timedelta(days=1), rest)
    titles = join_names([item.title for item in moves], limit=4)
    question = (
        f"Move {plural(len(moves), 'item', 'items')} due today (or a little late) to "
        f"{short_date(target, today)}, the next working day: {titles}?\n\nStaying put: "
        "thank-yous that would miss their two days, and anything "
        f"{rules.URGENT_OVERDUE_DAYS} or more days late."
    )
    return LowEnergyPlan(moves, target, question)


def apply_low_energy(store: Store, plan: LowEnergyPlan, now: datetime) -> Outcome[list[FollowUp]]:
    if not plan.moves:
        return Outcome(
            [],
            "Nothing to move: no item due today can wait (thank-yous stay inside their two "
            f"days; items {rules.URGENT_OVERDUE_DAYS}+ days late stay).",
        )
    with store.batch():  # every item moves, or (after a crash) none
        saved = [store.followups.save(item) for item in plan.moves]
    titles = join_names([item.title for item in saved], limit=4)
    return Outcome(
        saved,
        f"Moved {plural(len(saved), 'item', 'items')} to "
        f"{short_date(plan.target, now.date())}: {titles}. Rest well.",
    )
