"""Pick a contact by typing their name; suggestions complete it, accents and case aside."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from ..domain.names import name_key, sort_key
from ..domain.records import Contact
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput
from .choose_contact import MAX_CHOICES, ChooseContact, NameSuggester


def contact_label(contact: Contact, org_name: str) -> str:
    return f"{contact.name} · {org_name}" if org_name else contact.name


def _key(text: str) -> str:
    return name_key(text)  # "zoe" finds Zoë


class ContactPicker(ModalScreen[int | None]):
    """Type a contact's name (suggestions complete it with →); dismisses with their id.

    A name two people share, or the start of several names, offers a choice between them
    (told apart by job title and employer) rather than a refusal."""

    CSS_PATH = stylesheet("meetings.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel", tooltip="No new meeting")]

    def __init__(self, contacts: list[Contact], org_names: dict[int, str]) -> None:
        super().__init__()
        self.org_names = org_names
        self.by_label: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.contacts = {c.id: c for c in contacts if c.id is not None}
        for contact in contacts:
            assert contact.id is not None
            self.by_name.setdefault(_key(contact.name), []).append(contact.id)
        labels = []
        for contact in contacts:
            org = org_names.get(contact.organization_id or -1, "")
            if not org and len(self.by_name[_key(contact.name)]) > 1:
                org = "no employer"  # two people with one name: the label tells them apart
            label = contact_label(contact, org)
            self.by_label[_key(label)] = contact.id  # type: ignore[assignment]
            labels.append(label)
        self.labels = sorted(labels, key=sort_key)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-box"):
            yield Label("Who is the meeting with? Type a name; → takes the suggestion.")
            yield OneLineInput(
                id="pick-name",
                placeholder="a contact's name",
                suggester=NameSuggester(self.labels),
                max_length=300,
            )
            yield FieldError(id="pick-error")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#pick-box")
        box.border_title = "New meeting"
        box.border_subtitle = "enter picks · escape cancels"
        self.query_one(Input).focus()

    def matches(self, text: str) -> list[int]:
        """Who `text` may mean: the one label or name it is, else every name it starts."""
        key = _key(text)
        if not key:
            return []
        if key in self.by_label:
            return [self.by_label[key]]
        if key in self.by_name:
            return self.by_name[key]
        return [i for name, ids in self.by_name.items() if name.startswith(key) for i in ids]

    def find(self, text: str) -> tuple[int | None, str]:
        """The contact meant by `text`, or a message saying why not (or that several fit)."""
        if not _key(text):
            return None, "Type the name of someone in your contacts."
        ids = self.matches(text)
        if len(ids) == 1:
            return ids[0], ""
        if len(ids) > MAX_CHOICES:
            return None, f"{len(ids):,} contacts start like that: type more of the name."
        if ids:
            return None, ""
        return None, f"No contact called {text.strip()!r}. Add them under Contacts first."

    @on(Input.Submitted, "#pick-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        contact_id, message = self.find(event.value)
        error = self.query_one("#pick-error", FieldError)
        if contact_id is not None:
            self.dismiss(contact_id)
        elif message:
            error.show(message)
        else:
            error.show("")
            self._choose(event.value)

    def _choose(self, text: str) -> None:
        """Several people fit what was typed: ask which one."""
        people = sorted((self.contacts[i] for i in self.matches(text)),
                        key=lambda c: (*sort_key(c.name), c.id or 0))  # fmt: skip

        def chosen(contact_id: int | None) -> None:
            if contact_id is not None:
                self.dismiss(contact_id)

        question = f"{len(people)} contacts fit {text.strip()!r}. Which one is the meeting with?"
        self.app.push_screen(ChooseContact(question, people, self.org_names), chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
