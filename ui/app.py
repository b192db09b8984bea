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

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app.accounts import Actor
from counter_app.core import Counter
from ui.dialogs.first_admin import FirstAdminDialog
from ui.dialogs.login import DemoCredential, LoginDialog
from ui.i18n import app_font, choose_language, error_text, install_translators, locale_for
from ui.main_window import MainWindow
from ui.sync_controller import DEFAULT_INTERVAL_S, DEFAULT_PROBE_INTERVAL_S, SyncController
from ui.views.intake import IntakeView

log = logging.getLogger(__name__)

APP_NAME = "Counter"
EXIT_OK = 0
EXIT_CANNOT_OPEN = 1

OpenProfile = Callable[[str | None], Counter]
MakeSync = Callable[[Counter], SyncController]


def build_main_window(
    counter: Counter, actor: Actor, parent: QWidget | None = None, *, sync: SyncController | None = None
) -> MainWindow:
    """The main window for ``actor`` over an open profile (not shown)."""
    return MainWindow(
        actor, counter.admin.status, parent, sync=sync, intake_factory=lambda: IntakeView(counter, actor)
    )


def sync_for(interval_s: float, probe_interval_s: float) -> MakeSync:
    """Automatic sync for the open profile (its own thread opens the same data directory)."""

    def make(counter: Counter) -> SyncController:
        root = counter.ctx.paths.root
        return SyncController(root, interval_s=interval_s, probe_interval_s=probe_interval_s)

    return make


def configure_application(app: QApplication) -> None:
    """Names and font; call after the translators are installed (the display name is translated)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Counter Government Service Desk"))
    app.setFont(app_font(app.font()))
    # The controller decides when the app ends: between the login dialog closing and the main
    # window opening no window is visible, and that must not quit.
    app.setQuitOnLastWindowClosed(False)


class AppController(QObject):
    """Opens the profile and walks through first-admin set-up, login and the main window.

    Call on the UI thread. ``finished(exit_code)`` says the application should end: 0 when the
    user quit, 1 when the profile could not be opened (after the user read why).

    ``make_sync``: when given, sync runs in the background from the moment the profile is open
    until ``shutdown()``, across locks. ``demo_credentials``: shown in the login dialog (demo mode).
    """

    finished = Signal(int)

    def __init__(
        self,
        data_dir: str | None,
        *,
        open_profile: OpenProfile = Counter.open,
        make_sync: MakeSync | None = None,
        demo_credentials: Sequence[DemoCredential] = (),
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._open_profile = open_profile
        self._make_sync = make_sync
        self._demo_credentials = tuple(demo_credentials)
        self.counter: Counter | None = None
        self.sync: SyncController | None = None
        self.dialog: QDialog | None = None
        self.window: MainWindow | None = None
        self.message_box: QMessageBox | None = None

    def start(self) -> None:
        try:
            self.counter = self._open_profile(self._data_dir)
        except Exception as exc:  # CounterError on purpose; anything else still deserves words, not a crash
            log.exception("cannot open the profile")
            self._show_open_error(exc)
            return
        if self._make_sync is not None:
            self.sync = self._make_sync(self.counter)
            self.sync.start()
        if self.counter.accounts.needs_first_admin():
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
        if self.sync is not None:
            self.sync.stop()  # before the profile closes: it may be mid-sync on its own connection
            self.sync = None
        if self.counter is not None:
            self.counter.close()
            self.counter = None

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
        assert self.counter is not None
        dialog = FirstAdminDialog(self.counter.accounts)
        dialog.created.connect(lambda actor: self._show_login(actor.username))
        dialog.rejected.connect(lambda: self.finished.emit(EXIT_OK))
        self._replace_dialog(dialog)

    def _show_login(self, username: str = "") -> None:
        assert self.counter is not None
        dialog = LoginDialog(
            self.counter.accounts, username=username, demo_credentials=self._demo_credentials
        )
        dialog.logged_in.connect(self._show_main_window)
        dialog.rejected.connect(lambda: self.finished.emit(EXIT_OK))
        self._replace_dialog(dialog)

    def _show_main_window(self, actor: Actor) -> None:
        assert self.counter is not None
        self._close_dialog()
        window = build_main_window(self.counter, actor, sync=self.sync)
        window.lock_requested.connect(self.lock)
        window.closed.connect(lambda: self.finished.emit(EXIT_OK))
        self.window = window
        window.show()
        window.activateWindow()

    def lock(self) -> None:
        """Put the main window away (nothing of it stays on screen) and ask for a login again."""
        window, self.window = self.window, None
        if window is None:
            return
        username = window.actor.username
        window.hide()  # hide, not close: closing means quitting
        window.deleteLater()
        self._show_login(username)

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

    ``language``: ``"zh_CN"`` (the default) or ``"en"``; None reads ``COUNTER_APP_LANG``.
    Sync runs in the background (it waits quietly while the profile is not enrolled).
    ``demo_credentials`` are shown at the login (``counter-app demo`` only).
    Returns the process exit code: 0 after a normal quit, 1 when the profile cannot be opened.
    """
    existing = QApplication.instance()
    # Qt's own command-line options are not offered: the command line is ui/cli.py's.
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    chosen = choose_language(language)
    QLocale.setDefault(locale_for(chosen))
    translators = install_translators(app, chosen)
    configure_application(app)
    controller = AppController(
        data_dir, make_sync=sync_for(sync_interval_s, probe_interval_s), demo_credentials=demo_credentials
    )
    # Queued: an exit asked for before the event loop runs still ends it.
    controller.finished.connect(app.exit, Qt.ConnectionType.QueuedConnection)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
        for translator in translators:
            app.removeTranslator(translator)
