"""Add a follow-up by hand: what to do, then when.

Enter in "What to do" moves on to the day at once (a priority key, so letters typed right
after it, in the same burst or paste, go to the day and not the title); enter on the day keeps
both. The day is shown back in full under its field before it is kept, so "fri" is seen to be
Fri 4 Dec before it lands. A follow-up already late can be recorded ("yesterday", "last fri",
"3 days ago"): it is said to be overdue.
"""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from ..domain.date_fields import NEXT_RULE, Reading, due_day, order_note
from ..domain.followups import new_item
from ..paths import stylesheet
from ..widgets.date_field import DateField
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput


class AddItemScreen(ModalScreen[tuple[str, date] | None]):
    """What to do and when: dismisses with (title, due day); checks both before closing."""

    CSS_PATH = stylesheet("queue.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="queue.add.cancel", tooltip="Add nothing"),
        # Taken before the key reaches the field, so the cursor moves before the next key.
        Binding("enter", "to_day", "Next", show=False, priority=True, id="queue.add.next"),
    ]

    def __init__(self, now: datetime, day_first: bool = True) -> None:
        super().__init__()
        self.now = now
        self.day_first = day_first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-box"):
            yield Label("What to do")
            yield OneLineInput(placeholder="e.g. send Ada the article", id="add-title")
            yield FieldError(id="add-title-error")
            # Empty means today (a placeholder, not a value: a typed day never lands after it).
            yield Label(
                "When (empty: today): fri, 3 Dec, yesterday, in 3 days\n"
                f"{order_note(self.day_first)}; {NEXT_RULE}"
            )
            yield DateField(
                self.read,
                input_id="add-due",
                value="",
                placeholder="today",
                value_is_kept=False,
                keep_on_leave=False,
                max_length=60,
                compact=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#add-box")
        box.border_title = "Add a follow-up"
        box.border_subtitle = "enter moves on, then keeps · escape cancels"
        self.query_one("#add-title", Input).focus()

    def read(self, text: str) -> Reading:
        return due_day(text.strip() or "today", self.now, day_first=self.day_first,
                       allow_past=True)  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_day":  # enter in the day field is the field's own: it keeps both
            return self.is_mounted and self.focused is self.query_one("#add-title", Input)
        return True

    def action_to_day(self) -> None:
        """To the day now, not on the next turn: keys after enter go there. The title is
        checked once the keys typed before enter have reached it (they are queued on it)."""
        title = self.query_one("#add-title", Input)
        self.set_focus(self.query_one(DateField).input)
        title.call_later(self._title_checked)

    def _title_checked(self) -> None:
        if not self._title_ok():
            self.set_focus(self.query_one("#add-title", Input))

    @on(DateField.Kept)
    def _day_kept(self, event: DateField.Kept) -> None:
        event.stop()
        due = event.reading.value
        assert isinstance(due, date)
        if self._title_ok():
            self.dismiss((self.query_one("#add-title", Input).value, due))
        else:
            self.query_one("#add-title", Input).focus()

    def _title_ok(self) -> bool:
        error = self.query_one("#add-title-error", FieldError)
        try:
            new_item(self.query_one("#add-title", Input).value, None, now=self.now)
        except ValueError as err:
            error.show(str(err))
            return False
        error.show("")
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
