"""The follow-up queue at ten times heavy use: building it, and `infoview queue` from a shell.

    python benchmarks/queue_speed.py [--rounds 15] [--repeats 30]

(a) In-process: `build_queue` over the 20,000 follow-ups of the large store (target < 20 ms),
    median over `--repeats` runs, on records already decoded and frozen, as the app holds them.
(c) In-process: `search()` over the whole large store (30,000 contacts, 2,000 meetings,
    20,000 follow-ups), index built each call as the one-off function does (target well under
    100 ms), and a query on an index already built, as the search screen runs per keystroke.
(b) Wall time of `python -m infoview_tui queue --data LARGE` (and `--json`) against a bare
    `python -c "import json; json.load(open(LARGE))"`, the floor for reading the file at all
    (target: queue/bare < 1.0, the queue reads only the part of the file it needs).
    Interleaved rounds in one run after an untimed warm-up, so drift in machine load hits
    every case alike; medians with min and max.

The large store (benchmarks/gen_store.py) dates everything around its fixed "now" in March
2026, so today every open item would be overdue. The run uses a copy with the follow-ups'
days shifted to today (same size, same shape): a realistic morning of ~90 items due today
and a few thousand overdue. `--as-generated` uses the file as it is (every open item overdue,
~12,000 lines printed: the worst case). Output goes to /dev/null; the file is never changed.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[0] = REPO

import argparse
import gc
import json
import statistics
import subprocess
from datetime import date, datetime
from pathlib import Path

from benchmarks.gen_store import NOW
from infoview_tui.clock import FakeClock, monotonic
from infoview_tui.store.atomic import write_atomic

DATA = Path(REPO) / "benchmarks" / "data"
LARGE = DATA / "large.json"
SHIFTED = DATA / "run" / "queue" / "today.json"


def ensure_large() -> None:
    if not LARGE.exists():
        from benchmarks.gen_store import generate

        print(f"generating {LARGE.relative_to(REPO)} ...", flush=True)
        generate(LARGE)


def shifted_copy(today: date) -> Path:
    """LARGE with every follow-up's due day moved so the generator's 'now' becomes today."""
    data = json.loads(LARGE.read_bytes())
    delta = today - NOW.date()
    for doc in data["followups"].values():
        if doc.get("due"):
            doc["due"] = (date.fromisoformat(doc["due"]) + delta).isoformat()
        if doc.get("done"):
            doc["done"] = (datetime.fromisoformat(doc["done"]) + delta).isoformat()
    SHIFTED.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(SHIFTED, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    SHIFTED.with_name(SHIFTED.name + ".journal").unlink(missing_ok=True)
    return SHIFTED


def in_process(repeats: int) -> None:
    from infoview_tui.domain.followups import build_queue
    from infoview_tui.store.store import Store

    store = Store.open(LARGE, FakeClock(NOW), readonly=True)
    items = store.followups.all()
    # As the app holds them (app.py, after opening): frozen, so a full garbage collection
    # of the store's millions of objects never lands inside a timed build.
    gc.collect()
    gc.freeze()
    times = []
    for _ in range(repeats):
        started = monotonic()
        queue = build_queue(items, NOW)
        times.append(monotonic() - started)
    counts = ", ".join(f"{len(v):,} {k.value}" for k, v in queue.sections.items())
    median = statistics.median(times) * 1000
    verdict = "ok" if median < 20 else "MISSED"
    print(
        f"(a) build_queue over {len(items):,} follow-ups: median {median:.1f} ms "
        f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}) = {median / 20:.2f} of "
        f"the target (< 20 ms): {verdict}"
    )
    gc.unfreeze()
    print(f"    sections: {counts}")  # fmt: skip


def search_timing(repeats: int) -> None:
    from infoview_tui.domain.search import SearchIndex, search
    from infoview_tui.store.store import Store

    store = Store.open(LARGE, FakeClock(NOW), readonly=True)
    tables = (
        store.contacts.all(), store.organizations.all(),
        store.interviews.all(), store.followups.all(),
    )  # fmt: skip
    cold = []
    for _ in range(max(3, repeats // 3)):
        started = monotonic()
        search("ada okafor", *tables)
        cold.append(monotonic() - started)
    index = SearchIndex.build(*tables)
    print(f"(c) search() over {len(index):,} records, index built each call: median "
          f"{statistics.median(cold) * 1000:.0f} ms (target well under 100 ms)")  # fmt: skip
    for query in ("ada okafor", "hiring manager", "e"):
        warm = []
        for _ in range(repeats):
            started = monotonic()
            found = index.find(query)
            warm.append(monotonic() - started)
        print(f"    on a built index, {query!r}: median {statistics.median(warm) * 1000:.1f} ms "
              f"({found.total:,} matches)")  # fmt: skip


def wall(argv: list[str]) -> float:
    started = monotonic()
    subprocess.run(argv, cwd=REPO, stdout=subprocess.DEVNULL, check=True)
    return monotonic() - started


def shell(rounds: int, path: Path) -> None:
    python = sys.executable
    cases = {
        "bare": [python, "-c", f"import json; json.load(open({str(path)!r}))"],
        "queue": [python, "-m", "infoview_tui", "queue", "--data", str(path)],
        "queue --json": [python, "-m", "infoview_tui", "queue", "--data", str(path), "--json"],
    }
    before = path.read_bytes()
    for argv in cases.values():  # warm-up: bytecode, disk cache
        wall(argv)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, argv in cases.items():
            times[name].append(wall(argv))
    assert path.read_bytes() == before, "the queue command changed the data file"
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    print(f"(b) {path.relative_to(REPO)} ({path.stat().st_size / 1e6:.1f} MB), {rounds} rounds:")
    for name, t in times.items():
        print(f"    {name:13} median {medians[name]:6.0f} ms "
              f"(min {min(t) * 1000:.0f}, max {max(t) * 1000:.0f})")  # fmt: skip
    for name in ("queue", "queue --json"):
        ratio = medians[name] / medians["bare"]
        verdict = "ok" if ratio < 1.0 else "MISSED"
        print(f"    {name}/bare = {ratio:.2f} (target < 1.00: faster than json.load): {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--as-generated", action="store_true", help="every open item overdue")
    args = parser.parse_args(argv)
    ensure_large()
    in_process(args.repeats)
    search_timing(args.repeats)
    path = LARGE if args.as_generated else shifted_copy(datetime.now().astimezone().date())
    shell(args.rounds, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
