"""First start: create the office's first administrator account."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from counter_app.accounts import MIN_PASSWORD_LENGTH, Actor, validate_username
from counter_app.errors import CounterError, ValidationError
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.i18n import error_text, password_too_short_text, validation_text
from ui.workers import Database


class FirstAdminDialog(QDialog):
    """Asks for the first administrator's user name, display name and password (twice).

    Messages appear under the field at fault while typing (password too short, passwords differ)
    and when the core refuses a value. Enter submits. Runs on the UI thread: creating the account
    is one ~50 ms password hash and one small transaction.
    """

    created = Signal(object)  # the new administrator's Actor, logged in

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.creating = False  # the account is being created on the database thread
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.setMinimumWidth(440)

        intro = QLabel(
            self.tr(
                "Welcome to Counter. This office has no staff account yet: create the administrator, "
                "who then adds the accounts of the counter staff."
            )
        )
        intro.setWordWrap(True)

        self.username = line_edit(self.tr("User name"), max_length=32)
        self.username.setPlaceholderText(self.tr("letters, digits, '.', '_' or '-'"))
        self.display_name = line_edit(self.tr("Display name"), max_length=64)
        self.display_name.setPlaceholderText(self.tr("the name shown to colleagues, e.g. 王芳"))
        self.password = line_edit(self.tr("Password"), password=True)
        self.password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        self.confirm = line_edit(self.tr("Confirm password"), password=True)

        self.username_message = MessageLabel(self.tr("User name message"))
        self.password_message = MessageLabel(self.tr("Password message"))
        self.confirm_message = MessageLabel(self.tr("Confirm password message"))
        self.form_message = MessageLabel(self.tr("Message"))

        form = QFormLayout()
        form.addRow(
            self._label(self.tr("&User name:"), self.username),
            with_message(self.username, self.username_message),
        )
        form.addRow(self._label(self.tr("&Display name:"), self.display_name), self.display_name)
        form.addRow(
            self._label(self.tr("&Password:"), self.password),
            with_message(self.password, self.password_message),
        )
        form.addRow(
            self._label(self.tr("&Confirm password:"), self.confirm),
            with_message(self.confirm, self.confirm_message),
        )

        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setAccessibleName(self.tr("Create administrator"))
        self.submit_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setAccessibleName(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)

        self.username.textEdited.connect(self._check_username)
        self.password.textChanged.connect(self._check_password)
        self.password.textChanged.connect(self._check_confirm)
        self.confirm.textChanged.connect(self._check_confirm)
        self.username.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # --- live checks: say what is wrong while typing, quietly while a field is still empty -----------
    def _check_username(self) -> bool:
        text = self.username.text()
        try:
            if text.strip():
                validate_username(text)
        except ValidationError as exc:
            self.username_message.show_message(validation_text(exc))
            return False
        self.username_message.clear_message()
        return True

    def _check_password(self) -> bool:
        text = self.password.text()
        if text and len(text) < MIN_PASSWORD_LENGTH:
            self.password_message.show_message(password_too_short_text())
            return False
        self.password_message.clear_message()
        return True

    def _check_confirm(self) -> bool:
        text = self.confirm.text()
        if text and text != self.password.text():
            self.confirm_message.show_message(self.tr("The two passwords do not match."))
            return False
        self.confirm_message.clear_message()
        return True

    # --- submit -------------------------------------------------------------------------------------
    def submit(self) -> None:
        """Check everything, then ask the core to create the account; on success, accept."""
        self.form_message.clear_message()
        problems = []
        if not self.username.text().strip():
            required = ValidationError("username", "a user name is required", code="required")
            self.username_message.show_message(validation_text(required))
            problems.append(self.username)
        elif not self._check_username():
            problems.append(self.username)
        if not self.password.text():
            self.password_message.show_message(password_too_short_text())
            problems.append(self.password)
        elif not self._check_password():
            problems.append(self.password)
        if self.confirm.text() != self.password.text():
            self.confirm_message.show_message(self.tr("The two passwords do not match."))
            problems.append(self.confirm)
        if problems:
            problems[0].setFocus()
            return
        if self.creating:
            return
        username, display_name = self.username.text().strip(), self.display_name.text().strip()
        password = self.password.text()
        self._set_creating(True)

        def create(counter):
            # and log in: the walk goes on as this administrator, and the login is audited like any
            counter.accounts.create_first_admin(username, display_name, password)
            return counter.accounts.login(username, password)

        self._db.submit(create, self._created, self._failed)

    def _set_creating(self, on: bool) -> None:
        self.creating = on
        self.submit_button.setEnabled(not on)

    def _failed(self, exc: BaseException) -> None:
        self._set_creating(False)
        if isinstance(exc, ValidationError):
            self._show_refusal(exc)
        elif isinstance(exc, CounterError):
            self.form_message.show_message(error_text(exc))
        else:
            raise exc

    def _created(self, actor: Actor) -> None:
        self._set_creating(False)
        self.actor = actor
        self.created.emit(actor)
        self.accept()

    def _show_refusal(self, error: ValidationError) -> None:
        targets = {
            "username": (self.username, self.username_message),
            "password": (self.password, self.password_message),
        }
        field, message = targets.get(error.field, (None, self.form_message))
        message.show_message(validation_text(error))
        if field is not None:
            field.setFocus()
            field.selectAll()
