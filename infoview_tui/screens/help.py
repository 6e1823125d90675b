"""Help: every key of the screen it was opened from, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from ..bindings import listed_bindings
from ..paths import stylesheet
from ..typing_rule import RULE, ReadOnlyBox, page_keys, scroll_box
from ..widgets.hanging import Hanging

ABOUT = (
    "infoview keeps everything on this computer, in one JSON file that only you can read. "
    "Changes are saved as you go: nothing waits for a save key."
)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = stylesheet("help.tcss")
    BINDINGS = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
        *page_keys("help-box"),  # read-only: the box never has the cursor
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self._under = under

    def compose(self) -> ComposeResult:
        with ReadOnlyBox(id="help-box"):
            yield Static(self._keys_text(), id="help-keys")
            yield Static(RULE, id="help-rule")
            yield Static(ABOUT, id="help-about")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = f"Keys: {self._under.__class__.__name__.removesuffix('Screen')}"
        box.border_subtitle = "escape closes"

    def action_scroll_box(self, box_id: str, how: str) -> None:
        scroll_box(self.query_one(f"#{box_id}"), how)

    def _keys_text(self) -> Hanging:
        """One line a key, the descriptions in a column: a long one wraps under itself."""
        lines = []
        for listed in listed_bindings(self._under):
            binding = listed.binding
            shown = " ".join(self.app.get_key_display(b) for b in listed.bindings)
            text = binding.tooltip or binding.description
            if text != binding.description:
                text = f"{binding.description}: {text}"
            lines.append((shown, text))
        lines.append(("tab", "Move to the next field or panel"))
        return Hanging(
            [(Content.styled(f"{key:>10}  ", "bold"), Content(text)) for key, text in lines]
        )
