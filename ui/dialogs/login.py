"""Logging in: user name and password."""

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

from counter_app.accounts import Actor, Role
from counter_app.errors import CounterError
from ui.dialogs.fields import MessageLabel, line_edit
from ui.i18n import error_text, fill, role_name
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
    """

    logged_in = Signal(object)  # the Actor

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

        form = QFormLayout()
        for text, field in ((self.tr("&User name:"), self.username), (self.tr("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)

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
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        (self.password if username else self.username).setFocus()

    def _demo_hint(self, credentials: Sequence[DemoCredential]) -> QLabel:
        """The demo accounts and their passwords; a click on a user name fills the form. Hidden
        (and empty) unless the app runs as the demo: real passwords are never shown anywhere."""
        hint = QLabel()
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

    def submit(self) -> None:
        """Check the password with the core; on success remember the actor, emit and accept."""
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
        self.password.clear()
        self.actor = actor
        self.logged_in.emit(actor)
        self.accept()

    def _refused(self, text: str) -> None:
        self.message.show_message(text)
        self.password.clear()
        self.password.setFocus()
