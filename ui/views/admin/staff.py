"""Staff accounts (人员): add, edit the display name and role, reset a password (changed at the next login),
lock and unlock; last login and failed attempts.

Placeholder until the tab lands (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from ui.workers import Database


class StaffTab(QWidget):
    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        QVBoxLayout(self).addWidget(QLabel("…"))

    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
