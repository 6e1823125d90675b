"""A table of records, one plain-text line each, that stays quick with tens of thousands of rows.

Textual's DataTable is slow and unsafe for a list of people's names: it reads every `str` cell
as markup (a name like "[b]x[/b]" would turn bold, a stray "[" can break it), and after every
`add_rows` it renders and measures every cell of every row to size its columns (seconds for
30,000 contacts). `RecordTable` is built on Textual's public Line API instead (`ScrollView` +
`render_line`): `show_rows` only stores the rows and sets `virtual_size`, and painting renders
the lines on screen, and of those only the columns in view. Every row is one line and every
column has a width shared out from the table's width (`ColumnSpec` weights, recomputed on
resize), so there is nothing to measure. Text that does not fit its column ends in "…".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..domain.validation import cut

# Cells longer than this are cut: a 20,000-character paste never has to be laid out.
MAX_CELL_CHARS = 300
# Blank cells on each side of every cell.
CELL_PADDING = 1
ELLIPSIS = "…"


def _breaks(ch: str) -> bool:
    """A control character or a line break: shown as a space in a one-line cell."""
    return not ch.isprintable() and unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


class PlainCell:
    """One cell's text, kept to one printable line: shown literally, never read as markup."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        if len(text) > MAX_CELL_CHARS or not text.isprintable():  # newlines, escapes, pastes
            # Controls and line breaks become spaces; joiners (not "printable" to Python)
            # stay, so 👩🏽‍🔬 and Persian words keep their shape.
            text = cut(text, MAX_CELL_CHARS)
            text = " ".join("".join(" " if _breaks(c) else c for c in text).split())
        self.text = text

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


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded with spaces, or cut and ended with "…"."""
    if width <= 0:
        return ""
    if text.isascii():  # the usual case: one character is one cell
        if len(text) <= width:
            return text.ljust(width)
        return text[: width - 1] + ELLIPSIS
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ELLIPSIS  # a wide character cut in half is a space


class RecordTable(ScrollView, can_focus=True):
    """Rows of `PlainCell`s, each with a record id, under a header; a cursor picks one row.

    `show_rows` replaces every row in one go. Moving the cursor posts `Highlighted`; enter, or
    a click on the cursor row, posts `Selected`. Both carry the record id and the row.
    """

    ALLOW_SELECT = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", show=False, tooltip="Open the highlighted row"),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "cursor_page_up", "Page up", show=False),
        Binding("pagedown", "cursor_page_down", "Page down", show=False),
        Binding("home,ctrl+home", "cursor_first", "First row", show=False),
        Binding("end,ctrl+end", "cursor_last", "Last row", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--cursor",
        "record-table--even-row",
        "record-table--odd-row",
    }
    """
    | Class | Description |
    | :- | :- |
    | `record-table--header` | The header row. |
    | `record-table--cursor` | The cursor row (brighter when the table has focus). |
    | `record-table--even-row` | Rows 0, 2, 4, ... (the zebra stripes). |
    | `record-table--odd-row` | Rows 1, 3, 5, ... |
    """

    # The look of Textual's DataTable with zebra stripes and a row cursor.
    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;

        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .record-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .record-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .record-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .record-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .record-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor is on another row, or another record is under it."""

        table: RecordTable
        record_id: int
        row: int

        @property
        def control(self) -> RecordTable:
            return self.table

    @dataclass
    class Selected(Message):
        """Enter was pressed on a row, or the cursor row was clicked."""

        table: RecordTable
        record_id: int
        row: int

        @property
        def control(self) -> RecordTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.specs = tuple(columns)
        self._ids: list[int] = []
        self._rows: Sequence[Sequence[PlainCell]] = []
        self._cursor = 0
        self._widths: list[int] = []  # each column's text width, padding not included
        self._starts: list[int] = []  # where each column (with its padding) begins
        self._line_width = 0  # all columns with their padding

    # ----- what the screens read -------------------------------------------------------------

    @property
    def row_ids(self) -> list[int]:
        """The record id of every row, top to bottom (do not change the list)."""
        return self._ids

    @property
    def row_count(self) -> int:
        return len(self._ids)

    @property
    def cursor_row(self) -> int:
        """The row under the cursor (0 when the table is empty)."""
        return self._cursor

    @property
    def highlighted_id(self) -> int | None:
        """The record id of the row under the cursor, if any."""
        return self._ids[self._cursor] if self._cursor < len(self._ids) else None

    def get_row_at(self, row: int) -> tuple[PlainCell, ...]:
        """The cells of one row."""
        return tuple(self._rows[row])

    # ----- what the screens change -----------------------------------------------------------

    def show_rows(
        self,
        ids: list[int],
        rows: Sequence[Sequence[PlainCell]],
        keep: int | None = None,
    ) -> None:
        """Replace every row; put the cursor on record `keep` if shown, else near where it was.

        Nothing is measured or rendered here: the rows are kept as they are and only the ones
        on screen are drawn, so this costs the same for 30 rows as for 30,000.
        """
        if len(ids) != len(rows):
            raise ValueError(f"{len(ids)} ids for {len(rows)} rows")
        before = (self._cursor, self.highlighted_id)
        target = ids.index(keep) if keep is not None and keep in ids else self._cursor
        self._ids = ids
        self._rows = rows
        self._cursor = max(0, min(target, len(ids) - 1))
        self._fit_columns()
        self.refresh()
        self._scroll_to_cursor()
        if (self._cursor, self.highlighted_id) != before:
            self._post_highlighted()

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on `row` (kept within the rows) and scroll it into view."""
        if not self._ids:
            return
        row = max(0, min(row, len(self._ids) - 1))
        old = self._cursor
        self._cursor = row
        self._scroll_to_cursor(animate=animate)
        if row != old:
            self.refresh_line(old + 1)
            self.refresh_line(row + 1)
            self._post_highlighted()

    # ----- keys and mouse --------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor + 1)

    def action_cursor_page_up(self) -> None:
        """Up by a screenful, and the view with it, as DataTable does."""
        page = self._page_rows()
        self.scroll_to(y=self.scroll_y - page, animate=False, force=True)
        self.move_cursor(row=self._cursor - page)

    def action_cursor_page_down(self) -> None:
        page = self._page_rows()
        self.scroll_to(y=self.scroll_y + page, animate=False, force=True)
        self.move_cursor(row=self._cursor + page)

    def action_cursor_first(self) -> None:
        self.move_cursor(row=0)

    def action_cursor_last(self) -> None:
        self.move_cursor(row=len(self._ids) - 1)

    def action_select_cursor(self) -> None:
        record_id = self.highlighted_id
        if record_id is not None:
            self.post_message(self.Selected(self, record_id, self._cursor))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to a row; a click on the cursor row opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:  # outside the rows, or on the header
            return
        row = offset.y - 1 + self.scroll_offset.y
        if row >= len(self._ids):
            return
        event.stop()
        if row == self._cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(row=row)

    def on_resize(self, _: events.Resize) -> None:
        if self._fit_columns():
            self.refresh()
        self._scroll_to_cursor()  # a shorter table may have hidden the cursor

    # ----- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Line `y` of the widget: the header at the top, then the rows scrolled into view."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            style = self.get_component_rich_style("record-table--header")
            cells = [spec.label for spec in self.specs]
        else:
            row = y - 1 + scroll_y
            if row >= len(self._rows):
                return Strip.blank(width, self.rich_style)
            stripe = "record-table--odd-row" if row % 2 else "record-table--even-row"
            style = self.get_component_rich_style(stripe)
            if row == self._cursor:
                style += self.get_component_rich_style("record-table--cursor")
            cells = [cell.text for cell in self._rows[row]]
        text = self._line_text(cells, scroll_x, scroll_x + width)
        line_width = max(self._line_width, scroll_x + width)
        text += " " * (line_width - self._line_width)
        return Strip([Segment(text, style)], line_width).crop(scroll_x, scroll_x + width)

    def _line_text(self, cells: Sequence[str], left: int, right: int) -> str:
        """The columns side by side, `_line_width` cells in all (a wide character takes two);
        a column wholly outside the cells `left`..`right` is left blank."""
        pad = " " * CELL_PADDING
        parts = []
        for i, (start, width) in enumerate(zip(self._starts, self._widths, strict=True)):
            outer = width + 2 * CELL_PADDING
            if start + outer <= left or start >= right or i >= len(cells):
                parts.append(" " * outer)
            else:
                parts.append(pad + fit(cells[i], width) + pad)
        return "".join(parts)

    # ----- helpers ---------------------------------------------------------------------------

    def _fit_columns(self) -> bool:
        """Share the width out over the columns; True when the widths changed."""
        width = self.size.width or self.app.size.width
        # Room for the scrollbar is kept even when it is hidden, so columns do not jump.
        room = width - self.styles.scrollbar_size_vertical - 2 * CELL_PADDING * len(self.specs)
        widths = share_widths(self.specs, max(0, room))
        changed = widths != self._widths
        if changed:
            self._widths = widths
            self._starts = []
            start = 0
            for column_width in widths:
                self._starts.append(start)
                start += column_width + 2 * CELL_PADDING
            self._line_width = start
        self.virtual_size = Size(self._line_width, len(self._ids) + 1)  # +1: the header
        return changed

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll the least needed to show the cursor row below the header.

        Not before the first layout: with no height yet, any row would be "out of view" and
        the scroll would stay wrong. `on_resize` scrolls once the size is known.
        """
        if not self._ids or not self.size:
            return
        self.scroll_to_region(
            Region(0, self._cursor + 1, 1, 1),
            spacing=Spacing(top=1),  # the header covers the top line
            animate=animate,
            force=True,
            x_axis=False,
            immediate=True,
        )

    def _post_highlighted(self) -> None:
        record_id = self.highlighted_id
        if record_id is not None:
            self.post_message(self.Highlighted(self, record_id, self._cursor))
