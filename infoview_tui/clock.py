"""The one place that reads the time.

Everything else asks a `Clock` it was handed, so tests can move time forward instead of
sleeping, and the meeting timer is computed from the clock on every repaint rather than from
counting interval ticks (Textual drops ticks when the loop is busy).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo


class Clock:
    """Wall-clock time as timezone-aware datetimes, in the local zone."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    def tz(self) -> tzinfo:
        tz = self.now().tzinfo
        assert tz is not None
        return tz


class FakeClock(Clock):
    """A clock that only moves when told to; for tests, demo data and screenshots."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, **kwargs: float) -> None:
        self._now += timedelta(seconds=seconds, **kwargs)

    def set(self, when: datetime) -> None:
        self._now = when


def monotonic() -> float:
    """Seconds from an arbitrary start, never going back; for measuring durations only."""
    return time.monotonic()
