"""The one place that reads the time.

Everything else asks a `Clock` it was handed, so tests can move time forward instead of
sleeping, and the meeting timer is computed from the clock on every repaint rather than from
counting interval ticks (Textual drops ticks when the loop is busy).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo


class LocalZone(tzinfo):
    """The computer's own time zone, with its daylight-saving rules.

    `datetime.now().astimezone()` gives a fixed offset: a meeting typed in October for a day
    after the clocks change would keep October's offset and land an hour off. This zone asks
    the platform for the offset of each moment instead.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(seconds=self._local(dt).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=1) if self._local(dt).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return self._local(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds()
        offset = time.localtime(stamp).tm_gmtoff
        return (dt + timedelta(seconds=offset)).replace(tzinfo=self)

    @staticmethod
    def _local(dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        # A wall time's offset: let the platform decide whether DST applies (tm_isdst -1).
        parts = (*dt.replace(tzinfo=None).timetuple()[:8], -1)
        try:
            return time.localtime(time.mktime(parts))
        except (OverflowError, ValueError):
            return time.localtime()

    def __repr__(self) -> str:
        return "LocalZone()"


LOCAL = LocalZone()


class Clock:
    """Wall-clock time as timezone-aware datetimes, in the computer's own zone."""

    def now(self) -> datetime:
        return datetime.now(LOCAL)

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
