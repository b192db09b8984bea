"""The main window: navigation, pages and status bar — layout and wiring only.

Everything the window shows comes in through its constructor (the acting user, a function that
reads the profile's status); it reaches no global and no database. The pages are placeholders
until their issues land; each says so in one line rather than pretending to work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Role
from counter_app.services.admin import Status
from ui.i18n import fill, role_name

STATUS_REFRESH_MS = 30_000
DEFAULT_SIZE = QSize(1280, 720)  # leaves room for a taskbar on the 1366×768 screens of many counters
WARNING_STYLE = "background: #fff4ce; color: #5c3c00; border: 1px solid #e0b000; padding: 6px;"


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    explanation: str


class MainWindow(QMainWindow):
    """The shell after login. Emits ``lock_requested`` (Ctrl+L) and ``closed`` (the user quit)."""

    lock_requested = Signal()
    closed = Signal()

    def __init__(
        self, actor: Actor, status_source: Callable[[], Status], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self._status_source = status_source
        self.setWindowTitle(self.tr("Workbench"))
        self.pages = self._page_definitions()

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setToolTip(f"{page.title} (Ctrl+{number})")
            self.navigation.addItem(item)
            self.stack.addWidget(self._placeholder(page))
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.secrets_warning = QLabel()
        self.secrets_warning.setWordWrap(True)
        self.secrets_warning.setStyleSheet(WARNING_STYLE)
        self.secrets_warning.setAccessibleName(self.tr("Key storage warning"))
        self.secrets_warning.setVisible(False)

        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.secrets_warning)
        content.addWidget(self.stack, 1)
        central = QWidget()
        body = QHBoxLayout(central)
        body.addWidget(self.navigation)
        body.addLayout(content, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.show_page(0)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        self._fit_to_screen()

    def _page_definitions(self) -> list[Page]:
        return [
            Page("intake", self.tr("Intake"),
                 self.tr("Taking in a citizen's application arrives in a later release.")),
            Page("applications", self.tr("Applications"),
                 self.tr("The list of applications and their progress arrives in a later release.")),
            Page("applicants", self.tr("Applicants"),
                 self.tr("Looking up and registering applicants arrives in a later release.")),
            Page("catalogue", self.tr("Catalogue"),
                 self.tr("Browsing the catalogue of services arrives in a later release.")),
            Page("dashboard", self.tr("Dashboard"),
                 self.tr("Statistics and service ratings arrive in a later release.")),
            Page("admin", self.tr("Admin"),
                 self.tr("Staff accounts, sync and backups arrive in a later release.")),
        ]

    def _placeholder(self, page: Page) -> QWidget:
        widget = QWidget()
        widget.setObjectName(f"page_{page.key}")
        layout = QVBoxLayout(widget)
        heading = QLabel(page.title)
        heading.setStyleSheet("font-size: 22px; font-weight: bold;")
        text = QLabel(page.explanation)
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
        return widget

    def _build_menus(self) -> None:
        session = self.menuBar().addMenu(self.tr("&System"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        session.addAction(self.lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        session.addAction(quit_action)

        go = self.menuBar().addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for index, page in enumerate(self.pages):
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, index=index: self.show_page(index))
            go.addAction(action)
            self.page_actions.append(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(fill(self.tr("Logged in: %1 (%2)"), self.actor.display_name,
                                      role_name(self.actor.role)))
        self.user_label.setAccessibleName(self.tr("Logged-in user"))
        self.pending_label = QLabel()
        self.pending_label.setAccessibleName(self.tr("Pending sync operations"))
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.lock_requested)
        for label in (self.user_label, self.pending_label):
            label.setStyleSheet("padding: 0 12px 0 4px;")
            bar.addWidget(label)
        bar.addPermanentWidget(self.lock_button)

    def _fit_to_screen(self) -> None:
        size = QSize(DEFAULT_SIZE)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        self.resize(size)

    # --- behaviour ------------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def current_page(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def refresh_status(self) -> None:
        """Read the profile's status (a small query, on the UI thread) and show it."""
        status = self._status_source()
        self.pending_label.setText(self.tr("%n operation(s) waiting to sync", "", status.pending_ops))
        show_warning = self.actor.role is Role.ADMIN and not status.secrets_secure
        if show_warning:
            self.secrets_warning.setText(self.tr(
                "Warning: no working OS keyring was found, so the key that protects personal data is kept "
                "in a fallback key file. Anyone who can copy that file and the data can read them. "
                "Protect the file, or set up the OS keyring."
            ))
            self.secrets_warning.setToolTip(status.secrets)
        self.secrets_warning.setVisible(show_warning)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._status_timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
