"""Search everything: type words, see where each hit is, open it with enter.

The index is built once when the screen opens (tens of milliseconds at 30,000 contacts) and
each keystroke runs a plain string scan over it; a large store waits for a pause in typing.
Enter opens a hit where it lives (see router.py).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from ..domain.search import Found, Hit, SearchIndex
from ..paths import stylesheet
from ..widgets.one_line_input import OneLineInput
from ..widgets.record_table import ColumnSpec, PlainCell, RecordTable
from . import router
from .record_list import RecordListScreen

COLUMNS = (
    ColumnSpec("Kind", weight=0, min_width=9, max_width=9),
    ColumnSpec("Title", weight=2, min_width=16, max_width=40),
    ColumnSpec("Where", weight=1, min_width=10, max_width=22),
    ColumnSpec("Text", weight=3, min_width=16, max_width=80),
)
INSTANT_RECORDS = 5_000  # below this many records, search on every key; above, on a pause
TYPING_PAUSE = 0.15


# ----- the search screen -------------------------------------------------------------------


class SearchScreen(RecordListScreen):
    FOCUS_TABLE = False  # it starts in the search box
    CSS_PATH = stylesheet("search.tcss")
    BINDINGS = [
        Binding("slash", "focus_query", "Edit search", id="search.query",
                tooltip="Back to the search words"),
        Binding("down", "focus_results", "Results", show=False, id="search.results",
                tooltip="Move into the results"),
        Binding("escape", "back", "Back", id="search.back",
                tooltip="Leave the search (ctrl+u in the box clears the words)"),
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

    def reload(self, keep: int | None = None) -> None:
        """Build the index again (something may have been edited from a hit), then search."""
        store = self.store
        if not self.is_mounted:
            return
        self._index = SearchIndex.build(
            store.contacts.all(),
            store.organizations.all(),
            store.interviews.all(),
            store.followups.all(),
            zone=self.now().tzinfo,
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

    def open_record(self, record_id: int) -> None:
        self._open_current()

    def _open_current(self) -> None:
        row = self.table.highlighted_id
        if row is not None and 0 <= row < len(self._hits):
            router.open_hit(self.app, self._hits[row])

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    def action_focus_results(self) -> None:
        if self._hits:
            self.table.focus()

    def action_back(self) -> None:
        """Escape leaves at once, as it does everywhere: a first escape that only cleared the
        words left the next key to be typed into the box instead of acting."""
        self.app.pop_screen()
