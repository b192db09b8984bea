"""A table over a :class:`ui.models.paged_window.WindowModel`: the rows under the clerk's eyes stay
where they are while the model's window moves, and reaching the window's top asks for the rows above.

Qt's views already ask for more rows at the bottom (``fetchMore``); the top is this module's. When
the model adds or drops rows above the first one shown, the scroll bar moves by as many rows, so the
picture does not jump (the view scrolls per item or per pixel; rows are one line high). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.models.paged_window import WindowModel


class WindowFollower(QObject):
    def __init__(self, table: QTableView, model: WindowModel) -> None:
        super().__init__(table)
        self.table = table
        self.model = model
        self._value: int | None = None
        model.window_moving.connect(self._remember)
        model.window_moved.connect(self._restore)
        model.page_loaded.connect(self._at_top)
        table.verticalScrollBar().valueChanged.connect(self._at_top)

    def _remember(self) -> None:
        self._value = self.table.verticalScrollBar().value()

    def _restore(self, added_top: int, removed_top: int) -> None:
        value, self._value = self._value, None
        if value is None:
            return
        per_item = self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
        step = 1 if per_item else self.table.verticalHeader().defaultSectionSize()
        self.table.updateGeometries()  # the scroll bar's range for the rows now in the model
        self.table.verticalScrollBar().setValue(value + (added_top - removed_top) * step)
        self._at_top()

    def _at_top(self, *_: object) -> None:
        """The window's first row is in view: ask for the rows above it (if any, one read at a time)."""
        bar = self.table.verticalScrollBar()
        if self._value is None and bar.value() <= bar.minimum() and self.model.can_fetch_before():
            self.model.fetch_before()
