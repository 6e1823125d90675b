"""A small Textual app that hands the browser a file, served the way `infoview serve` serves.

    python -m tests.web.deliver_app serve     # the server (prints its address)
    python -m tests.web.deliver_app app       # what each tab runs

The browser test uses it to prove that a file an app delivers (`App.deliver_text`) reaches
the browser as a download through the token-guarded server; infoview's own screens deliver
their files the same way, through `infoview_tui.screens.files.save_for_person`.
"""

from __future__ import annotations

import io
import secrets
import shlex
import sys

from textual.app import App, ComposeResult
from textual.events import DeliveryComplete
from textual.widgets import Footer, Static

NOTE = "Dear Ada,\nthank you for the time on Tuesday.\n"


class DeliverApp(App[None]):
    BINDINGS = [("d", "deliver", "Deliver")]

    def compose(self) -> ComposeResult:
        yield Static("press d to download", id="state")
        yield Footer()  # its keys show once the page has given the app the keyboard

    def action_deliver(self) -> None:
        self.deliver_text(io.StringIO(NOTE), save_filename="thank-you-ada.txt")

    def on_delivery_complete(self, event: DeliveryComplete) -> None:
        self.query_one("#state", Static).update("delivered")


def serve() -> int:
    from infoview_tui.web.server import InfoviewServer

    command = "exec " + shlex.join([sys.executable, "-m", "tests.web.deliver_app", "app"])
    server = InfoviewServer(command, token=secrets.token_urlsafe(32))
    server.about = "a test app"
    return server.run()


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        sys.exit(serve())
    DeliverApp().run()
