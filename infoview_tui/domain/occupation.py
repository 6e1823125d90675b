"""Occupations being explored: which one is current, the demands to ask about, title checks.

Several occupations may be kept, and exactly one is current whenever there is at least one:
it is the one new meetings are about. Rules return the records they changed (new values), so
a screen saves exactly those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .records import Demand, DemandKind, Occupation
from .validation import MAX_NAME, clean_text

# The kinds in the order they are offered, each with a hint of what to ask about.
DEMAND_KINDS: tuple[tuple[DemandKind, str], ...] = (
    (DemandKind.PHYSICAL, "lifting, standing, travel, screen time"),
    (DemandKind.SCHEDULE, "hours, shifts, on-call, deadlines"),
    (DemandKind.STRESS, "pace, pressure, conflict, emotional load"),
    (DemandKind.TRAINING, "courses, certificates, experience needed"),
    (DemandKind.OTHER, "anything else I need to know I can manage"),
)


def ordered(occupations: Iterable[Occupation]) -> list[Occupation]:
    """By title, ignoring case; the order the list shows."""
    return sorted(occupations, key=lambda o: (o.title.casefold(), o.id or 0))


def current(occupations: Iterable[Occupation]) -> Occupation | None:
    """The current occupation; if an old file marks several, the first by title wins."""
    return next((o for o in ordered(occupations) if o.current), None)


def make_current(occupations: Iterable[Occupation], occupation_id: int) -> list[Occupation]:
    """Make one occupation current and clear every other; the changed records."""
    occupations = list(occupations)
    if not any(o.id == occupation_id for o in occupations):
        return []
    return [
        replace(o, current=o.id == occupation_id)
        for o in occupations
        if o.current != (o.id == occupation_id)
    ]


def added(occupations: Iterable[Occupation], title: str) -> Occupation:
    """A new occupation; the very first one is current, later ones wait to be chosen."""
    return Occupation(title=clean_text(title), current=not any(True for _ in occupations))


def after_delete(occupations: Iterable[Occupation], deleted_id: int) -> list[Occupation]:
    """When the current occupation goes, the first remaining one (by title) becomes current."""
    rest = [o for o in occupations if o.id != deleted_id]
    if not rest or any(o.current for o in rest):
        return []
    first = ordered(rest)[0]
    return [replace(first, current=True)]


def check_title(title: str) -> str:
    """A message about a title as typed, or "" when it is fine."""
    title = clean_text(title)
    if not title:
        return "An occupation needs a title, for example “Medical lab technician”."
    if len(title) > MAX_NAME:
        return f"Titles are limited to {MAX_NAME} characters."
    return ""


def kept_demands(demands: Iterable[Demand]) -> list[Demand]:
    """Demands worth keeping: text cleaned, blank ones dropped (clearing a line removes it)."""
    kept = []
    for demand in demands:
        text = clean_text(demand.text)
        if text:
            kept.append(Demand(kind=DemandKind(demand.kind), text=text))
    return kept
