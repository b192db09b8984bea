"""An application's history: one row per step (``cases.history``), oldest first. Who took a step is
named by display name (``set_staff_names``, read with the page's choices), the account in the tooltip."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt

from ui.models.audit_labels import account_name, person_name
from ui.models.case_labels import action_name, status_name
from ui.models.rows import RowTableModel


class HistoryModel(RowTableModel):
    AT = 0
    ACTION = 1
    STATUS = 2
    ACTOR = 3
    NOTE = 4
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._staff_names: dict[str, str] = {}

    def set_staff_names(self, names: Mapping[str, str]) -> None:
        """Colleagues' display names by audit name, for the By column (the account where none is known)."""
        self._staff_names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.ACTOR),
                self.index(self.rowCount() - 1, self.ACTOR),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def titles(self) -> list[str]:
        return [self.tr("When"), self.tr("Step"), self.tr("Status"), self.tr("By"), self.tr("Note")]

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTOR:
            return account_name(row.get("actor")) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.AT:
            return (row.get("at") or "")[:16].replace("T", " ")
        if column == self.ACTION:
            return action_name(row.get("action") or "")
        if column == self.STATUS:
            return status_name(row.get("to_status") or "")
        if column == self.ACTOR:
            return person_name(row.get("actor"), self._staff_names)
        if column == self.NOTE:
            return row.get("note") or ""
        return None
