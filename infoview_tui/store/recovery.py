"""Versions of the data that were never chosen: keep them whole, and offer them.

When another program changes the file while infoview has it open, infoview's own version goes
to `<name>.mine-<time>.json` beside it and the person chooses. If they decide later, quit, or
infoview is killed first, the journal may hold changes that are neither in the file nor in the
copy. On the next start the journal is set aside (`<name>.journal.orphan-<time>`) and its
changes are added to the copy (or to a new one), and the app offers the copy until the person
has chosen. Once they have, the version they did not choose is in the backups folder, and so is
every set-aside journal whose changes that copy holds: nothing is left beside the file that
still needs a decision.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from .atomic import unused_name, write_atomic
from .backups import backup_dir
from .journal import JournalContents, apply_ops, holds_ops, journal_path, read_journal
from .schema import Data, check_shape, meta, to_bytes

MINE_MARK = ".mine-"
ORPHAN_MARK = ".orphan-"


dumps = to_bytes


def mine_name(data_path: Path, now: datetime) -> Path:
    return unused_name(data_path.with_name(f"{data_path.stem}{MINE_MARK}{now:%Y%m%d-%H%M%S}.json"))


def mine_copies(data_path: Path) -> list[Path]:
    """Unresolved copies beside the data file, newest first."""
    found = []
    with contextlib.suppress(OSError):
        found = [
            p
            for p in data_path.parent.glob(f"{data_path.stem}{MINE_MARK}*.json")
            if p.is_file() and not p.name.startswith(".")
        ]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def read_copy(path: Path) -> Data:
    """A copy as data; raises StoreError (a message for people) when it is not one."""
    from .datafile import add_missing_tables, parse, read_bytes

    data, _version = parse(read_bytes(path), path)
    add_missing_tables(data)
    return data


def _with_revision(path: Path, revision: str) -> Data | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if f'"revision":"{revision}"'.encode() not in raw:  # cheap: most candidates stop here
        return None
    try:
        data = json.loads(raw)
        check_shape(data, path)
    except Exception:
        return None
    return data if meta(data).get("revision") == revision else None


def _journal_base(data_path: Path, journal: JournalContents) -> tuple[Data, Path] | None:
    """The version of the data the journal continued, if a copy of it is still around."""
    if not journal.base:
        return None
    folder = backup_dir(data_path)
    candidates = mine_copies(data_path)
    with contextlib.suppress(OSError):
        candidates += sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)[::-1]
    for path in candidates:
        data = _with_revision(path, journal.base)
        if data is not None:
            return data, path
    return None


def rebuild_ours(data_path: Path, journal: JournalContents, theirs: bytes, now: datetime) -> Path:
    """Write infoview's version (the journal's changes on the data they continued) as a copy.

    The base is the copy saved when the conflict was seen, else a backup of the very file the
    journal continued, else (nothing better is left) the file as it is now. An existing copy
    is brought up to date in place; otherwise a new one is written. Returns the copy's path.
    """
    found = _journal_base(data_path, journal)
    ops: list[dict[str, Any]] = journal.ops
    if found is not None and found[1].parent == data_path.parent:
        data, target = found
        info = meta(data)
        if journal.id and info.get("journal_id") == journal.id:
            seen = info.get("journal_n")
            if isinstance(seen, int):  # the copy already holds the changes up to `seen`
                ops = [op for op in ops if not isinstance(op.get("n"), int) or op["n"] > seen]
    else:
        data = found[0] if found is not None else json.loads(theirs)
        target = mine_name(data_path, now)
    apply_ops(data, ops)
    write_atomic(target, dumps(data))
    return target


def set_aside(copy: Path, data_path: Path) -> Path:
    """Move a copy into the backups folder: kept, but no longer offered."""
    folder = backup_dir(data_path)
    from .atomic import make_private_dirs

    make_private_dirs(folder)
    target = unused_name(folder / copy.name)
    os.replace(copy, target)
    return target


def orphan_journals(data_path: Path) -> list[Path]:
    """Journals set aside beside the data file (`<name>.journal.orphan-<time>`), oldest first."""
    found: list[Path] = []
    with contextlib.suppress(OSError):
        name = journal_path(data_path).name
        found = [p for p in data_path.parent.glob(f"{name}*{ORPHAN_MARK}*") if p.is_file()]
    return sorted(found, key=lambda p: p.name)


def orphans_held_by(data_path: Path, data: Data) -> list[Path]:
    """The set-aside journals whose every change `data` (a version of the data) holds: once
    that version is kept, they hold nothing that is not kept elsewhere."""
    held = []
    for path in orphan_journals(data_path):
        journal = read_journal(path)
        if journal is None or journal.unreadable or not journal.ops:
            continue  # nothing of it is known to be anywhere else: it stays to be looked at
        if holds_ops(data, journal.ops):
            held.append(path)
    return held


def retire_orphans(paths: list[Path], data_path: Path) -> list[Path]:
    """Move set-aside journals into the backups folder (whole, as they were); their new paths.
    One that cannot be moved stays where it is, to be tried again after the next choice."""
    moved = []
    for path in paths:
        with contextlib.suppress(OSError):
            moved.append(set_aside(path, data_path))
    return moved


def summary(data: Data) -> str:
    """What a version of the data holds, in a few words, to tell two versions apart."""

    def count(table: str, one: str, many: str) -> str:
        n = len(data.get(table, {}))
        return f"{n} {one if n == 1 else many}"

    return ", ".join(
        (
            count("contacts", "contact", "contacts"),
            count("interviews", "meeting", "meetings"),
            count("followups", "follow-up", "follow-ups"),
        )
    )
