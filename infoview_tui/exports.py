"""Small text files a person asked for, written beside their data file.

These are copies for the person to send or keep (a thank-you note), never the data file: that
one is written only by the store. Files are private to their owner, like the data file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from datetime import date
from pathlib import Path

MAX_SLUG = 60


def slug(text: str, fallback: str = "contact") -> str:
    """A safe piece of a file name: lowercase letters and digits joined by dashes."""
    words = re.findall(r"[^\W_]+", text.casefold())
    joined = "-".join(words)[:MAX_SLUG].strip("-")
    return joined or fallback


def thank_you_name(contact_name: str, day: date) -> str:
    return f"thank-you-{slug(contact_name)}-{day.isoformat()}.txt"


def thank_you_path(folder: Path, contact_name: str, day: date) -> Path:
    return folder / thank_you_name(contact_name, day)


def write_text_file(path: Path, text: str) -> Path:
    """Write `text` (ending with a newline) through a temporary file, readable by its owner only.

    Raises OSError; the caller tells the person what went wrong.
    """
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text if text.endswith("\n") else text + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def export_thank_you(folder: Path, contact_name: str, day: date, text: str) -> Path:
    """Save a thank-you draft as `thank-you-NAME-YYYY-MM-DD.txt` in `folder`; its path."""
    return write_text_file(thank_you_path(folder, contact_name, day), text)


def write_new_file(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write an export: atomically (a temp file in the same folder, fsync, then a rename or a
    hard link), readable by its owner only (0600). An existing file is never replaced unless
    `force`: without it the temp file is hard-linked to the name, which fails atomically if
    the name is taken (FileExistsError), even when another program creates it meanwhile.

    Raises FileExistsError, IsADirectoryError or another OSError; no temp file is left.
    """
    from .store.atomic import fsync_dir, temp_name, write_all

    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    temp = temp_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if force:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: check, then rename
                if os.path.lexists(path):
                    raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
                os.replace(temp, path)
            else:
                os.unlink(temp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)
    return path


def is_data_file(target: Path, data_file: Path) -> bool:
    """The data file itself, its journal, lock or a temp file of it: never an export's."""
    real = Path(os.path.realpath(target))
    data = Path(os.path.realpath(data_file))
    own = {data.name, f"{data.name}.journal", f"{data.name}.lock"}
    return real.parent == data.parent and (
        real.name in own or real.name.startswith(f".{data.name}")
    )
