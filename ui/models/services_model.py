"""Service items of the catalogue, as the intake's service picker lists them.

The rows are what ``Catalogue.search`` returned, best match first. ``ApplicableServices`` is the
proxy that hides the items this kind of applicant cannot apply for (a citizen does not register
employees; a company does not apply for a minimum allowance).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from counter_app.catalogue import ServiceItem
from ui.models.labels import item_type_name, localised, time_limit_text
from ui.models.rows import RowTableModel

# An applicant kind → the service objects (GB/T 39046) it counts as.
SERVICE_OBJECTS_OF_KIND: dict[str, frozenset[str]] = {
    "person": frozenset({"natural_person"}),
    "organisation": frozenset({"legal_person", "other_organisation"}),
}


class ServicesModel(RowTableModel):
    NAME = 0
    ITEM_TYPE = 1
    TIME_LIMIT = 2
    CODE = 3
    COLUMN_COUNT = 4

    def titles(self) -> list[str]:
        return [self.tr("Service"), self.tr("Type"), self.tr("Promised time"), self.tr("Code")]

    def item(self, row: int) -> ServiceItem:
        return self.row_at(row)

    def cell(self, row: ServiceItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return localised(row.name, row.name_en)
            if column == self.ITEM_TYPE:
                return item_type_name(row.item_type)
            if column == self.TIME_LIMIT:
                return time_limit_text(row.promised_limit.value, row.promised_limit.unit)
            if column == self.CODE:
                return row.code
        if role == Qt.ItemDataRole.UserRole:
            return row.code
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return f"{row.name}\n{row.name_en}\n{row.implementing_body}"
        return None


class ApplicableServices(QSortFilterProxyModel):
    """Only the items open to one kind of applicant (all items while no kind is set)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._objects: frozenset[str] | None = None

    def set_applicant_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._objects = SERVICE_OBJECTS_OF_KIND.get(kind or "")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._objects is None:
            return True
        model = self.sourceModel()
        if not isinstance(model, ServicesModel) or source_row >= model.rowCount():
            return False
        return bool(self._objects & set(model.item(source_row).service_objects))

    def item(self, row: int) -> ServiceItem:
        source = self.mapToSource(self.index(row, 0))
        model = self.sourceModel()
        assert isinstance(model, ServicesModel)
        return model.item(source.row())
