"""Why a data file could not be used, in words for the person at the keyboard."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base: `str(error)` says what happened, which file, and what to do."""

    exit_code = 2

    def __init__(self, path: Path, what: str, todo: str) -> None:
        self.path = path
        self.what = what
        self.todo = todo
        super().__init__(f"{what}\n  file: {path}\n  {todo}")


class FileLocked(StoreError):
    exit_code = 3


class FileDamaged(StoreError):
    """Not JSON, not an infoview store, or a table of the wrong shape."""


class FileUnreadable(StoreError):
    """Permissions, a folder where the file should be, a disk error."""


class DiskTrouble(StoreError):
    """The disk refused a write infoview needs before it can safely start (full, failing)."""


class NewerSchema(StoreError):
    """Written by a newer infoview than this one."""


class ReadOnlyStore(StoreError, PermissionError):
    """A change was asked of a store opened read-only (`why` says why it is)."""

    def __init__(self, path: Path, why: str) -> None:
        self.why = why
        if "mode" in why:  # the reasons are access.read_only_reason's
            todo = "make it writable (chmod u+w)"
        elif "someone else" in why:
            todo = "ask its owner to let you write to it, or open a copy of it with --data"
        else:  # a read-only mount or folder
            todo = "copy it to a folder you can write in and open the copy with --data"
        super().__init__(
            path,
            f"This data file is open read-only: {why}.",
            f"Nothing was changed. To edit it, {todo}, and start infoview again.",
        )
