"""The infoview App: opens the store after the first frame, owns navigation and store events.

Built by one factory for the CLI, tests and screenshots: `InfoviewApp(opener, clock)`, where
`opener` returns an open Store (called on a worker thread, so a 25 MB file never delays the
first frame) and `clock` is the one source of time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .clock import Clock
from .messages import StoreEventMessage, StoreReady
from .paths import stylesheet

if TYPE_CHECKING:
    from .store.store import Store, StoreEvent

MIN_WIDTH, MIN_HEIGHT = 80, 24


class InfoviewApp(App[None]):
    TITLE = "infoview"
    # Home is the default screen, whose own CSS_PATH Textual does not load: the app does.
    CSS_PATH = [stylesheet("app.tcss"), stylesheet("home.tcss")]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        # Not in footers (home shows q; every screen has escape back): they need the room.
        Binding(
            "ctrl+q", "quit", "Quit", show=False, priority=True, id="quit", tooltip="Save and quit"
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key on this screen"),
        Binding(
            "ctrl+k",
            "search",
            "Search",
            show=False,
            id="search",
            tooltip="Search names, employers, notes, captures, reflections, follow-ups",
        ),
    ]

    def __init__(
        self,
        opener: Callable[[], Store],
        clock: Clock,
        *,
        subtitle: str = "",
        close_store_on_exit: bool = True,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.store: Store | None = None
        self._opener = opener
        self._close_store_on_exit = close_store_on_exit
        self.sub_title = subtitle

    # ----- start-up --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        from .screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        # Open the store only once the first frame is on screen.
        self.call_after_refresh(self._open_store)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def _open_store(self) -> None:
        from .store.errors import StoreError

        try:
            store = self._opener()
        except StoreError as err:
            self.call_from_thread(self.show_fatal, str(err), err.exit_code)
            return
        except Exception as err:  # a bug: say so plainly, keep the details for a report
            report = _write_error_report()
            self.call_from_thread(
                self.show_fatal,
                f"infoview hit an unexpected problem while opening your data "
                f"({type(err).__name__}: {err}).\n  Nothing was written to your file.\n"
                f"  Details for a bug report: {report}",
                1,
            )
            return
        store.warm()
        # A large store is millions of long-lived objects; a full garbage collection walking
        # them all would stall typing. Frozen objects are never walked again.
        gc.collect()
        gc.freeze()
        store.on_event = self._store_event_from_writer
        self.call_from_thread(self._store_opened, store)

    def _store_opened(self, store: Store) -> None:
        self.store = store
        for note in store.notes:
            self.notify(note, title="Data file", severity="warning", timeout=20)
        self.screen.post_message(StoreReady())
        self.set_interval(3, store.check_for_outside_change, name="outside-change")

    def show_fatal(self, message: str, exit_code: int) -> None:
        from .screens.fatal import FatalScreen

        self.push_screen(FatalScreen(message, exit_code))

    def on_unmount(self) -> None:
        if self.store is None:
            return
        for screen in self.screen_stack:  # a live meeting's last keystrokes first
            save = getattr(screen, "save_before_exit", None)
            if callable(save):
                save()
        if self._close_store_on_exit:
            self.store.close()

    # ----- store events (posted from the writer thread) --------------------------------------

    def _store_event_from_writer(self, event: StoreEvent) -> None:
        # post_message is thread-safe and, unlike call_from_thread, never blocks the writer.
        self.post_message(StoreEventMessage(event))

    def on_store_event_message(self, message: StoreEventMessage) -> None:
        from .store.store import Conflict

        event = message.event
        if isinstance(event, Conflict):
            from .screens.conflict import ConflictScreen

            self.push_screen(ConflictScreen(event), self._conflict_resolved)
        elif event.error is not None:
            self.notify(
                f"Could not save to disk: {event.error}. Your changes are kept and will be "
                "saved as soon as the disk allows; do not close infoview yet.",
                title="Not saved",
                severity="error",
                timeout=30,
            )
        else:
            self.notify("Everything is saved again.", title="Saved")

    def _conflict_resolved(self, choice: str | None) -> None:
        assert self.store is not None
        if choice == "mine":
            theirs = self.store.keep_mine()
            where = f" Their version is kept in {theirs}." if theirs else ""
            self.notify(f"Your version was saved.{where}", title="Data file", timeout=15)
        elif choice == "theirs":
            conflict = self.store.conflict
            self.store.take_theirs()
            copy = conflict.our_copy if conflict else "a .mine file"
            self.notify(
                f"Loaded the other version. Yours is kept in {copy}.", title="Data file", timeout=15
            )
            for screen in self.screen_stack:
                screen.post_message(StoreReady())

    def push_screen(self, screen, callback=None, wait_for_dismiss=False):  # type: ignore[override]
        """As Textual's, except after quitting began: a key pressed right after `q` must not
        open a screen into an app that is closing (it crashed mounting into nothing)."""
        if self._exit:  # Textual's own flag; textual is pinned exactly, and a test covers it
            import asyncio

            done = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        return super().push_screen(screen, callback, wait_for_dismiss)

    # ----- help, palette, terminal size -----------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if self.store is None:
            self.notify("Still opening your data; one moment.")
        elif not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The current screen's own actions first, then Textual's (theme, quit, ...)."""
        from .bindings import listed_bindings

        for _key, active in listed_bindings(screen):
            binding = active.binding
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} (key: {self.get_key_display(binding)})",
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )
        yield SystemCommand("Search", "Search everything (ctrl+k)", self.action_search)
        yield from super().get_system_commands(screen)

    def on_resize(self, event: events.Resize) -> None:
        from .screens.too_small import TooSmallScreen

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()


def _write_error_report() -> str:
    """The current exception's traceback in a temp file, for a bug report; its path."""
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile(
        "w", prefix="infoview-error-", suffix=".txt", delete=False
    ) as out:
        out.write(traceback.format_exc())
    return out.name
