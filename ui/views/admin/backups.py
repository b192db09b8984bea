"""Backups (备份): the automatic daily backups with their time and size, a backup to a chosen folder, restore
with a confirmation.

The list shows the backup folder (the automatic daily backups, and any made there on demand), newest
first. "Back up now to a folder…" writes an encrypted backup into the folder chosen (a USB stick);
"Restore…" takes a backup file (or the one selected in the list) and, once the administrator
confirmed that the current data will be replaced (and kept as a copy) and everyone logged out,
emits ``restore_requested(path)``: the app controller does the restore (ui/app.py). Every read and
write goes through ``db.submit``; the widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.errors import ValidationError
from counter_app.services.backups import BackupEntry, PreparedBackup
from ui.i18n import error_text, fill, translate
from ui.models.rows import RowTableModel
from ui.views.intake.widgets import hint, list_table, select_row
from ui.workers import Database, run_in_background

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #a4262c;"
_tabs = itertools.count(1)  # keys are global to the Database: one prefix per tab object

log = logging.getLogger(__name__)


def size_text(size: int) -> str:
    """Bytes as the administrator reads them: KB under a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return fill(translate("Backups", "%1 KB"), max(1, round(size / 1024)) if size else 0)
    return fill(translate("Backups", "%1 MB"), f"{size / (1024 * 1024):.1f}")


def backup_error_text(error: BaseException) -> str:
    """Words for why a backup could not be made or restored (the core names the file as ``path``)."""
    if isinstance(error, ValidationError) and error.field == "path":
        texts = {
            "not_found": translate("Backups", "The backup file was not found."),
            "format": translate("Backups", "This file is not a Counter backup."),
            "damaged": translate(
                "Backups",
                "This backup cannot be read: it is damaged or incomplete, or it was made with another "
                "data key. Nothing was changed.",
            ),
            "other_profile": translate(
                "Backups",
                "This backup belongs to another office profile, so it cannot be restored here. "
                "Nothing was changed.",
            ),
            "no_key": translate(
                "Backups",
                "The key this backup was made with is not on this computer (its OS keyring or key file). "
                "Nothing was changed.",
            ),
        }
        if error.code in texts:
            return texts[error.code]
    return error_text(error)


class BackupsModel(RowTableModel):
    TIME = 0
    SIZE = 1
    KIND = 2
    FILE = 3
    COLUMN_COUNT = 4

    def titles(self) -> list[str]:
        return [self.tr("Made"), self.tr("Size"), self.tr("Kind"), self.tr("File")]

    def entry(self, row: int) -> BackupEntry:
        return self.row_at(row)

    def kind_text(self, entry: BackupEntry) -> str:
        if not entry.encrypted:
            return self.tr("Older, unencrypted")
        return self.tr("Automatic (daily)") if entry.automatic else self.tr("Made on demand")

    def cell(self, row: BackupEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return row.created.strftime("%Y-%m-%d %H:%M")
            if column == self.SIZE:
                return size_text(row.size)
            if column == self.KIND:
                return self.kind_text(row)
            if column == self.FILE:
                return row.path.name
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FILE:
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return str(row.path)
        return None


class BackupsTab(QWidget):
    # The administrator confirmed a restore from this backup file: the app controller stops sync,
    # closes the profile, restores, opens it again and asks for a login (ui/app.py).
    restore_requested = Signal(str)
    backed_up = Signal(object)  # the BackupEntry just written by "Back up now"

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.native_dialogs = native_dialogs
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.folder: Path | None = None  # the backup folder, once read
        self._key = f"admin.backups.{next(_tabs)}"
        self._working = False

        self.model = BackupsModel(self)
        self.table = list_table(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)  # the file's name takes the rest
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.about = hint(name=self.tr("About backups"))
        self.backup_button = self._button(
            self.tr("Back up &now to a folder…"),
            self.tr("Write an encrypted backup into a folder you choose, e.g. on a USB stick"),
            self.choose_backup_folder,
        )
        self.restore_button = self._button(
            self.tr("&Restore from a file…"),
            self.tr("Choose a backup file to restore"),
            self.choose_restore_file,
        )
        self.restore_selected_button = self._button(
            self.tr("Restore the &selected backup…"),
            self.tr("Restore the backup selected in the list"),
            self.restore_selected,
        )
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.restore_selected_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Backup message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_buttons()

    def _button(self, text: str, accessible: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- the list -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read again (the page was shown, or a backup was made)."""
        actor = self.actor

        def read(counter: Any) -> tuple[list[BackupEntry], Path, int]:
            return counter.backups.list(actor), counter.backups.folder(), counter.backups.keep_days()

        self.db.submit(read, self._show, self._failed, key=f"{self._key}.list", owner=self)

    def _show(self, result: tuple[list[BackupEntry], Path, int]) -> None:
        entries, folder, keep_days = result
        self.folder = folder
        self.about.setText(
            fill(
                self.tr(
                    "Counter backs up this office's data automatically once a day to %1 and keeps those "
                    "backups for %2 days. Backups are encrypted: they can be restored only on a computer "
                    "that holds this office's data key."
                ),
                str(folder),
                keep_days,
            )
        )
        self.model.set_rows(entries)
        if entries:
            select_row(self.table, 0)
        self._update_buttons()

    def entries(self) -> list[BackupEntry]:
        return self.model.rows()

    def _update_buttons(self) -> None:
        self.backup_button.setEnabled(not self._working)
        self.restore_button.setEnabled(not self._working)
        self.restore_selected_button.setEnabled(not self._working and self.table.currentIndex().isValid())

    # --- back up now -------------------------------------------------------------------------------------
    def choose_backup_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the folder to write the backup in"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda path: self.back_up_to(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def back_up_to(self, folder: Path) -> None:
        """Write a backup into ``folder``: the snapshot on the database thread, the slow zipping and
        encryption on a pool thread (the other pages go on meanwhile), the audit back on the database
        thread; the result is shown under the list."""
        if self._working:
            return
        actor = self.actor
        self._working = True
        self._update_buttons()
        self._say(fill(self.tr("Backing up to %1…"), str(folder)), ok=True)
        self.db.submit(
            lambda counter: counter.backups.prepare(actor, folder),
            self._write,
            self._backup_failed,
            owner=self,
        )

    def _write(self, prepared: PreparedBackup) -> None:
        actor = self.actor

        def written(entry: BackupEntry) -> None:
            self.db.submit(
                lambda counter: counter.backups.finish(actor, entry),
                self._backed_up,
                self._backup_failed,
                owner=self,
            )

        def failed(error: BaseException) -> None:
            self.db.submit(
                lambda counter: counter.backups.failed(actor, error),
                None,
                lambda audit_error: log.warning("the failed backup was not audited: %s", audit_error),
            )
            self._backup_failed(error)

        run_in_background(prepared.write, written, failed, owner=self)

    def _backed_up(self, entry: BackupEntry) -> None:
        self._working = False
        self._update_buttons()
        self._say(
            fill(self.tr("Backup written to %1 (%2)."), str(entry.path), size_text(entry.size)),
            ok=True,
        )
        self.backed_up.emit(entry)
        self.reload()

    def _backup_failed(self, error: BaseException) -> None:
        self._working = False
        self._update_buttons()
        self._say(fill(self.tr("The backup was not made: %1"), backup_error_text(error)), ok=False)

    # --- restore -------------------------------------------------------------------------------------------
    def choose_restore_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the backup to restore"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Counter backups (*.cbk *.zip)"), self.tr("All files (*)")])
        if self.folder is not None:
            dialog.setDirectory(str(self.folder))
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda path: self.confirm_restore(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def restore_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.confirm_restore(self.model.entry(index.row()).path)

    def confirm_restore(self, path: Path) -> None:
        """Ask before anything is replaced; ``restore_requested(path)`` once the administrator agreed."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore this backup?"),
            fill(
                self.tr(
                    "Restore the backup %1?\n\nThe office's current data is replaced by the data in the "
                    "backup; the current data is kept as a copy in the backups folder. Work since the "
                    "backup was made is no longer shown (what was sent to the platform comes back with the "
                    "next sync), and personal data removed since then (Retention) is back. Counter closes "
                    "the data and opens it again: everyone will have to log in again."
                ),
                str(path),
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        restore = box.addButton(self.tr("Replace the data and restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName(self.tr("Replace the data and restore"))
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(_result: int) -> None:
            agreed = box.clickedButton() is restore
            box.deleteLater()
            if self.confirm_box is box:
                self.confirm_box = None
            if agreed:
                self._say(fill(self.tr("Restoring %1…"), str(path)), ok=True)
                self.restore_requested.emit(str(path))

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    # --- messages ------------------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        self._say(backup_error_text(error), ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setVisible(bool(text))
