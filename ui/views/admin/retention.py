"""Retention (数据保留): preview and remove the personal data of cases closed and synced long ago.

The administrator sees the number of days (the office's ``retention_days`` setting, editable for
this run), asks how much a removal would clear ("N cases, M applicants, K scan files"), and removes
it after a confirmation that says what goes, what stays and that it cannot be undone. The result
says what was cleared; the lists and the dashboard keep every case (``counter.retention``, see
``counter_app/services/retention.py``).

``purged(result)``: personal data was removed (the main window may read its lists again).
UI thread only; every read and write goes through the profile's database thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.services.office_settings import RETENTION_RANGE
from counter_app.services.retention import RetentionPreview, RetentionResult
from ui.i18n import error_text, fill
from ui.views.intake.widgets import hint, named
from ui.workers import Database


class RetentionTab(QWidget):
    purged = Signal(object)  # RetentionResult

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("admin_retention")
        self.db, self.actor = db, actor
        self.preview: RetentionPreview | None = None  # the last count, for the days now shown
        self.result: RetentionResult | None = None
        self.confirm_box: QMessageBox | None = None
        self.confirm_remove: QAbstractButton | None = None  # the confirmation's "remove" button
        self._running = False

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Removes the personal data of cases closed more than the chosen number of days ago "
                    "and fully synced with the platform: the ID number, phone number and address, the "
                    "form values and the scanned files. An applicant's numbers are removed only when "
                    "none of their cases is still kept. The cases stay in the lists and in the "
                    "dashboard's figures, with the applicant's name, the status, the dates, the "
                    "ratings and the rectification tasks. The platform keeps its own copy."
                )
            )
        )
        row = QHBoxLayout()
        days_label = QLabel(self.tr("&Days after closing:"))
        self.days = named(QSpinBox(), self.tr("Days after closing"))
        self.days.setRange(*RETENTION_RANGE)
        self.days.setValue(1095)
        self.days.setSuffix(self.tr(" days"))
        days_label.setBuddy(self.days)
        self.count_button = QPushButton(self.tr("&Count what would be cleared"))
        row.addWidget(days_label)
        row.addWidget(self.days)
        row.addWidget(self.count_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.preview_label = hint(name=self.tr("What would be cleared"))
        self.preview_label.setObjectName("retention_preview")
        layout.addWidget(self.preview_label)
        self.remove_button = QPushButton(self.tr("Re&move personal data…"))
        self.remove_button.setEnabled(False)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        layout.addLayout(remove_row)
        self.result_label = QLabel()
        self.result_label.setObjectName("retention_result")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.result_label)
        layout.addStretch(1)

        self.days.valueChanged.connect(self._days_changed)
        self.count_button.clicked.connect(self.count)
        self.remove_button.clicked.connect(self.confirm_removal)

    # --- reading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data): the days from the setting (unless
        a run is going), then the count for them."""
        if self._running:
            return
        self.db.submit(
            lambda counter: counter.retention.default_days(),
            self._show_default_days,
            self._show_error,
            key="admin.retention.days",
            owner=self,
        )

    def _show_default_days(self, days: int) -> None:
        self.days.setValue(days)
        self.count()

    def count(self) -> None:
        """Count the cases, applicants and scan files a removal with the days shown would clear."""
        actor, days = self.actor, self.days.value()
        self.preview = None
        self.remove_button.setEnabled(False)
        self.preview_label.setText(self.tr("Counting…"))
        self.db.submit(
            lambda counter: counter.retention.preview(actor, days),
            self._show_preview,
            self._show_error,
            key="admin.retention.preview",
            owner=self,
        )

    def _show_preview(self, preview: RetentionPreview) -> None:
        if preview.days != self.days.value():
            return  # the days changed meanwhile; their own count follows
        self.preview = preview
        if preview.cases == 0 and preview.applicants == 0:
            self.preview_label.setText(
                fill(self.tr("No case closed before %1 is waiting to be cleared."), preview.cutoff)
            )
        else:
            self.preview_label.setText(
                fill(
                    self.tr(
                        "%1 cases, %2 applicants, %3 scan files would be cleared (cases closed before %4)."
                    ),
                    preview.cases,
                    preview.applicants,
                    preview.scans,
                    preview.cutoff,
                )
                + self._copies_text(preview.safety_copies)
                + " "
                + self._backups_text()
            )
        # With nothing to clear, a run still finishes wiping what an earlier one could not: the log
        # another connection held, or files it could not delete.
        last = self.result
        unfinished = last is not None and (
            not (last.checkpointed and last.vacuumed) or last.files_left > 0 or last.safety_copies_left > 0
        )
        waiting = preview.cases > 0 or preview.applicants > 0 or unfinished
        self.remove_button.setEnabled(not self._running and waiting)

    def _days_changed(self, _days: int) -> None:
        self.preview = None
        self.remove_button.setEnabled(False)
        self.preview_label.setText(self.tr("Count again for these days."))

    # --- removing -----------------------------------------------------------------------------------------
    def _copies_text(self, copies: int) -> str:
        """What is said of the database's plain safety copies (before an upgrade or a restore)."""
        if not copies:
            return ""
        return " " + fill(
            self.tr(
                "The %1 safety copies of the database kept in the backups folder (taken before an "
                "upgrade or a restore) hold the same data and are deleted too."
            ),
            copies,
        )

    def _backups_text(self) -> str:
        """What is said of the encrypted backups (they keep the data until they age out)."""
        return self.tr(
            "The encrypted backups keep the data until they are deleted after the days set for "
            "backups (Admin ▸ Settings)."
        )

    def confirm_removal(self) -> None:
        """Ask before removing (a window-modal box, answered through its signals)."""
        preview = self.preview
        if preview is None or self._running:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove personal data"))
        box.setText(
            fill(
                self.tr(
                    "Remove the personal data of %1 cases and %2 applicants, and delete %3 scan files? "
                    "Cases closed before %4 are concerned."
                ),
                preview.cases,
                preview.applicants,
                preview.scans,
                preview.cutoff,
            )
        )
        box.setInformativeText(
            self.tr(
                "This cannot be undone: the ID numbers, phone numbers, addresses, form values and "
                "scans of these cases are erased from this computer. The cases, their status, dates "
                "and ratings stay, and so do the dashboard's figures."
            )
            + self._copies_text(preview.safety_copies)
            + " "
            + self._backups_text()
        )
        self.confirm_remove = box.addButton(
            self.tr("Remove personal data"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(self._confirmation_answered)
        self.confirm_box = box
        box.open()

    def _confirmation_answered(self, button: QAbstractButton) -> None:
        box = self.confirm_box
        self.confirm_box = None
        if box is not None:
            box.deleteLater()
        if button is self.confirm_remove and self.preview is not None:
            self.remove(self.preview.days)

    def remove(self, days: int) -> None:
        """Remove the personal data for ``days`` (after the confirmation)."""
        actor = self.actor
        self._running = True
        self.remove_button.setEnabled(False)
        self.count_button.setEnabled(False)
        self.days.setEnabled(False)
        self.result_label.setText(self.tr("Removing personal data… this may take a while."))
        self.db.submit(
            lambda counter: counter.retention.purge(actor, days), self._show_result, self._removal_failed
        )

    def _finished(self) -> None:
        self._running = False
        self.count_button.setEnabled(True)
        self.days.setEnabled(True)

    def _show_result(self, result: RetentionResult) -> None:
        self._finished()
        self.result = result
        lines = [
            fill(
                self.tr("Personal data removed: %1 cases, %2 applicants, %3 scan files deleted."),
                result.cases,
                result.applicants,
                result.files_removed,
            )
        ]
        if result.safety_copies_removed:
            lines.append(
                fill(
                    self.tr("%1 safety copies of the database deleted."),
                    result.safety_copies_removed,
                )
            )
        if result.files_left or result.safety_copies_left:
            lines.append(
                fill(
                    self.tr("%1 files could not be deleted now; the next removal deletes them."),
                    result.files_left + result.safety_copies_left,
                )
            )
        if not (result.checkpointed and result.vacuumed):
            lines.append(
                self.tr(
                    "Another part of the app was using the database, so some of the removed data may "
                    "remain in its files until the next removal: run it again later."
                )
            )
        self.result_label.setText("\n".join(lines))
        self.purged.emit(result)
        self.count()

    def _removal_failed(self, error: BaseException) -> None:
        self._finished()
        self.result_label.setText(error_text(error))
        self.count()

    def _show_error(self, error: BaseException) -> None:
        self.preview_label.setText(error_text(error))
