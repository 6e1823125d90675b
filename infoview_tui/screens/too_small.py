"""Shown instead of a broken layout when the terminal is smaller than 80×24."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: auto; max-width: 100%; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._show(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._show(event.size.width, event.size.height)

    def _show(self, width: int, height: int) -> None:
        self.query_one(Static).update(
            f"Terminal too small: {width}×{height}.\n"
            "infoview needs at least 80×24.\n"
            "Enlarge the window (or the font smaller).\n"
            "ctrl+q quits; nothing is lost."
        )
