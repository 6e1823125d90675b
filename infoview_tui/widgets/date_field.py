"""A date typed the way people type dates, shown back in full before it is kept.

Under the line sits what the field will keep ("→ Thu 3 Dec 2026, 14:00 (in 3 days)"), what the
reader assumed ("Read 2 as 14:00"), and anything refused ("… has already passed") as the
person types. Enter, or leaving the field, keeps a good date and posts `DateField.Kept`; an
unreadable one gets its message there and changes nothing. The preview and Enter use the same
`reader`, so the preview never promises what Enter then refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from ..domain.date_fields import DateRefused, Reading
from ..domain.when_reader import DateError
from .one_line_input import OneLineInput


class DateField(Vertical):
    DEFAULT_CSS = """
    DateField { height: auto; }
    DateField > .date-preview { height: auto; color: $text-muted; }
    DateField > .date-preview.-reading { color: $text; }
    DateField > .date-preview.-bad { color: $error; }
    """

    @dataclass
    class Kept(Message):
        """A typed date was kept: `reading.value` is the day or moment (None: emptied)."""

        field: DateField
        reading: Reading

        @property
        def control(self) -> DateField:
            return self.field

    def __init__(
        self,
        reader: Callable[[str], Reading],
        *,
        input_id: str,
        hint: str = "",
        placeholder: str = "",
        value: str = "",
        value_is_kept: bool = True,
        keep_on_leave: bool = True,
        max_length: int = 80,
        compact: bool = True,
        id: str | None = None,
    ) -> None:
        """`value_is_kept`: False when `value` is only a suggestion (a dialog's "today").
        `keep_on_leave`: False in a dialog, where only enter decides."""
        super().__init__(id=id)
        self.reader = reader
        self.hint = hint  # shown while the field is empty: the order of 3/12, the next rule
        self._input_id = input_id
        self._placeholder = placeholder
        self._max_length = max_length
        self._compact = compact
        self._kept_text = value if value_is_kept else None
        self._keep_on_leave = keep_on_leave
        self._typed = value  # kept here too: readable while the app closes

    def compose(self) -> ComposeResult:
        yield OneLineInput(
            self._typed,
            placeholder=self._placeholder,
            id=self._input_id,
            max_length=self._max_length,
            compact=self._compact,
        )
        yield Static("", id=f"{self._input_id}-preview", classes="date-preview")

    def on_mount(self) -> None:
        self._preview(self._typed)

    @property
    def input(self) -> Input:
        return self.query_one(f"#{self._input_id}", Input)

    @property
    def text(self) -> str:
        return self._typed

    def show(self, text: str) -> None:
        """Put `text` in the field as the date already kept."""
        self._kept_text = self._typed = text
        if self.is_mounted:
            self.input.value = text
            self._preview(text)

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        if self.is_mounted:
            self._preview(self._typed)

    def refresh_preview(self) -> None:
        """Read the text again (the clock or a setting changed)."""
        if self.is_mounted:
            self._preview(self._typed)

    # ----- showing what will be kept ---------------------------------------------------------

    def _line(self) -> Static:
        return self.query_one(f"#{self._input_id}-preview", Static)

    def _show(self, content: Content, state: str = "") -> None:
        line = self._line()
        line.update(content)
        line.set_class(state == "reading", "-reading")
        line.set_class(state == "bad", "-bad")

    def _preview(self, text: str) -> None:
        if not text.strip() and self.hint:
            self._show(Content(self.hint))
            return
        try:
            reading = self.reader(text)
        except DateRefused as err:
            self._show(Content.assemble(("✗ ", "bold"), str(err)), "bad")
            return
        except DateError:
            self._show(Content("… not a date yet; enter says why"))
            return
        self._show_reading(reading, kept=text == self._kept_text)

    def _show_reading(self, reading: Reading, *, kept: bool) -> None:
        parts: list[str | tuple[str, str]] = [
            ("→ ", "bold"),
            (reading.shown, "bold"),
            "  (kept)" if kept else "  (enter keeps it)",
        ]
        if reading.warning:
            parts += ["\n", ("! ", "bold $warning"), (reading.warning, "$warning")]
        for note in reading.notes:
            parts += ["\n", ("  " + note, "dim")]
        self._show(Content.assemble(*parts), "reading")

    def _show_error(self, message: str) -> None:
        self._show(Content.assemble(("✗ ", "bold"), message), "bad")

    # ----- keeping ---------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed = event.value
        self._preview(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit(force=True)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        event.stop()
        if self._keep_on_leave:
            self.commit()

    def commit(self, *, force: bool = False) -> bool:
        """Keep the typed date if it can be kept; say why not otherwise. True when all is well."""
        text = self._typed
        if text == self._kept_text and not force:
            return True
        try:
            reading = self.reader(text)
        except DateError as err:
            if self.is_mounted:
                self._show_error(str(err))
            return False
        self._kept_text = text
        if self.is_mounted:
            self._show_reading(reading, kept=True)
        self.post_message(self.Kept(self, reading))
        return True

    def pending(self) -> Reading | None:
        """A good date typed but not yet kept, now taken as kept; for saving on the way out,
        when there is no time left for messages."""
        if self._typed == self._kept_text:
            return None
        try:
            reading = self.reader(self._typed)
        except DateError:
            return None
        self._kept_text = self._typed
        return reading

    def unreadable(self) -> str | None:
        """The typed text when it differs from the kept date and cannot be kept, else None."""
        if self._typed == self._kept_text:
            return None
        try:
            self.reader(self._typed)
        except DateError:
            return self._typed
        return None
