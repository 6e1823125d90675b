"""The reflection part of the after-meeting screen: how well the job fits me, the insider's
reality beside my perceptions, the demands I can meet, the decision and the next steps."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Select, Static, TabPane, TextArea
from textual.widgets.option_list import Option

from ...domain import after
from ...domain.records import CanMeet, Decision, DemandCheck, FollowUpKind
from ...domain.timefmt import short_date
from ...domain.validation import clean_text
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


class DemandList(OptionList):
    BINDINGS = [
        Binding("space,enter", "screen.cycle_demand", "Can I?", id="after.demand.cycle",
                tooltip="Can I meet it: yes, with accommodation, no, not sure"),
        Binding("a", "screen.add_demand", "Add", id="after.demand.add",
                tooltip="Add a demand of the job I learned about"),
        Binding("delete", "screen.remove_demand", "Remove", id="after.demand.remove",
                tooltip="Remove the highlighted demand"),
    ]  # fmt: skip


class StepList(OptionList):
    BINDINGS = [
        Binding("a", "screen.add_step", "Add step", id="after.step.add",
                tooltip="Add a next step"),
        Binding("f", "screen.step_followup", "→ Follow-up", id="after.step.followup",
                tooltip="Make the highlighted step a follow-up item"),
        Binding("delete", "screen.remove_step", "Remove", id="after.step.remove",
                tooltip="Remove the highlighted step"),
    ]  # fmt: skip


class AfterReflection(Screen[None]):
    """Part 2 of `AfterScreen`: the reflection.

    A `Screen` subclass only so Textual collects its `@on` handlers; `AfterScreen` inherits
    it and provides the shared state (`interview`, `contact`, `occupation`, `store`) and
    helpers (`_now`, `_reflection`, `_edit`, `_highlighted`, `save`).
    """

    def compose_reflection(self) -> ComposeResult:
        with (
            TabPane("2 Reflection", id="tab-reflect"),
            VerticalScroll(id="reflect-scroll"),
        ):
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
                with VerticalScroll(id="perceptions-box", classes="half"):
                    yield Static("", id="perceptions")
                yield TextArea(id="reality", soft_wrap=True, compact=True, classes="half")
            yield Label("The job's demands: can I meet each? (space changes)", classes="head")
            yield DemandList(id="demands")
            with Horizontal(classes="fit-row"):
                yield Label("Do I want it?", classes="fit-label wide")
                yield Select(DECISIONS, prompt="not decided", compact=True, id="decision")
            yield Label("Training or experience I would need", classes="head")
            yield TextArea(id="training", soft_wrap=True, compact=True)
            yield Label("Next steps (a adds, f makes a follow-up)", classes="head")
            yield StepList(id="steps")

    def _prefilled_demands(self) -> list[DemandCheck]:
        if self.occupation is None:
            return []
        return [DemandCheck(text=d.text) for d in self.occupation.demands if d.text.strip()]

    def _demands(self) -> list[DemandCheck]:
        if self.interview is not None and self.interview.reflection is not None:
            return self.interview.reflection.demands
        return self._prefilled_demands()

    def _fill_reflection(self) -> None:
        reflection = self._reflection()
        for area, _title in FIT_AREAS:
            fit = getattr(reflection, f"{area}_fit")
            self.query_one(f"#fit-{area}", Select).value = fit if fit else Select.NULL
            self.query_one(f"#say-{area}", Input).value = getattr(reflection, area)
        if self.occupation is None:
            mine = "This meeting has no occupation, so no perceptions were written before it."
        elif not self.occupation.perceptions.strip():
            mine = f"Nothing written before the meeting about {self.occupation.title}."
        else:
            mine = self.occupation.perceptions
        self.query_one("#perceptions", Static).update(Content(mine))
        self.query_one("#reality", TextArea).load_text(reflection.reality)
        decision = self.query_one("#decision", Select)
        decision.value = reflection.decision if reflection.decision else Select.NULL
        self.query_one("#training", TextArea).load_text(reflection.training)
        self.refresh_demands()
        self.refresh_steps()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        widget_id = event.select.id or ""
        value = None if event.value is Select.NULL else event.value
        if widget_id.startswith("fit-"):
            field_name = f"{widget_id.removeprefix('fit-')}_fit"
            if getattr(self._reflection(), field_name) != value:
                self._edit(**{field_name: value})
        elif widget_id == "decision":
            decision = value if isinstance(value, Decision) else Decision.UNDECIDED
            if decision != self._reflection().decision:
                self._edit(decision=decision)

    @on(Input.Changed)
    def _sentence_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id.startswith("say-"):
            area = widget_id.removeprefix("say-")
            if getattr(self._reflection(), area) != event.value:
                self._edit(**{area: event.value})

    @on(TextArea.Changed, "#reality, #training")
    def _long_text_changed(self, event: TextArea.Changed) -> None:
        field_name = event.text_area.id or ""
        if getattr(self._reflection(), field_name) != event.text_area.text:
            self._edit(**{field_name: event.text_area.text})

    def refresh_demands(self, highlight: int | None = None) -> None:
        demands = self._demands()
        listing = self.query_one("#demands", DemandList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(Content.assemble((f"[{CAN_MEET_LABEL[d.can_meet]}] ", "bold"), d.text))
                for d in demands
            ]
            or [Option("No demands yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if demands:
            listing.highlighted = max(0, min(target, len(demands) - 1))

    def action_cycle_demand(self) -> None:
        demands = list(self._demands())
        index = self._highlighted("#demands", len(demands))
        if index is None:
            return
        current = demands[index]
        following = CAN_MEET_CYCLE[(CAN_MEET_CYCLE.index(current.can_meet) + 1) % 4]
        demands[index] = replace(current, can_meet=following)
        self._edit(demands=demands, now=True)
        self.refresh_demands(index)

    def action_add_demand(self) -> None:
        from ...dialogs.text_prompt import TextPrompt

        def add(text: str | None) -> None:
            if text:
                demands = [*self._demands(), DemandCheck(text=text)]
                self._edit(demands=demands, now=True)
                self.refresh_demands(len(demands) - 1)
            self.query_one("#demands").focus()

        self.app.push_screen(
            TextPrompt(
                "Add a demand", "A demand of the job (physical, schedule, stress, training)"
            ),
            add,
        )

    def action_remove_demand(self) -> None:
        demands = list(self._demands())
        index = self._highlighted("#demands", len(demands))
        if index is not None:
            del demands[index]
            self._edit(demands=demands, now=True)
            self.refresh_demands(index)

    def _steps_with_items(self) -> set[str]:
        assert self.interview is not None
        return {
            item.title
            for item in self.store.followups.all()
            if item.kind is FollowUpKind.NEXT_STEP and item.interview_id == self.interview.id
        }

    def refresh_steps(self, highlight: int | None = None) -> None:
        steps = self._reflection().next_steps
        made = self._steps_with_items()
        listing = self.query_one("#steps", StepList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(Content.assemble(("✓ follow-up  " if s in made else "• ", "bold"), s))
                for s in steps
            ]
            or [Option("No next steps yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if steps:
            listing.highlighted = max(0, min(target, len(steps) - 1))

    def action_add_step(self) -> None:
        from ...dialogs.text_prompt import TextPrompt

        def add(text: str | None) -> None:
            if text:
                steps = [*self._reflection().next_steps, text]
                self._edit(next_steps=steps, now=True)
                self.refresh_steps(len(steps) - 1)
            self.query_one("#steps").focus()

        self.app.push_screen(TextPrompt("Add a next step", "What will I do next?"), add)

    def action_remove_step(self) -> None:
        steps = list(self._reflection().next_steps)
        index = self._highlighted("#steps", len(steps))
        if index is not None:
            del steps[index]
            self._edit(next_steps=steps, now=True)
            self.refresh_steps(index)

    def action_step_followup(self) -> None:
        assert self.interview is not None
        steps = self._reflection().next_steps
        index = self._highlighted("#steps", len(steps))
        if index is None:
            return
        step = clean_text(steps[index])
        if step in self._steps_with_items():
            self.notify("That step is already a follow-up item.")
            return
        name = self.contact.name if self.contact else ""
        item = after.next_step_item(step, self.interview, self.now().date(), interviewee=name)
        self.store.followups.save(replace(item, created=self.now()))
        self.refresh_steps(index)
        due = item.due
        today = self.now().date()
        self.notify(f"Follow-up added, due {short_date(due, today)}." if due else "Added.")
