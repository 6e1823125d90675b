"""What a meeting cost me: recorded after it, kept private like the work-ability notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain.records import EnergyCost, Interview
from ..domain.validation import clean_text
from ..store.store import Store
from .outcome import Outcome

COST_WORDS = {
    1: "hardly anything",
    2: "a little",
    3: "a fair amount",
    4: "a lot",
    5: "everything I had",
}
MAX_FEELING = 1000


def record_energy(
    store: Store, interview: Interview, cost: int, feeling: str, now: datetime
) -> Outcome[Interview]:
    """Keep what `interview` (as the screen holds it, its edits included) cost me, 1 to 5,
    and how I feel; returns the meeting as saved."""
    if not 1 <= cost <= 5:
        raise ValueError(f"a cost from 1 to 5, not {cost}")
    energy = EnergyCost(cost=cost, feeling=clean_text(feeling)[:MAX_FEELING], recorded=now)
    saved = store.interviews.save(replace(interview, energy=energy))
    return Outcome(
        saved,
        f"Kept, privately: it cost {COST_WORDS[cost]} ({cost} of 5). Progress shows it beside "
        "the meetings held.",
    )


def describe(energy: EnergyCost | None) -> str:
    """'Cost me a lot (4 of 5): wiped out by mid-afternoon', or '' when not recorded."""
    if energy is None or energy.cost not in COST_WORDS:
        return ""
    assert energy.cost is not None
    feeling = f": {energy.feeling}" if energy.feeling else ""
    return f"Cost me {COST_WORDS[energy.cost]} ({energy.cost} of 5){feeling}"
