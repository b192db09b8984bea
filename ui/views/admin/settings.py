"""Settings (设置): office name and contact on notices, idle lock, backup folder and days, retention days,
printer and paper.

A form of the office's eight settings (``counter.office_settings``), read when the tab is shown and on
``reload()``; Save checks them in the core, shows a refused value under its field, and emits
``saved(OfficeSettings)`` once they are stored (the app applies the idle-lock minutes to the running
session). The printer comes from the printers installed on this machine (a saved printer that is not
installed here stays in the list, marked); "System default printer" stores none. Every read and write
goes through ``db.submit``; the widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.errors import ValidationError
from counter_app.services.office_settings import (
    BACKUP_KEEP_RANGE,
    IDLE_LOCK_RANGE,
    MAX_CONTACT,
    MAX_FOLDER,
    MAX_OFFICE_NAME,
    MAX_PRINTER_NAME,
    PAPER_80MM,
    PAPER_A4,
    RETENTION_RANGE,
    OfficeSettings,
)
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.notices.pdf import installed_printers
from ui.views.intake.widgets import hint, named
from ui.workers import Database

OK_STYLE = "color: #1b5e20;"
_tabs = itertools.count(1)  # keys are global to the Database: one prefix per tab object


class SettingsTab(QWidget):
    # The office's settings were saved (an OfficeSettings): the app applies the idle-lock minutes.
    saved = Signal(object)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.native_dialogs = native_dialogs
        self.settings: OfficeSettings | None = None  # as last read or saved
        self.folder_dialog: QFileDialog | None = None
        self.saving = False
        self._key = f"admin.settings.{next(_tabs)}"

        self.office_name = named(QLineEdit(), self.tr("Office name on notices"))
        self.office_name.setMaxLength(MAX_OFFICE_NAME)
        self.office_name.setPlaceholderText(self.tr("The name given when this counter was enrolled"))
        self.contact = named(QLineEdit(), self.tr("Contact line on notices"))
        self.contact.setMaxLength(MAX_CONTACT)
        self.contact.setPlaceholderText(self.tr("Address and telephone, e.g. 人民路1号 电话 0791-86000000"))
        self.idle = named(QSpinBox(), self.tr("Lock the screen after minutes without use"))
        self.idle.setRange(*IDLE_LOCK_RANGE)
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setSuffix(self.tr(" min"))
        self.folder = named(QLineEdit(), self.tr("Backup folder"))
        self.folder.setMaxLength(MAX_FOLDER)
        self.browse = named(QPushButton(self.tr("&Choose…")), self.tr("Choose the backup folder"))
        self.keep = named(QSpinBox(), self.tr("Keep daily backups for days"))
        self.keep.setRange(*BACKUP_KEEP_RANGE)
        self.keep.setSuffix(self.tr(" days"))
        self.retention = named(QSpinBox(), self.tr("Keep personal data of finished cases for days"))
        self.retention.setRange(*RETENTION_RANGE)
        self.retention.setSuffix(self.tr(" days"))
        self.printer = named(QComboBox(), self.tr("Printer for notices"))
        self.paper = named(QComboBox(), self.tr("Paper for notices"))
        self.paper.addItem(self.tr("A4"), PAPER_A4)
        self.paper.addItem(self.tr("80 mm receipt roll"), PAPER_80MM)
        self.save_button = named(QPushButton(self.tr("&Save")), self.tr("Save the settings"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Settings status"))
        self.message = MessageLabel(self.tr("Settings problem"))

        self.errors: dict[str, MessageLabel] = {}
        form = QFormLayout()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        rows: list[tuple[str, str, QWidget | QHBoxLayout, QWidget]] = [
            ("notice_office_name", self.tr("&Office name on notices:"), self.office_name, self.office_name),
            ("office_contact", self.tr("Con&tact line on notices:"), self.contact, self.contact),
            ("idle_lock_minutes", self.tr("&Lock the screen after:"), self.idle, self.idle),
            ("backup_folder", self.tr("&Backup folder:"), folder_row, self.folder),
            ("backup_keep_days", self.tr("&Keep daily backups for:"), self.keep, self.keep),
            ("retention_days", self.tr("Keep personal &data for:"), self.retention, self.retention),
            ("printer_name", self.tr("&Printer:"), self.printer, self.printer),
            ("paper_size", self.tr("Pape&r:"), self.paper, self.paper),
        ]
        for key, label_text, field, buddy in rows:
            label = QLabel(label_text)
            label.setBuddy(buddy)
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(field, QHBoxLayout):
                box.addLayout(field)
            else:
                box.addWidget(field)
            error = MessageLabel(fill(self.tr("Problem: %1"), label_text.replace("&", "").rstrip(":")))
            box.addWidget(error)
            self.errors[key] = error
            form.addRow(label, box)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "The office's settings apply to every counter of this office profile. The retention "
                    "period says how long the personal data of finished cases is kept before it may be "
                    "removed."
                )
            )
        )
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.browse.clicked.connect(self.choose_folder)
        self._fill_printers("")

    # --- reading ------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.settings is None:
            self.reload()

    def reload(self) -> None:
        """Read the settings again (the page was shown, or a sync changed data)."""
        self.db.submit(
            lambda counter: counter.office_settings.get(),
            self.show_settings,
            self._failed,
            key=f"{self._key}.read",
            owner=self,
        )

    def show_settings(self, settings: OfficeSettings) -> None:
        self.settings = settings
        self.office_name.setText(settings.notice_office_name)
        self.contact.setText(settings.office_contact)
        self.idle.setValue(settings.idle_lock_minutes)
        self.folder.setText(settings.backup_folder)
        self.keep.setValue(settings.backup_keep_days)
        self.retention.setValue(settings.retention_days)
        self._fill_printers(settings.printer_name)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper_size), 0))
        self._clear_errors()

    def _fill_printers(self, chosen: str) -> None:
        """The system default, every printer installed here, and the saved one if it is not."""
        self.printer.clear()
        self.printer.addItem(self.tr("System default printer"), "")
        for name in installed_printers():
            self.printer.addItem(name, name)
        if chosen and self.printer.findData(chosen) < 0:
            self.printer.addItem(fill(self.tr("%1 (not installed on this computer)"), chosen), chosen)
        self.printer.setCurrentIndex(max(self.printer.findData(chosen), 0))

    # --- the form's values ----------------------------------------------------------------------------
    def current(self) -> OfficeSettings:
        """The settings as the form shows them now."""
        return OfficeSettings(
            notice_office_name=self.office_name.text(),
            office_contact=self.contact.text(),
            idle_lock_minutes=self.idle.value(),
            backup_folder=self.folder.text(),
            backup_keep_days=self.keep.value(),
            retention_days=self.retention.value(),
            printer_name=str(self.printer.currentData() or "")[:MAX_PRINTER_NAME],
            paper_size=str(self.paper.currentData()),
        )

    def choose_folder(self) -> None:
        """Ask for the backup folder (a USB stick, a network share); the choice goes into the field."""
        dialog = QFileDialog(self, self.tr("Choose the backup folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        start = Path(self.folder.text() or str(Path.home()))
        dialog.setDirectory(str(start if start.is_dir() else Path.home()))
        dialog.fileSelected.connect(self.folder.setText)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.folder_dialog = dialog
        dialog.open()

    # --- saving -----------------------------------------------------------------------------------------
    def save(self) -> None:
        """Store the form's settings through the core; ``saved`` follows (a second Save meanwhile is
        ignored)."""
        if self.saving:
            return
        wanted = self.current()
        actor = self.actor
        self.saving = True
        self.save_button.setEnabled(False)
        self._clear_errors()
        self.status.clear()
        self.db.submit(
            lambda counter: counter.office_settings.save(actor, wanted),
            self._saved,
            self._save_failed,
            key=f"{self._key}.save",
            owner=self,
        )

    def _saved(self, settings: OfficeSettings) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.show_settings(settings)
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("The settings were saved."))
        self.saved.emit(settings)

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            self.errors[error.field].show_message(self.field_error_text(error))
            return
        self.message.show_message(fill(self.tr("The settings were not saved: %1"), error_text(error)))

    def field_error_text(self, error: ValidationError) -> str:
        """Words for a refused value, shown under its field."""
        if error.code == "range":
            bounds = {
                "idle_lock_minutes": IDLE_LOCK_RANGE,
                "backup_keep_days": BACKUP_KEEP_RANGE,
                "retention_days": RETENTION_RANGE,
            }.get(error.field)
            if bounds:
                return fill(self.tr("Enter a number from %1 to %2."), *bounds)
        if error.field == "backup_folder" and error.code == "format":
            return self.tr("Enter the folder's full path (for example D:\\Backups or /media/usb/backups).")
        if error.code == "max_length":
            return self.tr("This text is too long.")
        if error.code == "format":
            return self.tr("Write this on one line.")
        return error_text(error)

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(fill(self.tr("The settings could not be read: %1"), error_text(error)))

    def _clear_errors(self) -> None:
        self.message.clear_message()
        for label in self.errors.values():
            label.clear_message()
