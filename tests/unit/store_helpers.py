"""Small helpers shared by the store tests."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

# The fake clock's start: Thursday 3 December 2026, 09:00 at UTC+01:00.
START = datetime(2026, 12, 3, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def snapshot_dir(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every file and folder under `folder`: its bytes (None for folders) and mtime."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            full = Path(root) / name
            rel = str(full.relative_to(folder))
            st = full.stat()
            out[rel] = (None if full.is_dir() else full.read_bytes(), st.st_mtime_ns)
    return out


def crash_image(path: Path, folder: Path) -> Path:
    """What a kill -9 would leave behind: the data file and its journal as they are on disk now
    (no lock, no close). Returns the copied data file's path."""
    folder.mkdir(parents=True)
    for source in (path, path.with_name(path.name + ".journal")):
        if source.exists():
            (folder / source.name).write_bytes(source.read_bytes())
    return folder / path.name
