"""Which one? People who share a name, told apart by job title and employer; and the
completion every name field uses, which ignores case and accents ("zoe" completes Zoë)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from ..domain.names import name_key
from ..domain.records import Contact
from ..paths import stylesheet

MAX_CHOICES = 50  # more than this, and typing more of the name is quicker than reading


def role(contact: Contact, org_name: str) -> str:
    """'Nurse at Harbour Health', 'works at Harbour Health', 'Nurse', or ''."""
    if contact.job_title and org_name:
        return f"{contact.job_title} at {org_name}"
    if org_name:
        return f"works at {org_name}"
    return contact.job_title


def described(contact: Contact, org_names: Mapping[int, str]) -> str:
    """What tells one person from another of the same name: their job title and employer."""
    org = org_names.get(contact.organization_id or -1, "")
    return role(contact, org) or "no job title or employer yet"


def labels(contacts: list[Contact], org_names: Mapping[int, str]) -> list[str]:
    """One line per contact that tells people with one name apart: the name and the role;
    when even those are the same, their email or the day they were added as well."""
    first = [f"{c.name} · {described(c, org_names)}" for c in contacts]
    twice = Counter(name_key(line) for line in first)
    out = []
    for contact, line in zip(contacts, first, strict=True):
        if twice[name_key(line)] > 1:
            if contact.email:
                line = f"{line} · {contact.email}"
            elif contact.created is not None:
                line = f"{line} · added {contact.created:%d %b %Y}"
        out.append(line)
    return out


class NameSuggester(Suggester):
    """Completes a typed name from a list, case and accents aside: "zoe" completes
    "Zoë Ångström". The list is in the order to suggest from."""

    def __init__(self, suggestions: Iterable[str]) -> None:
        super().__init__(case_sensitive=True)  # the folding is ours (casefold keeps accents)
        self._suggestions = list(suggestions)
        self._keys = [name_key(s) for s in self._suggestions]

    async def get_suggestion(self, value: str) -> str | None:
        key = name_key(value)
        if not key:
            return None
        if value[-1:].isspace():
            key += " "  # "zoe " goes on to the surname, not to "Zoey"
        for index, candidate in enumerate(self._keys):
            if candidate.startswith(key):
                return self._suggestions[index]
        return None


class ChooseContact(ModalScreen[int | None]):
    """A list of people to pick one from; dismisses with their id, or None (escape)."""

    CSS_PATH = stylesheet("choose_contact.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="choose.cancel",
                tooltip="None of these: back to the name"),
    ]  # fmt: skip

    def __init__(
        self, question: str, contacts: list[Contact], org_names: Mapping[int, str]
    ) -> None:
        super().__init__()
        self.question = question
        lines = labels(contacts, org_names)
        self.choices = [(c.id, line) for c, line in zip(contacts, lines, strict=True) if c.id]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choose-box"):
            yield Label(Content(self.question), id="choose-question")
            yield OptionList(
                *(Option(Content(line), id=str(i)) for i, line in self.choices), id="choose-list"
            )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#choose-box")
        box.border_title = "Which one?"
        box.border_subtitle = "enter picks · escape goes back"
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#choose-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
