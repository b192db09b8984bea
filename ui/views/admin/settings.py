"""Settings (设置): office name and contact on notices, idle lock, backup folder and days, retention days,
printer and paper.

Placeholder until the tab lands (issue 11)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from ui.workers import Database


class SettingsTab(QWidget):
    # The office's settings were saved (an OfficeSettings): the app applies the idle-lock minutes.
    saved = Signal(object)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        QVBoxLayout(self).addWidget(QLabel("…"))

    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
