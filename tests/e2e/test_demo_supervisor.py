"""The supervision issue's "done when", end to end: in the demo with its embedded platform, the
supervisor logs in with the shown demo credentials, reads the office's real figures on 统计, saves the
intake chart as PNG and the per-item table as XLSX, closes a rectification task, resolves the demo's
sync conflict and sees the resolution reach the platform after "Sync now" (F5), and checks the audit
chain — by keyboard and mouse.

The app runs as ``counter-app demo`` builds it (``prepare_demo`` + the app controller), in this test's
event loop instead of ``app.exec()``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from central import records
from central.db import make_engine
from counter_app.core import Counter
from tests.e2e.test_demo_desk import SYNC_TIMEOUT_MS, app, demo, exported  # noqa: F401 - fixtures
from tests.ui.helpers import settle_app, type_text
from ui.app import AppController
from ui.demo import DemoInfo
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.views.audit.view import AuditView
from ui.views.conflicts.view import ConflictsView
from ui.views.dashboard.tables import FiguresTableModel
from ui.views.dashboard.view import DashboardView
from ui.views.rectifications.view import RectificationsView

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
WAIT_MS = 20_000
DONE = "已电话回访申请人，说明办理进度，并对窗口人员进行了服务规范培训"


def go_to(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    """Ctrl+<number> of the page ``key``, as the navigation's tooltips say."""
    number = [page.key for page in window.pages].index(key) + 1
    assert f"(Ctrl+{number})" in window.navigation.item(number - 1).toolTip()
    window.activateWindow()  # back from a dialog: shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    assert window.current_page() == key
    page = window.stack.currentWidget()
    assert page is not None
    return page


def save_through_dialog(qtbot: QtBot, page: DashboardView, button, target: Path) -> None:
    """Click ``button``, choose the file in the (Qt) save dialog as the page's own tests do, and
    press Return in its file name box."""
    qtbot.mouseClick(button, LEFT)
    dialog = page.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    dialog.selectFile(str(target))
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(name, Qt.Key.Key_Return)
    assert saved.args == [target]
    assert str(target) in page.status.text() and not page.message.text()


@pytest.mark.slow
def test_a_supervisor_reads_the_figures_closes_a_task_resolves_the_conflict_and_checks_the_chain(
    qtbot: QtBot,
    demo: DemoInfo,  # noqa: F811 - the fixture
    app: AppController,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    account = next(a for a in demo.accounts if a.username == "supervisor")
    (receipt,) = demo.conflicted
    with Counter.open(demo.profile_dir) as own:  # the test's own connection, to check
        supervisor = own.accounts.login(account.username, account.password)
        assert own.conflicts.count() == 1

        # Log in with the demo credentials: a click on the user name, the password typed, Return.
        app.start()
        settle_app(qtbot, app)
        login = app.dialog
        assert isinstance(login, LoginDialog)
        assert account.password in login.demo_hint.text()
        login.demo_hint.linkActivated.emit(account.username)  # a click on the user name
        assert login.username.text() == account.username
        qtbot.keyClick(login.submit_button, Qt.Key.Key_Return)
        settle_app(qtbot, app)
        window = app.window
        assert isinstance(window, MainWindow) and window.actor.username == account.username
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None)
        qtbot.waitUntil(lambda: window.connection_label.text() == "● Online", timeout=SYNC_TIMEOUT_MS)
        qtbot.waitUntil(window.conflict_indicator.isVisible)
        assert window.conflict_indicator.text().startswith("⚠ 1 conflict")

        # 统计: last month's real figures, the same as the core's.
        dashboard = go_to(qtbot, window, "dashboard")
        assert isinstance(dashboard, DashboardView)
        dashboard.native_dialogs = False  # Qt's own save dialog, which the test can type into
        qtbot.waitUntil(lambda: dashboard.reading is not None, timeout=WAIT_MS)
        last_month = dashboard.period.findData("last_month")
        with qtbot.waitSignal(dashboard.figures_shown, timeout=WAIT_MS):
            dashboard.period.setFocus()
            qtbot.keyClick(dashboard.period, Qt.Key.Key_Down)  # this month -> last month
        assert dashboard.period.currentIndex() == last_month
        figures = own.dashboard.figures(supervisor, own.dashboard.period("last_month")).totals
        assert figures.taken_in > 0 and figures.completed > 0 and figures.overdue >= 1
        tiles = dashboard.tiles.tiles
        assert tiles["taken_in"].value.text() == str(figures.taken_in)
        assert tiles["completed"].value.text() == str(figures.completed)
        assert tiles["overdue"].value.text() == str(figures.overdue)
        assert tiles["bad_ratings"].value.text() == str(figures.bad_ratings)

        # The intake chart as PNG, the per-item table as XLSX, each through its save dialog.
        png = tmp_path / "intake.png"
        save_through_dialog(qtbot, dashboard, dashboard.intake_png, png)
        image = QImage(str(png))
        assert not image.isNull() and image.width() >= 600 and png.stat().st_size > 5_000
        xlsx = tmp_path / "per item.xlsx"
        save_through_dialog(qtbot, dashboard, dashboard.export_buttons[("items", "xlsx")], xlsx)
        rows = [list(row) for row in load_workbook(xlsx).active.iter_rows(values_only=True)]
        assert rows[0] == dashboard.items_model.titles() and len(rows) > 1
        taken_in = sum(row[FiguresTableModel.TAKEN_IN] for row in rows[1:])
        assert taken_in == figures.taken_in  # every item's line, adding up to the office's

        # 整改: the open task of a bad rating, closed with what was done.
        page = go_to(qtbot, window, "rectifications")
        assert isinstance(page, RectificationsView)
        open_tasks = own.ratings.rectifications(supervisor, "open")
        assert open_tasks
        qtbot.waitUntil(lambda: page.model.rowCount() == len(open_tasks), timeout=WAIT_MS)
        qtbot.mouseClick(
            page.table.viewport(), LEFT, pos=page.table.visualRect(page.model.index(0, 0)).center()
        )
        task = page.current_task()
        assert task is not None and task.status == "open" and task.receipt_no in page.details.text()
        before = {op.op_id for op in own.ctx.outbox.for_entity(task.id)}
        type_text(qtbot, page.resolution, DONE)  # Chinese, as an input method commits it
        qtbot.keyClick(page, Qt.Key.Key_C, ALT)  # &Close task
        qtbot.waitUntil(lambda: page.message.text() == f"Task closed: {task.receipt_no}", timeout=WAIT_MS)
        (closed,) = [t for t in own.ratings.rectifications(supervisor, "closed") if t.id == task.id]
        assert closed.resolution == DONE and closed.closed_by == supervisor.audit_name
        new_ops = [op for op in own.ctx.outbox.for_entity(task.id) if op.op_id not in before]
        assert len(new_ops) == 1  # queued (an automatic sync may have sent it already)
        assert (new_ops[0].entity, new_ops[0].op) == ("rectification", "update")
        assert new_ops[0].data["status"] == "closed" and new_ops[0].data["resolution"] == DONE

        # 同步冲突: the demo's conflict, opened from the status bar's indicator; the back office's
        # decision stands (keeping the suspension would ask the platform to suspend a completed case).
        platform_version = exported(demo)[receipt]["version"]
        qtbot.mouseClick(window.conflict_indicator, LEFT)
        view = window.stack.currentWidget()
        assert window.current_page() == "conflicts" and isinstance(view, ConflictsView)
        panel = view.conflicts
        assert panel is not None
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
        qtbot.mouseClick(
            panel.table.viewport(), LEFT, pos=panel.table.visualRect(panel.model.index(0, 0)).center()
        )
        assert panel.conflict is not None and panel.conflict.receipt_no == receipt
        assert receipt in panel.summary.text()
        with qtbot.waitSignal(panel.count_changed, timeout=WAIT_MS) as reread:
            qtbot.keyClick(panel.table, Qt.Key.Key_T, ALT)  # &Take the platform's
        assert reread.args == [0] and own.conflicts.count() == 0
        qtbot.waitUntil(lambda: not window.conflict_indicator.isVisible(), timeout=WAIT_MS)
        conflicted_id = exported(demo)[receipt]["id"]
        assert own.cases.get(supervisor, conflicted_id).status == "completed"

        # Sync now (F5): nothing left waiting, and the platform holds the record the counter holds.
        sync = app.sync
        assert sync is not None
        qtbot.waitUntil(lambda: not sync.busy and window.sync_button.isEnabled(), timeout=SYNC_TIMEOUT_MS)
        with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as finished:
            qtbot.keyClick(window, Qt.Key.Key_F5)
        report = finished.args[0]
        assert report["outcome"] == "ok" and report["pending"] == 0 and report["conflicts"] == 0
        status = own.admin.status()
        assert status.pending_ops == 0 and status.conflicts == 0 and status.rejected == 0
        on_platform = exported(demo)[receipt]
        local = own.cases.get(supervisor, conflicted_id)
        assert on_platform["status"] == local.status == "completed"
        assert on_platform["result"] == local.result == "granted"
        assert on_platform["version"] == platform_version  # taking its version sent it nothing
        # The closed task reached the platform once: created there in the demo's weeks (version 1),
        # closed by one update (version 2), with what was done.
        engine = make_engine(demo.central_db_url)
        try:
            with engine.connect() as conn:
                on_central = records.load(conn, task.id)
        finally:
            engine.dispose()
        assert on_central is not None and on_central.entity == "rectification"
        assert on_central.version == 2
        assert on_central.data["status"] == "closed" and on_central.data["resolution"] == DONE

        # 审计: the chain check, by its mnemonic.
        audit = go_to(qtbot, window, "audit")
        assert isinstance(audit, AuditView)
        qtbot.keyClick(audit, Qt.Key.Key_H, ALT)  # C&heck the chain
        qtbot.waitUntil(lambda: audit.chain is not None, timeout=WAIT_MS)
        assert audit.chain is not None and audit.chain.ok and audit.chain.events > 5 * demo.seeded
        assert audit.chain_result.text().startswith("The chain is intact: ")
