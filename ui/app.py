"""The desktop application: Qt set-up and the walk from opening the profile to the main window.

``run()`` is what ``counter-app`` calls to open a window. The steps — open the profile, create
the first administrator on first start, log in, show the main window, lock back to the login —
live in :class:`AppController`, which never blocks: every dialog and message box is shown
non-modally and reports back through signals, so tests drive the real flow with ``qtbot``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.resources import app_icon_path
from counter_app.services.admin import Status
from counter_app.services.office_settings import OfficeSettings
from ui.backup_scheduler import BackupScheduler
from ui.dialogs.first_admin import FirstAdminDialog
from ui.dialogs.first_start import OfficeSetupDialog
from ui.dialogs.login import DemoCredential, LoginDialog
from ui.i18n import app_font, choose_language, error_text, install_translators, locale_for
from ui.idle import IdleWatcher
from ui.preferences import Preferences, scaled_font
from ui.smoke import watch_first_window
from ui.sync_controller import DEFAULT_INTERVAL_S, DEFAULT_PROBE_INTERVAL_S, SyncController
from ui.workers import Database

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "Counter"
EXIT_OK = 0
EXIT_CANNOT_OPEN = 1

OpenProfile = Callable[[str | None], Counter]
MakeSync = Callable[[Path], SyncController]


def build_main_window(
    db: Database, actor: Actor, parent: QWidget | None = None, *, sync: SyncController | None = None
) -> MainWindow:
    """The main window for ``actor`` over the profile ``db`` serves (not shown).

    The window and its pages are imported here, not with this module: the login dialog does not
    need them, and they are a fifth of the imports before it (~0.15 s of the cold start)."""
    from ui.main_window import MainWindow
    from ui.views.admin import AdminView
    from ui.views.applicants import ApplicantsView
    from ui.views.applications import ApplicationsView
    from ui.views.audit import AuditView
    from ui.views.catalogue import CatalogueView
    from ui.views.conflicts import ConflictsView
    from ui.views.dashboard import DashboardView
    from ui.views.intake import IntakeView
    from ui.views.rectifications import RectificationsView

    pages = {
        "applications": lambda: ApplicationsView(db, actor),
        "applicants": lambda: ApplicantsView(db, actor),
        "catalogue": lambda: CatalogueView(db),
        "dashboard": lambda: DashboardView(db, actor),
        "rectifications": lambda: RectificationsView(db, actor),
        "conflicts": lambda: ConflictsView(db, actor),
        "audit": lambda: AuditView(db, actor),
        "admin": lambda: AdminView(db, actor, sync=sync),
    }
    window = MainWindow(
        actor,
        status_reader(db),
        parent,
        sync=sync,
        intake_factory=lambda: IntakeView(db, actor),
        page_factories=pages,
    )
    db.busy_changed.connect(window.show_busy)
    admin = window.page("admin")
    if isinstance(admin, AdminView):
        admin.restore_requested.connect(window.restore_requested)
        admin.settings_saved.connect(window.settings_saved)
    conflicts = window.page("conflicts")
    if isinstance(conflicts, ConflictsView):
        conflicts.changed.connect(window.refresh_status)  # the status bar's counts moved
    return window


def status_reader(db: Database) -> Callable[[Callable[[Status], None]], object]:
    """The main window's ``read_status``: the profile's status, read on the database thread."""

    def read(deliver: Callable[[Status], None]) -> object:
        return db.submit(lambda counter: counter.admin.status(), deliver, key="status")

    return read


def _log_failure(error: BaseException) -> None:
    log.warning("housekeeping failed: %s", error)


def sync_for(interval_s: float, probe_interval_s: float) -> MakeSync:
    """Automatic sync for the open profile (its own thread opens the same data directory)."""

    def make(root: Path) -> SyncController:
        return SyncController(root, interval_s=interval_s, probe_interval_s=probe_interval_s)

    return make


def display_name() -> str:
    return QCoreApplication.translate("App", "Counter Government Service Desk")


def configure_application(app: QApplication) -> None:
    """Names, icon and font; call after the translators are installed (the display name is translated)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(display_name())
    app.setWindowIcon(QIcon(str(app_icon_path())))
    app.setFont(app_font(app.font()))
    # The controller decides when the app ends: between the login dialog closing and the main
    # window opening no window is visible, and that must not quit.
    app.setQuitOnLastWindowClosed(False)


class AppController(QObject):
    """Opens the profile and walks through first-admin set-up, login and the main window.

    Call on the UI thread. ``finished(exit_code)`` says the application should end: 0 when the
    user quit, 1 when the profile could not be opened (after the user read why).

    The profile is opened by ``open_profile(data_dir)`` on the database thread (:class:`Database`),
    which then serves every read and write of the windows; nothing here waits for it.

    ``make_sync``: when given, sync runs in the background from the moment the profile is open
    until ``shutdown()``, across locks. ``demo_credentials``: shown in the login dialog (demo mode).

    ``preferences``: this machine's view preferences (large text, language, idle-lock minutes);
    without them, defaults kept in memory. The office's idle-lock minutes (Admin page, Settings)
    replace the preference's once the profile is open. ``idle_lock_ms`` overrides both
    (0 turns the idle lock off; tests give ``self.idle`` a fake clock). The controller applies the large
    text (from ``start()``) and the language (``use_language``), and undoes both in ``shutdown()``.
    """

    finished = Signal(int)

    def __init__(
        self,
        data_dir: str | None,
        *,
        open_profile: OpenProfile = Counter.open,
        make_sync: MakeSync | None = None,
        demo_credentials: Sequence[DemoCredential] = (),
        preferences: Preferences | None = None,
        idle_lock_ms: int | None = None,
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self.preferences = preferences if preferences is not None else Preferences()
        # Until the profile says otherwise (the office's setting, see apply_office_settings).
        self._idle_fixed = idle_lock_ms is not None
        self.idle = IdleWatcher(self.preferences.idle_lock_ms if idle_lock_ms is None else idle_lock_ms, self)
        self.idle.timed_out.connect(self.lock)
        self.language: str | None = None  # None: the controller installed no translation
        self._translators: list[QTranslator] = []
        self._locale_before: QLocale | None = None
        self._normal_font: QFont | None = None
        self._open_profile = open_profile
        self._make_sync = make_sync
        self._demo_credentials = tuple(demo_credentials)
        self.db: Database | None = None
        self.sync: SyncController | None = None
        self.dialog: QDialog | None = None
        self.window: MainWindow | None = None
        self.message_box: QMessageBox | None = None
        self.backup_scheduler: BackupScheduler | None = None  # the daily backup, while the profile is open
        self.restoring = False  # a restore is under way (the profile is closed, then opened again)

    def start(self) -> None:
        self._normal_font = QFont(QApplication.font())
        if self.preferences.large_text:
            QApplication.setFont(scaled_font(self._normal_font, True))
        data_dir, open_profile = self._data_dir, self._open_profile
        self.db = Database(lambda: open_profile(data_dir))
        self.db.start(self._opened, self._open_failed)

    def _open_failed(self, exc: BaseException) -> None:
        # CounterError on purpose; anything else still deserves words, not a crash
        log.error("cannot open the profile", exc_info=exc)
        self._show_open_error(exc)

    def _opened(self, root: Path) -> None:
        assert self.db is not None
        if self._make_sync is not None:
            self.sync = self._make_sync(root)
            self.sync.start()
        self.db.submit(
            lambda counter: counter.accounts.needs_first_admin(), self._first_screen, self._open_failed
        )
        self._read_office_settings()
        # Housekeeping, behind the first screen's read: encrypted scan files nothing refers to.
        self.db.submit(lambda counter: counter.admin.sweep_orphaned_scans(), None, _log_failure)
        self.backup_scheduler = BackupScheduler(self.db, self)
        self.backup_scheduler.start()

    def _first_screen(self, needs_first_admin: bool) -> None:
        if needs_first_admin:
            self._show_first_admin()
        else:
            self._show_login()

    def shutdown(self) -> None:
        """Close windows and the profile. Safe to call more than once."""
        for widget in (self.dialog, self.window, self.message_box):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.dialog = self.window = self.message_box = None
        self.idle.stop()
        if self._normal_font is not None:
            QApplication.setFont(self._normal_font)
            self._normal_font = None
        self._remove_translators()
        if self._locale_before is not None:
            QLocale.setDefault(self._locale_before)
            self._locale_before = None
        if self.backup_scheduler is not None:
            self.backup_scheduler.stop()
            self.backup_scheduler = None
        if self.sync is not None:
            self.sync.stop()  # before the profile closes: it may be mid-sync on its own connection
            self.sync = None
        if self.db is not None:
            self.db.close()  # waits for the running job, then closes the profile on its thread
            self.db = None

    # --- steps --------------------------------------------------------------------------------------
    def _show_open_error(self, error: BaseException) -> None:
        title = self.tr("Cannot open the office's data")
        box = QMessageBox(QMessageBox.Icon.Critical, title, error_text(error))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setAccessibleName(self.tr("Quit"))
        box.finished.connect(lambda _result: self.finished.emit(EXIT_CANNOT_OPEN))
        self.message_box = box
        box.show()

    def _show_first_admin(self) -> None:
        """First start of a real office: the administrator's account, then the office's details and
        enrollment (:meth:`_show_office_setup`), then the Admin page with what is left to do."""
        assert self.db is not None
        dialog = FirstAdminDialog(self.db)
        dialog.created.connect(self._show_office_setup)
        dialog.rejected.connect(lambda: self.finished.emit(EXIT_OK))
        self._replace_dialog(dialog)

    def _read_office_settings(self) -> None:
        """The office's idle-lock minutes (Admin page, Settings) apply on every computer of the
        office: read when the profile opens (and again after a restore)."""
        assert self.db is not None
        self.db.submit(
            lambda counter: counter.office_settings.get(), self.apply_office_settings, _log_failure
        )

    def apply_office_settings(self, settings: OfficeSettings) -> None:
        """The office's settings as read at start or just saved: the idle lock's minutes (unless the
        controller was given a fixed idle time)."""
        if self._idle_fixed or settings.idle_lock_ms == self.idle.timeout_ms:
            return
        watching = self.idle.watching
        self.idle.stop()
        self.idle.timeout_ms = max(settings.idle_lock_ms, 0)
        if watching:
            self.idle.start()

    def _show_office_setup(self, actor: Actor) -> None:
        assert self.db is not None
        dialog = OfficeSetupDialog(self.db, actor)
        # Closing the dialog skips what is left of it: the Admin page's checklist says what that is.
        dialog.done_setup.connect(lambda who: self._show_main_window(who, page="admin"))
        dialog.rejected.connect(lambda: self._show_main_window(actor, page="admin"))
        self._replace_dialog(dialog)

    def _show_login(self, username: str = "") -> None:
        assert self.db is not None
        dialog = LoginDialog(self.db, username=username, demo_credentials=self._demo_credentials)
        dialog.logged_in.connect(self._show_main_window)
        dialog.rejected.connect(lambda: self.finished.emit(EXIT_OK))
        self._replace_dialog(dialog)

    def _show_main_window(self, actor: Actor, page: str | None = None) -> None:
        assert self.db is not None
        self._close_dialog()
        window = build_main_window(self.db, actor, sync=self.sync)
        window.lock_requested.connect(self.lock)
        window.settings_saved.connect(self.apply_office_settings)
        window.closed.connect(lambda: self.finished.emit(EXIT_OK))
        window.show_view_options(large_text=self.preferences.large_text, language=self.language)
        window.large_text_toggled.connect(self.set_large_text)
        window.language_chosen.connect(self.switch_language)
        window.restore_requested.connect(self.restore)
        self.window = window
        window.show()
        window.activateWindow()
        if page is not None:
            window.open_page(page)
        window.focus_page()  # the clerk types (or reads an ID card) at once, no click first
        self.idle.start()

    def lock(self) -> None:
        """Put the main window away (nothing of it stays on screen) and ask for a login again.

        Ctrl+L, the Lock button and the idle timer all come here; the core audits the unlock's login.
        """
        self.idle.stop()
        window, self.window = self.window, None
        if window is None:
            return
        username = window.actor.username
        window.hide()  # hide, not close: closing means quitting
        window.deleteLater()
        self._show_login(username)

    # --- restore a backup ------------------------------------------------------------------------------
    def restore(self, path: str) -> None:
        """The Admin page's confirmed restore. First the core checks that the logged-in user may
        restore and that ``path`` is a backup of this profile (audited, on the database thread);
        then sync stops, the main window goes, the database thread closes the profile, restores the
        backup and opens the profile again; the restore is audited in the restored chain, sync
        starts again and everyone logs in again. A refusal is said in a message box, before anything
        was stopped; a restore that fails after that leaves the profile as it was."""
        if self.db is None or self.restoring or self.window is None:
            return
        actor = self.window.actor
        self.restoring = True
        self.db.submit(
            lambda counter: counter.backups.request_restore(actor, path),
            lambda _entry: self._swap(actor, path),
            self._restore_refused,
        )

    def _restore_refused(self, error: BaseException) -> None:
        self.restoring = False
        self._say_not_restored(error)

    def _swap(self, actor: Actor, path: str) -> None:
        assert self.db is not None
        window, self.window = self.window, None
        self.idle.stop()
        if window is not None:
            window.hide()  # hide, not close: closing means quitting
            window.deleteLater()
        self._close_dialog()
        if self.sync is not None:
            self.sync.stop()  # it has its own connection to the files about to be replaced
            self.sync = None

        roots: list[Path] = []

        def swap(root: Path) -> Path:  # on the database thread, the profile closed
            from counter_app.paths import DataPaths
            from counter_app.services.backups import restore_backup

            roots.append(root)
            return restore_backup(DataPaths(root), Path(path))

        self.db.reopen(
            swap,
            lambda safety: self._restored(actor, Path(path), safety, roots[0]),
            lambda error: self._restore_failed(Path(path), error, roots[0] if roots else None),
        )

    def _restored(self, actor: Actor | None, source: Path, safety: Path, root: Path) -> None:
        assert self.db is not None
        if actor is not None:
            self.db.submit(
                lambda counter: counter.backups.record_restore(actor, source, safety), None, _log_failure
            )
        self._after_restore(root)

    def _restore_failed(self, source: Path, error: BaseException, root: Path | None) -> None:
        log.warning("restoring %s failed: %s", source, error)
        self._say_not_restored(error)
        self._after_restore(root)

    def _say_not_restored(self, error: BaseException) -> None:
        from ui.views.admin.backups import backup_error_text

        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("The backup was not restored"), backup_error_text(error)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _result: self._drop_message_box(box))
        self.message_box = box
        box.show()

    def _drop_message_box(self, box: QMessageBox) -> None:
        if self.message_box is box:
            self.message_box = None
        box.deleteLater()

    def _after_restore(self, root: Path | None) -> None:
        self.restoring = False
        if self._make_sync is not None and root is not None:
            self.sync = self._make_sync(root)
            self.sync.start()
        assert self.db is not None
        self.db.submit(
            lambda counter: counter.accounts.needs_first_admin(), self._first_screen, self._open_failed
        )
        self._read_office_settings()

    # --- view options -------------------------------------------------------------------------------
    def set_large_text(self, on: bool) -> None:
        """Scale the application's font (every widget without a font of its own follows); remember it."""
        self.preferences.large_text = on
        normal = self._normal_font if self._normal_font is not None else QApplication.font()
        QApplication.setFont(scaled_font(normal, on))
        # A widget with a style sheet keeps the font it was polished with: polish it again.
        for widget in QApplication.allWidgets():
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())

    def use_language(self, language: str) -> None:
        """Install ``language``'s translations in place of the ones this controller installed."""
        app = QCoreApplication.instance()
        assert app is not None
        if self._locale_before is None:
            self._locale_before = QLocale()
        self._remove_translators()
        QLocale.setDefault(locale_for(language))
        self._translators = install_translators(app, language)
        self.language = language
        if isinstance(app, QApplication):
            app.setApplicationDisplayName(display_name())

    def switch_language(self, language: str) -> None:
        """The View menu's choice: remember it, install it, and rebuild the main window in it.

        Rebuilding (rather than retranslating every page) keeps the pages simple; the open page,
        size and position are kept, text typed into an unfinished form is not.
        """
        self.preferences.language = language
        if language == self.language:
            return
        self.use_language(language)
        old = self.window
        if old is None:
            return
        page, geometry = old.stack.currentIndex(), old.geometry()
        self.window = None
        old.blockSignals(True)
        old.hide()
        old.deleteLater()
        self._show_main_window(old.actor)
        assert self.window is not None
        self.window.setGeometry(geometry)
        self.window.show_page(page)

    def _remove_translators(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []

    def _replace_dialog(self, dialog: QDialog) -> None:
        self._close_dialog()
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            # The dialog may still be inside its own signal handler: let Qt delete it afterwards.
            dialog.blockSignals(True)
            dialog.hide()
            dialog.deleteLater()


def run(
    data_dir: str | None,
    *,
    language: str | None = None,
    sync_interval_s: float = DEFAULT_INTERVAL_S,
    probe_interval_s: float = DEFAULT_PROBE_INTERVAL_S,
    demo_credentials: Sequence[DemoCredential] = (),
) -> int:
    """Open the desktop app on the profile in ``data_dir`` (None: the default profile).

    ``language``: ``"zh_CN"`` (the default) or ``"en"``; None reads ``COUNTER_APP_LANG``, then the
    language last chosen in the View menu on this machine.
    Sync runs in the background (it waits quietly while the profile is not enrolled).
    ``demo_credentials`` are shown at the login (``counter-app demo`` only).
    Returns the process exit code: 0 after a normal quit, 1 when the profile cannot be opened.
    """
    existing = QApplication.instance()
    # Qt's own command-line options are not offered: the command line is ui/cli.py's.
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    preferences = Preferences.for_this_machine()
    controller = AppController(
        data_dir,
        make_sync=sync_for(sync_interval_s, probe_interval_s),
        demo_credentials=demo_credentials,
        preferences=preferences,
    )
    controller.use_language(choose_language(language, saved=preferences.language))
    configure_application(app)
    watch_first_window(app)  # only with COUNTER_APP_SMOKE_REPORT set (ui/smoke.py): the bundle's test
    # Queued: an exit asked for before the event loop runs still ends it.
    controller.finished.connect(app.exit, Qt.ConnectionType.QueuedConnection)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()  # also removes the translators and the large font
