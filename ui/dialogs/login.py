"""Logging in: user name and password — and, after an administrator reset the password, choosing a
new one before anything else."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import MIN_PASSWORD_LENGTH, Actor, Role
from counter_app.errors import CounterError, ValidationError
from ui.dialogs.fields import MessageLabel, line_edit, with_message
from ui.i18n import error_text, fill, password_too_short_text, role_name, validation_text
from ui.workers import Database

DEMO_STYLE = "background: #e8f1fb; color: #123c69; border: 1px solid #9cc0e6; padding: 6px;"


class DemoCredential(Protocol):
    """A demo account whose password may be shown (``counter-app demo`` only)."""

    @property
    def username(self) -> str: ...

    @property
    def password(self) -> str: ...

    @property
    def role(self) -> Role: ...


class LoginDialog(QDialog):
    """Asks for a user name and password and checks them with the core.

    A refusal says only "wrong user name or password" or "locked" — never which of the two was
    wrong, nor how many attempts are left. Enter submits. The check (a ~50 ms password hash and a
    small write) runs on the database thread; the form waits for its answer, refusing a second
    submit meanwhile.

    When an administrator reset the password, the core lets the login through with an actor who
    ``must_change_password`` and may do nothing else: the dialog then asks for a new password twice
    (the temporary one just typed is the current one), and only the normal actor the change returns
    is emitted. "Back" (or Escape) from there returns to the login form, the password unchanged.
    """

    logged_in = Signal(object)  # the Actor, never one who must still change the password

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        username: str = "",
        demo_credentials: Sequence[DemoCredential] = (),
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.checking = False  # a login is being checked on the database thread
        self._demo_credentials = {item.username: item for item in demo_credentials}
        self.actor: Actor | None = None
        self.pending: Actor | None = None  # logged in with a temporary password: must change it first
        self._temporary = ""
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumWidth(380)

        title = QLabel(QApplication.applicationDisplayName())
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        title.setVisible(bool(title.text()))
        heading = QLabel(self.tr("Log in with your staff account."))
        heading.setWordWrap(True)

        self.username = line_edit(self.tr("User name"), max_length=32)
        self.username.setText(username)
        self.password = line_edit(self.tr("Password"), password=True)
        self.message = MessageLabel(self.tr("Login message"))
        self.demo_hint = self._demo_hint(demo_credentials)

        self.login_page = QWidget()
        form = QFormLayout(self.login_page)
        form.setContentsMargins(0, 0, 0, 0)
        for text, field in ((self.tr("&User name:"), self.username), (self.tr("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.change_page = self._change_page()

        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setAccessibleName(self.tr("Log in"))
        self.submit_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setAccessibleName(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(heading)
        layout.addWidget(self.login_page)
        layout.addWidget(self.change_page)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        (self.password if username else self.username).setFocus()

    def _demo_hint(self, credentials: Sequence[DemoCredential]) -> QLabel:
        """The demo accounts and their passwords; a click on a user name fills the form. Hidden
        (and empty) unless the app runs as the demo: real passwords are never shown anywhere."""
        hint = QLabel(self)  # parented: never a window of its own, not even for a moment
        hint.setAccessibleName(self.tr("Demo accounts"))
        hint.setWordWrap(True)
        hint.setStyleSheet(DEMO_STYLE)
        hint.setVisible(bool(credentials))
        if not credentials:
            return hint
        lines = [html.escape(self.tr("Demo mode: these accounts hold made-up data only."))]
        for item in credentials:
            link = f'<a href="{html.escape(item.username)}">{html.escape(item.username)}</a>'
            lines.append(
                fill(
                    html.escape(self.tr("%1: user name %2, password %3")),
                    html.escape(role_name(item.role)),
                    link,
                    html.escape(item.password),
                )
            )
        hint.setTextFormat(Qt.TextFormat.RichText)
        hint.setText("<br>".join(lines))
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        hint.linkActivated.connect(self.fill_demo_account)
        return hint

    def fill_demo_account(self, username: str) -> None:
        """Put a demo account's user name and password in the form (demo mode only)."""
        item = self._demo_credentials.get(username)
        if item is None:
            return
        self.username.setText(item.username)
        self.password.setText(item.password)
        self.submit_button.setFocus()

    def _change_page(self) -> QWidget:
        """The new password, twice: shown instead of the login form after a reset."""
        page = QWidget()
        page.setVisible(False)
        explanation = QLabel(
            self.tr(
                "An administrator reset your password. Choose a new password of your own to go on; "
                "nobody else should know it."
            )
        )
        explanation.setWordWrap(True)
        self.new_password = line_edit(self.tr("New password"), password=True)
        self.new_password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        self.repeat_password = line_edit(self.tr("Repeat the new password"), password=True)
        self.new_password_message = MessageLabel(self.tr("New password message"))
        self.repeat_password_message = MessageLabel(self.tr("Repeated password message"))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for text, field, message in (
            (self.tr("&New password:"), self.new_password, self.new_password_message),
            (self.tr("&Repeat it:"), self.repeat_password, self.repeat_password_message),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, with_message(field, message))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addLayout(form)
        return page

    @property
    def changing_password(self) -> bool:
        """The form asks for a new password (the login went through with a temporary one)."""
        return self.pending is not None

    def submit(self) -> None:
        """Check the password with the core; on success remember the actor, emit and accept. While a
        new password is asked for, check the two entries and change it instead."""
        if self.changing_password:
            self.submit_new_password()
            return
        name = self.username.text().strip()
        if not name:
            self.message.show_message(self.tr("Enter your user name and password."))
            self.username.setFocus()
            return
        if self.checking:
            return
        password = self.password.text()
        self._set_checking(True)
        self._db.submit(lambda counter: counter.accounts.login(name, password), self._accepted, self._failed)

    def _set_checking(self, on: bool) -> None:
        self.checking = on
        self.submit_button.setEnabled(not on)

    def _failed(self, exc: BaseException) -> None:
        self._set_checking(False)
        if not isinstance(exc, CounterError):  # a bug: say something, and let it be reported
            self._refused(self.tr("The login could not be checked. Try again."))
            raise exc
        self._refused(error_text(exc))  # AuthenticationFailed, AccountLocked, or the store refusing

    def _accepted(self, actor: Actor) -> None:
        self._set_checking(False)
        self.message.clear_message()
        if actor.must_change_password:
            self._temporary = self.password.text()
            self.password.clear()
            self._ask_for_new_password(actor)
            return
        self.password.clear()
        self._finish(actor)

    def _finish(self, actor: Actor) -> None:
        self.actor = actor
        self.logged_in.emit(actor)
        self.accept()

    # --- a new password after a reset ------------------------------------------------------------------
    def _ask_for_new_password(self, actor: Actor) -> None:
        self.pending = actor
        self.login_page.setVisible(False)
        self.demo_hint.setVisible(False)
        self.change_page.setVisible(True)
        self.setWindowTitle(self.tr("Choose a new password"))
        self.submit_button.setText(self.tr("Change password and log in"))
        self.submit_button.setAccessibleName(self.tr("Change password and log in"))
        self.quit_button.setText(self.tr("Back"))
        self.quit_button.setAccessibleName(self.tr("Back"))
        self.new_password.setFocus()
        # Hiding the focused password field passed the focus (and with it the default) to a button.
        self.submit_button.setDefault(True)

    def _back_to_login(self) -> None:
        self.pending = None
        self._temporary = ""
        for field in (self.new_password, self.repeat_password):
            field.clear()
        for message in (self.new_password_message, self.repeat_password_message, self.message):
            message.clear_message()
        self.change_page.setVisible(False)
        self.login_page.setVisible(True)
        self.demo_hint.setVisible(bool(self._demo_credentials))
        self.setWindowTitle(self.tr("Log in"))
        self.submit_button.setText(self.tr("Log in"))
        self.submit_button.setAccessibleName(self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit"))
        self.password.setFocus()
        self.submit_button.setDefault(True)

    def reject(self) -> None:
        """Quit — or, while a new password is asked for, go back to the login form."""
        if self.changing_password:
            if not self.checking:
                self._back_to_login()
            return
        super().reject()

    def submit_new_password(self) -> None:
        """Check the two entries agree, then change the password with the temporary one as current."""
        actor = self.pending
        if actor is None or self.checking:
            return
        self.message.clear_message()
        new, repeated = self.new_password.text(), self.repeat_password.text()
        self.new_password_message.clear_message()
        self.repeat_password_message.clear_message()
        if len(new) < MIN_PASSWORD_LENGTH:
            self.new_password_message.show_message(password_too_short_text())
            self.new_password.setFocus()
            return
        if new != repeated:
            self.repeat_password_message.show_message(self.tr("The two passwords do not match."))
            self.repeat_password.setFocus()
            self.repeat_password.selectAll()
            return
        temporary = self._temporary
        self._set_checking(True)
        self._db.submit(
            lambda counter: counter.accounts.change_own_password(actor, temporary, new),
            self._password_changed,
            self._change_failed,
        )

    def _password_changed(self, actor: Actor) -> None:
        self._set_checking(False)
        self.pending = None
        self._temporary = ""
        self.new_password.clear()
        self.repeat_password.clear()
        self._finish(actor)

    def _change_failed(self, exc: BaseException) -> None:
        self._set_checking(False)
        if not isinstance(exc, CounterError):
            self.message.show_message(self.tr("The password could not be changed. Try again."))
            raise exc
        if isinstance(exc, ValidationError) and exc.field == "password":
            if exc.code == "unchanged":
                text = self.tr("Choose a password different from the temporary one.")
            else:
                text = validation_text(exc)
            self.new_password_message.show_message(text)
            self.new_password.setFocus()
            self.new_password.selectAll()
            return
        # The temporary password no longer holds (reset again meanwhile), the account was locked...:
        # log in again.
        self._back_to_login()
        self.message.show_message(error_text(exc))

    def _refused(self, text: str) -> None:
        self.message.show_message(text)
        self.password.clear()
        self.password.setFocus()
