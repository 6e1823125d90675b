"""Meetings: every meeting, planned or held, and the way into each one's plan.

Upcoming and undecided meetings come first (soonest first, undated after them), then the ones
that are over, most recent first. A new meeting starts from a contact picked by name.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Static

from ...dialogs.contact_picker import ContactPicker
from ...domain import prep
from ...domain.meeting import held_at
from ...domain.records import Interview, InterviewStatus
from ...domain.summary import person_met
from ...domain.timefmt import full_datetime
from ...paths import stylesheet
from ...services import meetings as meetings_service
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from .. import router
from ..files import offer_export, offer_meeting_markdown
from ..record_list import RecordListScreen

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


def shown_when(interview: Interview) -> datetime | None:
    """The moment a meeting is listed at: when it was held, once it has been, else planned."""
    return held_at(interview) or interview.when


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
    over.sort(key=lambda iv: moment.timestamp() if (moment := shown_when(iv)) else 0, reverse=True)
    return ahead + over


class MeetingsScreen(RecordListScreen):
    CSS_PATH = stylesheet("meetings.tcss")
    BINDINGS = [
        Binding("a", "add", "New meeting", id="meetings.add",
                tooltip="Plan a meeting with one of your contacts"),
        Binding("enter,o", "open", "Open plan", id="meetings.open",
                tooltip="Request, introduction, questions and date for the highlighted meeting"),
        Binding("d", "delete", "Delete", id="meetings.delete",
                tooltip="Delete the highlighted meeting (asks first)"),
        Binding("x", "export_markdown", ".md", id="meetings.markdown",
                tooltip="The highlighted meeting as Markdown: plan, questions, notes, reflection"),
        Binding("c", "export_calendar", ".ics", id="meetings.calendar",
                tooltip="Every meeting with a date as a calendar file (.ics) for any calendar"),
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
        yield Footer(compact=True)  # six keys and the palette hint fit in 80 columns

    def on_mount(self) -> None:
        self.sub_title = "Meetings"

    def reload(self, keep: int | None = None) -> None:
        store = self.store
        if not self.is_mounted:
            return
        self._names = {c.id: c.name for c in store.contacts.all() if c.id is not None}
        self._orgs = {o.id: o.name for o in store.organizations.all() if o.id is not None}
        meetings = meeting_order(store.interviews.all())
        self._meetings = {iv.id: iv for iv in meetings if iv.id is not None}
        rows = []
        zone = self.now().tzinfo
        for iv in meetings:
            moment = shown_when(iv)
            when = full_datetime(moment, zone) if moment else "no date yet"
            cells = (
                when,
                iv.status.value,
                person_met(iv, self._names),
                self._orgs.get(iv.organization_id or -1, ""),
            )
            rows.append(tuple(map(PlainCell, cells)))
        self.table.show_rows([iv.id for iv in meetings if iv.id is not None], rows, keep=keep)
        self.show_detail(self.table.highlighted_id)
        self.refresh_bindings()

    def open_record(self, record_id: int) -> None:
        self.action_open()

    def show_detail(self, record_id: int | None) -> None:
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
            zone=self.now().tzinfo,
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
        if action in ("open", "delete", "export_markdown"):
            tables = self.query(RecordTable)
            return (bool(tables) and tables.first().highlighted_id is not None) or None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open(self) -> None:
        meeting_id = self.table.highlighted_id
        if meeting_id is not None:
            router.open_plan(self.app, meeting_id)

    def action_add(self) -> None:
        store = self.store
        contacts = [c for c in store.contacts.all() if c.id is not None]
        if not contacts:
            self.notify("No contacts yet: add the person under Contacts first.", timeout=5)
            return
        self.app.push_screen(ContactPicker(contacts, self._orgs), self._picked)

    def _picked(self, contact_id: int | None) -> None:
        if contact_id is None:
            return
        now = self.now()
        meeting = meetings_service.new_meeting(self.store, contact_id, now).value
        if meeting is None or meeting.id is None:
            return
        self.reload(keep=meeting.id)
        router.open_plan(self.app, meeting.id)

    def action_export_markdown(self) -> None:
        meeting = self._meetings.get(self.table.highlighted_id or -1)
        if meeting is None or meeting.id is None:
            return
        offer_meeting_markdown(self.app, meeting.id)

    def action_export_calendar(self) -> None:
        from ...services.exports import export_ics

        offer_export(
            self.app,
            "Meetings to a calendar file",
            lambda _choice: export_ics(self.store, self.now(), followups_in=False),
            about="Every meeting with a date, as events for any calendar program (.ics). "
            "Importing a newer file updates the events rather than doubling them.",
        )

    def action_delete(self) -> None:
        meeting = self._meetings.get(self.table.highlighted_id or -1)
        if meeting is None or meeting.id is None:
            return
        doomed = meeting.id
        self.confirm_delete(
            f"Delete the meeting with {person_met(meeting, self._names)}?",
            meetings_service.deletion_effects(self.store, doomed),
            lambda: meetings_service.delete_meeting(self.store, doomed),
        )
