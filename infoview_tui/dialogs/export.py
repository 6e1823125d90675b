"""Before an export is saved: what it holds, where it goes, and the choices it has.

Dismisses with an `ExportChoice`, or None on escape. In a terminal the person may type
another folder (completed as they type; beside the data file by default); in a browser the
file is downloaded, so there is no folder to choose. Private notes (work-ability, disclosure
plan) are offered only for an export that can hold them, behind a box that starts unticked,
with a plain warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Static

from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.path_input import PathInput, folder_problem

PRIVATE_LABEL = "Include my private notes (work-ability notes, disclosure plan)"
PRIVATE_WARNING = (
    "They stay out unless you tick this. Anyone who gets the file can read what it holds."
)
TODOS_LABEL = "Follow-ups as to-dos (VTODO) rather than all-day events"


@dataclass(frozen=True)
class ExportChoice:
    folder: Path | None = None  # None: the browser downloads it (or the default folder)
    include_private: bool = False
    todos: bool = False


class ExportDialog(ModalScreen[ExportChoice | None]):
    CSS_PATH = stylesheet("dialogs.tcss")
    # Nothing takes the focus by itself: enter on a tick box would tick it, and enter is
    # "save" here (the folder field, in a terminal, is focused on purpose).
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="export.save", tooltip="Save the file"),
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Save nothing"),
        Binding("enter", "save", "Save", show=False),  # a tick box takes enter itself
    ]

    def __init__(
        self,
        title: str,
        about: str,
        file_name: str,
        *,
        folder: Path,
        browser: bool = False,
        private: bool = False,
        todos: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.file_name = file_name
        self.folder = folder
        self.browser = browser
        self.private = private
        self.todos = todos

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-box"):
            yield Static(Content(self.about), id="export-about")
            yield Static(Content.assemble(("File: ", "bold"), self.file_name), id="export-name")
            if self.browser:
                yield Static("Your browser will download it.", id="export-where")
            else:
                yield Label("Save in this folder (tab completes):")
                yield PathInput(
                    str(self.folder),
                    folders_only=True,
                    id="export-folder",
                    compact=True,
                    select_on_focus=False,
                )
                yield FieldError(id="export-folder-error")
            if self.todos:
                yield Checkbox(TODOS_LABEL, False, id="export-todos", compact=True)
            if self.private:
                yield Checkbox(PRIVATE_LABEL, False, id="export-private", compact=True)
                yield Static(PRIVATE_WARNING, id="export-private-warning")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#export-box")
        box.border_title = Content(self.title_text)
        box.border_subtitle = "enter or ctrl+s saves · tab moves · escape cancels"
        if not self.browser:
            self.query_one("#export-folder", Input).focus()

    @on(Input.Submitted, "#export-folder")
    def _folder_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Checkbox.Changed, "#export-private")
    def _private_changed(self, event: Checkbox.Changed) -> None:
        warning = self.query_one("#export-private-warning", Static)
        warning.set_class(event.value, "-on")
        warning.update(
            "Ticked: your private notes will be in this file. Anyone who gets it can read them."
            if event.value
            else PRIVATE_WARNING
        )

    def _ticked(self, box_id: str) -> bool:
        boxes = self.query(f"#{box_id}")
        return bool(boxes) and bool(boxes.first(Checkbox).value)

    def action_save(self) -> None:
        folder: Path | None = None
        if not self.browser:
            field = self.query_one("#export-folder", PathInput)
            folder = field.path if field.value.strip() else self.folder
            error = self.query_one("#export-folder-error", FieldError)
            problem = folder_problem(folder)
            if problem is not None:
                error.show(problem)
                field.focus()
                return
            error.show("")
        self.dismiss(
            ExportChoice(
                folder=folder,
                include_private=self._ticked("export-private"),
                todos=self._ticked("export-todos"),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
