"""Reading the data file: bytes to checked, migrated, journal-replayed tables.

Shared by the app (which then keeps the file locked and writes it) and read-only commands
such as `infoview queue` (which never lock or change anything).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Any

from .atomic import digest
from .errors import FileDamaged, FileUnreadable
from .journal import JournalContents, apply_ops, holds_ops, journal_path, read_journal
from .schema import TABLES, Data, check_shape, meta


@dataclass
class Loaded:
    data: Data
    raw: bytes
    version: int
    revision: str
    digest: str = ""
    stat: os.stat_result | None = None  # of the bytes read (same open file)
    journal: JournalContents | None = None
    journal_ops: int = 0
    journal_state: str = "none"  # none | applied | folded | orphan
    notes: list[str] = field(default_factory=list)
    created: bool = False  # there was no file: this open made it


def read_bytes(path: Path) -> bytes:
    return read_with_stat(path)[0]


def check_regular(path: Path) -> None:
    """Refuse a path that is there but is no regular file (a device such as /dev/null, a pipe,
    a socket), before opening it: a pipe would block, a device reads as empty."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: said where it is opened
    if not S_ISREG(mode) and not S_ISDIR(mode):
        raise FileUnreadable(
            path,
            f"{path} is not a regular file (it is a device, a pipe or the like), so it cannot "
            "hold infoview's data.",
            "Give the path of a data file with --data.",
        )


def read_with_stat(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the stat of the very file they came from (no race between them)."""
    check_regular(path)
    try:
        with path.open("rb") as f:
            return f.read(), os.fstat(f.fileno())
    except IsADirectoryError:
        raise FileUnreadable(
            path, "The data path is a folder, not a file.", "Give a file path with --data."
        ) from None
    except PermissionError:
        raise FileUnreadable(
            path,
            "infoview may not read this data file (permission denied).",
            "Check the file's owner and permissions (it should be yours, mode 600).",
        ) from None
    except OSError as err:
        raise FileUnreadable(
            path, f"The data file could not be read: {err.strerror}.", "Check the disk."
        ) from None


def parse(raw: bytes, path: Path) -> tuple[Data, int]:
    if not raw.strip():
        raise FileDamaged(
            path,
            "The data file is empty, so it holds no infoview data.",
            "If a sync tool is still copying it, wait and try again; otherwise restore a copy "
            "from the .backups folder beside it, or delete the empty file to start afresh.",
        )
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as err:
        raise FileDamaged(
            path,
            f"The data file is damaged: it is not valid JSON ({err}).",
            "It was left untouched. Restore a copy from the .backups folder beside it, or "
            "point infoview at another file with --data.",
        ) from None
    return data, check_shape(data, path)


def add_missing_tables(data: Data) -> list[str]:
    """Give a file that lacks some tables empty ones (in memory); returns their names."""
    missing = [name for name in TABLES if name not in data]
    for name in missing:
        data[name] = {}
    return missing


def load(path: Path) -> Loaded:
    """Read the file and continue it with its journal, without changing anything on disk.

    The journal continues the file only if it names the file's revision *and* (when it says)
    the digest of its bytes: another program may change a file and keep the revision. It is
    "folded" when the file says it was written from that very journal (meta "folds", set by
    every full save; a crash came between the save and the new journal), or when the file holds
    every change in it anyway. Any other journal is an "orphan": it is never replayed onto, nor
    dropped in favour of, a file it does not belong to. (Journals of earlier versions have no
    id: for those a file whose previous revision is the journal's base counts as folded.)
    """
    raw, stat = read_with_stat(path)
    data, version = parse(raw, path)
    info = meta(data)
    loaded = Loaded(
        data=data,
        raw=raw,
        version=version,
        revision=str(info.get("revision", "")),
        digest=digest(raw),
        stat=stat,
    )
    missing = add_missing_tables(data)
    if missing:
        loaded.notes.append(
            f"The data file had no {', '.join(missing)} table{'s' if len(missing) > 1 else ''}: "
            "infoview is using empty ones. The file itself changes only when you next change "
            "something."
        )
    journal = read_journal(journal_path(path))
    loaded.journal = journal
    if journal is None:
        return loaded
    if journal.unreadable:
        loaded.journal_state = "orphan"
        return loaded
    if not journal.ops:
        return loaded
    same_file = journal.base == loaded.revision and journal.digest in (None, loaded.digest)
    if same_file:
        apply_ops(data, journal.ops)
        loaded.journal_state = "applied"
        loaded.journal_ops = len(journal.ops)
    elif _folded(info, journal) or holds_ops(data, journal.ops):
        loaded.journal_state = "folded"  # a full save already holds these changes
    else:
        loaded.journal_state = "orphan"
        loaded.journal_ops = len(journal.ops)
    return loaded


def _folded(info: dict[str, Any], journal: JournalContents) -> bool:
    if journal.id:
        return info.get("folds") == journal.id
    return journal.base is not None and journal.base == info.get("previous_revision")
