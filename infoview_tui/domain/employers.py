"""The employer list: ranking, the top ten, the practice target and competitor links.

Every rule returns the records it changed (as new values, made with `dataclasses.replace`), so
a screen saves exactly those and nothing else; the caller's records are never modified.

Ranks are kept as 1..n without gaps: any change renumbers the whole ranked list, which also
repairs gaps or ties left by an older file or a hand edit.

Competitor links are one-way on purpose: "B competes with A" is part of A's research (its
position in the field) and is written on A's card. Saving A's card therefore changes only A,
and deleting nothing else by accident. The reverse view ("named as a competitor on B's card")
is derived when shown, see `named_by`. Competitors that are not employers on my list are kept
by name in `other_competitors`, so nothing typed is lost; adding them to the list links them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .names import name_key, sort_key
from .records import Contact, Organization
from .validation import MAX_NAME, clean_text

TOP = 10  # the target list: the line after the tenth is visible; more may wait below it


def _by_name(org: Organization) -> tuple[str, str, int]:
    return (*sort_key(org.name), org.id or 0)


def ranked(orgs: Iterable[Organization]) -> list[Organization]:
    """Ranked employers by rank (ties by name), then the unranked ones by name."""
    orgs = list(orgs)
    top = sorted((o for o in orgs if o.rank is not None), key=lambda o: (o.rank, *_by_name(o)))
    rest = sorted((o for o in orgs if o.rank is None), key=_by_name)
    return top + rest


def _renumber(
    order: list[Organization], unranked: Iterable[Organization] = ()
) -> list[Organization]:
    """Ranks 1..n in `order`, None for `unranked`; only the records whose rank changes."""
    changed = [replace(o, rank=i) for i, o in enumerate(order, 1) if o.rank != i]
    changed += [replace(o, rank=None) for o in unranked if o.rank is not None]
    return changed


def move(orgs: Iterable[Organization], org_id: int, offset: int) -> list[Organization]:
    """Move a ranked employer `offset` places (negative is up); the changed records.

    The move stops at the top and at the bottom of the ranked list. An unranked employer
    does not move (rank it first with `set_ranked`).
    """
    order = [o for o in ranked(orgs) if o.rank is not None]
    index = next((i for i, o in enumerate(order) if o.id == org_id), None)
    if index is None:
        return []
    target = max(0, min(len(order) - 1, index + offset))
    order.insert(target, order.pop(index))
    return _renumber(order)


def set_ranked(orgs: Iterable[Organization], org_id: int, on: bool) -> list[Organization]:
    """Put an employer at the bottom of the ranked list (on) or take it off (off)."""
    everyone = ranked(orgs)
    org = next((o for o in everyone if o.id == org_id), None)
    if org is None:
        return []
    order = [o for o in everyone if o.rank is not None and o.id != org_id]
    if on:
        return _renumber([*order, org])
    return _renumber(order, [org])


def set_practice(orgs: Iterable[Organization], org_id: int, on: bool) -> list[Organization]:
    """Mark (or unmark) the one practice target; marking one clears any other."""
    changed = []
    for org in orgs:
        want = on and org.id == org_id
        if org.practice != want:
            changed.append(replace(org, practice=want))
    return changed


def practice_target(orgs: Iterable[Organization]) -> Organization | None:
    return next((o for o in ranked(orgs) if o.practice), None)


def after_delete(orgs: Iterable[Organization], org_id: int) -> list[Organization]:
    """What must change in the others when an employer goes: ranks closed up, links dropped."""
    others = [o for o in orgs if o.id != org_id]
    changed = {o.id: o for o in _renumber([o for o in ranked(others) if o.rank is not None])}
    for org in others:
        if org_id in org.competitor_ids:
            current = changed.get(org.id, org)
            ids = [i for i in current.competitor_ids if i != org_id]
            changed[org.id] = replace(current, competitor_ids=ids)
    return list(changed.values())


# ----- names --------------------------------------------------------------------------------


def find_by_name(orgs: Iterable[Organization], name: str) -> Organization | None:
    """The employer called `name`, whatever its case, accents or spacing."""
    wanted = name_key(clean_text(name))
    if not wanted:
        return None
    found = [o for o in orgs if name_key(o.name) == wanted]
    return min(found, key=lambda o: o.id or 0) if found else None


def check_name(name: str, orgs: Iterable[Organization], own_id: int | None = None) -> str:
    """A message about an employer's name as typed, or "" when it is fine."""
    name = clean_text(name)
    if not name:
        return "An employer needs a name."
    if len(name) > MAX_NAME:
        return f"Names are limited to {MAX_NAME} characters."
    other = find_by_name((o for o in orgs if o.id != own_id), name)
    if other is not None:
        return f"{other.name} is already on your list; use another name."
    return ""


# ----- competitors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Competitors:
    """Competitors as typed: links to employers on my list, and names that are not on it."""

    ids: list[int]
    unknown: list[str]


def parse_competitors(
    text: str, orgs: Iterable[Organization], own_id: int | None = None
) -> Competitors:
    """Read a comma-separated list of names; each known name becomes a link.

    Names that hold a comma themselves ("Smith, Jones & Co") are recognised when they match
    an employer on the list. The employer itself, repeats and blanks are left out.
    """
    others = [o for o in orgs if o.id != own_id]
    own = [o for o in orgs if o.id == own_id]
    pieces = [p.strip() for p in text.split(",")]
    ids: list[int] = []
    unknown: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(pieces):
        # The longest run of pieces that joins into a known name, else the single piece.
        match, length = None, 1
        for j in range(len(pieces), i, -1):
            joined = ", ".join(pieces[i:j])
            found = find_by_name(others, joined)
            if found is not None:
                match, length = found, j - i
                break
        piece = clean_text(pieces[i])
        i += length
        if match is not None:
            if match.id not in ids and match.id is not None:
                ids.append(match.id)
        elif piece and piece.casefold() not in seen and find_by_name(own, piece) is None:
            seen.add(piece.casefold())
            unknown.append(piece)
    return Competitors(ids, unknown)


def competitors_text(org: Organization, orgs: Iterable[Organization]) -> str:
    """The card's competitor field: linked names (as they are called now), then the others."""
    names = {o.id: o.name for o in orgs}
    linked = [names[i] for i in org.competitor_ids if i in names]
    return ", ".join(linked + list(org.other_competitors))


def named_by(orgs: Iterable[Organization], org_id: int) -> list[Organization]:
    """Employers whose cards name `org_id` as a competitor (the reverse of the links)."""
    return sorted((o for o in orgs if org_id in o.competitor_ids and o.id != org_id), key=_by_name)


def link_new(org: Organization, new: Organization) -> Organization:
    """`org` with the newly added employer `new` linked instead of kept as a bare name."""
    wanted = new.name.casefold()
    others = [n for n in org.other_competitors if n.casefold() != wanted]
    ids = list(org.competitor_ids)
    if new.id is not None and new.id not in ids:
        ids.append(new.id)
    return replace(org, competitor_ids=ids, other_competitors=others)


# ----- contacts ---------------------------------------------------------------------------------


def contact_counts(contacts: Iterable[Contact]) -> Counter[int]:
    """How many contacts each employer has, by employer id."""
    return Counter(c.organization_id for c in contacts if c.organization_id is not None)
