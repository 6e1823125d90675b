"""The one place that reads the time.

Everything else asks a `Clock` it was handed, so tests can move time forward instead of
sleeping, and the meeting timer is computed from the clock on every repaint rather than from
counting interval ticks (Textual drops ticks when the loop is busy).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo


class LocalZone(tzinfo):
    """The computer's own time zone, with its daylight-saving rules.

    `datetime.now().astimezone()` gives a fixed offset: a meeting typed in October for a day
    after the clocks change would keep October's offset and land an hour off. This zone asks
    the platform for the offset of each moment instead, and follows PEP 495: a wall time that
    happens twice (the clocks go back) is the first with fold=0 and the second with fold=1; one
    that never happens (the clocks jump forward) takes the offset from before the jump.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(seconds=self._offset(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=1) if self._at(dt).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return self._at(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - _EPOCH) // _SECOND
        offset = _localtime(stamp).tm_gmtoff
        wall = (dt + timedelta(seconds=offset)).replace(tzinfo=self)
        valid = self._valid_offsets(wall)
        if len(valid) > 1 and offset == valid[-1]:
            wall = wall.replace(fold=1)  # the second time this wall-clock time comes round
        return wall

    @staticmethod
    def _wall_seconds(dt: datetime) -> int:
        return (dt.replace(tzinfo=None, fold=0) - _EPOCH) // _SECOND

    def _valid_offsets(self, dt: datetime) -> list[int]:
        """The offsets under which this wall time really happens: earliest moment first."""
        wall = self._wall_seconds(dt)
        around = {_localtime(wall + step).tm_gmtoff for step in (-86400, 0, 86400)}
        valid = [offset for offset in around if _localtime(wall - offset).tm_gmtoff == offset]
        return sorted(valid, reverse=True)

    def _offset(self, dt: datetime | None) -> int:
        if dt is None:
            return time.localtime().tm_gmtoff
        valid = self._valid_offsets(dt)
        if valid:
            return valid[-1] if dt.fold else valid[0]
        wall = self._wall_seconds(dt)  # in the jump forward: the offset from either side
        return _localtime(wall + (86400 if dt.fold else -86400)).tm_gmtoff

    def _at(self, dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        wall = self._wall_seconds(dt)
        if not self._valid_offsets(dt):  # in the jump forward: named after the side it took
            return _localtime(wall + (86400 if dt.fold else -86400))
        return _localtime(wall - self._offset(dt))

    def __repr__(self) -> str:
        return "LocalZone()"


_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)


def _localtime(stamp: float) -> time.struct_time:
    try:
        return time.localtime(stamp)
    except (OverflowError, OSError, ValueError):
        return time.localtime()


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


class ShiftedClock(Clock):
    """Real time, moved so that it started at `start`: it still ticks. For runs of the real
    program on a chosen day (the command-line tests, a demo recorded for another date)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=LOCAL)
        self._zone = start.tzinfo
        self._shift = start - datetime.now(UTC)

    def now(self) -> datetime:
        return (datetime.now(UTC) + self._shift).astimezone(self._zone)


ENV_NOW = "INFOVIEW_NOW"


def clock_from_env(environ: Mapping[str, str] = os.environ) -> Clock:
    """The real clock, or one shifted to start at $INFOVIEW_NOW (ISO 8601, e.g.
    2026-03-04T09:00+00:00; without an offset, local time). Raises ValueError when it is
    set but unreadable: a run on the wrong day must not pass unnoticed."""
    text = environ.get(ENV_NOW, "").strip()
    if not text:
        return Clock()
    try:
        start = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{ENV_NOW}={text!r} is not a date and time like 2026-03-04T09:00+00:00"
        ) from None
    return ShiftedClock(start)


def monotonic() -> float:
    """Seconds from an arbitrary start, never going back; for measuring durations only."""
    return time.monotonic()
