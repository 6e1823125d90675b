"""Saving as you go, for screens that edit: no save key, no "did you want to save?".

A screen derives from `AutoSaveScreen`, implements `write(store)`, calls `save_soon()` on each
change and `save()` when a change must land at once. Changes then reach the store within the
app's `autosave_after` seconds (half a second; 0 saves at once), when the screen closes, and when
the app quits (the app calls `save_before_exit` on every screen it is about to drop).

Two things no editing screen has to think about, because they are handled here:
- When the data in memory is replaced by another version (the person loaded another
  program's file), what the screen holds was read from the version dropped. It is never
  written back: `save` refuses a copy read before the store's `generation` changed, and on
  `DataReplaced` the screen reads everything again through `reload_from_store`.
- On a read-only file nothing is written, and the screen's fields are made read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widgets import Checkbox, Input, RadioSet, Select, TextArea

from ..messages import DataReplaced
from .base import InfoviewScreen

if TYPE_CHECKING:
    from ..store.store import Store


class AutoSaveScreen(InfoviewScreen[None]):
    """A screen that edits records and saves them as the person types (see the module)."""

    _save_timer: Timer | None = None
    _generation: int | None = None  # the store's generation this screen's copy was read at
    _reloading = False
    _told_read_only = False

    def save_soon(self) -> None:
        """Save a moment from now (the app's autosave delay): typing is not held up by it."""
        store = self.store
        if store.readonly:
            self._tell_read_only(store)
            return
        if self.app.autosave_after <= 0:
            self.save()  # no delay (tests): every change lands at once
        elif self._save_timer is None:
            self._save_timer = self.set_timer(self.app.autosave_after, self.save, name="autosave")

    def _stop_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def save(self) -> None:
        self._stop_timer()
        if not self.app.has_store:
            return
        store = self.store
        if store.closed or store.readonly or self._reloading:
            return
        if self._generation is None:
            self._generation = store.generation
        elif store.generation != self._generation:
            return  # read from a version of the data that has been replaced: never write it
        self.write(store)

    def write(self, store: Store) -> None:
        """Hand what the screen holds to the store (memory now, disk via the writer)."""
        raise NotImplementedError

    def save_before_exit(self) -> None:
        self.save()

    def on_unmount(self) -> None:
        self.save()

    def on_mount(self) -> None:  # Textual calls this as well as the screen's own on_mount
        store = self.store
        if self._generation is None:
            self._generation = store.generation
        if store.readonly:
            self.lock_for_reading()

    async def on_data_replaced(self, _: DataReplaced) -> None:
        store = self.store
        self._stop_timer()  # a change pending from before belongs to the version dropped
        self._generation = store.generation
        self._reloading = True
        try:
            await super().on_data_replaced(_)
        finally:
            self._reloading = False
        if store.readonly:
            self.lock_for_reading()

    def lock_for_reading(self) -> None:
        """Text can be read and scrolled, not changed; other fields show their values."""
        for area in self.query(TextArea).results(TextArea):
            area.read_only = True
        for field in self.query("Input, Select, RadioSet, Checkbox").results():
            if isinstance(field, Input | Select | RadioSet | Checkbox):
                field.disabled = True

    def _tell_read_only(self, store: Store) -> None:
        if not self._told_read_only:
            self._told_read_only = True
            self.notify(
                f"The data file is read-only: {store.readonly_reason}. Changes here are not saved.",
                title="Read-only",
                severity="warning",
            )
