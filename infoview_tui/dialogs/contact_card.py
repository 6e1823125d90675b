"""A contact's details, read-only: what the queue and search show for a person."""

from __future__ import annotations

from datetime import tzinfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..domain import rhythm
from ..domain.records import Contact
from ..domain.timefmt import full_datetime
from ..paths import stylesheet
from ..typing_rule import ReadOnlyBox, page_keys, scroll_box


class ContactCard(ModalScreen[str | None]):
    """A contact's details, read-only; escape closes, `n` asks for their place in the
    network (dismisses with "network")."""

    CSS_PATH = stylesheet("search.tcss")
    BINDINGS = [
        Binding("escape,enter", "dismiss", "Close", id="card.close", tooltip="Close"),
        *page_keys("card-box"),  # read-only: the box never has the cursor
        Binding("n", "network", "Network", id="card.network",
                tooltip="Who introduced them, and whom they introduced"),
    ]  # fmt: skip

    def __init__(self, contact: Contact, employer: str = "", zone: tzinfo | None = None) -> None:
        """`zone`: the viewer's, in which times are shown."""
        super().__init__()
        self.contact = contact
        self.employer = employer
        self.zone = zone

    def compose(self) -> ComposeResult:
        with ReadOnlyBox(classes="dialog", id="card-box"):
            yield Static(self._content(), id="card-text")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#card-box")
        box.border_title = Content(self.contact.name or "Contact")
        box.border_subtitle = "escape closes"

    def action_scroll_box(self, box_id: str, how: str) -> None:
        scroll_box(self.query_one(f"#{box_id}"), how)

    def action_network(self) -> None:
        self.dismiss("network")

    def _content(self) -> Content:
        c = self.contact
        parts: list[str | tuple[str, str]] = []
        for label, value in (
            ("Job title", c.job_title),
            ("Employer", self.employer),
            ("Email", c.email),
            ("Phone", c.phone),
            ("LinkedIn", c.linkedin),
            ("Found through", c.found_through.value),
            ("Last contact", full_datetime(c.last_contact, self.zone) if c.last_contact else ""),
            ("Stay in touch", "" if c.cadence_days is None else rhythm.describe(c.cadence_days)),
            ("Notes", c.notes),
        ):
            if value.strip():
                if parts:
                    parts.append("\n")
                parts += [(f"{label}: ", "bold"), value]
        return Content.assemble(*parts) if parts else Content("No details yet.")
