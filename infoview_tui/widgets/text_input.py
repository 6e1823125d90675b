"""The base of every one-line field: what a person types or pastes is kept, or they are told.

Textual 8.2.8's Input, as it comes, selects all of a filled field when tabbed into (the next
key replaces it), keeps only the first line of a paste, drops a paste longer than
`max_length` whole and stops typing at the limit without a word, and has no undo. Here:

- tabbing in puts the cursor in the field and selects nothing (`select_on_focus` off);
- ctrl+z undoes the last edit (a word typed, a run of deletions, a paste), ctrl+shift+z
  redoes it (OneLineInput adds ctrl+y, as in a TextArea);
- a paste is cleaned (control codes out, joiners kept: `domain.validation.cleaned`) and
  `prepare_paste` decides what its lines become; what does not fit the limit is cut, never
  inside a grapheme, and the field says what was left out; so does typing at the limit.

See `infoview_tui.typing_rule` for the rule every screen follows.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from ..domain.validation import cleaned, cut

HISTORY = 100  # undo steps kept per field


class TextInput(Input):
    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+shift+z", "redo", "Redo", show=False),
    ]

    def __init__(self, *args: Any, select_on_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)
        self._undo: list[tuple[str, int]] = []  # (value, cursor) before each step
        self._redo: list[tuple[str, int]] = []
        self._edited: str | None = None  # the value our last edit left; else set from outside
        self._step = ""  # what the last edit was: "type", "delete" or "" (anything else)
        self._step_end = 0  # where the cursor was left by it
        self._told_full = False  # "this field holds at most …" said since it was last full

    # ----- undo ------------------------------------------------------------------------------

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit (typing, deleting, pasting, cutting) comes through here: remembered."""
        before, cursor = self.value, self.cursor_position
        super().replace(text, start, end)
        if self.value == before:
            return
        start = min(start, end)
        fresh = before != self._edited  # set from outside since: older steps no longer apply
        if fresh:
            self._undo.clear()
        self._redo.clear()
        if len(text) == 1 and start == end:
            step = "type"
            # A word and the spaces after it are one step; the next word starts another.
            joins = self._step == step and start == self._step_end
            joins = joins and not (not text.isspace() and before[start - 1 : start].isspace())
        elif not text and len(before) - len(self.value) == 1:
            step = "delete"
            joins = self._step == step and start in (self._step_end, self._step_end - 1)
        else:
            step, joins = "", False
        if fresh or not joins:
            self._undo.append((before, cursor))
            del self._undo[:-HISTORY]
        self._edited, self._step, self._step_end = self.value, step, start + len(text)
        if not self.max_length or len(self.value) < self.max_length:
            self._told_full = False

    def action_undo(self) -> None:
        self._travel(self._undo, self._redo)

    def action_redo(self) -> None:
        self._travel(self._redo, self._undo)

    def _travel(self, source: list[tuple[str, int]], target: list[tuple[str, int]]) -> None:
        if self.value != self._edited:  # changed from outside (a note kept, a record loaded)
            self._undo.clear()
            self._redo.clear()
            return
        if not source:
            return
        target.append((self.value, self.cursor_position))
        value, cursor = source.pop()
        self._edited, self._step = value, ""
        self.value = value
        self.cursor_position = cursor

    # ----- the limit -------------------------------------------------------------------------

    def restricted(self) -> None:
        """A key would go past `max_length`: say so once (not on every key), instead of
        Textual's silent bell."""
        if self.max_length and not self._told_full:
            self._told_full = True
            self.notify(
                f"This field holds at most {self.max_length:,} characters.", severity="warning"
            )

    # ----- pasting ---------------------------------------------------------------------------

    def on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which would keep only the first line.
        event.stop()
        event.prevent_default()
        self.paste(event.text)

    def action_paste(self) -> None:
        """ctrl+v: the app's own clipboard, treated as any paste."""
        self.paste(self.app.clipboard)

    def prepare_paste(self, text: str) -> str:
        """What a paste's cleaned text becomes in this field: one line, its lines joined by
        a space, tabs made spaces. A subclass may do otherwise."""
        text = text.replace("\t", " ")
        if "\n" not in text:
            return text
        return " ".join(line.strip() for line in text.split("\n") if line.strip())

    def paste(self, text: str) -> None:
        """Put pasted `text` at the cursor (over the selection): cleaned, then cut to the
        room left, saying what was left out."""
        result = cleaned(text, trim=False)
        self.insert_paste(self.prepare_paste(result.text), result.removed)

    def insert_paste(self, text: str, removed: int = 0) -> None:
        start, end = sorted(self.selection)
        said = []
        if removed:
            s = "s" if removed != 1 else ""
            said.append(f"Left out {removed} hidden control character{s} from the paste.")
        if self.max_length:
            room = self.max_length - (len(self.value) - (end - start))
            kept = cut(text, room)
            if len(kept) < len(text):
                said.insert(
                    0,
                    f"Pasted {len(text):,} characters; this field holds {self.max_length:,}, "
                    f"so the last {len(text) - len(kept):,} were left out.",
                )
            text = kept
        if text:
            self.replace(text, start, end)
        if said:
            self.notify(" ".join(said), severity="warning")
