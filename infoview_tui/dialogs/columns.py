"""Which column of a CSV file holds what: the import screen's --map, as choices.

One line per column of the file's header: its heading, what its first row holds, and a menu
of the fields a contact has (or "not imported"). Starts from what infoview guessed. Dismisses
with {heading key: field} for every column (the mapping `services.imports.read_contacts`
takes), or None on escape. A choice without any column of names is refused, saying so.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Select, Static

from ..exchange.csv_people import field_for, heading_key
from ..exchange.people import short
from ..paths import stylesheet
from ..widgets.field_error import FieldError

FIELD_LABELS = (
    ("ignore", "not imported"),
    ("name", "name (whole)"),
    ("first_name", "first name"),
    ("middle_name", "middle name"),
    ("last_name", "last name"),
    ("email", "email"),
    ("company", "company"),
    ("job_title", "job title"),
    ("url", "profile URL"),
    ("phone", "phone"),
    ("notes", "notes"),
    ("connected_on", "date connected"),
)
NAME_FIELDS = {"name", "first_name", "last_name"}
MAX_COLUMNS = 60  # a header wider than this is a data row read as a header: the rest ignored


class ColumnsDialog(ModalScreen[dict[str, str] | None]):
    CSS_PATH = stylesheet("dialogs.tcss")
    BINDINGS = [
        Binding("ctrl+s", "keep", "Use these", id="columns.keep",
                tooltip="Read the file again with these columns"),
        Binding("escape", "cancel", "Cancel", id="columns.cancel", tooltip="Leave it as it was"),
    ]  # fmt: skip

    def __init__(
        self, columns: list[str], sample: list[str], chosen: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        self.columns = columns[:MAX_COLUMNS]
        self.sample = sample
        self.chosen = chosen or {}

    def _start(self, heading: str) -> str:
        key = heading_key(heading)
        if key in self.chosen:
            return self.chosen[key]
        return field_for(heading) or "ignore"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="columns-box"):
            yield Static(
                "infoview needs to know which column holds names. Choose what each column "
                "holds; the preview is made again.",
                id="columns-about",
            )
            with VerticalScroll(id="columns-list"):
                for index, heading in enumerate(self.columns):
                    example = self.sample[index] if index < len(self.sample) else ""
                    with Horizontal(classes="column-row"):
                        yield Label(
                            Content.assemble(
                                Content(short(heading, 24) or f"column {index + 1}"),
                                (f"  {short(example, 22)}" if example.strip() else "", "dim"),
                            ),
                            classes="column-heading",
                        )
                        yield Select(
                            [(label, field) for field, label in FIELD_LABELS],
                            value=self._start(heading),
                            allow_blank=False,
                            compact=True,
                            id=f"column-{index}",
                        )
            yield FieldError(id="columns-error")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#columns-box")
        box.border_title = "Which column holds what"
        box.border_subtitle = "ctrl+s reads the file again · escape cancels"
        if self.columns:
            self.query_one("#column-0").focus()

    def mapping(self) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for index, heading in enumerate(self.columns):
            value = self.query_one(f"#column-{index}", Select).value
            field = value if isinstance(value, str) else "ignore"
            key = heading_key(heading)
            if key and (field != "ignore" or key not in chosen):
                chosen[key] = field
        return chosen

    def action_keep(self) -> None:
        chosen = self.mapping()
        if not set(chosen.values()) & NAME_FIELDS:
            self.query_one("#columns-error", FieldError).show(
                "Choose the column of names: a whole name, or a first and a last name."
            )
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
