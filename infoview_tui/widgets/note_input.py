"""The meeting's notes line.

Textual's Input inserts typed characters as their key events arrive, but runs Enter through
the binding machinery afterwards; in a burst of keys ("abc⏎def", from a fast typist, a laggy
terminal or a paste) the characters after Enter joined the note before it. Here Enter takes
the line in order, on its own key event.

A paste with line breaks is taken as if enter had been pressed at each one: every line is
kept as a note of its own (with the text typed before the paste on the first), and the last
line stays in the notes line to go on with. Nothing is cut: the line holds any length.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual import events
from textual.message import Message

from ..domain.validation import cleaned
from .text_input import TextInput


class NoteInput(TextInput):
    """Also remembers when the current line was begun (`began`), by the clock it is given, to
    stamp the note with. ctrl+z undoes, ctrl+shift+z redoes (ctrl+y captures a job title)."""

    began: datetime | None = None

    def __init__(self, now: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._now = now

    @dataclass
    class Kept(Message):
        """Enter was pressed (or a paste held line breaks): `text` is what to keep, one note
        per line."""

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

    def paste(self, text: str) -> None:
        result = cleaned(text, trim=False)
        lines = result.text.replace("\t", " ").split("\n")
        if not self.value and result.text.strip():
            self.began = self._now()
        if len(lines) == 1:
            self.insert_paste(lines[0], result.removed)
            return
        start, end = sorted(self.selection)
        notes = [self.value[:start] + lines[0], *lines[1:-1]]
        rest = lines[-1] + self.value[end:]
        self.post_message(self.Kept(self, "\n".join(notes), self.began))
        self.began = self._now() if rest.strip() else None
        self.value = rest
        self.cursor_position = len(lines[-1])
        kept = sum(1 for note in notes if note.strip())
        said = f"Kept {kept} pasted lines as {kept} notes" if kept != 1 else "Kept a pasted line"
        said += "; the last line is still here: enter keeps it." if rest.strip() else "."
        if result.removed:
            said += f" Left out {result.removed} hidden control characters."
        self.notify(said)
