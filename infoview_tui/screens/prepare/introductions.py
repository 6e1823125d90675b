"""Warm introductions: for each ranked employer and the job I am exploring, who I already know
there, how sure that is, who introduced them, and the next step ("No one yet", said out loud).

One table: a line per target (employers in rank order, then the occupation), its people under
it (surest first). `a` on a person adds "Ask X for an introduction" to the follow-ups (once:
asking again finds the item); enter opens the person. What to show comes from
`services.intros.warm_introductions`, worked out on a worker thread (at 30,000 contacts it
takes about a tenth of a second): the screen is drawn at once and the list follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static

from ...paths import stylesheet
from ...services import intros
from ...services.words import plural
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from .. import router
from ..base import InfoviewScreen

COLUMNS = (
    ColumnSpec("Who", weight=3, min_width=24, max_width=50),
    ColumnSpec("How sure", weight=0, min_width=8, max_width=8),
    ColumnSpec("Works", weight=2, min_width=14, max_width=50),
    ColumnSpec("Introduced by", weight=1, min_width=12, max_width=24),
)
PERSON_ACTIONS = ("ask", "open")


def target_title(target: intros.WarmTarget) -> str:
    if target.is_employer:
        return f"{target.rank}. {target.label}" if target.rank is not None else target.label
    return f"The job: {target.label}"


class IntroductionsScreen(InfoviewScreen[None]):
    CSS_PATH = stylesheet("introductions.tcss")
    BINDINGS = [
        Binding("a", "ask", "Ask for intro", id="intros.ask",
                tooltip="Add 'Ask them for an introduction' to the follow-ups"),
        Binding("enter,o", "open", "Open", id="intros.open",
                tooltip="Open the highlighted person's card"),
        Binding("escape", "back", "Back", id="intros.back", tooltip="Back"),
    ]  # fmt: skip

    @dataclass
    class Found(Message):
        """From the worker: the targets and who I know at each."""

        targets: list[intros.WarmTarget]

    def __init__(
        self, *, organization_id: int | None = None, occupation_id: int | None = None
    ) -> None:
        super().__init__()
        self._start = (organization_id, occupation_id)
        self._targets: list[intros.WarmTarget] = []
        self._people: list[tuple[intros.WarmTarget, intros.Known]] = []  # row id: index
        self._lines: dict[int, intros.WarmTarget] = {}  # negative row ids: a target's lines
        self._found = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Finding who you know…", id="intros-summary")
        yield RecordTable(COLUMNS, id="intros-table")
        with VerticalScroll(id="intros-detail", can_focus=False):
            yield Static("", id="intros-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Warm introductions"
        self.query_one("#intros-detail").border_title = "Next step"
        self.query_one(RecordTable).focus()
        self._find()

    def reload_from_store(self) -> None:
        self._find()

    @work(thread=True, exclusive=True, group="intros", exit_on_error=False)
    def _find(self) -> None:
        """Work out who I know where; touches no widget, only posts what it found."""
        self.post_message(self.Found(intros.warm_introductions(self.store)))

    @on(Found)
    def _show(self, message: Found) -> None:
        keep = self.query_one(RecordTable).highlighted_id if self._found else None
        self._found = True
        self._targets = message.targets
        self._people = []
        self._lines = {}
        ids: list[int] = []
        rows: list[tuple[PlainCell, ...]] = []
        start_row: int | None = None
        line = -1
        for target in self._targets:
            wanted = self._start != (None, None) and self._start == (
                target.organization_id,
                target.occupation_id,
            )
            self._lines[line] = target
            if wanted and start_row is None:
                start_row = len(self._people) if target.people else line
            ids.append(line)
            count = plural(target.total, "person", "people") if target.total else "no one yet"
            rows.append(_cells(f"── {target_title(target)}", "", count, ""))
            line -= 1
            if not target.people:
                self._lines[line] = target
                ids.append(line)
                rows.append(_cells("   No one yet", "", target.next_step, ""))
                line -= 1
            for known in target.people:
                ids.append(len(self._people))
                self._people.append((target, known))
                works = ", ".join(x for x in (known.job_title, known.works_at) if x)
                rows.append(
                    _cells(f"   {known.name}", known.sureness.value, works, known.introducer)
                )
            if target.total > len(target.people):
                self._lines[line] = target
                ids.append(line)
                more = target.total - len(target.people)
                rows.append(_cells(f"   … and {more:,} more", "", "the surest are shown", ""))
                line -= 1
        table = self.query_one(RecordTable)
        table.show_rows(ids, rows, keep=start_row if keep is None else keep)
        self._summary()
        self._detail(table.highlighted_id)
        self.refresh_bindings()

    def _summary(self) -> None:
        summary = self.query_one("#intros-summary", Static)
        if not self._targets:
            summary.update(
                "No ranked employers and no current occupation yet: rank employers on the "
                "Employers list (r), or choose the job you are exploring (o on home)."
            )
            return
        known = sum(1 for t in self._targets if t.total)
        summary.update(
            f"You know someone at {known} of {plural(len(self._targets), 'target', 'targets')} "
            "(ranked employers and the job you are exploring). a asks a person for an "
            "introduction."
        )

    @on(RecordTable.Highlighted, "#intros-table")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        self._detail(event.record_id)
        self.refresh_bindings()

    @on(RecordTable.Selected, "#intros-table")
    def _selected(self, event: RecordTable.Selected) -> None:
        self.action_open()

    def _current(self) -> tuple[intros.WarmTarget, intros.Known] | None:
        row = self.query_one(RecordTable).highlighted_id
        if row is None or not 0 <= row < len(self._people):
            return None
        return self._people[row]

    def _detail(self, row: int | None) -> None:
        panel = self.query_one("#intros-detail-text", Static)
        box = self.query_one("#intros-detail")
        current = self._current()
        if current is not None:
            target, known = current
            box.border_title = Content(target_title(target))
            panel.update(
                Content.assemble(
                    (known.line(), "bold"),
                    "\n",
                    f"a: ask {known.name} for an introduction (a follow-up) · enter: open them",
                    "\n",
                    ("Next step: ", "bold"),
                    target.next_step,
                )
            )
            return
        line = self._lines.get(row) if row is not None else None
        if line is None:
            box.border_title = "Next step"
            panel.update("")
            return
        box.border_title = Content(target_title(line))
        panel.update(Content.assemble(("Next step: ", "bold"), line.next_step))

    # ----- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PERSON_ACTIONS and self.is_mounted:
            return self._current() is not None or None
        return True

    def action_ask(self) -> None:
        current = self._current()
        if current is None:
            return
        target, known = current
        outcome = intros.ask_for_introduction(
            self.store,
            known.contact_id,
            self.now(),
            organization_id=target.organization_id,
            occupation_id=target.occupation_id,
        )
        self.notify(outcome.message, title="Follow-ups", markup=False, timeout=6)

    def action_open(self) -> None:
        current = self._current()
        if current is not None:
            router.open_contact(self.app, current[1].contact_id)

    def action_back(self) -> None:
        self.app.pop_screen()


def _cells(*texts: str) -> tuple[PlainCell, ...]:
    return tuple(PlainCell(text) for text in texts)
