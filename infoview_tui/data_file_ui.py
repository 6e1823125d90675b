"""What the app says and asks about the data file as a whole.

A version left from an earlier conflict is offered at start; another program's change is put
to the person (and every open screen then shows the version they chose); quitting while the
disk refuses writes says what is unsaved and offers a way out; on a read-only file, keys that
would change something say why they are off. The App holds one `DataFileUI` and hands it these
moments; the store does the work, this module does the talking.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual.actions import parse
from textual.dom import DOMNode
from textual.screen import ModalScreen

from .messages import DataReplaced
from .read_only import is_edit

if TYPE_CHECKING:
    from .app import InfoviewApp
    from .dialogs.conflict import Leftover
    from .store.store import Store, StoreEvent

NOT_SAVED_SECONDS = 30  # how long the "Not saved" warning stays; shown again after, if still so


def plain(err: BaseException) -> str:
    """An error in a few words: a StoreError's first line, an OSError's reason."""
    what = getattr(err, "what", None) or getattr(err, "strerror", None) or str(err)
    return str(what).rstrip(".") or type(err).__name__


def find_leftovers(store: Store) -> list[Leftover]:
    """Versions from earlier conflicts that were never chosen (called on the worker thread)."""
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


class DataFileUI:
    def __init__(self, app: InfoviewApp, subtitle: str) -> None:
        self.app = app
        self.subtitle = subtitle  # the app's subtitle when nothing is wrong
        self.quit_decided = False  # the person chose how to quit despite a problem
        # The "Not saved" warning on screen (its words, and since when): a full disk fails
        # every batch, and each must not stack another toast over the last.
        self._not_saved: tuple[str, datetime] | None = None
        self._asking_how_to_quit = False  # the quit dialog says it all meanwhile

    # ----- state -----------------------------------------------------------------------------

    def show_state(self) -> None:
        """The subtitle says when the file is read-only or not being written."""
        if not self.app.has_store:
            return
        store = self.app.store
        if store.readonly:
            self.app.sub_title = f"read-only: {store.readonly_reason}"
        elif store.conflict is not None:
            self.app.sub_title = "changed elsewhere: not saving to the file (ctrl+p, Resolve)"
        else:
            self.app.sub_title = self.subtitle

    def reload_all_screens(self) -> None:
        for screen in self.app.screen_stack:
            screen.post_message(DataReplaced())

    # ----- versions left from an earlier conflict ---------------------------------------------

    def offer_leftovers(self, leftovers: list[Leftover]) -> None:
        """One left-over version at a time (each may replace the data the screens show)."""
        if not leftovers:
            return
        from .dialogs.conflict import LeftoverScreen

        first, rest = leftovers[0], leftovers[1:]

        def chosen(choice: str | None) -> None:
            self._leftover_chosen(first.path, choice)
            self.offer_leftovers(rest)

        self.app.push_screen(LeftoverScreen(first), chosen)

    def _leftover_chosen(self, copy: Path, choice: str | None) -> None:
        from .store.errors import StoreError

        store = self.app.store
        journals = store.orphan_journals()
        try:
            if choice == "use":
                kept = store.use_copy(copy)
                self.reload_all_screens()
                self.app.notify(
                    f"That version is now your data. What the file held before is kept in "
                    f"{kept}.{_retired_words(journals, store.orphan_journals(), 'in your data')}",
                    title="Data file",
                    timeout=20,
                )
            elif choice == "keep":
                moved = store.set_aside_copy(copy)
                self.app.notify(
                    f"Kept the current data. The other version is in {moved}."
                    f"{_retired_words(journals, store.orphan_journals(), 'in that version')}",
                    title="Data file",
                    timeout=20,
                )
        except (StoreError, OSError, RuntimeError) as err:
            self.app.notify(
                f"Could not do that: {plain(err)}. Nothing was changed; you will be asked again "
                "at the next start.",
                title="Data file",
                severity="error",
                timeout=30,
            )

    # ----- another program's change, and trouble writing ---------------------------------------

    def on_event(self, event: StoreEvent) -> None:
        from .store.store import Conflict

        if isinstance(event, Conflict):
            self.show_state()
            self.resolve_conflict()
        elif event.error is not None:
            self._warn_not_saved(event.error)
        else:
            if self._not_saved is not None:
                self._not_saved = None
                self.app.clear_notifications()  # the warning is no longer true
            self.app.notify("Everything is saved again.", title="Saved")

    def _warn_not_saved(self, error: str) -> None:
        """One warning, however many writes fail: replaced when its words change, shown again
        once it has timed out, never over the quit dialog."""
        if self._asking_how_to_quit:
            return
        now = self.app.clock.now()
        shown = self._not_saved
        if shown is not None:
            if shown[0] == error and now - shown[1] < timedelta(seconds=NOT_SAVED_SECONDS):
                return  # that very warning is on screen
            # Textual 8.2.8 has no public way to remove one toast: clear them, then say it anew.
            self.app.clear_notifications()
        self._not_saved = (error, now)
        self.app.notify(
            f"Could not save to disk: {error}. Your changes are kept and will be saved as soon "
            "as the disk allows; do not close infoview yet.",
            title="Not saved",
            severity="error",
            timeout=NOT_SAVED_SECONDS,
        )

    def resolve_conflict(self) -> None:
        from .dialogs.conflict import ConflictScreen

        if not self.app.has_store or self.app.store.conflict is None:
            return
        if not any(isinstance(s, ConflictScreen) for s in self.app.screen_stack):
            self.app.push_screen(ConflictScreen(self.app.store.conflict), self._conflict_resolved)

    def _conflict_resolved(self, choice: str | None) -> None:
        store = self.app.store
        if choice is None or store.conflict is None:
            return
        copy = store.conflict.our_copy
        try:
            if choice == "mine":
                theirs = store.keep_mine()
                where = f" Theirs is kept in {theirs}." if theirs else ""
                self.app.notify(f"Your version was saved.{where}", title="Data file", timeout=15)
            elif choice == "theirs":
                self._close_dialogs()  # they hold records of the version being dropped
                kept = store.take_theirs()
                self.app.notify(
                    f"Loaded the other version. Yours is kept in {kept or copy}.",
                    title="Data file",
                    timeout=15,
                )
                self.reload_all_screens()
        except Exception as err:
            self.app.notify(
                f"Could not do that: {plain(err)}. Both versions are as they were; your copy "
                f"is in {copy}. Try again with ctrl+p, Resolve.",
                title="Data file",
                severity="error",
                timeout=30,
            )
        self.show_state()

    def _close_dialogs(self) -> None:
        """Close open dialogs (a form, a snooze) before the data is replaced: what they would
        save was read from the version being dropped."""
        from .dialogs.conflict import ConflictScreen

        closed = 0
        app = self.app
        while isinstance(app.screen, ModalScreen) and not isinstance(app.screen, ConflictScreen):
            app.pop_screen()
            closed += 1
        if closed:
            app.notify("The open dialog was closed: open it again to use the loaded version.")

    # ----- quitting ----------------------------------------------------------------------------

    async def quit(self) -> None:
        """Save everything, then quit; if the disk refuses, say so and let the person choose."""
        app = self.app
        if not app.has_store or self.quit_decided:
            app.exit()
            return
        store = app.store
        if store.readonly or store.closed:
            app.exit()
            return
        app.save_screens()
        try:
            store.save_all(timeout=60)
        except (OSError, TimeoutError) as err:
            if store.unsaved_changes:
                self._ask_how_to_quit(err)
                return
            app.close_problem = store.trouble_text(err, 0)  # the journal holds everything
        if store.conflict is not None:
            app.close_note = (
                f"the data file was changed by another program; your version is in "
                f"{store.conflict.our_copy}. infoview asks which to keep when it next starts."
            )
        app.exit()

    def _ask_how_to_quit(self, err: BaseException) -> None:
        from .dialogs.quit_trouble import QuitTroubleScreen

        store = self.app.store
        why = getattr(err, "strerror", None) or str(err) or type(err).__name__
        problem = f"infoview could not save to disk: {why} ({store.path.parent})."
        self._asking_how_to_quit = True
        self._not_saved = None
        self.app.clear_notifications()  # warnings stacked over the dialog hid its lines
        self.app.push_screen(QuitTroubleScreen(problem, store.unsaved_changes), self._quit_choice)

    def _quit_choice(self, choice: str | None) -> None:
        app = self.app
        store = app.store
        self._asking_how_to_quit = False
        if choice == "retry":
            app.run_worker(self.quit(), exclusive=True, group="quit")
        elif choice == "copy":
            from .dialogs.text_prompt import TextPrompt

            app.push_screen(
                TextPrompt(
                    "Save a copy elsewhere",
                    "A folder or file on a disk with room (e.g. ~/ or /media/usb/)",
                    max_length=4000,
                ),
                self._save_copy_to,
            )
        elif choice == "quit":
            n = store.unsaved_changes
            self.quit_decided = True
            app.close_problem = (
                f"quit without saving the last {n} change{'s' if n != 1 else ''} of this "
                f"session: the disk refused them ({store.path.parent})."
            )
            app.exit()

    def _save_copy_to(self, where: str | None) -> None:
        app = self.app
        store = app.store
        if not where:
            self._ask_how_to_quit(OSError("still not saved"))
            return
        try:
            copy = store.save_copy(Path(where))
        except OSError as err:
            app.notify(
                f"Could not save there either: {err.strerror or err}. Try another place.",
                title="Not saved",
                severity="error",
                timeout=20,
            )
            self._ask_how_to_quit(err)
            return
        self.quit_decided = True
        app.close_problem = (
            f"the data file could not be saved, but a complete copy of your data is in "
            f"{copy}.\n  To go on from it, start infoview with --data {copy}, or move it over "
            f"{store.path} once there is room."
        )
        app.exit()

    # ----- read-only ---------------------------------------------------------------------------

    def refuses(self, action: object, node: DOMNode) -> bool:
        """On a read-only file, whether this key would change something (and so is refused)."""
        if not self.app.has_store or not self.app.store.readonly:
            return False
        return isinstance(action, str) and is_edit(node, action) and _allowed(node, action)

    def say_read_only(self) -> None:
        why = self.app.store.readonly_reason if self.app.has_store else "read-only"
        self.app.notify(
            f"The data file is read-only: {why}. You can read everything, but not change it.",
            title="Read-only",
            severity="warning",
            timeout=6,
        )


def _retired_words(before: list[Path], after: list[Path], where: str) -> str:
    """What became of the journals set aside beside the file, in a sentence ("" if nothing)."""
    gone = [p.name for p in before if p not in after]
    if not gone:
        return ""
    which = ", ".join(gone)
    return (
        f" The set-aside journal{'s' if len(gone) > 1 else ''} {which} held only changes that "
        f"are {where}, so nothing is lost; moved to the backups folder."
    )


def _allowed(node: DOMNode, action: str) -> bool:
    """Whether the key would run at all here (a screen may switch a key off for a moment)."""
    namespace, name, params = parse(action)
    target = {"screen": node.screen, "app": node.app}.get(namespace, node) if namespace else node
    return bool(target.check_action(name, params))
