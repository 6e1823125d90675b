"""What a browser tab shows when infoview cannot open there (the file is open elsewhere)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.markup import escape
from textual.widgets import Footer, Static

from ..paths import stylesheet


class NoticeApp(App[None]):
    """The CLI's message in place of the app, until the tab is closed or reloaded."""

    TITLE = "infoview"
    CSS_PATH = stylesheet("serve.tcss")
    BINDINGS = [
        Binding("q,escape", "quit", "Close", id="notice.close", tooltip="End this tab's session"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message.removeprefix("infoview: ")

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                f"{escape(self.message)}\n\nReload this page to try again.", id="notice-message"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#notice-message").border_title = "infoview cannot open your data"
