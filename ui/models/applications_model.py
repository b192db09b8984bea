"""The applications list, read from the core a page at a time as the view scrolls.

``set_source(fetch)`` takes a function ``fetch(offset, limit) -> rows`` (a use case, filters
bound in); the model asks it for the first page at once and for the next one in ``fetchMore()``
while the last page came back full. Filtering happens in the query, not in a proxy: a proxy can
only filter the rows already fetched. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from counter_app.store.queries import ApplicationRow
from ui.models.case_labels import case_status_name, sync_state_name
from ui.models.rows import Index

Fetch = Callable[[int, int], list[ApplicationRow]]


class ApplicationsModel(QAbstractTableModel):
    RECEIPT_NO = 0
    APPLICANT = 1
    ID_MASKED = 2
    SERVICE = 3
    STATUS = 4
    ACCEPTED_ON = 5
    DUE_DATE = 6
    SYNC_STATE = 7
    COLUMN_COUNT = 8
    PAGE = 200

    def __init__(
        self, service_name: Callable[[ApplicationRow], str] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[ApplicationRow] = []
        self._fetch: Fetch | None = None
        self._more = False
        self._service_name = service_name or (lambda row: row.item_code)

    # --- rows -----------------------------------------------------------------------------------------
    def set_source(self, fetch: Fetch | None) -> None:
        """Start over with ``fetch`` (None: empty) and load its first page."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = fetch(0, self.PAGE) if fetch is not None else []
        self._more = fetch is not None and len(self._rows) == self.PAGE
        self.endResetModel()

    def set_rows(self, rows: list[ApplicationRow]) -> None:
        """A fixed list (no more pages)."""
        self.beginResetModel()
        self._fetch, self._rows, self._more = None, list(rows), False
        self.endResetModel()

    def application(self, row: int) -> ApplicationRow:
        return self._rows[row]

    def row_of(self, application_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == application_id), -1)

    # --- QAbstractItemModel -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self._fetch is None:
            return
        page = self._fetch(len(self._rows), self.PAGE)
        self._more = len(page) == self.PAGE
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            self.RECEIPT_NO: row.receipt_no,
            self.APPLICANT: row.applicant_name,
            self.ID_MASKED: row.id_masked or "",
            self.SERVICE: self._service_name(row),
            self.STATUS: case_status_name(row.status),
            self.ACCEPTED_ON: row.accepted_on or "",
            self.DUE_DATE: row.due_date or "",
            self.SYNC_STATE: sync_state_name(row.sync_state),
        }
        return values.get(column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("Receipt no."),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Accepted"),
            self.tr("Due"),
            self.tr("Sync"),
        ]
        return titles[section] if 0 <= section < len(titles) else None
