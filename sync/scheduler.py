"""When sync runs by itself: as soon as the server becomes reachable again, and on a timer.

The scheduler runs in its own thread and opens its own ``Counter`` there (a SQLite connection
belongs to the thread that opened it). Offline is the normal state: an unreachable server is
probed again later, quietly. ``run_now()`` asks for a sync at once (the UI's "sync now").
Results go to ``on_report`` (called on the scheduler's thread).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from counter_app.core import Counter
from counter_app.errors import SyncRunning
from sync.connectivity import probe
from sync.engine import Progress, SyncEngine, SyncReport

log = logging.getLogger(__name__)


class SyncScheduler:
    def __init__(
        self,
        data_dir: Path | str | None,
        *,
        interval_s: float = 300.0,
        probe_interval_s: float = 30.0,
        on_report: Callable[[SyncReport], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_online: Callable[[bool], None] | None = None,
        open_counter: Callable[[Path | str | None], Counter] = Counter.open,
        batch_size: int | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.interval_s = interval_s
        self.probe_interval_s = probe_interval_s
        self.on_report = on_report or (lambda _r: None)
        self.on_progress = on_progress
        self.on_online = on_online or (lambda _o: None)
        self.open_counter = open_counter
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._cancel = threading.Event()
        self._full = False  # the sync asked for is a full one (download again from cursor 0, verify)
        self._trigger = "auto"  # what the sync asked for is logged as
        self.batch_size = batch_size
        self._thread: threading.Thread | None = None
        self.online: bool | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="sync-scheduler", daemon=True)
        self._thread.start()

    def run_now(self, *, full: bool = False, trigger: str = "auto") -> None:
        """Sync at once, logged as ``trigger`` (``full``: download the office's data again and verify;
        logged as ``full``)."""
        if full:
            self._full = True
        self._trigger = trigger
        self._wake.set()

    def cancel(self) -> None:
        """Stop the running sync at its next safe point (outcome ``cancelled``); the scheduler goes on."""
        self._cancel.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._cancel.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _loop(self) -> None:
        counter = self.open_counter(self.data_dir)
        try:
            last_sync = time.monotonic() - self.interval_s  # sync soon after start when the server is there
            while not self._stop.is_set():
                asked = self._wake.is_set()
                self._wake.clear()
                enrollment = counter.enrollment.current()
                reachable = bool(enrollment) and probe(enrollment.server_url)
                came_back = reachable and self.online is False
                if reachable != self.online:
                    self.online = reachable
                    self.on_online(reachable)
                due = time.monotonic() - last_sync >= self.interval_s
                if reachable and (asked or came_back or due):
                    full, self._full = self._full, False
                    trigger, self._trigger = (self._trigger if asked else "auto"), "auto"
                    self._sync(counter, "full" if full else trigger, full)
                    last_sync = time.monotonic()
                self._wake.wait(self.probe_interval_s)
        finally:
            counter.close()

    def _sync(self, counter: Counter, trigger: str = "auto", full: bool = False) -> None:
        self._cancel.clear()
        try:
            engine = SyncEngine(
                counter, progress=self.on_progress, cancel=self._cancel, batch_size=self.batch_size
            )
            report = engine.run(trigger=trigger, full=full)
        except SyncRunning:
            log.info("a sync is already running for this data directory")
            return
        except Exception:  # a bug must not kill the scheduler thread; the next round tries again
            log.exception("sync failed")
            return
        self.on_report(report)
