"""Saving as you go, for screens that edit: no save key, no "did you want to save?".

A screen mixes in `AutoSave` (before `Screen`), implements `write(store)`, calls
`save_soon()` on each change and `save()` when a change must land at once. Changes then
reach the store within SAVE_AFTER seconds, when the screen closes, and when the app quits
(the app calls `save_before_exit` on every screen it is about to drop).
"""

from __future__ import annotations

from typing import Any

from textual.timer import Timer


class AutoSave:
    SAVE_AFTER = 0.5  # seconds from the first unsaved change: the most a crash can lose
    _save_timer: Timer | None = None

    @property
    def store(self) -> Any:
        """The app's store (None until it has opened)."""
        return self.app.store  # type: ignore[attr-defined]

    def save_soon(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(self.SAVE_AFTER, self.save, name="autosave")  # type: ignore[attr-defined]

    def save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        store = self.store
        if store is not None and not store.closed:
            self.write(store)

    def write(self, store: Any) -> None:
        """Hand what the screen holds to the store (memory now, disk via the writer)."""
        raise NotImplementedError

    def save_before_exit(self) -> None:
        self.save()

    def on_unmount(self) -> None:
        self.save()
