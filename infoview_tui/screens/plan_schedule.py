"""The plan's Schedule section: when (typed as people type dates), where, and for how long.

The date is read with `dates.parse_when` (day/month order from the profile) and shown back in
full as you type; it is kept only on enter, on leaving the field or on leaving the screen, and
only when it reads and is not in the past. A bad date or length gets a message under its field
and changes nothing that was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Static

from ..domain.dates import DateError, parse_when
from ..domain.timefmt import full_datetime
from ..domain.validation import MAX_FIELD, clean_text
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput

MAX_MINUTES = 240


def read_when(text: str, now: datetime, *, day_first: bool, allow_past: bool) -> datetime | None:
    """The moment typed, or None for an empty field; raises DateError with a message."""
    if not text.strip():
        return None
    when = parse_when(text, now, day_first=day_first)
    past = when.at <= now if when.has_time else when.at.date() < now.date()
    if past and not allow_past:
        raise DateError(
            f"{full_datetime(when.at)} is in the past. A new meeting needs a later date."
        )
    return when.at


def read_minutes(text: str) -> int:
    try:
        minutes = int(text.strip())
    except ValueError:
        raise ValueError("Type the planned length in minutes, like 15.") from None
    if not 1 <= minutes <= MAX_MINUTES:
        raise ValueError(f"Between 1 and {MAX_MINUTES} minutes; 15 is the usual ask.")
    return minutes


class SchedulePane(VerticalScroll):
    @dataclass
    class WhenChosen(Message):
        when: datetime | None

    @dataclass
    class PlaceChanged(Message):
        place: str

    @dataclass
    class MinutesChanged(Message):
        minutes: int

    def __init__(self, now: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._now = now
        self.day_first = True
        self.allow_past = False
        self._kept_text = ""  # the date text last kept (or loaded): unchanged text is not re-read
        self._typed = ""  # the date field's text, kept here: readable while the app closes

    def compose(self) -> ComposeResult:
        yield Label("When", classes="plan-label")
        yield OneLineInput(
            placeholder="tomorrow 2pm · Thu 14:00 · 3/12 10am · in 3 days",
            id="when",
            max_length=80,
            compact=True,
        )
        yield Static("", id="when-preview")
        yield FieldError(id="when-error")
        yield Label("Place", classes="plan-label")
        yield OneLineInput(
            placeholder="their workplace, ideally", id="place", max_length=MAX_FIELD, compact=True
        )
        yield Label("Planned length (minutes)", classes="plan-label")
        yield OneLineInput(id="minutes", max_length=4, compact=True)
        yield FieldError(id="minutes-error")

    def show(self, when: datetime | None, place: str, minutes: int) -> None:
        text = full_datetime(when) if when is not None else ""
        self._kept_text = self._typed = text
        self.query_one("#when", Input).value = text
        self.query_one("#place", Input).value = place
        self.query_one("#minutes", Input).value = str(minutes)
        self._preview(text)

    def order_note(self) -> str:
        return "3/12 is 3 December" if self.day_first else "3/12 is March 12"

    def _preview(self, text: str) -> None:
        preview = self.query_one("#when-preview", Static)
        if not text.strip():
            preview.update(Content(f"No date yet. ({self.order_note()}; change it under Me.)"))
            return
        try:
            when = read_when(text, self._now(), day_first=self.day_first, allow_past=True)
        except DateError:
            preview.update(Content("…"))
            return
        kept = "kept" if text == self._kept_text else "enter keeps it"
        preview.update(
            Content.assemble(("→ ", "bold"), (full_datetime(when), "bold"), f"  ({kept})")
        )

    @on(Input.Changed, "#when")
    def _when_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed = event.value
        self.query_one("#when-error", FieldError).show("")
        self._preview(event.value)

    @on(Input.Submitted, "#when")
    def _when_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_when(force=True)

    @on(Input.Blurred, "#when")
    def _when_left(self, event: Input.Blurred) -> None:
        event.stop()
        self.commit_when()

    def commit_when(self, *, force: bool = False) -> bool:
        """Keep the typed date if it reads; say why not otherwise. True when nothing is wrong."""
        if not self.is_mounted:
            return True
        text = self.query_one("#when", Input).value
        if text == self._kept_text and not force:
            return True
        error = self.query_one("#when-error", FieldError)
        try:
            when = read_when(
                text, self._now(), day_first=self.day_first, allow_past=self.allow_past
            )
        except DateError as err:
            error.show(str(err))
            return False
        error.show("")
        self._kept_text = text
        self._preview(text)
        self.post_message(self.WhenChosen(when))
        return True

    def pending(self) -> tuple[bool, datetime | None]:
        """(True, the moment) when the field holds a good date not yet kept; for saving on the
        way out, when there is no time left for messages or for showing an error."""
        if self._typed == self._kept_text:
            return False, None
        try:
            when = read_when(
                self._typed, self._now(), day_first=self.day_first, allow_past=self.allow_past
            )
        except DateError:
            return False, None
        self._kept_text = self._typed
        return True, when

    @on(Input.Changed, "#place")
    def _place_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.PlaceChanged(clean_text(event.value)))

    @on(Input.Changed, "#minutes")
    def _minutes_typed(self, event: Input.Changed) -> None:
        event.stop()
        error = self.query_one("#minutes-error", FieldError)
        try:
            minutes = read_minutes(event.value)
        except ValueError as err:
            error.show(str(err))
            return
        error.show("")
        self.post_message(self.MinutesChanged(minutes))
