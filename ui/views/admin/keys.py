"""Keys (密钥): where the data key lives (OS keyring or the fallback file), a warning for the fallback,
moving it to the keyring.

The status (where the key and the device token are, whether an OS keyring works here now) is read
on the database thread (``KeyService.status``, which probes the keyring); the move runs there too
(``KeyService.move_to_keyring``: copied, read back, recorded, audited, then the file removed). The
move button is enabled only when a keyring works and something is left to move; the core refuses
otherwise, and refuses anyone but the administrator (``MANAGE_KEYS``). UI thread only.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.errors import ValidationError
from counter_app.services.keys import KeyStatus
from ui.dialogs.fields import ERROR_STYLE
from ui.i18n import error_text, fill
from ui.views.intake.widgets import OK_STYLE, hint, named
from ui.workers import Database

_tabs = itertools.count(1)  # keys are global to the Database: one per tab object


class KeysTab(QWidget):
    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("admin_keys")
        self.db, self.actor = db, actor
        self._key = f"admin-keys-{next(_tabs)}"
        self.status: KeyStatus | None = None
        self.working = False
        self.location_label = self._value(self.tr("Where the data key is"))
        self.token_label = self._value(self.tr("Device token"))
        self.keyring_label = self._value(self.tr("OS keyring on this computer"))
        self.warning_label = named(QLabel(), self.tr("Warning"))
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.warning_label.setVisible(False)
        self.move_button = named(
            QPushButton(self.tr("&Move the key to the OS keyring")),
            self.tr("Move the key to the OS keyring"),
            self.tr(
                "Copies the data key and the device token to the OS keyring, checks them, "
                "then deletes the file"
            ),
        )
        self.move_button.setEnabled(False)
        self.move_button.clicked.connect(self.move_to_keyring)
        self.message = named(QLabel(), self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        box = QGroupBox(self.tr("The key that protects citizens' personal data"))
        form = QFormLayout()
        form.addRow(self.tr("Data key:"), self.location_label)
        form.addRow(self.tr("Device token:"), self.token_label)
        form.addRow(self.tr("OS keyring:"), self.keyring_label)
        inner = QVBoxLayout(box)
        inner.addWidget(
            hint(
                self.tr(
                    "ID numbers, phone numbers, addresses and scans are encrypted with the data key. "
                    "Kept in the OS keyring, it is unlocked by the Windows or desktop login of this "
                    "computer; kept in the fallback file, it is protected only by the file's permissions."
                )
            )
        )
        inner.addLayout(form)
        inner.addWidget(self.warning_label)
        row = QHBoxLayout()
        row.addWidget(self.move_button)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)

    @staticmethod
    def _value(name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- reading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
        actor = self.actor
        self.db.submit(lambda counter: counter.keys.status(actor), self._show, self._failed, key=self._key)

    def _show(self, status: KeyStatus) -> None:
        self.status = status
        if status.secure:
            self.location_label.setText(fill(self.tr("In the OS keyring (%1)"), status.location))
        else:
            self.location_label.setText(fill(self.tr("In the fallback file %1"), status.location))
        self.token_label.setText(
            self.tr("Stored with the data key")
            if status.token_present
            else self.tr("None: this counter is not enrolled with the platform")
        )
        if status.keyring_works:
            self.keyring_label.setText(fill(self.tr("Works (%1)"), status.keyring_name))
        else:
            self.keyring_label.setText(
                fill(
                    self.tr("None works on this computer (%1): the key stays in the file"),
                    status.keyring_name,
                )
            )
        warning = ""
        if not status.secure:
            warning = fill(
                self.tr(
                    "No OS keyring protects the data key. Anyone who can copy the file %1 together with the "
                    "data directory (or a backup of it) can read the citizens' personal data. Let only "
                    "the administrator log in to this computer's account, and move the key to the OS "
                    "keyring as soon as one works here."
                ),
                status.location,
            )
        elif status.leftover_file:
            warning = fill(
                self.tr(
                    "A copy of the data key is still in the file %1 (a move was interrupted): move again "
                    "to delete it."
                ),
                status.leftover_file,
            )
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
        self._update_button()

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), False)

    # --- moving ------------------------------------------------------------------------------------
    def move_to_keyring(self) -> None:
        if self.working or self.status is None or not self.status.can_move:
            return
        self.working = True
        self._update_button()
        self.message.setVisible(False)
        actor = self.actor
        self.db.submit(lambda counter: counter.keys.move_to_keyring(actor), self._moved, self._move_failed)

    def _moved(self, status: KeyStatus) -> None:
        self.working = False
        self._show(status)
        self._say(
            self.tr(
                "The data key and the device token are now in the OS keyring and the fallback file was "
                "deleted. Copies of that file made earlier (in backups of the computer) still hold the key."
            ),
            True,
        )

    def _move_failed(self, error: BaseException) -> None:
        self.working = False
        if isinstance(error, ValidationError) and error.code == "no_keyring":
            self._say(self.tr("No OS keyring works on this computer: the key stays in the file."), False)
        elif isinstance(error, ValidationError) and error.code == "already_keyring":
            self._say(self.tr("The data key is in the OS keyring already."), False)
        else:
            self._say(error_text(error), False)
        self.reload()

    def _say(self, text: str, good: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if good else ERROR_STYLE)
        self.message.setVisible(True)

    def _update_button(self) -> None:
        self.move_button.setEnabled(not self.working and self.status is not None and self.status.can_move)
