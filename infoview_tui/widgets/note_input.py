"""The meeting's notes line.

Textual's Input inserts typed characters as their key events arrive, but runs Enter through
the binding machinery afterwards; in a burst of keys ("abc⏎def", from a fast typist, a laggy
terminal or a paste) the characters after Enter joined the note before it. Here Enter takes
the line in order, on its own key event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input


class NoteInput(Input):
    """Also remembers when the current line was begun (`began`), by the clock it is given, to
    stamp the note with."""

    began: datetime | None = None

    def __init__(self, now: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._now = now

    @dataclass
    class Kept(Message):
        """Enter was pressed: `text` is the line as it stood at that key."""

        input: NoteInput
        text: str
        began: datetime | None  # when its first character was typed

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handling (a subclass's handler comes first); stopping
        # the default there keeps Input from seeing this Enter at all.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Kept(self, self.value, self.began))
            self.began = None
            self.value = ""
            return
        if event.is_printable and not self.value:
            self.began = self._now()
