"""The first frame: the app's frame while the data file opens on a worker thread.

Kept bare on purpose (a header and one line): it is what a person sees within a tenth of a
second, and no screen that shows data is made until the store is open.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Header, Static


class LoadingScreen(Screen[None]):
    DEFAULT_CSS = """
    LoadingScreen #loading { width: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static("Opening your data…", id="loading")
