"""The materials a catalogue item asks for, as the catalogue page lists them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.catalogue import Material
from ui.models.labels import localised
from ui.models.rows import RowTableModel


class ItemMaterialsModel(RowTableModel):
    NAME = 0
    ORIGINALS = 1
    COPIES = 2
    REQUIRED = 3
    ISSUER = 4
    COLUMN_COUNT = 5

    def titles(self) -> list[str]:
        return [
            self.tr("Material"),
            self.tr("Originals"),
            self.tr("Copies"),
            self.tr("Required"),
            self.tr("Issued by"),
        ]

    def cell(self, row: Material, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return localised(row.name, row.name_en)
        if column == self.ORIGINALS:
            return str(row.originals)
        if column == self.COPIES:
            return str(row.copies)
        if column == self.REQUIRED:
            if not row.mandatory:
                return self.tr("Optional")
            return self.tr("Required, may follow later") if row.minor else self.tr("Required")
        if column == self.ISSUER:
            return row.issuer
        return None
