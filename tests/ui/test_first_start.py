"""First start of a real office: the administrator's account, the office on notices, enrollment
with the platform (against the real central server) or "later: work offline", then the Admin
page with the checklist of what is left."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from central import admin
from counter_app.accounts import Actor, Role
from counter_app.core import Counter
from counter_app.errors import PermissionDenied
from counter_app.resources import demo_catalogue_path
from counter_app.services import checklist
from tests.central_server import CentralServer, running_server
from tests.ui.helpers import press_enter, settle, type_text
from ui.app import AppController
from ui.dialogs.first_admin import FirstAdminDialog
from ui.dialogs.first_start import OfficeSetupDialog
from ui.main_window import MainWindow
from ui.views.admin import AdminView

OFFICE = "QS"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, "青山镇便民服务中心")
        admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


def _dialog(qtbot: QtBot, controller: AppController, kind: type):
    assert controller.db is not None
    settle(qtbot, controller.db)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, kind))
    dialog = controller.dialog
    qtbot.waitExposed(dialog)
    return dialog


def _create_admin(qtbot: QtBot, controller: AppController) -> OfficeSetupDialog:
    controller.start()
    first = _dialog(qtbot, controller, FirstAdminDialog)
    type_text(qtbot, first.username, "wangfang")
    type_text(qtbot, first.display_name, "王芳")
    type_text(qtbot, first.password, "s3cret-pass")
    type_text(qtbot, first.confirm, "s3cret-pass")
    press_enter(qtbot, first.confirm)
    return _dialog(qtbot, controller, OfficeSetupDialog)


def _office(qtbot: QtBot, controller: AppController, setup: OfficeSetupDialog) -> None:
    type_text(qtbot, setup.office_name, "青山镇便民服务中心")
    type_text(qtbot, setup.office_contact, "0571-12345678 青山镇政府一楼")
    press_enter(qtbot, setup.office_contact)
    assert controller.db is not None
    settle(qtbot, controller.db)
    assert setup.steps.currentIndex() == 1  # on to the platform


def _admin_page(qtbot: QtBot, controller: AppController) -> AdminView:
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow))
    window = controller.window
    assert window is not None and window.current_page() == "admin"
    page = window.page("admin")
    assert isinstance(page, AdminView)
    assert controller.db is not None
    settle(qtbot, controller.db)
    return page


def test_the_walk_enrolls_with_the_platform_and_lands_on_the_checklist(
    qtbot: QtBot, controller: AppController, counter: Counter, central: CentralServer
) -> None:
    setup = _create_admin(qtbot, controller)
    _office(qtbot, controller, setup)
    code = admin.new_enroll_code(central.engine, OFFICE)
    type_text(qtbot, setup.server, central.url)
    type_text(qtbot, setup.code, code)
    type_text(qtbot, setup.device_name, "1号窗口")
    press_enter(qtbot, setup.device_name)

    page = _admin_page(qtbot, controller)
    # the office is on notices and the counter enrolled: what is left is staff and the backup folder
    # (and the key, which the test profile keeps in the fallback file only when no keyring works)
    left = [key for key in page.left if key != checklist.KEYS]
    assert left == [checklist.STAFF, checklist.BACKUP_FOLDER]
    assert page.checklist.isVisible()
    shown = [key for key, (label, _button) in page.checklist_rows.items() if label.isVisible()]
    assert shown == page.left
    settings = counter.office_settings.get()
    assert (settings.notice_office_name, settings.office_contact) == (
        "青山镇便民服务中心",
        "0571-12345678 青山镇政府一楼",
    )
    enrollment = counter.enrollment.current()
    assert enrollment is not None and enrollment.office_code == OFFICE
    assert counter.enrollment.token()  # the device token is in the keyring


def test_a_wrong_code_is_said_at_the_code_and_work_offline_goes_on(
    qtbot: QtBot, controller: AppController, counter: Counter, central: CentralServer
) -> None:
    setup = _create_admin(qtbot, controller)
    _office(qtbot, controller, setup)
    type_text(qtbot, setup.server, central.url)
    type_text(qtbot, setup.code, "WRONG-CODE")
    press_enter(qtbot, setup.code)
    qtbot.waitUntil(lambda: not setup.working)  # the request runs on a pool thread
    assert "not known" in setup.code_message.message
    assert counter.enrollment.current() is None
    assert controller.dialog is setup  # still there to try again

    setup.offline_button.click()
    page = _admin_page(qtbot, controller)
    assert checklist.PLATFORM in page.left and checklist.OFFICE not in page.left


def test_the_checklist_is_the_administrators(counter: Counter) -> None:
    clerk_actor = Actor.staff("u1", "clerk1", "李", Role.CLERK)
    supervisor = Actor.staff("u2", "sup1", "张", Role.SUPERVISOR)
    for actor in (clerk_actor, supervisor):
        with pytest.raises(PermissionDenied):
            counter.checklist.items(actor)
    assert [item.key for item in counter.checklist.items(Actor.command_line("t"))] == list(checklist.ITEMS)


def test_the_offices_idle_lock_minutes_apply_at_start_and_when_saved(
    qtbot: QtBot, controller: AppController, counter: Counter
) -> None:
    cli = Actor.command_line("t")
    counter.accounts.create_first_admin("wangfang", "王芳", "s3cret-pass")
    counter.office_settings.save(cli, replace(counter.office_settings.get(), idle_lock_minutes=7))
    controller.start()
    assert controller.db is not None
    settle(qtbot, controller.db)
    assert controller.idle.timeout_ms == 7 * 60_000
    controller.apply_office_settings(replace(counter.office_settings.get(), idle_lock_minutes=0))
    assert not controller.idle.enabled  # 0: never lock
