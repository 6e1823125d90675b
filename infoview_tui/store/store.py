"""The Store: typed records in, typed records out; the only code that touches the data file.

All tables live in memory in TinyDB (on its MemoryStorage), so reads cost microseconds.
Every change is applied in memory at once and handed, as one journal line, to the writer
thread, which appends and fsyncs it: the UI thread never waits on the disk. The data file is
rewritten atomically only at compaction (see writer.py). Records returned by `all()` are
shared with the cache: treat them as values (`dataclasses.replace`, then `save`).

What is on disk is judged by content: the store remembers the digest of the bytes it last
wrote or read, so another program's change is noticed even when it keeps the revision number
(see versions.py for what happens then). A symlinked file is used through its real path, and a
file we may not change is opened read-only and never written.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..clock import Clock
from ..domain.codec import decode, encode
from ..domain.event_stamp import restamp
from ..domain.records import (
    Contact,
    FollowUp,
    Interview,
    Occupation,
    Organization,
    Profile,
    Question,
)
from . import backups, datafile, recovery
from .access import read_only_reason, real_path
from .atomic import (
    digest,
    holds,
    make_private_dirs,
    remove_stale_temp_files,
    unused_name,
    write_atomic,
)
from .errors import DiskTrouble, FileUnreadable, ReadOnlyStore
from .journal import JournalWriter, batch_line, journal_path, op_line, read_journal
from .lock import DataLock
from .repo import Repo
from .schema import (
    META_ID,
    SCHEMA_VERSION,
    TABLES,
    Data,
    Migration,
    empty_data,
    last_ids,
    meta,
    migrate,
    new_store_id,
    store_id,
    to_bytes,
)
from .versions import Conflict, Versions, WriteTrouble
from .writer import Writer

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["Conflict", "Repo", "Store", "StoreEvent", "WriteTrouble"]

PROFILE_ID = 1
# Past this journal size a full save is due (when no live meeting holds it off).
COMPACT_BYTES = 4 * 1024 * 1024

StoreEvent = Conflict | WriteTrouble


_dumps = to_bytes


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class FileSeen:
    """The data file as infoview last wrote or read it: a cheap stat signature, and the digest
    of its bytes, compared when the signature moved (a touch, or a copy of the same bytes) and
    before every full save (an edit in place can keep the signature)."""

    signature: tuple[int, int, int]
    digest: str


class Store(Versions):
    """Open with `Store.open(path, clock)`; close with `close()` (a full save, then unlock)."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        loaded: datafile.Loaded,
        readonly: bool,
        readonly_reason: str = "",
    ) -> None:
        self.path = path
        self.clock = clock
        self.readonly = readonly
        self.readonly_reason = readonly_reason or ("opened for reading only" if readonly else "")
        self.notes: list[str] = list(loaded.notes)  # things worth telling the user once
        self.created = loaded.created  # this open made the file (it was not there)
        self.conflict: Conflict | None = None
        self.on_event: Callable[[StoreEvent], None] | None = None
        # Rises each time the data in memory is replaced by another version (their file, a
        # kept copy): a screen holding records read before must read them again, not save them.
        self.generation = 0
        # Why the last close could not save everything, in words (None: it could).
        self.close_problem: str | None = None
        self._data: Data = loaded.data
        self._revision = loaded.revision
        self._seen: FileSeen | None = None
        self._data_lock = threading.RLock()
        self._hold = 0  # >0 while a live meeting wants no full saves
        self._numbered = 0  # changes handed to the writer so far (journal lines carry it)
        self._tops: dict[str, int] = {}  # per table, the highest id handed out (see _new_id)
        # Inside `batch()`: (table, id, new doc, old doc) of each change, to write or undo.
        self._batch: list[tuple[str, int, dict[str, Any] | None, dict[str, Any] | None]] | None = (
            None
        )
        self._closing = False
        self._finished = False  # the writer thread has dealt with the journal for good
        self._copy_pending = False  # a conflict whose copy of ours could not be written yet
        # Read-only views (infoview queue, exports) read the tables directly: no TinyDB needed.
        self._db = None if readonly else self._new_db()
        self._lock: DataLock | None = None
        self._journal: JournalWriter | None = None
        self._writer: Writer | None = None
        self.contacts = Repo(self, "contacts", Contact)
        self.organizations = Repo(self, "organizations", Organization)
        self.occupations = Repo(self, "occupations", Occupation)
        self.interviews = Repo(self, "interviews", Interview, restamp)
        self.followups = Repo(self, "followups", FollowUp, restamp)
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

        `lock`: one the caller already holds (the CLI takes it before the UI starts). A file
        infoview may not change (see access.read_only_reason) is opened read-only, without a
        lock: `readonly` and `readonly_reason` say so.
        """
        path = real_path(path)
        if readonly:
            return cls._open_readonly(path, clock, migrations, "")
        if path.is_dir():
            raise FileUnreadable(
                path, "The data path is a folder, not a file.", "Give a file path."
            )
        datafile.check_regular(path)  # before a lock file is made beside a device or pipe
        why = read_only_reason(path)
        if why is not None:
            if lock is not None:
                lock.release()
            return cls._open_readonly(path, clock, migrations, why)
        try:
            make_private_dirs(path.parent)
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
    def _open_readonly(
        cls, path: Path, clock: Clock, migrations: dict[int, Migration] | None, why: str
    ) -> Store:
        loaded = datafile.load(path)
        loaded.data = migrate(loaded.data, loaded.version, migrations)
        store = cls(path, clock, loaded, readonly=True, readonly_reason=why)
        if why:
            for copy in recovery.mine_copies(path):
                store.notes.append(
                    f"An unresolved version of your data is in {copy.name}; make the file "
                    "writable to choose between the two."
                )
        return store

    @classmethod
    def _open_locked(
        cls, path: Path, clock: Clock, lock: DataLock, migrations: dict[int, Migration] | None
    ) -> Store:
        try:
            return cls._open_and_prepare(path, clock, lock, migrations)
        except OSError as err:
            raise DiskTrouble(
                path,
                f"infoview could not write beside the data file: {err.strerror or err}.",
                "Nothing in the file was changed. Free some space or fix the disk, then start "
                "infoview again.",
            ) from None

    @classmethod
    def _open_and_prepare(
        cls, path: Path, clock: Clock, lock: DataLock, migrations: dict[int, Migration] | None
    ) -> Store:
        remove_stale_temp_files(path)
        jpath = journal_path(path)
        remove_stale_temp_files(jpath)
        if path.exists():
            loaded = datafile.load(path)
        else:
            revision = secrets.token_hex(8)
            data = empty_data(revision)
            raw = _dumps(data)
            st = write_atomic(path, raw)
            loaded = datafile.Loaded(
                data=data,
                raw=raw,
                version=SCHEMA_VERSION,
                revision=revision,
                digest=digest(raw),
                stat=st,
                created=True,
            )
            stray = read_journal(jpath)
            if stray is not None and (stray.ops or stray.unreadable):
                # Its file is gone: set it aside, never start a new journal over it.
                loaded.journal, loaded.journal_state = stray, "orphan"
                loaded.journal_ops = len(stray.ops)
        now = clock.now()
        if loaded.journal_state == "orphan":
            cls._set_orphan_aside(path, jpath, loaded, now)
        needs_migration = loaded.version < SCHEMA_VERSION or bool(migrations)
        if needs_migration:  # never without a copy of the file as it was
            backups.named_backup(path, loaded.raw, f"before-v{loaded.version}-upgrade", now)
            loaded.data = migrate(loaded.data, loaded.version, migrations)
        store = cls(path, clock, loaded, readonly=False)
        store._lock = lock
        assert loaded.stat is not None
        store._seen = FileSeen(_signature(loaded.stat), loaded.digest)
        store._journal = JournalWriter(jpath)
        if loaded.journal is not None and loaded.journal_state == "applied":
            store._journal.id = loaded.journal.id or ""  # the one on disk, until replaced
        backup_of = loaded.raw  # the file as it is on disk now
        if needs_migration or loaded.journal_state == "applied":
            try:
                store._write_full()  # fold the journal or migration into the file
                backup_of = path.read_bytes()
            except OSError as err:
                why = err.strerror or err
                if store._revision != loaded.revision:
                    # The file holds it all; the new journal begins with the next change.
                    store.notes.append(
                        f"A new journal could not be written beside the data file ({why}); "
                        "everything so far is in the data file, and infoview tries again with "
                        "the next change."
                    )
                elif needs_migration:
                    raise
                else:
                    assert loaded.journal is not None
                    store._journal.resume(loaded.journal)  # it still continues the file
                    store.notes.append(
                        f"The data file could not be rewritten ({why}); your changes are safe "
                        "in its journal and are saved as you go."
                    )
        else:  # nothing to fold (or already folded: the file holds it, the journal can go)
            store._journal.start(store._revision, loaded.digest)
        try:
            backups.daily_backup(path, backup_of, now)
        except OSError as err:
            store.notes.append(f"Today's backup could not be written: {err.strerror or err}.")
        store._writer = Writer(store._journal.append, store._after_batch, store._write_failed)
        return store

    @staticmethod
    def _set_orphan_aside(path: Path, jpath: Path, loaded: datafile.Loaded, now: datetime) -> None:
        """A journal that does not continue this file: keep it, and our version, whole."""
        journal = loaded.journal
        assert journal is not None
        aside = unused_name(jpath.with_name(f"{jpath.name}.orphan-{now:%Y%m%d-%H%M%S}"))
        if journal.unreadable or not journal.ops:
            os.replace(jpath, aside)
            loaded.notes.append(
                f"The journal beside the data file could not be read; it was set aside in "
                f"{aside.name}, untouched. The data file itself is fine."
            )
            return
        copy = recovery.rebuild_ours(path, journal, loaded.raw, now)
        os.replace(jpath, aside)
        loaded.notes.append(
            f"Changes made in infoview that are not in the data file ({loaded.journal_ops} "
            f"changes) were set aside in {aside.name}: the file was changed by another program "
            f"or device, or deleted, after them. Your version with those changes is in "
            f"{copy.name}; the file itself is as the other program left it."
        )

    def save_all(self, timeout: float | None = None) -> None:
        """Put everything on disk now: the data file in full (during a conflict, our copy).

        Raises OSError when the disk refuses; nothing is lost meanwhile (memory holds it all,
        the journal is never shortened by a save that failed) and it may be tried again.
        """
        if self._writer is not None:
            self._writer.call(self._final_save, timeout)

    def close(self) -> None:
        """Save everything in full and release the file. Safe to call twice.

        Never raises for trouble with the disk: what could not be saved is then described in
        `close_problem`, and the journal keeps whatever reached it.
        """
        writer = self._writer
        if writer is None:
            return
        self._closing = True
        try:
            writer.call(self._close_on_writer)
        except OSError as err:
            self.close_problem = self.trouble_text(err, writer.unsaved)
        finally:
            self._writer = None
            writer.stop()
            if self._lock is not None:
                self._lock.release()

    def _close_on_writer(self) -> None:
        assert self._journal is not None
        try:
            self._final_save()
        except OSError:
            self._journal.close()  # kept as it is: it holds everything that reached the disk
            raise
        finally:
            self._finished = True
        if self.conflict is not None:
            self._journal.close()  # the journal stays as a second copy
        else:
            self._journal.remove()

    def _final_save(self) -> None:
        assert self._journal is not None and self._writer is not None
        if self.conflict is not None:
            self._save_conflict_copy()  # everything in memory is in it now
            self._writer.settled()
        elif self._journal.ops or self._writer.unsaved or not self._journal.open:
            self._compact()

    def trouble_text(self, err: OSError, unsaved: int) -> str:
        """What a failed final save means for the person, in words."""
        why = f"{err.strerror or err} ({self.path.parent})"
        if unsaved:
            changes = f"{unsaved} change{'s' if unsaved != 1 else ''}"
            return (
                f"infoview could not save to disk: {why}. The last {changes} of this session "
                "could not be written anywhere and are lost."
            )
        then = (
            "infoview offers your version when it next starts"
            if self.conflict is not None
            else "it is folded in when infoview next starts"
        )
        return (
            f"infoview could not rewrite the data file: {why}. Nothing is lost: every change "
            f"is in {self.path.name}.journal, and {then}."
        )

    # ----- writing ---------------------------------------------------------------------------

    def _new_db(self) -> TinyDB:
        from tinydb import TinyDB
        from tinydb.storages import MemoryStorage

        db = TinyDB(storage=MemoryStorage)
        storage = db.storage
        assert isinstance(storage, MemoryStorage)
        storage.memory = self._data  # TinyDB's own in-memory layout, shared with the repos
        return db

    def _refuse_if_readonly(self) -> None:
        if self.readonly:
            raise ReadOnlyStore(self.path, self.readonly_reason)

    # TinyDB's layout is edited in place (it is TinyDB's MemoryStorage's own dict): one dict
    # assignment whatever the table's size. TinyDB's Table.insert/update rebuild the whole table
    # on every write (measured: ~8 ms for one contact among 30,000, quadratic for an import).

    def _put(self, table: str, record_id: int | None, doc: dict[str, Any]) -> int:
        self._refuse_if_readonly()
        with self._data_lock:
            if record_id is None:
                record_id = self._new_id(table)
            self._change(table, record_id, doc)
        return record_id

    def _delete(self, table: str, record_id: int) -> None:
        self._refuse_if_readonly()
        with self._data_lock:
            self._change(table, record_id, None)

    def _change(self, table: str, record_id: int, doc: dict[str, Any] | None) -> None:
        docs = self._data[table]
        key = str(record_id)
        if self._batch is not None:
            self._batch.append((table, record_id, doc, docs.get(key)))
        if doc is None:
            docs.pop(key, None)
        else:
            docs[key] = doc
        if self._batch is None:
            self._queue_line(table, record_id, doc)

    def _new_id(self, table: str) -> int:
        """One more than any id this table ever held, even of records deleted since."""
        used = last_ids(self._data)
        top = self._tops.get(table)
        if top is None:  # once per table: the highest id in it, or handed out before
            stored = used.get(table)
            keys = (int(key) for key in self._data[table] if key.isdigit())
            top = max(stored if isinstance(stored, int) else 0, *keys, 0)
        top += 1
        self._tops[table] = used[table] = top
        return top

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes as one (an import, a low-energy day): they reach the journal as a
        single line, so a crash keeps all of them or none; an exception inside undoes them in
        memory too. Nested batches join the outer one."""
        self._refuse_if_readonly()
        with self._data_lock:
            if self._batch is not None:
                yield
                return
            self._batch = []
            try:
                yield
            except BaseException:
                changes, self._batch = self._batch, None
                self._undo(changes)
                raise
            changes, self._batch = self._batch, None
            if changes:
                self._numbered += 1
                assert self._writer is not None
                line = batch_line([(t, i, d) for t, i, d, _old in changes], self._numbered)
                self._writer.put(line)

    def _undo(
        self, changes: list[tuple[str, int, dict[str, Any] | None, dict[str, Any] | None]]
    ) -> None:
        for table, record_id, _new, old in reversed(changes):
            if old is None:
                self._data[table].pop(str(record_id), None)
            else:
                self._data[table][str(record_id)] = old
        touched = {table for table, *_ in changes}
        for repo in self._repos:
            if repo.table in touched:
                repo._reset()

    def _queue_line(self, table: str, record_id: int, doc: dict[str, Any] | None) -> None:
        if self._writer is None or self._closing:
            raise RuntimeError("the store is closed")
        self._numbered += 1
        self._writer.put(op_line(table, record_id, doc, self._numbered))

    def flush(self, timeout: float | None = 30) -> None:
        """Wait until every change so far is on disk (in the journal)."""
        if self._writer is not None:
            self._writer.call(lambda: None, timeout)

    def save_now(self) -> None:
        """A full save of the data file now (e.g. before a risky step); waits for it."""
        if self._writer is not None:
            self._writer.call(self._compact)

    def save_copy(self, target: Path) -> Path:
        """Write everything in memory to `target` (a file, or a folder to put one in), e.g.
        on another disk when this one is full. Returns the file written; raises OSError."""
        target = Path(target).expanduser().absolute()
        if target.is_dir():
            now = self.clock.now()
            target = unused_name(target / f"{self.path.stem}-copy-{now:%Y%m%d-%H%M%S}.json")
        if self._writer is None:
            write_atomic(target, self._snapshot())
        else:
            self._writer.call(lambda: write_atomic(target, self._snapshot()))
        return target

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
        """Changes in memory that are on disk nowhere yet (the journal could not take them)."""
        return self._writer.unsaved if self._writer else 0

    def check_for_outside_change(self) -> None:
        """Ask the writer to look for another program's change now (cheap: one stat)."""
        if self._writer is not None and self.conflict is None:
            self._writer.submit(self._detect_conflict)

    # ----- on the writer thread ------------------------------------------------------------

    def _after_batch(self) -> None:
        if self._journal is None or self._finished:
            return  # closed: nothing more to check or save
        if self.conflict is None:
            self._detect_conflict()
        elif self._copy_pending:
            self._save_conflict_copy()
        if self._journal.size > COMPACT_BYTES and not self._hold and self.conflict is None:
            self._compact()

    def _write_failed(self, err: OSError | None) -> None:
        text = None if err is None else f"{err.strerror or err} ({self.path.parent})"
        self._emit(WriteTrouble(text))

    def _emit(self, event: StoreEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _snapshot(self) -> bytes:
        """Everything in memory as a data file, noting how far the journal's changes go."""
        with self._data_lock:
            info = dict(meta(self._data))
            info["journal_id"] = self._journal.id if self._journal else ""
            info["journal_n"] = self._numbered
            return _dumps({**self._data, "meta": {**self._data["meta"], META_ID: info}})

    def _write_full(self) -> None:
        """Rewrite the data file with everything in memory, then start an empty journal.

        If the write fails before the rename, the file and the journal are as they were and
        memory is unchanged. If only the folder sync failed, the file is already ours: the new
        state is taken on, then the error is raised all the same.
        """
        assert self._journal is not None
        with self._data_lock:
            info = meta(self._data)
            before = {key: info.get(key) for key in ("revision", "previous_revision", "folds")}
            revision = secrets.token_hex(8)
            info["previous_revision"] = self._revision
            info["revision"] = revision
            if not store_id(self._data):  # a file from before ids: it gets one now, for good
                info["store_id"] = new_store_id()
            info["folds"] = self._journal.id  # the journal this save makes redundant
            blob = _dumps(self._data)
        fault: OSError | None = None
        try:
            st = write_atomic(self.path, blob)
        except OSError as err:
            if not holds(self.path, blob):
                with self._data_lock:
                    for key, value in before.items():
                        if value is None:
                            info.pop(key, None)
                        else:
                            info[key] = value
                raise
            fault, st = err, os.stat(self.path)
        self._revision = revision
        self._seen = FileSeen(_signature(st), digest(blob))
        if self._writer is not None:
            self._writer.settled()  # anything the journal could not take is in the file now
        try:
            self._journal.start(revision, self._seen.digest)
        except OSError as err:
            if self._writer is None:
                raise  # opening: the caller says what it means
            # The file holds everything: only the next change needs the new journal, and its
            # append tries again to start it. Not a failed save; but say that writing fails.
            self._writer.trouble(err)
        if fault is not None:
            raise fault

    def _compact(self) -> None:
        if self.conflict is not None:
            raise RuntimeError("the data file was changed by another program; resolve that first")
        self._detect_conflict(thorough=True)  # by content: the file is about to be replaced
        if self.conflict is None:
            self._write_full()

    # ----- reading ---------------------------------------------------------------------------

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

    def documents(self, table: str) -> dict[str, dict[str, Any]]:
        """A table as the file holds it (id -> JSON document), for exports and checks; treat
        it as read-only: changes go through the repos, so they reach the journal."""
        return self._data[table]

    def contact_names(self, ids: Iterable[int]) -> dict[int, str]:
        """Just the names of these contacts, without decoding whole records."""
        docs = self._data["contacts"]
        names = {}
        for contact_id in ids:
            doc = docs.get(str(contact_id))
            if doc is not None:
                names[contact_id] = str(doc.get("name", ""))
        return names

    @property
    def change_count(self) -> int:
        """How many changes this store has taken since it opened (a batch counts once): equal
        counts and `generation` mean nothing changed in between (an import's preview is
        still true)."""
        return self._numbered

    @property
    def store_id(self) -> str:
        """This file's own id (meta `store_id`), kept for good: exported UIDs are made from it
        and a record's id. "" for a file not saved since ids came in (its next save adds one)."""
        return store_id(self._data)

    def restore(self, tables: Data, info: dict[str, Any]) -> None:
        """Make the tables hold exactly `tables` (a JSON export read back), in one batch, and
        take `info` into meta (`store_id`, `last_ids`): the caller checked the shape and that
        the file held nothing worth keeping. Meta reaches the disk with the next full save
        (`save_now`); the documents at once, through the journal."""
        self._refuse_if_readonly()
        with self.batch():
            for table in TABLES:
                if table == "meta":
                    continue
                wanted = tables.get(table, {})
                for key in [k for k in self._data[table] if k not in wanted]:
                    self._change(table, int(key), None)
                for key, doc in wanted.items():
                    self._change(table, int(key), doc)
            own = meta(self._data)
            for key, value in info.items():
                own[key] = value
            self._tops.clear()
            for repo in self._repos:
                repo._reset()

    def warm(self) -> None:
        """Decode every table now (on a worker thread) instead of on the first screen."""
        for repo in self._repos:
            repo.all()

    # ----- the profile (one document) --------------------------------------------------------

    def profile(self) -> Profile:
        return decode(Profile, self._data["profile"].get(str(PROFILE_ID), {}))

    def save_profile(self, profile: Profile) -> None:
        self._put("profile", PROFILE_ID, encode(profile))
