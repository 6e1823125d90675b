"""Me: what I bring and what I need, kept beside the occupation I am exploring.

My name comes first: it signs the request email, the phone script and the thank-you note.
Interests, values, needs and skills are what a meeting is measured against afterwards. The
work-ability notes and the disclosure plan are private: they are marked so on screen and stay
out of every export and printout unless asked for. Everything saves as it is typed (half a
second after the last key) and again when the screen is left; there is no save prompt.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from ...domain.records import Profile
from ...domain.validation import clean_text
from ...paths import stylesheet
from ...services import profile as profile_service
from ...widgets.one_line_input import OneLineInput
from ...widgets.tick_box import Choice
from ..autosave import AutoSaveScreen

# (field, label, hint shown in the empty box)
OPEN_FIELDS = (
    ("interests", "Interests", "what I enjoy doing, topics that hold my attention"),
    ("values", "Values", "what matters to me in work: purpose, people, security…"),
    ("needs", "Needs", "what a job must give me: income, hours, quiet, flexibility…"),
    ("skills", "Skills", "what I can do well, including from life outside work"),
)
PRIVATE_FIELDS = (
    ("work_ability", "Work-ability notes", "what I can manage now: energy, limits, good days"),
    ("disclosure_plan", "Disclosure plan", "what, if anything, I choose to say, and when"),
)
TEXT_FIELDS = tuple(name for name, _label, _hint in OPEN_FIELDS + PRIVATE_FIELDS)
SAVED_FIELDS = ("name", *TEXT_FIELDS)
PRIVATE_TITLE = "Private · never exported or printed unless you ask"


class MeScreen(AutoSaveScreen):
    CSS_PATH = stylesheet("me.tcss")
    BINDINGS = [
        Binding("escape", "back", "Back", id="me.back",
                tooltip="Save and go back (everything is saved as you type)"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._loaded = False
        # What the form holds, kept on every change: saving never has to read widgets, which
        # may already be gone when the app quits.
        self._values: dict[str, str | bool] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="me-form", can_focus=False):
            yield Static(
                "About me, to compare with what I learn in meetings. Saved as you type.",
                id="me-intro",
            )
            yield Label("My name", classes="me-label")
            yield OneLineInput(
                id="name",
                compact=True,
                placeholder="signs the request email, the phone script and the thank-you",
            )
            for name, label, hint in OPEN_FIELDS:
                yield Label(label, classes="me-label")
                yield self._area(name, hint)
            with Vertical(id="me-private"):
                for name, label, hint in PRIVATE_FIELDS:
                    yield Label(label, classes="me-label")
                    yield self._area(name, hint)
            with Vertical(id="me-dates"):
                yield Label("How I write dates", classes="me-label")
                with RadioSet(id="day_first", compact=True):
                    yield Choice("3/12 means 3 December (day first)", id="day-first")
                    yield Choice("3/12 means March 12 (month first)", id="month-first")
        yield Footer()

    @staticmethod
    def _area(name: str, hint: str) -> TextArea:
        return TextArea(id=name, soft_wrap=True, compact=True, placeholder=hint, classes="me-text")

    def on_mount(self) -> None:
        self.query_one("#me-private").border_title = PRIVATE_TITLE
        self.query_one("#me-dates").border_title = "Settings"
        self.query_one("#name").focus()
        self.load()
        # Focusing a box scrolls it into view; the screen still opens at its first line.
        self.call_after_refresh(
            self.query_one("#me-form", VerticalScroll).scroll_home, animate=False
        )

    def reload_from_store(self) -> None:
        self.load()

    # ----- the form --------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from the stored profile. Until then nothing is saved."""
        profile = self.store.profile()
        self.query_one("#name", Input).value = profile.name
        for name in TEXT_FIELDS:
            self.query_one(f"#{name}", TextArea).load_text(getattr(profile, name))
        button = "#day-first" if profile.day_first else "#month-first"
        self.query_one(button, RadioButton).value = True
        self._values = {name: getattr(profile, name) for name in (*SAVED_FIELDS, "day_first")}
        self._loaded = True

    def read(self, profile: Profile) -> Profile:
        """`profile` with what the form holds now (text cleaned of control characters)."""
        texts: dict[str, Any] = {name: clean_text(str(self._values[name])) for name in SAVED_FIELDS}
        return replace(profile, **texts, day_first=bool(self._values["day_first"]))

    # ----- saving ----------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id in TEXT_FIELDS:
            self._values[event.text_area.id] = event.text_area.text
            self._changed()

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        self._values["name"] = event.value
        self._changed()

    @on(Input.Submitted, "#name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(RadioSet.Changed)
    def _order_changed(self, event: RadioSet.Changed) -> None:
        self._values["day_first"] = event.pressed.id != "month-first"
        self._changed()

    def _changed(self) -> None:
        if self._loaded:
            self.save_soon()

    def write(self, store) -> None:
        """Hand the profile to the store if anything differs (memory now, disk shortly)."""
        if not self._loaded:
            return
        stored = store.profile()  # fresh: other fields (introduction, pace) are kept as they are
        updated = self.read(stored)
        if updated != stored:
            profile_service.save_profile(store, updated)

    def action_back(self) -> None:
        self.save()
        self.app.pop_screen()
