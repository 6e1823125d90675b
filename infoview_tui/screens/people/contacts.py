"""Contacts: everyone I might talk to, how I found them, who introduced whom, how far along.

The table is built once per change from the store's cached records (a few hundred ms at
30,000 contacts); the filter only picks among rows already built, so narrowing is quick.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from ...domain import rhythm
from ...domain.names import fold, sort_key
from ...domain.records import Contact, FoundThrough
from ...domain.summary import ContactStage, contact_stages
from ...domain.timefmt import local_day, short_date
from ...paths import stylesheet
from ...services import meetings as meetings_service
from ...services import people
from ...services.words import plural
from ...typing_rule import ReadOnlyBox, scroll_box, scroll_keys
from ...widgets.one_line_input import OneLineInput
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from .. import router
from ..files import offer_export
from ..record_list import RecordListScreen

if TYPE_CHECKING:
    from ...exchange.import_plan import ImportPlan

FOUND_SHORT = {
    FoundThrough.FAMILY: "family",
    FoundThrough.FRIEND: "friend",
    FoundThrough.FORMER_COWORKER: "co-worker",
    FoundThrough.PROFESSIONAL: "community",
    FoundThrough.REFERRAL: "referral",
    FoundThrough.OTHER: "other",
}

COLUMNS = (
    ColumnSpec("Name", weight=3, min_width=13, max_width=40),
    ColumnSpec("Organisation", weight=2, min_width=12, max_width=32),
    ColumnSpec("Job title", weight=2, min_width=9, max_width=32),
    ColumnSpec("Found", weight=0, min_width=9, max_width=9),
    ColumnSpec("Intro by", weight=1.5, min_width=9, max_width=24),
    ColumnSpec("Stage", weight=0, min_width=11, max_width=11),
)

MAX_INTRODUCED_SHOWN = 12
# Above this many rows, filtering waits for a pause in typing instead of running per key.
INSTANT_FILTER_ROWS = 2_000
FILTER_PAUSE = 0.2


class _Row(NamedTuple):
    id: int
    cells: tuple[PlainCell, ...]
    haystack: str  # name, organisation and title, folded (case, accents), for the filter


def matches(haystack: str, query: str) -> bool:
    """Every word of the query appears somewhere in the name, organisation or title."""
    return all(word in haystack for word in fold(query).split())


class ContactsScreen(RecordListScreen):
    RELOAD_ON_RESUME = False  # 30,000 rows: the form's answer updates the list instead
    CSS_PATH = stylesheet("contacts.tcss")
    BINDINGS = [
        Binding("a", "add", "Add", id="contacts.add", tooltip="Someone you could talk to"),
        Binding("e", "edit", "Edit", id="contacts.edit", tooltip="Edit the highlighted contact"),
        Binding("enter", "edit", "Edit", show=False, id="contacts.open",
                tooltip="Edit the highlighted contact"),
        Binding("d", "delete", "Delete", id="contacts.delete",
                tooltip="Delete the highlighted contact (asks first)"),
        Binding("m", "meet", "Meet", id="contacts.meet",
                tooltip="They said now is good: start a meeting with default questions"),
        Binding("n", "network", "Network", id="contacts.network",
                tooltip="The network of introductions, open at the highlighted person"),
        Binding("slash", "filter", "Filter", id="contacts.filter",
                tooltip="Filter by name, organisation or job title"),
        Binding("i", "import", "Import", id="contacts.import",
                tooltip="Import people from LinkedIn's export, a CSV or vCards (preview first)"),
        # Not in the footer (no room at 80 columns): in help and the palette.
        Binding("v", "export_vcards", "vCards", show=False, id="contacts.vcards",
                tooltip="Every contact as vCards (.vcf), for an address book"),
        Binding("escape", "back", "Back", id="contacts.back",
                tooltip="Clear the filter, or go back to home"),
        *scroll_keys("contact-detail", "the contact's details"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._contacts: dict[int, Contact] = {}
        self._org_names: dict[int, str] = {}
        self._stages: dict[int, ContactStage] = {}
        self._introduced: dict[int, list[str]] = {}
        self._filter_timer: Timer | None = None
        self._shown_query = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="contacts-filter-bar"):
            yield OneLineInput(
                placeholder="/ filter by name, organisation or job title",
                id="contacts-filter",
                compact=True,
            )
            yield Static("", id="contacts-count")
        yield RecordTable(COLUMNS, id="contacts-table")
        with ReadOnlyBox(id="contact-detail"):  # never focused: ctrl+↑/↓ scroll it
            yield Static("", id="contact-detail-text")
        # The palette hint left out, as on Employers: every key and "? Help" fit in 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#contact-detail").border_title = "Contact"

    def action_scroll_box(self, box_id: str, how: str) -> None:
        scroll_box(self.query_one(f"#{box_id}"), how)

    # ----- building the rows ---------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Rebuild every row from the store, then show those matching the filter."""
        store = self.store
        contacts = sorted(store.contacts.all(), key=lambda c: (*sort_key(c.name), c.id or 0))
        self._contacts = {c.id: c for c in contacts if c.id is not None}
        self._org_names = {o.id: o.name for o in store.organizations.all() if o.id is not None}
        self._stages = contact_stages(contacts, store.interviews.all())
        introduced: dict[int, list[str]] = defaultdict(list)
        rows = []
        for contact in contacts:
            assert contact.id is not None
            org = self._org_names.get(contact.organization_id or -1, "")
            introducer = self._contacts.get(contact.introduced_by_id or -1)
            if introducer is not None and introducer.id is not None:
                introduced[introducer.id].append(contact.name)
            stage = self._stages.get(contact.id, ContactStage.TO_APPROACH)
            cells = (
                contact.name,
                org,
                contact.job_title,
                FOUND_SHORT.get(contact.found_through, str(contact.found_through)),
                introducer.name if introducer else "",
                stage.value,
            )
            haystack = fold(f"{contact.name}\n{org}\n{contact.job_title}")
            rows.append(_Row(contact.id, tuple(map(PlainCell, cells)), haystack))
        self._introduced = dict(introduced)
        self._rows = rows
        self._show(keep if keep is not None else self.table.highlighted_id)

    def _show(self, keep: int | None = None) -> None:
        query = self.query_one("#contacts-filter", Input).value
        self._shown_query = query
        rows = (
            [r for r in self._rows if matches(r.haystack, query)] if query.strip() else self._rows
        )
        self.table.show_rows([r.id for r in rows], [r.cells for r in rows], keep=keep)
        total = len(self._rows)
        count = (
            f"{len(rows):,} of {total:,}" if query.strip() else plural(total, "contact", "contacts")
        )
        self.query_one("#contacts-count", Static).update(count)
        self.show_detail(self.table.highlighted_id)
        self.refresh_bindings()

    # ----- the filter ------------------------------------------------------------------------

    @on(Input.Changed, "#contacts-filter")
    def _filter_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        if len(self._rows) <= INSTANT_FILTER_ROWS:
            self._show(self.table.highlighted_id)
        else:
            self._filter_timer = self.set_timer(FILTER_PAUSE, self._filter_now)

    def _filter_now(self) -> None:
        self._filter_timer = None
        if self.query_one("#contacts-filter", Input).value != self._shown_query:
            self._show(self.table.highlighted_id)

    @on(Input.Submitted, "#contacts-filter")
    def _filter_submitted(self) -> None:
        self._filter_now()
        self.table.focus()

    def action_filter(self) -> None:
        self.query_one("#contacts-filter").focus()

    def action_back(self) -> None:
        field = self.query_one("#contacts-filter", Input)
        if field.has_focus or field.value:
            field.value = ""
            self._filter_now()
            self.table.focus()
        else:
            self.app.pop_screen()

    # ----- the detail panel ----------------------------------------------------------------

    def open_record(self, record_id: int) -> None:
        self.action_edit()

    def show_detail(self, contact_id: int | None) -> None:
        panel = self.query_one("#contact-detail-text", Static)
        contact = self._contacts.get(contact_id) if contact_id is not None else None
        if contact is None:
            if not self._rows:
                text = "No contacts yet. Press a to add the first person you could talk to."
            else:
                text = "No contact matches the filter. escape clears it."
            panel.update(Content(text))
            self.query_one("#contact-detail").border_title = "Contact"
            return
        self.query_one("#contact-detail").border_title = Content(contact.name)
        panel.update(self.detail_content(contact))
        self.query_one("#contact-detail", ReadOnlyBox).scroll_home(animate=False)

    def detail_content(self, contact: Contact) -> Content:
        """Every field of the contact, labels in bold; user text is never read as markup."""
        parts: list[str | tuple[str, str]] = []

        def line(*pieces: str | tuple[str, str]) -> None:
            if parts:
                parts.append("\n")
            parts.extend(pieces)

        def label(text: str) -> tuple[str, str]:
            return (f"{text}: ", "bold")

        def dim(text: str) -> tuple[str, str]:
            return (text, "dim")

        org = self._org_names.get(contact.organization_id or -1, "")
        role = " at ".join(x for x in (contact.job_title, org) if x)
        if org and not contact.job_title:
            role = f"works at {org}"
        line(label("Role"), role or dim("no job title or organisation yet"))
        reach = [
            (name, value)
            for name, value in (
                ("Email", contact.email),
                ("Phone", contact.phone),
                ("LinkedIn", contact.linkedin),
            )
            if value
        ]
        if reach:
            pieces: list[str | tuple[str, str]] = []
            for i, (name, value) in enumerate(reach):
                pieces += [("   " if i else ""), label(name), value]
            line(*pieces)
        else:
            line(label("Reach"), dim("no email, phone or LinkedIn yet"))
        introducer = self._contacts.get(contact.introduced_by_id or -1)
        found: list[str | tuple[str, str]] = [
            label("Found through"),
            contact.found_through.value,
            "   ",
            label("Introduced by"),
        ]
        if introducer is not None:
            asks = "will ask them first" if contact.introducer_asks_first else "won't ask first"
            may = "you may say who sent you" if contact.may_use_name else "don't mention them"
            line(*found, introducer.name, dim(f" ({asks}; {may})"))
        elif contact.introducer_name:
            line(*found, contact.introducer_name, dim(" (no longer in your contacts)"))
        else:
            line(*found, dim("nobody"))
        names = self._introduced.get(contact.id or -1, [])
        if names:
            shown = ", ".join(names[:MAX_INTRODUCED_SHOWN])
            more = len(names) - MAX_INTRODUCED_SHOWN
            line(label("Introduced"), shown, dim(f" and {more:,} more") if more > 0 else "")
        stage = self._stages.get(contact.id or -1, ContactStage.TO_APPROACH)
        now = self.app.clock.now()
        today, zone = now.date(), now.tzinfo
        last_day = local_day(contact.last_contact, zone) if contact.last_contact else None
        last = short_date(last_day, today) if last_day else "never"
        when: list[str | tuple[str, str]] = [
            label("Stage"),
            stage.value,
            "   ",
            label("Last contact"),
            last,
        ]
        if contact.cadence_days is not None:
            when += ["   ", label("Stay in touch"), rhythm.describe(contact.cadence_days)]
        if contact.created is not None:
            when += ["   ", label("Added"), f"{contact.created.astimezone(zone):%d %b %Y}"]
        line(*when)
        line(label("Notes"), contact.notes or dim("none"))
        return Content.assemble(*parts)

    # ----- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "meet"):
            # Shown dimmed in the footer when no contact is highlighted.
            tables = self.query(RecordTable)
            return (bool(tables) and tables.first().highlighted_id is not None) or None
        return True

    def action_add(self) -> None:
        router.edit_contact(self.app, None, self._saved)

    def action_edit(self) -> None:
        contact_id = self.table.highlighted_id
        contact = self.store.contacts.get(contact_id)
        if contact is None:
            return
        router.edit_contact(self.app, contact, self._saved)

    def _saved(self, contact: Contact | None) -> None:
        if contact is None:
            return
        field = self.query_one("#contacts-filter", Input)
        self.reload(keep=contact.id)
        if contact.id not in self.table.row_ids and field.value:
            field.value = ""  # the filter would hide who was just saved: show everyone
            self._show(contact.id)
        self.table.focus()  # the form said what it saved

    def action_import(self) -> None:
        router.open_import(self.app, then=self._imported)

    def _imported(self, plan: ImportPlan | None) -> None:
        """Back from the import screen: show everyone, those who came in included."""
        if plan is None:
            return
        self.query_one("#contacts-filter", Input).value = ""
        self.reload()
        self.table.focus()

    def action_export_vcards(self) -> None:
        from ...services.exports import export_vcf

        offer_export(
            self.app,
            "Contacts as vCards",
            lambda _choice: export_vcf(self.store, self.now()),
            about="Every contact as a vCard (.vcf), for an address book. Importing the file "
            "again updates them rather than doubling them.",
        )

    def action_meet(self) -> None:
        contact_id = self.table.highlighted_id
        if contact_id is None:
            return
        now = self.now()
        meeting = meetings_service.meet_now(self.store, contact_id, now).value
        if meeting is not None and meeting.id is not None:
            router.open_live(self.app, meeting.id)

    def action_network(self) -> None:
        router.open_network(self.app, focus=self.table.highlighted_id)

    def action_delete(self) -> None:
        contact_id = self.table.highlighted_id
        contact = self._contacts.get(contact_id) if contact_id is not None else None
        if contact is None or contact.id is None:
            return
        doomed = contact.id
        self.confirm_delete(
            f"Delete {contact.name}?",
            people.deletion_effects(self.store, doomed),
            lambda: people.delete_contact(self.store, doomed),
        )
