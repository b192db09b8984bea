"""Every control a user can reach has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from tests.ui.helpers import settle
from ui.app import build_main_window
from ui.dialogs.first_admin import FirstAdminDialog
from ui.dialogs.login import LoginDialog
from ui.workers import Database

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    controls = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisibleTo(root)]
    assert controls, "no interactive widget found: the walk is broken"
    return [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not w.accessibleName().strip()]


def test_first_admin_dialog_controls_are_named(qtbot: QtBot, db: Database) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_login_dialog_controls_are_named(qtbot: QtBot, db: Database) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_main_window_controls_are_named(qtbot: QtBot, db: Database, clerk: Actor) -> None:
    window = build_main_window(db, clerk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, db)  # the pages are filled
    assert unnamed_controls(window) == []


def test_tab_walks_the_first_admin_form_in_reading_order(qtbot: QtBot, db: Database) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.username.setFocus()
    order = [dialog.display_name, dialog.password, dialog.confirm, dialog.submit_button, dialog.quit_button]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
