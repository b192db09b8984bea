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

translate = QCoreApplication.translate

PROBLEM_COLOUR = QColor("#a4262c")
PROBLEM_OUTCOMES = frozenset({"failed", "revoked", "offline", "partial"})


def trigger_name(trigger: str) -> str:
    names = {
        "auto": translate("PlatformLog", "Automatic"),
        "manual": translate("PlatformLog", "Sync now"),
        "full": translate("PlatformLog", "Full sync and verify"),
        "cli": translate("PlatformLog", "Command line"),
    }
    return names.get(trigger, trigger)


def outcome_name(outcome: str | None) -> str:
    names = {
        None: translate("PlatformLog", "Running (or interrupted)"),
        "ok": translate("PlatformLog", "Done"),
        "partial": translate("PlatformLog", "Partly done: work is waiting"),
        "offline": translate("PlatformLog", "Platform unreachable"),
        "cancelled": translate("PlatformLog", "Cancelled"),
        "revoked": translate("PlatformLog", "Device revoked"),
        "not_enrolled": translate("PlatformLog", "Not enrolled"),
        "failed": translate("PlatformLog", "Failed"),
    }
    return names.get(outcome, outcome or "")


def stage_name(stage: str) -> str:
    names = {
        "hello": translate("PlatformLog", "Contacting the platform…"),
        "catalogue": translate("PlatformLog", "Receiving the service catalogue…"),
        "push": translate("PlatformLog", "Sending the work done here…"),
        "upload": translate("PlatformLog", "Sending attachments…"),
        "pull": translate("PlatformLog", "Receiving the platform's changes…"),
        "verify": translate("PlatformLog", "Verifying…"),
        "done": translate("PlatformLog", "Finished"),
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
            translate("PlatformLog", "When"),
            translate("PlatformLog", "Started by"),
            translate("PlatformLog", "Outcome"),
            translate("PlatformLog", "Sent"),
            translate("PlatformLog", "Received"),
            translate("PlatformLog", "Conflicts"),
            translate("PlatformLog", "Refused"),
            translate("PlatformLog", "Error"),
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
