"""No id ever points at nothing: the demo, and the 10x store after random deletes.

The deletes go through the services, as every screen's do. The random choices are seeded (the
same every run; INFOVIEW_SEED=n tries others) and the seed is printed with any failure.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.demo import build_demo
from infoview_tui.domain.references import dangling
from infoview_tui.services import employers, meetings, occupations, people
from infoview_tui.store.store import Store

from .conftest import START

REPO = Path(__file__).resolve().parents[2]


def problems(store: Store) -> list[str]:
    return [
        str(d)
        for d in dangling(
            store.contacts.all(), store.organizations.all(), store.interviews.all(),
            store.followups.all(), store.occupations.all(), store.questions.all(),
        )
    ]  # fmt: skip


def test_the_demo_has_no_dangling_reference(open_store, data_path):
    store = open_store(data_path)
    build_demo(store, START)
    assert problems(store) == []


def delete_at_random(store: Store, rng: random.Random, rounds: int) -> None:
    """Delete contacts (above all introducers and people met), employers, meetings and an
    occupation, in a random order, through the services."""
    for _ in range(rounds):
        what = rng.choice(["introducer", "met", "employer", "meeting"])
        if what == "introducer":
            ids = {c.introduced_by_id for c in store.contacts.all()} - {None}
            people.delete_contact(store, rng.choice(sorted(ids)))
        elif what == "met":
            ids = {iv.contact_id for iv in store.interviews.all()} - {None}
            people.delete_contact(store, rng.choice(sorted(ids)))
        elif what == "employer":
            employers.delete_employer(store, rng.choice([o.id for o in store.organizations.all()]))
        else:
            meetings.delete_meeting(store, rng.choice([iv.id for iv in store.interviews.all()]))
    job = store.occupations.all()
    if job and job[0].id is not None:
        occupations.delete_occupation(store, job[0].id)


@pytest.mark.slow
def test_a_large_store_has_no_dangling_reference_after_random_deletes(tmp_path, capsys):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import gen_store
    finally:
        sys.path.pop(0)
    seed = int(os.environ.get("INFOVIEW_SEED", "20261130"))
    print(f"INFOVIEW_SEED={seed}")
    path = tmp_path / "large.json"
    gen_store.generate(path, scale=10, seed=1)
    store = Store.open(path, FakeClock(START))
    try:
        assert problems(store) == []  # as generated
        delete_at_random(store, random.Random(seed), rounds=12)
        assert problems(store) == [], f"seed {seed}"
        store.flush()
        again = Store.open(path, FakeClock(START), readonly=True)
        assert problems(again) == [], f"seed {seed}"  # and so is the file
    finally:
        store.close()
