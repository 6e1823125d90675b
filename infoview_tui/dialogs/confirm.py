"""A yes/no question before anything that cannot be undone; dismisses with True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..paths import stylesheet


class ConfirmScreen(ModalScreen[bool]):
    """`y`/enter answers yes, `n`/escape no. The message is shown literally (never as markup)."""

    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="Leave it as it is"),
    ]

    def __init__(self, title: str, message: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-box"):
            yield Static(Content(self.message), id="confirm-message")
            yield Static(
                Content.assemble(
                    ("y", "bold"), f" {self.yes_label}    ", ("n", "bold"), f" {self.no_label}"
                ),
                id="confirm-keys",
            )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#confirm-box")
        box.border_title = Content(self.title_text)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
