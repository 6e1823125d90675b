"""Saving as you go, for screens that edit: no save key, no "did you want to save?".

A screen mixes in `AutoSave` (before `Screen`), implements `write(store)`, calls
`save_soon()` on each change and `save()` when a change must land at once. Changes then
reach the store within SAVE_AFTER seconds, when the screen closes, and when the app quits
(the app calls `save_before_exit` on every screen it is about to drop).

Two things no editing screen has to think about, because they are handled here:
- When the data in memory is replaced by another version (the person loaded another
  program's file), what the screen holds was read from the version dropped. It is never
  written back: `save` refuses a copy read before the store's `generation` changed, and on
  `StoreReady` the screen reads everything again through `reload_from_store`.
- On a read-only file nothing is written, and the screen's fields are made read-only.
"""

from __future__ import annotations

import inspect
from typing import Any

from textual.timer import Timer
from textual.widgets import Checkbox, Input, RadioSet, Select, TextArea

from ..messages import StoreReady


class AutoSave:
    SAVE_AFTER = 0.5  # seconds from the first unsaved change: the most a crash can lose
    _save_timer: Timer | None = None
    _generation: int | None = None  # the store's generation this screen's copy was read at
    _reloading = False
    _told_read_only = False

    @property
    def store(self) -> Any:
        """The app's store (None until it has opened)."""
        return self.app.store  # type: ignore[attr-defined]

    def save_soon(self) -> None:
        store = self.store
        if store is not None and store.readonly:
            self._tell_read_only(store)
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(self.SAVE_AFTER, self.save, name="autosave")  # type: ignore[attr-defined]

    def _stop_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def save(self) -> None:
        self._stop_timer()
        store = self.store
        if store is None or store.closed or store.readonly or self._reloading:
            return
        if self._generation is None:
            self._generation = store.generation
        elif store.generation != self._generation:
            return  # read from a version of the data that has been replaced: never write it
        self.write(store)

    def write(self, store: Any) -> None:
        """Hand what the screen holds to the store (memory now, disk via the writer)."""
        raise NotImplementedError

    def reload_from_store(self) -> Any:
        """Show what the store holds now (may be async). Called once the store has opened, and
        whenever its data was replaced; nothing is saved while it runs."""

    def save_before_exit(self) -> None:
        self.save()

    def on_unmount(self) -> None:
        self.save()

    def on_mount(self) -> None:  # Textual calls this as well as the screen's own on_mount
        store = self.store
        if store is None:
            return
        if self._generation is None:
            self._generation = store.generation
        if store.readonly:
            self.lock_for_reading()

    async def on_store_ready(self, _: StoreReady) -> None:
        store = self.store
        if store is None:
            return
        self._stop_timer()  # a change pending from before belongs to the version dropped
        self._generation = store.generation
        self._reloading = True
        try:
            result = self.reload_from_store()
            if inspect.isawaitable(result):
                await result
        finally:
            self._reloading = False
        if store.readonly:
            self.lock_for_reading()

    def lock_for_reading(self) -> None:
        """Text can be read and scrolled, not changed; other fields show their values."""
        for area in self.query(TextArea).results(TextArea):  # type: ignore[attr-defined]
            area.read_only = True
        for field in self.query("Input, Select, RadioSet, Checkbox").results():  # type: ignore[attr-defined]
            if isinstance(field, Input | Select | RadioSet | Checkbox):
                field.disabled = True

    def _tell_read_only(self, store: Any) -> None:
        if not self._told_read_only:
            self._told_read_only = True
            self.notify(  # type: ignore[attr-defined]
                f"The data file is read-only: {store.readonly_reason}. Changes here are not saved.",
                title="Read-only",
                severity="warning",
            )
