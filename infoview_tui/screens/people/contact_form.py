"""Add or edit one contact; dismisses with the saved Contact, or None when cancelled.

Nothing is written until every field checks out: a new organisation is created only in the
same step as the contact that names it. Problems are shown under the field they concern and
the cursor goes to the first one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static, TextArea

from ...dialogs.choose_contact import NameSuggester
from ...dialogs.confirm import ConfirmScreen
from ...domain import rhythm
from ...domain.names import name_key
from ...domain.records import Contact, FoundThrough
from ...domain.validation import MAX_NAME, Problem, check_contact, clean_text
from ...paths import stylesheet
from ...services import people
from ...widgets.one_line_input import OneLineInput
from ...widgets.tick_box import TickBox
from ..base import InfoviewDialog

# Form fields in screen order; the first one with a problem gets the focus.
FIELD_ORDER = (
    "name",
    "job_title",
    "organisation",
    "email",
    "phone",
    "linkedin",
    "found_through",
    "introduced_by",
    "introducer_asks_first",
    "may_use_name",
    "cadence",
    "cadence_days",
    "notes",
)
TEXT_FIELDS = ("name", "job_title", "organisation", "email", "phone", "linkedin", "introduced_by")
CUSTOM = "custom"  # the rhythm choice whose days are typed in #cadence_days
NO_RHYTHM = "none"


def rhythm_options() -> list[tuple[str, str]]:
    """The stay-in-touch choices, as on the After screen, and a number of days of my own."""
    presets = [(c.label, NO_RHYTHM if c.days is None else str(c.days)) for c in rhythm.CHOICES]
    return [*presets, ("Every … days (type below)", CUSTOM)]


def rhythm_choice(cadence_days: int | None) -> tuple[str, str]:
    """(the choice, the typed days) that show a stored rhythm."""
    if cadence_days is None:
        return NO_RHYTHM, ""
    if any(c.days == cadence_days for c in rhythm.CHOICES):
        return str(cadence_days), ""
    return CUSTOM, str(cadence_days)


class ContactFormScreen(InfoviewDialog[Contact | None]):
    CSS_PATH = stylesheet("contact_form.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="contact_form.save",
                tooltip="Check the fields and save this contact"),
        Binding("escape", "cancel", "Cancel", id="contact_form.cancel",
                tooltip="Close without saving (asks first if anything was typed)"),
    ]  # fmt: skip

    def __init__(self, contact: Contact | None = None) -> None:
        super().__init__()
        self.original = contact or Contact()
        self._initial: dict[str, Any] = {}
        # Answers given while saving, so the next try does not ask again: which of several
        # people with the typed introducer's name (the name folded, their id), and a name
        # (folded) to keep even though another contact has it.
        self._chosen_introducer: tuple[str, int] | None = None
        self._same_name_ok = ""

    # ----- building the form ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.store
        contact = self.original
        org = store.organizations.get(contact.organization_id)
        introducer = store.contacts.get(contact.introduced_by_id)
        org_names = sorted({o.name for o in store.organizations.all() if o.name}, key=str.casefold)
        people = sorted(
            {c.name for c in store.contacts.all() if c.name and c.id != contact.id},
            key=str.casefold,
        )

        def text_input(name: str, value: str, **kwargs: Any) -> OneLineInput:
            return OneLineInput(value, id=name, compact=True, **kwargs)

        with Vertical(id="form-box", classes="dialog"):
            with VerticalScroll(id="form-fields", can_focus=False):  # it follows the cursor
                yield self._field("Name *", text_input("name", contact.name))
                yield self._field("Job title", text_input("job_title", contact.job_title))
                yield self._field(
                    "Organisation",
                    text_input(
                        "organisation",
                        org.name if org else "",
                        placeholder="a new name adds an employer; → completes",
                        suggester=SuggestFromList(org_names, case_sensitive=False),
                    ),
                )
                yield self._field(
                    "Email", text_input("email", contact.email, placeholder="name@example.org")
                )
                yield self._field("Phone", text_input("phone", contact.phone))
                yield self._field("LinkedIn", text_input("linkedin", contact.linkedin))
                yield self._field(
                    "Found through",
                    Select(
                        [(value.value.capitalize(), value) for value in FoundThrough],
                        value=contact.found_through,
                        allow_blank=False,
                        compact=True,
                        id="found_through",
                    ),
                )
                yield self._field(
                    "Introduced by",
                    text_input(
                        "introduced_by",
                        introducer.name if introducer else "",
                        placeholder="an existing contact, or blank; → completes",
                        suggester=NameSuggester(people),
                    ),
                )
                yield self._field(
                    "",
                    TickBox(
                        "The introducer will ask them first",
                        contact.introducer_asks_first,
                        compact=True,
                        id="introducer_asks_first",
                    ),
                )
                yield self._field(
                    "",
                    TickBox(
                        "I may mention the introducer's name",
                        contact.may_use_name,
                        compact=True,
                        id="may_use_name",
                    ),
                )
                choice, days = rhythm_choice(contact.cadence_days)
                yield self._field(
                    "Stay in touch",
                    Select(
                        rhythm_options(),
                        value=choice,
                        allow_blank=False,
                        compact=True,
                        id="cadence",
                    ),
                )
                yield self._field(
                    "  custom days",
                    text_input(
                        "cadence_days",
                        days,
                        placeholder="a check-in every this many days, e.g. 45",
                    ),
                )
                yield self._field(
                    "Notes",
                    TextArea(contact.notes, id="notes", soft_wrap=True, compact=True),
                )
            yield Static(
                Content.assemble(
                    ("ctrl+s", "bold"), " saves · ", ("tab", "bold"), " next field · ",
                    ("escape", "bold"), " cancels",
                ),
                id="form-hint",
            )  # fmt: skip
        yield Footer()

    @staticmethod
    def _field(label: str, control: Widget) -> Horizontal:
        name = control.id or ""
        return Horizontal(
            Label(label, classes="field-label"),
            Vertical(
                control,
                Static("", classes="field-error", id=f"{name}-error"),
                classes="field-body",
            ),
            classes="field",
            id=f"{name}-field",
        )

    def on_mount(self) -> None:
        editing = self.original.id is not None
        box = self.query_one("#form-box")
        box.border_title = Content(f"Edit {self.original.name}" if editing else "New contact")
        for error in self.query(".field-error"):
            error.display = False
        self._initial = self.values()
        self.query_one("#name").focus()

    # ----- reading the form ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form holds now, as typed (not yet cleaned)."""
        values: dict[str, Any] = {
            name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS
        }
        values["found_through"] = self.query_one("#found_through", Select).value
        values["introducer_asks_first"] = self.query_one("#introducer_asks_first", Checkbox).value
        values["may_use_name"] = self.query_one("#may_use_name", Checkbox).value
        values["cadence"] = self.query_one("#cadence", Select).value
        values["cadence_days"] = self.query_one("#cadence_days", Input).value
        values["notes"] = self.query_one("#notes", TextArea).text
        return values

    @property
    def changed(self) -> bool:
        return bool(self._initial) and self.values() != self._initial

    # ----- saving ----------------------------------------------------------------------------

    @on(Input.Changed, "#cadence_days")
    def _days_typed(self, event: Input.Changed) -> None:
        """Typing a number of days chooses a rhythm of my own."""
        if event.value.strip():
            self.query_one("#cadence", Select).value = CUSTOM

    def _rhythm(self, raw: dict[str, Any]) -> tuple[int | None, Problem | None]:
        """The stay-in-touch rhythm the form holds (days, or None), or why it cannot be kept."""
        choice = raw["cadence"]
        if choice == CUSTOM:
            try:
                return rhythm.check_custom_days(raw["cadence_days"]), None
            except ValueError as err:
                return self.original.cadence_days, Problem("cadence_days", str(err))
        return (None if choice == NO_RHYTHM else int(str(choice))), None

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """enter in a one-line field moves on, like tab; nothing is lost or saved half-way."""
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        store = self.store
        raw = self.values()
        text = {name: clean_text(raw[name]) for name in (*TEXT_FIELDS, "notes")}
        problems: list[Problem] = []

        introducer_id, problem, candidates = self._find_introducer(text["introduced_by"])
        if problem:
            problems.append(problem)
        org_id, new_org = self._find_organisation(text["organisation"])
        if len(text["organisation"]) > MAX_NAME:
            problems.append(Problem("organisation", f"Names are limited to {MAX_NAME} characters."))
        cadence_days, problem = self._rhythm(raw)
        if problem:
            problems.append(problem)

        found = raw["found_through"]
        contact = replace(
            self.original,
            name=text["name"],
            job_title=text["job_title"],
            organization_id=org_id,
            email=text["email"],
            phone=text["phone"],
            linkedin=text["linkedin"],
            found_through=found if isinstance(found, FoundThrough) else FoundThrough.OTHER,
            introduced_by_id=introducer_id,
            introducer_asks_first=raw["introducer_asks_first"],
            may_use_name=raw["may_use_name"],
            cadence_days=cadence_days,
            notes=text["notes"],
            created=self.original.created or self.now(),
        )
        problems += check_contact(contact)
        if self.show_problems(problems):
            return
        if candidates:  # several people have the introducer's name: which one?
            self._ask_introducer(text["introduced_by"], contact, candidates)
            return
        if not self._may_share_name(contact):
            return

        # Everything checks out: only now is anything written (the contact, a new employer
        # it names and its one open check-in, as one).
        outcome = people.save_contact(store, contact, self.now(), new_organization=new_org)
        self.notify(outcome.message, markup=False, timeout=4)
        self.dismiss(outcome.value)

    def show_problems(self, problems: list[Problem]) -> bool:
        """Put each message under its field; focus the first. True when there were any."""
        by_field: dict[str, str] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem.message)
        for error in self.query(".field-error").results(Static):
            name = (error.id or "").removesuffix("-error")
            message = by_field.get(name, "")
            error.update(Content(message))
            error.display = bool(message)
            self.query_one(f"#{name}-field").set_class(bool(message), "-invalid")
        first = next((name for name in FIELD_ORDER if name in by_field), None)
        if first is None:
            if problems:  # a problem about no field on the form: say it anyway
                self.notify(problems[0].message, severity="error", markup=False)
            return bool(problems)
        widget = self.query_one(f"#{first}")
        widget.focus()
        self.query_one("#form-fields", VerticalScroll).scroll_to_widget(
            self.query_one(f"#{first}-field"), animate=False
        )
        return True

    def _find_introducer(self, name: str) -> tuple[int | None, Problem | None, list[Contact]]:
        """The contact called `name` (case and accents aside; blank is nobody), or why not,
        or everyone it may mean when several people have that name and none was picked yet."""
        if not name:
            return None, None, []
        found = people.same_name(self.store, name)
        if found and all(c.id == self.original.id for c in found):
            return None, Problem("introduced_by", "A contact cannot introduce themselves."), []
        found = [c for c in found if c.id != self.original.id]
        if not found:
            return (
                None,
                Problem(
                    "introduced_by",
                    "No contact has that name (→ takes the grey suggestion). "
                    "Add them first, or leave this blank.",
                ),
                [],
            )
        if len(found) == 1:
            return found[0].id, None, []
        chosen = self._chosen_introducer
        picked = chosen[1] if chosen and chosen[0] == name_key(name) else None
        for wanted in (picked, self.original.introduced_by_id):  # picked now, or as it was
            if wanted is not None and any(c.id == wanted for c in found):
                return wanted, None, []
        return None, None, found

    def _ask_introducer(self, name: str, contact: Contact, candidates: list[Contact]) -> None:
        """Several people are called `name`: ask which one introduced this person, then save."""
        from ...dialogs.choose_contact import ChooseContact

        def chosen(contact_id: int | None) -> None:
            if contact_id is None:
                self.query_one("#introduced_by").focus()
                return
            self._chosen_introducer = (name_key(name), contact_id)
            self.action_save()

        orgs = {o.id: o.name for o in self.store.organizations.all() if o.id is not None}
        question = (
            f"{len(candidates)} contacts are called {name}. "
            f"Which one introduced {contact.name or 'this person'}?"
        )
        self.app.push_screen(ChooseContact(question, candidates, orgs), chosen)

    def _may_share_name(self, contact: Contact) -> bool:
        """True when no other contact has this name, or I said to keep both. Otherwise asks
        first (a second "Beth Nakamura" is often the same person typed twice) and saves on yes."""
        from ...dialogs.choose_contact import described

        key = name_key(contact.name)
        if key in (name_key(self.original.name), self._same_name_ok):
            return True  # a name kept as it was, or already asked about
        others = people.same_name(self.store, contact.name, except_id=self.original.id)
        if not others:
            return True
        orgs = {o.id: o.name for o in self.store.organizations.all() if o.id is not None}
        who = "; ".join(f"{o.name}: {described(o, orgs)}" for o in others[:5])
        have = "a contact" if len(others) == 1 else f"{len(others)} contacts"

        def answered(keep: bool | None) -> None:
            if keep:
                self._same_name_ok = key
                self.action_save()
            else:
                self.query_one("#name").focus()

        self.app.push_screen(
            ConfirmScreen(
                f"Another {contact.name}?",
                f"You already have {have} with this name ({who}).\n\nSave a second one? "
                "Wherever you type a name to pick someone, infoview will then ask which one, "
                "by job title and employer.",
                yes="Save both",
                no="Go back",
            ),
            answered,
        )
        return False

    def _find_organisation(self, name: str) -> tuple[int | None, str | None]:
        """(id of the organisation called `name`, or None; a new name to create, or None)."""
        if not name:
            return None, None
        store = self.store
        wanted = name.casefold()
        found = [o for o in store.organizations.all() if o.name.casefold() == wanted]
        if not found:
            return None, name
        current = [o for o in found if o.id == self.original.organization_id]
        return (current or sorted(found, key=lambda o: o.id or 0))[0].id, None

    # ----- leaving ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Discard changes?",
                "You changed this form and it is not saved. Discard what you typed?",
                yes="Discard",
                no="Keep editing",
            ),
            answered,
        )
