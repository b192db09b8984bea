"""From opening the profile to the main window, driven by keyboard like a clerk would."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.accounts import MAX_FAILED_LOGINS, Actor, Role
from counter_app.core import Counter
from counter_app.errors import CorruptDatabase, ValidationError
from counter_app.records import AuditFilter
from counter_app.services.accounts import AccountService
from tests.ui.helpers import press_enter, settle, settle_app, type_text
from ui.app import EXIT_CANNOT_OPEN, EXIT_OK, AppController
from ui.dialogs.first_admin import FirstAdminDialog
from ui.dialogs.first_start import OfficeSetupDialog
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.views.intake import IntakeView
from ui.workers import Database

PASSWORD = "correct horse 1"  # the conftest's staff accounts use it


def current_dialog(qtbot: QtBot, controller: AppController, kind: type) -> object:
    """The dialog the controller shows, once it is a ``kind`` (the database answers first)."""
    if controller.db is not None:
        settle(qtbot, controller.db)
    dialog = controller.dialog
    assert isinstance(dialog, kind), f"expected {kind.__name__}, showing {type(dialog).__name__}"
    qtbot.waitExposed(dialog)
    return dialog


def log_in(qtbot: QtBot, controller: AppController, username: str, password: str) -> LoginDialog:
    dialog = current_dialog(qtbot, controller, LoginDialog)
    dialog.username.clear()
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.password, password)
    press_enter(qtbot, dialog.password)
    assert controller.db is not None
    settle(qtbot, controller.db)
    return dialog


# --- first start ------------------------------------------------------------------------------------
def test_first_start_creates_the_administrator_by_keyboard(
    qtbot: QtBot, controller: AppController, counter: Counter
) -> None:
    controller.start()
    dialog = current_dialog(qtbot, controller, FirstAdminDialog)
    type_text(qtbot, dialog.username, "wangfang")
    type_text(qtbot, dialog.display_name, "王芳")
    type_text(qtbot, dialog.password, "s3cret-pass")
    type_text(qtbot, dialog.confirm, "s3cret-pass")
    press_enter(qtbot, dialog.confirm)
    assert dialog.creating  # the account is made on the database thread
    assert controller.db is not None
    settle(qtbot, controller.db)

    actor = counter.accounts.login("wangfang", "s3cret-pass")
    assert actor.role is Role.ADMIN
    assert actor.display_name == "王芳"
    assert not counter.accounts.needs_first_admin()
    # logged in as the new administrator (audited), the walk goes on with the office's details
    setup = current_dialog(qtbot, controller, OfficeSetupDialog)
    assert setup.actor.username == "wangfang" and setup.actor.role is Role.ADMIN
    logins = counter.audit_trail.events(
        Actor.command_line("tester"), AuditFilter(action="login", outcome="success")
    )
    # the dialog's login, then this test's own above
    assert [event.actor for event in logins] == ["user:wangfang", "user:wangfang"]


def test_mismatched_passwords_show_the_message_and_create_nothing(
    qtbot: QtBot, controller: AppController, counter: Counter
) -> None:
    controller.start()
    dialog = current_dialog(qtbot, controller, FirstAdminDialog)
    type_text(qtbot, dialog.username, "wangfang")
    type_text(qtbot, dialog.password, "s3cret-pass")
    type_text(qtbot, dialog.confirm, "s3cret-pasz")
    assert dialog.confirm_message.message == "The two passwords do not match."  # live, before submitting
    press_enter(qtbot, dialog.confirm)

    assert counter.accounts.needs_first_admin()
    assert controller.dialog is dialog and dialog.isVisible()
    assert dialog.confirm_message.isVisible()


def test_a_short_password_is_flagged_while_typing(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    dialog = current_dialog(qtbot, controller, FirstAdminDialog)
    type_text(qtbot, dialog.password, "short")
    assert dialog.password_message.message == "The password needs at least 8 characters."
    type_text(qtbot, dialog.password, "-enough")
    assert dialog.password_message.message == ""
    assert dialog.password_message.isHidden()


def test_an_empty_form_names_the_missing_fields(
    qtbot: QtBot, controller: AppController, counter: Counter
) -> None:
    controller.start()
    dialog = current_dialog(qtbot, controller, FirstAdminDialog)
    press_enter(qtbot, dialog.username)
    assert dialog.username_message.message == "Enter a user name."
    assert dialog.password_message.message
    assert counter.accounts.needs_first_admin()


class RefusingAccounts:
    """Stands in for the account service to make the core refuse a field."""

    def __init__(self, error: ValidationError) -> None:
        self.error = error

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        raise self.error


class RefusingProfile:
    """Stands in for a Counter whose accounts refuse; served by a real Database thread."""

    def __init__(self, error: ValidationError, root: Path) -> None:
        self.accounts = RefusingAccounts(error)
        self.data_dir = root

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("field", "code", "expected"),
    [
        ("username", "duplicate", "This user name is already taken."),
        ("password", "too_short", "The password needs at least 8 characters."),
    ],
)
def test_the_cores_refusal_is_shown_at_the_named_field(
    qtbot: QtBot, field: str, code: str, expected: str, tmp_path: Path
) -> None:
    profile = RefusingProfile(ValidationError(field, "refused", code=code), tmp_path)
    db = Database(lambda: profile)  # type: ignore[arg-type, return-value]
    db.start()
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, "wangfang")
    type_text(qtbot, dialog.password, "s3cret-pass")
    type_text(qtbot, dialog.confirm, "s3cret-pass")
    press_enter(qtbot, dialog.confirm)
    settle(qtbot, db)
    db.close()

    message = dialog.username_message if field == "username" else dialog.password_message
    assert message.message == expected
    assert dialog.form_message.message == ""
    assert dialog.isVisible()


# --- login ---------------------------------------------------------------------------------------------
def test_wrong_password_then_lock_out(qtbot: QtBot, controller: AppController, clerk: Actor) -> None:
    controller.start()
    for attempt in range(1, MAX_FAILED_LOGINS):
        dialog = log_in(qtbot, controller, clerk.username, f"wrong {attempt}")
        assert dialog.message.message == "Wrong user name or password."
        assert dialog.password.text() == ""
    dialog = log_in(qtbot, controller, clerk.username, "wrong again")
    locked = "This account is locked. Ask an administrator to unlock it."
    assert dialog.message.message == locked
    # Even the right password now gets the locked message, and the window stays closed.
    dialog = log_in(qtbot, controller, clerk.username, PASSWORD)
    assert dialog.message.message == locked
    assert controller.window is None
    # Nothing says how many attempts there were or are left.
    assert not any(ch.isdigit() for ch in dialog.message.message)


def test_unknown_user_gets_the_same_message_as_a_wrong_password(
    qtbot: QtBot, controller: AppController, clerk: Actor
) -> None:
    controller.start()
    dialog = log_in(qtbot, controller, "nobody", PASSWORD)
    assert dialog.message.message == "Wrong user name or password."


def test_login_opens_the_main_window_with_the_user_in_the_status_bar(
    qtbot: QtBot, controller: AppController, clerk: Actor
) -> None:
    controller.start()
    log_in(qtbot, controller, clerk.username, PASSWORD)

    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitExposed(window)
    assert controller.dialog is None
    status_texts = [label.text() for label in window.statusBar().findChildren(type(window.user_label))]
    assert any("clerk one" in text and "Counter clerk" in text for text in status_texts)
    assert window.pending_label.text() == "0 operation(s) waiting to sync"
    # The clerk can type (or read an ID card) at once: the focus is in the intake's search.
    intake = window.stack.currentWidget()
    assert isinstance(intake, IntakeView)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.applicant_panel.search)


def test_keyboard_shortcuts_switch_pages_and_lock(
    qtbot: QtBot, controller: AppController, clerk: Actor
) -> None:
    controller.start()
    log_in(qtbot, controller, clerk.username, PASSWORD)
    window = controller.window
    assert window is not None
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    assert window.current_page() == "intake"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "applications"
    assert window.navigation.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "dashboard"

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.window is None
    assert not window.isVisible()
    login = current_dialog(qtbot, controller, LoginDialog)
    assert login.username.text() == clerk.username
    assert login.password.text() == ""


def test_quitting_at_the_login_ends_the_app(qtbot: QtBot, controller: AppController, clerk: Actor) -> None:
    controller.start()
    dialog = current_dialog(qtbot, controller, LoginDialog)
    with qtbot.waitSignal(controller.finished) as finished:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished.args == [EXIT_OK]


def test_closing_the_main_window_ends_the_app(qtbot: QtBot, controller: AppController, clerk: Actor) -> None:
    controller.start()
    log_in(qtbot, controller, clerk.username, PASSWORD)
    assert controller.window is not None
    with qtbot.waitSignal(controller.finished) as finished:
        controller.window.close()
    assert finished.args == [EXIT_OK]


# --- a profile that cannot be opened --------------------------------------------------------------------
def test_a_corrupt_database_is_reported_with_the_last_backup(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "broken"
    (data_dir / "backups").mkdir(parents=True)
    (data_dir / "counter.db").write_bytes(b"this is not a database" * 100)
    older = data_dir / "backups" / "pre-migration-v1-20261120-090000.db"
    newer = data_dir / "backups" / "pre-migration-v2-20261122-090000.db"
    older.write_bytes(b"old")
    newer.write_bytes(b"new")
    os.utime(older, (1_000_000, 1_000_000))

    controller = AppController(str(data_dir))
    try:
        controller.start()
        settle_app(qtbot, controller)  # the profile is opened on the database thread
        box = controller.message_box
        assert box is not None
        qtbot.waitExposed(box)
        assert "is damaged" in box.text()
        assert str(newer) in box.text()
        assert controller.dialog is None
        with qtbot.waitSignal(controller.finished) as finished:
            box.buttons()[0].click()
        assert finished.args == [EXIT_CANNOT_OPEN]
    finally:
        controller.shutdown()


def test_a_database_from_a_newer_version_is_refused_with_words(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "newer"
    Counter.open(data_dir).close()
    with sqlite3.connect(data_dir / "counter.db") as conn:
        conn.execute("PRAGMA user_version = 999")
    controller = AppController(str(data_dir))
    try:
        controller.start()
        settle_app(qtbot, controller)  # the profile is opened on the database thread
        box = controller.message_box
        assert box is not None
        assert "newer version of Counter" in box.text()
        assert "999" in box.text()
        with qtbot.waitSignal(controller.finished) as finished:
            box.buttons()[0].click()
        assert finished.args == [EXIT_CANNOT_OPEN]
    finally:
        controller.shutdown()


def test_a_failure_after_opening_is_reported_not_left_hanging(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(_self: object) -> bool:
        raise CorruptDatabase(str(tmp_path / "counter.db"), "disk I/O error", [])

    monkeypatch.setattr(AccountService, "needs_first_admin", broken)
    controller = AppController(str(tmp_path / "profile"))
    try:
        controller.start()
        settle_app(qtbot, controller)
        box = controller.message_box
        assert box is not None and "is damaged" in box.text()
        assert controller.dialog is None
        with qtbot.waitSignal(controller.finished) as finished:
            box.buttons()[0].click()
        assert finished.args == [EXIT_CANNOT_OPEN]
    finally:
        controller.shutdown()


def test_the_app_sweeps_old_orphaned_scan_files_at_start(
    qtbot: QtBot, controller: AppController, counter: Counter, clerk: Actor
) -> None:
    orphan = counter.ctx.paths.attachments / "0b6e1d1e-0000-4000-8000-000000000000.bin"
    orphan.write_bytes(b"encrypted bytes of a removed scan")
    old = orphan.stat().st_mtime - 3 * 24 * 3600
    os.utime(orphan, (old, old))
    controller.start()
    current_dialog(qtbot, controller, LoginDialog)  # the app is usable at once ...
    assert controller.db is not None
    settle(qtbot, controller.db)  # ... and the housekeeping behind it has run
    assert not orphan.exists()
