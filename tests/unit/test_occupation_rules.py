"""Occupation rules: one current at a time, demands kept by kind, titles checked."""

from __future__ import annotations

import pytest

from infoview_tui.domain.occupation import (
    DEMAND_KINDS,
    added,
    after_delete,
    check_title,
    current,
    kept_demands,
    make_current,
    ordered,
)
from infoview_tui.domain.records import Demand, DemandKind, Occupation

JOBS = [
    Occupation(id=1, title="Zoo keeper", current=True),
    Occupation(id=2, title="archivist"),
    Occupation(id=3, title="Lab technician"),
]


def apply(records, changed):
    by_id = {o.id: o for o in records}
    by_id.update({o.id: o for o in changed})
    return list(by_id.values())


def test_every_demand_kind_is_offered_once_with_a_hint():
    kinds = [kind for kind, _hint in DEMAND_KINDS]
    assert kinds == [
        DemandKind.PHYSICAL,
        DemandKind.SCHEDULE,
        DemandKind.STRESS,
        DemandKind.TRAINING,
        DemandKind.OTHER,
    ]
    assert all(hint for _kind, hint in DEMAND_KINDS)


def test_ordered_by_title_ignoring_case():
    assert [o.title for o in ordered(JOBS)] == ["archivist", "Lab technician", "Zoo keeper"]


def test_make_current_clears_the_old_one():
    changed = make_current(JOBS, 3)
    assert sorted((o.id, o.current) for o in changed) == [(1, False), (3, True)]
    result = apply(JOBS, changed)
    assert [o.id for o in result if o.current] == [3]
    assert current(result).id == 3


def test_make_current_of_the_current_one_changes_nothing():
    assert make_current(JOBS, 1) == []
    assert make_current(JOBS, 99) == []


def test_make_current_repairs_several_current():
    messy = [Occupation(id=1, title="a", current=True), Occupation(id=2, title="b", current=True)]
    assert current(messy).id == 1
    result = apply(messy, make_current(messy, 2))
    assert [o.id for o in result if o.current] == [2]


def test_first_occupation_is_current_later_ones_are_not():
    first = added([], "  Medical lab technician  ")
    assert first.title == "Medical lab technician" and first.current
    assert not added(JOBS, "Another").current


def test_deleting_the_current_one_makes_the_first_remaining_current():
    changed = after_delete(JOBS, 1)
    assert [(o.id, o.current) for o in changed] == [(2, True)]
    assert after_delete(JOBS, 2) == []  # the current one stays
    assert after_delete([JOBS[0]], 1) == []  # nothing left


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "needs a title"),
        (" \n\t ", "needs a title"),
        ("\x1b\x07", "needs a title"),  # only control characters
        ("x" * 201, "limited to 200"),
        ("x" * 200, ""),
        ("Pflegefachfrau / Krankenpfleger", ""),
        ("[b]nurse[/b]", ""),
    ],
)
def test_check_title(title, message):
    result = check_title(title)
    assert (message in result) if message else result == ""


def test_kept_demands_drops_blank_and_cleans():
    demands = [
        Demand(DemandKind.PHYSICAL, "  standing all day "),
        Demand(DemandKind.STRESS, "   "),
        Demand(DemandKind.TRAINING, "a\x1b certificate"),
    ]
    assert kept_demands(demands) == [
        Demand(DemandKind.PHYSICAL, "standing all day"),
        Demand(DemandKind.TRAINING, "a certificate"),
    ]
