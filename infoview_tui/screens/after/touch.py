"""Part 4 of the after-meeting screen, staying in touch: how often to check in with the
person (a choice, or a typed number of days) and when the next check-in is. Logging that we
talked is the screen's key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TabPane

from ...domain import rhythm
from ...domain.records import Contact
from ...domain.timefmt import full_date
from ...widgets.field_error import FieldError
from ...widgets.one_line_input import OneLineInput
from ...widgets.tick_box import Choice

UNSHOWN = -1  # no rhythm shown yet (None means "no rhythm")


class TouchPane(TabPane):
    """Staying in touch: shows the person's last contact, rhythm and next check-in; posts
    `RhythmChosen` when the person picks a rhythm or types a good number of days."""

    @dataclass
    class RhythmChosen(Message):
        days: int | None  # None: no rhythm, no more check-ins

    def __init__(self, *, id: str = "tab-touch") -> None:
        super().__init__("4 Stay in touch", id=id)
        self._days: int | None = UNSHOWN  # the rhythm the choices show
        self._has_contact = False

    def compose(self) -> ComposeResult:
        yield Static("", id="touch-info")
        with RadioSet(id="cadence"):
            for choice in rhythm.CHOICES:
                yield Choice(choice.label)
            yield Choice("Custom")
        with Horizontal(classes="fit-row"):
            yield Label("Custom: every", classes="fit-label wide")
            yield OneLineInput(placeholder="45", id="custom-days", compact=True)
            yield Label(" days")
        yield FieldError(id="custom-error")
        yield Static("", id="touch-next")

    def show(
        self,
        contact: Contact | None,
        offers: list[str],
        next_due: date | None,
        *,
        kept_name: str = "",
    ) -> None:
        """The meeting's contact (None: the meeting has none, nothing to choose; `kept_name`
        is theirs if they were deleted), the offers I made to share something back, and when
        the next check-in is due (None: none)."""
        self._has_contact = contact is not None
        if contact is None:
            self.query_one("#cadence").disabled = True
            self.query_one("#custom-days").disabled = True
            self.query_one("#touch-info", Static).update(
                Content(f"{kept_name} is no longer in your contacts: no rhythm to keep.")
                if kept_name
                else "This meeting has no contact."
            )
            self.query_one("#touch-next", Static).update("")
            return
        if contact.cadence_days != self._days:  # not while the person is choosing it here
            self._show_choice(contact.cadence_days)
        last = contact.last_contact
        seen = full_date(last) if last else "not logged yet"
        shared = f"\nTo share back: {'; '.join(offers)}" if offers else ""
        self.query_one("#touch-info", Static).update(
            Content(
                f"{contact.name}: last contact {seen}; "
                f"rhythm {rhythm.describe(contact.cadence_days)}.{shared}"
            )
        )
        next_text = (
            f"Next check-in due {full_date(next_due)}." if next_due else "No check-in planned."
        )
        self.query_one("#touch-next", Static).update(
            f"{next_text}\ni logs an interaction (we talked): the next one counts from now."
        )

    def _show_choice(self, days: int | None) -> None:
        self._days = days
        buttons = list(self.query_one("#cadence", RadioSet).query(RadioButton))
        choices = [c.days for c in rhythm.CHOICES]
        index = choices.index(days) if days in choices else len(choices)
        buttons[index].value = True
        if days is not None and days not in choices:
            self.query_one("#custom-days", Input).value = str(days)

    @property
    def entry(self) -> Widget | None:
        """Where the cursor goes on coming to this part: the rhythm choices; None when the
        meeting has no contact (they are off, and nothing here can take the cursor)."""
        return self.query_one("#cadence") if self._has_contact else None

    def _chosen(self, days: int | None) -> None:
        if self._has_contact and days != self._days:
            self._days = days
            self.post_message(self.RhythmChosen(days))

    @on(RadioSet.Changed, "#cadence")
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index < len(rhythm.CHOICES):
            self.query_one("#custom-error", FieldError).show("")
            self._chosen(rhythm.CHOICES[event.index].days)
        else:
            self._custom_days(self.query_one("#custom-days", Input).value)

    @on(Input.Changed, "#custom-days")
    def _custom_typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value.strip():
            buttons = list(self.query_one("#cadence", RadioSet).query(RadioButton))
            if not buttons[-1].value:
                buttons[-1].value = True  # typing a number chooses "custom"
                return  # the radio change applies it
            self._custom_days(event.value)

    def _custom_days(self, text: str) -> None:
        error = self.query_one("#custom-error", FieldError)
        try:
            days = rhythm.check_custom_days(text)
        except ValueError as err:
            error.show(str(err))
            return
        error.show("")
        self._chosen(days)
