"""The store's writer thread: all file writes happen here, never on the UI thread.

Changes arrive as ready-made journal lines and are appended with one fsync per batch. A full,
atomic rewrite of the data file (compaction) happens when asked, or when the journal has grown
past `compact_bytes` and no live meeting holds it off. Before writing, the thread checks that
no other program replaced the data file; if one did, it stops writing there and reports a
conflict instead of overwriting the other change.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

R = TypeVar("R")


@dataclass
class Job:
    """Work run on the writer thread; `done` is set when it has run."""

    run: Callable[[], Any]
    done: threading.Event
    result: Any = None
    error: BaseException | None = None


class Writer:
    def __init__(
        self,
        append: Callable[[list[bytes]], None],
        after_batch: Callable[[], None],
        on_error: Callable[[OSError | None], None],
    ) -> None:
        self._append = append
        self._after_batch = after_batch
        self._on_error = on_error
        self._queue: queue.SimpleQueue[bytes | Job | None] = queue.SimpleQueue()
        self._pending: list[bytes] = []  # lines not yet on disk (kept after a failed write)
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="infoview-writer", daemon=True)
        self._thread.start()

    def put(self, line: bytes) -> None:
        self._queue.put(line)

    def call(self, fn: Callable[[], R], timeout: float | None = None) -> R:
        """Run `fn` on the writer thread after everything queued before it; wait for it."""
        job = Job(fn, threading.Event())
        self._queue.put(job)
        if not job.done.wait(timeout):
            raise TimeoutError("the writer thread did not answer")
        if job.error is not None:
            raise job.error
        return cast(R, job.result)

    def submit(self, fn: Callable[[], Any]) -> None:
        """Run `fn` on the writer thread soon; do not wait."""
        self._queue.put(Job(fn, threading.Event()))

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join()

    @property
    def unsaved(self) -> int:
        """Changes that reached the disk nowhere yet (the journal could not take them)."""
        return len(self._pending)

    def settled(self) -> None:
        """A full save just wrote everything in memory: lines the journal could not take are
        in the file now. Only call it on this thread (from a job or `after_batch`)."""
        self._pending = []
        if self._failed:
            self._failed = False
            self._on_error(None)

    def trouble(self, err: OSError) -> None:
        """A write off the journal's path failed (its next append retries it): say so now, and
        "saved again" once a later write gets through. Only call it on this thread."""
        self._failed = True
        self._on_error(err)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            batch = [item]
            while True:  # take everything already waiting: one fsync for the lot
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = False
            finished: list[Job] = []
            for entry in batch:
                if entry is None:
                    stop = True
                elif isinstance(entry, bytes):
                    self._pending.append(entry)
                else:
                    self._flush()
                    try:
                        entry.result = entry.run()
                    except BaseException as err:  # handed back to the caller
                        entry.error = err
                    finished.append(entry)
            self._flush()
            if not stop:
                try:
                    self._after_batch()
                except OSError as err:
                    self._failed = True  # "saved again" once a later write gets through
                    self._on_error(err)
            # Callers wake only once the batch has settled, outside-change check included.
            for job in finished:
                job.done.set()
            if stop:
                return

    def _flush(self) -> None:
        if not self._pending:
            return
        try:
            self._append(self._pending)
        except OSError as err:
            self._failed = True
            self._on_error(err)  # lines stay pending; the next batch tries again
            return
        self._pending = []
        if self._failed:
            self._failed = False
            self._on_error(None)  # recovered: everything pending is on disk now
