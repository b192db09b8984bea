"""First start for a real office, after the administrator's account: the office's details on
notices, then enrollment with the platform (or "later: work offline").

The walk (``ui/app.py``): :class:`~ui.dialogs.first_admin.FirstAdminDialog` creates the
administrator and logs them in; this dialog asks the rest; the main window then opens on the Admin
page, whose checklist says what is left (add staff, choose the backup folder, ...). Every step
is a use case of the core on the database thread (``db.submit``); the enrollment's HTTP request runs
on a pool thread (``ui.enrollment``); nothing here blocks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.enrollment import EnrollForm
from ui.i18n import error_text
from ui.views.intake.widgets import heading, hint
from ui.workers import Database

OFFICE, PLATFORM = 0, 1


class OfficeSetupDialog(QDialog):
    """Two steps: the office's name and contact for notices; enrolling this counter.

    ``done_setup(actor)`` when the administrator finished (enrolled, or chose to work offline);
    ``rejected`` when they closed the dialog (the app still opens: the checklist remembers).
    """

    done_setup = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.actor = db, actor
        self.working = False
        self.setWindowTitle(self.tr("Set up this office"))
        self.setMinimumWidth(520)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._office_step())
        self.steps.addWidget(self._platform_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self._db.submit(lambda counter: counter.office_settings.get(), self._show_settings)

    # --- step 1: the office on notices ------------------------------------------------------------
    def _office_step(self) -> QWidget:
        page = QWidget()
        self.office_name = line_edit(self.tr("Office name on notices"), max_length=60)
        self.office_name.setPlaceholderText(self.tr("e.g. 青山镇便民服务中心"))
        self.office_contact = line_edit(self.tr("Office contact on notices"), max_length=120)
        self.office_contact.setPlaceholderText(
            self.tr("telephone and address, e.g. 0571-1234567 青山镇政府一楼")
        )
        self.office_name_message = MessageLabel(self.tr("Office name message"))
        self.office_contact_message = MessageLabel(self.tr("Office contact message"))
        form = QFormLayout()
        form.addRow(
            _buddy(self.tr("Office &name:"), self.office_name),
            with_message(self.office_name, self.office_name_message),
        )
        form.addRow(
            _buddy(self.tr("&Contact:"), self.office_contact),
            with_message(self.office_contact, self.office_contact_message),
        )
        buttons = QDialogButtonBox()
        self.office_next = buttons.addButton(self.tr("Next"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.office_next.setDefault(True)
        buttons.accepted.connect(self.save_office)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Step 2 of 3: the office")))
        layout.addWidget(
            hint(
                self.tr(
                    "Notices given to citizens (acceptance receipts, one-time notices, refusals) carry the "
                    "office's name and how to reach it."
                )
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _show_settings(self, settings: object) -> None:
        self._settings = settings
        if not self.office_name.text():
            self.office_name.setText(getattr(settings, "notice_office_name", "") or "")
        if not self.office_contact.text():
            self.office_contact.setText(getattr(settings, "office_contact", "") or "")

    def save_office(self) -> None:
        if self.working:
            return
        name, contact = self.office_name.text().strip(), self.office_contact.text().strip()
        self.office_name_message.clear_message()
        self.office_contact_message.clear_message()
        if not name:
            self.office_name_message.show_message(self.tr("Enter the office's name."))
            self.office_name.setFocus()
            return
        actor = self.actor

        def save(counter):
            current = counter.office_settings.get()
            counter.office_settings.save(
                actor, replace(current, notice_office_name=name, office_contact=contact)
            )

        self._set_working(True)
        self._db.submit(save, self._office_saved, self._office_failed)

    def _office_saved(self, _result: object) -> None:
        self._set_working(False)
        self.steps.setCurrentIndex(PLATFORM)
        self.server.setFocus()

    def _office_failed(self, error: BaseException) -> None:
        self._set_working(False)
        target = self.office_contact_message if getattr(error, "field", "") == "office_contact" else None
        (target or self.office_name_message).show_message(error_text(error))

    # --- step 2: the platform ---------------------------------------------------------------------
    def _platform_step(self) -> QWidget:
        page = QWidget()
        self.enroll_form = form = EnrollForm(self._db, self.actor)
        self.server, self.code, self.device_name = form.server, form.code, form.device_name
        self.server_message, self.code_message, self.platform_message = (
            form.server_message,
            form.code_message,
            form.message,
        )
        form.working_changed.connect(self._set_working)
        form.enrolled.connect(self._enrolled)
        buttons = QDialogButtonBox()
        self.enroll_button = buttons.addButton(self.tr("Enroll"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setDefault(True)
        self.offline_button = buttons.addButton(
            self.tr("Later: work offline"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(form.enroll)
        self.offline_button.clicked.connect(self.work_offline)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Step 3 of 3: the platform")))
        layout.addWidget(
            hint(
                self.tr(
                    "Enroll this counter with the government service platform with the one-time code the "
                    "platform's operator gave the office. Without it, everything is kept on this computer "
                    "and sent once the counter is enrolled (Admin page, Platform)."
                )
            )
        )
        layout.addWidget(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def enroll(self) -> None:
        self.enroll_form.enroll()

    def _enrolled(self, _enrollment: object) -> None:
        self.done_setup.emit(self.actor)
        self.accept()

    def work_offline(self) -> None:
        self.done_setup.emit(self.actor)
        self.accept()

    def _set_working(self, on: bool) -> None:
        self.working = on
        self.office_next.setEnabled(not on)
        self.enroll_button.setEnabled(not on)


def _buddy(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
