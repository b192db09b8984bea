"""Enrolling this counter with an office of the platform, for the windows that do it (the first
start's last step, the Admin page's Platform tab): the form both show (:class:`EnrollForm`), its two
halves, and words for what can go wrong.

Two halves on two threads, so neither the window nor the database waits on the network: the HTTP
request (:func:`request`) runs on a pool thread (``ui.workers.run_in_background``), and only the
short save of the reply (:func:`save`) on the database thread (``db.submit``). Refusals of the
platform (a wrong, used or expired code) and an unreachable server come back as a
:class:`ValidationError` naming the field to correct, as the command line reports them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.services.enrollment import Enrollment
from sync import protocol as p
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.i18n import error_text
from ui.workers import Database, run_in_background

translate = QCoreApplication.translate


def request(server: str, code: str, device_name: str | None) -> p.EnrollResponse:
    """The HTTP half (any thread but the UI's; it touches no Counter): the platform's refusals as
    field errors."""
    from sync.engine import request_enrollment
    from sync.transport import Refused, TransportError

    try:
        return request_enrollment(server, code, device_name)
    except Refused as exc:
        raise ValidationError(exc.field or "code", exc.message, code=exc.code) from exc
    except TransportError as exc:
        raise ValidationError("server", f"cannot reach {server}: {exc}", code="unreachable") from exc


def save(
    counter: Counter, actor: Actor, server: str, reply: p.EnrollResponse, device_name: str | None
) -> Enrollment:
    """The local half (the database thread): the enrollment kept, the token in the keyring, audited.
    The core checks that ``actor`` may enroll (the administrator)."""
    from sync.engine import save_enrollment

    save_enrollment(counter, actor, server, reply, device_name)
    enrollment = counter.enrollment.current()
    assert enrollment is not None
    return enrollment


def enrollment_error_text(error: BaseException) -> str:
    """A sentence about a failed enrollment, for the field it names."""
    code = getattr(error, "code", "")
    texts = {
        "enroll_code_invalid": translate(
            "Enrollment", "This enrollment code is not known to the platform: check it for typos."
        ),
        "enroll_code_used": translate(
            "Enrollment", "This enrollment code was used already: ask the platform for a new one."
        ),
        "enroll_code_expired": translate(
            "Enrollment", "This enrollment code has expired: ask the platform for a new one."
        ),
        "unreachable": translate(
            "Enrollment", "The platform cannot be reached at this address: check it and the network."
        ),
        "other_office": translate(
            "Enrollment",
            "This computer holds the records of another office: it cannot be enrolled with this one.",
        ),
    }
    return texts.get(code) or error_text(error)


class EnrollForm(QWidget):
    """The platform's address, the one-time code and a name for this counter, with a message under
    each field and one for the form. :meth:`enroll` checks them, asks the platform on a pool thread
    and saves the reply on the database thread; ``enrolled(Enrollment)`` when the profile kept it,
    ``working_changed(bool)`` while that runs. What goes wrong is shown under the field it names.
    The dialog around it supplies the buttons. UI thread only."""

    enrolled = Signal(object)
    working_changed = Signal(bool)

    def __init__(self, db: Database, actor: Actor, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        form.setContentsMargins(0, 0, 0, 0)
        for text, edit, message in (
            (self.tr("Platform &address:"), self.server, self.server_message),
            (self.tr("Enrollment &code:"), self.code, self.code_message),
            (self.tr("Counter na&me:"), self.device_name, None),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, with_message(edit, message) if message is not None else edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)

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

        # the network off the UI and database threads; only the short save on the database thread
        run_in_background(lambda: request(server, code, name), received, self._failed, owner=self)

    def _saved(self, enrollment: Enrollment) -> None:
        self._set_working(False)
        self.enrolled.emit(enrollment)

    def _failed(self, error: BaseException) -> None:
        self._set_working(False)
        field = error.field if isinstance(error, ValidationError) else ""
        target = {"server": (self.server, self.server_message), "code": (self.code, self.code_message)}
        edit, message = target.get(field, (None, self.message))
        if edit is None:
            message.show_message(enrollment_error_text(error))
            return
        self._show(edit, message, enrollment_error_text(error))

    @staticmethod
    def _show(edit: QLineEdit, message: MessageLabel, text: str) -> None:
        message.show_message(text)
        edit.setFocus()
        edit.selectAll()

    def _set_working(self, on: bool) -> None:
        self.working = on
        self.working_changed.emit(on)
