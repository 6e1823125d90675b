"""Rolling copies of the data file: one a day for the last week, plus one before each migration."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

KEEP_DAILY = 7


def backup_dir(data_path: Path) -> Path:
    return data_path.with_name(data_path.stem + ".backups")


def _copy(source_bytes: bytes, target: Path) -> Path:
    from .atomic import make_private_dirs, write_atomic

    make_private_dirs(target.parent)
    write_atomic(target, source_bytes)
    return target


def daily_backup(data_path: Path, content: bytes, now: datetime) -> Path | None:
    """Keep today's first version of the file; prune daily copies beyond the last week."""
    folder = backup_dir(data_path)
    target = folder / f"{data_path.stem}-{now:%Y-%m-%d}.json"
    if target.exists():
        return None
    _copy(content, target)
    daily = sorted(folder.glob(f"{data_path.stem}-????-??-??.json"))
    for old in daily[:-KEEP_DAILY]:
        with contextlib.suppress(OSError):
            os.unlink(old)
    return target


def named_backup(data_path: Path, content: bytes, label: str, now: datetime) -> Path:
    """A kept copy for a special moment: before a migration, or another program's version."""
    folder = backup_dir(data_path)
    return _copy(content, folder / f"{data_path.stem}-{label}-{now:%Y%m%d-%H%M%S}.json")
