"""One-key capture during a meeting: a small dialog that returns a Capture (or None)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label

from ..domain.records import Capture, CaptureKind
from ..domain.validation import MAX_NAME, clean_text
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput
from ..widgets.tick_box import TickBox


@dataclass(frozen=True)
class CaptureForm:
    title: str
    prompt: str
    placeholder: str
    asks_organization: bool = False


FORMS = {
    CaptureKind.REFERRAL: CaptureForm(
        "Referral", "Who should I talk to?", "their name", asks_organization=True
    ),
    CaptureKind.LEAD: CaptureForm("Lead", "Which organisation hires for this?", "organisation"),
    CaptureKind.JOB_TITLE: CaptureForm("Job title", "A title to search for", "e.g. UX researcher"),
    CaptureKind.OBSERVATION: CaptureForm(
        "Observation", "What do you notice about the workplace?", "people, space, pace, noise"
    ),
    CaptureKind.OFFER: CaptureForm(
        "Offer", "Something useful I can share back", "an article, a contact, an idea"
    ),
}


class SpaceCheckbox(TickBox, inherit_bindings=False):
    """Space toggles; enter is left to the dialog, so enter always means "keep"."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class CaptureScreen(ModalScreen[Capture | None]):
    """Enter saves, escape cancels; focus goes back to the notes either way."""

    CSS_PATH = stylesheet("capture.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="capture.cancel", tooltip="Close, keep nothing"),
        Binding("ctrl+s,enter", "save", "Keep", id="capture.save", tooltip="Keep this capture"),
    ]

    def __init__(self, kind: CaptureKind, elapsed: float, interviewee: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.elapsed = elapsed
        self.interviewee = interviewee or "them"
        self.form = FORMS[kind]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.form.prompt)
            limit = MAX_NAME if self.kind is CaptureKind.REFERRAL else 0
            yield OneLineInput(
                placeholder=self.form.placeholder, id="capture-text", max_length=limit
            )
            yield FieldError(id="capture-error")
            if self.form.asks_organization:
                yield Label("Where do they work?")
                yield OneLineInput(
                    placeholder="organisation (optional)", id="capture-org", max_length=MAX_NAME
                )
                yield SpaceCheckbox(f"I may say {self.interviewee} sent me", id="capture-may-use")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = f"Capture: {self.form.title}"
        self.query_one(".dialog").border_subtitle = "enter keeps · escape cancels"
        self.query_one("#capture-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "capture-text" and self.form.asks_organization:
            self.query_one("#capture-org", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        text = clean_text(self.query_one("#capture-text", Input).value)
        error = self.query_one("#capture-error", FieldError)
        if not text:
            error.show("Type something to keep, or escape to cancel.")
            self.query_one("#capture-text", Input).focus()
            return
        if self.kind is CaptureKind.REFERRAL and len(text) > MAX_NAME:
            error.show(f"A name of at most {MAX_NAME} characters, please.")
            return
        capture = Capture(kind=self.kind, text=text, elapsed=self.elapsed)
        if self.form.asks_organization:
            capture.organization = clean_text(self.query_one("#capture-org", Input).value)
            capture.may_use_name = self.query_one("#capture-may-use", Checkbox).value
        self.dismiss(capture)

    def action_cancel(self) -> None:
        self.dismiss(None)
