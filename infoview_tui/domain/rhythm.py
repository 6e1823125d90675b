"""Staying in touch: a rhythm per contact that counts from the last time we were in contact.

`Contact.cadence_days` holds the rhythm: None is none; 30, 60 and 90 mean one, two and three
calendar months (so 31 January + 1 month is the last day of February); any other number is
that many days. Each contact with a rhythm has one open STAY_IN_TOUCH follow-up; logging an
interaction moves it to count from that moment. Dates are taken in the zone of the moment
given, so a late-evening talk counts on its own day, whatever the UTC date or a DST change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from .dates import next_working_day
from .records import Contact, FollowUp, FollowUpKind
from .timefmt import full_date

MONTHS_OF_DAYS = {30: 1, 60: 2, 90: 3}  # the stored day counts that mean calendar months
MAX_CUSTOM_DAYS = 3650


@dataclass(frozen=True)
class Choice:
    label: str
    days: int | None  # the value stored in Contact.cadence_days


CHOICES = (
    Choice("None", None),
    Choice("Monthly", 30),
    Choice("Every 2 months", 60),
    Choice("Every 3 months", 90),
)


def describe(cadence_days: int | None) -> str:
    """'monthly', 'every 2 months', 'every 10 days', or 'none'."""
    if cadence_days is None:
        return "none"
    months = MONTHS_OF_DAYS.get(cadence_days)
    if months == 1:
        return "monthly"
    if months:
        return f"every {months} months"
    return "every day" if cadence_days == 1 else f"every {cadence_days} days"


def check_custom_days(text: str) -> int:
    """A typed number of days; raises ValueError with a message for people."""
    text = text.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_CUSTOM_DAYS:
        raise ValueError(f"Type a number of days from 1 to {MAX_CUSTOM_DAYS}.")
    return int(text)


def after(day: date, cadence_days: int) -> date:
    """The day one rhythm step after `day`: calendar months for 30/60/90, else days."""
    months = MONTHS_OF_DAYS.get(cadence_days)
    if months:
        from dateutil.relativedelta import relativedelta

        return day + relativedelta(months=months)
    return day + timedelta(days=cadence_days)


def next_touch_due(last: date, cadence_days: int, rest_days: Iterable[int] = ()) -> date:
    """When to get in touch next: a step after `last`, moved off a rest day."""
    return next_working_day(after(last, cadence_days), list(rest_days))


def _open_items(contact: Contact, items: Iterable[FollowUp]) -> list[FollowUp]:
    return [
        item
        for item in items
        if item.kind is FollowUpKind.STAY_IN_TOUCH
        and item.contact_id == contact.id
        and item.is_open
    ]


def open_touch_item(contact: Contact, items: Iterable[FollowUp]) -> FollowUp | None:
    """The contact's stay-in-touch item still to do (the oldest, if there are several)."""
    found = _open_items(contact, items)
    return found[0] if found else None


def next_touch_item(
    contact: Contact,
    items: Iterable[FollowUp],
    rest_days: Iterable[int] = (),
    *,
    today: date | None = None,
) -> FollowUp | None:
    """The contact's open stay-in-touch item, due one step after the last contact.

    The existing open item is moved (same id) rather than a second one made. It counts from
    `contact.last_contact`; never contacted, from `today`. None when there is no rhythm (or no
    day to count from).
    """
    if contact.cadence_days is None:
        return None
    if contact.last_contact is not None:
        last = contact.last_contact.date()
        since = f"since the last contact on {full_date(last)}"
    elif today is not None:
        last = today
        since = f"counted from {full_date(last)}"
    else:
        return None
    due = next_touch_due(last, contact.cadence_days, rest_days)
    reason = f"stay in touch {describe(contact.cadence_days)}, {since}"
    title = f"Get in touch with {contact.name}" if contact.name else "Get in touch"
    current = open_touch_item(contact, items)
    if current is None:
        return FollowUp(
            kind=FollowUpKind.STAY_IN_TOUCH,
            title=title,
            due=due,
            contact_id=contact.id,
            organization_id=contact.organization_id,
            reason=reason,
        )
    return replace(current, due=due, reason=reason, title=title)


def _settle(
    contact: Contact, items: list[FollowUp], rest_days: Iterable[int], now: datetime
) -> list[FollowUp]:
    """The follow-ups to save so the contact has exactly the item its rhythm asks for."""
    open_now = _open_items(contact, items)
    wanted = next_touch_item(contact, items, rest_days, today=now.date())
    changes: list[FollowUp] = []
    if wanted is not None:
        changes.append(wanted if wanted.created or wanted.id else replace(wanted, created=now))
    keep_id = wanted.id if wanted is not None else None
    for extra in open_now:
        if wanted is None or extra.id != keep_id:
            changes.append(replace(extra, done=now))  # no rhythm, or a duplicate: closed
    return changes


def log_interaction(
    contact: Contact, when: datetime, items: Iterable[FollowUp], rest_days: Iterable[int] = ()
) -> tuple[Contact, list[FollowUp]]:
    """We were in touch at `when`: the contact and the follow-ups to save.

    `last_contact` becomes `when` (never earlier than it was: logging an old talk does not
    bring the next one forward). The open stay-in-touch item then counts from it, is created
    if missing, or is closed when the contact has no rhythm.
    """
    latest = when if contact.last_contact is None else max(contact.last_contact, when)
    updated = replace(contact, last_contact=latest)
    return updated, _settle(updated, list(items), rest_days, when)


def set_cadence(
    contact: Contact,
    cadence_days: int | None,
    items: Iterable[FollowUp],
    now: datetime,
    rest_days: Iterable[int] = (),
) -> tuple[Contact, list[FollowUp]]:
    """A new rhythm for the contact: the contact and the follow-ups to save."""
    updated = replace(contact, cadence_days=cadence_days)
    return updated, _settle(updated, list(items), rest_days, now)
