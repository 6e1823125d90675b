"""The plan's Schedule section: when (typed as people type dates), where, and for how long.

The date is read by `date_fields.meeting_time` (day/month order from the profile) and shown
back in full, with what was assumed, as you type; it is kept on enter, on leaving the field or
on leaving the screen, and only when it can be kept (a time is given, and it is still ahead
unless the meeting has happened). A bad date or length gets a message under its field and
changes nothing that was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label

from ...domain.date_fields import NEXT_RULE, Reading, meeting_time, order_note
from ...domain.timefmt import full_datetime
from ...domain.validation import MAX_FIELD, clean_text
from ...widgets.date_field import DateField
from ...widgets.field_error import FieldError
from ...widgets.one_line_input import OneLineInput

MAX_MINUTES = 240


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
        self.kept: datetime | None = None  # the date the meeting holds
        # Held here, not queried: it is read while the app closes, when the DOM is gone.
        self.field = DateField(
            self.read,
            input_id="when",
            placeholder="tomorrow 2pm · Thu 14:00 · 3/12 10am · in 3 days 10:00",
            hint=self._hint(),
            id="when-field",
        )

    def compose(self) -> ComposeResult:
        yield Label("When", classes="plan-label")
        yield self.field
        yield Label("Place", classes="plan-label")
        yield OneLineInput(
            placeholder="their workplace, ideally", id="place", max_length=MAX_FIELD, compact=True
        )
        yield Label("Planned length (minutes)", classes="plan-label")
        yield OneLineInput(id="minutes", max_length=4, compact=True)
        yield FieldError(id="minutes-error")

    def read(self, text: str) -> Reading:
        return meeting_time(text, self._now(), day_first=self.day_first, allow_past=self.allow_past)

    def _hint(self) -> str:
        return f"No date yet. {order_note(self.day_first)} (change it under Me); {NEXT_RULE}."

    def show(self, when: datetime | None, place: str, minutes: int) -> None:
        self.kept = when
        self.field.set_hint(self._hint())
        self.field.show(full_datetime(when, self._now().tzinfo) if when is not None else "")
        self.query_one("#place", Input).value = place
        self.query_one("#minutes", Input).value = str(minutes)

    def order_note(self) -> str:
        return order_note(self.day_first)

    @on(DateField.Kept)
    def _when_kept(self, event: DateField.Kept) -> None:
        event.stop()
        value = event.reading.value
        assert value is None or isinstance(value, datetime)
        self.kept = value
        self.post_message(self.WhenChosen(value))

    def commit_when(self, *, force: bool = False) -> bool:
        """Keep the typed date if it reads; say why not otherwise. True when nothing is wrong."""
        return self.field.commit(force=force) if self.is_mounted else True

    def pending(self) -> tuple[bool, datetime | None]:
        """(True, the moment) when the field holds a good date not yet kept; for saving on the
        way out, when there is no time left for messages or for showing an error."""
        reading = self.field.pending()
        if reading is None:
            return False, None
        assert reading.value is None or isinstance(reading.value, datetime)
        return True, reading.value

    def unreadable(self) -> str | None:
        """Typed date text that cannot be kept (the meeting keeps its old date), or None."""
        return self.field.unreadable()

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
