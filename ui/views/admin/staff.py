"""Staff accounts (人员): add, edit the display name and role, reset a password (changed at the next login),
lock and unlock; last login and failed attempts.

The list is read on ``reload()`` (the Admin page calls it when the tab is shown) and after every
change made here. Each task opens a small dialog (``staff_dialogs``) or, for Lock/Unlock, acts at
once on the selected account; the core refuses what the role or the last-administrator rule does
not allow, and the refusal is shown next to the field it names (in the dialog) or under the list.
Every read and write goes through ``db.submit``; the widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Role
from counter_app.errors import CounterError
from counter_app.services.accounts import StaffMember
from ui.i18n import fill, role_name
from ui.models.rows import RowTableModel
from ui.views.admin.staff_dialogs import ResetPasswordDialog, UserDialog, staff_error_text
from ui.views.intake.widgets import hint, list_table, select_row
from ui.workers import Database

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #a4262c;"
_tabs = itertools.count(1)  # keys are global to the Database: one prefix per tab object


def when_text(value: str | None, never: str) -> str:
    """An ISO time from the core as the administrator reads it (``2026-11-23 09:30``)."""
    if not value:
        return never
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value


class StaffModel(RowTableModel):
    USERNAME = 0
    DISPLAY_NAME = 1
    ROLE = 2
    STATE = 3
    LAST_LOGIN = 4
    FAILED = 5
    COLUMN_COUNT = 6

    def titles(self) -> list[str]:
        return [
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("State"),
            self.tr("Last login"),
            self.tr("Failed attempts"),
        ]

    def member(self, row: int) -> StaffMember:
        return self.row_at(row)

    def state_text(self, member: StaffMember) -> str:
        if member.locked:
            return self.tr("Locked")
        if not member.active:
            return self.tr("Inactive")
        if member.must_change_password:
            return self.tr("Active (must change password)")
        return self.tr("Active")

    def cell(self, row: StaffMember, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.USERNAME:
                return row.username
            if column == self.DISPLAY_NAME:
                return row.display_name
            if column == self.ROLE:
                return role_name(Role(row.role))
            if column == self.STATE:
                return self.state_text(row)
            if column == self.LAST_LOGIN:
                return when_text(row.last_login_at, self.tr("never"))
            if column == self.FAILED:
                return str(row.failed_attempts)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FAILED and row.last_failed_at:
            return fill(self.tr("Last failed attempt: %1"), when_text(row.last_failed_at, ""))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.FAILED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.username
        return None


class StaffTab(QWidget):
    changed = Signal()  # an account was added or changed here

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.native_dialogs = native_dialogs  # no file dialogs here; kept for the tabs' common shape
        self.dialog: UserDialog | ResetPasswordDialog | None = None  # the one open now
        self._key = f"admin.staff.{next(_tabs)}"
        self._pending_lock = False
        self._select_after: str | None = None

        self.model = StaffModel(self)
        self.table = list_table(self.tr("Staff accounts"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()  # each column as wide as its content; the name takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_user())

        self.add_button = self._button(self.tr("&Add…"), self.tr("Add a staff account"), self.add_user)
        self.edit_button = self._button(
            self.tr("&Edit…"), self.tr("Edit the selected account"), self.edit_user
        )
        self.reset_button = self._button(
            self.tr("Reset pass&word…"), self.tr("Reset the selected account's password"), self.reset_password
        )
        self.lock_button = self._button(self.tr("&Lock"), self.tr("Lock or unlock the selected account"))
        self.lock_button.clicked.connect(self.toggle_lock)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Staff message"))
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "The office's staff accounts. A forgotten password is reset to a temporary one, which "
                    "its owner must change at the next login. An account locks itself after repeated "
                    "wrong passwords; unlock it here."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._update_buttons()

    def _button(self, text: str, accessible: str, slot=None) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the accounts again (the tab was shown, or one was changed)."""
        actor = self.actor
        self.db.submit(
            lambda counter: counter.accounts.list_users(actor),
            self._show_rows,
            self._read_failed,
            key=f"{self._key}.list",
            owner=self,
        )

    def _show_rows(self, members: list[StaffMember]) -> None:
        keep = self._select_after or (self.selected().username if self.selected() else None)
        self._select_after = None
        self.model.set_rows(members)
        self.table.resizeColumnsToContents()
        usernames = [member.username for member in members]
        select_row(self.table, usernames.index(keep) if keep in usernames else 0)
        self._update_buttons()

    def _read_failed(self, error: BaseException) -> None:
        self.show_message(staff_error_text(error), error=True)
        if not isinstance(error, CounterError):
            raise error

    def selected(self) -> StaffMember | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.member(index.row())

    def select(self, username: str) -> bool:
        """Make ``username``'s row the current one; False when it is not in the list."""
        for row, member in enumerate(self.model.rows()):
            if member.username == username:
                select_row(self.table, row)
                self._update_buttons()
                return True
        return False

    def _update_buttons(self) -> None:
        member = self.selected()
        for button in (self.edit_button, self.reset_button, self.lock_button):
            button.setEnabled(member is not None and not self._pending_lock)
        self.reset_button.setEnabled(
            member is not None and member.id != self.actor.user_id and not self._pending_lock
        )
        locked = member is not None and member.locked
        self.lock_button.setText(self.tr("&Unlock") if locked else self.tr("&Lock"))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.message.setVisible(bool(text))

    # --- the tasks --------------------------------------------------------------------------------
    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.db, self.actor, self)
        dialog.saved.connect(
            lambda record: self._after_change(
                record.username, fill(self.tr("Account %1 added."), record.username)
            )
        )
        return self._open(dialog)

    def edit_user(self) -> UserDialog | None:
        member = self.selected()
        if member is None:
            return None
        dialog = UserDialog(self.db, self.actor, self, member=member)
        dialog.saved.connect(
            lambda edited: self._after_change(
                edited.username, fill(self.tr("Account %1 saved."), edited.username)
            )
        )
        return self._open(dialog)

    def reset_password(self) -> ResetPasswordDialog | None:
        member = self.selected()
        if member is None:
            return None
        dialog = ResetPasswordDialog(self.db, self.actor, member.username, self)
        dialog.saved.connect(
            lambda username: self._after_change(
                username,
                fill(
                    self.tr("The password of %1 was reset. They choose a new one at their next login."),
                    username,
                ),
            )
        )
        return self._open(dialog)

    def toggle_lock(self) -> None:
        """Lock the selected account, or unlock it when it is locked."""
        member = self.selected()
        if member is None or self._pending_lock:
            return
        actor, username, lock = self.actor, member.username, not member.locked
        self._pending_lock = True
        self._update_buttons()
        done = self.tr("Account %1 locked.") if lock else self.tr("Account %1 unlocked.")
        self.db.submit(
            lambda counter: counter.accounts.set_locked(actor, username, lock),
            lambda _result: self._lock_done(username, fill(done, username)),
            self._lock_failed,
            key=f"{self._key}.lock",
            owner=self,
        )

    def _lock_done(self, username: str, text: str) -> None:
        self._pending_lock = False
        self._after_change(username, text)

    def _lock_failed(self, error: BaseException) -> None:
        self._pending_lock = False
        self._update_buttons()
        self.show_message(staff_error_text(error), error=True)
        if not isinstance(error, CounterError):
            raise error

    def _open(self, dialog: UserDialog | ResetPasswordDialog) -> UserDialog | ResetPasswordDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.show_message("")
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _after_change(self, username: str, text: str) -> None:
        self.show_message(text)
        self._select_after = username
        self.changed.emit()
        self.reload()
