"""Checks on what a person typed, with messages meant for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Contact

# Generous, but a paste of a whole document into a name field is a mistake worth stopping.
MAX_NAME = 200
MAX_FIELD = 20_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def clean_text(text: str) -> str:
    """Trim, and drop control characters that would garble a terminal (keeps newlines, tabs)."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()


def check_contact(contact: Contact) -> list[Problem]:
    problems = []
    if not contact.name.strip():
        problems.append(Problem("name", "A contact needs a name."))
    elif len(contact.name) > MAX_NAME:
        problems.append(Problem("name", f"Names are limited to {MAX_NAME} characters."))
    if contact.email and not _EMAIL.match(contact.email):
        problems.append(
            Problem("email", "That does not look like an email address (like name@example.org).")
        )
    if contact.id is not None and contact.introduced_by_id == contact.id:
        problems.append(Problem("introduced_by", "A contact cannot introduce themselves."))
    for name in ("job_title", "phone", "linkedin", "notes"):
        if len(getattr(contact, name)) > MAX_FIELD:
            problems.append(Problem(name, f"Too long: at most {MAX_FIELD:,} characters."))
    return problems
