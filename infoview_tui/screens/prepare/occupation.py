"""Occupations: the jobs or careers I am exploring, and what I believe each is like.

The list on the left holds every occupation, the current one marked; the right side edits the
highlighted one: its title, my perceptions (written before any meeting, so they can be set
beside an insider's view afterwards), the demands I need to ask about, and notes. Everything
saves half a second after typing stops and again on leaving; there is no save prompt. An empty
title is refused next to the field and the stored title is kept until a real one is typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from ...dialogs.confirm import ConfirmScreen
from ...dialogs.text_prompt import TextPrompt
from ...domain import occupation as rules
from ...domain.records import Demand, DemandKind, Occupation
from ...domain.validation import clean_text
from ...paths import stylesheet
from ...services import occupations as occupations_service
from ...widgets.ellipsis_input import EllipsisInput
from ...widgets.field_error import FieldError
from ...widgets.one_line_input import OneLineInput
from .. import router
from ..autosave import AutoSaveScreen

HINTS = dict(rules.DEMAND_KINDS)
LIST_ACTIONS = ("add", "rename", "make_current", "delete", "learned")


class DemandRow(Horizontal):
    """One demand: its kind and what to ask. Keeps its own values, so saving needs no query."""

    @dataclass
    class Edited(Message):
        row: DemandRow

    def __init__(self, demand: Demand) -> None:
        super().__init__(classes="demand-row")
        self.kind = demand.kind
        self.text = demand.text

    def compose(self) -> ComposeResult:
        yield Select(
            [(kind.value, kind) for kind, _hint in rules.DEMAND_KINDS],
            value=self.kind,
            allow_blank=False,
            compact=True,
            classes="demand-kind",
        )
        yield EllipsisInput(
            self.text, placeholder=HINTS[self.kind], compact=True, classes="demand-text"
        )

    @property
    def demand(self) -> Demand:
        return Demand(kind=self.kind, text=self.text)

    @on(Select.Changed)
    def _kind_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, DemandKind) and event.value != self.kind:
            self.kind = event.value
            self.query_one(Input).placeholder = HINTS[self.kind]
            self.post_message(self.Edited(self))

    @on(Input.Changed)
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.text:
            self.text = event.value
            self.post_message(self.Edited(self))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()


class OccupationScreen(AutoSaveScreen):
    CSS_PATH = stylesheet("occupation.tcss")
    BINDINGS = [
        Binding("a", "add", "Add", id="occupation.add", tooltip="Add an occupation to explore"),
        Binding("r", "rename", "Rename", id="occupation.rename",
                tooltip="Rename the highlighted occupation"),
        Binding("c", "make_current", "Current", id="occupation.current",
                tooltip="Make the highlighted occupation the one I am exploring now"),
        Binding("d", "delete", "Delete", id="occupation.delete",
                tooltip="Delete the highlighted occupation (asks first)"),
        Binding("l", "learned", "Learned", id="occupation.learned",
                tooltip="What every meeting about it said, side by side: can I, do I want to?"),
        Binding("ctrl+n", "add_demand", "Demand", id="occupation.add_demand",
                tooltip="Add a demand to ask about (physical, schedule, stress, training)"),
        Binding("ctrl+r", "remove_demand", "Remove demand", id="occupation.remove_demand",
                tooltip="Remove the demand the cursor is in"),
        Binding("w", "introductions", "Intros", id="occupation.intros",
                tooltip="Warm introductions: who you know in the job you are exploring"),
        Binding("escape", "back", "Back", id="occupation.back",
                tooltip="From a field: back to the list; from the list: leave (all is saved)"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[int] = []  # the list's rows, in order
        self._shown: Occupation | None = None  # the stored record the editor started from
        self._values: dict[str, Any] = {}  # title, perceptions, notes as typed
        self._rows: list[DemandRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="occ-body"):
            yield OptionList(id="occ-list")
            with VerticalScroll(id="occ-detail", can_focus=False):
                yield Static("", id="occ-empty")
                with Vertical(id="occ-editor"):
                    yield Label("Title", classes="occ-label")
                    yield OneLineInput(id="occ-title", compact=True)
                    yield FieldError(id="occ-title-error")
                    yield Label("What I believe it is like", classes="occ-label")
                    yield Static(
                        "Written before meetings, to compare afterwards.",
                        classes="occ-hint",
                    )
                    yield TextArea(id="occ-perceptions", soft_wrap=True, compact=True)
                    yield Label("Demands to ask about", classes="occ-label")
                    yield Static(
                        "ctrl+n adds one · ctrl+r removes the one I'm in",
                        classes="occ-hint",
                    )
                    yield Vertical(id="occ-demands")
                    yield Label("Notes", classes="occ-label")
                    yield TextArea(id="occ-notes", soft_wrap=True, compact=True)
        yield Footer(compact=True, show_command_palette=False)  # the keys fill 80 columns

    def on_mount(self) -> None:
        self.query_one("#occ-list").border_title = "Occupations"
        self.query_one("#occ-list").border_subtitle = "● current"
        self.query_one("#occ-list").focus()
        self.call_after_refresh(self.reload)

    async def reload_from_store(self) -> None:
        await self.reload()

    # ----- the list ----------------------------------------------------------------------------

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#occ-list", OptionList)

    @property
    def highlighted_id(self) -> int | None:
        index = self.option_list.highlighted
        return self._ids[index] if index is not None and 0 <= index < len(self._ids) else None

    @staticmethod
    def _prompt(occupation: Occupation) -> Content:
        mark = "● " if occupation.current else "  "
        return Content.assemble((mark, "bold $accent"), Content(occupation.title or "(no title)"))

    async def reload(self, keep: int | None = None) -> None:
        """Rebuild the list from the store; highlight `keep`, else the shown or current one."""
        self.save()
        occupations = rules.ordered(self.store.occupations.all())
        if keep is None:
            keep = self._shown.id if self._shown else None
        if keep is None:
            current = rules.current(occupations)
            keep = current.id if current else None
        self._ids = [o.id for o in occupations if o.id is not None]
        option_list = self.option_list
        option_list.set_options(Option(self._prompt(o)) for o in occupations)
        if not occupations:
            self._show_empty(
                "No occupation yet. Press a to add the job or career you want to learn about."
            )
            return
        index = self._ids.index(keep) if keep in self._ids else 0
        option_list.highlighted = index
        await self._show(self.store.occupations.get(self._ids[index]))

    @on(OptionList.OptionHighlighted, "#occ-list")
    async def _highlighted(self) -> None:
        occupation_id = self.highlighted_id
        if occupation_id is not None and (self._shown is None or self._shown.id != occupation_id):
            self.save()
            await self._show(self.store.occupations.get(occupation_id))

    def action_learned(self) -> None:
        occupation_id = self.highlighted_id
        if occupation_id is None:
            self.notify("No occupation yet: a adds one.")
            return
        self.save()
        router.open_learned(self.app, occupation_id)

    @on(OptionList.OptionSelected, "#occ-list")
    def _selected(self) -> None:
        if self._shown is not None:
            self.query_one("#occ-title").focus()

    # ----- the editor --------------------------------------------------------------------------

    def _show_empty(self, message: str) -> None:
        self._shown = None
        self._values = {}
        self.query_one("#occ-empty", Static).update(message)
        self.query_one("#occ-empty").display = True
        self.query_one("#occ-editor").display = False

    async def _show(self, occupation: Occupation | None) -> None:
        """Put one occupation in the editor (the previous one was saved first)."""
        if occupation is None:
            self._show_empty("That occupation no longer exists.")
            return
        self._shown = occupation
        self._values = {
            "title": occupation.title,
            "perceptions": occupation.perceptions,
            "notes": occupation.notes,
        }
        self.query_one("#occ-empty").display = False
        self.query_one("#occ-editor").display = True
        self.query_one("#occ-title", Input).value = occupation.title
        self.query_one("#occ-title-error", FieldError).show("")
        self.query_one("#occ-perceptions", TextArea).load_text(occupation.perceptions)
        self.query_one("#occ-notes", TextArea).load_text(occupation.notes)
        box = self.query_one("#occ-demands", Vertical)
        await box.remove_children()
        self._rows = [DemandRow(demand) for demand in occupation.demands]
        if self._rows:
            await box.mount_all(self._rows)
        self.query_one("#occ-detail", VerticalScroll).scroll_home(animate=False)

    @on(Input.Changed, "#occ-title")
    def _title_changed(self, event: Input.Changed) -> None:
        if self._shown is None:
            return
        self._values["title"] = event.value
        self.query_one("#occ-title-error", FieldError).show(rules.check_title(event.value))
        self._changed()

    @on(Input.Submitted, "#occ-title")
    def _title_submitted(self) -> None:
        self.focus_next()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        name = (event.text_area.id or "").removeprefix("occ-")
        if self._shown is not None and name in ("perceptions", "notes"):
            self._values[name] = event.text_area.text
            self._changed()

    @on(DemandRow.Edited)
    def _demand_edited(self) -> None:
        self._changed()

    def _changed(self) -> None:
        self.save_soon()

    def edited(self) -> Occupation | None:
        """The shown occupation as the editor holds it; an invalid title keeps the stored one."""
        if self._shown is None or not self._values:
            return None
        title = self._values["title"]
        return replace(
            self._shown,
            title=self._shown.title if rules.check_title(title) else clean_text(title),
            perceptions=clean_text(self._values["perceptions"]),
            notes=clean_text(self._values["notes"]),
            demands=rules.kept_demands(row.demand for row in self._rows),
        )

    def write(self, store) -> None:
        """Hand the shown occupation to the store if it changed (memory now, disk shortly)."""
        edited = self.edited()
        if edited is None:
            return
        stored = store.occupations.get(edited.id)
        if stored is None:
            return  # deleted meanwhile
        # Only the editor's fields: `current` may have changed since the editor opened.
        updated = replace(
            stored,
            title=edited.title,
            perceptions=edited.perceptions,
            notes=edited.notes,
            demands=edited.demands,
        )
        if updated != stored:
            occupations_service.save_occupation(store, updated)
            if updated.title != stored.title and updated.id in self._ids and self.is_mounted:
                index = self._ids.index(updated.id)
                self.option_list.replace_option_prompt_at_index(index, self._prompt(updated))

    # ----- keys --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        on_list = self.focused is None or self.focused is self.option_list
        if action in LIST_ACTIONS:
            if not on_list:
                return False  # letters are being typed into a field
            return action == "add" or self.highlighted_id is not None or None
        if action == "introductions":
            return on_list
        if action == "add_demand":
            return self._shown is not None
        if action == "remove_demand":
            return self._focused_row() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def _focused_row(self) -> DemandRow | None:
        node = self.focused
        while node is not None and node is not self:
            if isinstance(node, DemandRow):
                return node
            node = node.parent  # type: ignore[assignment]
        return None

    def action_introductions(self) -> None:
        from .. import router

        self.save()
        current = next((o for o in self.store.occupations.all() if o.current), None)
        if current is None or current.id is None:
            self.notify(
                "Make one occupation current first (c): introductions are for the job you "
                "are exploring now.",
                timeout=5,
            )
            return
        router.open_introductions(self.app, occupation_id=current.id)

    def action_back(self) -> None:
        if self.focused is not None and self.focused is not self.option_list:
            self.option_list.focus()
            return
        self._leave()

    def _leave(self) -> None:
        edited = self.edited()
        if edited is not None and rules.check_title(self._values.get("title", "")):
            self.notify(
                f"The title stays “{edited.title}”: an occupation needs a title.",
                markup=False,
                timeout=5,
            )
        self.save()
        self.app.pop_screen()

    async def action_add_demand(self) -> None:
        if self._shown is None:
            return
        row = DemandRow(Demand(kind=DemandKind.PHYSICAL))
        self._rows.append(row)
        await self.query_one("#occ-demands").mount(row)
        row.query_one(Input).focus()
        self.query_one("#occ-detail", VerticalScroll).scroll_to_widget(row, animate=False)

    async def action_remove_demand(self) -> None:
        row = self._focused_row()
        if row is None:
            return
        index = self._rows.index(row)
        self._rows.remove(row)
        self.save()
        await row.remove()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].query_one(Input).focus()
        else:
            self.query_one("#occ-perceptions").focus()

    def action_add(self) -> None:
        async def added(title: str | None) -> None:
            if not title:
                return
            self.save()
            outcome = occupations_service.add_occupation(self.store, title)
            if outcome.value is None:
                self.notify(outcome.message, severity="error", markup=False)
                return
            await self.reload(keep=outcome.value.id)
            self.query_one("#occ-perceptions").focus()

        self.app.push_screen(
            TextPrompt("New occupation", "The job or career to explore:", max_length=200), added
        )

    def action_rename(self) -> None:
        occupation_id = self.highlighted_id
        if occupation_id is None or self._shown is None:
            return

        async def renamed(title: str | None) -> None:
            if not title or self._shown is None:
                return
            self.query_one("#occ-title", Input).value = title  # saved like typing it
            self._values["title"] = title
            self.save()
            await self.reload(keep=occupation_id)

        self.app.push_screen(
            TextPrompt("Rename", "New title:", value=self._shown.title, max_length=200), renamed
        )

    async def action_make_current(self) -> None:
        occupation_id = self.highlighted_id
        if occupation_id is None:
            return
        self.save()
        occupations_service.make_current(self.store, occupation_id)
        await self.reload(keep=occupation_id)

    def action_delete(self) -> None:
        occupation = self._shown
        if occupation is None or occupation.id is None:
            return
        doomed = occupation.id

        async def answered(yes: bool | None) -> None:
            if not yes:
                return
            outcome = occupations_service.delete_occupation(self.store, doomed)
            self._shown = None
            index = self.option_list.highlighted or 0
            ids = [i for i in self._ids if i != doomed]
            await self.reload(keep=ids[min(index, len(ids) - 1)] if ids else None)
            self.notify(outcome.message, markup=False, timeout=3)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {occupation.title}?",
                occupations_service.deletion_effects(self.store, doomed),
                yes="Delete",
                no="Keep",
            ),
            answered,
        )
