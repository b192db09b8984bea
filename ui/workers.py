"""Work off the UI thread: the one module of the desktop app that crosses threads.

Two kinds of work leave the UI thread, and both deliver their outcome back on it through a queued
signal, so widgets only ever see results on their own thread:

- **The profile's database** — :class:`Database`. One thread of its own opens the ``Counter`` and
  is the only thread that uses it (its SQLite connection belongs to that thread). Widgets call
  ``db.submit(lambda counter: counter.cases.get(actor, id), on_done, on_error)``: the work runs on
  the database thread in the order it was submitted, ``on_done(result)`` or ``on_error(exception)``
  run on the UI thread. A ``key`` lets newer work replace older: a search re-run while the clerk
  types drops the results of the queries it supersedes. Sync has its own connection and thread
  (``ui/sync_controller.py``).
- **Everything else slow** — ``run_in_background(fn, on_done, on_error)``: ``fn()`` on a
  ``QThreadPool`` thread (writing a PDF from data already read, reading a scan from disk). ``fn``
  must not use the Counter or any widget.

A result whose receiver (the object of a bound method ``on_done``/``on_error``, or ``owner``) has
been deleted meanwhile — a page closed by the idle lock, say — is dropped rather than delivered.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from counter_app.core import Counter

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class BackgroundTask(QObject):
    """One job. Lives on the UI thread; only :meth:`_execute` runs on the pool's thread.

    ``succeeded``/``failed`` are emitted on the UI thread, after ``on_done``/``on_error`` ran. Nothing
    is delivered when the receiver (``owner``, or the object of a bound ``on_done``/``on_error``) was
    deleted meanwhile.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    # Emitted from the worker thread with (ok, payload); queued to this object's (the UI) thread.
    _finished_in_worker = Signal(object)

    def __init__(
        self,
        fn: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self._finished_in_worker.connect(self._deliver)

    def _execute(self) -> None:
        """Runs on a pool thread: call the job, hand the outcome to the UI thread."""
        try:
            outcome = (True, self._fn())
        except BaseException as exc:
            outcome = (False, exc)
        self._finished_in_worker.emit(outcome)

    @Slot(object)
    def _deliver(self, outcome: tuple[bool, Any]) -> None:
        """Runs on the UI thread."""
        _running.discard(self)
        ok, payload = outcome
        if not _receivers_alive(self._owner, self._on_done, self._on_error):
            return  # e.g. the page went with the window at the idle lock
        try:
            if ok:
                if self._on_done is not None:
                    self._on_done(payload)
            elif self._on_error is not None:
                self._on_error(payload)
            else:
                raise payload  # no handler: let Qt's excepthook report it
        finally:
            (self.succeeded if ok else self.failed).emit(payload)


# Tasks are referenced from here until delivered, so Python does not collect them mid-flight.
_running: set[BackgroundTask] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Done | None = None,
    on_error: Failed | None = None,
    *,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run ``fn()`` off the UI thread; deliver its result or exception on the UI thread.

    Call on the UI thread (the task's signals are bound to the calling thread). ``fn`` must not use
    the Counter or any Qt widget. Without ``on_error`` an exception goes to ``sys.excepthook``.
    ``owner``: when it is deleted before the outcome arrives, nothing is delivered (bound methods'
    objects count as owners too).
    """
    task = BackgroundTask(fn, on_done, on_error, owner)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(QRunnable.create(task._execute))
    return task


# --- the database thread ----------------------------------------------------------------------------------
Work = Callable[[Counter], Any]
OpenCounter = Callable[[], Counter]


@dataclass(eq=False)
class Job:
    """One piece of database work. ``cancel()`` (or a newer job with the same key) drops it: it is
    skipped when it has not started, and its outcome is not delivered when it has."""

    work: Work
    on_done: Done | None
    on_error: Failed | None
    key: str | None
    owner: QObject | None
    cancelled: bool = False
    reopen: bool = False  # ``work(root)`` runs with the profile closed, which is opened again after it
    outcome: tuple[bool, Any] | None = field(default=None, repr=False)

    def cancel(self) -> None:
        self.cancelled = True


_STOP = object()


class Database(QObject):
    """The open profile, served by a thread of its own.

    Create and call on the UI thread. ``start(on_open, on_error)`` opens the profile on the database
    thread (``on_open(root)`` gets its data directory); ``submit`` queues work; ``close()`` runs the
    writes still queued, drops the reads, and closes the profile.

    ``busy_changed(bool)``: work is waiting or running / everything is delivered; ``idle`` says the
    same (tests wait for it).
    """

    busy_changed = Signal(bool)
    # Emitted on the database thread, delivered queued on this object's (the UI) thread.
    _finished_on_db_thread = Signal(object)

    def __init__(self, open_counter: OpenCounter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_counter = open_counter
        self._queue: queue.SimpleQueue[Job | object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._latest: dict[str, Job] = {}
        self._outstanding = 0  # submitted and not yet delivered (or dropped)
        self._closed = False
        self._finished_on_db_thread.connect(self._deliver)

    # --- life -------------------------------------------------------------------------------------
    def start(self, on_open: Done | None = None, on_error: Failed | None = None) -> Job:
        """Start the thread and open the profile on it; ``on_open`` receives its data directory."""
        assert self._thread is None, "started twice"
        self._thread = threading.Thread(target=self._serve, name="counter-database", daemon=True)
        self._thread.start()
        return self.submit(lambda counter: counter.data_dir, on_open, on_error)

    def close(self, timeout_s: float = 30.0) -> None:
        """Finish the writes already submitted, drop the reads not started (keyed work), close the
        profile; waits for the thread. Idempotent. Nothing is delivered after this: the windows
        are gone, but a clerk's decision submitted just before quitting is not lost."""
        if self._closed:
            return
        self._closed = True  # the thread now skips keyed work; nothing is delivered any more
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout_s)
            if self._thread.is_alive():
                log.error("the database thread did not finish within %.0f s", timeout_s)
        if self._outstanding:
            self._outstanding = 0
            self.busy_changed.emit(False)

    @property
    def idle(self) -> bool:
        """Nothing waiting, running or undelivered."""
        return self._outstanding == 0

    @property
    def closed(self) -> bool:
        return self._closed

    def reopen(
        self,
        work: Callable[[Path], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> Job:
        """Close the profile, run ``work(data_dir)`` with it closed (a restore swaps its files), and
        open it again, on the database thread, after the work already queued.

        ``on_error`` gets ``work``'s exception (the profile is opened again all the same) or the
        reopening's; while the profile cannot be opened, later work fails with that error, as after
        a failed ``start()``. Windows built on the old profile should be gone before it runs.
        """
        return self._enqueue(Job(work, on_done, on_error, None, None, reopen=True))  # type: ignore[arg-type]

    # --- work -------------------------------------------------------------------------------------
    def submit(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> Job:
        """Run ``work(counter)`` on the database thread; deliver its outcome on the UI thread.

        ``key``: a newer job with the same key cancels this one. ``owner``: when it is deleted
        before the outcome arrives, nothing is delivered (bound methods' objects count as owners).
        Without ``on_error`` an exception is reported through ``sys.excepthook``.
        """
        return self._enqueue(Job(work, on_done, on_error, key, owner))

    def _enqueue(self, job: Job) -> Job:
        key = job.key
        if self._closed:
            job.cancel()
            return job
        assert self._thread is not None, "start() the database first"
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older.cancel()
            self._latest[key] = job
        self._outstanding += 1
        if self._outstanding == 1:
            self.busy_changed.emit(True)
        self._queue.put(job)
        return job

    def _serve(self) -> None:
        """The database thread: open the profile, run jobs in order, close it at the end."""
        counter: Counter | None = None
        open_error: BaseException | None = None
        root: Path | None = None
        try:
            counter = self._open_counter()
            root = counter.data_dir
        except BaseException as exc:  # reported to every job, starting with start()'s
            open_error = exc
        try:
            while True:
                job = self._queue.get()
                if job is _STOP:
                    return
                assert isinstance(job, Job)
                if job.cancelled or (self._closed and job.key is not None):
                    # Dropped: replaced, cancelled, or a read nobody waits for any more (closing).
                    job.outcome = (False, None)
                elif job.reopen and root is not None:
                    if counter is not None:
                        counter.close()
                        counter = None
                    try:
                        job.outcome = (True, job.work(root))  # type: ignore[arg-type]
                    except BaseException as exc:
                        job.outcome = (False, exc)
                    try:
                        counter, open_error = self._open_counter(), None
                    except BaseException as exc:
                        open_error = exc
                        if job.outcome[0]:
                            job.outcome = (False, exc)
                elif counter is None:
                    job.outcome = (False, open_error)
                else:
                    try:
                        job.outcome = (True, job.work(counter))
                    except BaseException as exc:
                        job.outcome = (False, exc)
                self._finished_on_db_thread.emit(job)
        finally:
            if counter is not None:
                counter.close()

    @Slot(object)
    def _deliver(self, job: Job) -> None:
        """On the UI thread: hand the outcome over, unless the job was dropped meanwhile."""
        if job.key is not None and self._latest.get(job.key) is job:
            del self._latest[job.key]
        try:
            if (
                job.cancelled
                or self._closed
                or job.outcome is None
                or not _receivers_alive(job.owner, job.on_done, job.on_error)
            ):
                return
            ok, payload = job.outcome
            if ok:
                if job.on_done is not None:
                    job.on_done(payload)
            elif job.on_error is not None:
                job.on_error(payload)
            else:
                sys.excepthook(type(payload), payload, payload.__traceback__)
        finally:
            # After the callbacks: work they submit keeps the database busy without a gap.
            if self._outstanding:
                self._outstanding -= 1
                if self._outstanding == 0:
                    self.busy_changed.emit(False)


def _receivers_alive(owner: QObject | None, *callbacks: Callable[..., Any] | None) -> bool:
    """Whether the owner and the objects of bound-method callbacks still exist (a deleted widget's
    Python wrapper lives on, but calling into it raises)."""
    receivers = [owner, *(getattr(callback, "__self__", None) for callback in callbacks)]
    return all(shiboken6.isValid(r) for r in receivers if isinstance(r, QObject))
