"""The last syncs as a list (Platform tab): when, what started it, how it ended, what it moved.

Rows are :class:`counter_app.services.sync_log.SyncRun`, newest first, read from the persisted sync
log on the database thread. Words for triggers, outcomes and progress stages live here, in the
``PlatformLog`` translation context. UI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.services.sync_log import SyncRun
from ui.models.rows import RowTableModel

PROBLEM_COLOUR = QColor("#a4262c")
PROBLEM_OUTCOMES = frozenset({"failed", "revoked", "offline", "partial"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlatformLog", text)


def trigger_name(trigger: str) -> str:
    names = {
        "auto": _tr("Automatic"),
        "manual": _tr("Sync now"),
        "full": _tr("Full sync and verify"),
        "cli": _tr("Command line"),
    }
    return names.get(trigger, trigger)


def outcome_name(outcome: str | None) -> str:
    names = {
        None: _tr("Running (or interrupted)"),
        "ok": _tr("Done"),
        "partial": _tr("Partly done: work is waiting"),
        "offline": _tr("Platform unreachable"),
        "cancelled": _tr("Cancelled"),
        "revoked": _tr("Device revoked"),
        "not_enrolled": _tr("Not enrolled"),
        "failed": _tr("Failed"),
    }
    return names.get(outcome, outcome or "")


def stage_name(stage: str) -> str:
    names = {
        "hello": _tr("Contacting the platform…"),
        "catalogue": _tr("Receiving the service catalogue…"),
        "push": _tr("Sending the work done here…"),
        "upload": _tr("Sending attachments…"),
        "pull": _tr("Receiving the platform's changes…"),
        "verify": _tr("Verifying…"),
        "done": _tr("Finished"),
    }
    return names.get(stage, stage)


def when(ts: str | None) -> str:
    """``2026-11-25T09:30:12.345+08:00`` → ``2026-11-25 09:30:12``."""
    return (ts or "")[:19].replace("T", " ")


class SyncLogModel(RowTableModel):
    WHEN, TRIGGER, OUTCOME, PUSHED, PULLED, CONFLICTS, REJECTED, ERROR = range(8)
    COLUMN_COUNT = 8

    def set_runs(self, runs: list[SyncRun]) -> None:
        self.set_rows(runs)

    def run(self, row: int) -> SyncRun:
        return self.row_at(row)

    def titles(self) -> list[str]:
        return [
            _tr("When"),
            _tr("Started by"),
            _tr("Outcome"),
            _tr("Sent"),
            _tr("Received"),
            _tr("Conflicts"),
            _tr("Refused"),
            _tr("Error"),
        ]

    def cell(self, row: SyncRun, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ERROR and row.error:
            return row.error
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.OUTCOME
            and row.outcome in PROBLEM_OUTCOMES
        ):
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.PUSHED <= column <= self.REJECTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: SyncRun, column: int) -> str:
        if column == self.WHEN:
            return when(row.started_at)
        if column == self.TRIGGER:
            return trigger_name(row.trigger)
        if column == self.OUTCOME:
            return outcome_name(row.outcome)
        if column == self.ERROR:
            return row.error or ""
        counts = {
            self.PUSHED: row.pushed,
            self.PULLED: row.pulled,
            self.CONFLICTS: row.conflicts,
            self.REJECTED: row.rejected,
        }
        return str(counts[column])
