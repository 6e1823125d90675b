"""Occupations: deleting one, and saying first what that does."""

from __future__ import annotations

from dataclasses import replace

from ..domain import occupation as rules
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
    for interview in store.interviews.all():
        if interview.occupation_id == occupation_id:
            store.interviews.save(replace(interview, occupation_id=None))
    for record in rules.after_delete(store.occupations.all(), occupation_id):
        store.occupations.save(record)
    store.occupations.delete(occupation_id)
    return Outcome(None, f"Deleted {occupation.title}.")
