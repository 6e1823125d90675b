"""Quitting while the disk refuses writes: say what is unsaved, and offer a way out.

Dismisses with "retry", "copy" (the app then asks where), "quit" (knowing what is lost), or
None (back to infoview; nothing is lost while it runs).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..paths import stylesheet


class QuitTroubleScreen(ModalScreen[str | None]):
    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("r", "choose('retry')", "Try again", id="quit.retry",
                tooltip="Try to save again (after freeing some space)"),
        Binding("c", "choose('copy')", "Save a copy", id="quit.copy",
                tooltip="Save everything to a file elsewhere, e.g. another disk"),
        Binding("q", "choose('quit')", "Quit anyway", id="quit.anyway",
                tooltip="Quit now; what is unsaved is lost"),
        Binding("escape", "choose('')", "Back", id="quit.back",
                tooltip="Back to infoview; nothing is lost while it stays open"),
    ]  # fmt: skip

    def __init__(self, problem: str, unsaved: int) -> None:
        super().__init__()
        self.problem = problem
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        changes = f"{self.unsaved} change{'s' if self.unsaved != 1 else ''}"
        with Vertical(classes="dialog"):
            yield Static(
                f"{escape(self.problem)}\n\n"
                f"The last {changes} are only in memory. While infoview stays open they are "
                "safe.\n\n"
                "[b]r[/] try again (after freeing some space)\n"
                "[b]c[/] save a complete copy elsewhere (another disk, a USB stick)\n"
                f"[b]q[/] quit anyway: the {changes} are lost\n"
                "[b]escape[/] back to infoview",
                id="quit-trouble-text",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Not everything is saved"

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
