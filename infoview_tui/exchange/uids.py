"""UIDs for exported records: the same on every export of the same file, different between
two people's files.

A UUID (version 5, from a fixed namespace) of the file's own id (`meta.store_id`) and the
record's table and id: stable as long as the record lives, unique across files, and telling
nothing about the record to whoever reads the calendar.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5d0c7a1e-3f1b-4c6e-9a57-1b2f0e6c9d41")  # infoview's, chosen once


def record_uid(store_id: str, table: str, record_id: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{store_id}/{table}/{record_id}"))


def contact_uid(store_id: str, contact_id: int) -> str:
    """As a vCard writes it: a URN."""
    return f"urn:uuid:{record_uid(store_id, 'contacts', contact_id)}"
