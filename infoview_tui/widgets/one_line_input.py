"""A single-line field: keeps all of a multi-line paste, joined into one line."""

from __future__ import annotations

from textual.binding import Binding

from .text_input import TextInput


class OneLineInput(TextInput):
    """Textual's Input drops every pasted line after the first; this joins them with spaces
    (see TextInput). ctrl+y redoes, as in a TextArea."""

    BINDINGS = [Binding("ctrl+y", "redo", "Redo", show=False)]
