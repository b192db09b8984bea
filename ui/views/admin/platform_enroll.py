"""Enrolling this counter from the Platform tab: the platform's address, the one-time code, a name.

The form and its work are the first start's too (``ui.enrollment.EnrollForm``): the HTTP request on
a pool thread, the short save of the reply on the database thread, what goes wrong under the field
it names (a wrong, used or expired code, or another office's, under the code; an unreachable
platform under the address).

The core checks that the actor may enroll (``MANAGE_KEYS``: the administrator). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.services.enrollment import Enrollment
from ui.enrollment import EnrollForm
from ui.views.intake.widgets import hint
from ui.workers import Database


class EnrollDialog(QDialog):
    """``enrolled(Enrollment)`` when the platform enrolled this counter and the profile kept it."""

    enrolled = Signal(object)

    def __init__(self, db: Database, actor: Actor, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enroll_dialog")
        self.setWindowTitle(self.tr("Enroll this counter"))
        self.form = EnrollForm(db, actor, server)
        form = self.form
        self.server, self.code, self.device_name = form.server, form.code, form.device_name
        self.server_message, self.code_message, self.message = (
            form.server_message,
            form.code_message,
            form.message,
        )
        buttons = QDialogButtonBox()
        self.enroll_button = buttons.addButton(self.tr("Enroll"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(form.enroll)
        buttons.rejected.connect(self.reject)
        form.working_changed.connect(self._show_working)
        form.enrolled.connect(self._enrolled)
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
        layout.addWidget(form)
        layout.addWidget(buttons)

    @property
    def working(self) -> bool:
        return self.form.working

    def enroll(self) -> None:
        self.form.enroll()

    def _enrolled(self, enrollment: Enrollment) -> None:
        self.enrolled.emit(enrollment)
        self.accept()

    def _show_working(self, on: bool) -> None:
        self.enroll_button.setEnabled(not on)
        self.enroll_button.setText(self.tr("Enrolling…") if on else self.tr("Enroll"))
