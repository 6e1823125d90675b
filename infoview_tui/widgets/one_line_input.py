"""A single-line Input that keeps all of a multi-line paste instead of only its first line."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


def one_line(text: str) -> str:
    """Lines joined with single spaces: a pasted address or signature stays whole."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class OneLineInput(Input):
    """Textual's Input drops every pasted line after the first; this joins them with spaces."""

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            text = one_line(event.text)
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        event.stop()
        event.prevent_default()  # Input's own handler would insert the first line again
