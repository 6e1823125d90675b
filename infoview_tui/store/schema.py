"""The shape of the data file, its version, and the one place migrations run.

The file is TinyDB's JSON layout: {table: {"<doc id>": {field: value}}}. `meta` holds one
document with `schema_version` and `revision` (a random id that changes with every full save,
so a journal can tell which version of the file it continues).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import FileDamaged, NewerSchema

SCHEMA_VERSION = 1
TABLES = (
    "meta",
    "profile",
    "occupations",
    "organizations",
    "contacts",
    "interviews",
    "followups",
    "questions",
)
META_ID = "1"

Data = dict[str, dict[str, dict[str, Any]]]
# MIGRATIONS[n] turns a version-n file into version n+1. Each must be a pure function.
Migration = Callable[[Data], Data]
MIGRATIONS: dict[int, Migration] = {}


# The order of the tables in the file: first what a glance at the queue reads (glance.py), the
# contacts (where it looks up a few names) always last, by their place in the text.
FILE_ORDER = (
    "meta", "profile", "followups", "questions", "occupations", "organizations",
    "interviews", "contacts",
)  # fmt: skip
LAST_TABLE = FILE_ORDER[-1]


def to_bytes(data: Data) -> bytes:
    """The data file's bytes: compact JSON, UTF-8, tables in FILE_ORDER."""
    return json.dumps(in_file_order(data), ensure_ascii=False, separators=(",", ":")).encode()


def in_file_order(data: Data) -> Data:
    """The same tables in FILE_ORDER; tables infoview does not know go before the last one."""
    ordered = {name: data[name] for name in FILE_ORDER[:-1] if name in data}
    ordered.update((name, table) for name, table in data.items() if name not in FILE_ORDER)
    if LAST_TABLE in data:
        ordered[LAST_TABLE] = data[LAST_TABLE]
    return ordered


def empty_data(revision: str, store_id: str | None = None) -> Data:
    data: Data = {name: {} for name in TABLES}
    data["meta"][META_ID] = {
        "schema_version": SCHEMA_VERSION,
        "revision": revision,
        "store_id": store_id or new_store_id(),
    }
    return data


def new_store_id() -> str:
    """A file's own id, made once and kept: exports make their UIDs from it and a record's id,
    so two people's files never give the same UID (see `Store.store_id`)."""
    return secrets.token_hex(8)


def store_id(data: Data) -> str:
    value = meta(data).get("store_id")
    return value if isinstance(value, str) else ""


def meta(data: Data) -> dict[str, Any]:
    return data["meta"][META_ID]


def last_ids(data: Data) -> dict[str, Any]:
    """The highest id each table has handed out, kept so that a deleted record's id is never
    given to a new one (meetings keep the id of a deleted contact)."""
    info = meta(data)
    ids = info.get("last_ids")
    if not isinstance(ids, dict):
        ids = info["last_ids"] = {}
    return ids


def check_shape(data: Any, path: Path) -> int:
    """Raise unless `data` is an infoview store; returns its schema version."""

    def damaged(what: str) -> FileDamaged:
        return FileDamaged(
            path,
            f"This file is not an infoview data file: {what}.",
            "It was left untouched. Point infoview at another file with --data, or restore "
            "a copy from the .backups folder beside it.",
        )

    if not isinstance(data, dict):
        raise damaged("it holds JSON, but not an object of tables")
    meta_table = data.get("meta")
    if not isinstance(meta_table, dict) or not isinstance(meta_table.get(META_ID), dict):
        raise damaged("it has no 'meta' table")
    version = meta_table[META_ID].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged("its 'meta' table has no valid schema_version")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise damaged(f"table '{name}' is not an object")
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise damaged(f"table '{name}' holds an entry '{key[:20]}' of the wrong shape")
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            path,
            f"This file was written by a newer infoview (data format {version}; this one "
            f"reads up to {SCHEMA_VERSION}).",
            "Upgrade infoview (python3 -m pip install -U infoview). The file was left untouched.",
        )
    return version


def migrate(data: Data, version: int, migrations: dict[int, Migration] | None = None) -> Data:
    """Bring `data` from `version` to SCHEMA_VERSION, one step at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    target = max([SCHEMA_VERSION, *(k + 1 for k in steps)])
    while version < target:
        data = steps[version](data)
        version += 1
        meta(data)["schema_version"] = version
    for name in TABLES:
        data.setdefault(name, {})
    return data
