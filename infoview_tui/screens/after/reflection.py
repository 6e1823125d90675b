"""Part 2 of the after-meeting screen, the reflection: how well the job fits me, the insider's
reality beside my perceptions, the demands I can meet, the decision and the next steps."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static, TabPane, TextArea
from textual.widgets.option_list import Option

from ...domain.records import CanMeet, Decision, DemandCheck, Occupation, Reflection
from ...typing_rule import ReadOnlyBox, scroll_box, scroll_keys
from ...widgets.one_line_input import OneLineInput

FIT_AREAS = (
    ("interests", "Interests"),
    ("values", "Values"),
    ("needs", "Needs"),
    ("skills", "Skills"),
)
FIT_CHOICES = [("1 poor", 1), ("2", 2), ("3", 3), ("4", 4), ("5 strong", 5)]
CAN_MEET_CYCLE = (CanMeet.UNKNOWN, CanMeet.YES, CanMeet.WITH_ACCOMMODATION, CanMeet.NO)
CAN_MEET_LABEL = {
    CanMeet.UNKNOWN: "  ?  ",
    CanMeet.YES: " can ",
    CanMeet.WITH_ACCOMMODATION: "adapt",
    CanMeet.NO: "can't",
}
DECISIONS = [("Pursue it", Decision.PURSUE), ("Maybe", Decision.MAYBE), ("Drop it", Decision.DROP)]
LONG_TEXTS = ("reality", "training")


class DemandList(OptionList):
    """Space or enter cycles the highlighted demand (OptionList's select: the pane acts on it);
    adding and removing are the screen's keys (adding asks for the text)."""

    BINDINGS = [
        Binding("space,enter", "select", "Can I?", id="after.demand.cycle",
                tooltip="Can I meet it: yes, with accommodation, no, not sure"),
        Binding("a", "screen.add_demand", "Add", id="after.demand.add",
                tooltip="Add a demand of the job I learned about"),
        Binding("n", "screen.demand_note", "Note", id="after.demand.note",
                tooltip="What they said about the highlighted demand, or why I can or cannot"),
        Binding("delete", "screen.remove_demand", "Remove", id="after.demand.remove",
                tooltip="Remove the highlighted demand"),
    ]  # fmt: skip


class StepList(OptionList):
    BINDINGS = [
        Binding("a", "screen.add_step", "Add", id="after.step.add",
                tooltip="Add a next step"),
        Binding("f", "screen.step_followup", "→ Follow-up", id="after.step.followup",
                tooltip="Make the highlighted step a follow-up item"),
        Binding("delete", "screen.remove_step", "Remove", id="after.step.remove",
                tooltip="Remove the highlighted step"),
    ]  # fmt: skip


def highlighted(listing: OptionList, count: int) -> int | None:
    """The highlighted row of a list, or None when nothing real is highlighted."""
    index = listing.highlighted
    return index if index is not None and 0 <= index < count else None


class ReflectionPane(TabPane):
    """The reflection: shows it (and the occupation's perceptions) and says what the person
    changed with `ReflectionEdited`. Until the first edit the demands shown are the
    occupation's; the screen keeps them with that edit."""

    @dataclass
    class ReflectionEdited(Message):
        """Reflection fields changed (`changes`: field name → new value); `now`: save at once
        rather than soon (a list changed by a key, not text being typed)."""

        changes: dict[str, Any]
        now: bool = False

    # My perceptions are read-only beside the reality being typed: these scroll them.
    BINDINGS = scroll_keys("perceptions-box", "my perceptions")

    def __init__(self, *, id: str = "tab-reflect") -> None:
        super().__init__("2 Reflection", id=id)
        self._reflection = Reflection()  # as last shown or reported
        self._demands: list[DemandCheck] = []
        self._made: set[str] = set()  # next steps that already have a follow-up item

    def compose(self) -> ComposeResult:
        # Not focusable: it scrolls to whichever field has the cursor.
        with VerticalScroll(id="reflect-scroll", can_focus=False):
            yield Static("", id="how-it-went")
            yield Label("How well does it fit me? (1 poor – 5 strong)", classes="head")
            for area, title in FIT_AREAS:
                with Horizontal(classes="fit-row"):
                    yield Label(title, classes="fit-label")
                    yield Select(
                        FIT_CHOICES,
                        prompt="–",
                        compact=True,
                        id=f"fit-{area}",
                        classes="fit-select",
                    )
                    yield OneLineInput(
                        placeholder="a sentence on why", id=f"say-{area}", compact=True
                    )
            with Horizontal(id="compare-heads"):
                yield Label("My perceptions, before", classes="head half")
                yield Label("The insider's reality", classes="head half")
            with Horizontal(id="compare"):
                with ReadOnlyBox(id="perceptions-box", classes="half"):
                    yield Static("", id="perceptions")
                yield TextArea(id="reality", soft_wrap=True, compact=True, classes="half")
            yield Label(
                "The job's demands: can I meet each? (space changes, n notes)", classes="head"
            )
            yield DemandList(id="demands")
            with Horizontal(classes="fit-row"):
                yield Label("Do I want it?", classes="fit-label wide")
                yield Select(DECISIONS, prompt="not decided", compact=True, id="decision")
            yield Label("Training or experience I would need", classes="head")
            yield TextArea(id="training", soft_wrap=True, compact=True)
            yield Label("Next steps (a adds, f makes a follow-up)", classes="head")
            yield StepList(id="steps")

    # ----- showing ------------------------------------------------------------------------------

    def show(
        self,
        reflection: Reflection,
        demands: list[DemandCheck],
        occupation: Occupation | None,
        made: set[str],
    ) -> None:
        """The reflection (an empty one before the first edit), the demands to show, the
        occupation whose perceptions sit beside the reality, and the next steps that already
        have a follow-up item."""
        self._reflection = reflection
        self._demands = list(demands)
        self._made = set(made)
        for area, _title in FIT_AREAS:
            fit = getattr(reflection, f"{area}_fit")
            self.query_one(f"#fit-{area}", Select).value = fit if fit else Select.NULL
            self.query_one(f"#say-{area}", Input).value = getattr(reflection, area)
        if occupation is None:
            mine = "This meeting has no occupation, so no perceptions were written before it."
        elif not occupation.perceptions.strip():
            mine = f"Nothing written before the meeting about {occupation.title}."
        else:
            mine = occupation.perceptions
        self.query_one("#perceptions", Static).update(Content(mine))
        self.query_one("#reality", TextArea).load_text(reflection.reality)
        decision = self.query_one("#decision", Select)
        decision.value = reflection.decision if reflection.decision else Select.NULL
        self.query_one("#training", TextArea).load_text(reflection.training)
        self._show_demands()
        self._show_steps()

    def show_follow_ups(self, made: set[str]) -> None:
        """The next steps that have a follow-up item now."""
        self._made = set(made)
        self._show_steps()

    def action_scroll_box(self, box_id: str, how: str) -> None:
        scroll_box(self.query_one(f"#{box_id}"), how)

    @property
    def entry(self) -> Widget:
        """Where the cursor goes on coming to this part: the first rating."""
        return self.query_one("#fit-interests")

    @property
    def highlighted_step(self) -> str | None:
        steps = self._reflection.next_steps
        index = highlighted(self.query_one(StepList), len(steps))
        return None if index is None else steps[index]

    def _show_demands(self, highlight: int | None = None) -> None:
        listing = self.query_one(DemandList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(
                    Content.assemble(
                        (f"[{CAN_MEET_LABEL[d.can_meet]}] ", "bold"),
                        d.text,
                        (f"\n        {d.note}" if d.note else "", "dim"),
                    )
                )
                for d in self._demands
            ]
            or [Option("No demands yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if self._demands:
            listing.highlighted = max(0, min(target, len(self._demands) - 1))

    def _show_steps(self, highlight: int | None = None) -> None:
        steps = self._reflection.next_steps
        listing = self.query_one(StepList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(Content.assemble(("✓ follow-up  " if s in self._made else "• ", "bold"), s))
                for s in steps
            ]
            or [Option("No next steps yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if steps:
            listing.highlighted = max(0, min(target, len(steps) - 1))

    # ----- changing -----------------------------------------------------------------------------

    def _edited(self, changes: dict[str, Any], *, now: bool = False) -> None:
        if "demands" in changes:
            self._demands = list(changes["demands"])
        self._reflection = replace(self._reflection, **changes)
        self.post_message(self.ReflectionEdited(changes, now))

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        event.stop()
        widget_id = event.select.id or ""
        value = None if event.value is Select.NULL else event.value
        if widget_id.startswith("fit-"):
            field_name = f"{widget_id.removeprefix('fit-')}_fit"
            if getattr(self._reflection, field_name) != value:
                self._edited({field_name: value})
        elif widget_id == "decision":
            decision = value if isinstance(value, Decision) else Decision.UNDECIDED
            if decision != self._reflection.decision:
                self._edited({"decision": decision})

    @on(Input.Changed)
    def _sentence_typed(self, event: Input.Changed) -> None:
        event.stop()
        widget_id = event.input.id or ""
        area = widget_id.removeprefix("say-")
        if widget_id.startswith("say-") and getattr(self._reflection, area) != event.value:
            self._edited({area: event.value})

    @on(TextArea.Changed)
    def _long_text_typed(self, event: TextArea.Changed) -> None:
        event.stop()
        field_name = event.text_area.id or ""
        text = event.text_area.text
        if field_name in LONG_TEXTS and getattr(self._reflection, field_name) != text:
            self._edited({field_name: text})

    @on(OptionList.OptionSelected, "#demands")
    def _demand_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.cycle_demand()

    def cycle_demand(self) -> None:
        """Can I meet the highlighted demand: not sure → yes → with accommodation → no."""
        index = highlighted(self.query_one(DemandList), len(self._demands))
        if index is None:
            return
        demands = list(self._demands)
        current = demands[index]
        following = CAN_MEET_CYCLE[(CAN_MEET_CYCLE.index(current.can_meet) + 1) % 4]
        demands[index] = replace(current, can_meet=following)
        self._edited({"demands": demands}, now=True)
        self._show_demands(index)

    def add_demand(self, text: str | None) -> None:
        """A demand typed in (None: the person thought better of it); back to the list."""
        if text:
            demands = [*self._demands, DemandCheck(text=text)]
            self._edited({"demands": demands}, now=True)
            self._show_demands(len(demands) - 1)
        self.query_one(DemandList).focus()

    @property
    def highlighted_demand(self) -> DemandCheck | None:
        index = highlighted(self.query_one(DemandList), len(self._demands))
        return None if index is None else self._demands[index]

    def show_how_it_went(self, text: Content) -> None:
        """The meeting against its plan, and what it cost me (a line or two at the top)."""
        self.query_one("#how-it-went", Static).update(text)

    def note_demand(self, note: str | None) -> None:
        """The note behind the highlighted demand (None: left as it was; "" clears it)."""
        index = highlighted(self.query_one(DemandList), len(self._demands))
        if index is not None and note is not None and note != self._demands[index].note:
            demands = list(self._demands)
            demands[index] = replace(demands[index], note=note)
            self._edited({"demands": demands}, now=True)
            self._show_demands(index)
        self.query_one(DemandList).focus()

    def remove_demand(self) -> None:
        index = highlighted(self.query_one(DemandList), len(self._demands))
        if index is not None:
            demands = list(self._demands)
            del demands[index]
            self._edited({"demands": demands}, now=True)
            self._show_demands(index)

    def add_step(self, text: str | None) -> None:
        """A next step typed in (None: the person thought better of it); back to the list."""
        if text:
            steps = [*self._reflection.next_steps, text]
            self._edited({"next_steps": steps}, now=True)
            self._show_steps(len(steps) - 1)
        self.query_one(StepList).focus()

    def remove_step(self) -> None:
        steps = list(self._reflection.next_steps)
        index = highlighted(self.query_one(StepList), len(steps))
        if index is not None:
            del steps[index]
            self._edited({"next_steps": steps}, now=True)
            self._show_steps(index)
