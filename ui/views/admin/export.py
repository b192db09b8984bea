"""Export (导出): applications of a period to XLSX or CSV, ID numbers masked unless asked (audited).

The administrator chooses the period (the days applications were taken in), the format and whether
ID numbers are written whole (a warning says that this is recorded in the audit trail as a view of
citizens' personal data); "Export…" asks where (a file dialog; ``export_to(path)`` is the same without
it) and the core writes the file on the database thread (``counter.exports.export``). The result says
how many applications went where. The widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.errors import ValidationError
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.views.intake.widgets import hint, named
from ui.workers import Database

OK_STYLE = "color: #1b5e20;"
WARNING_STYLE = "color: #8a4b00;"
_tabs = itertools.count(1)  # keys are global to the Database: one prefix per tab object


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportTab(QWidget):
    exported = Signal(int, str)  # applications written, the file

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.native_dialogs = native_dialogs
        self.file_dialog: QFileDialog | None = None
        self.writing = False
        self.written_to: Path | None = None
        self._key = f"admin.export.{next(_tabs)}"
        today = date.today()

        self.start = named(QDateEdit(), self.tr("First day"))
        self.end = named(QDateEdit(), self.tr("Last day"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start.setDate(_qdate(today.replace(day=1)))
        self.end.setDate(_qdate(today))
        self.format = named(QComboBox(), self.tr("File format"))
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.format.addItem(self.tr("CSV (UTF-8, opens in Excel)"), "csv")
        self.full_ids = named(
            QCheckBox(self.tr("F&ull ID numbers (recorded in the audit trail)")), self.tr("Full ID numbers")
        )
        self.warning = QLabel(
            self.tr(
                "The file will hold citizens' full ID numbers. The export is recorded in the audit trail "
                "as a view of personal data: keep the file safe and delete it when it is no longer needed."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setAccessibleName(self.tr("Warning about full ID numbers"))
        self.warning.setVisible(False)
        self.export_button = named(QPushButton(self.tr("&Export…")), self.tr("Export the applications"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(OK_STYLE)
        self.result.setAccessibleName(self.tr("Export result"))
        self.start_error = MessageLabel(self.tr("Problem with the first day"))
        self.end_error = MessageLabel(self.tr("Problem with the last day"))
        self.message = MessageLabel(self.tr("Export problem"))

        form = QFormLayout()
        for label_text, field, error in (
            (self.tr("&From:"), self.start, self.start_error),
            (self.tr("&To:"), self.end, self.end_error),
        ):
            label = QLabel(label_text)
            label.setBuddy(field)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(error)
            form.addRow(label, box)
        format_label = QLabel(self.tr("F&ormat:"))
        format_label.setBuddy(self.format)
        form.addRow(format_label, self.format)
        form.addRow("", self.full_ids)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "One row per application taken in during the period: receipt number, service, applicant, "
                    "ID number, status, dates, result and rating. ID numbers are masked unless you ask for "
                    "them in full."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.full_ids.toggled.connect(self.warning.setVisible)
        self.export_button.clicked.connect(self.choose_file)

    def reload(self) -> None:
        """Nothing to read: the export reads when it runs."""

    def period(self) -> tuple[date, date]:
        return _day(self.start.date()), _day(self.end.date())

    def choose_file(self) -> None:
        """Ask where to write the file, then export there."""
        if self.writing or not self._period_ok():
            return
        fmt = str(self.format.currentData())
        start, end = self.period()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = fill(self.tr("Applications %1 to %2"), start.isoformat(), end.isoformat()) + f".{fmt}"
        dialog = QFileDialog(self, self.tr("Export the applications"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if fmt == "xlsx":
            dialog.setNameFilters([self.tr("Excel workbooks (*.xlsx)")])
        else:
            dialog.setNameFilters([self.tr("CSV files (*.csv)")])
        dialog.setDefaultSuffix(fmt)
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(documents or str(Path.home()))
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        """Write the period's applications to ``path`` on the database thread; the result (and
        ``exported``) follow. A second request meanwhile is ignored."""
        if self.writing or not self._period_ok():
            return
        start, end = self.period()
        fmt, full_ids, actor = str(self.format.currentData()), self.full_ids.isChecked(), self.actor
        self.writing = True
        self.export_button.setEnabled(False)
        self.message.clear_message()
        self.result.setText(self.tr("Writing the file…"))
        target = Path(path)
        self.db.submit(
            lambda counter: counter.exports.export(actor, start, end, fmt, target, full_ids=full_ids),
            lambda rows: self._written(rows, target),
            self._failed,
            key=f"{self._key}.write",
            owner=self,
        )

    def _period_ok(self) -> bool:
        self.start_error.clear_message()
        self.end_error.clear_message()
        start, end = self.period()
        if end < start:
            self.end_error.show_message(self.tr("The last day comes before the first day."))
            return False
        return True

    def _written(self, rows: int, target: Path) -> None:
        self.writing = False
        self.export_button.setEnabled(True)
        self.written_to = target
        self.result.setText(fill(self.tr("%1 applications written to %2"), rows, str(target)))
        self.exported.emit(rows, str(target))

    def _failed(self, error: BaseException) -> None:
        self.writing = False
        self.export_button.setEnabled(True)
        self.result.clear()
        if isinstance(error, ValidationError) and error.field == "end":
            self.end_error.show_message(self.tr("The last day comes before the first day."))
            return
        reason = error_text(error)
        if isinstance(error, ValidationError) and error.field == "path":
            reason = self.tr("choose a file in a folder that exists.")
        self.message.show_message(fill(self.tr("The file was not written: %1"), reason))
