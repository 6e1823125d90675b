"""Meetings: every meeting, planned or held, and the way into each one's plan.

Upcoming and undecided meetings come first (soonest first, undated after them), then the ones
that are over, most recent first. A new meeting starts from a contact picked by name.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Header, Input, Label, Static

from ..domain import prep
from ..domain.names import name_key, sort_key
from ..domain.records import Contact, Interview, InterviewStatus
from ..domain.timefmt import full_datetime
from ..messages import StoreReady
from ..paths import stylesheet
from ..services import meetings as meetings_service
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput
from ..widgets.record_table import ColumnSpec, PlainCell, RecordTable

COLUMNS = (
    ColumnSpec("When", weight=0, min_width=22, max_width=22),
    ColumnSpec("Status", weight=0, min_width=9, max_width=9),
    ColumnSpec("With", weight=2, min_width=12, max_width=40),
    ColumnSpec("Employer", weight=2, min_width=12, max_width=40),
)
AHEAD = (
    InterviewStatus.LIVE,
    InterviewStatus.SCHEDULED,
    InterviewStatus.REQUESTED,
    InterviewStatus.IDEA,
)


def meeting_order(interviews: list[Interview]) -> list[Interview]:
    """Ahead first (soonest first, then undated by status), then the rest, latest first."""
    ahead = [iv for iv in interviews if iv.status in AHEAD]
    over = [iv for iv in interviews if iv.status not in AHEAD]
    ahead.sort(
        key=lambda iv: (
            iv.when is None,
            iv.when.timestamp() if iv.when else 0,
            AHEAD.index(iv.status),
        )
    )
    over.sort(key=lambda iv: iv.when.timestamp() if iv.when else 0, reverse=True)
    return ahead + over


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


class MeetingsScreen(Screen[None]):
    CSS_PATH = stylesheet("meetings.tcss")
    BINDINGS = [
        Binding("a", "add", "New meeting", id="meetings.add",
                tooltip="Plan a meeting with one of your contacts"),
        Binding("enter,o", "open", "Open plan", id="meetings.open",
                tooltip="Request, introduction, questions and date for the highlighted meeting"),
        Binding("d", "delete", "Delete", id="meetings.delete",
                tooltip="Delete the highlighted meeting (asks first)"),
        Binding("escape", "back", "Back", id="meetings.back", tooltip="Back to home"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._meetings: dict[int, Interview] = {}
        self._names: dict[int, str] = {}
        self._orgs: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield RecordTable(COLUMNS, id="meetings-table")
        yield Static("", id="meeting-prep")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Meetings"
        self.query_one(RecordTable).focus()
        self.call_after_refresh(self.reload)

    def on_store_ready(self, _: StoreReady) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def store(self):
        return self.app.store  # type: ignore[attr-defined]

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def reload(self, keep: int | None = None) -> None:
        store = self.store
        if store is None or not self.is_mounted:
            return
        self._names = {c.id: c.name for c in store.contacts.all() if c.id is not None}
        self._orgs = {o.id: o.name for o in store.organizations.all() if o.id is not None}
        meetings = meeting_order(store.interviews.all())
        self._meetings = {iv.id: iv for iv in meetings if iv.id is not None}
        rows = []
        for iv in meetings:
            when = full_datetime(iv.when) if iv.when else "no date yet"
            cells = (
                when,
                iv.status.value,
                self._names.get(iv.contact_id or -1, "(contact removed)"),
                self._orgs.get(iv.organization_id or -1, ""),
            )
            rows.append(tuple(map(PlainCell, cells)))
        self.table.show_rows([iv.id for iv in meetings if iv.id is not None], rows, keep=keep)
        self._show_prep()
        self.refresh_bindings()

    @on(RecordTable.Highlighted, "#meetings-table")
    def _highlighted(self) -> None:
        self._show_prep()
        self.refresh_bindings()

    @on(RecordTable.Selected, "#meetings-table")
    def _selected(self) -> None:
        self.action_open()

    def _show_prep(self) -> None:
        panel = self.query_one("#meeting-prep", Static)
        meeting = self._meetings.get(self.table.highlighted_id or -1)
        if meeting is None:
            panel.update("No meetings yet. Press a to plan one with a contact.")
            return
        store = self.store
        steps = prep.checklist(
            meeting,
            store.profile(),
            store.occupations.get(meeting.occupation_id),
            store.organizations.get(meeting.organization_id),
            store.contacts.get(meeting.contact_id),
        )
        left = prep.left(steps)
        done = len(steps) - len(left)
        parts: list[str | tuple[str, str]] = [(f"Prep {done} of {len(steps)} done", "bold")]
        if left:
            parts += [" · next: ", f"{left[0].label}: {left[0].hint}"]
        if meeting.place:
            parts += ["\n", ("Place: ", "bold"), meeting.place]
        panel.update(Content.assemble(*parts))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "delete"):
            tables = self.query(RecordTable)
            return (bool(tables) and tables.first().highlighted_id is not None) or None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open(self) -> None:
        from .plan import PlanScreen

        meeting_id = self.table.highlighted_id
        if meeting_id is not None:
            self.app.push_screen(PlanScreen(meeting_id))

    def action_add(self) -> None:
        store = self.store
        if store is None:
            return
        contacts = [c for c in store.contacts.all() if c.id is not None]
        if not contacts:
            self.notify("No contacts yet: add the person under Contacts first.", timeout=5)
            return
        self.app.push_screen(ContactPicker(contacts, self._orgs), self._picked)

    def _picked(self, contact_id: int | None) -> None:
        from .plan import PlanScreen

        if contact_id is None:
            return
        now = self.app.clock.now()  # type: ignore[attr-defined]
        meeting = meetings_service.new_meeting(self.store, contact_id, now).value
        if meeting is None or meeting.id is None:
            return
        self.reload(keep=meeting.id)
        self.app.push_screen(PlanScreen(meeting.id))

    def action_delete(self) -> None:
        from .confirm import ConfirmScreen

        meeting = self._meetings.get(self.table.highlighted_id or -1)
        if meeting is None or meeting.id is None:
            return
        meeting_id = meeting.id
        name = self._names.get(meeting.contact_id or -1, "someone")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            row = self.table.cursor_row
            outcome = meetings_service.delete_meeting(self.store, meeting_id)
            self.reload()
            if self.table.row_ids:
                self.table.move_cursor(row=min(row, len(self.table.row_ids) - 1), animate=False)
            self.notify(outcome.message, markup=False, timeout=3)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete the meeting with {name}?",
                meetings_service.deletion_effects(self.store, meeting_id),
                yes="Delete",
                no="Keep",
            ),
            answered,
        )
