"""Employers: the ranked target list, with a visible line after the tenth.

The top ten are the organisations I most want to learn about; more can wait below the line,
and employers not ranked at all (leads, competitors noted on a card) sit under their own line.
Keys reorder the ranking, rank or unrank, and mark the one practice target; enter opens the
research card. Every change is saved at once; ranks stay 1..n without gaps (see
`infoview_tui.domain.employers`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from ...dialogs.text_prompt import TextPrompt
from ...domain import employers as rules
from ...domain.records import Organization
from ...paths import stylesheet
from ...services import employers as employers_service
from ...services.words import plural
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from .. import router
from ..record_list import RecordListScreen

# Up and down the ranking, shown together: "⇧↑⇧↓ Move" leaves the footer room for the rest.
MOVE = Binding.Group("Move")

COLUMNS = (
    ColumnSpec("#", weight=0, min_width=3, max_width=3),
    ColumnSpec("Employer", weight=2, min_width=16, max_width=40),
    ColumnSpec("Why", weight=3, min_width=16, max_width=80),
    ColumnSpec("Practice", weight=0, min_width=8, max_width=8),
    ColumnSpec("Contacts", weight=0, min_width=8, max_width=8),
)
# Row ids for the two dividing lines (records always have positive ids).
TOP_LINE = -1
UNRANKED_LINE = -2
ROW_ACTIONS = ("open", "move", "rank", "practice", "delete")


def divider(text: str, note: str = "") -> tuple[PlainCell, ...]:
    cells = ("──", f"── {text} ──", note, "", "")
    return tuple(PlainCell(cell) for cell in cells)


class EmployersScreen(RecordListScreen):
    CSS_PATH = stylesheet("employers.tcss")
    BINDINGS = [
        Binding("a", "add", "Add", id="employers.add", tooltip="Add an employer to the list"),
        Binding("e", "open", "Card", id="employers.open",
                tooltip="Open the research card of the highlighted employer"),
        Binding("shift+up,K", "move(-1)", "Up", id="employers.up", key_display="⇧↑",
                tooltip="Move the highlighted employer up the ranking", group=MOVE),
        Binding("shift+down,J", "move(1)", "Down", id="employers.down", key_display="⇧↓",
                tooltip="Move the highlighted employer down the ranking", group=MOVE),
        Binding("r", "rank", "Rank", id="employers.rank",
                tooltip="Put the highlighted employer on the ranked list, or take it off"),
        Binding("p", "practice", "Practice", id="employers.practice",
                tooltip="Mark the highlighted employer as the practice target (only one)"),
        Binding("d", "delete", "Delete", id="employers.delete",
                tooltip="Delete the highlighted employer (asks first)"),
        Binding("w", "introductions", "Intros", id="employers.intros",
                tooltip="Warm introductions: who you know at each ranked employer"),
        Binding("escape", "back", "Back", id="employers.back", tooltip="Back to home"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._orgs: dict[int, Organization] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="employers-summary")
        yield RecordTable(COLUMNS, id="employers-table")
        with VerticalScroll(id="employer-detail", can_focus=False):
            yield Static("", id="employer-detail-text")
        # The palette hint left out: the keys and "? Help" need all of 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#employer-detail").border_title = "Why"

    @property
    def highlighted(self) -> Organization | None:
        org_id = self.table.highlighted_id
        return self._orgs.get(org_id) if org_id is not None else None

    # ----- rows --------------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Rebuild the rows from the store, keeping the cursor on `keep` (or where it was)."""
        orgs = rules.ranked(self.store.organizations.all())
        self._orgs = {o.id: o for o in orgs if o.id is not None}
        counts = rules.contact_counts(self.store.contacts.all())
        top = [o for o in orgs if o.rank is not None]
        rest = [o for o in orgs if o.rank is None]
        ids: list[int] = []
        rows: list[tuple[PlainCell, ...]] = []

        def add(org: Organization) -> None:
            assert org.id is not None
            count = counts.get(org.id, 0)
            ids.append(org.id)
            cells = (
                str(org.rank) if org.rank is not None else "",
                org.name,
                org.why,
                "practice" if org.practice else "",
                str(count) if count else "",
            )
            rows.append(tuple(PlainCell(text) for text in cells))

        for org in top[: rules.TOP]:
            add(org)
        free = rules.TOP - len(top)
        ids.append(TOP_LINE)
        note = "more can wait below" if free <= 0 else f"{free} of ten places free"
        rows.append(divider("top ten above", note))
        for org in top[rules.TOP :]:
            add(org)
        if rest:
            ids.append(UNRANKED_LINE)
            rows.append(divider("not ranked", "r puts one on the list"))
            for org in rest:
                add(org)
        self.table.show_rows(
            ids, rows, keep=keep if keep is not None else self.table.highlighted_id
        )
        practice = rules.practice_target(orgs)
        summary = [
            plural(len(top), "ranked", "ranked"),
            plural(len(orgs) - len(top), "not ranked", "not ranked"),
            f"practice: {practice.name}" if practice else "no practice target yet (p marks one)",
        ]
        self.query_one("#employers-summary", Static).update(Content(" · ".join(summary)))
        self.show_detail(self.table.highlighted_id)
        self.refresh_bindings()

    def open_record(self, record_id: int) -> None:
        self.action_open()

    def show_detail(self, record_id: int | None) -> None:
        panel = self.query_one("#employer-detail-text", Static)
        box = self.query_one("#employer-detail")
        org = self.highlighted
        if org is None:
            box.border_title = "Why"
            if not self._orgs:
                text = "No employers yet. Press a to add one you would like to work for."
            elif self.table.highlighted_id == TOP_LINE:
                text = "The ten above this line are the target list; more can wait below it."
            else:
                text = "Employers below this line are not ranked: r puts one on the list."
            panel.update(Content(text))
            return
        box.border_title = Content(org.name)
        parts: list[str | tuple[str, str]] = [
            org.why or ("No reason written yet: e opens the card.", "dim")
        ]
        if org.website:
            parts += ["\n", ("Website: ", "bold"), org.website]
        panel.update(Content.assemble(*parts))

    # ----- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and self.is_mounted:
            org = self.highlighted
            if org is None:
                return None  # dimmed: a dividing line or an empty list
            if action == "move" and org.rank is None:
                return None
        return True

    def action_move(self, offset: int) -> None:
        org = self.highlighted
        if org is None or org.id is None:
            return
        if org.rank is None:
            self.notify("Only ranked employers move; r puts it on the ranked list.", timeout=3)
            return
        employers_service.move(self.store, org.id, offset)
        self.reload(keep=org.id)

    def action_rank(self) -> None:
        org = self.highlighted
        if org is None or org.id is None:
            return
        outcome = employers_service.set_ranked(self.store, org.id, org.rank is None)
        self.reload(keep=org.id)
        self.notify(outcome.message, markup=False, timeout=3)

    def action_practice(self) -> None:
        org = self.highlighted
        if org is None or org.id is None:
            return
        employers_service.set_practice(self.store, org.id, not org.practice)
        self.reload(keep=org.id)

    def action_open(self) -> None:
        org = self.highlighted
        if org is None or org.id is None:
            return
        router.open_employer(self.app, org.id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_introductions(self) -> None:
        org = self.highlighted
        router.open_introductions(self.app, organization_id=org.id if org else None)

    def action_add(self) -> None:
        def named(name: str | None) -> None:
            if not name:
                return
            existing = rules.find_by_name(self._orgs.values(), name)
            if existing is not None:
                self.reload(keep=existing.id)
                self.notify(f"{existing.name} is already on the list.", markup=False, timeout=4)
                return
            outcome = employers_service.add_employer(self.store, name)
            if outcome.value is None:
                self.notify(outcome.message, severity="error", markup=False)
                return
            org_id = outcome.value.id
            assert org_id is not None
            self.reload(keep=org_id)
            router.open_employer(self.app, org_id, new=True)  # straight on: why is it listed?

        self.app.push_screen(
            TextPrompt("New employer", "Name of the organisation:", max_length=200), named
        )

    def action_delete(self) -> None:
        org = self.highlighted
        if org is None or org.id is None:
            return
        doomed = org.id
        self.confirm_delete(
            f"Delete {org.name}?",
            employers_service.deletion_effects(self.store, doomed),
            lambda: employers_service.delete_employer(self.store, doomed),
        )
