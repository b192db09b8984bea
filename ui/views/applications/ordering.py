"""The order of the applications list: chosen by a column header's click (mouse) or by the "Order"
box among the filters (keyboard, screen readers); both always show the same order.

The core sorts (never a proxy: it would sort only the rows held). A column without an order of its
own keeps the one there was. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView

from counter_app.records import ApplicationSort, ApplicationSortKey
from ui.models.applications_model import ApplicationsModel

_K = ApplicationSortKey
translate = QCoreApplication.translate
# The column whose header shows an order (the due date's, not the deadline mark's).
_COLUMN = {key: column for column, key in reversed(ApplicationsModel.SORT_KEYS.items())}


def orders() -> list[tuple[ApplicationSort, str]]:
    """Every order the list offers, in the box's order, with its words."""
    return [
        (ApplicationSort(_K.INTAKE, True), translate("ListOrder", "Newest intake first")),
        (ApplicationSort(_K.INTAKE, False), translate("ListOrder", "Oldest intake first")),
        (ApplicationSort(_K.DUE, False), translate("ListOrder", "Due date, earliest first")),
        (ApplicationSort(_K.DUE, True), translate("ListOrder", "Due date, latest first")),
        (ApplicationSort(_K.RECEIPT_NO, False), translate("ListOrder", "Receipt number, ascending")),
        (ApplicationSort(_K.RECEIPT_NO, True), translate("ListOrder", "Receipt number, descending")),
        (ApplicationSort(_K.APPLICANT, False), translate("ListOrder", "Applicant, pinyin A to Z")),
        (ApplicationSort(_K.APPLICANT, True), translate("ListOrder", "Applicant, pinyin Z to A")),
        (ApplicationSort(_K.SERVICE, False), translate("ListOrder", "Service item, ascending")),
        (ApplicationSort(_K.SERVICE, True), translate("ListOrder", "Service item, descending")),
        (ApplicationSort(_K.STATUS, False), translate("ListOrder", "Status, in the order of the steps")),
        (ApplicationSort(_K.STATUS, True), translate("ListOrder", "Status, in reverse order")),
    ]


def fill_orders(combo: QComboBox) -> None:
    """The box's entries, in the order of :func:`orders` (its index is the entry's)."""
    for _sort, words in orders():
        combo.addItem(words)


class ListOrder(QObject):
    """Keeps ``header``'s sort indicator and the ``combo`` on one order; ``changed`` when the clerk
    chose another one."""

    changed = Signal()

    def __init__(self, header: QHeaderView, combo: QComboBox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.header = header
        self.combo = combo
        self.sort = ApplicationSort()  # newest intake first
        self._orders = [sort for sort, _words in orders()]
        self._show()
        header.sortIndicatorChanged.connect(self._header_clicked)
        combo.currentIndexChanged.connect(self._chosen)

    def _header_clicked(self, column: int, order: Qt.SortOrder) -> None:
        key = ApplicationsModel.SORT_KEYS.get(column)
        if key is None:  # no order of its own: the indicator goes back
            self._show(keep_column=True)
            return
        self._set(ApplicationSort(key, order == Qt.SortOrder.DescendingOrder), keep_column=True)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._orders):
            self._set(self._orders[index])

    def _set(self, sort: ApplicationSort, *, keep_column: bool = False) -> None:
        if sort == self.sort:
            self._show(keep_column=keep_column)
            return
        self.sort = sort
        self._show(keep_column=keep_column)
        self.changed.emit()

    def _show(self, *, keep_column: bool = False) -> None:
        """Both show ``self.sort``; the header keeps the clicked column when it sorts that way (the
        deadline mark and the due date share one order)."""
        shown = self.header.sortIndicatorSection()
        column = shown if keep_column and ApplicationsModel.SORT_KEYS.get(shown) is self.sort.key else None
        self.header.blockSignals(True)
        self.header.setSortIndicator(
            _COLUMN[self.sort.key] if column is None else column,
            Qt.SortOrder.DescendingOrder if self.sort.descending else Qt.SortOrder.AscendingOrder,
        )
        self.header.blockSignals(False)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self._orders.index(self.sort) if self.sort in self._orders else -1)
        self.combo.blockSignals(False)
