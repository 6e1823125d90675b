"""Pick a contact by typing their name; suggestions complete it, accents and case aside."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label

from ..domain.names import name_key, sort_key
from ..domain.records import Contact
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput


def contact_label(contact: Contact, org_name: str) -> str:
    return f"{contact.name} · {org_name}" if org_name else contact.name


def _key(text: str) -> str:
    return name_key(text)  # "zoe" finds Zoë


class ContactPicker(ModalScreen[int | None]):
    """Type a contact's name (suggestions complete it with →); dismisses with their id."""

    CSS_PATH = stylesheet("meetings.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel", tooltip="No new meeting")]

    def __init__(self, contacts: list[Contact], org_names: dict[int, str]) -> None:
        super().__init__()
        self.by_label: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
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
                suggester=SuggestFromList(self.labels, case_sensitive=False),
                max_length=300,
            )
            yield FieldError(id="pick-error")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#pick-box")
        box.border_title = "New meeting"
        box.border_subtitle = "enter picks · escape cancels"
        self.query_one(Input).focus()

    def find(self, text: str) -> tuple[int | None, str]:
        """The contact meant by `text`, or a message saying why not."""
        key = _key(text)
        if not key:
            return None, "Type the name of someone in your contacts."
        if key in self.by_label:
            return self.by_label[key], ""
        ids = self.by_name.get(key, [])
        if len(ids) == 1:
            return ids[0], ""
        if len(ids) > 1:
            return None, "More than one contact has that name: pick one from the suggestions."
        return None, f"No contact called {text.strip()!r}. Add them under Contacts first."

    @on(Input.Submitted, "#pick-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        contact_id, message = self.find(event.value)
        if contact_id is None:
            self.query_one("#pick-error", FieldError).show(message)
            return
        self.dismiss(contact_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
