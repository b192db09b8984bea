"""The Admin page (管理): one tab per administration task — staff, the platform, keys, backups,
retention, settings, export — for the administrator (``MANAGE_USERS``); anyone else gets a short
explanation and the page reads nothing (the core refuses them too).

Above the tabs, the checklist of what is left to set up in this office (``counter.checklist``):
each item not done yet with a button to the tab that does it; hidden once everything is done.

``restore_requested(path)`` and ``settings_saved(settings)`` pass the Backups and Settings tabs'
requests up to the main window, which hands them to the app controller (a restore closes and
reopens the profile; the idle-lock minutes apply to the running app).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from counter_app.services import checklist
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
        # No Alt letters on the tabs: each tab's own fields and buttons need them (Ctrl+Tab moves on).
        for tab, title in (
            (self.staff, self.tr("Staff")),
            (self.platform, self.tr("Platform")),
            (self.keys, self.tr("Keys")),
            (self.backups, self.tr("Backups")),
            (self.retention, self.tr("Retention")),
            (self.settings, self.tr("Settings")),
            (self.export, self.tr("Export")),
        ):
            self.tabs.addTab(tab, title)
        self.backups.restore_requested.connect(self.restore_requested)
        self.settings.saved.connect(self.settings_saved)
        self.tabs.currentChanged.connect(lambda _index: self._reload_current())
        self.checklist = self._checklist_box()
        layout.addWidget(self.checklist)
        layout.addWidget(self.tabs, 1)
        self.left: list[str] = []  # the checklist's items not done yet, as last read

    # --- the checklist --------------------------------------------------------------------------------
    def _checklist_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What is left to set up"))
        box.setAccessibleName(self.tr("What is left to set up"))
        grid = QGridLayout(box)
        assert self.staff and self.settings and self.platform and self.keys
        items = {
            checklist.STAFF: (self.tr("Add the accounts of the counter staff."), self.staff),
            checklist.OFFICE: (
                self.tr("Enter the office's name and contact printed on notices."),
                self.settings,
            ),
            checklist.PLATFORM: (
                self.tr("Enroll this counter with the government service platform."),
                self.platform,
            ),
            checklist.BACKUP_FOLDER: (
                self.tr("Choose the backup folder (a USB stick or a network folder, not this disk)."),
                self.settings,
            ),
            checklist.KEYS: (self.tr("Move the data key into the OS keyring."), self.keys),
        }
        self.checklist_rows: dict[str, tuple[QLabel, QPushButton]] = {}
        for row, key in enumerate(checklist.ITEMS):
            text, tab = items[key]
            label = QLabel("○ " + text)
            label.setWordWrap(True)
            button = QPushButton(self.tr("Open"))
            button.setAccessibleName(text)
            button.clicked.connect(lambda _checked=False, tab=tab: self.show_tab(tab))
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
            self.checklist_rows[key] = (label, button)
        grid.setColumnStretch(0, 1)
        box.setVisible(False)
        return box

    def _read_checklist(self) -> None:
        actor = self.actor
        self.db.submit(
            lambda counter: counter.checklist.left(actor), self._show_checklist, key="admin.checklist"
        )

    def _show_checklist(self, left: list[str]) -> None:
        self.left = list(left)
        for key, (label, button) in self.checklist_rows.items():
            label.setVisible(key in self.left)
            button.setVisible(key in self.left)
        self.checklist.setVisible(bool(self.left))

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def reload(self) -> None:
        self._reload_current()

    def _reload_current(self) -> None:
        if self.staff is None:
            return
        self._read_checklist()  # a task done on one tab may tick an item off
        tab = self.tabs.currentWidget()
        reload = getattr(tab, "reload", None)
        if callable(reload):
            reload()
