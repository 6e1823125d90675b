"""Messages the App posts to its screens about the data store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from .store.store import StoreEvent


@dataclass
class DataReplaced(Message):
    """The data in memory was replaced (another version was chosen): read it again."""


class StoreEventMessage(Message):
    """From the store's writer thread: a conflict, or trouble writing to disk."""

    def __init__(self, event: StoreEvent | Any) -> None:
        super().__init__()
        self.event = event
