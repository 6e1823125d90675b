"""$INFOVIEW_NOW runs the real program on a chosen day: the clock still ticks from there, and a
value it cannot read stops the program instead of running it on today."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from infoview_tui.clock import Clock, ShiftedClock, clock_from_env

REPO = Path(__file__).resolve().parents[2]


def test_unset_or_blank_is_the_real_clock():
    assert type(clock_from_env({})) is Clock
    assert type(clock_from_env({"INFOVIEW_NOW": "  "})) is Clock


def test_the_clock_starts_at_the_given_moment_in_its_zone_and_ticks():
    zone = timezone(timedelta(hours=-5))
    clock = clock_from_env({"INFOVIEW_NOW": "2026-03-04T23:59:00-05:00"})
    assert isinstance(clock, ShiftedClock)
    first = clock.now()
    assert first.utcoffset() == zone.utcoffset(None)
    assert timedelta(0) <= first - datetime(2026, 3, 4, 23, 59, tzinfo=zone) < timedelta(seconds=5)
    assert clock.today().isoformat() == "2026-03-04"  # the day named, not the day in UTC
    assert clock.now() >= first


def test_without_an_offset_it_is_local_time():
    clock = clock_from_env({"INFOVIEW_NOW": "2026-07-01T12:00"})
    now = clock.now()
    assert now.tzinfo is not None and now.replace(tzinfo=None) - datetime(2026, 7, 1, 12) < (
        timedelta(seconds=5)
    )


@pytest.mark.parametrize("text", ["tomorrow", "2026-13-01", "4 March"])
def test_an_unreadable_value_is_refused(text):
    with pytest.raises(ValueError, match="INFOVIEW_NOW"):
        clock_from_env({"INFOVIEW_NOW": text})


def test_the_program_says_so_and_exits_2():
    result = subprocess.run(
        [sys.executable, "-m", "infoview_tui", "queue", "--demo"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "INFOVIEW_NOW": "next tuesday"},
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("infoview: INFOVIEW_NOW='next tuesday' is not a date")


def test_the_demo_queue_is_dated_from_the_given_day():
    result = subprocess.run(
        [sys.executable, "-m", "infoview_tui", "queue", "--demo"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "INFOVIEW_NOW": "2026-03-04T09:00+00:00"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("infoview · Wed 4 Mar 2026:")
