"""Two versions of the data: ours in memory, another program's in the file. Keep both; let the
person choose, then or at the next start.

A change is judged by content: the file's stat signature moving is only a hint, and the digest
of its bytes decides (a touch, or the same bytes copied back, is no change). When the file did
change, infoview stops writing to it, saves its own version beside it as
`<name>.mine-<time>.json`, and reports a `Conflict`. The person then keeps theirs, keeps ours,
or decides later: the copy stays, and the next start offers it (see recovery.py).

A mixin of `Store`, split out to keep each module about one thing; it runs on the store's
writer thread, or from the UI through `Writer.call`.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import backups, datafile, recovery
from .atomic import digest, write_atomic
from .schema import META_ID, Data, meta, migrate

if TYPE_CHECKING:
    from ..clock import Clock
    from .journal import JournalWriter
    from .store import FileSeen
    from .writer import Writer


@dataclass(frozen=True)
class Conflict:
    """Another program changed or replaced the data file while infoview had it open."""

    path: Path
    our_copy: Path  # where infoview put its own version, so nothing is lost


@dataclass(frozen=True)
class WriteTrouble:
    """Changes could not reach the disk (`error` None: they have now)."""

    error: str | None


class _Store(Protocol):
    """What of the Store this mixin uses (the Store is the only class that mixes it in)."""

    path: Path
    clock: Clock
    readonly: bool
    conflict: Conflict | None
    generation: int
    _seen: FileSeen | None
    _copy_pending: bool
    _data: Data
    _data_lock: threading.RLock
    _revision: str
    _db: Any
    _tops: dict[str, int]
    _repos: tuple[Any, ...]
    _journal: JournalWriter | None
    _writer: Writer | None

    def _snapshot(self) -> bytes: ...
    def _write_full(self) -> None: ...
    def _new_db(self) -> Any: ...
    def _emit(self, event: Conflict | WriteTrouble) -> None: ...
    def _outside_change(self, thorough: bool = False) -> str | None: ...
    def _detect_conflict(self, thorough: bool = False) -> None: ...
    def _save_conflict_copy(self) -> None: ...
    def _save_our_copy(self, target: Path) -> None: ...
    def _replace_data(self, data: Data, revision: str) -> None: ...
    def _retire(self, copy: Path) -> Path | None: ...
    def _writer_settled(self) -> None: ...


class Versions:
    conflict: Conflict | None
    _seen: FileSeen | None

    # ----- noticing (writer thread) ------------------------------------------------------------

    def _outside_change(self: _Store, thorough: bool = False) -> str | None:
        """How the file on disk differs from what infoview last wrote or read; None if not.

        The stat signature alone misses an edit in place that keeps the size and puts the
        modification time back (or lands within a coarse clock's tick): `thorough` hashes the
        bytes even when the signature matches. Full saves ask for it, since they replace the
        file; the check after each batch stays one stat.
        """
        from .store import FileSeen, _signature

        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return "deleted"
        except OSError:
            return None  # cannot even look: the next write reports the trouble
        seen = self._seen
        if seen is not None and _signature(st) == seen.signature and not thorough:
            return None
        try:
            raw, st = datafile.read_with_stat(self.path)
        except Exception:  # unreadable now: someone else's doing
            return "unreadable"
        now = digest(raw)
        if seen is not None and now == seen.digest:
            self._seen = FileSeen(_signature(st), now)  # touched, or the same bytes copied back
            return None
        return "changed"

    def _detect_conflict(self: _Store, thorough: bool = False) -> None:
        if self.conflict is not None or self._outside_change(thorough) is None:
            return
        self.conflict = Conflict(self.path, recovery.mine_name(self.path, self.clock.now()))
        self._copy_pending = True
        self._save_conflict_copy()

    def _save_conflict_copy(self: _Store) -> None:
        """Write (or refresh) our copy; the first time it lands, tell the UI."""
        assert self.conflict is not None
        self._save_our_copy(self.conflict.our_copy)  # OSError: tried again after each batch
        if self._copy_pending:
            self._copy_pending = False
            self._emit(self.conflict)

    def _save_our_copy(self: _Store, target: Path) -> None:
        write_atomic(target, self._snapshot())

    # ----- choosing (from the UI; waits for the writer) ----------------------------------------

    def keep_mine(self: _Store) -> Path | None:
        """Write our version over theirs; theirs goes to the backups folder (its path returned).

        Our copy beside the file is moved to the backups folder too: the file holds it now.
        """

        def run() -> Path | None:
            assert self.conflict is not None
            theirs = None
            if self.path.exists():
                theirs = backups.named_backup(
                    self.path, self.path.read_bytes(), "other-program", self.clock.now()
                )
            self._write_full()  # raises (conflict kept) if the disk refuses
            copy, self.conflict = self.conflict.our_copy, None
            self._retire(copy)
            return theirs

        assert self._writer is not None
        return self._writer.call(run)

    def take_theirs(self: _Store) -> Path | None:
        """Load the file as the other program left it. Our version is kept whole: it is moved
        from beside the file to the backups folder (its new path is returned)."""

        def run() -> Path | None:
            from .store import FileSeen, _signature

            assert self.conflict is not None and self._journal is not None
            self._save_our_copy(self.conflict.our_copy)  # the very latest of ours
            raw, st = datafile.read_with_stat(self.path)
            data, version = datafile.parse(raw, self.path)
            datafile.add_missing_tables(data)
            self._replace_data(migrate(data, version), str(meta(data).get("revision", "")))
            self._seen = FileSeen(_signature(st), digest(raw))
            self._journal.start(self._revision, self._seen.digest)  # ours is in the copy
            copy, self.conflict = self.conflict.our_copy, None
            self._copy_pending = False
            self._writer_settled()
            return self._retire(copy)

        assert self._writer is not None
        return self._writer.call(run)

    def leftover_copies(self: _Store) -> list[Path]:
        """Versions set aside by an earlier conflict and never chosen, newest first."""
        if self.readonly:
            return []
        current = self.conflict.our_copy if self.conflict else None
        return [p for p in recovery.mine_copies(self.path) if p != current]

    def describe_copy(self: _Store, copy: Path) -> tuple[str, str]:
        """What a left-over copy holds and what the data holds now, in words. Raises
        StoreError when the copy is not a data file."""
        with self._data_lock:
            current = recovery.summary(self._data)
        return recovery.summary(recovery.read_copy(copy)), current

    def use_copy(self: _Store, copy: Path) -> Path:
        """Make a left-over copy the data. What the file held (with every change since) is
        kept in the backups folder first; its path is returned. Raises StoreError if the copy
        is not a data file, OSError if the disk refuses; then nothing has changed."""

        def run() -> Path:
            if self.conflict is not None:
                raise RuntimeError("another program changed the file: resolve that first")
            data = recovery.read_copy(copy)
            version = meta(data)["schema_version"]
            info = {k: v for k, v in meta(data).items() if k not in ("journal_id", "journal_n")}
            data["meta"][META_ID] = info
            kept = backups.named_backup(
                self.path, self._snapshot(), "before-using-copy", self.clock.now()
            )
            self._detect_conflict(thorough=True)  # a full save follows
            if self.conflict is not None:
                raise RuntimeError("another program changed the file: resolve that first")
            held = recovery.orphans_held_by(self.path, data)  # before it becomes the data
            old = self._data, self._db
            self._replace_data(migrate(data, version), self._revision)
            try:
                self._write_full()
            except BaseException:
                self._replace_data(old[0], self._revision)
                raise
            self._retire(copy)
            recovery.retire_orphans(held, self.path)  # their changes are the data now
            return kept

        assert self._writer is not None
        return self._writer.call(run)

    def set_aside_copy(self: _Store, copy: Path) -> Path:
        """Keep the current data; move the copy to the backups folder (new path returned),
        with the set-aside journals whose changes it holds."""
        from .errors import StoreError

        try:
            held = recovery.orphans_held_by(self.path, recovery.read_copy(copy))
        except StoreError:  # not a data file (the person was told): nothing is proven
            held = []
        moved = recovery.set_aside(copy, self.path)
        recovery.retire_orphans(held, self.path)
        return moved

    def orphan_journals(self: _Store) -> list[Path]:
        """Journals set aside beside the file (see recovery.py), oldest first."""
        return [] if self.readonly else recovery.orphan_journals(self.path)

    # ----- helpers -----------------------------------------------------------------------------

    def _replace_data(self: _Store, data: Data, revision: str) -> None:
        with self._data_lock:
            self._data = data
            self._revision = revision
            self._db = self._new_db()
            self._tops.clear()
            for repo in self._repos:
                repo._reset()
            self.generation += 1

    def _retire(self: _Store, copy: Path) -> Path | None:
        """Move a copy that is no longer needed beside the file into the backups folder."""
        try:
            return recovery.set_aside(copy, self.path)
        except OSError:
            return copy if copy.exists() else None

    def _writer_settled(self: _Store) -> None:
        if self._writer is not None:
            self._writer.settled()
