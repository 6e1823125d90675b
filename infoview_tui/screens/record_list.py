"""The wiring every list of records shares: contacts, employers, meetings, follow-ups, search.

A list screen has one `RecordTable`; it fills it in `reload(keep)` (the cursor stays on record
`keep`, or near where it was), shows the highlighted record in `show_detail`, and opens it in
`open_record`. Reloading happens when the screen is first laid out, when it comes back to the
top (something may have been edited in a form or a card), and when the data was replaced.
`confirm_delete` asks, deletes through a service, reloads and keeps the cursor in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on

from ..dialogs.confirm import ConfirmScreen
from ..services import Outcome
from ..widgets.record_table import RecordTable
from .base import InfoviewScreen


class RecordListScreen(InfoviewScreen[None]):
    # Back on top after a form, a card or a meeting: read the store again (counts and names
    # may have changed). A list that stays right on its own (its forms report back) says no.
    RELOAD_ON_RESUME = True
    FOCUS_TABLE = True  # on opening; a screen that starts in a text box (search) says no

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def reload(self, keep: int | None = None) -> None:
        """Fill the table from the store; the cursor on record `keep` when it is shown."""
        raise NotImplementedError

    def show_detail(self, record_id: int | None) -> None:
        """Show the highlighted record (None: nothing highlighted) beside or under the list."""

    def open_record(self, record_id: int) -> None:
        """Enter on a row."""

    def on_mount(self) -> None:  # runs after the screen's own on_mount (Textual calls both)
        if self.FOCUS_TABLE:
            self.table.focus()
        # After the first layout, so the columns are shared out over the table's real width.
        self.call_after_refresh(self.reload)

    def on_screen_resume(self) -> None:
        if self.RELOAD_ON_RESUME and self.is_mounted:
            self.reload()

    def reload_from_store(self) -> None:
        self.reload()

    @on(RecordTable.Highlighted)
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        self.show_detail(event.record_id)
        self.refresh_bindings()

    @on(RecordTable.Selected)
    def _selected(self, event: RecordTable.Selected) -> None:
        if event.record_id is not None:
            self.open_record(event.record_id)

    def confirm_delete(self, title: str, effects: str, delete: Callable[[], Outcome[Any]]) -> None:
        """Ask (saying what else deleting does), then delete, reload and keep the cursor's row."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            row = self.table.cursor_row
            outcome = delete()
            self.reload()
            if self.table.row_ids:
                self.table.move_cursor(row=min(row, len(self.table.row_ids) - 1), animate=False)
            self.notify(outcome.message, markup=False, timeout=3)

        self.app.push_screen(ConfirmScreen(title, effects, yes="Delete", no="Keep"), answered)
