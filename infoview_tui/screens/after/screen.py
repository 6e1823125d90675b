"""After a meeting: the thank-you, the reflection, the leads and staying in touch, on one screen.

Opened for any finished meeting, also an old one or an on-the-spot one with no preparation and
no occupation. Everything typed is kept in `self.interview` and reaches the store within half a
second (and when the screen closes, and when the app quits); the reflection is created on the
first edit, never just by looking. Contacts, employers and follow-ups made here are saved at
once, each by the key that makes them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, OptionList, TabbedContent, Tabs, TextArea

from ...domain import after
from ...domain.records import Contact, Interview, InterviewStatus, Occupation, Reflection
from ...domain.timefmt import full_date
from ...paths import stylesheet
from ..autosave import AutoSaveScreen
from .leads import AfterLeads
from .reflection import AfterReflection
from .thanks import THANKS_ACTIONS, AfterThanks, NotesList
from .touch import AfterTouch

TABS = ("tab-thanks", "tab-reflect", "tab-leads", "tab-touch")
TYPING = (Input, TextArea)


class AfterScreen(AutoSaveScreen, AfterThanks, AfterReflection, AfterLeads, AfterTouch):
    """One screen, four parts; each part's widgets, keys and handlers live in its own module
    (after_thanks, after_reflection, after_leads, after_touch)."""

    CSS_PATH = stylesheet("after.tcss")
    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", id="after.copy",
                tooltip="Copy the thank-you draft to the clipboard"),
        Binding("ctrl+s", "export", "Save .txt", id="after.export",
                tooltip="Save the draft as a text file beside the data file"),
        Binding("ctrl+t", "sent", "Sent", id="after.sent",
                tooltip="The thank-you is sent: close its follow-up, log the contact"),
        Binding("ctrl+r", "redraft", "Redraft", show=False, id="after.redraft",
                tooltip="Write the draft again from the notes (asks if you edited it)"),
        Binding("ctrl+n", "section(1)", "Next", id="after.next",
                tooltip="Next part: thank-you, reflection, leads, stay in touch"),
        Binding("ctrl+b", "section(-1)", "Previous part", show=False, id="after.previous",
                tooltip="Previous part"),
        Binding("i", "log_interaction", "Talked", id="after.log",
                tooltip="Log an interaction with them: the next check-in counts from now"),
        Binding("escape", "leave", "Back", id="after.back",
                tooltip="Leave the field; from outside a field, back (all is saved)"),
        *(
            Binding(str(n), f"show_tab({n - 1})", f"Part {n}", show=False, id=f"after.part{n}")
            for n in range(1, 5)
        ),
    ]  # fmt: skip

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self.contact: Contact | None = None
        self.occupation: Occupation | None = None
        self._generated = ""  # the draft as the template wrote it last
        self._gone = False  # the meeting is not in the data (any more)

    # ----- building --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="after-tabs"):
            yield from self.compose_thanks()
            yield from self.compose_reflection()
            yield from self.compose_leads()
            yield from self.compose_touch()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if not self._load():
            return
        if self.interview is not None and self.interview.status is not InterviewStatus.DONE:
            self.notify("This meeting is not marked done yet.", severity="warning")
        notes = self.query_one("#notes", NotesList)
        if notes.option_count:
            notes.highlighted = 0
            notes.focus()
        else:
            self.query_one("#learned").focus()

    def reload_from_store(self) -> None:
        """The data was replaced (another program's version was loaded): show it, and keep
        nothing of what this screen held before."""
        self._load()

    def _load(self) -> bool:
        """Fill every part from the stored meeting; False (and back) if it is gone."""
        interview = self.store.interviews.get(self.interview_id)
        if interview is None:
            self._gone = True  # what this screen holds must not bring it back
            self.notify("That meeting no longer exists.", severity="error")
            self.app.pop_screen()
            return False
        self.interview = interview
        self.contact = self.store.contacts.get(interview.contact_id)
        self.occupation = self.store.occupations.get(interview.occupation_id)
        day = after.meeting_day(interview)
        name = self.contact.name if self.contact else "someone"
        self.sub_title = f"After the meeting with {name}" + (f" · {full_date(day)}" if day else "")
        self._fill_thanks()
        self._fill_reflection()
        self.refresh_leads()
        self._fill_touch()
        return True

    # ----- saving ------------------------------------------------------------------------------

    def _reflection(self) -> Reflection:
        assert self.interview is not None
        return self.interview.reflection or Reflection()

    def _edit(self, *, now: bool = False, **changes: Any) -> None:
        """Change the reflection (made on the first edit) and save soon, or `now`."""
        assert self.interview is not None
        base = self.interview.reflection
        if base is None:
            base = Reflection(demands=self._prefilled_demands())
        reflection = replace(base, **changes)
        if reflection == self.interview.reflection:
            return
        self.interview = replace(self.interview, reflection=reflection)
        if now:
            self.save()
        else:
            self.save_soon()

    def write(self, store) -> None:
        if self.interview is not None and not self._gone:
            self.interview = store.interviews.save(self.interview)

    # ----- keys and parts ----------------------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, TYPING)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in THANKS_ACTIONS:
            tabs = self.query(TabbedContent)
            return not tabs or tabs.first().active == "tab-thanks"
        if action in ("log_interaction", "show_tab"):
            return not self._typing()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_show_tab(self, index: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = TABS[index % len(TABS)]
        first = {
            "tab-thanks": "#notes",
            "tab-reflect": "#fit-interests",
            "tab-leads": "#leads",
            "tab-touch": "#cadence",
        }[tabs.active]
        self.query_one(first).focus()

    def action_section(self, step: int) -> None:
        self.action_show_tab(TABS.index(self.query_one(TabbedContent).active) + step)

    def action_leave(self) -> None:
        if self._typing():
            self.query_one(TabbedContent).query_one(Tabs).focus()
            return
        self.save()
        self.app.pop_screen()

    def _highlighted(self, selector: str, count: int) -> int | None:
        """The highlighted row of a list, or None when nothing real is highlighted."""
        index = self.query_one(selector, OptionList).highlighted
        return index if index is not None and 0 <= index < count else None
