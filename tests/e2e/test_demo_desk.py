"""The issue's "done when", end to end: the demo with its embedded platform, a clerk logs in with the
shown demo credentials, takes applications in by keyboard, saves the notices as PDF, and sees the
pending count fall to zero when the demo platform syncs — without pressing anything.

The app runs as ``counter-app demo`` builds it (``prepare_demo`` + the app controller with automatic
sync), in this test's event loop instead of ``app.exec()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.core import Counter
from counter_app.workflow import Status
from tests.ui.helpers import settle_app
from tests.ui.intake_support import (
    FULL_ID,
    SUBSISTENCE,
    Desk,
    pdf_text,
    register_zhang_san,
)
from tests.ui.test_demo import export
from tests.ui.test_intake_flow import choose_service, fill_subsistence_form, find_applicant
from ui.app import AppController
from ui.demo import DemoInfo, prepare_demo
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.views.intake import IntakeView
from ui.views.intake.scans import ScanFolder
from ui.views.intake.view import DECISION, NOTICE

SYNC_TIMEOUT_MS = 30_000
DOWN = Qt.Key.Key_Down


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoInfo]:
    with prepare_demo(tmp_path / "demo") as info:
        yield info


@pytest.fixture
def app(qtbot: QtBot, demo: DemoInfo) -> Iterator[AppController]:
    controller = AppController(
        str(demo.profile_dir),
        # As the demo runs it, but probing often so the test does not wait for the platform.
        make_sync=lambda root: SyncController(root, interval_s=3600, probe_interval_s=0.05, nudge_gap_s=0.0),
        demo_credentials=demo.accounts,
        idle_lock_ms=0,
    )
    yield controller
    controller.shutdown()


def exported(demo: DemoInfo) -> dict[str, dict]:
    """The platform's applications by receipt number, as its operator reads them."""
    return {app["receipt_no"]: app for app in export(demo)}


def save_notice(desk: Desk, path: Path) -> str:
    desk.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.view.result_panel.save_dialog
    assert dialog is not None
    desk.answer(dialog, path)
    desk.settle()
    return pdf_text(path)


@pytest.mark.slow
def test_a_clerk_takes_applications_in_at_the_demo_and_they_reach_the_platform(
    qtbot: QtBot, demo: DemoInfo, app: AppController, tmp_path: Path
) -> None:
    clerk_account = next(a for a in demo.accounts if a.username == "clerk1")
    with Counter.open(demo.profile_dir) as own:  # the test's own connection, to set up and check
        clerk = own.accounts.login(clerk_account.username, clerk_account.password)
        register_zhang_san(own, clerk)

        app.start()
        settle_app(qtbot, app)
        login = app.dialog
        assert isinstance(login, LoginDialog)
        assert clerk_account.password in login.demo_hint.text()  # shown in demo mode
        login.demo_hint.linkActivated.emit(clerk_account.username)  # a click on the user name
        qtbot.keyClick(login.submit_button, Qt.Key.Key_Return)
        settle_app(qtbot, app)
        window = app.window
        assert isinstance(window, MainWindow)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None)
        qtbot.waitUntil(lambda: window.connection_label.text() == "● Online", timeout=SYNC_TIMEOUT_MS)
        assert not window.sync_button.isVisible()  # a clerk has no "Sync now": sync is automatic

        assert app.db is not None
        view = window.stack.widget(0)
        assert isinstance(view, IntakeView)
        desk = Desk(qtbot, own, app.db, clerk, window, view, ScanFolder(tmp_path / "desk.ini"))
        view.materials_panel.native_dialogs = False
        view.result_panel.native_dialogs = False

        # 1. Accept: the 最低生活保障 form by keyboard, every material received, the 受理通知书.
        find_applicant(desk, "张三")  # the demo office has other citizens whose initials hold zs
        choose_service(desk, "zdsh", SUBSISTENCE)
        fill_subsistence_form(desk)
        desk.mnemonic("r", view.materials_panel.all_button)
        desk.ctrl_enter()
        assert desk.step() == DECISION
        desk.ctrl_enter()
        assert desk.step() == NOTICE
        accepted = view.session.application
        assert accepted is not None and accepted.status == Status.ACCEPTED.value
        text = save_notice(desk, tmp_path / "accepted.pdf")
        assert "受理通知书" in text and accepted.receipt_no in text and FULL_ID not in text

        # 2. Refuse, for the next citizen (Ctrl+N), with the reason and remedies.
        desk.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        find_applicant(desk, "张三")  # the demo office has other citizens whose initials hold zs
        choose_service(desk, "zdsh", SUBSISTENCE)
        fill_subsistence_form(desk)
        desk.ctrl_enter()  # nothing handed in
        assert desk.step() == DECISION
        decision = view.decision_panel
        desk.mnemonic("f", decision.refuse_radio)
        desk.ctrl_enter()  # no reason yet: the focus goes to it
        assert desk.focus() is decision.reason
        desk.type("Not a resident of this township.")
        desk.ctrl_enter()
        assert desk.step() == NOTICE
        refused = view.session.application
        assert refused is not None and refused.status == Status.REFUSED.value
        assert "不予受理通知书" in save_notice(desk, tmp_path / "refused.pdf")

        # The pending count falls to zero by itself: the window's status timer (every 5 s) sees the
        # work waiting and asks for a sync; nobody presses anything.
        assert own.admin.status().last_sync is not None
        qtbot.waitUntil(lambda: own.admin.status().pending_ops == 0, timeout=SYNC_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.pending_label.text().startswith("0 "), timeout=SYNC_TIMEOUT_MS)

    on_platform = exported(demo)
    assert on_platform[accepted.receipt_no]["status"] == Status.ACCEPTED.value
    assert on_platform[refused.receipt_no]["status"] == Status.REFUSED.value
    assert on_platform[accepted.receipt_no]["id"] == accepted.id  # the same record, exactly once
    assert sum(1 for a in on_platform.values() if a["id"] == accepted.id) == 1
