"""Small building blocks the intake panels share: named widgets, list tables, headings, hints."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

W = TypeVar("W", bound=QWidget)
HINT_STYLE = "color: #5f6368;"
OK_STYLE = "color: #1b5e20;"


def named(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` the name a screen reader says, and its inner editor too (spin and date boxes
    carry a line edit of their own)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    if isinstance(widget, QAbstractSpinBox):
        inner = widget.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName(name)
    return widget


def list_table(name: str) -> QTableView:
    """A read-only list with whole-row selection, walked with the arrow keys; Tab leaves it."""
    table = QTableView()
    named(table, name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    name_headers(table, name)
    return table


def name_headers(table: QTableView, name: str) -> None:
    header = table.horizontalHeader()
    header.setAccessibleName(name)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    table.verticalHeader().setAccessibleName(name)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 17px; font-weight: bold;")
    label.setAccessibleName(text)
    return label


def hint(text: str = "", name: str = "") -> QLabel:
    """Grey explanatory text (wrapped)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setAccessibleName(name)
    return label


def select_row(table: QTableView, row: int) -> None:
    model = table.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    table.setCurrentIndex(index)
    table.selectRow(row)
    table.scrollTo(index)


def current_row(table: QTableView) -> int:
    """The row the clerk is on, or the first one when none is current yet (-1 if empty)."""
    model = table.model()
    if model is None or model.rowCount() == 0:
        return -1
    index = table.currentIndex()
    return index.row() if index.isValid() else 0


class DownIntoList(QObject):
    """Down or Page Down in a search field moves into its result list (on the current row, or the
    first), so a clerk goes from typing to choosing without the mouse."""

    def __init__(self, search: QLineEdit, results: QTableView) -> None:
        super().__init__(search)
        self.search = search
        self.results = results
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        model = self.results.model()
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and model is not None
            and model.rowCount()
        ):
            self.results.setFocus()
            select_row(self.results, max(current_row(self.results), 0))
            return True
        return super().eventFilter(watched, event)
