"""Employer list rules: ranking, moving, the practice target, competitors, deletion."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infoview_tui.domain.employers import (
    TOP,
    after_delete,
    check_name,
    competitors_text,
    contact_counts,
    find_by_name,
    link_new,
    move,
    named_by,
    parse_competitors,
    practice_target,
    ranked,
    set_practice,
    set_ranked,
)
from infoview_tui.domain.records import Contact, Organization


def orgs(*specs: tuple[str, int | None]) -> list[Organization]:
    return [Organization(id=i, name=name, rank=rank) for i, (name, rank) in enumerate(specs, 1)]


def apply(records: list[Organization], changed: list[Organization]) -> list[Organization]:
    by_id = {o.id: o for o in records}
    by_id.update({o.id: o for o in changed})
    return list(by_id.values())


def names(records: list[Organization]) -> list[str]:
    return [o.name for o in ranked(records)]


def ranks(records: list[Organization]) -> dict[str, int | None]:
    return {o.name: o.rank for o in records}


LIST = orgs(("C", 3), ("A", 1), ("x-unranked", None), ("B", 2), ("a-unranked", None))


def test_top_is_ten():
    assert TOP == 10


def test_ranked_first_by_rank_then_unranked_by_name_ignoring_case():
    assert names(LIST) == ["A", "B", "C", "a-unranked", "x-unranked"]


def test_ranked_orders_ties_by_name_and_does_not_change_input():
    tied = orgs(("Zed", 1), ("amy", 1), ("Bob", None))
    assert names(tied) == ["amy", "Zed", "Bob"]
    assert [o.rank for o in tied] == [1, 1, None]


@pytest.mark.parametrize(
    ("name", "offset", "expected"),
    [
        ("C", -1, ["A", "C", "B"]),
        ("C", -2, ["C", "A", "B"]),
        ("C", -9, ["C", "A", "B"]),  # stops at the top
        ("A", 1, ["B", "A", "C"]),
        ("A", 5, ["B", "C", "A"]),  # stops at the bottom
        ("A", -1, ["A", "B", "C"]),  # already on top: nothing moves
    ],
)
def test_move_reorders_and_renumbers(name, offset, expected):
    org = next(o for o in LIST if o.name == name)
    result = apply(LIST, move(LIST, org.id, offset))
    assert names(result)[:3] == expected
    assert [o.rank for o in ranked(result)] == [1, 2, 3, None, None]


def test_move_returns_only_changed_records():
    a = next(o for o in LIST if o.name == "A")
    changed = move(LIST, a.id, 1)
    assert sorted(o.name for o in changed) == ["A", "B"]
    assert move(LIST, a.id, -1) == []


def test_move_does_not_modify_the_given_records():
    before = [replace(o) for o in LIST]
    move(LIST, 1, -2)
    assert before == LIST


def test_move_of_unranked_or_missing_does_nothing():
    assert move(LIST, 3, -1) == []
    assert move(LIST, 99, 1) == []


def test_move_repairs_gaps_and_ties():
    messy = orgs(("A", 4), ("B", 4), ("C", 9))
    result = apply(messy, move(messy, 3, -1))
    assert ranks(result) == {"A": 1, "C": 2, "B": 3}


def test_move_across_the_tenth_line():
    many = orgs(*[(f"E{i:02}", i) for i in range(1, 13)])
    result = apply(many, move(many, 11, -1))  # the eleventh joins the top ten
    assert names(result)[9] == "E11"
    assert names(result)[10] == "E10"


def test_set_ranked_adds_to_the_bottom():
    result = apply(LIST, set_ranked(LIST, 5, True))
    assert ranks(result)["a-unranked"] == 4
    assert names(result)[:4] == ["A", "B", "C", "a-unranked"]


def test_set_ranked_off_closes_the_gap():
    result = apply(LIST, set_ranked(LIST, 2, False))  # A leaves the list
    assert ranks(result) == {"C": 2, "A": None, "x-unranked": None, "B": 1, "a-unranked": None}


def test_set_ranked_is_idempotent_and_ignores_unknown_ids():
    assert set_ranked(LIST, 3, False) == []
    result = apply(LIST, set_ranked(LIST, 2, True))  # already ranked: moves to the bottom
    assert names(result)[:3] == ["B", "C", "A"]
    assert set_ranked(LIST, 42, True) == []


def test_practice_is_one_at_a_time():
    first = apply(LIST, set_practice(LIST, 1, True))
    assert [o.name for o in first if o.practice] == ["C"]
    second_changes = set_practice(first, 4, True)
    assert sorted(o.name for o in second_changes) == ["B", "C"]
    second = apply(first, second_changes)
    assert [o.name for o in second if o.practice] == ["B"]
    assert practice_target(second).name == "B"
    off = apply(second, set_practice(second, 4, False))
    assert practice_target(off) is None


def test_practice_repairs_a_file_with_two():
    both = [replace(o, practice=True) for o in LIST[:2]]
    changed = set_practice(both + LIST[2:], 1, True)
    assert [(o.name, o.practice) for o in changed] == [("A", False)]


def test_after_delete_closes_ranks_and_drops_links():
    records = apply(
        LIST, [replace(LIST[0], competitor_ids=[2, 4]), replace(LIST[3], competitor_ids=[2])]
    )
    changed = {o.name: o for o in after_delete(records, 2)}  # A (rank 1) goes
    assert changed["B"].rank == 1 and changed["B"].competitor_ids == []
    assert changed["C"].rank == 2 and changed["C"].competitor_ids == [4]
    assert "A" not in changed


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("   \t ", "needs a name"),
        ("x" * 201, "limited to 200"),
        (" b ", "already on your list"),
        ("Ünïcode GmbH", ""),
        ("[b]x[/b]", ""),
    ],
)
def test_check_name(name, message):
    result = check_name(name, LIST)
    assert (message in result) if message else result == ""


def test_check_name_allows_keeping_its_own_name():
    assert check_name("B", LIST, own_id=4) == ""
    assert "already" in check_name("B", LIST, own_id=1)


def test_find_by_name_ignores_case_and_spaces():
    assert find_by_name(LIST, "  a-UNRANKED ").id == 5
    assert find_by_name(LIST, "") is None
    assert find_by_name(LIST, "nobody") is None


def test_parse_competitors_links_known_and_keeps_unknown():
    result = parse_competitors("b, Nowhere Ltd,  c ,nowhere ltd, , A", LIST, own_id=2)
    assert result.ids == [4, 1]  # A is itself: left out
    assert result.unknown == ["Nowhere Ltd"]


def test_parse_competitors_knows_names_with_commas():
    records = [*LIST, Organization(id=9, name="Smith, Jones & Co", rank=None)]
    result = parse_competitors("Smith, Jones & Co, B, Smith", records, own_id=1)
    assert result.ids == [9, 4]
    assert result.unknown == ["Smith"]


def test_parse_competitors_empty_and_odd_text():
    assert parse_competitors("", LIST) == parse_competitors(" , ,", LIST)
    result = parse_competitors("[b]x[/b], Ölwerk Zürich", LIST)
    assert result.unknown == ["[b]x[/b]", "Ölwerk Zürich"]


def test_competitors_text_and_named_by():
    a = replace(LIST[1], competitor_ids=[4, 1, 77], other_competitors=["Elsewhere"])
    records = apply(LIST, [a])
    assert competitors_text(a, records) == "B, C, Elsewhere"  # a missing id is skipped
    assert [o.name for o in named_by(records, 4)] == ["A"]
    assert named_by(records, 2) == []


def test_competitors_round_trip_through_text():
    a = replace(LIST[1], competitor_ids=[4], other_competitors=["Elsewhere"])
    parsed = parse_competitors(competitors_text(a, LIST), LIST, own_id=a.id)
    assert (parsed.ids, parsed.unknown) == ([4], ["Elsewhere"])


def test_link_new_turns_a_name_into_a_link():
    a = replace(LIST[1], competitor_ids=[4], other_competitors=["Elsewhere", "Other"])
    new = Organization(id=12, name="elsewhere")
    linked = link_new(a, new)
    assert linked.competitor_ids == [4, 12]
    assert linked.other_competitors == ["Other"]


def test_contact_counts():
    contacts = [
        Contact(organization_id=1),
        Contact(organization_id=1),
        Contact(),
        Contact(organization_id=4),
    ]
    assert contact_counts(contacts) == {1: 2, 4: 1}
