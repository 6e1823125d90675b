"""The web of introductions: who introduced whom, from me or from anyone I know.

Everyone I found myself hangs from me, grouped by how I found them (family, friends, former
co-workers, ... and each kind of import); everyone else hangs from the person who introduced
them. From that tree come the chain of introductions from me to a person, the people who
opened the most doors (how many they introduced directly, and how many were reached through
them), and, per employer, the people I know there.

Built once from plain records in linear time (30,000 contacts in a few tens of ms); the
screen asks it for one level at a time, so the tree is drawn lazily. A loop of introducers
(possible in a hand-edited file) is cut at its lowest id, which then counts as found by me.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import sort_key
from .records import Contact, ContactSource, FoundThrough, Interview, Organization
from .summary import ContactStage, contact_stages

# How I found the people I found myself, in the order the tree shows them.
GROUP_LABELS: dict[str, str] = {
    FoundThrough.FAMILY.value: "Family",
    FoundThrough.FRIEND.value: "Friends",
    FoundThrough.FORMER_COWORKER.value: "Former co-workers",
    FoundThrough.PROFESSIONAL.value: "Professional community",
    FoundThrough.REFERRAL.value: "Referrals",
    FoundThrough.OTHER.value: "Found another way",
    ContactSource.LINKEDIN.value: "LinkedIn connections",
    ContactSource.CSV.value: "From a spreadsheet",
    ContactSource.VCARD.value: "From an address book",
}
GROUP_ORDER = list(GROUP_LABELS)


def group_of(contact: Contact) -> str:
    """The key of the group a person I found myself belongs to: an import's source, else
    how I found them. (The enum members themselves: they are the strings of their values.)"""
    if contact.source is not ContactSource.TYPED:
        return contact.source
    return contact.found_through


@dataclass(slots=True)
class Person:
    """One person in the network, with what the tree and its detail show."""

    contact_id: int
    name: str
    job_title: str
    employer: str  # the employer's name on my list, else the company an import gave, else ""
    organization_id: int | None
    stage: ContactStage
    group: str  # a key of GROUP_LABELS (for people I found myself; kept for everyone)
    introducer_id: int | None  # None: I found them myself
    introducer_name: str  # who introduced them when that person is no longer on my list


@dataclass(frozen=True)
class DoorOpener:
    contact_id: int
    introduced: int  # people they introduced me to directly
    reached: int  # everyone reached through them, at any depth


@dataclass
class Network:
    people: dict[int, Person]
    # Introducer id -> the people they introduced; None is me. Put in display order the
    # first time a level is asked for (sorting 30,000 names up front would cost more than
    # building the rest).
    children: dict[int | None, list[int]] = field(default_factory=dict)
    reach: dict[int, int] = field(default_factory=dict)  # everyone below a person
    _ordered: set[int | None] = field(default_factory=set)
    _group_lists: dict[str, list[int]] = field(default_factory=dict)

    # ----- the tree ------------------------------------------------------------------------

    def introduced_by(self, contact_id: int | None) -> list[int]:
        """The people `contact_id` introduced (None: the people I found myself): those who
        reached the most others first, then by name."""
        kids = self.children.get(contact_id, [])
        if contact_id not in self._ordered:
            people, reach = self.people, self.reach
            kids.sort(key=lambda i: (-reach.get(i, 0), sort_key(people[i].name)))
            self._ordered.add(contact_id)
        return kids

    def count_introduced(self, contact_id: int | None) -> int:
        return len(self.children.get(contact_id, ()))

    def groups(self, only: set[int] | None = None) -> list[tuple[str, int]]:
        """How many of the people I found myself are in each group (how I found them):
        (group key, count), non-empty groups only, in GROUP_ORDER; `only` counts just those
        ids."""
        counts: dict[str, int] = {}
        people = self.people
        for cid in self.children.get(None, ()):
            if only is None or cid in only:
                group = people[cid].group
                counts[group] = counts.get(group, 0) + 1
        return [(key, counts[key]) for key in GROUP_ORDER if key in counts]

    def group(self, key: str, only: set[int] | None = None) -> list[int]:
        """The people I found myself in one group, in display order; `only` keeps those."""
        if key not in self._group_lists:
            people = self.people
            self._group_lists[key] = [
                cid for cid in self.introduced_by(None) if people[cid].group == key
            ]
        members = self._group_lists[key]
        return members if only is None else [cid for cid in members if cid in only]

    def chain(self, contact_id: int) -> list[int]:
        """The introductions from me to `contact_id`: the first person I found myself, then
        each person they introduced, down to `contact_id` itself."""
        path: list[int] = []
        node: int | None = contact_id
        while node is not None and node in self.people and node not in path:
            path.append(node)
            node = self.people[node].introducer_id
        return path[::-1]

    def door_openers(self, limit: int = 10) -> list[DoorOpener]:
        """The people who introduced me to the most others (at least one), most first."""
        openers = [
            DoorOpener(cid, len(kids), self.reach.get(cid, 0))
            for cid, kids in self.children.items()
            if cid is not None and kids
        ]
        openers.sort(
            key=lambda d: (-d.introduced, -d.reached, sort_key(self.people[d.contact_id].name))
        )
        return openers[:limit]

    # ----- filters -------------------------------------------------------------------------

    def matching(
        self, stage: ContactStage | None = None, organization_id: int | None = None
    ) -> set[int]:
        """The people at that stage and employer (None: any)."""
        return {
            cid
            for cid, person in self.people.items()
            if (stage is None or person.stage is stage)
            and (organization_id is None or person.organization_id == organization_id)
        }

    def with_chains(self, ids: Iterable[int]) -> set[int]:
        """`ids` and everyone on their chains from me: what a filtered tree shows, so that
        each match still hangs from the people who led to them."""
        shown: set[int] = set()
        for cid in ids:
            node: int | None = cid
            while node is not None and node not in shown and node in self.people:
                shown.add(node)
                node = self.people[node].introducer_id
        return shown

    def employers(self) -> list[tuple[str, int | None, list[int]]]:
        """Per employer, the people I know there: (name, organization id or None for a
        company only an import named, ids by name), the busiest first."""
        by_key: dict[tuple[str, int | None], list[int]] = {}
        for cid, person in self.people.items():
            if person.employer:
                key = (person.employer, person.organization_id)
                by_key.setdefault(key, []).append(cid)
        rows = [
            (name, org_id, sorted(ids, key=lambda i: sort_key(self.people[i].name)))
            for (name, org_id), ids in by_key.items()
        ]
        rows.sort(key=lambda r: (-len(r[2]), r[1] is None, sort_key(r[0])))
        return rows


def first_level(contacts: Iterable[Contact]) -> tuple[int, list[tuple[str, int]]]:
    """How many people there are, and how many I found myself in each group, in one quick
    pass: the tree's first level, shown while the whole network is built. (A loop of
    introducers, cut when the network is built, may move a person or two.)"""
    contacts = [c for c in contacts if c.id is not None]
    ids = {c.id for c in contacts}
    counts: dict[str, int] = {}
    for c in contacts:
        by = c.introduced_by_id
        if by is None or by == c.id or by not in ids:
            group = group_of(c)
            counts[group] = counts.get(group, 0) + 1
    return len(contacts), [(key, counts[key]) for key in GROUP_ORDER if key in counts]


def build_network(
    contacts: Iterable[Contact],
    interviews: Iterable[Interview],
    organizations: Iterable[Organization],
) -> Network:
    """The whole network, from the records as stored."""
    contacts = [c for c in contacts if c.id is not None]
    org_names = {o.id: o.name for o in organizations if o.id is not None}
    stages = contact_stages(contacts, interviews)
    ids = {c.id for c in contacts}
    parent: dict[int, int | None] = {}
    for c in contacts:
        assert c.id is not None
        by = c.introduced_by_id
        parent[c.id] = by if by in ids and by != c.id else None
    _cut_loops(parent)
    people: dict[int, Person] = {}
    to_approach = ContactStage.TO_APPROACH
    for c in contacts:
        cid = c.id
        assert cid is not None
        org_id = c.organization_id
        employer = org_names.get(org_id, "") if org_id else ""
        by = parent[cid]
        # Positional: 30,000 of these are built for every look at the network.
        kept_name = "" if by is not None else c.introducer_name
        people[cid] = Person(
            cid, c.name, c.job_title, employer or c.company, org_id if employer else None,
            stages.get(cid, to_approach), group_of(c), by, kept_name,
        )  # fmt: skip
    children: dict[int | None, list[int]] = {}
    for cid, by in parent.items():
        children.setdefault(by, []).append(cid)
    return Network(people, children, _reach(children))


def _cut_loops(parent: dict[int, int | None]) -> None:
    """Make `parent` a forest: in each loop of introducers, the lowest id loses its
    introducer."""
    done: set[int] = set()
    for start in parent:
        path: list[int] = []
        on_path: set[int] = set()
        node: int | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent[node]
        if node is not None and node in on_path:
            loop = path[path.index(node) :]
            parent[min(loop)] = None
        done.update(path)


def _reach(children: dict[int | None, list[int]]) -> dict[int, int]:
    """For each person, how many people hang below them (iterative: no recursion limit)."""
    reach: dict[int, int] = {}
    order: list[int] = []
    stack = list(children.get(None, []))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, []))
    for node in reversed(order):
        reach[node] = sum(1 + reach[k] for k in children.get(node, []))
    return reach
