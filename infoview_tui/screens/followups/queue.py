"""The follow-up queue: what to do, for whom and why, from overdue to recently done.

One table with a header row per section (with its count), so 20,000 items scroll as one list.
Rows whose day falls on a rest day or in a week over the meeting cap say so in a column of
their own. Every change goes through the domain rules (followups.py) and is saved at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Static

from ...dialogs.confirm import ConfirmScreen
from ...dialogs.energy import EnergyScreen
from ...domain.followups import (
    SECTION_ORDER,
    Queue,
    build_queue,
    flags,
    weeks_over_cap,
)
from ...domain.progress import lighter_week_hint
from ...domain.records import FollowUp, Profile
from ...domain.timefmt import column_date, relative_day, short_date
from ...paths import stylesheet
from ...services import Outcome
from ...services import followups as followups_service
from ...services import profile as profile_service
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from .. import router
from ..files import offer_export
from ..record_list import RecordListScreen

# The snooze and add dialogs are imported where they open: they bring the date reader, which
# is loaded at the first date field, not with the queue (benchmarks/README.md, date_reading).

COLUMNS = (
    ColumnSpec("Due", weight=0, min_width=10, max_width=10),
    ColumnSpec("What to do", weight=3, min_width=18, max_width=60),
    ColumnSpec("For", weight=1.5, min_width=10, max_width=28),
    ColumnSpec("Why", weight=2, min_width=10, max_width=50),
    ColumnSpec("Note", weight=0, min_width=9, max_width=9),
)
SECTION_ROWS = 500  # rows per section; the rest are counted in one line (see _limit)
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def flag_words(found: list[str]) -> str:
    return "rest+busy" if len(found) == 2 else (found[0] if found else "")


class QueueTable(RecordTable):
    """The queue's table: rows with a negative id are section headers (and "… more" lines),
    and the cursor passes over them, so it always rests on an item that `d`, `s` and `o`
    act on. Only a queue with no items at all leaves it on a header."""

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        super().move_cursor(row=self._item_row(row, row - self.cursor_row), animate=animate)

    def show_rows(
        self,
        ids: list[int],
        rows: Sequence[Sequence[PlainCell]],
        keep: int | None = None,
    ) -> None:
        super().show_rows(ids, rows, keep=keep)
        if self.highlighted_id is not None and self.highlighted_id < 0:
            self.move_cursor(row=self.cursor_row)

    def _item_row(self, row: int, step: int) -> int:
        """The item row nearest `row` in the direction of `step` (down when 0), else the
        nearest the other way; `row` itself when there is no item at all."""
        ids = self.row_ids
        row = max(0, min(row, len(ids) - 1))
        ahead = -1 if step < 0 else 1
        for direction in (ahead, -ahead):
            at = row
            while 0 <= at < len(ids):
                if ids[at] >= 0:
                    return at
                at += direction
        return row


class QueueScreen(RecordListScreen):
    CSS_PATH = stylesheet("queue.tcss")
    BINDINGS = [
        Binding("d", "done", "Done", id="queue.done",
                tooltip="Mark the highlighted item done (again on a done one reopens it)"),
        Binding("s", "snooze", "Snooze", id="queue.snooze",
                tooltip="Move it later: +1 day, +3 days, +1 week or a typed day"),
        Binding("o", "open", "Open", id="queue.open",
                tooltip="Open the meeting or contact the item is about"),
        Binding("a", "add", "Add", id="queue.add", tooltip="Add a follow-up by hand"),
        Binding("L", "low_energy", "Low energy", id="queue.low_energy",
                tooltip="A low-energy day: move today's non-urgent items to the next working day"),
        Binding("E", "energy", "Pace", id="queue.energy",
                tooltip="Weekly meeting cap and rest days"),
        Binding("c", "export_calendar", ".ics", id="queue.calendar",
                tooltip="Open follow-ups with a due day as a calendar file (.ics)"),
        Binding("escape", "back", "Back", id="queue.back", tooltip="Back to home"),
    ]  # fmt: skip

    def __init__(self, select: int | None = None) -> None:
        super().__init__()
        self._select = select  # a follow-up to put the cursor on once the rows are there
        self._items: dict[int, FollowUp] = {}
        self._names: dict[int | None, str] = {}
        self._flags: dict[int, list[str]] = {}
        self._queue: Queue | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queue-summary")
        yield Static("", id="queue-hint")
        yield QueueTable(COLUMNS, id="queue-table")
        yield Static("", id="queue-detail")
        yield Footer(compact=True, show_command_palette=False)  # the keys fill 80 columns

    def on_mount(self) -> None:
        self.sub_title = "Follow-ups"

    # ----- building the rows -----------------------------------------------------------------

    def reload(self, keep: int | None = None, *, row: int | None = None) -> None:
        """Rebuild every row; the cursor goes to item `keep`, else to `row` (the first item at
        or after it), else stays on the item it was on."""
        store = self.store
        if not self.is_mounted:
            return
        if keep is None and self._select is not None:
            keep, self._select = self._select, None
        now = self.now()
        profile = store.profile()
        rest = profile.rest_days
        interviews = store.interviews.all()
        busy = weeks_over_cap(interviews, profile.weekly_meeting_cap, now.tzinfo)
        hint = lighter_week_hint(interviews, now.date(), profile.weekly_meeting_cap, now.tzinfo)
        shown_hint = self.query_one("#queue-hint", Static)
        shown_hint.update(Content(hint))
        shown_hint.display = bool(hint)
        self._names = {c.id: c.name for c in store.contacts.all()}
        queue = self._queue = build_queue(store.followups.all(), now)
        today = now.date()
        ids: list[int] = []
        rows: list[tuple[PlainCell, ...]] = []
        self._items = {}
        self._flags = {}
        if keep is None and row is None:
            keep = self.table.highlighted_id
        header = -1
        empty = PlainCell("")
        for section in SECTION_ORDER:
            items = queue.sections[section]
            ids.append(header)
            header -= 1
            label = f"{section.value.upper()} · {len(items):,}"
            rows.append((PlainCell("──────────"), PlainCell(label), empty, empty, empty))
            shown = items[: self._limit(items, keep)]
            for item in shown:
                assert item.id is not None
                found = flags(item, rest, busy)
                self._items[item.id] = item
                self._flags[item.id] = found
                ids.append(item.id)
                rows.append(
                    (
                        PlainCell(column_date(item.due, today) if item.due else "no date"),
                        PlainCell(item.title or "(untitled)"),
                        PlainCell(self._names.get(item.contact_id, "")),
                        PlainCell(item.reason),
                        PlainCell(flag_words(found)),
                    )
                )
            if len(shown) < len(items):
                ids.append(header)
                header -= 1
                more = f"… {len(items) - len(shown):,} more: they move up as you finish these"
                rows.append((empty, PlainCell(more), empty, empty, empty))
        if row is None and keep not in self._items:
            keep = next((i for i in ids if i >= 0), None)
        self.table.show_rows(ids, rows, keep=keep)
        if row is not None and ids:
            target = min(row, len(ids) - 1)
            while target < len(ids) - 1 and ids[target] < 0:
                target += 1
            self.table.move_cursor(row=target, animate=False)
        self._summary(profile.weekly_meeting_cap, rest)
        self.show_detail(self.table.highlighted_id)
        self.refresh_bindings()

    def _summary(self, cap: int | None, rest: list[int]) -> None:
        """The energy settings in words (the section rows carry the counts)."""
        pace = f"at most {cap} meeting{'s' if cap != 1 else ''} a week" if cap else "no meeting cap"
        days = ", ".join(DAY_NAMES[d] for d in sorted(rest)) if rest else "none"
        self.query_one("#queue-summary", Static).update(
            Content.assemble(
                ("Pace: ", "bold"), pace, " · ", ("rest days: ", "bold"), days, " · E changes"
            )
        )

    def open_record(self, record_id: int) -> None:
        self.action_open()

    @staticmethod
    def _limit(items: list[FollowUp], keep: int | None) -> int:
        """How many of a section's items get a row: SECTION_ROWS, or up to `keep` if later.

        Thousands of rows cost a third of a second to lay out on every change, and nobody
        reads past the first few hundred of a section; the rest move up as these are done.
        """
        if keep is not None and keep >= 0 and len(items) > SECTION_ROWS:
            for index in range(SECTION_ROWS, len(items)):
                if items[index].id == keep:
                    return index + 1
        return SECTION_ROWS

    @property
    def current(self) -> FollowUp | None:
        item_id = self.table.highlighted_id
        return self._items.get(item_id) if item_id is not None and item_id >= 0 else None

    def show_detail(self, record_id: int | None) -> None:
        panel = self.query_one("#queue-detail", Static)
        item = self.current
        if item is None:
            if not self._items:
                text = "Nothing to follow up yet. Press a to add something by hand."
            else:
                text = "Move onto an item to see what it is about."
            panel.update(Content(text))
            return
        today = self.now().date()
        who = self._names.get(item.contact_id, "")
        if item.done is not None:
            when = f"done {relative_day(item.done.astimezone(self.now().tzinfo).date(), today)}"
        elif item.due is not None:
            when = f"due {short_date(item.due, today)}, {relative_day(item.due, today)}"
        else:
            when = "no due day"
        parts: list[str | tuple[str, str]] = [(item.title or "(untitled)", "bold"), "\n"]
        parts += [f"{item.kind.value} · {when}"]
        if who:
            parts += [" · for ", who]
        parts += ["\n", ("Why: ", "bold"), item.reason or "no reason noted"]
        found = self._flags.get(item.id or -1, [])
        if found:
            words = []
            if "rest day" in found:
                words.append("it falls on one of your rest days")
            if "busy week" in found:
                words.append("that week already has more meetings than your cap")
            parts += ["\n", ("Note: ", "bold"), "; ".join(words) + "."]
        panel.update(Content.assemble(*parts))

    # ----- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "snooze", "open"):
            if not self.is_mounted or not self.query(RecordTable):
                return None
            item = self.current
            if item is None:
                return None
            if action == "snooze" and item.done is not None:
                return None
            if action == "open" and item.contact_id is None and item.interview_id is None:
                return None
        return True

    def _say(self, outcome: Outcome, *, keep: bool = True) -> None:
        """Show the list after a change, the cursor on the changed item, and say what changed."""
        item = outcome.value
        if keep and isinstance(item, FollowUp):
            self.reload(keep=item.id)
        else:
            self.reload(row=self.table.cursor_row)
        self.notify(outcome.message, markup=False, timeout=4)

    def action_done(self) -> None:
        item = self.current
        if item is None or item.id is None:
            return
        if item.done is None:
            # Stay where the item was: the next one to do moves up under the cursor.
            self._say(followups_service.complete(self.store, item.id, self.now()), keep=False)
        else:
            self._say(followups_service.reopen(self.store, item.id))

    def action_snooze(self) -> None:
        from ...dialogs.snooze import SnoozeScreen

        item = self.current
        if item is None or item.done is not None:
            return
        profile = self.store.profile()

        def chosen(moved: FollowUp | None) -> None:
            if moved is not None and moved.due is not None:
                self._say(followups_service.moved_to(self.store, moved, self.now()))

        self.app.push_screen(
            SnoozeScreen(item, self.now(), profile.rest_days, day_first=profile.day_first),
            chosen,
        )

    def action_open(self) -> None:
        item = self.current
        if item is None:
            return
        if item.interview_id is not None and self.store.interviews.get(item.interview_id):
            router.open_meeting(self.app, item.interview_id)
        elif item.contact_id is not None:
            router.open_contact(self.app, item.contact_id)
        else:
            self.notify("This item is not linked to a meeting or a contact.", timeout=4)

    def action_add(self) -> None:
        from ...dialogs.add_followup import AddItemScreen

        profile = self.store.profile()

        def added(answer: tuple[str, date] | None) -> None:
            if answer is not None:
                title, due = answer
                self._say(followups_service.add(self.store, title, due, self.now()))

        self.app.push_screen(AddItemScreen(self.now(), profile.day_first), added)

    def action_low_energy(self) -> None:
        now = self.now()
        plan = followups_service.low_energy_plan(self.store, now)
        if not plan.moves:
            outcome = followups_service.apply_low_energy(self.store, plan, now)
            self.notify(outcome.message, title="Low-energy day", timeout=6)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                outcome = followups_service.apply_low_energy(self.store, plan, now)
                self.reload()
                self.notify(outcome.message, title="Low-energy day", markup=False, timeout=6)

        self.app.push_screen(
            ConfirmScreen("A low-energy day", plan.question, yes="Move them", no="Keep"),
            answered,
        )

    def action_energy(self) -> None:
        store = self.store

        def saved(profile: Profile | None) -> None:
            if profile is None:
                return
            outcome = profile_service.set_pace(store, profile.weekly_meeting_cap, profile.rest_days)
            self.reload()
            self.notify(outcome.message, timeout=3)

        self.app.push_screen(EnergyScreen(store.profile()), saved)

    def action_export_calendar(self) -> None:
        from ...services.exports import export_ics

        offer_export(
            self.app,
            "Follow-ups to a calendar file",
            lambda choice: export_ics(
                self.store, self.now(), todos=choice.todos, meetings_in=False
            ),
            about="Open follow-ups with a due day, for any calendar program (.ics). "
            "Importing a newer file updates them rather than doubling them.",
            todos=True,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
