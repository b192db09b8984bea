"""The platform (平台): server address, enrollment with a one-time code, device and office, the last syncs,
Sync now and Full sync and verify with progress and Cancel.

Reads (the enrollment and the persisted sync log, newest first) run on the database thread, keyed
so a newer reading drops an older one. Enrolling is :class:`EnrollDialog`'s (network off the
database thread). Syncs are the app's :class:`SyncController`'s: its own thread and connection; this
tab asks for a run (``sync_now``, ``full_sync``) or stops one (``cancel``: at the next safe point,
between batches and pages) and follows its ``progress`` and ``finished`` signals — automatic runs
show here too. Without a controller (``sync=None``) the sync buttons stay disabled.

Full sync and verify downloads the office's data again from the start (what is waiting to be sent
is kept and sent first), then compares counts and hashes with the platform. UI thread only.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.enrollment import Enrollment
from counter_app.services.sync_log import SyncRun
from ui.dialogs.fields import ERROR_STYLE
from ui.i18n import error_text, fill
from ui.sync_controller import SyncController
from ui.views.admin.platform_enroll import EnrollDialog
from ui.views.admin.platform_log import SyncLogModel, outcome_name, stage_name
from ui.views.intake.widgets import OK_STYLE, hint, list_table, named
from ui.workers import Database

_tabs = itertools.count(1)  # keys are global to the Database: one per tab object


class PlatformTab(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        sync: SyncController | None = None,
        native_dialogs: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("admin_platform")
        self.db, self.actor, self.sync = db, actor, sync
        self._key = f"admin-platform-{next(_tabs)}"
        self.enrollment: Enrollment | None = None
        self.enroll_dialog: EnrollDialog | None = None
        self.running = False
        self.cancelling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._device_box())
        layout.addWidget(self._sync_box())
        layout.addWidget(self._log_box(), 1)
        if sync is not None:
            sync.progress.connect(self._on_progress)
            sync.finished.connect(self._on_finished)
            self.running = sync.busy
        self._update_buttons()

    # --- layout ------------------------------------------------------------------------------------
    def _device_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This counter"))
        self.server_label = self._value(self.tr("Platform address"))
        self.device_id_label = self._value(self.tr("Device id"))
        self.device_name_label = self._value(self.tr("Counter name"))
        self.office_label = self._value(self.tr("Office"))
        self.prefix_label = self._value(self.tr("Receipt prefix"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.enroll_button = named(QPushButton(self.tr("&Enroll…")), self.tr("Enroll this counter"))
        self.enroll_button.clicked.connect(self.open_enroll)
        form = QFormLayout()
        form.addRow(self.tr("Platform address:"), self.server_label)
        form.addRow(self.tr("Device id:"), self.device_id_label)
        form.addRow(self.tr("Counter name:"), self.device_name_label)
        form.addRow(self.tr("Office:"), self.office_label)
        form.addRow(self.tr("Receipt prefix:"), self.prefix_label)
        row = QHBoxLayout()
        row.addWidget(self.enroll_button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addWidget(self.state_label)
        inner.addLayout(row)
        return box

    def _sync_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sync"))
        self.sync_button = named(QPushButton(self.tr("Sync no&w")), self.tr("Sync now"))
        self.full_button = named(
            QPushButton(self.tr("&Full sync and verify")),
            self.tr("Full sync and verify"),
            self.tr(
                "Download the office's data again from the platform and compare; nothing waiting is lost"
            ),
        )
        self.cancel_button = named(QPushButton(self.tr("&Cancel sync")), self.tr("Cancel the running sync"))
        self.sync_button.clicked.connect(self.sync_now)
        self.full_button.clicked.connect(self.full_sync)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.progress_bar = named(QProgressBar(), self.tr("Sync progress"))
        self.progress_bar.setVisible(False)
        self.stage_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.full_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(
            hint(
                self.tr(
                    "The counter syncs by itself when the platform is reachable. Full sync and verify "
                    "downloads the office's data again and checks that this counter holds exactly what the "
                    "platform holds; what waits to be sent is kept and sent first."
                )
            )
        )
        inner.addLayout(buttons)
        inner.addWidget(self.progress_bar)
        inner.addWidget(self.stage_label)
        inner.addWidget(self.result_label)
        return box

    def _log_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Last syncs"))
        self.log_model = SyncLogModel(self)
        self.log_table = list_table(self.tr("Last syncs"))
        self.log_table.setModel(self.log_model)
        self.log_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log_table.horizontalHeader().setStretchLastSection(True)  # the error's text takes the rest
        self.log_message = QLabel()
        self.log_message.setStyleSheet(ERROR_STYLE)
        self.log_message.setVisible(False)
        inner = QVBoxLayout(box)
        inner.addWidget(self.log_table, 1)
        inner.addWidget(self.log_message)
        return box

    @staticmethod
    def _value(name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- reading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
        actor = self.actor

        def read(counter: Counter) -> tuple[Enrollment | None, list[SyncRun]]:
            return counter.enrollment.current(), counter.sync_log.recent(actor)

        self.db.submit(read, self._show, self._read_failed, key=self._key, owner=self)

    def _show(self, result: tuple[Enrollment | None, list[SyncRun]]) -> None:
        enrollment, runs = result
        self.enrollment = enrollment
        self.log_message.setVisible(False)
        none = self.tr("—")
        if enrollment is None:
            for label in (self.server_label, self.device_id_label, self.device_name_label):
                label.setText(none)
            self.office_label.setText(none)
            self.prefix_label.setText(none)
            self._state(self.tr("Not enrolled: everything is kept on this computer until it is."), False)
        else:
            self.server_label.setText(enrollment.server_url)
            self.device_id_label.setText(enrollment.device_id)
            self.device_name_label.setText(enrollment.device_name or none)
            self.office_label.setText(
                fill(self.tr("%1 (%2)"), enrollment.office_name, enrollment.office_code)
            )
            self.prefix_label.setText(enrollment.receipt_prefix)
            if enrollment.revoked_at:
                self._state(
                    fill(
                        self.tr("The platform revoked this device on %1: enroll it again with a new code."),
                        enrollment.revoked_at[:10],
                    ),
                    False,
                )
            else:
                self._state(self.tr("Enrolled."), True)
        self.log_model.set_runs(runs)
        self._update_buttons()

    def _state(self, text: str, good: bool) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(OK_STYLE if good else ERROR_STYLE)

    def _read_failed(self, error: BaseException) -> None:
        self.log_message.setText(error_text(error))
        self.log_message.setVisible(True)

    # --- enrolling ---------------------------------------------------------------------------------
    def open_enroll(self) -> None:
        if self.enroll_dialog is not None and self.enroll_dialog.isVisible():
            self.enroll_dialog.raise_()
            return
        server = self.enrollment.server_url if self.enrollment is not None else ""
        self.enroll_dialog = EnrollDialog(self.db, self.actor, server, self)
        self.enroll_dialog.enrolled.connect(self._enrolled)
        self.enroll_dialog.open()

    def _enrolled(self, enrollment: Enrollment) -> None:
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(
            fill(self.tr("Enrolled with %1 (%2)."), enrollment.office_name, enrollment.office_code)
        )
        self.reload()
        if self.sync is not None and self.sync.may_sync(self.actor):
            self.sync.start()  # a scheduler not running yet (never enrolled before) starts now

    # --- syncing -----------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self._ask(full=False)

    def full_sync(self) -> None:
        self._ask(full=True)

    def _ask(self, *, full: bool) -> None:
        if self.sync is None or self.running:
            return
        try:
            if full:
                self.sync.full_sync(self.actor)
            else:
                self.sync.sync_now(self.actor)
        except Exception as exc:  # PermissionDenied, shown in words
            self._result(error_text(exc), False)
            return
        if self.sync.online is False:
            self._result(
                self.tr("The platform cannot be reached now; the counter syncs as soon as it is back."), False
            )
            return
        self.result_label.clear()
        self.running = True
        self.stage_label.setText(self.tr("Starting…"))
        self._busy_bar()
        self._update_buttons()

    def cancel_sync(self) -> None:
        if self.sync is None or not self.running:
            return
        self.sync.cancel()
        self.cancelling = True
        self.stage_label.setText(self.tr("Cancelling at the next safe point…"))
        self.cancel_button.setEnabled(False)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "done":
            return  # the report follows
        if not self.running:
            self.running = True
            self._update_buttons()
        if not self.cancelling:
            self.stage_label.setText(stage_name(stage))
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setVisible(True)
        else:
            self._busy_bar()

    def _on_finished(self, report: dict) -> None:
        self.running = self.cancelling = False
        self.progress_bar.setVisible(False)
        self.stage_label.clear()
        self._result(*self._report_text(report))
        self._update_buttons()
        self.reload()

    def _report_text(self, report: dict) -> tuple[str, bool]:
        outcome = str(report.get("outcome"))
        counts = fill(
            self.tr("sent %1, received %2, conflicts %3, refused %4"),
            report.get("pushed", 0),
            report.get("pulled", 0),
            report.get("conflicts", 0),
            report.get("rejected", 0),
        )
        if outcome == "cancelled":
            return (
                fill(
                    self.tr("Cancelled (%1). What was sent or received stays; the next sync does the rest."),
                    counts,
                ),
                False,
            )
        text = fill(self.tr("%1: %2."), outcome_name(outcome), counts)
        verified = report.get("verified")
        if verified is True:
            return text + " " + self.tr("Verified: this counter holds exactly the platform's records."), True
        if verified is False:
            return (
                text
                + " "
                + self.tr(
                    "Verification found differences: run Full sync and verify; if they remain, call support."
                ),
                False,
            )
        return text, outcome == "ok"

    def _result(self, text: str, good: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if good else ERROR_STYLE)

    def _busy_bar(self) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)

    def _update_buttons(self) -> None:
        enrolled = self.enrollment is not None and not self.enrollment.revoked_at
        can_sync = self.sync is not None and self.sync.may_sync(self.actor) and enrolled
        self.sync_button.setEnabled(can_sync and not self.running)
        self.full_button.setEnabled(can_sync and not self.running)
        self.cancel_button.setEnabled(self.sync is not None and self.running and not self.cancelling)
        self.enroll_button.setEnabled(not self.running)
