"""The conflicts page (同步冲突): what the platform did not take from this counter, for a supervisor.

Two tabs: open conflicts (``ConflictsPanel``: both versions side by side, keep mine / take the
platform's / edit and keep) and rejected operations (``RejectedPanel``: field, reason, acknowledge).
Reading conflicts shows citizens' personal data on both sides, so it takes ``RUN_SYNC`` and
``VIEW_PERSONAL_DATA`` (a supervisor); rejected operations show names and reasons only and take
``RUN_SYNC`` (an administrator too). A role without them gets a short explanation instead of the
list; the core refuses them anyway.

The core audits each reading of the conflicts, so the page reads only while it is on screen:
``reload()`` (the main window calls it after a sync and when the page is shown) on a hidden page
only marks it out of date, and calls that arrive together make one reading. UI thread only.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from ui.i18n import fill
from ui.views.conflicts.conflicts_panel import ConflictsPanel
from ui.views.conflicts.rejected_panel import RejectedPanel
from ui.views.intake.widgets import heading, hint
from ui.workers import Database

# Keys of database work are global to the Database: numbered so two pages never drop each other's reads.
_pages = itertools.count(1)


def may_review_conflicts(actor: Actor) -> bool:
    return actor.can(Permission.RUN_SYNC) and actor.can(Permission.VIEW_PERSONAL_DATA)


def may_see_rejected(actor: Actor) -> bool:
    return actor.can(Permission.RUN_SYNC)


class ConflictsView(QWidget):
    """``changed()``: a conflict was resolved or a rejected operation acknowledged — the counts the
    status bar shows changed (the main window reads its status again)."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_conflicts")
        self.db = db
        self.actor = actor
        key = f"conflicts.{next(_pages)}"
        self._due = True  # out of date: read when next on screen
        self._posted = False
        self.conflicts: ConflictsPanel | None = None
        self.rejected: RejectedPanel | None = None
        self.explanation: QLabel | None = None  # what a role that may not review reads instead
        self.tabs: QTabWidget | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync conflicts")))
        if not may_see_rejected(actor):
            self.explanation = self._explanation(
                self.tr(
                    "Changes the platform did not take are reviewed by a supervisor: when another "
                    "counter or the back office changed the same record, a supervisor decides which "
                    "version stays. Ask your supervisor if one of your changes is waiting."
                )
            )
            layout.addWidget(self.explanation)
            layout.addStretch(1)
            return

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Sync conflicts"))
        if may_review_conflicts(actor):
            self.conflicts = ConflictsPanel(db, actor, key)
            self.conflicts.count_changed.connect(self._conflicts_counted)
            self.conflicts.resolved.connect(self.changed)
            self.tabs.addTab(self.conflicts, self.tr("&Conflicts"))
        else:
            self.explanation = self._explanation(
                self.tr(
                    "Conflicts show citizens' personal data from both versions of a record, so a "
                    "supervisor reviews and resolves them. Operations the platform rejected are "
                    "listed in the next tab."
                )
            )
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.addWidget(self.explanation)
            holder_layout.addStretch(1)
            self.tabs.addTab(holder, self.tr("&Conflicts"))
        self.rejected = RejectedPanel(db, actor, key)
        self.rejected.count_changed.connect(self._rejected_counted)
        self.rejected.acknowledged.connect(self.changed)
        self.tabs.addTab(self.rejected, self.tr("&Rejected operations"))
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _explanation(text: str) -> QLabel:
        label = hint(text)
        label.setStyleSheet("font-size: 15px;")
        label.setAccessibleName(text)
        return label

    # --- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the lists again: now if the page is on screen, else when it is next shown."""
        self._due = True
        self._post()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._due:
            self._post()

    def _post(self) -> None:
        if not self._posted:
            self._posted = True
            QTimer.singleShot(0, self, self._read_if_due)

    def _read_if_due(self) -> None:
        self._posted = False
        if not self._due or not self.isVisible():
            return
        self._due = False
        if self.conflicts is not None:
            self.conflicts.read()
        if self.rejected is not None:
            self.rejected.read()

    def _conflicts_counted(self, count: int) -> None:
        if self.tabs is not None and self.conflicts is not None:
            title = fill(self.tr("&Conflicts (%1)"), count) if count else self.tr("&Conflicts")
            self.tabs.setTabText(self.tabs.indexOf(self.conflicts), title)

    def _rejected_counted(self, count: int) -> None:
        if self.tabs is not None and self.rejected is not None:
            title = (
                fill(self.tr("&Rejected operations (%1)"), count)
                if count
                else self.tr("&Rejected operations")
            )
            self.tabs.setTabText(self.tabs.indexOf(self.rejected), title)

    # --- navigation ---------------------------------------------------------------------------------
    def show_conflicts(self) -> None:
        if self.tabs is not None:
            self.tabs.setCurrentIndex(0)

    def show_rejected(self) -> None:
        if self.tabs is not None and self.rejected is not None:
            self.tabs.setCurrentWidget(self.rejected)

    def focus_first(self) -> None:
        """The keyboard focus on the current tab's list (the main window's Ctrl+<number>)."""
        if self.tabs is None:
            return
        panel = self.tabs.currentWidget()
        if isinstance(panel, (ConflictsPanel, RejectedPanel)):
            panel.focus_first()
