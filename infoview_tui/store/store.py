"""The Store: typed records in, typed records out; the only code that touches the data file.

All tables live in memory in TinyDB (on its MemoryStorage), so reads cost microseconds.
Every change is applied in memory at once and handed, as one journal line, to the writer
thread, which appends and fsyncs it: the UI thread never waits on the disk. The data file is
rewritten atomically only at compaction (see writer.py). Records returned by `all()` are
shared with the cache: treat them as values (`dataclasses.replace`, then `save`).
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..clock import Clock
from ..domain.codec import decode, encode
from ..domain.records import (
    Contact,
    FollowUp,
    Interview,
    Occupation,
    Organization,
    Profile,
    Question,
)
from . import backups, datafile
from .atomic import remove_stale_temp_files, unused_name, write_atomic
from .errors import FileUnreadable
from .journal import JournalWriter, journal_path, op_line, read_journal
from .lock import DataLock
from .schema import SCHEMA_VERSION, Data, Migration, empty_data, last_ids, meta, migrate
from .writer import Writer

if TYPE_CHECKING:
    from tinydb import TinyDB

T = TypeVar("T")
PROFILE_ID = 1
# Past this journal size a full save is due (when no live meeting holds it off).
COMPACT_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Conflict:
    """Another program replaced the data file while infoview had it open."""

    path: Path
    our_copy: Path  # where infoview put its own version, so nothing is lost


@dataclass(frozen=True)
class WriteTrouble:
    """Changes could not reach the disk (`error` None: they have now)."""

    error: str | None


StoreEvent = Conflict | WriteTrouble


def _dumps(data: Data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class Repo(Generic[T]):
    """One table of records of one type."""

    def __init__(self, store: Store, table: str, cls: type[T]) -> None:
        self._store = store
        self.table = table
        self.cls = cls
        self._cache: dict[int, T] | None = None

    def _docs(self) -> dict[str, dict[str, Any]]:
        return self._store._data[self.table]

    def _load_cache(self) -> dict[int, T]:
        if self._cache is None:
            self._cache = {
                int(key): decode(self.cls, doc, id=int(key)) for key, doc in self._docs().items()
            }
        return self._cache

    def all(self) -> list[T]:
        return list(self._load_cache().values())

    def get(self, record_id: int | None) -> T | None:
        """A fresh copy of one record, safe to change before saving."""
        if record_id is None:
            return None
        doc = self._docs().get(str(record_id))
        return None if doc is None else decode(self.cls, doc, id=record_id)

    def __len__(self) -> int:
        return len(self._docs())

    def save(self, record: T) -> T:
        """Store `record` (insert when its id is None); returns it with its id."""
        doc = encode(record)
        record_id = self._store._put(self.table, getattr(record, "id", None), doc)
        saved = dataclasses.replace(record, id=record_id)  # type: ignore[type-var]
        if self._cache is not None:
            self._cache[record_id] = decode(self.cls, doc, id=record_id)
        return saved

    def delete(self, record_id: int) -> None:
        self._store._delete(self.table, record_id)
        if self._cache is not None:
            self._cache.pop(record_id, None)

    def _reset(self) -> None:
        self._cache = None


class Store:
    """Open with `Store.open(path, clock)`; close with `close()` (a full save, then unlock)."""

    def __init__(self, path: Path, clock: Clock, loaded: datafile.Loaded, readonly: bool) -> None:
        self.path = path
        self.clock = clock
        self.readonly = readonly
        self.notes: list[str] = list(loaded.notes)  # things worth telling the user once
        self.conflict: Conflict | None = None
        self.on_event: Callable[[StoreEvent], None] | None = None
        self._data: Data = loaded.data
        self._revision = loaded.revision
        self._signature: tuple[int, int, int] | None = None
        self._data_lock = threading.RLock()
        self._hold = 0  # >0 while a live meeting wants no full saves
        # Read-only views (infoview queue, exports) read the tables directly: no TinyDB needed.
        self._db = None if readonly else self._new_db()
        self._lock: DataLock | None = None
        self._journal: JournalWriter | None = None
        self._writer: Writer | None = None
        self.contacts = Repo(self, "contacts", Contact)
        self.organizations = Repo(self, "organizations", Organization)
        self.occupations = Repo(self, "occupations", Occupation)
        self.interviews = Repo(self, "interviews", Interview)
        self.followups = Repo(self, "followups", FollowUp)
        self.questions = Repo(self, "questions", Question)
        self._repos = (
            self.contacts, self.organizations, self.occupations,
            self.interviews, self.followups, self.questions,
        )  # fmt: skip

    # ----- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        clock: Clock,
        *,
        readonly: bool = False,
        migrations: dict[int, Migration] | None = None,
        lock: DataLock | None = None,
    ) -> Store:
        """Open (or create) the store at `path`. Raises StoreError with a message for people.

        `lock`: one the caller already holds (the CLI takes it before the UI starts).
        """
        path = Path(path).expanduser().absolute()
        if readonly:
            loaded = datafile.load(path)
            loaded.data = migrate(loaded.data, loaded.version, migrations)
            return cls(path, clock, loaded, readonly=True)
        if path.is_dir():
            raise FileUnreadable(
                path, "The data path is a folder, not a file.", "Give a file path."
            )
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as err:
            raise FileUnreadable(
                path,
                f"The folder for the data file cannot be created: {err.strerror}.",
                "Choose another place with --data.",
            ) from None
        if lock is None:
            lock = DataLock(path)
        try:
            if not lock.held:
                lock.acquire()
        except PermissionError:
            raise FileUnreadable(
                path,
                "infoview may not write in this folder (permission denied).",
                "Choose another place with --data.",
            ) from None
        try:
            return cls._open_locked(path, clock, lock, migrations)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(
        cls, path: Path, clock: Clock, lock: DataLock, migrations: dict[int, Migration] | None
    ) -> Store:
        remove_stale_temp_files(path)
        jpath = journal_path(path)
        remove_stale_temp_files(jpath)
        created = not path.exists()
        if created:
            revision = secrets.token_hex(8)
            data = empty_data(revision)
            raw = _dumps(data)
            write_atomic(path, raw)
            loaded = datafile.Loaded(data=data, raw=raw, version=SCHEMA_VERSION, revision=revision)
            stray = read_journal(jpath)
            if stray is not None and stray.ops:  # its file is gone: set it aside, not over it
                loaded.journal_state = "orphan"
                loaded.journal_ops = len(stray.ops)
        else:
            loaded = datafile.load(path)
        now = clock.now()
        if loaded.journal_state == "orphan":
            aside = unused_name(jpath.with_name(f"{jpath.name}.orphan-{now:%Y%m%d-%H%M%S}"))
            os.replace(jpath, aside)
            loaded.notes.append(
                f"Changes made while the file was replaced by another program were set aside "
                f"in {aside.name} ({loaded.journal_ops} changes); the file itself is as that "
                f"program left it."
            )
        needs_migration = loaded.version < SCHEMA_VERSION or bool(migrations)
        if needs_migration:
            backups.named_backup(path, loaded.raw, f"before-v{loaded.version}-upgrade", now)
            loaded.data = migrate(loaded.data, loaded.version, migrations)
        store = cls(path, clock, loaded, readonly=False)
        store._lock = lock
        store._signature = _signature(os.stat(path))
        store._journal = JournalWriter(jpath)
        if needs_migration or loaded.journal_state in ("applied", "folded"):
            store._write_full()  # fold the journal or migration into the file
            backups.daily_backup(path, path.read_bytes(), now)
        else:
            backups.daily_backup(path, loaded.raw, now)
            store._journal.start(store._revision)
        store._writer = Writer(store._journal.append, store._after_batch, store._write_failed)
        return store

    def close(self) -> None:
        """Save everything in full and release the file. Safe to call twice."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        try:
            writer.call(self._close_on_writer)
        finally:
            writer.stop()
            if self._lock is not None:
                self._lock.release()

    def _close_on_writer(self) -> None:
        assert self._journal is not None
        if self.conflict is not None:
            self._save_our_copy(self.conflict.our_copy)  # the journal stays as a second copy
            self._journal.close()
        elif self._journal.ops:
            self._compact()
            self._journal.remove()
        else:
            self._journal.remove()

    # ----- writing ---------------------------------------------------------------------------

    def _new_db(self) -> TinyDB:
        from tinydb import TinyDB
        from tinydb.storages import MemoryStorage

        db = TinyDB(storage=MemoryStorage)
        db.storage.memory = self._data
        return db

    def _put(self, table: str, record_id: int | None, doc: dict[str, Any]) -> int:
        if self.readonly:
            raise PermissionError("this store was opened read-only")
        with self._data_lock:
            tdb = self._db.table(table)
            from tinydb.table import Document

            if record_id is None:
                record_id = self._new_id(table)
                tdb.insert(Document(doc, doc_id=record_id))
            elif tdb.contains(doc_id=record_id):
                tdb.update(doc, doc_ids=[record_id])
            else:
                tdb.insert(Document(doc, doc_id=record_id))
            self._queue_line(op_line(table, record_id, doc))
        return record_id

    def _new_id(self, table: str) -> int:
        """One more than any id this table ever held, even of records deleted since."""
        used = last_ids(self._data)
        top = used.get(table)
        new = max([top if isinstance(top, int) else 0, *map(int, self._data[table])]) + 1
        used[table] = new
        return new

    def _delete(self, table: str, record_id: int) -> None:
        if self.readonly:
            raise PermissionError("this store was opened read-only")
        with self._data_lock:
            tdb = self._db.table(table)
            if tdb.contains(doc_id=record_id):
                tdb.remove(doc_ids=[record_id])
            self._queue_line(op_line(table, record_id, None))

    def _queue_line(self, line: bytes) -> None:
        if self._writer is None:
            raise RuntimeError("the store is closed")
        self._writer.put(line)

    def flush(self, timeout: float | None = 30) -> None:
        """Wait until every change so far is on disk (in the journal)."""
        if self._writer is not None:
            self._writer.call(lambda: None, timeout)

    def save_now(self) -> None:
        """A full save of the data file now (e.g. before a risky step); waits for it."""
        if self._writer is not None:
            self._writer.call(self._compact)

    @contextmanager
    def holding_full_saves(self) -> Iterator[None]:
        """No full rewrite while this is held (a live meeting): only cheap journal appends."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1

    def hold_full_saves(self, on: bool) -> None:
        self._hold = max(0, self._hold + (1 if on else -1))

    @property
    def closed(self) -> bool:
        return self._writer is None and not self.readonly

    @property
    def unsaved_changes(self) -> int:
        return self._writer.unsaved if self._writer else 0

    def check_for_outside_change(self) -> None:
        """Ask the writer to look for another program's change now (cheap: one stat)."""
        if self._writer is not None and self.conflict is None:
            self._writer.submit(self._detect_conflict)

    # ----- on the writer thread ------------------------------------------------------------

    def _after_batch(self) -> None:
        if self._journal is None or not self._journal.open:
            return  # closed: nothing more to check or save
        if self.conflict is None:
            self._detect_conflict()
        assert self._journal is not None
        if self._journal.size > COMPACT_BYTES and not self._hold and self.conflict is None:
            self._compact()

    def _write_failed(self, err: OSError | None) -> None:
        text = None if err is None else f"{err.strerror or err} ({self.path.parent})"
        self._emit(WriteTrouble(text))

    def _emit(self, event: StoreEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _snapshot(self) -> bytes:
        with self._data_lock:
            return _dumps(self._data)

    def _write_full(self) -> None:
        """Rewrite the data file with everything in memory, then start an empty journal."""
        assert self._journal is not None
        with self._data_lock:
            info = meta(self._data)
            info["previous_revision"] = self._revision
            info["revision"] = self._revision = secrets.token_hex(8)
            blob = _dumps(self._data)
        self._signature = _signature(write_atomic(self.path, blob))
        self._journal.start(self._revision)

    def _compact(self) -> None:
        if self.conflict is not None:
            raise RuntimeError("the data file was changed by another program; resolve that first")
        self._detect_conflict()
        if self.conflict is None:
            self._write_full()

    def _outside_revision(self) -> str | None:
        """The revision in the file on disk if another program changed it, else None."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return "(deleted)"
        if _signature(st) == self._signature:
            return None
        try:
            data, _ = datafile.parse(self.path.read_bytes(), self.path)
            revision = str(meta(data).get("revision", ""))
        except Exception:  # damaged, half-synced, unreadable: all are someone else's change
            return "(unreadable)"
        if revision == self._revision:  # touched, or copied back unchanged
            self._signature = _signature(st)
            return None
        return revision

    def _detect_conflict(self) -> None:
        if self.conflict is not None or self._outside_revision() is None:
            return
        now = self.clock.now()
        copy = unused_name(self.path.with_name(f"{self.path.stem}.mine-{now:%Y%m%d-%H%M%S}.json"))
        self._save_our_copy(copy)
        self.conflict = Conflict(self.path, copy)
        self._emit(self.conflict)

    def _save_our_copy(self, target: Path) -> None:
        write_atomic(target, self._snapshot())

    # ----- resolving a conflict (from the UI; waits for the writer) ---------------------------

    def keep_mine(self) -> Path | None:
        """Overwrite the other program's version with ours, keeping theirs as a backup."""

        def run() -> Path | None:
            theirs = None
            if self.path.exists():
                theirs = backups.named_backup(
                    self.path, self.path.read_bytes(), "other-program", self.clock.now()
                )
            self.conflict = None
            self._write_full()
            return theirs

        assert self._writer is not None
        return self._writer.call(run)

    def take_theirs(self) -> None:
        """Reload the file as the other program left it (ours stays in the conflict copy)."""

        def run() -> None:
            assert self.conflict is not None and self._journal is not None
            self._save_our_copy(self.conflict.our_copy)
            loaded = datafile.load(self.path)
            with self._data_lock:
                self._data = migrate(loaded.data, loaded.version)
                self._revision = loaded.revision
                self._db = self._new_db()
                for repo in self._repos:
                    repo._reset()
            self._signature = _signature(os.stat(self.path))
            self._journal.start(self._revision)
            self.conflict = None

        assert self._writer is not None
        self._writer.call(run)

    def open_followups(self, due_by: date | None = None) -> list[FollowUp]:
        """Open follow-ups, only those due on or before `due_by` when given.

        Filters the stored rows before decoding any: `infoview queue` on 20,000 items
        decodes only what it prints.
        """
        limit = None if due_by is None else due_by.isoformat()
        found = []
        for key, doc in self._data["followups"].items():
            if doc.get("done") is not None:
                continue
            due = doc.get("due")
            if limit is not None and not (isinstance(due, str) and due <= limit):
                continue
            found.append(decode(FollowUp, doc, id=int(key)))
        return found

    def contact_names(self, ids: Iterable[int]) -> dict[int, str]:
        """Just the names of these contacts, without decoding whole records."""
        docs = self._data["contacts"]
        names = {}
        for contact_id in ids:
            doc = docs.get(str(contact_id))
            if doc is not None:
                names[contact_id] = str(doc.get("name", ""))
        return names

    def warm(self) -> None:
        """Decode every table now (on a worker thread) instead of on the first screen."""
        for repo in self._repos:
            repo.all()

    # ----- changes that span tables ----------------------------------------------------------

    def delete_contact(self, contact_id: int) -> None:
        """Remove a contact, unlink who they introduced, drop their open follow-ups.

        Meetings with them are kept: they are history, and hold notes.
        """
        for other in self.contacts.all():
            if other.introduced_by_id == contact_id:
                self.contacts.save(dataclasses.replace(other, introduced_by_id=None))
        for item in self.followups.all():
            if item.contact_id == contact_id and item.is_open:
                self.followups.delete(item.id)  # type: ignore[arg-type]
        self.contacts.delete(contact_id)

    # ----- the profile (one document) --------------------------------------------------------

    def profile(self) -> Profile:
        return decode(Profile, self._data["profile"].get(str(PROFILE_ID), {}))

    def save_profile(self, profile: Profile) -> None:
        self._put("profile", PROFILE_ID, encode(profile))
