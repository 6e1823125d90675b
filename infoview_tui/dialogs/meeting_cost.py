"""After a meeting: how much it cost me (1 to 5) and how I feel. Private, like the
work-ability notes. Dismisses with (cost, feeling) or None on escape.

A number key or enter picks the cost and moves to the feeling line; enter there keeps both.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.records import EnergyCost
from ..paths import stylesheet
from ..services.energy import COST_WORDS, MAX_FEELING
from ..widgets.one_line_input import OneLineInput


class MeetingCostScreen(ModalScreen[tuple[int, str] | None]):
    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cost.cancel", tooltip="Keep nothing"),
        *(Binding(str(n), f"pick({n})", str(n), show=False, id=f"cost.{n}") for n in range(1, 6)),
    ]

    def __init__(self, energy: EnergyCost | None, who: str) -> None:
        super().__init__()
        self.energy = energy
        self.who = who
        self.cost: int | None = energy.cost if energy else None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="cost-box"):
            yield Label(f"How much did the meeting with {self.who} cost you?")
            yield OptionList(
                *(Option(Content(f"{n}  {COST_WORDS[n]}"), id=str(n)) for n in range(1, 6)),
                id="cost-list",
            )
            yield Label("How do I feel now? (for me only)")
            yield OneLineInput(
                self.energy.feeling if self.energy else "",
                id="cost-feeling",
                max_length=MAX_FEELING,
                placeholder="tired but glad, need a quiet day tomorrow…",
            )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#cost-box")
        box.border_title = "What it cost"
        box.border_subtitle = "1-5 picks · enter keeps · escape cancels · private"
        listing = self.query_one("#cost-list", OptionList)
        listing.highlighted = (self.cost or 3) - 1
        listing.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":  # digits typed into the feeling line are text
            return not isinstance(self.focused, Input)
        return True

    def action_pick(self, cost: int) -> None:
        self.cost = cost
        self.query_one("#cost-list", OptionList).highlighted = cost - 1
        self.query_one("#cost-feeling").focus()

    @on(OptionList.OptionSelected, "#cost-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(int(event.option.id or 3))

    @on(Input.Submitted, "#cost-feeling")
    def _kept(self, event: Input.Submitted) -> None:
        event.stop()
        if self.cost is None:
            highlighted = self.query_one("#cost-list", OptionList).highlighted
            self.cost = (highlighted or 0) + 1
        self.dismiss((self.cost, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
