"""Search everything: type words, see where each hit is, open it with enter.

The index is built once when the screen opens (tens of milliseconds at 30,000 contacts) and
each keystroke runs a plain string scan over it; a large store waits for a pause in typing.
Also home to the small ways of opening a record shared with the queue: a contact's card,
a meeting on the screen that fits where it stands.
"""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from ..domain.records import Contact, InterviewStatus
from ..domain.search import Found, Hit, Kind, SearchIndex
from ..domain.timefmt import full_datetime
from ..messages import StoreReady
from ..paths import stylesheet
from ..widgets.one_line_input import OneLineInput
from ..widgets.record_table import ColumnSpec, PlainCell, RecordTable

COLUMNS = (
    ColumnSpec("Kind", weight=0, min_width=9, max_width=9),
    ColumnSpec("Title", weight=2, min_width=16, max_width=40),
    ColumnSpec("Where", weight=1, min_width=10, max_width=22),
    ColumnSpec("Text", weight=3, min_width=16, max_width=80),
)
INSTANT_RECORDS = 5_000  # below this many records, search on every key; above, on a pause
TYPING_PAUSE = 0.15


# ----- opening a record (shared with the queue) --------------------------------------------


class ContactCard(ModalScreen[None]):
    """A contact's details, read-only; escape closes."""

    CSS_PATH = stylesheet("search.tcss")
    BINDINGS = [Binding("escape,enter", "dismiss", "Close", id="card.close", tooltip="Close")]

    def __init__(self, contact: Contact, employer: str = "") -> None:
        super().__init__()
        self.contact = contact
        self.employer = employer

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="card-box"):
            yield Static(self._content(), id="card-text")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#card-box")
        box.border_title = Content(self.contact.name or "Contact")
        box.border_subtitle = "escape closes"

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
            ("Last contact", full_datetime(c.last_contact) if c.last_contact else ""),
            ("Notes", c.notes),
        ):
            if value.strip():
                if parts:
                    parts.append("\n")
                parts += [(f"{label}: ", "bold"), value]
        return Content.assemble(*parts) if parts else Content("No details yet.")


def open_contact(app: App, contact_id: int) -> bool:
    """Show the contact's card; False when the contact no longer exists."""
    store = app.store  # type: ignore[attr-defined]
    contact = store.contacts.get(contact_id)
    if contact is None:
        app.notify("That contact was deleted.", timeout=4)
        return False
    org = store.organizations.get(contact.organization_id)
    app.push_screen(ContactCard(contact, org.name if org else ""))
    return True


def open_meeting(app: App, interview_id: int) -> bool:
    """A held meeting opens on its after screen, a running one live, any other on its plan."""
    store = app.store  # type: ignore[attr-defined]
    meeting = store.interviews.get(interview_id)
    if meeting is None:
        app.notify("That meeting was deleted.", timeout=4)
        return False
    if meeting.status is InterviewStatus.DONE:
        from .after import AfterScreen

        app.push_screen(AfterScreen(interview_id))
    elif meeting.status is InterviewStatus.LIVE:
        from .meeting import MeetingScreen

        app.push_screen(MeetingScreen(interview_id))
    else:
        from .plan import PlanScreen

        app.push_screen(PlanScreen(interview_id))
    return True


def open_hit(app: App, hit: Hit) -> None:
    if hit.kind is Kind.CONTACT:
        open_contact(app, hit.record_id)
    elif hit.kind is Kind.MEETING:
        open_meeting(app, hit.record_id)
    elif hit.kind is Kind.EMPLOYER:
        from .employer_card import EmployerCardScreen

        app.push_screen(EmployerCardScreen(hit.record_id))
    else:
        from .queue import QueueScreen

        app.push_screen(QueueScreen(select=hit.record_id))


# ----- the search screen -------------------------------------------------------------------


class SearchScreen(Screen[None]):
    CSS_PATH = stylesheet("search.tcss")
    BINDINGS = [
        Binding("slash", "focus_query", "Edit search", id="search.query",
                tooltip="Back to the search words"),
        Binding("down", "focus_results", "Results", show=False, id="search.results",
                tooltip="Move into the results"),
        Binding("escape", "back", "Back", id="search.back",
                tooltip="Clear the search, or go back"),
    ]  # fmt: skip

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._index: SearchIndex | None = None
        self._hits: list[Hit] = []  # what the table shows, in its order
        self._timer: Timer | None = None
        self._initial = query

    @property
    def hits(self) -> list[Hit]:
        """What the search found, in the order shown."""
        return list(self._hits)

    def compose(self) -> ComposeResult:
        yield Header()
        yield OneLineInput(
            self._initial,
            placeholder="search names, employers, notes, captures, reflections, follow-ups",
            id="search-query",
            max_length=200,
        )
        yield Static("", id="search-count")
        yield RecordTable(COLUMNS, id="search-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#search-query", Input).focus()
        self.call_after_refresh(self.rebuild)

    def on_store_ready(self, _: StoreReady) -> None:
        self.rebuild()

    def on_screen_resume(self) -> None:
        if self._index is not None:
            self.rebuild()  # something may have been edited from a hit

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    def rebuild(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if store is None or not self.is_mounted:
            return
        self._index = SearchIndex.build(
            store.contacts.all(),
            store.organizations.all(),
            store.interviews.all(),
            store.followups.all(),
        )
        self.run_query()

    def run_query(self) -> None:
        if self._index is None:
            return
        query = self.query_one("#search-query", Input).value
        found = self._index.find(query) if query.strip() else Found([], 0)
        self._hits = found.hits
        rows = [
            (PlainCell(h.kind.value), PlainCell(h.title), PlainCell(h.where), PlainCell(h.snippet))
            for h in found.hits
        ]
        self.table.show_rows(list(range(len(rows))), rows, keep=0)
        self.query_one("#search-count", Static).update(self._count_text(query, found))
        self.refresh_bindings()

    def _count_text(self, query: str, found: Found) -> Content:
        if not query.strip():
            return Content("Type words to find; every word must appear. enter opens a hit.")
        if not found.total:
            return Content("Nothing matches every word. Try fewer or shorter words.")
        shown = len(found.hits)
        if shown < found.total:
            return Content(
                f"{found.total:,} matches; the first {shown:,} shown. Add a word, or ↓ and "
                "enter to open one."
            )
        return Content(
            f"{found.total:,} match{'es' if found.total != 1 else ''}. ↓ and enter opens one."
        )

    @on(Input.Changed, "#search-query")
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._index is not None and len(self._index) <= INSTANT_RECORDS:
            self.run_query()
        else:
            self._timer = self.set_timer(TYPING_PAUSE, self._paused)

    def _paused(self) -> None:
        self._timer = None
        self.run_query()

    @on(Input.Submitted, "#search-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._paused()
        if self._hits:
            self.table.focus()
            if len(self._hits) == 1:
                self._open_current()

    @on(RecordTable.Selected, "#search-table")
    def _selected(self) -> None:
        self._open_current()

    def _open_current(self) -> None:
        row = self.table.highlighted_id
        if row is not None and 0 <= row < len(self._hits):
            open_hit(self.app, self._hits[row])

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    def action_focus_results(self) -> None:
        if self._hits:
            self.table.focus()

    def action_back(self) -> None:
        field = self.query_one("#search-query", Input)
        if field.value and field.has_focus:
            field.value = ""
            self.run_query()
        else:
            self.app.pop_screen()
