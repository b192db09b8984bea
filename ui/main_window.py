"""The main window: navigation, pages and status bar — layout and wiring only.

Everything the window shows comes in through its constructor (the acting user, a function that
asks for the profile's status, the sync controller); it reaches no global and no database. The pages
are placeholders until their issues land; each says so in one line rather than pretending to work.

A page that shows data read from the profile has a ``reload()`` method: the window calls it when a
sync brought changes and when the page is shown again, so lists never go stale behind the clerk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission, Role
from counter_app.services.admin import Status
from ui.i18n import CHINESE, ENGLISH, fill, role_name
from ui.sync_controller import SyncController
from ui.views.conflicts.indicator import ConflictIndicator
from ui.views.conflicts.view import ConflictsView

BUSY_AFTER_MS = 400  # database work longer than this is said in the status bar
STATUS_REFRESH_MS = 5_000  # the pending count follows the clerk's work (a count on the database thread)
DEFAULT_SIZE = QSize(1280, 720)  # leaves room for a taskbar on the 1366×768 screens of many counters
WARNING_STYLE = "background: #fff4ce; color: #5c3c00; border: 1px solid #e0b000; padding: 6px;"
STATUS_LABEL_STYLE = "padding: 0 12px 0 4px;"
# Offline is the normal state of a township office: grey, never red.
# Each language is named in itself, so it can be found whatever language the menus are in.
LANGUAGE_NAMES = {CHINESE: "简体中文", ENGLISH: "English"}
LARGE_TEXT_SHORTCUTS = ("Ctrl+Shift+=", "Ctrl++")
CONNECTION_STYLES = {
    "online": "color: #1e6b2e;",
    "syncing": "color: #1e4f8c;",
    "offline": "color: #5f5f5f;",
    "unenrolled": "color: #5f5f5f;",
    "revoked": "color: #8a4b00;",
}


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    # What a page that is not built yet says instead (None: the page exists).
    coming: str | None = None
    # Shown only to roles with this permission (the core refuses the others anyway).
    permission: Permission | None = None


class MainWindow(QMainWindow):
    """The shell after login. Emits ``lock_requested`` (Ctrl+L) and ``closed`` (the user quit);
    from the View menu ``large_text_toggled(on)`` (Ctrl+Shift+=) and ``language_chosen(language)``,
    which the app controller applies and remembers (``show_view_options`` ticks the current ones).

    ``read_status(deliver)``: asks for the profile's status, which arrives later through
    ``deliver(status)`` on the UI thread (the app reads it on the database thread).

    ``sync``: the app's sync controller, when sync runs (the status bar shows its state and, for
    roles that may sync, a "Sync now" button with F5); without it the status bar shows only what
    ``status_source`` reads.

    ``intake_factory``: makes the intake page (``ui.views.intake.IntakeView``); without it, a placeholder.
    ``page_factories``: page key (``applications``, ``applicants``, ``catalogue``) → a function that
    makes that page; a key without one shows its placeholder.
    """

    lock_requested = Signal()
    closed = Signal()
    # from the Admin page: restore this backup file (the app controller closes and reopens the
    # profile), and the office's settings were saved (the app applies the idle-lock minutes)
    restore_requested = Signal(str)
    settings_saved = Signal(object)
    large_text_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(
        self,
        actor: Actor,
        read_status: Callable[[Callable[[Status], None]], object],
        parent: QWidget | None = None,
        *,
        sync: SyncController | None = None,
        intake_factory: Callable[[], QWidget] | None = None,
        page_factories: Mapping[str, Callable[[], QWidget]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self._read_status = read_status
        self.status: Status | None = None  # the last status read
        self._sync = sync
        self._sync_progress = self.tr("Syncing…") if sync is not None and sync.busy else ""
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
            if page.key == "intake" and intake_factory is not None:
                self.stack.addWidget(intake_factory())  # the intake page (ui.views.intake)
            elif page_factories and page.key in page_factories:
                self.stack.addWidget(page_factories[page.key]())
            else:
                self.stack.addWidget(self._placeholder(page))
        self.navigation.currentRowChanged.connect(self._page_chosen)

        self.secrets_warning = QLabel()
        self.secrets_warning.setWordWrap(True)
        self.secrets_warning.setStyleSheet(WARNING_STYLE)
        self.secrets_warning.setAccessibleName(self.tr("Key storage warning"))
        self.secrets_warning.setVisible(False)

        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.secrets_warning)
        # Pages scroll rather than push the window past a 1366×768 screen (large text makes them wider).
        self.page_area = QScrollArea()
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setWidget(self.stack)
        content.addWidget(self.page_area, 1)
        central = QWidget()
        body = QHBoxLayout(central)
        body.addWidget(self.navigation)
        body.addLayout(content, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.show_page(0)

        self._busy_text = self.tr("Working…")
        self._busy_shown = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._still_busy)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        self._fit_to_screen()

    def _page_definitions(self) -> list[Page]:
        pages = [
            Page("intake", self.tr("Intake")),
            Page("applications", self.tr("Applications")),
            Page("applicants", self.tr("Applicants")),
            Page("catalogue", self.tr("Catalogue")),
            Page("dashboard", self.tr("Dashboard")),
            Page("rectifications", self.tr("Rectification"), permission=Permission.HANDLE_RECTIFICATION),
            Page("conflicts", self.tr("Conflicts"), permission=Permission.RUN_SYNC),
            Page("audit", self.tr("Audit"), permission=Permission.VIEW_AUDIT),
            Page("admin", self.tr("Admin"), permission=Permission.MANAGE_USERS),
        ]
        return [page for page in pages if page.permission is None or self.actor.can(page.permission)]

    def _placeholder(self, page: Page) -> QWidget:
        widget = QWidget()
        widget.setObjectName(f"page_{page.key}")
        layout = QVBoxLayout(widget)
        heading = QLabel(page.title)
        heading.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(heading)
        if page.coming:
            text = QLabel(page.coming)
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addStretch(1)
        return widget

    def _build_menus(self) -> None:
        session = self.menuBar().addMenu(self.tr("S&ystem"))
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
            action.triggered.connect(lambda _checked=False, index=index: self.go_to_page(index))
            go.addAction(action)
            self.page_actions.append(action)

        view = self.menuBar().addMenu(self.tr("&View"))
        self.large_text_action = QAction(self.tr("Lar&ge text"), self)
        self.large_text_action.setCheckable(True)
        self.large_text_action.setShortcuts([QKeySequence(keys) for keys in LARGE_TEXT_SHORTCUTS])
        self.large_text_action.toggled.connect(self.large_text_toggled)
        view.addAction(self.large_text_action)
        languages = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language, name in LANGUAGE_NAMES.items():
            action = QAction(name, group)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, code=language: self.language_chosen.emit(code))
            languages.addAction(action)
            self.language_actions[language] = action

    def show_view_options(self, *, large_text: bool, language: str | None) -> None:
        """Tick the View menu's entries to match what is in effect (emits nothing)."""
        for action in (self.large_text_action, *self.language_actions.values()):
            action.blockSignals(True)
        self.large_text_action.setChecked(large_text)
        for code, action in self.language_actions.items():
            action.setChecked(code == language)
        for action in (self.large_text_action, *self.language_actions.values()):
            action.blockSignals(False)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(
            fill(self.tr("Logged in: %1 (%2)"), self.actor.display_name, role_name(self.actor.role))
        )
        self.user_label.setAccessibleName(self.tr("Logged-in user"))
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(self.tr("Connection to the platform"))
        self.pending_label = QLabel()
        self.pending_label.setAccessibleName(self.tr("Pending sync operations"))
        self.last_sync_label = QLabel()
        self.last_sync_label.setAccessibleName(self.tr("Last sync"))
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.lock_requested)
        for label in (self.user_label, self.connection_label, self.pending_label, self.last_sync_label):
            label.setStyleSheet(STATUS_LABEL_STYLE)
            bar.addWidget(label)

        # "Sync now" exists only for the roles the core lets sync (it checks again when asked).
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.triggered.connect(self.sync_now)
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.clicked.connect(self.sync_now)
        # Conflicts and rejected operations wait for a supervisor: a click opens their page.
        self.conflict_indicator = ConflictIndicator()
        self.conflict_indicator.open_requested.connect(self._open_conflicts)
        bar.addPermanentWidget(self.conflict_indicator)
        may_sync = self._sync is not None and SyncController.may_sync(self.actor)
        self.sync_button.setVisible(may_sync)
        if may_sync:
            self.addAction(self.sync_action)
            bar.addPermanentWidget(self.sync_button)
        bar.addPermanentWidget(self.lock_button)

        if self._sync is not None:
            self._sync.online_changed.connect(self.refresh_status)
            self._sync.progress.connect(self._show_sync_progress)
            self._sync.finished.connect(self._sync_finished)

    def _fit_to_screen(self) -> None:
        size = QSize(DEFAULT_SIZE)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        self.resize(size)

    # --- behaviour ------------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def go_to_page(self, index: int) -> None:
        """Ctrl+<number>: show the page and put the keyboard focus in it (its search, its first field)."""
        self.show_page(index)
        self.focus_page()

    def focus_page(self) -> None:
        """The keyboard focus to where work starts on the current page: its ``focus_first()`` when it
        has one, else its first visible text field (a clerk types or reads a card at once)."""
        page = self.stack.currentWidget()
        focus_first = getattr(page, "focus_first", None)
        if callable(focus_first):
            focus_first()
            return
        fields = (
            [w for w in page.findChildren(QLineEdit) if w.isVisibleTo(page) and w.isEnabled()] if page else []
        )
        if fields:
            fields[0].setFocus()

    def _page_chosen(self, index: int) -> None:
        returning = self.stack.currentIndex() != index
        self.stack.setCurrentIndex(index)
        if returning:
            self._reload_page(self.stack.widget(index))

    def reload_pages(self) -> None:
        """Every page that shows the profile's data reads it again (after a sync brought changes)."""
        for index in range(self.stack.count()):
            self._reload_page(self.stack.widget(index))

    @staticmethod
    def _reload_page(page: QWidget | None) -> None:
        reload = getattr(page, "reload", None)
        if callable(reload):
            reload()

    def current_page(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def page(self, key: str) -> QWidget | None:
        """The page widget of ``key`` (None if this role has no such page)."""
        keys = [page.key for page in self.pages]
        return self.stack.widget(keys.index(key)) if key in keys else None

    def open_page(self, key: str) -> None:
        """Go to the page ``key`` if this role has it (the conflicts page from the status bar)."""
        keys = [page.key for page in self.pages]
        if key in keys:
            self.go_to_page(keys.index(key))

    def _open_conflicts(self) -> None:
        """The status bar's indicator: the conflicts page, on the rejected operations' tab when only
        those wait."""
        self.open_page("conflicts")
        page = self.stack.currentWidget()
        indicator = self.conflict_indicator
        if not isinstance(page, ConflictsView):
            return
        if indicator.conflicts == 0 and indicator.rejected > 0:
            page.show_rejected()
        elif indicator.conflicts > 0:
            page.show_conflicts()

    def sync_now(self) -> None:
        """Ask the sync controller for a sync (the core refuses roles that may not sync)."""
        if self._sync is None or not self.sync_button.isEnabled():
            return
        self._sync.sync_now(self.actor)
        if self._sync.online is False:
            self.statusBar().showMessage(
                self.tr("The platform cannot be reached now; sync starts as soon as it can be."), 5000
            )

    def _show_sync_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "done":
            self._sync_progress = ""
        elif total > 0:
            self._sync_progress = fill(self.tr("Syncing… %1/%2"), done, total)
        else:
            self._sync_progress = self.tr("Syncing…")
        if self.status is not None:
            self._show_connection(self.status)

    def _sync_finished(self, report: dict) -> None:
        self._sync_progress = ""
        self.refresh_status()
        if sync_changed_data(report):
            self.reload_pages()

    def _show_connection(self, status: Status) -> None:
        """Online / offline / syncing / not enrolled — offline is normal and never an error."""
        sync = self._sync
        outcome = (sync.last_report or {}).get("outcome") if sync is not None else None
        if not status.server:
            state, text = "unenrolled", self.tr("Not connected to a platform")
            tip = self.tr(
                "This counter is not enrolled with a government service platform yet; "
                "everything is kept on this computer."
            )
        elif outcome == "revoked":
            state, text = "revoked", self.tr("Access revoked")
            tip = self.tr("The platform revoked this counter's access: enroll it again.")
        elif self._sync_progress:
            state, text, tip = "syncing", self._sync_progress, status.server
        elif sync is not None and sync.online:
            state, text = "online", self.tr("Online")
            tip = fill(self.tr("Connected to %1"), status.server)
        elif sync is not None and sync.online is None:
            state, text, tip = "offline", self.tr("Checking the connection…"), status.server
        else:
            state, text = "offline", self.tr("Offline")
            tip = fill(
                self.tr(
                    "%1 cannot be reached now. Work carries on; changes are sent when it "
                    "can be reached again."
                ),
                status.server,
            )
        self.connection_label.setText("● " + text)
        self.connection_label.setToolTip(tip)
        self.connection_label.setStyleSheet(STATUS_LABEL_STYLE + CONNECTION_STYLES[state])
        self.sync_button.setEnabled(bool(status.server) and outcome != "revoked")
        self.sync_button.setToolTip(tip)

    def _last_sync_text(self, last_sync: str | None) -> str:
        if not last_sync:
            return self.tr("Never synced")
        try:
            moment = datetime.fromisoformat(last_sync).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            moment = last_sync
        return fill(self.tr("Last sync: %1"), moment)

    def refresh_status(self) -> None:
        """Ask for the profile's status; :meth:`show_status` shows it when it arrives."""
        self._read_status(self.show_status)

    def show_busy(self, busy: bool) -> None:
        """The database is working (True) / done (False). Work that takes longer than
        ``BUSY_AFTER_MS`` says so in the status bar; the window goes on taking keys meanwhile."""
        if busy:
            if not self._busy_timer.isActive() and not self._busy_shown:
                self._busy_timer.start()
            return
        self._busy_timer.stop()
        if self._busy_shown:
            self._busy_shown = False
            if self.statusBar().currentMessage() == self._busy_text:
                self.statusBar().clearMessage()

    def _still_busy(self) -> None:
        self._busy_shown = True
        self.statusBar().showMessage(self._busy_text)

    def show_status(self, status: Status) -> None:
        self.status = status
        if status.pending_ops and self._sync is not None:
            self._sync.work_waiting(status.pending_ops)  # the clerk's work goes out soon
        self.pending_label.setText(self.tr("%n operation(s) waiting to sync", "", status.pending_ops))
        self.last_sync_label.setText(self._last_sync_text(status.last_sync))
        self._show_connection(status)
        # The indicator is for those who can act on it; the page explains the rest.
        if any(page.key == "conflicts" for page in self.pages):
            self.conflict_indicator.show_status(status)
        show_warning = self.actor.role is Role.ADMIN and not status.secrets_secure
        if show_warning:
            self.secrets_warning.setText(
                self.tr(
                    "Warning: no working OS keyring was found, so the key that protects personal data is kept "  # noqa: E501 - the source text of a translation
                    "in a fallback key file. Anyone who can copy that file and the data can read them. "
                    "Protect the file, or set up the OS keyring."
                )
            )
            self.secrets_warning.setToolTip(status.secrets)
        self.secrets_warning.setVisible(show_warning)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._status_timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


def sync_changed_data(report: dict) -> bool:
    """Whether a sync report says local records changed (pulled, or sent and so no longer pending)."""
    counts = (report.get(key) for key in ("pushed", "pulled", "conflicts", "rejected"))
    return any(isinstance(n, int) and n > 0 for n in counts)
