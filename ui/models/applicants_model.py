"""Applicants found at the desk: masked summaries only (what a list may show)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.records import ApplicantSummary
from ui.models.labels import applicant_kind_name, sex_name
from ui.models.rows import RowTableModel


class ApplicantsModel(RowTableModel):
    NAME = 0
    KIND = 1
    ID_NUMBER = 2
    SEX = 3
    BIRTH_DATE = 4
    PHONE = 5
    COLUMN_COUNT = 6

    def titles(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("ID number"),
            self.tr("Sex"),
            self.tr("Date of birth"),
            self.tr("Mobile"),
        ]

    def applicant(self, row: int) -> ApplicantSummary:
        return self.row_at(row)

    def cell(self, row: ApplicantSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name if not row.representative else f"{row.name}（{row.representative}）"
            if column == self.KIND:
                return applicant_kind_name(row.kind)
            if column == self.ID_NUMBER:
                return row.id_masked or ""
            if column == self.SEX:
                return sex_name(row.sex)
            if column == self.BIRTH_DATE:
                return row.birth_date or ""
            if column == self.PHONE:
                return row.phone_masked or ""
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
