"""Pick one of a list (an employer to filter by, say); dismisses with its value or None."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from ..paths import stylesheet

V = TypeVar("V")


class ChooseScreen(ModalScreen[V | None], Generic[V]):
    """Up/down and enter pick; escape leaves without a choice. Labels are shown literally."""

    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel", tooltip="Choose nothing"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, V]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choose-box"):
            yield OptionList(
                *(Option(Content(label), id=str(i)) for i, (label, _) in enumerate(self.choices)),
                id="choose-list",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choose-box").border_title = Content(self.title_text)
        self.query_one("#choose-list").focus()

    @on(OptionList.OptionSelected, "#choose-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        self.dismiss(self.choices[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
