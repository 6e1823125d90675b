"""How long reading a typed date takes: every phrasing of the date table, timed in one run.

    python benchmarks/date_reading.py [--rounds 200]

The target (issue "Dates a person can trust") is under 5 ms per reading, so the preview under a
date field can follow every keystroke. Each phrase of tests/unit/test_when_reader.py is read
`--rounds` times, interleaved (phrase 1..n, then again), and its median kept; the script prints
the median and the slowest phrase, and, as a yardstick measured in the same run on the same
machine, python-dateutil's parser on the phrases it accepts (the parser infoview used before).
It also times the first reading in a fresh interpreter, imports included: what the first
keystroke in a date field pays once.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from infoview_tui.domain.when_reader import DateError, parse_when  # noqa: E402
from tests.unit.test_when_reader import DST_CASES, MONTH_FIRST, TABLE  # noqa: E402

NOW = datetime(2026, 11, 30, 11, 0, tzinfo=ZoneInfo("Europe/London"))
TARGET_MS = 5.0

FIRST_READING = """
import time
start = time.perf_counter()
from datetime import datetime
from zoneinfo import ZoneInfo
from infoview_tui.domain.date_fields import meeting_time
meeting_time("thu 2pm", datetime(2026, 11, 30, 11, tzinfo=ZoneInfo("Europe/London")),
             day_first=True, allow_past=False)
print((time.perf_counter() - start) * 1000)
"""


def ours(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_when(text, NOW, day_first=True)


def dateutils(text: str) -> None:
    from dateutil import parser

    parser.parse(text, dayfirst=True, default=NOW.replace(tzinfo=None))


def per_phrase(reader, phrases: list[str], rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {text: [] for text in phrases}
    for _ in range(rounds):
        for text in phrases:
            start = time.perf_counter()
            reader(text)
            times[text].append(time.perf_counter() - start)
    return {text: statistics.median(values) * 1000 for text, values in times.items()}


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--rounds", type=int, default=200)
    rounds = args.parse_args().rounds
    phrases = sorted({text for text, _ in TABLE + MONTH_FIRST} | {t for _, t, _ in DST_CASES})
    warnings.simplefilter("ignore")  # dateutil warns about zone names it cannot place
    accepted_by_dateutil = []
    for text in phrases:
        try:
            dateutils(text)
        except Exception:  # its refusals (and crashes) are not what is being timed
            continue
        accepted_by_dateutil.append(text)
    for text in phrases:  # warm up: imports, zone data, regexes
        ours(text)

    mine = per_phrase(ours, phrases, rounds)
    theirs = per_phrase(dateutils, accepted_by_dateutil, rounds)
    common = [text for text in accepted_by_dateutil if text in mine]
    slowest = max(mine, key=mine.__getitem__)
    median_mine = statistics.median(mine.values())
    ratio = statistics.median(mine[t] for t in common) / statistics.median(
        theirs[t] for t in common
    )
    first = float(
        subprocess.run(
            [sys.executable, "-c", FIRST_READING], capture_output=True, text=True, check=True,
            cwd=REPO,
        ).stdout
    )  # fmt: skip

    print(f"phrases: {len(phrases)}, rounds: {rounds} (medians per phrase)")
    print(f"infoview reader: median {median_mine:.3f} ms, slowest {mine[slowest]:.3f} ms "
          f"({slowest!r})")  # fmt: skip
    print(f"python-dateutil parser on the {len(common)} phrases it takes: median "
          f"{statistics.median(theirs[t] for t in common):.3f} ms; ratio ours/dateutil "
          f"{ratio:.2f}")  # fmt: skip
    print(f"first reading in a fresh interpreter, imports included: {first:.1f} ms")
    ok = mine[slowest] < TARGET_MS
    print(f"target: every reading under {TARGET_MS:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
