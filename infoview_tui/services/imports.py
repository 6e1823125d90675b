"""Importing: contacts from LinkedIn, CSV or vCard files, and a whole store from our JSON.

Both go in two steps, so the person sees what will happen before anything is written (the
CLI's --dry-run, the import screen's preview): `plan_*` reads and matches, writing nothing;
`apply_*` writes it in ONE `store.batch()`: one journal line, so a crash or a kill leaves the
file as it was or with the whole import, never half of it, and an error undoes it in memory.

For the import screen: `read_contacts(path, mapping)` (raises ReadError with one sentence),
then `plan_contacts(store, contents, now)` to show `plan.report()` / `plan.rows`, then
`apply_contacts(store, plan, now)`. For JSON: `read_export(path)` (ReadError), then
`plan_restore(store, restorable)` (its `blockers` say why the file cannot take it), then
`apply_restore(store, plan)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.codec import decode
from ..domain.question_bank import builtin_questions
from ..domain.records import Profile
from ..exchange.contacts_file import read_contacts_file
from ..exchange.import_plan import ImportPlan, plan_import
from ..exchange.json_dump import Restorable, load
from ..exchange.people import MAX_FILE_BYTES, Contents, NoNameColumn, ReadError
from ..exchange.uids import contact_uid
from ..store.schema import SCHEMA_VERSION, migrate
from ..store.store import Store
from .outcome import Outcome
from .words import plural

__all__ = [
    "NoNameColumn",
    "ReadError",
    "apply_contacts",
    "apply_restore",
    "plan_contacts",
    "plan_restore",
    "read_contacts",
]


def read_contacts(path: Path, mapping: str | dict[str, str] | None = None) -> Contents:
    """The people in a LinkedIn export (CSV or ZIP), a CSV with a header row, or a vCard
    file; `mapping` is --map's text, or {heading key: field} (the import screen's column
    choice). Raises ReadError (NoNameColumn when a CSV names no column of names)."""
    return read_contacts_file(path, mapping)


def plan_contacts(store: Store, contents: Contents, now: datetime) -> ImportPlan:
    """What importing `contents` would do; writes nothing. (The import screen runs it on a
    worker thread: the store's state is taken first, so a change made meanwhile makes
    `apply_contacts` plan again rather than apply a plan made against older contacts.)"""
    basis = (store.generation, store.change_count)
    contacts = store.contacts.all()

    def ours() -> dict[str, int]:
        own = store.store_id
        return {contact_uid(own, c.id): c.id for c in contacts if c.id is not None} if own else {}

    plan = plan_import(contents, contacts, store.organizations.all(), now, ours)
    plan.basis = basis
    return plan


def apply_contacts(store: Store, plan: ImportPlan, now: datetime) -> Outcome[ImportPlan]:
    """Write the import in one batch. If anything changed in the store since the plan was
    made (the person edited a contact while looking at the preview), the plan is made again
    against the contacts as they are now; the outcome holds the plan that was applied, and
    says so if its numbers differ from the preview's."""
    fresh = plan
    if plan.basis != (store.generation, store.change_count):
        fresh = plan_contacts(store, plan.contents, now)
    with store.batch():
        for row in fresh.rows:
            if row.action.value != "up to date":
                store.contacts.save(row.contact)
    new, updated, same, skipped = fresh.counts()
    message = (
        f"Imported {plural(new, 'new contact', 'new contacts')}, updated {updated:,}; "
        f"{same:,} already up to date, {skipped:,} skipped."
    )
    if fresh.counts() != plan.counts():
        message += " (Your contacts changed since the preview; these are the numbers applied.)"
    return Outcome(fresh, message)


# ----- a whole store from JSON -------------------------------------------------------------


@dataclass(frozen=True)
class RestorePlan:
    restorable: Restorable
    blockers: list[str]  # why the target file cannot take it (empty: it can)

    def report(self) -> list[str]:
        r = self.restorable
        counts = ", ".join(
            plural(r.count(table), one, many)
            for table, one, many in (
                ("contacts", "contact", "contacts"),
                ("organizations", "employer", "employers"),
                ("interviews", "meeting", "meetings"),
                ("followups", "follow-up", "follow-ups"),
                ("occupations", "occupation", "occupations"),
                ("questions", "question", "questions"),
            )
        )
        made = f" made {r.exported}" if r.exported else ""
        return [f"An infoview export{made}: {counts}.", *r.notes, *self.blockers]


def read_export(path: Path) -> Restorable:
    """Read an `infoview export json` file. Raises ReadError."""
    try:
        if path.is_dir():
            raise ReadError(f"{path} is a folder; give the file itself.")
        if path.stat().st_size > 16 * MAX_FILE_BYTES:
            raise ReadError(f"{path.name} is too large to be an infoview export.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"There is no file {path}.") from None
    except OSError as err:
        raise ReadError(f"{path} could not be read: {err.strerror or err}.") from None
    restorable = load(raw, SCHEMA_VERSION)
    if restorable.schema_version < SCHEMA_VERSION:
        data = {"meta": {"1": {"schema_version": restorable.schema_version}}, **restorable.tables}
        data = migrate(data, restorable.schema_version)
        restorable.tables = {k: v for k, v in data.items() if k != "meta"}
    return restorable


def what_it_holds(store: Store) -> list[str]:
    """Why the store is not empty, in words (empty list: it is). The built-in question bank
    and an untouched profile do not count: a file opened once in infoview has them."""
    reasons = []
    for repo, one, many in (
        (store.contacts, "contact", "contacts"),
        (store.organizations, "employer", "employers"),
        (store.interviews, "meeting", "meetings"),
        (store.followups, "follow-up", "follow-ups"),
        (store.occupations, "occupation", "occupations"),
    ):
        if len(repo):
            reasons.append(plural(len(repo), one, many))
    builtin = {q.text for q in builtin_questions()}
    own = [q for q in store.questions.all() if q.text not in builtin]
    if own:
        reasons.append(plural(len(own), "question of your own", "questions of your own"))
    if store.profile() != decode(Profile, {}):
        reasons.append("your profile")
    return reasons


def plan_restore(store: Store, restorable: Restorable) -> RestorePlan:
    """Check the target can take the export (read by `read_export`): it must be empty."""
    held = what_it_holds(store)
    blockers = []
    if held:
        blockers.append(
            f"This data file already holds {', '.join(held)}. 'import json' restores a whole "
            "export into an empty file only: give a new file with --data NEW.json."
        )
    return RestorePlan(restorable, blockers)


def apply_restore(store: Store, plan: RestorePlan) -> Outcome[Restorable]:
    """Put the export's documents in the (empty) store, as they were, in one batch, then a
    full save (so the file's own id, kept in meta, is on disk with them)."""
    if plan.blockers:
        return Outcome(plan.restorable, plan.blockers[0])
    held = what_it_holds(store)  # checked again: the store may have changed since the plan
    if held:
        return Outcome(plan.restorable, f"Nothing imported: the file now holds {', '.join(held)}.")
    store.restore(plan.restorable.tables, plan.restorable.info)
    store.save_now()
    r = plan.restorable
    return Outcome(
        r,
        f"Restored {plural(r.count('contacts'), 'contact', 'contacts')}, "
        f"{plural(r.count('interviews'), 'meeting', 'meetings')} and "
        f"{plural(r.count('followups'), 'follow-up', 'follow-ups')}.",
    )
