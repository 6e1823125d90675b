"""A meeting's question plan: pick 3 to 6 from the bank, in the order they will be asked.

The plan is the meeting's `questions` list of `PlannedQuestion`s, exactly what the live
meeting screen walks through. Functions return new lists and never change their input.
"""

from __future__ import annotations

from .records import PlannedQuestion, Question

FEWEST, MOST = 3, 6


def plan_message(count: int) -> tuple[bool, str]:
    """Whether `count` planned questions is a good number, said plainly."""
    noun = "question" if count == 1 else "questions"
    if count < FEWEST:
        return False, f"{count} {noun} planned: pick at least {FEWEST} (3 to 6 is right)."
    if count > MOST:
        return False, (
            f"{count} {noun} planned: too many for 15 minutes; keep {MOST} at most "
            f"(drop {count - MOST})."
        )
    return True, f"{count} {noun} planned: a good number for 15 minutes."


def position(plan: list[PlannedQuestion], question: Question) -> int | None:
    """Where `question` sits in the plan (0-based), matched by id, else by its text."""
    for index, planned in enumerate(plan):
        if question.id is not None and planned.question_id == question.id:
            return index
        if planned.question_id is None and planned.text == question.text:
            return index
    return None


def toggle(plan: list[PlannedQuestion], question: Question) -> list[PlannedQuestion]:
    """Pick `question` (added last) or, when already picked, take it out."""
    index = position(plan, question)
    if index is not None:
        return plan[:index] + plan[index + 1 :]
    return [*plan, PlannedQuestion(text=question.text, question_id=question.id)]


def move(plan: list[PlannedQuestion], index: int, step: int) -> tuple[list[PlannedQuestion], int]:
    """The plan with question `index` moved `step` places (clamped); and where it is now."""
    if not 0 <= index < len(plan):
        return list(plan), index
    target = max(0, min(len(plan) - 1, index + step))
    moved = list(plan)
    moved.insert(target, moved.pop(index))
    return moved, target


def remove(plan: list[PlannedQuestion], index: int) -> list[PlannedQuestion]:
    if not 0 <= index < len(plan):
        return list(plan)
    return plan[:index] + plan[index + 1 :]
