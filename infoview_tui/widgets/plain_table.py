"""A DataTable of plain-text rows that stays quick with tens of thousands of rows.

Two things make Textual's DataTable slow and unsafe for a list of people's names: it reads every
`str` cell as markup (a name like "[b]x[/b]" would turn bold, a stray "[" can break it), and
after every `add_rows` it measures every cell of every row to size the columns (about 2 s for
30,000 rows × 6 columns here, most of it asking the terminal its size). `PlainCell` is a tiny
renderable that renders its text literally, on one line, with an ellipsis; columns get fixed
widths shared out from the table's width (`ColumnSpec` weights, recomputed on resize), so the
measuring pass can be skipped (`_update_dimensions`). 30,000 rows then show in about 0.5 s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.timer import Timer
from textual.widgets import DataTable

# Rows wider than this are clipped: a 20,000-character paste never has to be laid out.
MAX_CELL_CHARS = 300


class PlainCell:
    """One cell: shown literally, on one line, cut with an ellipsis when too wide."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        if len(text) > MAX_CELL_CHARS or not text.isprintable():  # newlines, tabs, huge pastes
            text = " ".join(text[:MAX_CELL_CHARS].split())
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.text, no_wrap=True, overflow="ellipsis", end="")

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PlainCell({self.text!r})"


@dataclass(frozen=True)
class ColumnSpec:
    label: str
    weight: float  # share of the width left after every column has its minimum
    min_width: int
    max_width: int = 60


def share_widths(specs: Sequence[ColumnSpec], content_width: int) -> list[int]:
    """Column widths (without cell padding) that fill `content_width` as far as maxima allow."""
    widths = [spec.min_width for spec in specs]
    spare = content_width - sum(widths)
    while spare > 0:
        growing = [i for i, spec in enumerate(specs) if widths[i] < spec.max_width]
        if not growing:
            break
        total = sum(specs[i].weight for i in growing) or 1
        given = 0
        for i in growing:
            extra = min(int(spare * specs[i].weight / total), specs[i].max_width - widths[i])
            widths[i] += extra
            given += extra
        if given == 0:  # rounding left a few cells: hand them out one by one
            for i in growing[:spare]:
                widths[i] += 1
                given += 1
        spare -= given
    return widths


class PlainTable(DataTable):
    """Rows of `PlainCell`s with a record id each; `show_rows` replaces them in one go."""

    BINDINGS = [
        # Re-described: the table's own "Select" says nothing in help or the palette.
        Binding("enter", "select_cursor", "Open", show=False, tooltip="Open the highlighted row"),
    ]

    def __init__(self, columns: Sequence[ColumnSpec], *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.specs = tuple(columns)
        self.row_ids: list[int] = []
        self._rows: list[tuple[PlainCell, ...]] = []
        self._widths: list[int] = []
        self._resize_timer: Timer | None = None

    @property
    def highlighted_id(self) -> int | None:
        """The record id of the row under the cursor, if any."""
        row = self.cursor_row
        return self.row_ids[row] if 0 <= row < len(self.row_ids) else None

    def show_rows(
        self, ids: list[int], rows: list[tuple[PlainCell, ...]], keep: int | None = None
    ) -> None:
        """Replace every row; put the cursor on record `keep` if shown, else near where it was."""
        old_row = self.cursor_row
        self.row_ids = ids
        self._rows = rows
        widths = self._target_widths()
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            for spec, width in zip(self.specs, widths, strict=True):
                self.add_column(spec.label, width=width)
        else:
            self.clear()
        self.add_rows(rows)
        if not ids:
            return
        try:
            target = ids.index(keep) if keep is not None else old_row
        except ValueError:
            target = old_row
        self.move_cursor(row=max(0, min(target, len(ids) - 1)), animate=False)

    def _update_dimensions(self, new_rows: object) -> None:
        """Every row is one line and every column has a fixed width: nothing to measure.

        DataTable's own version renders and measures every cell of every new row (half the
        time of showing 30,000 rows) to size auto-width columns and auto-height rows, neither
        of which this table has. Textual is pinned exactly; tests/ui/test_contacts.py checks
        that a long list still scrolls to its last row.
        """
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _target_widths(self) -> list[int]:
        width = self.size.width or self.app.size.width
        scrollbar = self.styles.scrollbar_size_vertical
        padding = 2 * self.cell_padding * len(self.specs)
        return share_widths(self.specs, max(0, width - scrollbar - padding))

    def on_resize(self, _: events.Resize) -> None:
        # Re-laying out 30,000 rows on every step of a window drag would stall: wait for a pause.
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(0.2, self._refit)

    def _refit(self) -> None:
        if self._target_widths() != self._widths:
            self.show_rows(self.row_ids, self._rows, keep=self.highlighted_id)
