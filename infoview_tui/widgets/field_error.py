"""A message under a form field: takes no room until there is something to say."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class FieldError(Static):
    DEFAULT_CSS = """
    FieldError { color: $error; height: auto; display: none; }
    """

    def show(self, message: str) -> None:
        """Show `message` literally (user text is never read as markup); "" hides it."""
        self.update(Content(message))
        self.display = bool(message)
