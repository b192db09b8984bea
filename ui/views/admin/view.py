"""The Admin page (管理): one tab per administration task — staff, the platform, keys, backups,
retention, settings, export — for the administrator (``MANAGE_USERS``); anyone else gets a short
explanation and the page reads nothing (the core refuses them too).

``restore_requested(path)`` and ``settings_saved(settings)`` pass the Backups and Settings tabs'
requests up to the main window, which hands them to the app controller (a restore closes and
reopens the profile; the idle-lock minutes apply to the running app).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from ui.sync_controller import SyncController
from ui.views.admin.backups import BackupsTab
from ui.views.admin.export import ExportTab
from ui.views.admin.keys import KeysTab
from ui.views.admin.platform import PlatformTab
from ui.views.admin.retention import RetentionTab
from ui.views.admin.settings import SettingsTab
from ui.views.admin.staff import StaffTab
from ui.views.intake.widgets import heading
from ui.workers import Database


class AdminView(QWidget):
    restore_requested = Signal(str)
    settings_saved = Signal(object)

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
        self.setObjectName("page_admin")
        self.db, self.actor = db, actor
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Administration")))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Administration tasks"))
        if not actor.can(Permission.MANAGE_USERS):
            refusal = QLabel(self.tr("Only the office's administrator manages this counter."))
            refusal.setWordWrap(True)
            layout.addWidget(refusal)
            layout.addStretch(1)
            self.staff = self.platform = self.keys = self.backups = None
            self.retention = self.settings = self.export = None
            return
        kwargs = {"native_dialogs": native_dialogs}
        self.staff = StaffTab(db, actor, **kwargs)
        self.platform = PlatformTab(db, actor, sync=sync, **kwargs)
        self.keys = KeysTab(db, actor, **kwargs)
        self.backups = BackupsTab(db, actor, **kwargs)
        self.retention = RetentionTab(db, actor, **kwargs)
        self.settings = SettingsTab(db, actor, **kwargs)
        self.export = ExportTab(db, actor, **kwargs)
        for tab, title in (
            (self.staff, self.tr("&Staff")),
            (self.platform, self.tr("&Platform")),
            (self.keys, self.tr("&Keys")),
            (self.backups, self.tr("&Backups")),
            (self.retention, self.tr("&Retention")),
            (self.settings, self.tr("Se&ttings")),
            (self.export, self.tr("E&xport")),
        ):
            self.tabs.addTab(tab, title)
        self.backups.restore_requested.connect(self.restore_requested)
        self.settings.saved.connect(self.settings_saved)
        self.tabs.currentChanged.connect(lambda _index: self._reload_current())
        layout.addWidget(self.tabs, 1)

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def reload(self) -> None:
        self._reload_current()

    def _reload_current(self) -> None:
        tab = self.tabs.currentWidget()
        reload = getattr(tab, "reload", None)
        if callable(reload):
            reload()
