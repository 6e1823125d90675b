"""The research card of one employer: why it is on my list, what I found out, who I know there.

Fields save half a second after typing stops and again on leaving; there is no save prompt.
An empty or duplicate name is refused next to the field and the stored name is kept until a
good one is typed; every other field is saved as typed. Competitors are typed as names
separated by commas, with completion from my employer list: names on the list become links,
the others are kept as typed and an inline line offers to add them to the list.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ...domain import employers as rules
from ...domain.records import Contact, Flexibility, Organization
from ...domain.validation import clean_text
from ...paths import stylesheet
from ...services import employers as employers_service
from ...widgets.field_error import FieldError
from ...widgets.one_line_input import OneLineInput
from .. import router
from ..autosave import AutoSaveScreen

# (field, label, kind): "line" is a one-line input, "box" a few lines of text.
CARD_FIELDS = (
    ("name", "Name *", "line"),
    ("why", "Why on my list", "box"),
    ("website", "Website", "line"),
    ("strengths", "Strengths", "box"),
    ("culture", "Culture", "box"),
    ("achievements", "Recent wins", "box"),
    ("news", "News", "box"),
    ("position", "Place in field", "box"),
)
FLEX_FIELDS = (
    ("hours", "Hours"),
    ("part_time", "Part-time"),
    ("remote", "Remote"),
    ("accommodation", "Accommodation"),
)
PLACEHOLDERS = {
    "website": "https://…",
    "hours": "flexible start? compressed weeks?",
    "part_time": "is part-time possible, in which roles?",
    "remote": "hybrid, remote days, fully on site?",
    "accommodation": "what is known about adjustments at work",
}


class CompetitorSuggester(Suggester):
    """Completes the name after the last comma from the employers on my list."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        head, _sep, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        listed = {part.strip().casefold() for part in head.split(",")}
        wanted = typed.casefold()
        for name in self.names:
            folded = name.casefold()
            if folded.startswith(wanted) and folded != wanted and folded not in listed:
                return value[: len(value) - len(typed)] + name
        return None


class CardContacts(OptionList):
    """The employer's contacts; `c` adds one, enter edits the highlighted one."""

    BINDINGS = [
        Binding("c", "screen.add_contact", "Add contact", id="card.contacts.add",
                tooltip="Add a contact who works here"),
    ]  # fmt: skip


class EmployerCardScreen(AutoSaveScreen):
    CSS_PATH = stylesheet("employers.tcss")
    BINDINGS = [
        Binding("ctrl+n", "add_contact", "New contact", id="card.add_contact",
                tooltip="Add a contact who works at this employer"),
        Binding("ctrl+t", "add_competitors", "Add to list", id="card.add_competitors",
                tooltip="Add the competitors not on my list as employers (not ranked)"),
        Binding("ctrl+o", "introductions", "Who I know", id="card.intros",
                tooltip="Warm introductions: who you know here, and who could introduce you"),
        Binding("escape", "back", "Back", id="card.back",
                tooltip="Back to the employer list (everything is saved)"),
    ]  # fmt: skip

    def __init__(self, org_id: int, new: bool = False) -> None:
        super().__init__()
        self.org_id = org_id
        self.new = new  # just added: its name is typed, why it is on the list comes next
        self._loaded = False
        self._values: dict[str, Any] = {}  # what the card holds, kept on every change
        self._stored_name = ""
        self._contact_ids: list[int] = []

    # ----- building the card -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="card-fields", can_focus=False):
            for name, label, kind in CARD_FIELDS:
                control: Widget
                if kind == "line":
                    control = OneLineInput(
                        id=f"card-{name}", compact=True, placeholder=PLACEHOLDERS.get(name, "")
                    )
                else:
                    control = TextArea(id=f"card-{name}", soft_wrap=True, compact=True)
                yield self._field(label, control)
            yield self._field(
                "Competitors",
                OneLineInput(
                    id="card-competitors",
                    compact=True,
                    placeholder="names, separated by commas; → completes from my list",
                ),
                Static("", id="card-competitors-note"),
                Static("", id="card-named-by"),
            )
            yield Static("Flexibility", classes="card-section")
            for name, label in FLEX_FIELDS:
                yield self._field(
                    label,
                    OneLineInput(id=f"card-{name}", compact=True, placeholder=PLACEHOLDERS[name]),
                )
            yield Static("Contacts here", classes="card-section")
            yield CardContacts(id="card-contacts", compact=True)
        yield Footer(compact=True)

    @staticmethod
    def _field(label: str, control: Widget, *below: Widget) -> Horizontal:
        name = (control.id or "").removeprefix("card-")
        return Horizontal(
            Label(label, classes="card-label"),
            Vertical(control, FieldError(id=f"card-{name}-error"), *below, classes="card-body"),
            classes="card-field",
        )

    def on_mount(self) -> None:
        self.query_one("#card-why" if self.new else "#card-name").focus()
        self.load()

    def reload_from_store(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if self._loaded:
            self.show_contacts()

    def load(self) -> None:
        org = self.store.organizations.get(self.org_id)
        if org is None:
            self.notify("That employer no longer exists.", severity="error")
            self.app.pop_screen()
            return
        orgs = self.store.organizations.all()
        self._stored_name = org.name
        values: dict[str, Any] = {name: getattr(org, name) for name, _label, _kind in CARD_FIELDS}
        values |= {name: getattr(org.flexibility, name) for name, _label in FLEX_FIELDS}
        values["competitors"] = rules.competitors_text(org, orgs)
        for name, value in values.items():
            widget = self.query_one(f"#card-{name}")
            if isinstance(widget, TextArea):
                widget.load_text(value)
            elif isinstance(widget, Input):
                widget.value = value
        self._values = values
        others = sorted((o.name for o in orgs if o.id != self.org_id), key=str.casefold)
        self.query_one("#card-competitors", Input).suggester = CompetitorSuggester(others)
        self.sub_title = org.name
        self._loaded = True
        self.show_competitor_note()
        self.show_contacts()

    # ----- contacts ----------------------------------------------------------------------------

    def show_contacts(self) -> None:
        contacts = sorted(
            (c for c in self.store.contacts.all() if c.organization_id == self.org_id),
            key=lambda c: (c.name.casefold(), c.id or 0),
        )
        self._contact_ids = [c.id for c in contacts if c.id is not None]
        options = self.query_one(CardContacts)
        highlighted = options.highlighted
        if contacts:
            options.set_options(
                Option(
                    Content.assemble(
                        Content(c.name), (f"  {c.job_title}" if c.job_title else "", "dim")
                    )
                )
                for c in contacts
            )
            options.highlighted = min(highlighted or 0, len(contacts) - 1)
        else:
            options.set_options([Option("Nobody here yet: ctrl+n adds a contact.", disabled=True)])

    @on(OptionList.OptionSelected, "#card-contacts")
    def _contact_selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self._contact_ids):
            contact = self.store.contacts.get(self._contact_ids[event.option_index])
            if contact is not None:
                self.save()
                router.edit_contact(self.app, contact, self._contact_saved)

    def action_add_contact(self) -> None:
        self.save()  # the form shows the employer's name as stored
        router.edit_contact(self.app, Contact(organization_id=self.org_id), self._contact_saved)

    def _contact_saved(self, contact: Contact | None) -> None:
        if contact is None:
            return
        self.show_contacts()
        if contact.organization_id == self.org_id and contact.id in self._contact_ids:
            self.query_one(CardContacts).highlighted = self._contact_ids.index(contact.id)

    # ----- competitors -------------------------------------------------------------------------

    def _competitors(self) -> rules.Competitors:
        return rules.parse_competitors(
            self._values.get("competitors", ""), self.store.organizations.all(), self.org_id
        )

    def show_competitor_note(self) -> None:
        unknown = self._competitors().unknown
        note = self.query_one("#card-competitors-note", Static)
        if unknown:
            names = ", ".join(unknown)
            note.update(Content(f"Not on my list: {names}. ctrl+t adds them (not ranked)."))
        note.display = bool(unknown)
        named = rules.named_by(self.store.organizations.all(), self.org_id)
        named_by = self.query_one("#card-named-by", Static)
        named_by.update(Content("Named as a competitor by " + ", ".join(o.name for o in named)))
        named_by.display = bool(named)
        self.refresh_bindings()

    def action_add_competitors(self) -> None:
        unknown = self._competitors().unknown
        if not unknown:
            return
        store = self.store
        outcome = employers_service.add_competitors(store, unknown)  # too long: stays a name
        self.save()  # links the new employers: their names now match the list
        others = sorted(
            (o.name for o in store.organizations.all() if o.id != self.org_id), key=str.casefold
        )
        self.query_one("#card-competitors", Input).suggester = CompetitorSuggester(others)
        self.show_competitor_note()
        if outcome.value:
            self.notify(outcome.message, markup=False, timeout=5)

    # ----- saving ------------------------------------------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("card-")
        if self._loaded and name in self._values:
            self._values[name] = event.value
            if name == "name":
                problem = rules.check_name(event.value, self.store.organizations.all(), self.org_id)
                self.query_one("#card-name-error", FieldError).show(problem)
                # The title shows the name the card will keep: the typed one once it can be used.
                self.sub_title = self._stored_name if problem else clean_text(event.value)
            if name == "competitors":
                self.show_competitor_note()
            self._changed()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        name = (event.text_area.id or "").removeprefix("card-")
        if self._loaded and name in self._values:
            self._values[name] = event.text_area.text
            self._changed()

    def _changed(self) -> None:
        self.save_soon()

    def edited(self, stored: Organization, orgs: list[Organization]) -> Organization:
        """`stored` with the card's fields as typed; a bad name keeps the stored one."""
        values = self._values
        name = values["name"]
        good_name = not rules.check_name(name, orgs, self.org_id)
        competitors = rules.parse_competitors(values["competitors"], orgs, self.org_id)
        texts: dict[str, Any] = {
            field: clean_text(values[field]) for field, _label, _kind in CARD_FIELDS[1:]
        }
        flexibility = Flexibility(
            **{field: clean_text(values[field]) for field, _label in FLEX_FIELDS}
        )
        return replace(
            stored,
            name=clean_text(name) if good_name else stored.name,
            **texts,
            competitor_ids=competitors.ids,
            other_competitors=competitors.unknown,
            flexibility=flexibility,
        )

    def write(self, store) -> None:
        """Hand the card to the store if it changed (memory now, disk shortly).

        Starts from the stored record, so rank and practice set elsewhere are kept.
        """
        if not self._loaded:
            return
        stored = store.organizations.get(self.org_id)
        if stored is None:
            return  # deleted meanwhile
        updated = self.edited(stored, store.organizations.all())
        if updated != stored:
            employers_service.save_employer(store, updated)
        self._stored_name = updated.name

    # ----- keys --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_competitors" and self._loaded and self.is_mounted:
            return bool(self._competitors().unknown)
        return True

    def action_introductions(self) -> None:
        from .. import router

        self.save()
        router.open_introductions(self.app, organization_id=self.org_id)

    def action_back(self) -> None:
        self.save()
        if self._loaded and rules.check_name(
            self._values["name"], self.store.organizations.all(), self.org_id
        ):
            self.notify(
                f"The name stays “{self._stored_name}”: the one typed could not be used.",
                markup=False,
                timeout=5,
            )
        self.app.pop_screen()
