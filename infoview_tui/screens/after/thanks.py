"""Part 1 of the after-meeting screen, the thank-you: pick the one thing I learned from the
notes (or type it) and edit the draft. The draft keeps in step with the thing learned until the
person edits it. Copying, saving a .txt and marking it sent are the screen's keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TabPane, TextArea
from textual.widgets.option_list import Option

from ...domain.timefmt import short_date
from ...widgets.one_line_input import OneLineInput

PICK = "One thing I learned: pick a note (enter), or type it"
NO_NOTES = "One thing I learned (no notes were kept):"


class NotesList(OptionList):
    """The meeting's notes; enter picks one as the thing learned, for the thank-you."""

    BINDINGS = [
        Binding("enter", "select", "Use", id="after.learned",
                tooltip="Mention this note as the thing I learned"),
    ]  # fmt: skip


class ThanksPane(TabPane):
    """The thank-you: shows the notes, the thing learned and the draft; says what the person
    changed with `ThanksEdited`. `draft_for(learned)` writes the draft from the template."""

    @dataclass
    class ThanksEdited(Message):
        """The thing learned and/or the draft changed (reflection fields `learned`,
        `thank_you`); `now`: save at once rather than soon."""

        changes: dict[str, str]
        now: bool = False

    def __init__(self, draft_for: Callable[[str], str], *, id: str = "tab-thanks") -> None:
        super().__init__("1 Thank-you", id=id)
        self._draft_for = draft_for
        self._learned = ""  # the thing learned, as last shown or reported
        self._thank_you = ""  # the draft as kept in the reflection ("" until edited)
        self._generated = ""  # the draft as the template wrote it last

    def compose(self) -> ComposeResult:
        yield Label(PICK, id="pick-label")
        yield NotesList(id="notes")
        yield OneLineInput(placeholder="the one thing I learned", id="learned", compact=True)
        yield TextArea(id="draft", soft_wrap=True, compact=True)
        yield Static("", id="thanks-status")

    # ----- showing ------------------------------------------------------------------------------

    def show(self, notes: list[str], learned: str, thank_you: str) -> None:
        """The meeting's notes, the thing learned and the kept draft ("" for the template's)."""
        listing = self.query_one(NotesList)
        listing.set_options([Option(Content(note)) for note in notes])
        listing.display = bool(notes)
        if notes:
            listing.highlighted = 0
        self.query_one("#pick-label", Label).update(PICK if notes else NO_NOTES)
        self._learned = learned
        self._thank_you = thank_you
        self.query_one("#learned", Input).value = learned
        self._generated = self._draft_for(learned)
        self.query_one("#draft", TextArea).load_text(thank_you or self._generated)

    def show_status(
        self, today: date, due: date | None = None, sent: date | None = None, extra: str = ""
    ) -> None:
        """Where the thank-you stands: `due` (still to send) or `sent`, and what just happened."""
        if due is not None:
            state = f"Thank-you due {short_date(due, today)}."
        elif sent is not None:
            state = f"Sent {short_date(sent, today)}."
        else:
            state = "No thank-you item for this meeting."
        text = f"{state} {extra}".strip()
        self.query_one("#thanks-status", Static).update(Content(text + "  ^r rewrites the draft."))

    @property
    def draft(self) -> str:
        """The draft as it stands in the editor."""
        return self.query_one("#draft", TextArea).text

    @property
    def draft_edited(self) -> bool:
        """The person changed the draft the template wrote (rewriting it would lose that)."""
        return self.draft not in (self._generated, "")

    @property
    def entry(self) -> Widget | None:
        """Where the cursor goes on coming to this part by a key: the notes, if any (never a
        text field, where the next part key would be typed)."""
        notes = self.query_one(NotesList)
        return notes if notes.option_count else None

    # ----- changing -----------------------------------------------------------------------------

    def follow_template(self) -> None:
        """The template may write something else now (my name was set): an untouched draft
        follows it; an edited one is left as the person wrote it."""
        draft = self.query_one("#draft", TextArea)
        untouched = draft.text in (self._generated, "")
        self._generated = self._draft_for(self._learned)
        if untouched and draft.text != self._generated:
            if self._thank_you:  # kept in the reflection: keep the new one there too
                self._edited({"thank_you": self._generated}, now=True)
            draft.load_text(self._generated)

    def redraft(self) -> None:
        """Write the draft again from the template (the screen asks first if it was edited)."""
        self._generated = self._draft_for(self._learned)
        self._edited({"thank_you": self._generated}, now=True)
        self.query_one("#draft", TextArea).load_text(self._generated)

    def _edited(self, changes: dict[str, str], *, now: bool = False) -> None:
        self._learned = changes.get("learned", self._learned)
        self._thank_you = changes.get("thank_you", self._thank_you)
        self.post_message(self.ThanksEdited(changes, now))

    @on(OptionList.OptionSelected, "#notes")
    def _note_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#learned", Input).value = str(event.option.prompt)

    @on(Input.Changed, "#learned")
    def _learned_typed(self, event: Input.Changed) -> None:
        event.stop()
        learned = event.value
        if learned == self._learned:
            return
        draft = self.query_one("#draft", TextArea)
        untouched = draft.text in (self._generated, "")
        self._generated = self._draft_for(learned)
        if untouched:  # the person has not edited it: keep it in step with the pick
            self._edited({"learned": learned, "thank_you": self._generated})
            draft.load_text(self._generated)
        else:
            self._edited({"learned": learned})

    @on(TextArea.Changed, "#draft")
    def _draft_typed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text != (self._thank_you or self._generated):
            self._edited({"thank_you": text})
