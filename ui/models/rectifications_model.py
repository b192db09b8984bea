"""Rectification tasks opened by bad ratings, each with its case and rating (``RectificationRow``):
the level, the aspects the citizen found unsatisfactory and their comment.

The names of the service items come with the rows (read on the database thread), so ``data()`` never
reaches the core. An overdue task is marked twice — its state says "Overdue" and its due date and
state are red — so the mark does not depend on seeing colour. UI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.records import RectificationRow
from ui.models.labels import localised
from ui.models.rows import RowTableModel

translate = QCoreApplication.translate
OVERDUE_COLOUR = QColor("#a4262c")
CLOSED_COLOUR = QColor("#1b5e20")


def level_name(level: int) -> str:
    """A rating level (1 … 5) in words."""
    names = {
        1: translate("RectificationLabels", "Very satisfied"),
        2: translate("RectificationLabels", "Satisfied"),
        3: translate("RectificationLabels", "Fairly satisfied"),
        4: translate("RectificationLabels", "Dissatisfied"),
        5: translate("RectificationLabels", "Very dissatisfied"),
    }
    return names.get(level, str(level))


def aspect_name(aspect: str) -> str:
    """An aspect the citizen may find unsatisfactory (``counter_app.services.ratings.ASPECTS``)."""
    names = {
        "efficiency": translate("RectificationLabels", "Efficiency"),
        "competence": translate("RectificationLabels", "Competence"),
        "attitude": translate("RectificationLabels", "Attitude"),
    }
    return names.get(aspect, aspect)


def aspects_text(aspects: Iterable[str]) -> str:
    """The aspects in words, in the rating's order (``Efficiency, Attitude``); empty when none."""
    return translate("RectificationLabels", ", ").join(aspect_name(aspect) for aspect in aspects)


def task_state_name(row: RectificationRow) -> str:
    if row.status == "closed":
        return translate("RectificationLabels", "Closed")
    if row.overdue:
        return translate("RectificationLabels", "Overdue")
    return translate("RectificationLabels", "Open")


class RectificationsModel(RowTableModel):
    RECEIPT_NO = 0
    SERVICE = 1
    APPLICANT = 2
    LEVEL = 3
    ASPECTS = 4
    COMMENT = 5
    DUE_DATE = 6
    STATE = 7
    COLUMN_COUNT = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[str, tuple[str, str]] = {}

    def set_tasks(self, rows: Iterable[RectificationRow], names: Mapping[str, tuple[str, str]]) -> None:
        """The tasks, and the (Chinese, English) names of their service items by item code."""
        self._names = dict(names)
        self.set_rows(rows)

    def task(self, row: int) -> RectificationRow:
        return self.row_at(row)

    def row_of(self, task_id: str) -> int:
        return next((n for n, row in enumerate(self.rows()) if row.id == task_id), -1)

    def service_name(self, row: RectificationRow) -> str:
        names = self._names.get(row.item_code)
        return localised(*names) if names else row.item_code

    def titles(self) -> list[str]:
        return [
            self.tr("Receipt no."),
            self.tr("Service"),
            self.tr("Applicant"),
            self.tr("Rating"),
            self.tr("Found unsatisfactory"),
            self.tr("Comment"),
            self.tr("Due"),
            self.tr("State"),
        ]

    def cell(self, row: RectificationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.RECEIPT_NO: row.receipt_no,
                self.SERVICE: self.service_name(row),
                self.APPLICANT: row.applicant_name,
                self.LEVEL: level_name(row.level),
                self.ASPECTS: aspects_text(row.unsatisfied_aspects),
                self.COMMENT: row.comment or "",
                self.DUE_DATE: row.due_date,
                self.STATE: task_state_name(row),
            }
            return values.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMMENT:
            return row.comment or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and column in (self.DUE_DATE, self.STATE):
                return QBrush(OVERDUE_COLOUR)
            if row.status == "closed" and column == self.STATE:
                return QBrush(CLOSED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
