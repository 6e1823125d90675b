"""Another program changed the data file: let the person choose, lose nothing either way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..paths import stylesheet
from ..store.store import Conflict


class ConflictScreen(ModalScreen[str | None]):
    """Dismisses with "mine", "theirs", or None (decide later; nothing is written meanwhile)."""

    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine",
                tooltip="Save my version over theirs; theirs goes to the backups folder"),
        Binding("t", "choose('theirs')", "Load theirs", id="conflict.theirs",
                tooltip="Load the changed file; my version stays in the .mine file"),
        Binding("escape", "choose('')", "Later", id="conflict.later",
                tooltip="Decide later; changes keep going to the journal, not the file"),
    ]  # fmt: skip

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "Another program (a sync tool, another device?) changed your data file while "
                "infoview had it open. Nothing has been overwritten.\n\n"
                f"Your version is safe in:\n  {escape(str(self.conflict.our_copy))}\n\n"
                "[b]m[/] keep mine (theirs is kept in the backups folder)\n"
                "[b]t[/] load theirs (yours stays in the file above)",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Data file changed elsewhere"

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
