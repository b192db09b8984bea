"""Enrolling this counter from the Platform tab: the platform's address, the one-time code, a name.

Two halves on two threads, so neither the window nor the database waits on the network: the HTTP
request (``sync.engine.request_enrollment``) runs on a pool thread (``run_in_background``), and only
the short save of the reply (settings, the token into the keyring, the audit event) runs on the
database thread (``db.submit``) — the database serves the other pages meanwhile. What goes wrong is
shown under the field it names, in the words the first start uses (``ui.enrollment``): a wrong, used
or expired code and a code of another office (or a profile holding another office's records) under
the code; an unreachable platform under the address.

The core checks that the actor may enroll (``MANAGE_KEYS``: the administrator). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.errors import ValidationError
from counter_app.services.enrollment import Enrollment
from sync import protocol as p
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.enrollment import enrollment_error_text, request, save
from ui.views.intake.widgets import hint
from ui.workers import Database, run_in_background


class EnrollDialog(QDialog):
    """``enrolled(Enrollment)`` when the platform enrolled this counter and the profile kept it."""

    enrolled = Signal(object)

    def __init__(self, db: Database, actor: Actor, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enroll_dialog")
        self.setWindowTitle(self.tr("Enroll this counter"))
        self.db, self.actor = db, actor
        self.working = False
        self.server = line_edit(self.tr("Platform address"), max_length=200)
        self.server.setPlaceholderText("https://")
        self.server.setText(server)
        self.code = line_edit(self.tr("One-time enrollment code"), max_length=64)
        self.device_name = line_edit(self.tr("Name of this counter"), max_length=64)
        self.device_name.setPlaceholderText(self.tr("e.g. 1号窗口"))
        self.server_message = MessageLabel(self.tr("Platform address message"))
        self.code_message = MessageLabel(self.tr("Enrollment code message"))
        self.message = MessageLabel(self.tr("Message"))
        form = QFormLayout()
        form.addRow(
            _buddy(self.tr("Platform &address:"), self.server), with_message(self.server, self.server_message)
        )
        form.addRow(
            _buddy(self.tr("Enrollment &code:"), self.code), with_message(self.code, self.code_message)
        )
        form.addRow(_buddy(self.tr("Counter na&me:"), self.device_name), self.device_name)
        buttons = QDialogButtonBox()
        self.enroll_button = buttons.addButton(self.tr("Enroll"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.enroll)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "The platform's operator gives the office a one-time code. Enrolling again with the same "
                    "office keeps everything; a profile that holds another office's records cannot be "
                    "enrolled with a new office."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def enroll(self) -> None:
        if self.working:
            return
        for message in (self.server_message, self.code_message, self.message):
            message.clear_message()
        server, code = self.server.text().strip(), self.code.text().strip()
        name = self.device_name.text().strip() or None
        if not server:
            self._show(self.server, self.server_message, self.tr("Enter the platform's address."))
            return
        if not server.startswith(("http://", "https://")):
            self._show(
                self.server, self.server_message, self.tr("The address starts with https:// (or http://).")
            )
            return
        if not code:
            self._show(self.code, self.code_message, self.tr("Enter the enrollment code."))
            return
        self._set_working(True)
        actor = self.actor

        def received(reply: p.EnrollResponse) -> None:
            self.db.submit(
                lambda counter: save(counter, actor, server, reply, name), self._saved, self._failed
            )

        run_in_background(lambda: request(server, code, name), received, self._failed, owner=self)

    def _saved(self, enrollment: Enrollment) -> None:
        self._set_working(False)
        self.enrolled.emit(enrollment)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_working(False)
        field = error.field if isinstance(error, ValidationError) else ""
        target = {"server": (self.server, self.server_message), "code": (self.code, self.code_message)}
        edit, message = target.get(field, (None, self.message))
        if edit is None:
            message.show_message(enrollment_error_text(error))
            return
        self._show(edit, message, enrollment_error_text(error))

    def _show(self, edit: QWidget, message: MessageLabel, text: str) -> None:
        message.show_message(text)
        edit.setFocus()
        select_all = getattr(edit, "selectAll", None)
        if callable(select_all):
            select_all()

    def _set_working(self, on: bool) -> None:
        self.working = on
        self.enroll_button.setEnabled(not on)
        self.enroll_button.setText(self.tr("Enrolling…") if on else self.tr("Enroll"))


def _buddy(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
