"""The materials checklist of one service item: what the catalogue asks for, what the applicant
handed over (originals and copies, edited in place), the scans attached, and where each stands.

A row's status follows the core's rule (``check_materials``): received when both counts reach what
the item requires; otherwise missing, which blocks acceptance only for a mandatory material.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from counter_app.catalogue import Material, ServiceItem
from counter_app.records import MaterialRecord
from counter_app.services.lifecycle import MaterialCheck, check_materials
from ui.i18n import fill
from ui.models.labels import localised
from ui.models.rows import RowTableModel

MAX_COUNT = 99  # what the core accepts for a count
RECEIVED, MISSING, OPTIONAL = "received", "missing", "optional"
_COLOURS = {RECEIVED: QColor("#1b5e20"), MISSING: QColor("#b3261e"), OPTIONAL: QColor("#5f6368")}


@dataclass(frozen=True)
class AttachedScan:
    """A scan kept for a material: its attachment id in the core, its file name and size."""

    attachment_id: str
    name: str
    size: int = 0


@dataclass(frozen=True)
class MaterialRow:
    material: Material
    originals: int = 0
    copies: int = 0
    scans: tuple[AttachedScan, ...] = ()  # attached, in order
    problem: str = ""  # why the last scan offered for it was refused

    @property
    def complete(self) -> bool:
        return self.originals >= self.material.originals and self.copies >= self.material.copies

    @property
    def state(self) -> str:
        if self.complete:
            return RECEIVED
        return MISSING if self.material.mandatory else OPTIONAL


class MaterialsModel(RowTableModel):
    NAME = 0
    REQUIRED = 1
    ORIGINALS = 2
    COPIES = 3
    SCANS = 4
    STATUS = 5
    COLUMN_COUNT = 6
    COUNT_COLUMNS = (ORIGINALS, COPIES)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._item: ServiceItem | None = None

    def titles(self) -> list[str]:
        return [
            self.tr("Material"),
            self.tr("Required"),
            self.tr("Originals"),
            self.tr("Copies"),
            self.tr("Scans"),
            self.tr("Status"),
        ]

    def set_item(self, item: ServiceItem) -> None:
        self._item = item
        self.set_rows(MaterialRow(material) for material in item.materials)

    def material_row(self, row: int) -> MaterialRow:
        return self.row_at(row)

    def row_of(self, code: str) -> int:
        for number, row in enumerate(self.rows()):
            if row.material.code == code:
                return number
        raise KeyError(code)

    # --- what the clerk records ---------------------------------------------------------------------
    def set_counts(self, row: int, originals: int, copies: int) -> None:
        originals = max(0, min(MAX_COUNT, originals))
        copies = max(0, min(MAX_COUNT, copies))
        self._replace(row, replace(self.row_at(row), originals=originals, copies=copies))

    def toggle_received(self, row: int) -> None:
        """Received in full, or (if it already was) nothing received."""
        current = self.material_row(row)
        if current.complete and (current.material.originals or current.material.copies):
            self.set_counts(row, 0, 0)
        else:
            self.set_counts(row, current.material.originals, current.material.copies)

    def mark_all_received(self, *, mandatory_only: bool = True) -> None:
        for number, row in enumerate(self.rows()):
            if row.material.mandatory or not mandatory_only:
                self.set_counts(
                    number, max(row.originals, row.material.originals), max(row.copies, row.material.copies)
                )

    def add_scan(self, code: str, scan: AttachedScan) -> None:
        number = self.row_of(code)
        row = self.row_at(number)
        self._replace(number, replace(row, scans=(*row.scans, scan), problem=""))

    def remove_scan(self, attachment_id: str) -> AttachedScan | None:
        """Forget a scan the core removed; the scan, or None if no row has it."""
        for number, row in enumerate(self.rows()):
            kept = tuple(scan for scan in row.scans if scan.attachment_id != attachment_id)
            if len(kept) != len(row.scans):
                removed = next(scan for scan in row.scans if scan.attachment_id == attachment_id)
                self._replace(number, replace(row, scans=kept))
                return removed
        return None

    def scans(self, code: str) -> tuple[AttachedScan, ...]:
        return self.row_at(self.row_of(code)).scans

    def set_problem(self, code: str, text: str) -> None:
        number = self.row_of(code)
        self._replace(number, replace(self.row_at(number), problem=text))

    def received(self) -> dict[str, tuple[int, int]]:
        """Material code → (originals, copies), as ``IntakeService.record_materials`` takes them."""
        return {row.material.code: (row.originals, row.copies) for row in self.rows()}

    def check(self) -> MaterialCheck:
        """Where the materials stand, by the core's own rule (before anything is saved)."""
        records = {
            row.material.code: MaterialRecord(row.material.code, row.originals, row.copies, row.state)
            for row in self.rows()
        }
        assert self._item is not None, "set_item() first"
        return check_materials(self._item, records)

    # --- QAbstractItemModel -----------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in self.COUNT_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in self.COUNT_COLUMNS
        ):
            return False
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        if not 0 <= count <= MAX_COUNT:
            return False
        row = self.material_row(index.row())
        if index.column() == self.ORIGINALS:
            self.set_counts(index.row(), count, row.copies)
        else:
            self.set_counts(index.row(), row.originals, count)
        return True

    def cell(self, row: MaterialRow, column: int, role: int) -> Any:
        material = row.material
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.ORIGINALS:
                return row.originals
            if column == self.COPIES:
                return row.copies
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SCANS and row.problem:
                return row.problem
            if column == self.SCANS:
                return "\n".join(scan.name for scan in row.scans) or self._accepted(material)
            lines = [
                localised(material.name, material.name_en),
                fill(self.tr("Issued by: %1"), material.issuer),
            ]
            if material.notes:
                lines.append(material.notes)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS:
                return _COLOURS[row.state]
            if column == self.SCANS and row.problem:
                return _COLOURS[MISSING]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ORIGINALS, self.COPIES):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return material.code
        return None

    def _text(self, row: MaterialRow, column: int) -> str:
        material = row.material
        if column == self.NAME:
            name = localised(material.name, material.name_en)
            return name if material.mandatory else fill(self.tr("%1 (optional)"), name)
        if column == self.REQUIRED:
            text = fill(self.tr("originals %1, copies %2"), material.originals, material.copies)
            return text + self.tr(", may be pending") if material.minor else text
        if column == self.ORIGINALS:
            return str(row.originals)
        if column == self.COPIES:
            return str(row.copies)
        if column == self.SCANS:
            if row.problem:
                return fill(self.tr("Refused: %1"), row.problem)
            if not row.scans:
                return "—"
            if len(row.scans) == 1:
                return row.scans[0].name
            return fill(self.tr("%1 and %2 more"), row.scans[-1].name, len(row.scans) - 1)
        if column == self.STATUS:
            if row.state == RECEIVED:
                return self.tr("Received")
            if row.state == MISSING:
                return self.tr("Missing")
            return self.tr("Not handed in")
        return ""

    def _accepted(self, material: Material) -> str:
        return fill(
            self.tr("Scans: %1, at most %2 MB"), ", ".join(material.accepted_types), material.max_size_mb
        )
