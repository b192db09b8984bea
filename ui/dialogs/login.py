"""Logging in: user name and password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.errors import CounterError
from counter_app.services.accounts import AccountService
from ui.dialogs.fields import MessageLabel, line_edit
from ui.i18n import error_text


class LoginDialog(QDialog):
    """Asks for a user name and password and checks them with the core.

    A refusal says only "wrong user name or password" or "locked" — never which of the two was
    wrong, nor how many attempts are left. Enter submits. Runs on the UI thread: a login is one
    ~50 ms password hash and a small write (the profile's connection belongs to this thread).
    """

    logged_in = Signal(object)  # the Actor

    def __init__(
        self, accounts: AccountService, parent: QWidget | None = None, *, username: str = ""
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
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
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        """Check the password with the core; on success remember the actor, emit and accept."""
        name = self.username.text().strip()
        if not name:
            self.message.show_message(self.tr("Enter your user name and password."))
            self.username.setFocus()
            return
        try:
            actor = self._accounts.login(name, self.password.text())
        except CounterError as exc:  # AuthenticationFailed, AccountLocked, or the store refusing
            self._refused(error_text(exc))
            return
        self.message.clear_message()
        self.password.clear()
        self.actor = actor
        self.logged_in.emit(actor)
        self.accept()

    def _refused(self, text: str) -> None:
        self.message.show_message(text)
        self.password.clear()
        self.password.setFocus()
