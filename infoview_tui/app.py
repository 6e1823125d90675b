"""The infoview App: opens the store after the first frame, owns navigation and store events.

Made by one factory (`launch.build_app`) for the CLI, the demo, tests, screenshots and
benchmarks: `InfoviewApp(opener, clock)`, where `opener` returns an open Store (called on a
worker thread, so a 25 MB file never delays the first frame) and `clock` is the one source of
time. A loading screen shows until the store is open; only then is any other screen made, so
`app.store` is never None where a screen can see it.

The app also owns what concerns the data file as a whole: a version left from an earlier
conflict is offered at start; another program's change is put to the person (and every open
screen shows the version they chose); quitting while the disk refuses writes says what is
unsaved and offers a way out; a read-only file can be read everywhere, and keys that would
change something say why they are off.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from .clock import Clock
from .paths import stylesheet

if TYPE_CHECKING:
    from .data_file_ui import DataFileUI
    from .dialogs.conflict import Leftover
    from .messages import StoreEventMessage
    from .store.store import Store, StoreEvent

# Imports inside the methods below are on purpose: what they bring (the store, the screens,
# what the app says about the data file) is needed only after the first frame, which is the
# loading screen and nothing else (benchmarks/startup.py).

MIN_WIDTH, MIN_HEIGHT = 80, 24


AUTOSAVE_SECONDS = 0.5  # from an edit to the store: the most of a form that a crash can lose


class InfoviewApp(App[None]):
    TITLE = "infoview"
    CSS_PATH = stylesheet("app.tcss")
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
        autosave_after: float = AUTOSAVE_SECONDS,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.autosave_after = autosave_after  # tests set 0: saved on the next loop turn
        self._store: Store | None = None
        self._opener = opener
        self._close_store_on_exit = close_store_on_exit
        self.sub_title = subtitle
        self._subtitle = subtitle
        self._too_small: Screen | None = None  # the "terminal too small" screen, while shown
        # What could not be saved when the app closed, for the CLI to print once it has (and
        # exit 1); and what is worth knowing although nothing failed (exit 0).
        self.close_problem: str | None = None
        self.close_note: str | None = None

    # ----- start-up --------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The open store. Screens exist only once it is open (see the loading screen)."""
        if self._store is None:
            raise RuntimeError("the data file is not open (yet, or any more)")
        return self._store

    @property
    def has_store(self) -> bool:
        return self._store is not None

    @cached_property
    def data_file(self) -> DataFileUI:
        """What the app says about the data file as a whole (made at its first use)."""
        from .data_file_ui import DataFileUI

        return DataFileUI(self, self._subtitle)

    def get_default_screen(self) -> Screen:
        from .screens.loading import LoadingScreen

        return LoadingScreen()

    def on_mount(self) -> None:
        # The worker exists from now on, so whoever waits for the app's workers (a test, the
        # screenshots) waits for the store too; it opens the store once the first frame is
        # on screen.
        self._open_store()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def _open_store(self) -> None:
        """Open, then warm the store; ANY failure reaches the person as a message."""
        from .data_file_ui import find_leftovers
        from .store.errors import StoreError

        shown = threading.Event()
        try:
            self.call_from_thread(self.call_after_refresh, shown.set)
        except RuntimeError:  # the app closed before its first frame
            return
        shown.wait(timeout=10)  # (no frame in 10 s: a stalled terminal; open all the same)
        store = None
        try:
            store = self._opener()
            store.warm()
            leftovers = find_leftovers(store)
            # A large store is millions of long-lived objects; a full garbage collection
            # walking them all would stall typing. Frozen objects are never walked again.
            gc.collect()
            gc.freeze()
            store.on_event = self._store_event_from_writer
            self.call_from_thread(self._store_opened, store, leftovers)
        except StoreError as err:
            self._close_quietly(store)
            self.call_from_thread(self.show_fatal, str(err), err.exit_code)
        except Exception as err:  # a bug: say so plainly, keep the details for a report
            report = _write_error_report()
            self._close_quietly(store)
            self.call_from_thread(
                self.show_fatal,
                f"infoview hit an unexpected problem while opening your data "
                f"({type(err).__name__}: {err}).\n  Nothing was written to your file.\n"
                f"  Details for a bug report: {report}",
                1,
            )

    @staticmethod
    def _close_quietly(store: Store | None) -> None:
        if store is not None:
            # Already failing: the message about the first problem is the one that matters.
            with contextlib.suppress(Exception):
                store.close()

    def _store_opened(self, store: Store, leftovers: list[Leftover]) -> None:
        from .screens.home.screen import HomeScreen

        self._store = store
        # Home starts a stack of its own ("main"); the loading screen stays behind, unseen.
        self.add_mode("main", HomeScreen)
        self.switch_mode("main")
        for note in store.notes:
            self.notify(note, title="Data file", severity="warning", timeout=20)
        self.data_file.show_state()
        self.set_interval(3, store.check_for_outside_change, name="outside-change")
        self.data_file.offer_leftovers(leftovers)

    def show_fatal(self, message: str, exit_code: int) -> None:
        from .screens.fatal import FatalScreen

        self._store = None  # closed already, if it had opened at all
        self.push_screen(FatalScreen(message, exit_code))

    def save_screens(self) -> None:
        """Every open screen hands what it holds to the store (the meeting's last keys first)."""
        for screen in self.screen_stack:  # a live meeting's last keystrokes first
            save = getattr(screen, "save_before_exit", None)
            if callable(save):
                save()

    def on_unmount(self) -> None:
        store = self._store
        if store is None:
            return
        try:
            self.save_screens()
            if self._close_store_on_exit:
                store.close()
        except Exception as err:  # never a traceback (it would print personal data)
            from .data_file_ui import plain

            self.close_problem = f"infoview could not close the data file cleanly: {plain(err)}."
            return
        if store.close_problem and not self.data_file.quit_decided:
            self.close_problem = store.close_problem

    # ----- store events (posted from the writer thread) --------------------------------------

    def _store_event_from_writer(self, event: StoreEvent) -> None:
        # post_message is thread-safe and, unlike call_from_thread, never blocks the writer.
        from .messages import StoreEventMessage

        self.post_message(StoreEventMessage(event))

    def on_store_event_message(self, message: StoreEventMessage) -> None:
        self.data_file.on_event(message.event)

    def action_resolve_conflict(self) -> None:
        self.data_file.resolve_conflict()

    async def action_quit(self) -> None:
        await self.data_file.quit()

    async def run_action(
        self,
        action: str | Any,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """As Textual's, except that on a read-only file a key that would change something
        says why it is off instead (one central place rather than a check in every screen)."""
        from .store.errors import ReadOnlyStore

        if self.data_file.refuses(action, default_namespace or self):
            self.data_file.say_read_only()
            return True
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except ReadOnlyStore:  # a change the key list did not foresee: refused all the same
            self.data_file.say_read_only()
            return True

    # ----- closing ---------------------------------------------------------------------------

    exiting = False  # set once exit() is called; nothing new may open after that

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.exiting = True
        super().exit(result, return_code, message)

    def push_screen(self, screen, callback=None, wait_for_dismiss=False):  # type: ignore[override]
        """As Textual's, except after quitting began: a key pressed right after `q` must not
        open a screen into an app that is closing (it crashed mounting into nothing)."""
        if self.exiting:
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
        from .screens import router
        from .screens.search import SearchScreen

        if self._store is None:
            self.notify("Still opening your data; one moment.")
        elif not isinstance(self.screen, SearchScreen):
            router.open_area(self, router.Area.SEARCH)

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
        if self._store is not None and self._store.conflict is not None:
            yield SystemCommand(
                "Resolve",
                "The data file was changed elsewhere: keep mine or load theirs",
                self.action_resolve_conflict,
            )
        yield from super().get_system_commands(screen)

    def on_resize(self, event: events.Resize) -> None:
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = self._too_small is not None and self.screen is self._too_small
        if small and not showing:
            from .screens.too_small import TooSmallScreen

            self._too_small = TooSmallScreen()
            self.push_screen(self._too_small)
        elif not small and showing:
            self._too_small = None
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
