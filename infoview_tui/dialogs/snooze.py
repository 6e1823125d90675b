"""Snooze one follow-up: one key for +1 day, +3 days, +1 week, or a date typed as people type.

Dismisses with the item carrying its new due day (not yet saved), or None on escape. The
presets skip rest days; a typed date is shown back in full under the field before enter keeps
it, one in the past is refused there, and one earlier than the item was due is said plainly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.date_fields import NEXT_RULE, Reading, order_note
from ..domain.followups import SNOOZE_LABELS, Snooze, snooze, snooze_reading
from ..domain.records import FollowUp
from ..domain.timefmt import relative_day, short_date
from ..paths import stylesheet
from ..widgets.date_field import DateField


class SnoozeScreen(ModalScreen[FollowUp | None]):
    CSS_PATH = stylesheet("queue.tcss")
    BINDINGS = [
        Binding("1", "pick('1')", "+1 day", id="snooze.day", tooltip="Due one day later"),
        Binding("3", "pick('3')", "+3 days", id="snooze.three", tooltip="Due three days later"),
        Binding("w", "pick('w')", "+1 week", id="snooze.week", tooltip="Due a week later"),
        Binding("t", "type_date", "Type a date", id="snooze.type",
                tooltip="Type a day: fri, tomorrow, 3 Dec, in 4 days"),
        Binding("escape", "cancel", "Cancel", id="snooze.cancel", tooltip="Leave it as it is"),
    ]  # fmt: skip

    def __init__(
        self, item: FollowUp, now: datetime, rest_days: list[int], *, day_first: bool = True
    ) -> None:
        super().__init__()
        self.item = item
        self.now = now
        self.rest_days = list(rest_days)
        self.day_first = day_first

    def compose(self) -> ComposeResult:
        today = self.now.date()
        options = []
        for choice in Snooze:
            day = snooze(self.item, choice, self.now, self.rest_days).due
            assert day is not None
            options.append(
                Option(
                    Content.assemble(
                        (choice.value, "bold"),
                        f"  {SNOOZE_LABELS[choice]:8}  {short_date(day, today)}, "
                        f"{relative_day(day, today)}",
                    ),
                    id=choice.value,
                )
            )
        with Vertical(classes="dialog", id="snooze-box"):
            yield Label(Content(f"Later: {self.item.title or '(untitled)'}"), id="snooze-what")
            yield OptionList(*options, id="snooze-choices")
            yield Label("Or type a day (t): fri, tomorrow, 3 Dec, in 4 days", id="snooze-hint")
            yield DateField(
                self.read,
                input_id="snooze-date",
                placeholder="a day",
                hint=f"{order_note(self.day_first)}; {NEXT_RULE}.",
                max_length=60,
                compact=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#snooze-box")
        box.border_title = "Snooze"
        box.border_subtitle = "1 · 3 · w · enter picks · escape cancels"
        self.query_one(OptionList).focus()

    def action_pick(self, choice: str) -> None:
        self.dismiss(snooze(self.item, Snooze(choice), self.now, self.rest_days))

    def read(self, text: str) -> Reading:
        # "1", "3" or "w" typed here mean the same as the keys.
        return snooze_reading(self.item, text, self.now, self.rest_days, day_first=self.day_first)

    def action_type_date(self) -> None:
        self.query_one(DateField).input.focus()

    @on(OptionList.OptionSelected, "#snooze-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_pick(event.option.id)

    @on(DateField.Kept)
    def _typed(self, event: DateField.Kept) -> None:
        event.stop()
        due = event.reading.value
        assert isinstance(due, date)
        self.dismiss(replace(self.item, due=due))

    def action_cancel(self) -> None:
        self.dismiss(None)
