"""The stay-in-touch part of the after-meeting screen: how often to check in with the
person, and logging that we talked."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TabPane

from ...domain import rhythm
from ...domain.records import CaptureKind
from ...domain.timefmt import full_date
from ...services import followups
from ...widgets.field_error import FieldError
from ...widgets.one_line_input import OneLineInput


class AfterTouch(Screen[None]):
    """Part 4 of `AfterScreen`: staying in touch.

    A `Screen` subclass only so Textual collects its `@on` handlers; `AfterScreen` inherits
    it and provides the shared state (`interview`, `contact`, `occupation`, `store`) and
    helpers (`_now`, `_reflection`, `_edit`, `_highlighted`, `save`).
    """

    def compose_touch(self) -> ComposeResult:
        with TabPane("4 Stay in touch", id="tab-touch"):
            yield Static("", id="touch-info")
            with RadioSet(id="cadence"):
                for choice in rhythm.CHOICES:
                    yield RadioButton(choice.label)
                yield RadioButton("Custom")
            with Horizontal(classes="fit-row"):
                yield Label("Custom: every", classes="fit-label wide")
                yield OneLineInput(placeholder="45", id="custom-days", compact=True)
                yield Label(" days")
            yield FieldError(id="custom-error")
            yield Static("", id="touch-next")

    def _fill_touch(self) -> None:
        cadence = self.contact.cadence_days if self.contact else None
        buttons = list(self.query_one("#cadence", RadioSet).query(RadioButton))
        choices = [c.days for c in rhythm.CHOICES]
        index = choices.index(cadence) if cadence in choices else len(choices)
        buttons[index].value = True
        if cadence is not None and cadence not in choices:
            self.query_one("#custom-days", Input).value = str(cadence)
        if self.contact is None:
            self.query_one("#cadence").disabled = True
            self.query_one("#custom-days").disabled = True
        self.refresh_touch()

    def refresh_touch(self) -> None:
        if self.contact is None:
            self.query_one("#touch-info", Static).update("This meeting has no contact.")
            self.query_one("#touch-next", Static).update("")
            return
        last = self.contact.last_contact
        seen = full_date(last) if last else "not logged yet"
        self.query_one("#touch-info", Static).update(
            Content(
                f"{self.contact.name}: last contact {seen}; "
                f"rhythm {rhythm.describe(self.contact.cadence_days)}.{self._offers()}"
            )
        )
        item = rhythm.open_touch_item(self.contact, self.store.followups.all())
        if item is not None and item.due is not None:
            next_text = f"Next check-in due {full_date(item.due)}."
        else:
            next_text = "No check-in planned."
        self.query_one("#touch-next", Static).update(
            f"{next_text}\ni logs an interaction (we talked): the next one counts from now."
        )

    def _offers(self) -> str:
        """Things I offered to share back: a reason to get in touch again."""
        assert self.interview is not None
        offers = [c.text for c in self.interview.captures if c.kind is CaptureKind.OFFER]
        return f"\nTo share back: {'; '.join(offers)}" if offers else ""

    def _set_cadence(self, days: int | None) -> None:
        if self.contact is None or self.contact.id is None or days == self.contact.cadence_days:
            return
        outcome = followups.set_rhythm(self.store, self.contact.id, days, self.now())
        self.contact = outcome.value or self.contact
        self.refresh_touch()

    @on(RadioSet.Changed, "#cadence")
    def _cadence_chosen(self, event: RadioSet.Changed) -> None:
        if event.index < len(rhythm.CHOICES):
            self.query_one("#custom-error", FieldError).show("")
            self._set_cadence(rhythm.CHOICES[event.index].days)
        else:
            self._custom_days(self.query_one("#custom-days", Input).value)

    @on(Input.Changed, "#custom-days")
    def _custom_typed(self, event: Input.Changed) -> None:
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
        self._set_cadence(days)

    def _log(self, when: datetime) -> str:
        """We were in touch at `when`: the rhythm counts from it; says what comes next."""
        if self.contact is None or self.contact.id is None:
            return ""
        outcome = followups.log_contact(self.store, self.contact.id, when)
        self.contact = outcome.value or self.contact
        self.refresh_touch()
        return outcome.message

    def action_log_interaction(self) -> None:
        if self.contact is None:
            self.notify("This meeting has no contact to log.", severity="warning")
            return
        self.notify(Content(self._log(self.now())))
