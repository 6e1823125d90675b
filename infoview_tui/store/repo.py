"""One table of records of one type: typed records in, typed records out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..domain.codec import decode, encode

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")


class Repo(Generic[T]):
    """One table of records of one type."""

    def __init__(
        self,
        store: Store,
        table: str,
        cls: type[T],
        prepare: Callable[[T, dict[str, Any] | None], T] | None = None,
    ) -> None:
        self._store = store
        self.table = table
        self.cls = cls
        self._cache: dict[int, T] | None = None
        # Called with the record and the document it replaces (None: new) on every save, e.g.
        # to keep a calendar event's SEQUENCE (domain/event_stamp.py).
        self._prepare = prepare

    def _docs(self) -> dict[str, dict[str, Any]]:
        return self._store._data[self.table]

    def _load_cache(self) -> dict[int, T]:
        if self._cache is None:
            self._cache = {
                int(key): decode(self.cls, doc, id=int(key)) for key, doc in self._docs().items()
            }
        return self._cache

    def all(self) -> list[T]:
        return list(self._load_cache().values())

    def get(self, record_id: int | None) -> T | None:
        """A fresh copy of one record, safe to change before saving."""
        if record_id is None:
            return None
        doc = self._docs().get(str(record_id))
        return None if doc is None else decode(self.cls, doc, id=record_id)

    def __len__(self) -> int:
        return len(self._docs())

    def save(self, record: T) -> T:
        """Store `record` (insert when its id is None); returns it with its id."""
        if self._prepare is not None:
            record_id = getattr(record, "id", None)
            old = None if record_id is None else self._docs().get(str(record_id))
            record = self._prepare(record, old)
        doc = encode(record)
        record_id = self._store._put(self.table, getattr(record, "id", None), doc)
        saved = dataclasses.replace(record, id=record_id)  # type: ignore[type-var]
        if self._cache is not None:
            self._cache[record_id] = decode(self.cls, doc, id=record_id)
        return saved

    def delete(self, record_id: int) -> None:
        self._store._delete(self.table, record_id)
        if self._cache is not None:
            self._cache.pop(record_id, None)

    def _reset(self) -> None:
        self._cache = None
