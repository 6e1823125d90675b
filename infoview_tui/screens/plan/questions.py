"""The plan's Questions section: the bank (each with why it is worth asking) and the chosen,
ordered 3 to 6.

The pane only shows and rearranges; it posts `PlanChanged` with the new list and the owning
PlanScreen saves it, so the list written is exactly the `PlannedQuestion`s the live meeting uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import questions as qp
from ...domain.records import PlannedQuestion, Question

SOURCE_LABEL = {"article": "", "tiara": "TIARA · ", "own": "my own · "}


def bank_option(question: Question, place: int | None) -> Content:
    """'✓2 Question text' over a dimmed why; user text is never read as markup."""
    mark = ("✓" + str(place + 1)).ljust(3) if place is not None else "·  "
    why = question.why or "(no reason written)"
    prefix = SOURCE_LABEL.get(question.source, "")
    if question.source == "tiara" and question.topic:
        prefix = f"TIARA {question.topic} · "
    return Content.assemble(
        (mark, "bold $success" if place is not None else "dim"),
        question.text,
        "\n   ",
        (f"{prefix}{why}", "dim italic"),
    )


class QuestionsPane(Horizontal):
    """Two lists: the bank (space or enter picks/unpicks) and the plan (space removes,
    shift+up/down reorders)."""

    @dataclass
    class PlanChanged(Message):
        plan: list[PlannedQuestion]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bank: list[Question] = []
        self.plan: list[PlannedQuestion] = []

    def compose(self) -> ComposeResult:
        yield OptionList(id="bank")
        with Vertical(id="plan-side"):
            yield Static("", id="plan-count")
            yield OptionList(id="planned")

    def on_mount(self) -> None:
        self.query_one("#bank").border_title = "Question bank"
        self.query_one("#planned").border_title = "This meeting, in order"

    # ----- showing --------------------------------------------------------------------------

    def show(self, bank: list[Question], plan: list[PlannedQuestion]) -> None:
        self.bank = list(bank)
        self.plan = list(plan)
        self._refresh_lists()

    def _refresh_lists(self, *, plan_cursor: int | None = None) -> None:
        bank_list = self.query_one("#bank", OptionList)
        keep = bank_list.highlighted
        bank_list.set_options(Option(bank_option(q, qp.position(self.plan, q))) for q in self.bank)
        if self.bank:
            bank_list.highlighted = min(keep or 0, len(self.bank) - 1)
        planned = self.query_one("#planned", OptionList)
        old = planned.highlighted
        planned.set_options(
            Option(Content.assemble((f"{i}. ", "bold"), p.text)) for i, p in enumerate(self.plan, 1)
        )
        if self.plan:
            target = plan_cursor if plan_cursor is not None else (old or 0)
            planned.highlighted = max(0, min(target, len(self.plan) - 1))
        ok, message = qp.plan_message(len(self.plan))
        count = self.query_one("#plan-count", Static)
        count.update(Content(message))
        count.set_class(not ok, "-outside")

    # ----- changing -------------------------------------------------------------------------

    def _changed(self, plan: list[PlannedQuestion], *, plan_cursor: int | None = None) -> None:
        self.plan = plan
        self._refresh_lists(plan_cursor=plan_cursor)
        self.post_message(self.PlanChanged(list(plan)))

    def toggle(self) -> None:
        """Pick or unpick the highlighted bank question; in the plan list, take it out."""
        focused = self.screen.focused
        planned = self.query_one("#planned", OptionList)
        if focused is planned:
            index = planned.highlighted
            if index is not None:
                self._changed(qp.remove(self.plan, index), plan_cursor=index)
            return
        index = self.query_one("#bank", OptionList).highlighted
        if index is not None and 0 <= index < len(self.bank):
            self._changed(qp.toggle(self.plan, self.bank[index]))

    def move(self, step: int) -> None:
        """Move the highlighted planned question (or the highlighted bank question, if picked)."""
        planned = self.query_one("#planned", OptionList)
        if self.screen.focused is planned:
            index = planned.highlighted
        else:
            bank_index = self.query_one("#bank", OptionList).highlighted
            index = None
            if bank_index is not None and 0 <= bank_index < len(self.bank):
                index = qp.position(self.plan, self.bank[bank_index])
        if index is None:
            return
        moved, target = qp.move(self.plan, index, step)
        if moved != self.plan:
            self._changed(moved, plan_cursor=target)

    def add(self, question: Question) -> None:
        """A new question of my own: into the bank, and picked for this meeting."""
        self.bank.append(question)
        self._changed(qp.toggle(self.plan, question))
        self.query_one("#bank", OptionList).highlighted = len(self.bank) - 1

    @on(OptionList.OptionSelected, "#bank")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle()

    @on(OptionList.OptionSelected, "#planned")
    def _selected_planned(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter in the plan list does nothing; space takes a question out
