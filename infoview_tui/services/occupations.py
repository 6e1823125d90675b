"""Occupations: adding one, editing it, choosing the current one, and deleting one (saying
first what that does)."""

from __future__ import annotations

from dataclasses import replace

from ..domain import occupation as rules
from ..domain.records import Occupation
from ..store.store import Store
from .outcome import Outcome
from .words import plural


def deletion_effects(store: Store, occupation_id: int) -> str:
    occupation = store.occupations.get(occupation_id)
    if occupation is None:
        return "It is already gone."
    meetings = [iv for iv in store.interviews.all() if iv.occupation_id == occupation_id]
    message = "Its perceptions, demands and notes go with it."
    if meetings:
        message += (
            f" {plural(len(meetings), 'meeting', 'meetings')} about it stay, with their notes, "
            "but no longer name it."
        )
    if occupation.current:
        message += " Another occupation becomes current."
    return message + "\n\nThis cannot be undone."


def delete_occupation(store: Store, occupation_id: int) -> Outcome[None]:
    """Unlink the meetings about it, pass "current" on, then remove it."""
    occupation = store.occupations.get(occupation_id)
    if occupation is None:
        return Outcome(None, "That occupation was already deleted.")
    with store.batch():
        for interview in store.interviews.all():
            if interview.occupation_id == occupation_id:
                store.interviews.save(replace(interview, occupation_id=None))
        for record in rules.after_delete(store.occupations.all(), occupation_id):
            store.occupations.save(record)
        store.occupations.delete(occupation_id)
    return Outcome(None, f"Deleted {occupation.title}.")


def add_occupation(store: Store, title: str) -> Outcome[Occupation | None]:
    """A new occupation (the very first one is current); None, with why, for a bad title."""
    problem = rules.check_title(title)
    if problem:
        return Outcome(None, problem)
    occupation = store.occupations.save(rules.added(store.occupations.all(), title))
    return Outcome(occupation, f"Added {occupation.title}.")


def make_current(store: Store, occupation_id: int) -> Outcome[list[Occupation]]:
    """The occupation now explored; every other is no longer current (one batch)."""
    with store.batch():
        changed = [
            store.occupations.save(record)
            for record in rules.make_current(store.occupations.all(), occupation_id)
        ]
    occupation = store.occupations.get(occupation_id)
    if occupation is None:
        return Outcome(changed, "That occupation no longer exists.")
    return Outcome(changed, f"{occupation.title} is the current occupation.")


def save_occupation(store: Store, occupation: Occupation) -> Outcome[Occupation]:
    """The occupation as edited (title, perceptions, demands, notes)."""
    return Outcome(store.occupations.save(occupation), "Saved.")
