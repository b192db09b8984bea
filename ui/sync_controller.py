"""Sync in the desktop app: the one place where the sync scheduler's callbacks become Qt signals.

:class:`sync.scheduler.SyncScheduler` runs in its own thread with its own ``Counter`` and reports
through plain callbacks called on that thread. :class:`SyncController` lives on the UI thread. Each
callback only emits a private signal; the private signals are connected *queued* to the
controller's own slots, so Qt delivers them on the controller's (the UI) thread, where they are
re-emitted as the public signals widgets connect to. Nothing else of the UI sees the scheduler's
thread (``ui/workers.py`` is the other place that crosses threads, for one-off jobs).

Offline is the normal state: the scheduler probes quietly and syncs when the platform is back;
nothing here raises or shows a dialog for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from sync.engine import Progress, SyncReport
from sync.scheduler import SyncScheduler

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 300.0
DEFAULT_PROBE_INTERVAL_S = 30.0
DEFAULT_NUDGE_GAP_S = 20.0  # local work waiting starts a sync at most this often


class SyncController(QObject):
    """Runs automatic sync for one profile and reports it as signals on the UI thread.

    Create, connect and call on the UI thread. ``start()`` starts the scheduler (it syncs soon after
    when the platform is reachable); ``stop()`` ends it (call before closing the profile).

    Signals (all emitted on the UI thread):
      - ``online_changed(bool)``: the platform became reachable / unreachable;
      - ``progress(stage, done, total)``: a sync is running (``total`` 0 when not known);
      - ``finished(dict)``: a sync ended; the dict is :meth:`SyncReport.as_dict`.

    ``sync_now(actor)`` and ``full_sync(actor)`` ask for a run; ``cancel()`` stops a running one.
    """

    online_changed = Signal(bool)
    progress = Signal(str, int, int)
    finished = Signal(dict)

    # Emitted on the scheduler's thread, delivered queued to this object's (the UI) thread.
    _online_from_scheduler = Signal(bool)
    _progress_from_scheduler = Signal(str, int, int)
    _report_from_scheduler = Signal(object)

    def __init__(
        self,
        data_dir: Path | str,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        probe_interval_s: float = DEFAULT_PROBE_INTERVAL_S,
        nudge_gap_s: float = DEFAULT_NUDGE_GAP_S,
        open_counter: Callable[[Path | str | None], Counter] = Counter.open,
        batch_size: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.online: bool | None = None  # None: not probed yet
        self.busy = False
        self.last_report: dict | None = None
        self._started = self._stopped = False
        self.nudge_gap_s = nudge_gap_s
        self._last_run: float | None = None  # monotonic time of the last sync asked for or finished
        queued = Qt.ConnectionType.QueuedConnection
        self._online_from_scheduler.connect(self._deliver_online, queued)
        self._progress_from_scheduler.connect(self._deliver_progress, queued)
        self._report_from_scheduler.connect(self._deliver_report, queued)
        self._scheduler = SyncScheduler(
            data_dir,
            interval_s=interval_s,
            probe_interval_s=probe_interval_s,
            on_report=self._report_in_scheduler_thread,
            on_progress=self._progress_in_scheduler_thread,
            on_online=self._online_from_scheduler.emit,
            open_counter=open_counter,
            batch_size=batch_size,
        )

    # --- UI thread ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the scheduler's thread. Safe to call more than once."""
        if self._started or self._stopped:
            return
        self._started = True
        self._scheduler.start()

    def stop(self) -> None:
        """Cancel a running sync between requests and end the scheduler's thread (waits for it).
        Safe to call more than once; signals still queued are dropped."""
        if self._stopped:
            return
        self._stopped = True
        if self._started:
            self._scheduler.stop()

    @staticmethod
    def may_sync(actor: Actor) -> bool:
        return actor.can(Permission.RUN_SYNC)

    def sync_now(self, actor: Actor) -> None:
        """Ask for a sync at once (supervisors and administrators). Raises ``PermissionDenied``
        for anyone else. Returns at once: the result comes as ``finished``. When the platform is
        unreachable nothing is attempted; the scheduler syncs as soon as it is back."""
        actor.require(Permission.RUN_SYNC)
        if self._stopped:
            return
        if not self._started:
            self.start()  # a fresh scheduler syncs right away when the platform is reachable
            return
        self._scheduler.run_now(trigger="manual")

    def full_sync(self, actor: Actor) -> None:
        """Ask for a full sync and verify (supervisors and administrators): push what is pending,
        download the office's data again from the start (the outbox is kept), verify the counts and
        hashes. Returns at once; the result comes as ``finished`` (``verified`` in the report)."""
        actor.require(Permission.RUN_SYNC)
        if self._stopped:
            return
        self.start()
        self._scheduler.run_now(full=True, trigger="manual")

    def cancel(self) -> None:
        """Stop the running sync at its next safe point (between batches and pages; what was applied
        stays, the next sync does the rest). Its report comes as ``finished`` with outcome
        ``cancelled``. Nothing happens when no sync is running."""
        if self._started and not self._stopped:
            self._scheduler.cancel()

    def work_waiting(self, pending: int) -> None:
        """``pending`` local changes are waiting to be sent: sync soon when the platform is reachable.

        Automatic, so for every role (the clerk's intake reaches the platform without anyone pressing
        F5). Only for new work — more pending than the last sync left behind — so ops that cannot
        go (a record with an open conflict waits for a decision) never make it sync over and over;
        and at most once every ``nudge_gap_s`` seconds."""
        if self._stopped or not self._started or self.busy or self.online is not True:
            return
        if self.last_report is None:
            return  # the scheduler's first sync, on its way since it found the platform, takes it all
        left = self.last_report.get("pending")
        if isinstance(left, int) and pending <= left:
            return
        now = time.monotonic()
        if self._last_run is not None and now - self._last_run < self.nudge_gap_s:
            return
        self._last_run = now
        self._scheduler.run_now()  # logged as "auto"

    @Slot(bool)
    def _deliver_online(self, online: bool) -> None:
        if self._stopped:
            return
        self.online = online
        self.online_changed.emit(online)

    @Slot(str, int, int)
    def _deliver_progress(self, stage: str, done: int, total: int) -> None:
        if self._stopped:
            return
        self.busy = stage != "done"
        self.progress.emit(stage, done, total)

    @Slot(object)
    def _deliver_report(self, report: dict) -> None:
        if self._stopped:
            return
        self.busy = False
        self.last_report = report
        self._last_run = time.monotonic()
        # A run tells more than the last probe: the platform may have gone (or come back) since.
        reached = {"ok": True, "partial": True, "offline": False}.get(str(report.get("outcome")))
        if reached is not None and reached != self.online:
            self.online = reached
            self.online_changed.emit(reached)
        self.finished.emit(report)

    # --- the scheduler's thread: emit only -----------------------------------------------------------
    def _progress_in_scheduler_thread(self, progress: Progress) -> None:
        self._progress_from_scheduler.emit(progress.stage, progress.done, progress.total or 0)

    def _report_in_scheduler_thread(self, report: SyncReport) -> None:
        self._report_from_scheduler.emit(report.as_dict())
