"""The automatic daily backup while the app runs: a timer that asks the core, on the database
thread, whether today's backup is due (``counter.backups.prepare_daily()``: it decides, prunes, and
takes the snapshot); the slow part — zipping and encrypting the snapshot and the scans — runs on a
pool thread (``PreparedBackup.write``), so the pages are not kept waiting; the result is audited back
on the database thread (``finish_daily``). Shortly after the profile opens, then every hour: a
counter PC left on for weeks backs up every day, and one switched on each morning backs up soon after
it starts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app.services.backups import DailyBackup, PreparedBackup
from ui.workers import Database, run_in_background

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 60_000  # after the start's own reads, when the clerk is not waiting on the database
CHECK_EVERY_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """Create, start and stop on the UI thread. ``checked(DailyBackup)`` after each check that ran;
    ``failed(exception)`` when the check itself failed (the core reports an unwritable folder in
    ``DailyBackup.error`` instead)."""

    checked = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        first_check_ms: int = FIRST_CHECK_MS,
        interval_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(first_check_ms)
        self._first.timeout.connect(self.check_now)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)
        self.writing = False  # a backup file is being written on a pool thread

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._first.start()
        self._timer.start()

    def stop(self) -> None:
        self._first.stop()
        self._timer.stop()

    def check_now(self) -> None:
        if self.db.closed or self.writing:
            return
        self.db.submit(
            lambda counter: counter.backups.prepare_daily(),
            self._prepared,
            self._failed,
            key="daily-backup",
        )

    def _prepared(self, prepared: PreparedBackup | DailyBackup) -> None:
        if isinstance(prepared, DailyBackup):
            self._done(prepared)
            return
        self.writing = True
        run_in_background(prepared.write, self._written, self._write_failed, owner=self)

    def _written(self, entry: object) -> None:
        self.writing = False
        if self.db.closed:
            return
        self.db.submit(lambda counter: counter.backups.finish_daily(entry), self._done, self._failed)

    def _write_failed(self, error: BaseException) -> None:
        self.writing = False
        if self.db.closed:
            return
        self.db.submit(lambda counter: counter.backups.daily_failed(error), self._done, self._failed)

    def _done(self, result: DailyBackup) -> None:
        if result.taken is not None:
            log.info("automatic backup written to %s", result.taken.path)
        if result.error:
            log.warning("the automatic backup could not be written: %s", result.error)
        self.checked.emit(result)

    def _failed(self, error: BaseException) -> None:
        log.warning("the automatic backup check failed: %s", error)
        self.failed.emit(error)
