"""The answer of every service: the record (or records) it produced, and words for the person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T  # what the operation produced (the saved record, a list of them, or None)
    message: str  # one plain sentence or two, for a notification or the command line
