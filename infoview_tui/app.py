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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen

from .clock import Clock
from .paths import stylesheet

if TYPE_CHECKING:
    from textual.driver import Driver

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
        report_beside: Path | None = None,
        announce_new_file: bool = True,
    ) -> None:
        super().__init__()
        self._announce_new_file = announce_new_file  # not for the demo's throwaway file
        self.clock = clock
        # The data file a crash report goes beside (None: the temp folder; the demo's folder
        # is gone once it ends). See crash.py.
        self.report_beside = report_beside
        self.crash_report: Path | None = None  # written once, at the first unexpected error
        self.crashing = False
        self.autosave_after = autosave_after  # tests set 0: saved on the next loop turn
        self._store: Store | None = None
        self._opener = opener
        self._close_store_on_exit = close_store_on_exit
        self.sub_title = subtitle
        self._subtitle = subtitle
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

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, but on Linux and macOS one that takes control
        sequences out of a paste before Textual reads it (a pasted escape reordered the
        text: see terminal_input)."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from .terminal_input import PasteSafeDriver

            return PasteSafeDriver
        return driver

    @cached_property
    def data_file(self) -> DataFileUI:
        """What the app says about the data file as a whole (made at its first use)."""
        from .data_file_ui import DataFileUI

        return DataFileUI(self, self._subtitle)

    def get_default_screen(self) -> Screen:
        from .screens.loading import LoadingScreen

        return LoadingScreen()

    def on_mount(self) -> None:
        self._end_on_signals()
        # The worker exists from now on, so whoever waits for the app's workers (a test, the
        # screenshots) waits for the store too; it opens the store once the first frame is
        # on screen.
        self._open_store()

    def _end_on_signals(self) -> None:
        """SIGTERM (a logout, `kill`) and SIGHUP (the terminal window closed) end the app as
        quitting does, everything saved and the file let go, instead of killing it mid-way.
        Not under Pilot (the signals are the test runner's), nor where a handler is set
        already (a browser tab's driver turns SIGTERM into its own clean exit)."""
        import asyncio
        import signal

        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            sig = getattr(signal, name, None)
            if sig is None or signal.getsignal(sig) is not signal.SIG_DFL:
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._ended_by_signal, int(sig))

    def _ended_by_signal(self, sig: int) -> None:
        """Quit without asking anything (the terminal may be gone), with 128 + the signal's
        number, as a shell reports it. The usual way out: keys and changes already on their
        way reach the screens first, each screen saves as it closes, then the store closes
        (on_unmount). Saving here and now would miss what a field has not passed on yet."""
        if not self.exiting:
            self.exit(return_code=128 + sig)

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
            if self.exiting:  # quit (or a signal) while opening: let go of the file now
                store.close()
                return
            self.call_from_thread(self._store_opened, store, leftovers)
        except StoreError as err:
            self._close_quietly(store)
            self.call_from_thread(self.show_fatal, str(err), err.exit_code)
        except Exception as err:  # a bug: say so plainly, keep the details for a report
            from . import crash

            private = crash.private_texts_of_store(store) if store is not None else []
            report = crash.write_report(
                err,
                beside=self.report_beside,
                now=self.clock.now(),
                private=private,
                where="opening the data file",
            )
            self._close_quietly(store)
            # Not the message: it is printed again on exit, and may quote the person's data.
            self.call_from_thread(
                self.show_fatal,
                f"infoview hit an unexpected problem while opening your data "
                f"({type(err).__name__}).\n  Nothing was written to your file.\n"
                f"  Details for a bug report: {report or 'none could be written'}",
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

        if self.exiting:
            store.close()
            return
        self._store = store
        # Home starts a stack of its own ("main"); the loading screen stays behind, unseen.
        self.add_mode("main", HomeScreen)
        self.switch_mode("main")
        self.guard_size()  # a terminal already too small at the start gets no resize event
        if store.created and self._announce_new_file:
            from .paths import NEW_FILE

            self.notify(NEW_FILE.format(path=store.path), title="Data file", timeout=10)
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
        if self._crash_error is None:
            self.save_and_close()
            return
        from .crash import crash_line

        self.close_problem = None  # the crash's line is made again, with how saving went
        self.save_and_close()
        saved = self.close_problem
        self.close_problem = crash_line(self._crash_error, self.crash_report, saved)

    def save_and_close(self) -> None:
        """Everything on disk and the file let go, as far as the disk allows; never raises.
        What could not be saved is said in `close_problem`. Safe to call twice."""
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

    # ----- an unexpected error ----------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Every exception that escapes a handler, a worker, a timer or a callback comes here.

        Textual 8.2.8 (pinned exactly) has no public hook for them, and its own version of
        this method prints a traceback with every local variable (names, notes, health
        details) to the terminal. So this one override of a private Textual method: save
        what can be saved, write a private report beside the data file (crash.py), and exit
        1 with one calm line. tests/ui/test_crash.py fails if Textual stops calling it.
        Under Pilot Textual's own runs as well, so that a test sees the exception.
        """
        self.crashed(error)
        if self.is_headless:
            super()._handle_exception(error)

    def crashed(self, error: BaseException) -> None:
        """Report and exit 1, the data saved as far as the disk allows. Only the first error
        is reported (later ones are most often its consequences). Never raises.

        Now: what the screens hold goes to the store and its journal is flushed, then the
        report is written. Then the usual way out, as for quitting: each screen saves as it
        closes, the store makes its full save and lets go of the file (on_unmount), and the
        line for the terminal says how that went."""
        from textual.worker import WorkerFailed

        from . import crash

        if self.crashing:
            return
        self.crashing = True
        # Ending in the middle of a handler can leave a widget's pending watcher (a Header's
        # title) never run; Python would print a warning about it under the one calm line.
        import warnings

        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        inner = error.error if isinstance(error, WorkerFailed) else error
        self._crash_error = inner
        try:
            store = self._store
            if store is not None and not store.closed and not store.readonly:
                with contextlib.suppress(Exception):
                    self.save_screens()
                with contextlib.suppress(Exception):
                    store.flush(timeout=10)  # in the journal, whatever happens next
            private = crash.private_texts_of_store(store) if store is not None else []
            self.crash_report = crash.write_report(
                inner, beside=self.report_beside, now=self.clock.now(), private=private,
                where=_where(self),
            )  # fmt: skip
        except Exception:  # already failing: the line and the exit below must still happen
            pass
        self.close_problem = crash.crash_line(inner, self.crash_report)
        self.exit(return_code=1)

    _crash_error: BaseException | None = None

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
        """Save and quit; first, if a screen holds something that will not be kept (a date
        that cannot be read), say so and let the person go back to it."""
        warning = None if self._asking_to_quit else self._exit_warning()
        if warning is None:
            await self.data_file.quit()
            return
        from .dialogs.confirm import ConfirmScreen

        self._asking_to_quit = True
        self.push_screen(
            ConfirmScreen("Quit anyway?", warning, yes="Quit anyway", no="Go back"),
            self._quit_anyway,
        )

    _asking_to_quit = False  # the "quit anyway?" question is open: ctrl+q again means yes

    def _exit_warning(self) -> str | None:
        """The first thing an open screen says would not be kept on quitting, or None."""
        for screen in reversed(self.screen_stack):
            warn = getattr(screen, "exit_warning", None)
            said = warn() if callable(warn) else None
            if said:
                return str(said)
        return None

    def _quit_anyway(self, yes: bool | None) -> None:
        self._asking_to_quit = False
        if yes:
            self.run_worker(self.data_file.quit(), exclusive=True, group="quit")
            return
        back = getattr(self.screen, "back_to_warning", None)
        if callable(back):
            back()

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
        open a screen into an app that is closing (it crashed mounting into nothing). While
        the terminal is too small, a screen opened (a question about the data file) waits
        under the "too small" message, which stays on top."""
        from .screens.too_small import TooSmallScreen

        if self.exiting:
            done = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        if isinstance(self.screen, TooSmallScreen) and not isinstance(screen, TooSmallScreen):
            self.pop_screen()
            shown = super().push_screen(screen, callback, wait_for_dismiss)
            super().push_screen(TooSmallScreen())
            return shown
        return super().push_screen(screen, callback, wait_for_dismiss)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A file offered to the browser as a download (screens/files.py) did not get there."""
        if event.name != "screenshot":  # Textual's own says so for a screenshot
            self.notify(
                f"{event.name or 'The file'} did not reach your browser; try again.",
                title="Download",
                severity="error",
                markup=False,
            )

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
        """The current screen's own actions first, each once; then the app's own and those of
        Textual's that nothing here does already (theme, maximize). Textual's Quit and Keys
        would repeat ours, and its Screenshot saves where a folder may not exist."""
        from .bindings import listed_bindings

        for listed in listed_bindings(screen):
            binding = listed.binding
            keys = ", ".join(self.get_key_display(b) for b in listed.bindings)
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} (key: {keys})",
                lambda node=listed.active.node, action=binding.action: self.run_action(
                    action, node
                ),
            )
        if self._store is not None:
            from .screens import router

            yield SystemCommand(
                "Import contacts",
                "From LinkedIn's export, a CSV or vCards; shows what would happen first",
                lambda: router.open_area(self, router.Area.IMPORT),
            )
            yield SystemCommand(
                "Warm introductions",
                "Who you know at each ranked employer and in the job you are exploring",
                lambda: router.open_area(self, router.Area.INTRODUCTIONS),
            )
        if self._store is not None and self._store.conflict is not None:
            yield SystemCommand(
                "Resolve",
                "The data file was changed elsewhere: keep mine or load theirs",
                self.action_resolve_conflict,
            )
        if self._store is not None:
            yield SystemCommand(
                "Screenshot",
                "Save a picture of this screen (SVG) beside the data file",
                # After the palette has closed: the picture is of the screen beneath it.
                lambda: self.call_after_refresh(self.save_screen_picture),
            )
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys", "Screenshot"):
                yield command

    def save_screen_picture(self) -> None:
        """The screen as an SVG for the person (files.save_for_person: beside the data file,
        readable only by its owner, or a download in a browser); says where."""
        from .screens.files import save_for_person

        if self._store is None:
            return
        name = f"infoview-screen-{self.clock.now():%Y-%m-%d-%H%M%S}.svg"
        save_for_person(self, name, self.export_screenshot(), what="The screenshot")

    @property
    def too_small(self) -> bool:
        return self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing opens over the "too small" message (it would open squeezed); quit works."""
        return not (action in ("search", "help", "command_palette") and self.too_small)

    def on_resize(self, event: events.Resize) -> None:
        self.guard_size(event.size)

    def guard_size(self, size: Size | None = None) -> None:
        """Keep the "too small" message on top while the terminal is too small, and only then.
        `size`: the new size, when a resize is being handled (`self.size` may lag behind)."""
        from .screens.too_small import TooSmallScreen

        width, height = size or self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()


def _where(app: InfoviewApp) -> str:
    """Which screen was showing, for the report (class names only: nothing the person typed)."""
    try:
        stack = " > ".join(type(screen).__name__ for screen in app.screen_stack)
    except Exception:
        stack = "?"
    return f"the app, on {stack}"
