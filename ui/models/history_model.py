"""An application's history: one row per step (``cases.history``), oldest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.models.case_labels import action_name, status_name
from ui.models.rows import RowTableModel


class HistoryModel(RowTableModel):
    AT = 0
    ACTION = 1
    STATUS = 2
    ACTOR = 3
    NOTE = 4
    COLUMN_COUNT = 5

    def titles(self) -> list[str]:
        return [self.tr("When"), self.tr("Step"), self.tr("Status"), self.tr("By"), self.tr("Note")]

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.AT:
            return (row.get("at") or "")[:16].replace("T", " ")
        if column == self.ACTION:
            return action_name(row.get("action") or "")
        if column == self.STATUS:
            return status_name(row.get("to_status") or "")
        if column == self.ACTOR:
            return (row.get("actor") or "").removeprefix("user:")
        if column == self.NOTE:
            return row.get("note") or ""
        return None
