"""The whole store as documented, versioned JSON, and reading it back.

    {"format": "infoview-export", "format_version": 1, "schema_version": 1,
     "exported": "2026-12-03T09:00:00+01:00", "store_id": "…", "last_ids": {…},
     "private_included": false,
     "tables": {"profile": {"1": {…}}, "contacts": {"7": {…}}, …}}

`tables` holds every table of the data file except `meta`, in the data file's own layout
(document id -> document; fields as in the README's data format), so reading it back gives
the very same documents. `store_id` and `last_ids` come from `meta`: exported UIDs stay the
same after a restore, and ids of deleted records are never handed out again. Without
--include-private the private fields (the profile's `work_ability` and `disclosure_plan`, a
meeting's `energy`) are left out, and the export says so in `private_included`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain.records import PRIVATE_INTERVIEW_FIELDS, PRIVATE_PROFILE_FIELDS
from .people import ReadError

# Per table, the fields left out of an export made without --include-private.
PRIVATE_FIELDS = {"profile": PRIVATE_PROFILE_FIELDS, "interviews": PRIVATE_INTERVIEW_FIELDS}

FORMAT = "infoview-export"
FORMAT_VERSION = 1
DATA_TABLES = ("profile", "occupations", "organizations", "contacts", "interviews",
               "followups", "questions")  # fmt: skip

Tables = dict[str, dict[str, dict[str, Any]]]


def dump(
    tables: Tables,
    info: dict[str, Any],
    schema_version: int,
    exported: datetime,
    include_private: bool,
) -> bytes:
    out_tables: Tables = {}
    for name in DATA_TABLES:
        docs = tables.get(name, {})
        private = PRIVATE_FIELDS.get(name, ()) if not include_private else ()
        if private:
            docs = {
                key: {k: v for k, v in doc.items() if k not in private} for key, doc in docs.items()
            }
        out_tables[name] = docs
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version,
        "exported": exported.isoformat(),
        "store_id": info.get("store_id", ""),
        "last_ids": info.get("last_ids", {}),
        "private_included": include_private,
        "tables": out_tables,
    }
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@dataclass
class Restorable:
    """A JSON export read back and checked: tables to restore and meta to keep."""

    tables: Tables
    info: dict[str, Any]
    schema_version: int
    exported: str
    private_included: bool
    notes: list[str] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, {}))


def load(raw: bytes, schema_version: int) -> Restorable:
    """Read an export made by `dump`. Raises ReadError (one sentence) for anything else."""
    try:
        payload = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as err:
        raise ReadError(f"This is not a JSON file ({str(err)[:80]}).") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ReadError(
            "This JSON is not an infoview export (made by 'infoview export json'). An infoview "
            "data file is opened with --data, not imported."
        )
    version = payload.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReadError("This export has no valid format_version.")
    if version > FORMAT_VERSION:
        raise ReadError(
            f"This export was made by a newer infoview (export format {version}; this one reads "
            f"up to {FORMAT_VERSION}). Upgrade infoview to import it."
        )
    schema = payload.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ReadError("This export has no valid schema_version.")
    if schema > schema_version:
        raise ReadError(
            f"This export holds data format {schema}; this infoview reads up to "
            f"{schema_version}. Upgrade infoview to import it."
        )
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        raise ReadError("This export has no 'tables' object.")
    notes = []
    checked: Tables = {}
    for name, docs in tables.items():
        if name not in DATA_TABLES:
            notes.append(
                f"The export's table {str(name)[:30]!r} is not one infoview knows; skipped."
            )
            continue
        if not isinstance(docs, dict):
            raise ReadError(f"The export's table {name!r} is not an object of documents.")
        for key, doc in docs.items():
            if not (isinstance(key, str) and key.isdigit() and int(key) > 0):
                raise ReadError(f"The export's table {name!r} has an id {str(key)[:20]!r}.")
            if not isinstance(doc, dict):
                raise ReadError(f"The export's table {name!r} has a document that is no object.")
        checked[name] = docs
    info: dict[str, Any] = {}
    store_id = payload.get("store_id")
    if isinstance(store_id, str) and store_id:
        info["store_id"] = store_id
    last_ids = payload.get("last_ids")
    if isinstance(last_ids, dict) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in last_ids.values()
    ):
        info["last_ids"] = dict(last_ids)
    private = payload.get("private_included") is True
    if not private:
        notes.append(
            "This export was made without --include-private: work-ability notes and the "
            "disclosure plan are not in it, so they stay empty."
        )
    exported = payload.get("exported")
    return Restorable(
        checked, info, schema, exported if isinstance(exported, str) else "", private, notes
    )
