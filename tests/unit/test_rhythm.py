"""Staying in touch: the rhythm counts from the last contact, in calendar months or days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain import rhythm
from infoview_tui.domain.records import Contact, FollowUp, FollowUpKind

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def ada(**changes) -> Contact:
    contact = Contact(id=7, name="Ada Okafor", organization_id=3)
    for key, value in changes.items():
        setattr(contact, key, value)
    return contact


@pytest.mark.parametrize(
    ("last", "cadence", "due"),
    [
        (date(2027, 1, 31), 30, date(2027, 2, 28)),  # month end: clipped, not 3 March
        (date(2028, 1, 31), 30, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 90, date(2028, 5, 29)),  # from a leap day
        (date(2027, 2, 28), 30, date(2027, 3, 28)),  # counts from the day, not the month end
        (date(2026, 12, 15), 60, date(2027, 2, 15)),  # across the year
        (date(2026, 11, 30), 90, date(2027, 2, 28)),
        (date(2026, 12, 3), 45, date(2027, 1, 17)),  # custom days
        (date(2028, 2, 28), 1, date(2028, 2, 29)),
    ],
)
def test_months_are_calendar_months_and_other_counts_are_days(last, cadence, due):
    assert rhythm.next_touch_due(last, cadence) == due


def test_a_due_day_on_a_rest_day_moves_to_the_next_working_day():
    # 2 Jan 2027 + 1 month = Tue 2 Feb; with Tuesday a rest day, Wednesday.
    assert rhythm.next_touch_due(date(2027, 1, 2), 30, [1]) == date(2027, 2, 3)
    # Weekends off: Sat 6 Feb 2027 -> Mon 8 Feb.
    assert rhythm.next_touch_due(date(2027, 1, 6), 30, [5, 6]) == date(2027, 2, 8)


def test_describe_and_custom_days():
    assert [rhythm.describe(c.days) for c in rhythm.CHOICES] == [
        "none",
        "monthly",
        "every 2 months",
        "every 3 months",
    ]
    assert rhythm.describe(10) == "every 10 days"
    assert rhythm.check_custom_days(" 45 ") == 45
    for bad in ("", "0", "-3", "two", "4.5", "99999"):
        with pytest.raises(ValueError, match="number of days"):
            rhythm.check_custom_days(bad)


def test_next_touch_item_counts_from_the_last_contact_and_moves_the_open_one():
    contact = ada(cadence_days=30, last_contact=datetime(2027, 1, 31, 16, tzinfo=UTC))
    fresh = rhythm.next_touch_item(contact, [], [])
    assert fresh is not None and fresh.id is None
    assert fresh.kind is FollowUpKind.STAY_IN_TOUCH
    assert (fresh.contact_id, fresh.due) == (7, date(2027, 2, 28))
    assert "monthly" in fresh.reason and "Sun 31 Jan 2027" in fresh.reason
    existing = FollowUp(id=40, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=7, due=date(2020, 1, 1))
    other = FollowUp(id=41, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=8, due=date(2020, 1, 1))
    moved = rhythm.next_touch_item(contact, [other, existing], [])
    assert moved is not None and (moved.id, moved.due) == (40, date(2027, 2, 28))


def test_no_rhythm_or_nothing_to_count_from_gives_no_item():
    assert rhythm.next_touch_item(ada(), [], []) is None
    assert rhythm.next_touch_item(ada(cadence_days=30), [], []) is None
    never = rhythm.next_touch_item(ada(cadence_days=30), [], [], today=date(2026, 12, 3))
    assert never is not None and never.due == date(2027, 1, 3)


def test_logging_an_interaction_moves_the_next_check_in_to_count_from_it():
    contact = ada(cadence_days=60, last_contact=datetime(2026, 10, 1, 9, tzinfo=UTC))
    old = rhythm.next_touch_item(contact, [], [])
    assert old is not None and old.due == date(2026, 12, 1)
    item = FollowUp(**{**old.__dict__, "id": 40})
    updated, items = rhythm.log_interaction(contact, NOW, [item], [])
    assert updated.last_contact == NOW
    assert [(i.id, i.due, i.done) for i in items] == [(40, date(2027, 2, 3), None)]


def test_logging_creates_the_item_when_missing_and_stamps_it():
    updated, items = rhythm.log_interaction(ada(cadence_days=90), NOW, [], [])
    assert updated.last_contact == NOW
    assert len(items) == 1 and items[0].id is None
    assert items[0].due == date(2027, 3, 3) and items[0].created == NOW


def test_logging_with_no_rhythm_closes_the_open_item():
    item = FollowUp(id=40, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=7, due=date(2027, 1, 1))
    done_before = FollowUp(id=39, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=7, done=NOW)
    updated, items = rhythm.log_interaction(ada(), NOW, [done_before, item], [])
    assert updated.last_contact == NOW
    assert [(i.id, i.done) for i in items] == [(40, NOW)]


def test_duplicate_open_items_are_closed_so_one_remains():
    one = FollowUp(id=1, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=7)
    two = FollowUp(id=2, kind=FollowUpKind.STAY_IN_TOUCH, contact_id=7)
    _, items = rhythm.log_interaction(ada(cadence_days=30), NOW, [one, two], [])
    assert [(i.id, i.done is None) for i in items] == [(1, True), (2, False)]


def test_logging_an_older_interaction_never_moves_the_last_contact_back():
    contact = ada(cadence_days=30, last_contact=NOW)
    updated, items = rhythm.log_interaction(contact, NOW - timedelta(days=20), [], [])
    assert updated.last_contact == NOW
    assert items[0].due == date(2027, 1, 3)


def test_dst_change_and_local_day_are_respected():
    london = ZoneInfo("Europe/London")
    # 00:30 on the night the clocks go forward (29 March 2026): still 29 March locally.
    when = datetime(2026, 3, 29, 0, 30, tzinfo=london)
    _, items = rhythm.log_interaction(ada(cadence_days=30), when, [], [])
    assert items[0].due == date(2026, 4, 29)
    # 23:30 in New York on the autumn change (1 Nov 2026) is 2 Nov in UTC: the local day counts.
    ny = datetime(2026, 11, 1, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    _, items = rhythm.log_interaction(ada(cadence_days=7), ny, [], [])
    assert items[0].due == date(2026, 11, 8)


def test_setting_a_rhythm_creates_then_moves_then_closes():
    contact = ada(last_contact=datetime(2026, 11, 30, 12, tzinfo=UTC))
    monthly, items = rhythm.set_cadence(contact, 30, [], NOW, [])
    assert monthly.cadence_days == 30 and items[0].due == date(2026, 12, 30)
    saved = FollowUp(**{**items[0].__dict__, "id": 50})
    quarterly, items = rhythm.set_cadence(monthly, 90, [saved], NOW, [])
    assert [(i.id, i.due) for i in items] == [(50, date(2027, 2, 28))]
    moved = items[0]
    none, items = rhythm.set_cadence(quarterly, None, [moved], NOW, [])
    assert none.cadence_days is None
    assert [(i.id, i.done) for i in items] == [(50, NOW)]
