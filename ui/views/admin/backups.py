"""Backups (备份): the automatic daily backups with their time and size, a backup to a chosen folder, restore
with a confirmation.

Placeholder until the tab lands (issue 11)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from ui.workers import Database


class BackupsTab(QWidget):
    # The administrator confirmed a restore from this backup file: the app controller stops sync,
    # closes the profile, restores, opens it again and asks for a login (ui/app.py).
    restore_requested = Signal(str)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        QVBoxLayout(self).addWidget(QLabel("…"))

    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
