"""Calendar rules built on days: business days, working days, the start of a week.

Reading typed dates is `when_reader`'s job; what each date field accepts is `date_fields`'.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKEND = frozenset({5, 6})


def is_business_day(day: date) -> bool:
    return day.weekday() not in WEEKEND


def add_business_days(day: date, count: int) -> date:
    """`count` business days after `day` (Monday to Friday; a weekend start counts from Monday)."""
    current = day
    added = 0
    while added < count:
        current += timedelta(days=1)
        if is_business_day(current):
            added += 1
    return current


def next_working_day(day: date, rest_days: frozenset[int] | set[int] | list[int]) -> date:
    """`day`, or the first later day that is not one of the person's rest days."""
    rest = set(rest_days)
    if len(rest) >= 7:
        return day  # every day a rest day makes no sense; do not loop forever
    while day.weekday() in rest:
        day += timedelta(days=1)
    return day


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
