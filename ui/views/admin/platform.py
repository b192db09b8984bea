"""The platform (平台): server address, enrollment with a one-time code, device and office, the last syncs,
Sync now and Full sync and verify with progress and Cancel.

Placeholder until the tab lands (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from ui.sync_controller import SyncController
from ui.workers import Database


class PlatformTab(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        sync: SyncController | None = None,
        native_dialogs: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        QVBoxLayout(self).addWidget(QLabel("…"))

    def reload(self) -> None:
        """Read again (the page was shown, or a sync changed data)."""
