"""The common part of Counter's list models: rows in a Python list, shown to views in batches.

A subclass names its columns as class constants (``NAME = 0`` ...), sets ``COLUMN_COUNT``, and
implements ``cell(row, column, role)`` and ``titles()``. ``set_rows()`` replaces everything; the
view then pulls the rows through ``canFetchMore()``/``fetchMore()`` as it scrolls, so a long list
costs what is on screen. UI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    COLUMN_COUNT = 0
    BATCH = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._shown = 0
        self._resetting = False

    # --- what subclasses provide -------------------------------------------------------------------
    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def titles(self) -> list[str]:
        raise NotImplementedError

    # --- rows ---------------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), self.BATCH)
        # Whoever reacts to modelReset (a view, the model tester) may ask for more at once; rows
        # inserted while the reset is still being announced would break the model's contract.
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    def rows(self) -> list[Any]:
        """Every row, also those not fetched yet."""
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def total(self) -> int:
        return len(self._rows)

    def _replace(self, row: int, value: Any) -> None:
        """Put a changed row in place and tell the views."""
        self._rows[row] = value
        if row < self._shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    # --- QAbstractItemModel -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._resetting and self._shown < len(self._rows)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._resetting:
            return
        count = min(self.BATCH, len(self._rows) - self._shown)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + count - 1)
        self._shown += count
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        if not 0 <= index.column() < self.COLUMN_COUNT:
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = self.titles()
            return titles[section] if 0 <= section < len(titles) else None
        return None
