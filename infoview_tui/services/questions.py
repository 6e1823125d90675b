"""The question bank: the built-in questions on a first plan, and questions of my own."""

from __future__ import annotations

from ..domain.question_bank import builtin_questions
from ..domain.records import Question
from ..store.store import Store
from .outcome import Outcome


def ensure_bank(store: Store) -> Outcome[list[Question]]:
    """An empty bank gets the built-in questions, all in one batch; a bank with any question
    in it (mine, or the built-in ones kept or edited) is left as it is."""
    if len(store.questions):
        return Outcome(store.questions.all(), "")
    with store.batch():
        saved = [store.questions.save(question) for question in builtin_questions()]
    return Outcome(saved, f"{len(saved)} questions in the bank.")


def add_own(store: Store, text: str) -> Outcome[Question]:
    """A question of my own, kept in the bank for later plans too."""
    question = store.questions.save(Question(text=text, why="My own question.", source="own"))
    return Outcome(question, "Added to the bank and this plan.")
