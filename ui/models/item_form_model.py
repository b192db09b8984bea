"""The form fields a catalogue item asks for, as the catalogue page lists them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.catalogue import FormField
from ui.models.labels import localised
from ui.models.rows import RowTableModel


class ItemFormModel(RowTableModel):
    LABEL = 0
    TYPE = 1
    REQUIRED = 2
    HELP = 3
    COLUMN_COUNT = 4

    def titles(self) -> list[str]:
        return [self.tr("Field"), self.tr("Kind"), self.tr("Required"), self.tr("Help")]

    def cell(self, row: FormField, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.LABEL:
            return localised(row.label, row.label_en)
        if column == self.TYPE:
            return row.type
        if column == self.REQUIRED:
            return self.tr("Yes") if row.required else self.tr("No")
        if column == self.HELP:
            return localised(row.help, row.help_en)
        return None
