"""Work off the UI thread: the one module of the desktop app that crosses threads.

``run_in_background(fn, on_done, on_error)`` runs ``fn()`` on a ``QThreadPool`` thread and calls
``on_done(result)`` or ``on_error(exception)`` back on the UI thread, through a queued signal.

What may run here: work that does not touch the open :class:`counter_app.core.Counter` — network
requests, hashing or reading attachment files, rendering a PDF from data already loaded.

What may not: anything that goes through the Counter. Its SQLite connection belongs to the thread
that opened it (the UI thread), so for now the UI calls the core's use cases on the UI thread. That
is quick for what this release does (a login is one ~50 ms scrypt hash plus two small writes). When
a use case becomes slow enough to notice (long lists, exports), database work moves to a single
worker thread that opens its own Counter and serves a queue — built here, with this same
result-delivery path, so that widgets keep calling one function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class BackgroundTask(QObject):
    """One job. Lives on the UI thread; only :meth:`_execute` runs on the pool's thread.

    ``succeeded``/``failed`` are emitted on the UI thread, after ``on_done``/``on_error`` ran.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    # Emitted from the worker thread; queued to this object's (the UI) thread.
    _finished_in_worker = Signal(bool, object)

    def __init__(self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None) -> None:
        super().__init__()
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._finished_in_worker.connect(self._deliver)

    def _execute(self) -> None:
        """Runs on a pool thread: call the job, hand the outcome to the UI thread."""
        try:
            result = self._fn()
        except BaseException as exc:
            self._finished_in_worker.emit(False, exc)
        else:
            self._finished_in_worker.emit(True, result)

    @Slot(bool, object)
    def _deliver(self, ok: bool, payload: object) -> None:
        """Runs on the UI thread."""
        _running.discard(self)
        try:
            if ok:
                if self._on_done is not None:
                    self._on_done(payload)
            elif self._on_error is not None:
                self._on_error(payload)  # type: ignore[arg-type]
            else:
                raise payload  # type: ignore[misc]  # no handler: let Qt's excepthook report it
        finally:
            (self.succeeded if ok else self.failed).emit(payload)


# Tasks are referenced from here until delivered, so Python does not collect them mid-flight.
_running: set[BackgroundTask] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Done | None = None,
    on_error: Failed | None = None,
    *,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run ``fn()`` off the UI thread; deliver its result or exception on the UI thread.

    Call on the UI thread (the task's signals are bound to the calling thread). ``fn`` must not use
    the Counter or any Qt widget. Without ``on_error`` an exception goes to ``sys.excepthook``.
    """
    task = BackgroundTask(fn, on_done, on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(QRunnable.create(task._execute))
    return task
