"""How soon Network, Progress and What I have learned show their first content at 10x, as a
ratio to opening the contacts list, in one run.

    python benchmarks/views.py [--rounds 7]

Target (issue "See the network, the progress and what I have learned"): at ten times heavy
use (30,000 contacts, 2,000 meetings, 20,000 follow-ups: `benchmarks/data/large.json`, made
by gen_store.py when missing) each view shows its first content within 150 ms of the key.

The real app runs headless at 80x24 (`App.run_test`) on a copy of the 10x store. Each round
presses, from home, in turn (interleaved, so drift in machine load hits all alike):

  contacts  c, until the table holds its rows (the yardstick: a list people already use)
  network   n, until the tree of introductions shows its first level (built on a worker)
  progress  g, until the counts are in and the first plot has its data
  learned   o then l, timed from l, until the page shows what the meetings said

then escape back to home. It prints each round, the medians (min-max) in ms, each view's
median over the contacts list's, and whether each median is within 150 ms. Nothing is
written outside a temporary folder.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import asyncio
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from infoview_tui.clock import FakeClock, monotonic
from infoview_tui.launch import build_app
from infoview_tui.store.store import Store

HERE = Path(__file__).resolve().parent
LARGE = HERE / "data" / "large.json"
TARGET_MS = 150.0
TIMEOUT = 30.0


async def until(pilot: Pilot, ready: Callable[[], bool]) -> None:
    deadline = monotonic() + TIMEOUT
    while not ready():
        if monotonic() > deadline:
            raise TimeoutError("the view never showed its content")
        await asyncio.sleep(0.001)  # a benchmark waits on the real clock: that is what it times


async def time_view(pilot: Pilot, key: str, ready: Callable[[], bool]) -> float:
    start = monotonic()
    await pilot.press(key)
    await until(pilot, ready)
    return monotonic() - start


async def run(rounds: int, store: Store, clock: FakeClock) -> dict[str, list[float]]:
    from infoview_tui.screens.insight.learned import LearnedScreen
    from infoview_tui.screens.insight.network import NetworkScreen
    from infoview_tui.screens.insight.progress import ProgressScreen
    from infoview_tui.screens.people.contacts import ContactsScreen

    app = build_app(clock, store=store, autosave_after=0)
    times: dict[str, list[float]] = {"contacts": [], "network": [], "progress": [], "learned": []}

    def shown(kind: type, check: Callable[[object], bool]) -> Callable[[], bool]:
        return lambda: isinstance(app.screen, kind) and check(app.screen)

    from infoview_tui.screens.home.screen import HomeScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        for n in range(rounds):
            row = []
            t = await time_view(pilot, "c", shown(ContactsScreen, lambda s: s.table.row_count > 0))
            times["contacts"].append(t)
            row.append(t)
            await pilot.press("escape")
            await pilot.pause()
            t = await time_view(
                pilot, "n", shown(NetworkScreen, lambda s: s.net is not None
                                  and bool(s.query_one("#net-tree").root.children)),
            )  # fmt: skip
            times["network"].append(t)
            row.append(t)
            await pilot.press("escape")
            await pilot.pause()
            t = await time_view(pilot, "g", shown(ProgressScreen, lambda s: s.progress is not None))
            times["progress"].append(t)
            row.append(t)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            t = await time_view(
                pilot, "l", shown(LearnedScreen, lambda s: s.learned is not None
                                  and bool(s.query(".indent-1"))),
            )  # fmt: skip
            times["learned"].append(t)
            row.append(t)
            await pilot.press("escape", "escape")
            await pilot.pause()
            print(f"round {n + 1}: " + "  ".join(f"{k} {v * 1000:6.1f} ms" for k, v in
                                                 zip(times, row, strict=True)))  # fmt: skip
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    from benchmarks.gen_store import NOW, generate

    if not LARGE.exists():
        generate(LARGE)
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory(prefix="infoview-views-") as folder:
        path = Path(folder) / "large.json"
        shutil.copyfile(LARGE, path)
        store = Store.open(path, clock)
        try:
            print(
                f"10x store: {len(store.contacts):,} contacts, {len(store.interviews):,} "
                f"meetings, {len(store.followups):,} follow-ups"
            )
            times = asyncio.run(run(rounds, store, clock))
        finally:
            store.close()
    base = statistics.median(times["contacts"])
    print()
    print(f"{'view':<10}{'median':>9}{'min-max':>18}{'/contacts':>11}  target {TARGET_MS:.0f} ms")
    ok = True
    for view, values in times.items():
        median = statistics.median(values) * 1000
        spread = f"{min(values) * 1000:.1f}-{max(values) * 1000:.1f}"
        within = median <= TARGET_MS
        ok &= within
        print(
            f"{view:<10}{median:>7.1f} ms{spread:>15} ms{median / (base * 1000):>10.2f}  "
            f"{'met' if within else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
