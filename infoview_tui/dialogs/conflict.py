"""Two versions of the data: let the person choose, and lose nothing either way.

`ConflictScreen`: another program changed the file while infoview had it open.
`LeftoverScreen`: at start, a version set aside by an earlier conflict was never chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
                tooltip="Load the changed file; my version goes to the backups folder"),
        Binding("escape", "choose('')", "Later", id="conflict.later",
                tooltip="Decide later; changes go on to the journal and my copy, not the file"),
    ]  # fmt: skip

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "Another program (a sync tool, another device, an editor?) changed your data "
                "file while infoview had it open. Nothing has been overwritten.\n\n"
                f"Your version is safe in:\n  {escape(str(self.conflict.our_copy))}\n\n"
                "[b]m[/] keep mine (theirs is kept in the backups folder)\n"
                "[b]t[/] load theirs (mine is kept in the backups folder)\n"
                "[b]escape[/] decide later (you will be asked again when infoview next starts)",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Data file changed elsewhere"

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)


@dataclass(frozen=True)
class Leftover:
    """A version of the data set aside and never chosen, as the store found it."""

    path: Path
    saved: str  # when it was written, in words
    counts: str  # what it holds, in words ("12 contacts, 3 meetings")
    current: str  # what the data file holds now, the same way


class LeftoverScreen(ModalScreen[str | None]):
    """Dismisses with "use", "keep", or None (ask again at the next start)."""

    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("u", "choose('use')", "Use that version", id="leftover.use",
                tooltip="Make that version the data; the current one goes to the backups folder"),
        Binding("k", "choose('keep')", "Keep current", id="leftover.keep",
                tooltip="Keep the data as it is; that version moves to the backups folder"),
        Binding("escape", "choose('')", "Later", id="leftover.later",
                tooltip="Decide at the next start; nothing is moved"),
    ]  # fmt: skip

    def __init__(self, leftover: Leftover) -> None:
        super().__init__()
        self.leftover = leftover

    def compose(self) -> ComposeResult:
        left = self.leftover
        with Vertical(classes="dialog"):
            yield Static(
                "An earlier session kept its own version of your data when another program "
                "changed the file, and no one has chosen between the two yet.\n\n"
                f"That version ({escape(left.saved)}): {escape(left.counts)}\n"
                f"  {escape(str(left.path))}\n"
                f"The data file now: {escape(left.current)}\n\n"
                "[b]u[/] use that version (the current data is kept in the backups folder)\n"
                "[b]k[/] keep the current data (that version moves to the backups folder)\n"
                "[b]escape[/] decide later (asked again at the next start)",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "A version of your data to choose"

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
