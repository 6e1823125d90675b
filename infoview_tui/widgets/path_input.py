"""A one-line field for a file or folder path that completes names as a shell does.

What the field would complete to is shown after the cursor, dimmed (Textual's suggestion);
`tab` or `→` at the end takes it, and `tab` with nothing to take moves on as usual. `~` is the
home folder. Folders complete with a trailing `/`, so the next tab goes on inside them.
Hidden files are offered only once a `.` is typed. The folder is listed on a thread: a slow
or network folder never holds up typing.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.suggester import Suggester

from .one_line_input import OneLineInput

MAX_LISTED = 5_000  # entries of one folder looked at; a folder larger than that completes less
MAX_PATH = 4_096  # longer than any path a system allows: a paste of something else


def folder_problem(path: Path) -> str | None:
    """Why `path` cannot be used as a folder to save in, in words; None when it can."""
    try:
        if path.is_dir():
            return None
        if path.exists():
            return f"{path} is a file, not a folder."
    except (OSError, ValueError):  # a name too long for the system, a NUL byte, ...
        return "That is not a folder this computer can use. Type the folder's path."
    return f"There is no folder {path}. Type one that exists."


def complete_path(value: str, *, folders_only: bool = False) -> str | None:
    """`value` with the rest of the first name that completes it (a folder ends in "/"),
    or None when nothing does. Folders come before files; then names in order."""
    if not value.strip() or len(value) > MAX_PATH:
        return None
    expanded = os.path.expanduser(value)
    head, tail = os.path.split(expanded)
    folder = head or "."
    found: list[tuple[bool, str]] = []
    exact_folder = False
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_LISTED:
                    break
                name = entry.name
                if not name.startswith(tail):
                    continue
                if name.startswith(".") and not tail.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    continue
                if name == tail:
                    exact_folder = exact_folder or is_dir
                    continue
                if folders_only and not is_dir:
                    continue
                found.append((not is_dir, name))
    except (OSError, ValueError):  # no such folder, too long a name, a NUL in it, ...
        return None
    if exact_folder and tail:
        return value + "/"  # a folder typed in full: go on inside it
    if not found:
        return None
    is_file, name = min(found, key=lambda f: (f[0], f[1].casefold()))
    return value + name[len(tail) :] + ("" if is_file else "/")


class PathSuggester(Suggester):
    def __init__(self, *, folders_only: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.folders_only = folders_only

    async def get_suggestion(self, value: str) -> str | None:
        return await asyncio.to_thread(complete_path, value, folders_only=self.folders_only)


class PathInput(OneLineInput):
    """A path field: completion as described above; `path` is the value with `~` expanded."""

    BINDINGS = [
        Binding("tab", "complete", "Complete", show=False,
                tooltip="Take the completion shown, or move to the next field"),
    ]  # fmt: skip

    def __init__(self, value: str = "", *, folders_only: bool = False, **kwargs: Any) -> None:
        super().__init__(value, suggester=PathSuggester(folders_only=folders_only), **kwargs)

    @property
    def path(self) -> Path:
        return Path(os.path.expanduser(self.value.strip()))

    def action_complete(self) -> None:
        before = self.value
        if self.cursor_at_end:
            self.action_cursor_right()  # takes the completion shown, if there is one
        if self.value == before:
            self.screen.focus_next()
