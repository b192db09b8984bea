"""The status bar's sync indicator and "Sync now", against the real central server on loopback."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from central import admin as central_admin
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import PermissionDenied
from counter_app.resources import demo_catalogue_path
from counter_app.services.seed import Seeder
from sync.engine import enroll
from tests.central_server import CentralServer, running_server
from tests.ui.helpers import settle
from ui.app import AppController, build_main_window
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.workers import Database

OFFICE = "QS"
SYNC_TIMEOUT_MS = 30_000


@pytest.fixture
def central(tmp_path) -> Iterator[CentralServer]:  # type: ignore[no-untyped-def]
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, "青山镇便民服务中心")
        central_admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


@pytest.fixture
def enrolled(counter: Counter, central: CentralServer) -> Counter:
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "counter 1")
    return counter


@pytest.fixture
def make_sync(counter: Counter) -> Iterator[Callable[..., SyncController]]:
    """A controller over the test's profile: no timed sync; probes often so tests do not wait."""
    made: list[SyncController] = []

    def factory(nudge_gap_s: float = 3600) -> SyncController:
        controller = SyncController(
            counter.ctx.paths.root, interval_s=3600, probe_interval_s=0.05, nudge_gap_s=nudge_gap_s
        )
        made.append(controller)
        return controller

    yield factory
    for controller in made:
        controller.stop()


def take_in(counter: Counter, applications: int, seed: int) -> None:
    Seeder(counter, Actor.command_line("desk"), seed).run(applications)


def shown(qtbot: QtBot, window: MainWindow, db: Database) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, db)  # the status has arrived from the database thread
    return window


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there any more: connection refused


def open_dialogs() -> list[QDialog]:
    widgets = QApplication.topLevelWidgets()
    return [w for w in widgets if isinstance(w, QDialog | QMessageBox) and w.isVisible()]


def test_sync_now_sends_the_pending_operations_and_the_indicator_follows(
    qtbot: QtBot, enrolled: Counter, supervisor: Actor, make_sync: Callable[[], SyncController], db: Database
) -> None:
    take_in(enrolled, 2, seed=1)
    pending = enrolled.admin.status().pending_ops
    assert pending > 0
    sync = make_sync()
    window = shown(qtbot, build_main_window(db, supervisor, sync=sync), db)
    assert window.pending_label.text() == f"{pending} operation(s) waiting to sync"
    assert window.last_sync_label.text() == "Never synced"
    assert window.connection_label.text() == "● Checking the connection…"
    assert window.sync_button.isVisible() and window.sync_button.text() == "Sync now (F5)"

    threads: list[QThread] = []
    sync.finished.connect(lambda _report: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as first:
        sync.start()  # the scheduler syncs as soon as it finds the platform
    assert first.args[0]["outcome"] == "ok"
    qtbot.waitUntil(lambda: window.connection_label.text() == "● Online")
    settle(qtbot, db)  # the status read after the sync has arrived
    assert window.pending_label.text() == "0 operation(s) waiting to sync"

    take_in(enrolled, 1, seed=2)  # more work at the desk; the timer is an hour away
    window.refresh_status()
    settle(qtbot, db)
    assert window.pending_label.text() != "0 operation(s) waiting to sync"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as second:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    report = second.args[0]
    assert report["outcome"] == "ok" and report["pushed"] > 0 and report["pending"] == 0

    qtbot.waitUntil(lambda: window.pending_label.text() == "0 operation(s) waiting to sync")
    assert window.connection_label.text() == "● Online"
    assert window.connection_label.toolTip() == f"Connected to {enrolled.admin.status().server}"
    assert window.last_sync_label.text().startswith("Last sync: 20")
    assert enrolled.admin.status().pending_ops == 0
    # The scheduler's callbacks reached the window on the UI thread, through the controller.
    assert threads and all(thread is QApplication.instance().thread() for thread in threads)
    assert open_dialogs() == []


def test_a_clerk_has_no_sync_now_and_the_core_refuses_it(
    qtbot: QtBot, enrolled: Counter, clerk: Actor, make_sync: Callable[[], SyncController], db: Database
) -> None:
    sync = make_sync()
    window = shown(qtbot, build_main_window(db, clerk, sync=sync), db)
    assert window.sync_button.isHidden()
    assert window.sync_action not in window.actions()  # F5 does nothing for a clerk
    assert window.pending_label.text() == "0 operation(s) waiting to sync"  # the indicator is there
    with pytest.raises(PermissionDenied):
        sync.sync_now(clerk)
    with pytest.raises(PermissionDenied):
        window.sync_now()


def test_the_clerks_work_goes_out_without_anyone_pressing_sync(
    qtbot: QtBot, enrolled: Counter, clerk: Actor, make_sync: Callable[..., SyncController], db: Database
) -> None:
    sync = make_sync(nudge_gap_s=0.0)
    window = shown(qtbot, build_main_window(db, clerk, sync=sync), db)
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS):
        sync.start()  # the first sync after start: nothing to send yet
    qtbot.waitUntil(lambda: window.connection_label.text() == "● Online")

    take_in(enrolled, 1, seed=4)  # the clerk takes an application in
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as ran:
        window.refresh_status()  # the window's status timer; it sees the waiting work
    assert ran.args[0]["outcome"] == "ok" and ran.args[0]["pushed"] > 0
    qtbot.waitUntil(lambda: window.pending_label.text() == "0 operation(s) waiting to sync")
    assert enrolled.admin.status().pending_ops == 0


def test_only_new_waiting_work_starts_a_sync_and_at_most_once_a_gap(
    qtbot: QtBot, enrolled: Counter, make_sync: Callable[..., SyncController], monkeypatch: pytest.MonkeyPatch
) -> None:
    sync = make_sync(nudge_gap_s=3600)
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS):
        sync.start()
    qtbot.waitUntil(lambda: sync.online is True)
    asked: list[bool] = []
    monkeypatch.setattr(sync._scheduler, "run_now", lambda: asked.append(True))
    sync.work_waiting(5)  # within the gap after the last sync: not now
    assert asked == []
    sync.nudge_gap_s = 0.0
    sync.work_waiting(5)
    assert asked == [True]
    sync.busy = True  # a sync is running: it takes the work with it
    sync.work_waiting(5)
    assert asked == [True]
    sync.busy = False
    # What the last sync could not send (a record with an open conflict waits for a decision) does
    # not start sync after sync; only more work than it left behind does.
    assert sync.last_report is not None
    sync.last_report = {**sync.last_report, "pending": 3}
    sync.work_waiting(3)
    assert len(asked) == 1
    sync.work_waiting(4)
    assert asked == [True, True]
    # Before the first report after start, the scheduler's own first sync is on its way (it syncs
    # once it finds the platform): no second one is asked for behind it.
    sync.last_report = None
    sync.work_waiting(50)
    assert asked == [True, True]


def test_offline_is_shown_quietly(
    qtbot: QtBot, enrolled: Counter, admin: Actor, make_sync: Callable[[], SyncController], db: Database
) -> None:
    url = closed_port_url()
    with enrolled.ctx.store.transaction():
        enrolled.ctx.settings.set("server_url", url)  # the link is down
    take_in(enrolled, 1, seed=3)
    sync = make_sync()
    window = shown(qtbot, build_main_window(db, admin, sync=sync), db)
    with qtbot.waitSignal(sync.online_changed, timeout=SYNC_TIMEOUT_MS) as went:
        sync.start()
    assert went.args == [False]
    qtbot.waitUntil(lambda: window.connection_label.text() == "● Offline")
    assert url in window.connection_label.toolTip() and "Work carries on" in window.connection_label.toolTip()
    assert window.pending_label.text() != "0 operation(s) waiting to sync"  # kept for later

    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    assert "cannot be reached" in window.statusBar().currentMessage()
    assert window.connection_label.text() == "● Offline"
    assert open_dialogs() == []


def test_a_profile_without_a_platform_keeps_working(
    qtbot: QtBot, counter: Counter, supervisor: Actor, make_sync: Callable[[], SyncController], db: Database
) -> None:
    sync = make_sync()
    window = shown(qtbot, build_main_window(db, supervisor, sync=sync), db)
    with qtbot.waitSignal(sync.online_changed, timeout=SYNC_TIMEOUT_MS):
        sync.start()
    assert window.connection_label.text() == "● Not connected to a platform"
    assert window.sync_button.isVisible() and not window.sync_button.isEnabled()
    assert window.last_sync_label.text() == "Never synced"
    window.sync_now()  # F5 on a disabled button: nothing happens, nothing is shown
    assert open_dialogs() == []
    window.show_page(1)
    assert window.current_page() == "applications"


def test_the_app_controller_runs_sync_for_the_session_and_stops_it(
    qtbot: QtBot, counter: Counter, clerk: Actor, make_sync: Callable[[], SyncController]
) -> None:
    controller = AppController(
        None, open_profile=lambda data_dir: Counter.open(data_dir), make_sync=lambda _root: make_sync()
    )
    try:
        controller.start()
        assert controller.db is not None
        settle(qtbot, controller.db)  # opened on the database thread; then sync starts
        sync = controller.sync
        assert sync is not None
        qtbot.waitUntil(lambda: sync.online is False)  # not enrolled: quietly "offline"
        thread = sync._scheduler._thread
        assert thread is not None and thread.is_alive()
    finally:
        controller.shutdown()
    assert controller.sync is None and not thread.is_alive()
