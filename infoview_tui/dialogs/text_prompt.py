"""Ask for one line of text: dismisses with the cleaned text, or None on escape. A paste of
several lines is joined into one; one longer than the limit is cut, and the field says so."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from ..domain.validation import clean_text
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput


class TextPrompt(ModalScreen[str | None]):
    CSS_PATH = stylesheet("capture.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str = "",
        max_length: int = 500,
        *,
        allow_empty: bool = False,  # enter on an empty line keeps "" (clears what was there)
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.max_length = max_length
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt)
            yield OneLineInput(self.value, id="prompt-input", max_length=self.max_length)
            yield FieldError(id="prompt-error")
        yield Footer()

    def on_mount(self) -> None:
        dialog = self.query_one(".dialog")
        dialog.border_title = self.title_text
        dialog.border_subtitle = "enter keeps · escape cancels"
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean_text(event.value)
        if not text and not self.allow_empty:
            self.query_one("#prompt-error", FieldError).show("Type something, or escape to cancel.")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
