"""30,000 contact rows: our RecordTable against Textual's stock DataTable, in one run.

    python benchmarks/table_rows.py [--rows 30000] [--rounds 5]

Each round starts a fresh headless app at 80x24 (`App.run_test`) holding one table, waits
until it is idle, then times, for each widget in turn (interleaved, so drift in machine load
hits both alike):

  fill   the call that hands over the rows: `RecordTable.show_rows(ids, rows)` with the
         contacts screen's columns, or `DataTable.add_rows(rows)` (auto-width columns, `str`
         cells, row cursor, zebra stripes: the stock way to use it);
  paint  from the start of that call until the table has drawn the first row with its
         columns laid out (the name in full: DataTable first draws it cut to the width of
         the header "Name" until its idle handler has measured every cell). Timed inside
         the widget's public `render_line`, so the polling of the wait does not count.

It prints every round, the medians (min-max) in ms and paint(DataTable)/paint(RecordTable),
also with the time to build RecordTable's `PlainCell`s counted in (the screens build them on
every reload; DataTable is handed the strings as they are), then checks that ctrl+end (the
last-row key of both) shows the last row in each. Rows are made up from fixed lists with a
fixed seed, like the contacts screen's: name, organisation, job title, found through,
introduced by, stage. Nothing is written anywhere.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[0] = REPO

import argparse
import asyncio
import random
import statistics
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from infoview_tui.clock import monotonic
from infoview_tui.screens.people.contacts import COLUMNS
from infoview_tui.widgets.record_table import PlainCell, RecordTable

GIVEN = ["Ada", "Bea", "Cyrus", "Dee", "Emeka", "Farah", "Gord", "Hana", "Ines", "Jun", "Kevin"]
FAMILY = ["Lovelace", "Quist", "Chen", "Park", "Okoye", "Siddiqui", "McAllister", "Fischer",
          "Lindgren", "Tremblay", "Liu", "Doyle", "Vega", "Wolkenstein-Rodenegg"]  # fmt: skip
ORGS = [
    "Harbour Health",
    "Coastal University Hospital",
    "Meridian Biologics",
    "Northshore Heart & Lung Institute",
    "Pacific Trials Network",
    "",
]
TITLES = ["Data analyst", "Clinical research coordinator", "Nurse", "Practice manager", ""]
FOUND = ["family", "friend", "co-worker", "community", "referral", "other"]
STAGES = ["to approach", "requested", "scheduled", "met"]
FIRST_NAME = "Zed First"  # row 0, to find on screen
LAST_NAME = "Zed Last"  # the last row


def contact_rows(count: int, seed: int = 1) -> list[tuple[str, ...]]:
    pick = random.Random(seed).choice
    names = [f"{pick(GIVEN)} {pick(FAMILY)}" for _ in range(count)]
    names[0], names[-1] = FIRST_NAME, LAST_NAME
    return [
        (name, pick(ORGS), pick(TITLES), pick(FOUND), pick(names) if i % 3 == 0 else "",
         pick(STAGES))
        for i, name in enumerate(names)
    ]  # fmt: skip


def painted(strip: Strip, row: tuple[str, ...]) -> bool:
    """The row's name in full: DataTable draws it cut to the header's width until it has
    measured its cells; RecordTable's columns have their widths from the start."""
    return row[0] in strip.text


class TimedRecordTable(RecordTable):
    first_row: tuple[str, ...] = ()
    painted_at: float | None = None

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.painted_at is None and self.first_row and painted(strip, self.first_row):
            self.painted_at = monotonic()
        return strip


class TimedDataTable(DataTable[str]):
    first_row: tuple[str, ...] = ()
    painted_at: float | None = None

    def on_mount(self) -> None:
        self.add_columns(*(spec.label for spec in COLUMNS))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.painted_at is None and self.first_row and painted(strip, self.first_row):
            self.painted_at = monotonic()
        return strip


class OneTable(App[None]):
    def __init__(self, table: TimedRecordTable | TimedDataTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


def record_cells(rows: list[tuple[str, ...]]) -> list[tuple[PlainCell, ...]]:
    return [tuple(map(PlainCell, row)) for row in rows]


def fill_record_table(table: TimedRecordTable, cells: list[tuple[PlainCell, ...]]) -> None:
    table.show_rows(list(range(len(cells))), cells)


def fill_data_table(table: TimedDataTable, rows: list[tuple[str, ...]]) -> None:
    table.add_rows(rows)


def make_record_table() -> TimedRecordTable:
    return TimedRecordTable(COLUMNS)


def make_data_table() -> TimedDataTable:
    return TimedDataTable(cursor_type="row", zebra_stripes=True)


async def one_round(
    make: Callable[[], TimedRecordTable | TimedDataTable],
    fill: Callable[..., None],
    rows: list[tuple[str, ...]],
) -> tuple[float, float, float, bool]:
    """(cells ms, fill ms, paint ms, whether `end` then showed the last row)."""
    table = make()
    app = OneTable(table)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table.first_row = rows[0]
        start = monotonic()
        data = record_cells(rows) if isinstance(table, RecordTable) else rows
        cells = monotonic() - start
        start = monotonic()
        fill(table, data)
        filled = monotonic()
        for _ in range(500):  # the wait only polls: the time is taken in render_line
            if table.painted_at is not None:
                break
            await pilot.pause()
        if table.painted_at is None:
            raise SystemExit(f"{type(table).__name__} never painted its first row")
        paint = table.painted_at - start
        table.focus()
        await pilot.press("ctrl+end")  # DataTable's "last row" key; RecordTable's too
        await pilot.pause()
        last = LAST_NAME in text_on_screen(table)
    return cells * 1000, (filled - start) * 1000, paint * 1000, last


def text_on_screen(widget: Widget) -> str:
    """The widget's lines as plain text, through the public Line API."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.size.region))


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f} ({min(values):.1f}-{max(values):.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rows = contact_rows(args.rows)
    cases: dict[
        str, tuple[Callable[[], TimedRecordTable | TimedDataTable], Callable[..., None]]
    ] = {
        "RecordTable": (make_record_table, fill_record_table),
        "DataTable": (make_data_table, fill_data_table),
    }
    cells: dict[str, list[float]] = {name: [] for name in cases}
    fills: dict[str, list[float]] = {name: [] for name in cases}
    paints: dict[str, list[float]] = {name: [] for name in cases}
    reached: dict[str, bool] = dict.fromkeys(cases, True)
    print(f"{args.rows:,} contact rows, 80x24, {args.rounds} rounds (+1 untimed warm-up)")
    for round_no in range(args.rounds + 1):
        for name, (make, fill) in cases.items():
            cells_ms, fill_ms, paint_ms, last = asyncio.run(one_round(make, fill, rows))
            if round_no == 0:
                continue
            cells[name].append(cells_ms)
            fills[name].append(fill_ms)
            paints[name].append(paint_ms)
            reached[name] = reached[name] and last
            print(
                f"  round {round_no} {name:<12} cells {cells_ms:6.1f} ms  fill {fill_ms:7.1f} ms"
                f"  paint {paint_ms:7.1f} ms"
            )
    print(f"\nmedian (min-max) in ms {'fill':>24} {'paint':>24}")
    for name in cases:
        print(f"{name:<22} {summary(fills[name]):>24} {summary(paints[name]):>24}")
    print(f"\nPlainCells for RecordTable, built before fill: {summary(cells['RecordTable'])} ms")
    ratio = statistics.median(paints["DataTable"]) / statistics.median(paints["RecordTable"])
    with_cells = statistics.median(
        [c + p for c, p in zip(cells["RecordTable"], paints["RecordTable"], strict=True)]
    )
    print(f"\npaint DataTable / RecordTable: {ratio:.0f}x")
    print(
        f"paint DataTable / (PlainCells + paint RecordTable): "
        f"{statistics.median(paints['DataTable']) / with_cells:.1f}x"
    )
    for name, ok in reached.items():
        print(f"{name}: ctrl+end shows the last row: {'yes' if ok else 'NO'}")
    return 0 if all(reached.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
