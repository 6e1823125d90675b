"""One running infoview per data file.

An OS lock (flock) on a separate `<file>.lock`, so the data file itself stays readable by
read-only commands while the app runs. The kernel drops the lock when the process dies, even
by kill -9, so a crash never leaves a stale lock behind.

The lock belongs to the real file: a symlink (the usual way to keep the data in a sync folder)
and its target take the same lock. The lock file is removed on release; a process that opened
it just before then finds, once it holds the flock, that the name points elsewhere, and retries.

Some file systems have no flock at all (NFS without its lock service says ENOLCK; some network
and FUSE mounts say EOPNOTSUPP or ENOSYS). There the lock file's content is the lock: the pid
and host of the holder. A pid that is not running on this host is a lock left by a crash and
is taken over; a holder on another host cannot be checked, so it is named in the refusal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
from pathlib import Path

from .errors import FileLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


# What flock says on a file system that cannot lock (as opposed to EWOULDBLOCK: held).
NO_FLOCK = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL})


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 300).decode(errors="replace").strip()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


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
            except OSError as err:
                if err.errno not in NO_FLOCK:
                    self._refuse(fd, _read(fd))
                self._lock_by_content(fd)  # raises FileLocked when a live holder is named
            if self._still_named(fd):
                break
            os.close(fd)  # the holder released and removed it meanwhile: lock the new one
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}".encode())
        self._fd = fd

    def _refuse(self, fd: int, holder: str) -> None:
        os.close(fd)
        pid, _, host = holder.partition(" ")
        elsewhere = bool(host) and host != socket.gethostname()
        who = ""
        if pid.isdigit():
            who = f" (process {pid}{f' on the computer {host!r}' if elsewhere else ''})"
        todo = (
            "Switch to that window, or close it first. Only one infoview may change a file at "
            "a time; `infoview queue` and exports still work meanwhile."
        )
        if elsewhere:
            todo += f" If that computer no longer runs infoview, delete {self.path}."
        raise FileLocked(
            self.data_path, f"infoview is already open on this data file{who}.", todo
        ) from None

    def _lock_by_content(self, fd: int) -> None:
        """No flock here: the holder named in the file keeps it while it runs."""
        holder = _read(fd)
        pid, _, host = holder.partition(" ")
        if not pid.isdigit() or int(pid) == os.getpid():
            return
        if host and host != socket.gethostname():
            self._refuse(fd, holder)
        if _running(int(pid)):
            self._refuse(fd, holder)

    @staticmethod
    def _lock(fd: int) -> None:  # raises OSError: EWOULDBLOCK when held, NO_FLOCK when none
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
