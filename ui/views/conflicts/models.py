"""The conflicts page's lists: open conflicts, one conflict's two versions field by field, and the
operations the platform rejected. Rows come from the core's records (``counter_app.records``), read
on the database thread; ``data()`` never reaches the core. UI thread only.

A field that differs between the two versions, or is in conflict, is marked twice: a background
colour and a word in the ``MARK`` column, so the difference does not depend on seeing colours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.records import ConflictField, RejectedOp, SyncConflict
from ui.models.rows import Index, RowTableModel
from ui.views.conflicts.labels import (
    entity_name,
    field_label,
    field_labels,
    rejection_reason,
    value_text,
    when_text,
)

IN_CONFLICT_BACKGROUND = QColor("#fde7e9")  # both writers changed it: why the platform refused
DIFFERS_BACKGROUND = QColor("#fff4ce")  # only one side changed it (or this counter's later change)
MARKED_FOREGROUND = QColor("#1f1f1f")  # dark text on the light marks whatever the palette
# The comparison's rows, by whether they differ: the proxy's filter and the tests read it.
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 1


class ConflictsModel(RowTableModel):
    """Open conflicts, oldest first. ``UserRole``: the conflict's id."""

    RECORD = 0
    RECEIPT_NO = 1
    APPLICANT = 2
    FIELDS = 3
    DETECTED = 4
    COLUMN_COUNT = 5

    def titles(self) -> list[str]:
        return [
            self.tr("Record"),
            self.tr("Receipt number"),
            self.tr("Applicant"),
            self.tr("Fields in conflict"),
            self.tr("Found at"),
        ]

    def conflict(self, row: int) -> SyncConflict:
        return self.row_at(row)

    def row_of(self, conflict_id: int) -> int:
        """The row of the conflict with ``conflict_id`` (-1: not in the list)."""
        return next((n for n, row in enumerate(self.rows()) if row.id == conflict_id), -1)

    def cell(self, row: SyncConflict, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.RECORD:
                return entity_name(row.entity)
            if column == self.RECEIPT_NO:
                return row.receipt_no or ""
            if column == self.APPLICANT:
                return row.applicant_name or ""
            if column == self.FIELDS:
                return field_labels(row.entity, row.conflict_fields)
            if column == self.DETECTED:
                return when_text(row.detected_at)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class ComparisonModel(QAbstractTableModel):
    """One conflict's two versions side by side, a row per stored field in the entity's order.
    ``UserRole``: the field's name; ``DIFFERS_ROLE``: whether the two values differ."""

    FIELD = 0
    MARK = 1
    MINE = 2
    PLATFORM = 3
    COLUMN_COUNT = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entity = ""
        self._rows: tuple[ConflictField, ...] = ()

    def set_conflict(self, conflict: SyncConflict | None) -> None:
        self.beginResetModel()
        self._entity = conflict.entity if conflict is not None else ""
        self._rows = conflict.fields if conflict is not None else ()
        self.endResetModel()

    def field_at(self, row: int) -> ConflictField:
        return self._rows[row]

    def row_of(self, name: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.name == name), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = [
                self.tr("Field"),
                self.tr("Difference"),
                self.tr("This counter"),
                self.tr("The platform"),
            ]
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def mark(self, row: ConflictField) -> str:
        if row.in_conflict:
            return self.tr("⚠ In conflict")
        if row.differs:
            return self.tr("≠ Differs")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < self.COLUMN_COUNT:
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FIELD:
                return field_label(self._entity, row.name)
            if column == self.MARK:
                return self.mark(row)
            if column == self.MINE:
                return value_text(self._entity, row.name, row.local)
            if column == self.PLATFORM:
                return value_text(self._entity, row.name, row.platform)
        if role == Qt.ItemDataRole.BackgroundRole and (row.in_conflict or row.differs):
            return QBrush(IN_CONFLICT_BACKGROUND if row.in_conflict else DIFFERS_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and (row.in_conflict or row.differs):
            return QBrush(MARKED_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and row.in_conflict:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FIELD and row.personal:
                return self.tr("Personal data: this reading is recorded in the audit trail.")
            if column in (self.MINE, self.PLATFORM):
                return value_text(self._entity, row.name, row.local if column == self.MINE else row.platform)
        if role == Qt.ItemDataRole.UserRole:
            return row.name
        if role == DIFFERS_ROLE:
            return row.differs or row.in_conflict
        return None


class DifferingOnly(QSortFilterProxyModel):
    """The comparison's rows that differ (or are in conflict) when ``set_enabled(True)``; all else."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._enabled = False

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self.beginFilterChange()
            self._enabled = enabled
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._enabled:
            return True
        model = self.sourceModel()
        return bool(model.data(model.index(source_row, 0, source_parent), DIFFERS_ROLE))


class RejectedModel(RowTableModel):
    """Operations the platform rejected, oldest first. ``UserRole``: the op's id."""

    RECORD = 0
    RECEIPT_NO = 1
    APPLICANT = 2
    FIELD = 3
    REASON = 4
    REJECTED_AT = 5
    ACKNOWLEDGED = 6
    COLUMN_COUNT = 7

    def titles(self) -> list[str]:
        return [
            self.tr("Record"),
            self.tr("Receipt number"),
            self.tr("Applicant"),
            self.tr("Field"),
            self.tr("Reason"),
            self.tr("Rejected at"),
            self.tr("Acknowledged"),
        ]

    def op(self, row: int) -> RejectedOp:
        return self.row_at(row)

    def row_of(self, op_id: str) -> int:
        return next((n for n, row in enumerate(self.rows()) if row.op_id == op_id), -1)

    def cell(self, row: RejectedOp, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.RECORD:
                return entity_name(row.entity)
            if column == self.RECEIPT_NO:
                return row.receipt_no or ""
            if column == self.APPLICANT:
                return row.applicant_name or ""
            if column == self.FIELD:
                # The field the platform named; else the fields the change carried.
                return (
                    field_label(row.entity, row.field) if row.field else field_labels(row.entity, row.fields)
                )
            if column == self.REASON:
                return rejection_reason(row.code)
            if column == self.REJECTED_AT:
                return when_text(row.rejected_at)
            if column == self.ACKNOWLEDGED:
                return when_text(row.acknowledged_at) if row.acknowledged_at else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON and row.message:
            return row.message  # the platform's own words (English, technical)
        if role == Qt.ItemDataRole.UserRole:
            return row.op_id
        return None
