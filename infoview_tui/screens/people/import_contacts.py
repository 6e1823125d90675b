"""Importing contacts: pick a file by its path, see what would happen, then import it at once.

The file may be LinkedIn's connections export as downloaded (Connections.csv, or the ZIP of
"Get a copy of your data"), a CSV with a header row, or a vCard file. Enter on the path reads
the file and matches it against my contacts on a worker thread (3,000 rows never hold up the
screen); the worker only posts a message, and this screen shows it. Nothing is written until
ctrl+s, which imports the whole preview in one batch (`services.imports`, as the CLI does).
A CSV whose header names no column of names opens the column choice (the CLI's --map).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label, Static

from ...domain.records import ContactSource
from ...exchange.import_plan import Action, ImportPlan, group_skips
from ...paths import stylesheet
from ...services import imports
from ...services.words import plural
from ...widgets.path_input import MAX_PATH, PathInput
from ...widgets.record_table import ColumnSpec, PlainCell, RecordTable
from ..base import InfoviewScreen

COLUMNS = (
    ColumnSpec("Row", weight=0, min_width=8, max_width=12),
    ColumnSpec("Name", weight=2, min_width=14, max_width=36),
    ColumnSpec("What", weight=0, min_width=10, max_width=10),
    ColumnSpec("Why, or what changes", weight=3, min_width=20, max_width=90),
)
# What the table shows, in the order `v` goes through them.
VIEWS = ("all", Action.NEW.value, Action.UPDATE.value, Action.SAME.value, "skipped")
CONTACTS_FILES = (".csv", ".zip", ".vcf", ".vcard")
WHERE_FROM = """\
Where the files come from:
- LinkedIn: Settings, Data privacy, "Get a copy of your data", tick Connections. The ZIP it
  sends can be imported as it is, or its Connections.csv.
- A phone, Google Contacts, Outlook or Apple Contacts: export the contacts as a vCard (.vcf)
  or CSV file.
- A spreadsheet: save it as CSV with a header row; if its columns have other names, you
  choose which holds what.
People you already have are matched, not doubled: by profile URL, email, then the same name
at the same employer."""
WHAT = {Action.NEW: "new", Action.UPDATE: "update", Action.SAME: "up to date"}


@dataclass(frozen=True)
class Entry:
    """One row or card of the file and what the import does with it, ready to show."""

    number: int
    where: str
    name: str
    what: str  # new, update, up to date, skipped
    line: str  # for the table
    full: str  # for the panel under it


def preview_entries(plan: ImportPlan) -> list[Entry]:
    """Every row of the file in its order, with what happens to it and why."""
    warnings: dict[str, list[str]] = {}
    for warning in plan.contents.warnings:
        where, _sep, text = warning.partition(": ")
        warnings.setdefault(where, []).append(text)
    entries = []
    for row in plan.rows:
        person = row.person
        bits: list[str] = []
        if row.by is not None:
            bits.append(f"matched by {row.by.value}")
        bits += list(row.changes)
        bits += list(row.kept)
        if row.action is Action.NEW and row.employer:
            bits.append(f"at {row.employer} (on your list)")
        if row.action is Action.SAME and not row.kept:
            bits.append("already in your contacts as the file has them")
        if row.note:
            bits.append(row.note)
        full = row.describe()
        if row.action is Action.SAME and not row.kept:
            full += ": already up to date, nothing changes"
        for text in warnings.get(person.where, []):
            full += f"\nNote: {text}"
        what = WHAT[row.action]
        entries.append(Entry(person.number, person.where, person.name, what, "; ".join(bits), full))
    for skip in plan.skipped:
        full = f"{skip.where}: skipped: {skip.reason}"
        entries.append(Entry(skip.number, skip.where, "", "skipped", skip.reason, full))
    entries.sort(key=lambda e: e.number)
    return entries


def summary_lines(plan: ImportPlan) -> list[str]:
    """The preview in a few lines: counts, how people were matched, what the file said."""
    new, updated, _same, skipped = plan.counts()
    lines = [f"From {plan.contents.label}: {plan.summary()}"]
    matched: dict[str, int] = {}
    for row in plan.rows:
        if row.by is not None:
            matched[row.by.value] = matched.get(row.by.value, 0) + 1
    if matched:
        how = ", ".join(f"{n:,} by {by}" for by, n in matched.items())
        lines.append(f"Matched to contacts you have: {how}.")
    linked = sum(1 for row in plan.new if row.employer)
    if linked:
        lines.append(f"New people at an employer on your list (same name): {linked:,}.")
    if skipped:
        lines.append("Skipped: " + "; ".join(group_skips(plan.skipped, 3)) + ".")
    lines += plan.contents.notes
    if plan.contents.warnings:
        lines.append(
            f"{plural(len(plan.contents.warnings), 'note', 'notes')} on rows that are kept "
            "(see each row)."
        )
    if not plan.changes:
        if plan.rows:
            lines.append(
                "Nothing to import: everyone in this file is already in your contacts, as "
                "the file has them. Importing it again adds nothing."
            )
        else:
            lines.append("Nothing to import: the file holds no one who could be imported.")
    else:
        lines.append(
            f"ctrl+s imports it: {plural(new, 'new contact', 'new contacts')} and "
            f"{plural(updated, 'update', 'updates')}, all at once. Nothing is written before."
        )
    return lines


class ImportScreen(InfoviewScreen[ImportPlan | None]):
    """Dismisses with the plan applied (the contacts list then shows them), or None."""

    CSS_PATH = stylesheet("import.tcss")
    BINDINGS = [
        Binding("ctrl+s", "apply", "Import", id="import.apply",
                tooltip="Import what the preview shows, all at once"),
        Binding("ctrl+l", "columns", "Columns", id="import.columns",
                tooltip="Choose which column of the CSV file holds what"),
        Binding("v", "next_view", "Show", id="import.view",
                tooltip="Show every row, or only new, to update, up to date or skipped"),
        Binding("ctrl+f", "path", "File", id="import.path", tooltip="Back to the file's path"),
        Binding("escape", "back", "Back", id="import.back",
                tooltip="Back to contacts; nothing is imported"),
    ]  # fmt: skip

    @dataclass
    class Planned(Message):
        """From the worker: the file was read and matched."""

        token: int
        plan: ImportPlan
        entries: list[Entry]

    @dataclass
    class Failed(Message):
        """From the worker: the file could not be read; `columns` when names are missing."""

        token: int
        message: str
        columns: list[str] = field(default_factory=list)
        sample: list[str] = field(default_factory=list)

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self._start_path = path
        self._token = 0  # the latest reading asked for; older answers are dropped
        self._plan: ImportPlan | None = None
        self._entries: list[Entry] = []
        self._view = 0
        self._mapping: dict[str, str] | None = None
        self._mapped_path: Path | None = None  # the file the column choice is for
        self._columns: list[str] = []
        self._sample: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "A LinkedIn connections export (Connections.csv, or the ZIP as downloaded), a CSV "
            "with a header row, or a vCard file (.vcf). Enter shows what would happen.",
            id="import-about",
        )
        with Horizontal(id="import-path-bar"):
            yield Label("File ", id="import-path-label")
            yield PathInput(
                self._start_path,
                id="import-path",
                compact=True,
                select_on_focus=False,
                placeholder="~/Downloads/Connections.csv   (tab completes names)",
            )
        yield Static("", id="import-status")
        yield RecordTable(COLUMNS, id="import-rows")
        with VerticalScroll(id="import-detail", can_focus=False):
            yield Static("", id="import-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Import contacts"
        self.query_one("#import-detail").border_title = "Preview"
        self.query_one("#import-rows").display = False
        self.query_one("#import-path").focus()
        self._say("Type the file's path, then enter. Nothing is imported before you say so.")
        self.query_one("#import-detail-text", Static).update(Content(WHERE_FROM))

    def reload_from_store(self) -> None:
        """Another version of the data was loaded: the preview is made again against it."""
        if self._plan is not None:
            self.preview()

    # ----- reading (on a worker thread) ---------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.preview()

    def preview(self) -> None:
        """Read the file at the path and match it, on a worker; the answer comes as a message."""
        path = self.query_one("#import-path", PathInput).path
        if not str(path).strip() or str(path) == ".":
            self._say("Type the path of the file to import.", error=True)
            return
        if self._mapped_path != path:
            self._mapping, self._mapped_path = None, None
        self._token += 1
        self._plan = None
        self._say(f"Reading {path.name or path}…")
        self.refresh_bindings()
        self._read(self._token, path, self._mapping)

    # A description of its own: Textual would otherwise build one from the arguments (a path).
    @work(
        thread=True,
        exclusive=True,
        group="import-read",
        exit_on_error=False,
        description="read a contacts file",
    )
    def _read(self, token: int, path: Path, mapping: dict[str, str] | None) -> None:
        """Read and plan; touches no widget, only posts what it found."""
        try:
            if len(str(path)) > MAX_PATH or "\x00" in str(path):
                self.post_message(self.Failed(token, "That is not a path this computer can open."))
                return
            if path.is_dir():
                self.post_message(self.Failed(token, _folder_message(path)))
                return
            contents = imports.read_contacts(path, mapping)
            plan = imports.plan_contacts(self.store, contents, self.now())
            self.post_message(self.Planned(token, plan, preview_entries(plan)))
        except imports.NoNameColumn as err:
            message = (
                f"No column of {path.name} is recognised as names. Choose which column holds "
                "what (ctrl+l)."
            )
            self.post_message(self.Failed(token, message, err.columns, err.sample))
        except imports.ReadError as err:
            self.post_message(self.Failed(token, str(err)))
        except OSError:  # a path the system refuses (a name too long, ...)
            self.post_message(self.Failed(token, "That is not a path this computer can open."))
        except Exception as err:  # never a traceback: it would print the file's contents
            self.post_message(
                self.Failed(
                    token,
                    f"{path.name} could not be read as contacts ({type(err).__name__}). "
                    "Nothing was imported.",
                )
            )

    @on(Planned)
    def _planned(self, message: Planned) -> None:
        if message.token != self._token:
            return
        self._plan = message.plan
        self._entries = message.entries
        contents = message.plan.contents
        self._columns, self._sample = contents.columns, contents.sample
        self._view = 0
        table = self.query_one("#import-rows", RecordTable)
        table.display = True
        self._show_rows()
        new, updated, same, skipped = message.plan.counts()
        if message.plan.changes:
            self._say(
                f"{new:,} new, {updated:,} to update, {same:,} up to date, {skipped:,} "
                "skipped. Nothing is written until ctrl+s."
            )
        else:
            self._say(
                "Nothing to import: everyone in this file is already in your contacts. "
                "Importing it again adds nothing."
            )
        self.refresh_bindings()
        table.focus()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        if message.token != self._token:
            return
        self._plan = None
        self._entries = []
        self._columns, self._sample = message.columns, message.sample
        self.query_one("#import-rows").display = False
        self.query_one("#import-detail-text", Static).update("")
        self._say(message.message, error=True)
        self.refresh_bindings()
        if message.columns:
            self.action_columns()
        else:
            self.query_one("#import-path").focus()

    # ----- showing ---------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")

    def _shown(self) -> list[int]:
        view = VIEWS[self._view]
        return [i for i, e in enumerate(self._entries) if view == "all" or e.what == view]

    def _show_rows(self) -> None:
        table = self.query_one("#import-rows", RecordTable)
        ids = self._shown()
        rows = []
        for i in ids:
            e = self._entries[i]
            rows.append(tuple(PlainCell(c) for c in (e.where, e.name, e.what, e.line)))
        table.show_rows(ids, rows, keep=table.highlighted_id)
        view = VIEWS[self._view]
        count = f"{len(ids):,} of {len(self._entries):,}" if view != "all" else f"{len(ids):,}"
        self.query_one("#import-detail").border_subtitle = f"showing {view} ({count}) · v: next"
        self._show_detail(table.highlighted_id)

    @on(RecordTable.Highlighted, "#import-rows")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        self._show_detail(event.record_id)

    def _show_detail(self, entry_id: int | None) -> None:
        if self._plan is None:
            return
        lines = summary_lines(self._plan)
        if entry_id is not None and 0 <= entry_id < len(self._entries):
            lines = [self._entries[entry_id].full, "", *lines]
        elif not self._shown():
            lines = [f"No row is {VIEWS[self._view]}.", "", *lines]
        self.query_one("#import-detail-text", Static).update(Content("\n".join(lines)))

    # ----- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply":
            return (self._plan is not None and self._plan.changes > 0) or None
        if action == "next_view":
            return bool(self._entries) or None
        if action == "columns":
            kind = self._plan.contents.kind if self._plan is not None else None
            return (bool(self._columns) and kind is not ContactSource.VCARD) or None
        return True

    def action_next_view(self) -> None:
        if self._entries:
            self._view = (self._view + 1) % len(VIEWS)
            self._show_rows()

    def action_path(self) -> None:
        self.query_one("#import-path").focus()

    def action_columns(self) -> None:
        from ...dialogs.columns import ColumnsDialog

        if not self._columns:
            return
        path = self.query_one("#import-path", PathInput).path

        def chosen(mapping: dict[str, str] | None) -> None:
            if mapping is None:
                if self._plan is None:
                    self.query_one("#import-path").focus()
                return
            self._mapping, self._mapped_path = mapping, path
            self.preview()

        self.app.push_screen(ColumnsDialog(self._columns, self._sample, self._mapping), chosen)

    def action_apply(self) -> None:
        plan = self._plan
        if plan is None:
            self._say("Nothing to import yet: type the file's path and press enter.", error=True)
            return
        if not plan.changes:
            self._say("Nothing to import: this file adds nothing to your contacts.")
            return
        outcome = imports.apply_contacts(self.store, plan, self.now())
        self.notify(outcome.message, title="Imported", markup=False, timeout=8)
        self.dismiss(outcome.value)

    def action_back(self) -> None:
        self.dismiss(None)


def _folder_message(folder: Path) -> str:
    """A folder was given: say so, and name the contacts files in it."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (e.name for e in entries if e.name.casefold().endswith(CONTACTS_FILES)),
                key=str.casefold,
            )
    except OSError:
        names = []
    text = f"{folder} is a folder; give the file itself."
    if names:
        shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        text += f" Contacts files in it: {shown}."
    return text
