"""A problem that stops infoview from opening the data file, said plainly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..paths import stylesheet


class FatalScreen(Screen[None]):
    """Shows the message; quitting exits with `exit_code` and prints the message again."""

    CSS_PATH = stylesheet("fatal.tcss")
    BINDINGS = [
        Binding("q,escape", "leave", "Quit", id="fatal.quit", tooltip="Leave; nothing was changed"),
    ]

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__()
        self.message = message
        self.exit_code = exit_code

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(escape(self.message), id="fatal-message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#fatal-message").border_title = "infoview cannot open your data"

    def action_leave(self) -> None:
        self.app.exit(return_code=self.exit_code, message=self.message)
