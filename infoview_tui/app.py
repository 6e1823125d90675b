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

import contextlib
import gc
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from .clock import Clock
from .messages import DataReplaced, StoreEventMessage
from .paths import stylesheet
from .read_only import is_edit

if TYPE_CHECKING:
    from .dialogs.conflict import Leftover
    from .store.store import Store, StoreEvent

MIN_WIDTH, MIN_HEIGHT = 80, 24


AUTOSAVE_SECONDS = 0.5  # from an edit to the store: the most of a form that a crash can lose


class InfoviewApp(App[None]):
    TITLE = "infoview"
    # Home replaces the loading screen with switch_screen; its CSS is the app's to load.
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
        autosave_after: float = AUTOSAVE_SECONDS,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.autosave_after = autosave_after  # tests set 0: saved on the next loop turn
        self._store: Store | None = None
        self._opener = opener
        self._close_store_on_exit = close_store_on_exit
        self.sub_title = self._subtitle = subtitle
        # What could not be saved when the app closed, for the CLI to print once it has (and
        # exit 1); and what is worth knowing although nothing failed (exit 0).
        self.close_problem: str | None = None
        self.close_note: str | None = None
        self._quitting = False

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

    def get_default_screen(self) -> Screen:
        from .screens.loading import LoadingScreen

        return LoadingScreen()

    def on_mount(self) -> None:
        # Open the store only once the first frame is on screen.
        self.call_after_refresh(self._open_store)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def _open_store(self) -> None:
        """Open, then warm the store; ANY failure reaches the person as a message."""
        from .store.errors import StoreError

        store = None
        try:
            store = self._opener()
            store.warm()
            leftovers = self._find_leftovers(store)
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

    @staticmethod
    def _find_leftovers(store: Store) -> list[Leftover]:
        """Versions from earlier conflicts that were never chosen (on the worker thread)."""
        from datetime import datetime

        from .dialogs.conflict import Leftover
        from .store.errors import StoreError

        found = []
        for path in store.leftover_copies():
            try:
                theirs, current = store.describe_copy(path)
                saved = datetime.fromtimestamp(path.stat().st_mtime)
            except (StoreError, OSError) as err:
                store.notes.append(f"{path.name} is not a usable copy of your data ({err}).")
                continue
            found.append(Leftover(path, f"saved {saved:%a %d %b %Y %H:%M}", theirs, current))
        return found

    def _store_opened(self, store: Store, leftovers: list[Leftover]) -> None:
        from .screens.home.screen import HomeScreen

        self._store = store
        # Home starts a stack of its own ("main"); the loading screen stays behind, unseen.
        self.add_mode("main", HomeScreen)
        self.switch_mode("main")
        for note in store.notes:
            self.notify(note, title="Data file", severity="warning", timeout=20)
        self._show_state()
        self.set_interval(3, store.check_for_outside_change, name="outside-change")
        self._offer_leftovers(leftovers)

    def _offer_leftovers(self, leftovers: list[Leftover]) -> None:
        """One left-over version at a time (each may replace the data the screens show)."""
        if not leftovers:
            return
        from .dialogs.conflict import LeftoverScreen

        first, rest = leftovers[0], leftovers[1:]

        def chosen(choice: str | None) -> None:
            self._leftover_chosen(first.path, choice)
            self._offer_leftovers(rest)

        self.push_screen(LeftoverScreen(first), chosen)

    def _leftover_chosen(self, copy: Path, choice: str | None) -> None:
        from .store.errors import StoreError

        store = self.store
        try:
            if choice == "use":
                kept = store.use_copy(copy)
                self._all_screens_reload()
                self.notify(
                    f"That version is now your data. What the file held before is kept in {kept}.",
                    title="Data file",
                    timeout=20,
                )
            elif choice == "keep":
                moved = store.set_aside_copy(copy)
                self.notify(
                    f"Kept the current data. The other version is in {moved}.",
                    title="Data file",
                    timeout=20,
                )
        except (StoreError, OSError, RuntimeError) as err:
            self.notify(
                f"Could not do that: {_plain(err)}. Nothing was changed; you will be asked again "
                "at the next start.",
                title="Data file",
                severity="error",
                timeout=30,
            )

    def _all_screens_reload(self) -> None:
        for screen in self.screen_stack:
            screen.post_message(DataReplaced())

    def _show_state(self) -> None:
        """The subtitle says when the file is read-only or not being written."""
        store = self._store
        if store is None:
            return
        if store.readonly:
            self.sub_title = f"read-only: {store.readonly_reason}"
        elif store.conflict is not None:
            self.sub_title = "changed elsewhere: not saving to the file (ctrl+p, Resolve)"
        else:
            self.sub_title = self._subtitle

    def show_fatal(self, message: str, exit_code: int) -> None:
        from .screens.fatal import FatalScreen

        self._store = None  # closed already, if it had opened at all
        self.push_screen(FatalScreen(message, exit_code))

    def _save_screens(self) -> None:
        for screen in self.screen_stack:  # a live meeting's last keystrokes first
            save = getattr(screen, "save_before_exit", None)
            if callable(save):
                save()

    async def action_quit(self) -> None:
        """Save everything, then quit; if the disk refuses, say so and let the person choose."""
        store = self._store
        if store is None or store.readonly or store.closed or self._quitting:
            self.exit()
            return
        self._save_screens()
        try:
            store.save_all(timeout=60)
        except (OSError, TimeoutError) as err:
            if store.unsaved_changes:
                self._ask_how_to_quit(err)
                return
            self.close_problem = store.trouble_text(err, 0)  # the journal holds everything
        if store.conflict is not None:
            self.close_note = (
                f"the data file was changed by another program; your version is in "
                f"{store.conflict.our_copy}. infoview asks which to keep when it next starts."
            )
        self.exit()

    def _ask_how_to_quit(self, err: BaseException) -> None:
        from .dialogs.quit_trouble import QuitTroubleScreen

        store = self.store
        why = getattr(err, "strerror", None) or str(err) or type(err).__name__
        problem = f"infoview could not save to disk: {why} ({store.path.parent})."
        self.push_screen(QuitTroubleScreen(problem, store.unsaved_changes), self._quit_choice)

    def _quit_choice(self, choice: str | None) -> None:
        store = self.store
        if choice == "retry":
            self.run_worker(self.action_quit(), exclusive=True, group="quit")
        elif choice == "copy":
            from .dialogs.text_prompt import TextPrompt

            self.push_screen(
                TextPrompt(
                    "Save a copy elsewhere",
                    "A folder or file on a disk with room (e.g. ~/ or /media/usb/)",
                    max_length=4000,
                ),
                self._save_copy_to,
            )
        elif choice == "quit":
            n = store.unsaved_changes
            self._quitting = True
            self.close_problem = (
                f"quit without saving the last {n} change{'s' if n != 1 else ''} of this "
                f"session: the disk refused them ({store.path.parent})."
            )
            self.exit()

    def _save_copy_to(self, where: str | None) -> None:
        store = self.store
        if not where:
            self._ask_how_to_quit(OSError("still not saved"))
            return
        try:
            copy = store.save_copy(Path(where))
        except OSError as err:
            self.notify(
                f"Could not save there either: {err.strerror or err}. Try another place.",
                title="Not saved",
                severity="error",
                timeout=20,
            )
            self._ask_how_to_quit(err)
            return
        self._quitting = True
        self.close_problem = (
            f"the data file could not be saved, but a complete copy of your data is in "
            f"{copy}.\n  To go on from it, start infoview with --data {copy}, or move it over "
            f"{store.path} once there is room."
        )
        self.exit()

    def on_unmount(self) -> None:
        store = self._store
        if store is None:
            return
        try:
            self._save_screens()
            if self._close_store_on_exit:
                store.close()
        except Exception as err:  # never a traceback (it would print personal data)
            self.close_problem = f"infoview could not close the data file cleanly: {_plain(err)}."
            return
        if store.close_problem and not self._quitting:
            self.close_problem = store.close_problem

    # ----- store events (posted from the writer thread) --------------------------------------

    def _store_event_from_writer(self, event: StoreEvent) -> None:
        # post_message is thread-safe and, unlike call_from_thread, never blocks the writer.
        self.post_message(StoreEventMessage(event))

    def on_store_event_message(self, message: StoreEventMessage) -> None:
        from .store.store import Conflict

        event = message.event
        if isinstance(event, Conflict):
            self._show_state()
            self.action_resolve_conflict()
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

    def action_resolve_conflict(self) -> None:
        from .dialogs.conflict import ConflictScreen

        store = self._store
        if store is None or store.conflict is None:
            return
        if not any(isinstance(s, ConflictScreen) for s in self.screen_stack):
            self.push_screen(ConflictScreen(store.conflict), self._conflict_resolved)

    def _conflict_resolved(self, choice: str | None) -> None:
        store = self.store
        if choice is None or store.conflict is None:
            return
        copy = store.conflict.our_copy
        try:
            if choice == "mine":
                theirs = store.keep_mine()
                where = f" Theirs is kept in {theirs}." if theirs else ""
                self.notify(f"Your version was saved.{where}", title="Data file", timeout=15)
            elif choice == "theirs":
                self._close_dialogs()  # they hold records of the version being dropped
                kept = store.take_theirs()
                self.notify(
                    f"Loaded the other version. Yours is kept in {kept or copy}.",
                    title="Data file",
                    timeout=15,
                )
                self._all_screens_reload()
        except Exception as err:
            self.notify(
                f"Could not do that: {_plain(err)}. Both versions are as they were; your copy "
                f"is in {copy}. Try again with ctrl+p, Resolve.",
                title="Data file",
                severity="error",
                timeout=30,
            )
        self._show_state()

    def _close_dialogs(self) -> None:
        """Close open dialogs (a form, a snooze) before the data is replaced: what they would
        save was read from the version being dropped."""
        from .dialogs.conflict import ConflictScreen

        closed = 0
        while isinstance(self.screen, ModalScreen) and not isinstance(self.screen, ConflictScreen):
            self.pop_screen()
            closed += 1
        if closed:
            self.notify("The open dialog was closed: open it again to use the loaded version.")

    # ----- read-only ---------------------------------------------------------------------------

    async def run_action(
        self,
        action: str | Any,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """As Textual's, except that on a read-only file a key that would change something
        says why it is off instead (one central place rather than a check in every screen)."""
        store = self._store
        if store is not None and store.readonly:
            from .store.errors import ReadOnlyStore

            node = default_namespace or self
            if isinstance(action, str) and is_edit(node, action) and _allowed(node, action):
                self._say_read_only()
                return True
            try:
                return await super().run_action(action, default_namespace, namespaces)
            except ReadOnlyStore:  # a change this module did not foresee: refused all the same
                self._say_read_only()
                return True
        return await super().run_action(action, default_namespace, namespaces)

    def _say_read_only(self) -> None:
        store = self._store
        why = store.readonly_reason if store else "read-only"
        self.notify(
            f"The data file is read-only: {why}. You can read everything, but not change it.",
            title="Read-only",
            severity="warning",
            timeout=6,
        )

    quitting = False  # set once exit() is called; nothing new may open after that

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    def push_screen(self, screen, callback=None, wait_for_dismiss=False):  # type: ignore[override]
        """As Textual's, except after quitting began: a key pressed right after `q` must not
        open a screen into an app that is closing (it crashed mounting into nothing)."""
        if self.quitting:
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
        from .screens.too_small import TooSmallScreen

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()


def _allowed(node: DOMNode, action: str) -> bool:
    """Whether the key would run at all here (a screen may switch a key off for a moment)."""
    from textual.actions import parse

    namespace, name, params = parse(action)
    target = {"screen": node.screen, "app": node.app}.get(namespace, node) if namespace else node
    return bool(target.check_action(name, params))


def _plain(err: BaseException) -> str:
    """An error in a few words: a StoreError's first line, an OSError's reason."""
    what = getattr(err, "what", None) or getattr(err, "strerror", None) or str(err)
    return str(what).rstrip(".") or type(err).__name__


def _write_error_report() -> str:
    """The current exception's traceback in a temp file, for a bug report; its path."""
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile(
        "w", prefix="infoview-error-", suffix=".txt", delete=False
    ) as out:
        out.write(traceback.format_exc())
    return out.name
