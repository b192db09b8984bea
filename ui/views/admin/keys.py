"""Keys (密钥): where the data key lives (OS keyring or the fallback file), a warning for the fallback,
moving it to the keyring.

Placeholder until the tab lands (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from ui.workers import Database


class KeysTab(QWidget):
    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        QVBoxLayout(self).addWidget(QLabel("…"))

    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
