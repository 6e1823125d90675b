"""The queue's fast sort keys give the order its rules say, for any items (hypothesis).

`build_queue` packs day, kind and id into one integer and compares a done time's day number
before the time itself (two times in different zones compare slowly). Here it is checked
against the rules written the plain way: tuples of the values themselves, times compared
whole. "Now" and the done times are drawn in zones from UTC-12 to UTC+14, around the one-week
boundary.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_tui.domain.followups import (
    KIND_PRIORITY,
    RECENT_DONE_DAYS,
    WEEK_DAYS,
    Section,
    build_queue,
)
from infoview_tui.domain.records import FollowUp, FollowUpKind

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone(timedelta(hours=-8)))
ZONES = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda quarters: timezone(timedelta(minutes=15 * quarters))
)
NOWS = st.builds(
    lambda minutes, zone: (NOW + timedelta(minutes=minutes)).astimezone(zone),
    st.integers(0, 24 * 60),
    ZONES,
)


@st.composite
def followups(draw, now: datetime) -> list[FollowUp]:
    count = draw(st.integers(0, 40))
    ids = draw(st.lists(st.integers(1, 10**6), min_size=count, max_size=count, unique=True))
    today = now.date()
    due = st.one_of(st.none(), st.integers(-20, 20).map(lambda n: today + timedelta(days=n)))
    since = now - timedelta(days=RECENT_DONE_DAYS)
    done = st.one_of(
        st.none(),
        st.builds(
            lambda minutes, zone: (now - timedelta(minutes=minutes)).astimezone(zone),
            st.integers(0, (RECENT_DONE_DAYS + 3) * 24 * 60),
            ZONES,
        ),
        st.builds(  # within a day and a half of the boundary, where the day numbers differ
            lambda minutes, zone: (since + timedelta(minutes=minutes)).astimezone(zone),
            st.integers(-36 * 60, 36 * 60),
            ZONES,
        ),
    )
    return [
        FollowUp(
            id=ident,
            kind=draw(st.sampled_from(list(FollowUpKind))),
            title=f"item {ident}",
            due=draw(due),
            done=draw(done),
        )
        for ident in ids
    ]


def plain_queue(items: list[FollowUp], now: datetime) -> dict[Section, list[int | None]]:
    """The queue's rules as written in its docstring, without any speed-up."""
    today = now.date()
    since = now - timedelta(days=RECENT_DONE_DAYS)
    prio = KIND_PRIORITY.get
    open_items = [i for i in items if i.done is None]

    def by_due(i: FollowUp) -> tuple[date, int, int]:
        assert i.due is not None
        return (i.due, prio(i.kind, 9), i.id or 0)

    def by_kind(i: FollowUp) -> tuple[int, int]:
        return (prio(i.kind, 9), i.id or 0)

    dated = [i for i in open_items if i.due is not None]
    week_end = today + timedelta(days=WEEK_DAYS)
    sections = {
        Section.OVERDUE: sorted((i for i in dated if i.due < today), key=by_due),
        Section.TODAY: sorted((i for i in dated if i.due == today), key=by_kind),
        Section.WEEK: sorted((i for i in dated if today < i.due <= week_end), key=by_due),
        Section.LATER: sorted((i for i in dated if i.due > week_end), key=by_due)
        + sorted((i for i in open_items if i.due is None), key=by_kind),
        Section.DONE: sorted(
            (i for i in items if i.done is not None and i.done >= since),
            key=lambda i: (i.done.astimezone(UTC), i.id or 0),  # type: ignore[union-attr]
            reverse=True,
        ),
    }
    return {section: [i.id for i in found] for section, found in sections.items()}


@settings(max_examples=300, deadline=None)
@given(st.data(), NOWS)
def test_the_queue_keeps_its_order_rules_for_any_items(data, now):
    items = data.draw(followups(now))
    queue = build_queue(items, now)
    assert {s: [i.id for i in found] for s, found in queue.sections.items()} == plain_queue(
        items, now
    )


def test_times_done_around_the_boundary_in_far_zones():
    now = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    week_ago = now - timedelta(days=RECENT_DONE_DAYS)  # 19 Nov 02:00 UTC
    items = [
        FollowUp(id=1, done=week_ago.astimezone(timezone(timedelta(hours=14)))),
        FollowUp(id=2, done=(week_ago - timedelta(seconds=1)).astimezone(UTC)),
        # 18 Nov by its own day, yet an hour after the boundary
        FollowUp(
            id=3, done=(week_ago + timedelta(hours=1)).astimezone(timezone(timedelta(hours=-10)))
        ),
        # 20 Nov by its own day, yet before the boundary
        FollowUp(
            id=4, done=(week_ago - timedelta(hours=1)).astimezone(timezone(timedelta(hours=14)))
        ),
    ]
    assert [i.id for i in build_queue(items, now).sections[Section.DONE]] == [3, 1]


def test_the_kind_never_outweighs_the_day():
    """However late its kind sorts, an item due earlier comes first, on any day of the week."""
    today = NOW.date()
    items = []
    for n in range(2, 9):
        items.append(FollowUp(id=100 + n, kind=FollowUpKind.OTHER, due=today - timedelta(days=n)))
        items.append(FollowUp(id=n, kind=FollowUpKind.THANK_YOU, due=today - timedelta(days=n - 1)))
    overdue = build_queue(items, NOW).sections[Section.OVERDUE]
    assert [i.due for i in overdue] == sorted(i.due for i in items)
