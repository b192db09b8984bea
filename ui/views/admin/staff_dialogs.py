"""The Staff tab's small dialogs: add or edit an account, reset a password to a temporary one.

Each dialog is opened with ``open()`` (window-modal, never blocking a caller), checks what it can
while typing, sends the change to the core through ``db.submit`` and shows a refusal next to the
field the core names. ``saved`` is emitted (and the dialog accepted) once the core has written it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import MIN_PASSWORD_LENGTH, Actor, Role
from counter_app.errors import CounterError, ValidationError
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.i18n import error_text, fill, password_too_short_text, role_name, translate, validation_text
from ui.workers import Database

ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)


def staff_error_text(error: BaseException) -> str:
    """Words for the refusals of the staff tasks, beyond what ``error_text`` says for any form."""
    if isinstance(error, ValidationError):
        if error.code == "last_admin" and error.field == "role":
            return translate(
                "Staff",
                "This is the only active administrator: make another account an administrator first.",
            )
        if error.code == "last_admin":
            return translate(
                "Staff", "The only active administrator cannot be locked: the office would have none."
            )
        if error.code == "own_account":
            return translate("Staff", "Change your own password with your current one, not by a reset.")
        if error.field == "display_name" and error.code == "too_long":
            return translate("Staff", "The display name is too long.")
        if error.field == "display_name" and error.code == "required":
            return translate("Staff", "Enter the name colleagues know this person by.")
    return error_text(error)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class _StaffDialog(QDialog):
    """What both dialogs share: buttons, a form-wide message, waiting for the core."""

    saved = Signal(object)  # what the core returned (or the user name), once written

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None, submit_text: str) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.saving = False
        self.form_message = MessageLabel(self.tr("Message"))
        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(submit_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setAccessibleName(submit_text)
        self.submit_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.targets: dict[str, tuple[QWidget, MessageLabel]] = {}

    def submit(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def _send(self, work, key: str) -> None:
        self.saving = True
        self.submit_button.setEnabled(False)
        self.db.submit(work, self._done, self._failed, key=key, owner=self)

    def _done(self, result: object) -> None:
        self.saving = False
        self.submit_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.submit_button.setEnabled(True)
        if not isinstance(error, CounterError):
            self.form_message.show_message(error_text(error))
            raise error
        field = getattr(error, "field", None)
        widget, message = self.targets.get(field or "", (None, self.form_message))
        message.show_message(staff_error_text(error))
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _clear_messages(self) -> None:
        self.form_message.clear_message()
        for _widget, message in self.targets.values():
            message.clear_message()

    def _check_passwords(self, password: QLineEdit, confirm: QLineEdit) -> bool:
        """Too short, or the two differ: said under the field, and False."""
        password_message, confirm_message = self.targets["password"][1], self.targets["confirm"][1]
        if len(password.text()) < MIN_PASSWORD_LENGTH:
            password_message.show_message(password_too_short_text())
            password.setFocus()
            return False
        if password.text() != confirm.text():
            confirm_message.show_message(self.tr("The two passwords do not match."))
            confirm.setFocus()
            confirm.selectAll()
            return False
        return True


class UserDialog(_StaffDialog):
    """Add an account (user name, display name, role, password twice), or — given ``member``, a
    ``StaffMember`` — edit its display name and role (the user name stays)."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, member: object | None = None
    ) -> None:
        self.member = member
        adding = member is None
        super().__init__(db, actor, parent, self.tr("Add") if adding else self.tr("Save"))
        self.setWindowTitle(self.tr("Add a staff account") if adding else self.tr("Edit a staff account"))
        self.setMinimumWidth(420)

        self.username = line_edit(self.tr("User name"), max_length=32)
        self.username.setPlaceholderText(self.tr("letters, digits, '.', '_' or '-'"))
        self.display_name = line_edit(self.tr("Display name"), max_length=64)
        self.display_name.setPlaceholderText(self.tr("the name shown to colleagues, e.g. 王芳"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in ROLES:
            self.role.addItem(role_name(role), role.value)
        self.password = line_edit(self.tr("Password"), password=True)
        self.password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        self.confirm = line_edit(self.tr("Confirm password"), password=True)
        for name, widget, accessible in (
            ("username", self.username, self.tr("User name message")),
            ("display_name", self.display_name, self.tr("Display name message")),
            ("role", self.role, self.tr("Role message")),
            ("password", self.password, self.tr("Password message")),
            ("confirm", self.confirm, self.tr("Confirm password message")),
        ):
            self.targets[name] = (widget, MessageLabel(accessible))

        form = QFormLayout()
        rows = [("username", self.tr("&User name:")), ("display_name", self.tr("&Display name:"))]
        rows.append(("role", self.tr("&Role:")))
        if adding:
            rows += [("password", self.tr("&Password:")), ("confirm", self.tr("&Confirm password:"))]
        for name, text in rows:
            widget, message = self.targets[name]
            form.addRow(_label(text, widget), with_message(widget, message))
        if not adding:
            self.username.setText(member.username)  # type: ignore[union-attr]
            self.username.setReadOnly(True)
            self.display_name.setText(member.display_name)  # type: ignore[union-attr]
            self.role.setCurrentIndex(max(0, self.role.findData(member.role)))  # type: ignore[union-attr]

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        (self.username if adding else self.display_name).setFocus()

    def choose_role(self, role: Role) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def submit(self) -> None:
        if self.saving:
            return
        self._clear_messages()
        actor, display_name, role = (
            self.actor,
            self.display_name.text().strip(),
            Role(self.role.currentData()),
        )
        if self.member is not None:
            username = self.member.username  # type: ignore[attr-defined]
            self._send(
                lambda counter: counter.accounts.edit_user(
                    actor, username, display_name=display_name, role=role
                ),
                key=f"admin.staff.edit.{username}",
            )
            return
        username = self.username.text().strip()
        if not username:
            required = ValidationError("username", "a user name is required", code="required")
            self.targets["username"][1].show_message(validation_text(required))
            self.username.setFocus()
            return
        if not self._check_passwords(self.password, self.confirm):
            return
        password = self.password.text()
        self._send(
            lambda counter: counter.accounts.add_user(actor, username, display_name, role, password),
            key="admin.staff.add",
        )


class ResetPasswordDialog(_StaffDialog):
    """A temporary password, twice, for ``username``: tell it to the person, who must choose their own
    at the next login. Resetting also unlocks the account."""

    def __init__(self, db: Database, actor: Actor, username: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent, self.tr("Reset password"))
        self.username = username
        self.setWindowTitle(self.tr("Reset a password"))
        self.setMinimumWidth(420)
        intro = QLabel(
            fill(
                self.tr(
                    "Give %1 a temporary password and tell it to them in person. At their next login "
                    "they must choose a new one. The account is unlocked too."
                ),
                username,
            )
        )
        intro.setWordWrap(True)
        self.password = line_edit(self.tr("Temporary password"), password=True)
        self.password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        self.confirm = line_edit(self.tr("Confirm temporary password"), password=True)
        self.targets["password"] = (self.password, MessageLabel(self.tr("Temporary password message")))
        self.targets["confirm"] = (self.confirm, MessageLabel(self.tr("Confirm password message")))
        self.targets["username"] = (self.password, self.form_message)  # e.g. one's own account
        form = QFormLayout()
        for name, text in (("password", self.tr("&Temporary password:")), ("confirm", self.tr("&Confirm:"))):
            widget, message = self.targets[name]
            form.addRow(_label(text, widget), with_message(widget, message))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def submit(self) -> None:
        if self.saving:
            return
        self._clear_messages()
        if not self._check_passwords(self.password, self.confirm):
            return
        actor, username, password = self.actor, self.username, self.password.text()

        def reset(counter) -> str:
            counter.accounts.reset_password(actor, username, password)
            return username

        self._send(reset, key=f"admin.staff.reset.{username}")
