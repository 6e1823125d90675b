"""The only package that imports TinyDB or touches the data file.

Names are loaded on first use, so the CLI can take the file lock (store.lock) before TinyDB
and the rest of the store are even imported.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Store": "store", "Repo": "repo", "Conflict": "versions", "WriteTrouble": "versions",
    "StoreEvent": "store", "StoreError": "errors", "FileDamaged": "errors",
    "FileLocked": "errors", "FileUnreadable": "errors", "NewerSchema": "errors",
    "ReadOnlyStore": "errors", "DiskTrouble": "errors",
}  # fmt: skip
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
