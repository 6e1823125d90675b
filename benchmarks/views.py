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

then escape back to home. Each time runs from just before the key to the first refresh after
the handler that puts the view's content in place (the frame showing it has been drawn), so
the Pilot's own waiting is not counted. First content: the contacts list's rows; the
network's first level (me and the groups, counted in one quick pass); Progress's meetings a
week with the summary; What I have learned's perceptions. "all" is when the worker's result
(the whole network, every part of Progress, every meeting's words) is on screen too. It
prints each round, the medians (min-max) in ms, each view's
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
import functools
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


class Marks:
    """When each view's content was on screen: the first refresh after the handler that
    fills it (`call_after_refresh`: the frame with it has been drawn), so the Pilot's own
    waiting is not counted."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}

    def hook(self, cls: type, method: str, view: str) -> None:
        original = getattr(cls, method)
        marks = self

        # functools.wraps keeps the signature: Textual passes the message only to a handler
        # that takes it.
        if asyncio.iscoroutinefunction(original):

            @functools.wraps(original)
            async def wrapped_async(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                result = await original(self, *args, **kwargs)
                self.call_after_refresh(lambda: marks.at.setdefault(view, monotonic()))
                return result

            setattr(cls, method, wrapped_async)
        else:

            @functools.wraps(original)
            def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                result = original(self, *args, **kwargs)
                self.call_after_refresh(lambda: marks.at.setdefault(view, monotonic()))
                return result

            setattr(cls, method, wrapped)


async def time_view(pilot: Pilot, marks: Marks, view: str, *keys: str) -> tuple[float, float]:
    """From just before the keys: (first content, all of it: the same for the contacts list)."""
    whole = view if view == "contacts" else f"{view}, all"
    marks.at.pop(view, None)
    marks.at.pop(whole, None)
    start = monotonic()
    await pilot.press(*keys)
    await until(pilot, lambda: view in marks.at and whole in marks.at)
    await pilot.pause()
    return marks.at[view] - start, marks.at[whole] - start


async def run(rounds: int, store: Store, clock: FakeClock) -> dict[str, list[float]]:
    from infoview_tui.screens.home.screen import HomeScreen
    from infoview_tui.screens.insight.learned import LearnedScreen
    from infoview_tui.screens.insight.network import NetworkScreen
    from infoview_tui.screens.insight.progress import ProgressScreen
    from infoview_tui.screens.people.contacts import ContactsScreen

    marks = Marks()
    # Each view's first content, and (after its worker) all of it.
    marks.hook(ContactsScreen, "reload", "contacts")  # the table's rows, on mount
    marks.hook(NetworkScreen, "_show_first_level", "network")  # Me and the groups, counted
    marks.hook(NetworkScreen, "on_network_screen_built", "network, all")  # the whole network
    marks.hook(ProgressScreen, "_show_first_part", "progress")  # meetings a week, the summary
    marks.hook(ProgressScreen, "on_progress_screen_counted", "progress, all")  # every part
    marks.hook(LearnedScreen, "on_mount", "learned")  # the perceptions written before
    marks.hook(LearnedScreen, "on_learned_screen_gathered", "learned, all")  # every meeting
    app = build_app(clock, store=store, autosave_after=0)
    times: dict[str, list[float]] = {
        name: [] for name in ("contacts", "network", "progress", "learned",
                              "network, all", "progress, all", "learned, all")
    }  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        for n in range(rounds):
            row = []
            for view, keys, back in (
                ("contacts", ("c",), ("escape",)),
                ("network", ("n",), ("escape",)),
                ("progress", ("g",), ("escape",)),
                ("learned", ("o", "l"), ("escape", "escape")),
            ):
                if view == "learned":  # timed from l, on the occupation screen
                    await pilot.press("o")
                    await pilot.pause()
                    keys = ("l",)
                first, whole = await time_view(pilot, marks, view, *keys)
                times[view].append(first)
                row.append(first)
                if view != "contacts":
                    times[f"{view}, all"].append(whole)
                await pilot.press(*back)
                await pilot.pause()
            print(f"round {n + 1}: " + "  ".join(f"{k} {v * 1000:6.1f} ms" for k, v in
                                                 zip(times, row, strict=False)))  # fmt: skip
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
    print(f"{'view':<15}{'median':>9}{'min-max':>18}{'/contacts':>11}  first content within "
          f"{TARGET_MS:.0f} ms")  # fmt: skip
    ok = True
    for view, values in times.items():
        median = statistics.median(values) * 1000
        spread = f"{min(values) * 1000:.1f}-{max(values) * 1000:.1f}"
        first = "," not in view and view != "contacts"
        within = median <= TARGET_MS
        ok &= within or not first
        verdict = ("met" if within else "MISSED") if first else "(for comparison)"
        print(
            f"{view:<15}{median:>7.1f} ms{spread:>15} ms{median / (base * 1000):>10.2f}  {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
