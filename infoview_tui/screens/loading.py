"""The first frame: the app's frame while the data file opens on a worker thread.

Kept bare on purpose (the name and one line, no widgets that need their own styles or
timers): it is what a person sees within a fifth of a second, and no screen that shows data
is made until the store is open.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class LoadingScreen(Screen[None]):
    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen #loading { width: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static("infoview · opening your data…", id="loading")
