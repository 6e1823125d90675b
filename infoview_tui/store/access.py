"""Which file we really use, and whether we may change it.

Light on imports (no TinyDB): the CLI asks these questions before it takes the lock, so that a
read-only file gets no lock file beside it and a symlink is locked by the file it points to.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def real_path(path: Path | str) -> Path:
    """The file a path names in the end, through any symlinks (a data file kept in a sync
    folder and linked from elsewhere). Lock, temp files, journal and backups go beside it, and
    the rename lands on it, so the link stays a link."""
    return Path(os.path.realpath(Path(path).expanduser().absolute()))


def read_only_reason(path: Path) -> str | None:
    """Why infoview must not change this existing file, in words; None when it may.

    A file whose owner-write bit is off counts as read-only even where the system would let us
    write (as root): the person made it read-only on purpose. A folder we cannot write in is
    read-only too, since every save is a new file renamed into it.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None  # missing or unreadable: opening says what is wrong
    if not stat.S_ISREG(st.st_mode):
        return None
    mode = stat.S_IMODE(st.st_mode)
    if not mode & stat.S_IWUSR:
        return f"its mode is {mode:o}, without write permission"
    if _on_read_only_mount(path):
        return "it is on a read-only disk or mount"
    if not os.access(path, os.W_OK):
        return "you may not write to it (it belongs to someone else)"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"its folder {path.parent} is read-only"
    return None


def _on_read_only_mount(path: Path) -> bool:
    """A backup drive, a CD image, a sync folder mounted read-only: nobody may write there,
    whoever owns the file (access() says no for that reason too, but not which reason)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False
