"""Reading the data file: bytes to checked, migrated, journal-replayed tables.

Shared by the app (which then keeps the file locked and writes it) and read-only commands
such as `infoview queue` (which never lock or change anything).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FileDamaged, FileUnreadable
from .journal import apply_ops, journal_path, read_journal
from .schema import Data, check_shape, meta


@dataclass
class Loaded:
    data: Data
    raw: bytes
    version: int
    revision: str
    journal_ops: int = 0
    journal_state: str = "none"  # none | applied | folded | orphan
    notes: list[str] = field(default_factory=list)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
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


def load(path: Path) -> Loaded:
    """Read the file and continue it with its journal, without changing anything on disk."""
    raw = read_bytes(path)
    data, version = parse(raw, path)
    info = meta(data)
    loaded = Loaded(data=data, raw=raw, version=version, revision=str(info.get("revision", "")))
    journal = read_journal(journal_path(path))
    if journal is None or not journal.ops:
        return loaded
    if journal.base == loaded.revision:
        apply_ops(data, journal.ops)
        loaded.journal_state = "applied"
        loaded.journal_ops = len(journal.ops)
    elif journal.base is not None and journal.base == info.get("previous_revision"):
        loaded.journal_state = "folded"  # a full save already holds these changes
    else:
        loaded.journal_state = "orphan"
        loaded.journal_ops = len(journal.ops)
    return loaded
