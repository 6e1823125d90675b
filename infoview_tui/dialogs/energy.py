"""Energy settings: how many meetings a week are enough, and which days are for rest.

Dismisses with the profile to save (`weekly_meeting_cap`, `rest_days`), or None on escape.
A blank cap means no cap. Every day a rest day is refused: the queue needs a day to land on.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Static

from ..domain.records import Profile
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput
from .capture import SpaceCheckbox

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MAX_CAP = 50


def read_cap(text: str) -> int | None:
    """The typed weekly cap; None for blank; ValueError with a message otherwise."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_CAP:
        raise ValueError(f"Type a number of meetings from 1 to {MAX_CAP}, or leave it blank.")
    return int(text)


class EnergyScreen(ModalScreen[Profile | None]):
    CSS_PATH = stylesheet("queue.tcss")
    BINDINGS = [
        Binding("ctrl+s,enter", "save", "Keep", id="energy.save", tooltip="Keep these settings"),
        Binding("escape", "cancel", "Cancel", id="energy.cancel", tooltip="Change nothing"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        cap = self.profile.weekly_meeting_cap
        with Vertical(classes="dialog", id="energy-box"):
            yield Label("At most this many meetings a week (blank: no cap)")
            yield OneLineInput("" if cap is None else str(cap), id="energy-cap", max_length=3)
            yield FieldError(id="energy-cap-error")
            yield Label("Rest days (space ticks): nothing falls due on them")
            with Horizontal(id="energy-days"):
                for index, name in enumerate(DAY_NAMES):
                    yield SpaceCheckbox(
                        name, index in self.profile.rest_days, id=f"rest-{index}", compact=True
                    )
            yield Static(self._days_text(self.profile.rest_days), id="energy-days-words")
            yield FieldError(id="energy-days-error")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#energy-box")
        box.border_title = "Pace and energy"
        box.border_subtitle = "enter or ctrl+s keeps · escape cancels"
        self.query_one("#energy-cap", Input).focus()

    @staticmethod
    def _days_text(rest: list[int]) -> str:
        """The ticked days in words: a tick's look alone is easy to misread."""
        days = ", ".join(DAY_NAMES[d] for d in sorted(rest))
        return f"Rest days: {days}" if days else "No rest days chosen."

    def _ticked(self) -> list[int]:
        return [i for i in range(7) if self.query_one(f"#rest-{i}", Checkbox).value]

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.query_one("#energy-days-words", Static).update(self._days_text(self._ticked()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        cap_error = self.query_one("#energy-cap-error", FieldError)
        days_error = self.query_one("#energy-days-error", FieldError)
        try:
            cap = read_cap(self.query_one("#energy-cap", Input).value)
        except ValueError as err:
            cap_error.show(str(err))
            self.query_one("#energy-cap", Input).focus()
            return
        cap_error.show("")
        rest = self._ticked()
        if len(rest) == 7:
            days_error.show("Leave at least one day to work on.")
            return
        self.dismiss(replace(self.profile, weekly_meeting_cap=cap, rest_days=rest))

    def action_cancel(self) -> None:
        self.dismiss(None)
