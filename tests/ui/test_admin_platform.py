"""The Admin page's Platform tab against the real central server on loopback: enrolling (a good code, a
wrong one, an expired one, another office's, an unreachable platform), the last syncs, Sync now, Full
sync and verify, and Cancel of a running sync."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from central import admin as central_admin
from central import db as central_db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from counter_app.services.seed import Seeder
from sync.engine import Progress, enroll
from tests.central_server import CentralServer, running_server
from tests.ui.helpers import settle, type_text
from ui.sync_controller import SyncController
from ui.views.admin.platform import PlatformTab
from ui.views.admin.platform_log import SyncLogModel
from ui.workers import Database

OFFICE = "QS"
OFFICE_NAME = "青山镇便民服务中心"
SYNC_TIMEOUT_MS = 30_000
NET_TIMEOUT_MS = 20_000
DESK = Actor.command_line("desk")


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, OFFICE_NAME)
        server.office("BS", "白水乡便民服务中心")
        central_admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


class GatedSync(SyncController):
    """The app's controller, paused (on the scheduler's thread) once the first push batch is recorded,
    until the test opens the gate: a sync that is surely running when Cancel is pressed."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.paused = threading.Event()
        self.gate = threading.Event()

    def _progress_in_scheduler_thread(self, progress: Progress) -> None:
        pause = progress.stage == "push" and progress.done > 0 and not self.gate.is_set()
        if pause:
            self.paused.set()
        super()._progress_in_scheduler_thread(progress)
        if pause:
            self.gate.wait(SYNC_TIMEOUT_MS / 1000)


@pytest.fixture
def make_sync(counter: Counter) -> Iterator[Callable[..., SyncController]]:
    made: list[SyncController] = []

    def factory(kind: type[SyncController] = SyncController, batch_size: int = 500) -> SyncController:
        sync = kind(counter.ctx.paths.root, interval_s=3600, probe_interval_s=0.05, batch_size=batch_size)
        made.append(sync)
        return sync

    yield factory
    for sync in made:
        if isinstance(sync, GatedSync):
            sync.gate.set()
        sync.stop()


def shown_tab(qtbot: QtBot, db: Database, actor: Actor, sync: SyncController | None = None) -> PlatformTab:
    tab = PlatformTab(db, actor, sync=sync)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload()
    settle(qtbot, db)
    return tab


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def try_enroll(qtbot: QtBot, tab: PlatformTab, server: str, code: str, name: str = "") -> None:
    if tab.enroll_dialog is None or not tab.enroll_dialog.isVisible():
        qtbot.mouseClick(tab.enroll_button, Qt.MouseButton.LeftButton)
    dialog = tab.enroll_dialog
    assert dialog is not None and dialog.isVisible()
    for edit, text in ((dialog.server, server), (dialog.code, code), (dialog.device_name, name)):
        edit.clear()
        if text:
            type_text(qtbot, edit, text)
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)


def wait_message(qtbot: QtBot, message: QWidget) -> str:
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=NET_TIMEOUT_MS)  # type: ignore[attr-defined]
    return message.text()  # type: ignore[attr-defined]


def log_cells(tab: PlatformTab, row: int) -> dict[str, str]:
    model = tab.log_model
    columns = {
        "trigger": SyncLogModel.TRIGGER,
        "outcome": SyncLogModel.OUTCOME,
        "pushed": SyncLogModel.PUSHED,
        "pulled": SyncLogModel.PULLED,
        "conflicts": SyncLogModel.CONFLICTS,
        "rejected": SyncLogModel.REJECTED,
        "error": SyncLogModel.ERROR,
    }
    return {name: model.data(model.index(row, column)) for name, column in columns.items()}


def applied_on_central(central: CentralServer) -> int:
    with central.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(central_db.applied_ops)).scalar_one())


def test_enrolling_from_the_page_names_what_is_wrong_next_to_the_field(
    qtbot: QtBot, db: Database, admin: Actor, counter: Counter, central: CentralServer
) -> None:
    tab = shown_tab(qtbot, db, admin)
    assert tab.state_label.text().startswith("Not enrolled")
    assert tab.device_id_label.text() == "—" and not tab.sync_button.isEnabled()

    try_enroll(qtbot, tab, central.url, "ZZZZ-ZZZZ-ZZZZ")
    dialog = tab.enroll_dialog
    assert dialog is not None
    assert "not known to the platform" in wait_message(qtbot, dialog.code_message)
    assert not dialog.server_message.isVisible() and dialog.isVisible()

    expired = central_admin.new_enroll_code(central.engine, OFFICE, ttl_hours=0)
    try_enroll(qtbot, tab, central.url, expired)
    qtbot.waitUntil(lambda: "expired" in dialog.code_message.text(), timeout=NET_TIMEOUT_MS)
    assert dialog.code_message.isVisible()

    try_enroll(qtbot, tab, closed_port_url(), central_admin.new_enroll_code(central.engine, OFFICE))
    assert "cannot be reached" in wait_message(qtbot, dialog.server_message)
    assert not dialog.code_message.isVisible()
    assert counter.enrollment.current() is None  # nothing was kept from the failures

    good = central_admin.new_enroll_code(central.engine, OFFICE)
    with qtbot.waitSignal(dialog.enrolled, timeout=NET_TIMEOUT_MS):
        try_enroll(qtbot, tab, central.url, good, "window 1")
    settle(qtbot, db)
    assert not dialog.isVisible()
    device = central_admin.list_devices(central.engine, OFFICE)[0]
    assert tab.device_id_label.text() == device["id"] and device["name"] == "window 1"
    assert tab.device_name_label.text() == "window 1"
    assert tab.office_label.text() == f"{OFFICE_NAME} ({OFFICE})"
    assert tab.server_label.text() == central.url
    assert tab.prefix_label.text() == device["receipt_prefix"]
    assert tab.state_label.text() == "Enrolled."
    enrolled = counter.enrollment.current()
    assert enrolled is not None and enrolled.device_id == device["id"] and counter.enrollment.token()
    event = [e for e in counter.ctx.audit_log.iter_events() if e["action"] == "device.enroll"][-1]
    assert event["actor"] == admin.audit_name


def test_a_profile_holding_records_is_not_enrolled_with_another_office(
    qtbot: QtBot, db: Database, admin: Actor, counter: Counter, central: CentralServer
) -> None:
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "c1")
    Seeder(counter, DESK, 1).run(1)
    tab = shown_tab(qtbot, db, admin)
    assert tab.server_label.text() == central.url

    try_enroll(qtbot, tab, central.url, central_admin.new_enroll_code(central.engine, "BS"))
    dialog = tab.enroll_dialog
    assert dialog is not None
    assert "another office" in wait_message(qtbot, dialog.code_message)
    settle(qtbot, db)
    current = counter.enrollment.current()
    assert current is not None and current.office_code == OFFICE


def test_sync_now_and_full_sync_and_verify_from_the_page_and_the_log(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    counter: Counter,
    central: CentralServer,
    make_sync: Callable[..., SyncController],
) -> None:
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "c1")
    sync = make_sync()
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS):
        sync.start()  # the scheduler's own first sync, automatic
    Seeder(counter, DESK, 2).run(2)
    pending = counter.exchange.pending_count()
    tab = shown_tab(qtbot, db, admin, sync)
    assert log_cells(tab, 0)["trigger"] == "Automatic" and log_cells(tab, 0)["outcome"] == "Done"
    assert tab.sync_button.isEnabled() and not tab.cancel_button.isEnabled()

    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as done:
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
        assert tab.running and tab.cancel_button.isEnabled() and not tab.sync_button.isEnabled()
    assert done.args[0]["outcome"] == "ok" and done.args[0]["pushed"] == pending
    settle(qtbot, db)
    assert tab.log_model.rowCount() == 2
    first = log_cells(tab, 0)  # newest first
    assert first["trigger"] == "Sync now" and first["outcome"] == "Done"
    assert first["pushed"] == str(pending) and first["conflicts"] == "0" and first["rejected"] == "0"
    assert first["error"] == ""
    assert not tab.progress_bar.isVisible() and tab.sync_button.isEnabled()

    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as full:
        qtbot.mouseClick(tab.full_button, Qt.MouseButton.LeftButton)
    assert full.args[0]["outcome"] == "ok" and full.args[0]["verified"] is True
    settle(qtbot, db)
    assert "Verified" in tab.result_label.text()
    newest = log_cells(tab, 0)
    assert newest["trigger"] == "Full sync and verify" and newest["outcome"] == "Done"
    assert any(e["action"] == "sync.reset" for e in counter.ctx.audit_log.iter_events())


def test_cancel_stops_a_running_sync_and_the_next_one_sends_the_rest_once(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    counter: Counter,
    central: CentralServer,
    make_sync: Callable[..., SyncController],
) -> None:
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "c1")
    Seeder(counter, DESK, 3).run(3)
    total = counter.exchange.pending_count()
    assert total > 10
    sync = make_sync(GatedSync, batch_size=5)
    assert isinstance(sync, GatedSync)
    tab = shown_tab(qtbot, db, admin, sync)

    sync.start()  # syncs at once; pauses once the first batch of 5 is recorded
    qtbot.waitUntil(
        lambda: tab.progress_bar.isVisible() and tab.progress_bar.value() == 5, timeout=SYNC_TIMEOUT_MS
    )
    assert sync.paused.is_set() and tab.progress_bar.maximum() == total
    assert tab.stage_label.text() == "Sending the work done here…"
    assert tab.cancel_button.isEnabled() and not tab.full_button.isEnabled()
    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as cancelled:
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        assert not tab.cancel_button.isEnabled()
        sync.gate.set()
    report = cancelled.args[0]
    assert report["outcome"] == "cancelled" and report["pushed"] == 5
    assert counter.exchange.pending_count() == total - 5  # the outbox is intact
    assert applied_on_central(central) == 5
    settle(qtbot, db)
    assert tab.result_label.text().startswith("Cancelled")
    assert log_cells(tab, 0)["outcome"] == "Cancelled" and log_cells(tab, 0)["pushed"] == "5"
    assert not tab.progress_bar.isVisible() and tab.sync_button.isEnabled()

    with qtbot.waitSignal(sync.finished, timeout=SYNC_TIMEOUT_MS) as rest:
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert rest.args[0]["outcome"] == "ok" and rest.args[0]["pushed"] == total - 5
    assert counter.exchange.pending_count() == 0
    assert applied_on_central(central) == total  # every op exactly once
    settle(qtbot, db)
    assert log_cells(tab, 0)["trigger"] == "Sync now" and log_cells(tab, 0)["pushed"] == str(total - 5)
