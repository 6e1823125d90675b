"""What every infoview screen can count on: the app typed as the app, the store open.

The app shows a loading screen until the data file is open; every other screen is made after
that, so `self.store` is never None here. When the data in memory is replaced (another
program's version was loaded), the app posts `DataReplaced` to every screen; a screen that
shows records reads them again in `reload_from_store`.
"""

from __future__ import annotations

import inspect
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual import getters
from textual.screen import ModalScreen, Screen

from ..app import InfoviewApp
from ..messages import DataReplaced

if TYPE_CHECKING:
    from ..store.store import Store

R = TypeVar("R")


class InfoviewScreen(Screen[R]):
    app = getters.app(InfoviewApp)  # Textual's way to type `app` as our App

    @property
    def store(self) -> Store:
        return self.app.store

    def now(self) -> datetime:
        return self.app.clock.now()

    def reload_from_store(self) -> Any:
        """Show what the store holds now (may be async): the data was replaced."""

    async def on_data_replaced(self, _: DataReplaced) -> None:
        result = self.reload_from_store()
        if inspect.isawaitable(result):
            await result


class InfoviewDialog(ModalScreen[R]):
    """A dialog (dismisses with a value) that may read the store."""

    app = getters.app(InfoviewApp)

    @property
    def store(self) -> Store:
        return self.app.store

    def now(self) -> datetime:
        return self.app.clock.now()
