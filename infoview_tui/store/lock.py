"""One running infoview per data file.

An OS lock (flock) on a separate `<file>.lock`, so the data file itself stays readable by
read-only commands while the app runs. The kernel drops the lock when the process dies, even
by kill -9, so a crash never leaves a stale lock behind.

The lock belongs to the real file: a symlink (the usual way to keep the data in a sync folder)
and its target take the same lock. The lock file is removed on release; a process that opened
it just before then finds, once it holds the flock, that the name points elsewhere, and retries.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .errors import FileLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + ".lock")


class DataLock:
    def __init__(self, data_path: Path) -> None:
        self.path = lock_path(Path(os.path.realpath(data_path)))
        self.data_path = data_path
        self._fd: int | None = None

    def acquire(self) -> None:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                self._lock(fd)
            except OSError:
                holder = os.read(fd, 32).decode(errors="replace").strip()
                os.close(fd)
                who = f" (process {holder})" if holder.isdigit() else ""
                raise FileLocked(
                    self.data_path,
                    f"infoview is already open on this data file{who}.",
                    "Switch to that window, or close it first. Only one infoview may change a "
                    "file at a time; `infoview queue` and exports still work meanwhile.",
                ) from None
            if self._still_named(fd):
                break
            os.close(fd)  # the holder released and removed it meanwhile: lock the new one
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    @staticmethod
    def _lock(fd: int) -> None:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _still_named(self, fd: int) -> bool:
        try:
            here, there = os.fstat(fd), os.stat(self.path)
        except FileNotFoundError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def release(self) -> None:
        """Remove the lock file (ours: we hold it) and drop the lock. Safe to call twice."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            if self._still_named(self._fd):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing drops the flock
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
