"""The Admin page's Staff tab (人员) and the login's forced password change, driven like an administrator
and a clerk would: real widgets offscreen, the real profile behind the database thread."""

from __future__ import annotations

import json
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import AuthenticationFailed
from tests.ui.helpers import press_enter, settle, settle_app, type_text
from ui.app import AppController, build_main_window
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.views.admin.staff import StaffModel, StaffTab
from ui.views.admin.staff_dialogs import ResetPasswordDialog, UserDialog
from ui.views.admin.view import AdminView
from ui.workers import Database

PASSWORD = "correct horse 1"  # the conftest's staff accounts use it
TEMPORARY = "temporary pw 42"


def staff_tab(qtbot: QtBot, db: Database, admin: Actor) -> StaffTab:
    tab = StaffTab(db, admin, native_dialogs=False)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.reload()
    settle(qtbot, db)
    return tab


def column(tab: StaffTab, col: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def row_of(tab: StaffTab, username: str) -> dict[int, str]:
    row = column(tab, StaffModel.USERNAME).index(username)
    return {col: tab.model.data(tab.model.index(row, col)) for col in range(StaffModel.COLUMN_COUNT)}


def open_dialog(qtbot: QtBot, tab: StaffTab, button) -> UserDialog | ResetPasswordDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_tab_lists_accounts_with_role_state_last_login_and_failures(
    qtbot: QtBot, counter: Counter, clock: FixedClock, db: Database, admin: Actor, clerk: Actor
) -> None:
    tab = staff_tab(qtbot, db, admin)
    assert column(tab, StaffModel.USERNAME) == ["admin1", "clerk1"]
    assert row_of(tab, "clerk1") == {
        StaffModel.USERNAME: "clerk1",
        StaffModel.DISPLAY_NAME: "clerk one",
        StaffModel.ROLE: "Counter clerk",
        StaffModel.STATE: "Active",
        StaffModel.LAST_LOGIN: "never",
        StaffModel.FAILED: "0",
    }
    assert row_of(tab, "admin1")[StaffModel.ROLE] == "Administrator"

    clock.advance(timedelta(minutes=5))
    counter.accounts.login("clerk1", PASSWORD)  # 09:35
    clock.advance(timedelta(minutes=10))
    try:
        counter.accounts.login("clerk1", "wrong password")  # 09:45
    except AuthenticationFailed:
        pass
    tab.reload()
    settle(qtbot, db)
    row = row_of(tab, "clerk1")
    assert (row[StaffModel.LAST_LOGIN], row[StaffModel.FAILED]) == ("2026-11-23 09:35", "1")
    index = tab.model.index(column(tab, StaffModel.USERNAME).index("clerk1"), StaffModel.FAILED)
    assert tab.model.data(index, Qt.ItemDataRole.ToolTipRole) == "Last failed attempt: 2026-11-23 09:45"


def test_add_a_user_from_the_tab(qtbot: QtBot, counter: Counter, db: Database, admin: Actor) -> None:
    tab = staff_tab(qtbot, db, admin)
    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert isinstance(dialog, UserDialog) and dialog.isVisible()

    type_text(qtbot, dialog.username, "admin1")  # taken: the core says so under the user name
    type_text(qtbot, dialog.display_name, "李娜")
    dialog.choose_role(Role.SUPERVISOR)
    type_text(qtbot, dialog.password, "li na password")
    type_text(qtbot, dialog.confirm, "li na passw0rd")
    press_enter(qtbot, dialog.confirm)
    confirm_message = dialog.targets["confirm"][1]
    assert confirm_message.message == "The two passwords do not match."
    assert not dialog.saving  # nothing was sent

    dialog.confirm.clear()
    type_text(qtbot, dialog.confirm, "li na password")
    press_enter(qtbot, dialog.confirm)
    settle(qtbot, db)
    assert dialog.targets["username"][1].message == "This user name is already taken."
    assert confirm_message.message == ""
    assert dialog.isVisible() and counter.ctx.users.by_username("lina") is None

    dialog.username.clear()
    type_text(qtbot, dialog.username, "lina")
    with qtbot.waitSignal(tab.changed):
        press_enter(qtbot, dialog.username)
    settle(qtbot, db)
    record = counter.ctx.users.by_username("lina")
    assert record is not None and (record.display_name, record.role) == ("李娜", "supervisor")
    assert tab.dialog is None
    assert column(tab, StaffModel.USERNAME) == ["admin1", "lina"]
    assert tab.selected() is not None and tab.selected().username == "lina"
    assert tab.message.text() == "Account lina added."
    assert counter.accounts.login("lina", "li na password").role is Role.SUPERVISOR


def test_edit_a_role_and_the_last_administrator_is_kept(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, clerk: Actor
) -> None:
    tab = staff_tab(qtbot, db, admin)
    assert tab.select("admin1")
    dialog = open_dialog(qtbot, tab, tab.edit_button)
    assert isinstance(dialog, UserDialog)
    assert dialog.username.isReadOnly() and dialog.username.text() == "admin1"
    dialog.choose_role(Role.CLERK)
    dialog.submit_button.click()
    settle(qtbot, db)
    assert dialog.targets["role"][1].message.startswith("This is the only active administrator")
    assert dialog.isVisible()
    dialog.cancel_button.click()
    assert counter.ctx.users.by_username("admin1").role == "admin"

    assert tab.select("clerk1")
    dialog = open_dialog(qtbot, tab, tab.edit_button)
    dialog.display_name.clear()
    type_text(qtbot, dialog.display_name, "张伟")
    dialog.choose_role(Role.SUPERVISOR)
    dialog.submit_button.click()
    settle(qtbot, db)
    assert tab.dialog is None
    row = row_of(tab, "clerk1")
    assert (row[StaffModel.DISPLAY_NAME], row[StaffModel.ROLE]) == ("张伟", "Supervisor")
    (event,) = [e for e in counter.ctx.audit_log.iter_events() if e["action"] == "user.edit"]
    assert json.loads(event["detail"])["changes"]["role"] == ["clerk", "supervisor"]


def test_lock_and_unlock_from_the_tab(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, clerk: Actor
) -> None:
    tab = staff_tab(qtbot, db, admin)
    assert tab.select("clerk1") and tab.lock_button.text() == "&Lock"
    qtbot.mouseClick(tab.lock_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert counter.ctx.users.by_username("clerk1").locked
    assert row_of(tab, "clerk1")[StaffModel.STATE] == "Locked"
    assert tab.selected().username == "clerk1" and tab.lock_button.text() == "&Unlock"
    qtbot.mouseClick(tab.lock_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert not counter.ctx.users.by_username("clerk1").locked
    assert tab.message.text() == "Account clerk1 unlocked."

    # The only administrator: refused by the core, said under the list.
    assert tab.select("admin1")
    qtbot.mouseClick(tab.lock_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert tab.message.text().startswith("The only active administrator cannot be locked")
    assert not counter.ctx.users.by_username("admin1").locked
    # ... and their own password is not reset from here.
    assert not tab.reset_button.isEnabled()


def reset_from_the_tab(qtbot: QtBot, tab: StaffTab, db: Database, username: str) -> None:
    assert tab.select(username)
    dialog = open_dialog(qtbot, tab, tab.reset_button)
    assert isinstance(dialog, ResetPasswordDialog)
    type_text(qtbot, dialog.password, "short")
    type_text(qtbot, dialog.confirm, "short")
    press_enter(qtbot, dialog.confirm)
    assert dialog.targets["password"][1].message == "The password needs at least 8 characters."
    dialog.password.clear()
    dialog.confirm.clear()
    type_text(qtbot, dialog.password, TEMPORARY)
    type_text(qtbot, dialog.confirm, TEMPORARY)
    with qtbot.waitSignal(tab.changed):
        press_enter(qtbot, dialog.confirm)
    settle(qtbot, db)


def test_reset_a_password_then_the_user_must_change_it_at_login(
    qtbot: QtBot, counter: Counter, db: Database, controller: AppController, admin: Actor, clerk: Actor
) -> None:
    tab = staff_tab(qtbot, db, admin)
    reset_from_the_tab(qtbot, tab, db, "clerk1")
    assert row_of(tab, "clerk1")[StaffModel.STATE] == "Active (must change password)"
    assert tab.message.text().startswith("The password of clerk1 was reset.")

    controller.start()
    settle_app(qtbot, controller)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.username, "clerk1")
    type_text(qtbot, dialog.password, TEMPORARY)
    press_enter(qtbot, dialog.password)
    settle_app(qtbot, controller)

    # Logged in, but not through: a new password first.
    assert dialog.changing_password and controller.window is None
    assert dialog.change_page.isVisible() and not dialog.login_page.isVisible()
    assert dialog.submit_button.text() == "Change password and log in"

    type_text(qtbot, dialog.new_password, "my own secret 7")
    type_text(qtbot, dialog.repeat_password, "my own secret 8")
    press_enter(qtbot, dialog.repeat_password)
    assert dialog.repeat_password_message.message == "The two passwords do not match."
    assert not dialog.checking

    dialog.new_password.clear()
    dialog.repeat_password.clear()
    type_text(qtbot, dialog.new_password, TEMPORARY)  # the core wants a new one
    type_text(qtbot, dialog.repeat_password, TEMPORARY)
    press_enter(qtbot, dialog.repeat_password)
    settle_app(qtbot, controller)
    assert dialog.new_password_message.message == "Choose a password different from the temporary one."
    assert controller.window is None

    dialog.new_password.clear()
    dialog.repeat_password.clear()
    type_text(qtbot, dialog.new_password, "my own secret 7")
    type_text(qtbot, dialog.repeat_password, "my own secret 7")
    with qtbot.waitSignal(dialog.logged_in) as logged_in:
        press_enter(qtbot, dialog.repeat_password)
    actor = logged_in.args[0]
    assert actor.username == "clerk1" and not actor.must_change_password
    settle_app(qtbot, controller)
    assert isinstance(controller.window, MainWindow) and controller.window.actor == actor

    assert not counter.accounts.login("clerk1", "my own secret 7").must_change_password
    actions = [e["action"] for e in counter.ctx.audit_log.iter_events()]
    assert actions.count("user.reset_password") == 1 and "user.passwd" in actions


def test_back_from_the_new_password_returns_to_the_login(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, clerk: Actor
) -> None:
    counter.accounts.reset_password(admin, "clerk1", TEMPORARY)
    dialog = LoginDialog(db, username="clerk1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.password, TEMPORARY)
    press_enter(qtbot, dialog.password)
    settle(qtbot, db)
    assert dialog.changing_password
    dialog.quit_button.click()  # "Back"
    assert not dialog.changing_password and dialog.isVisible()
    assert dialog.login_page.isVisible() and dialog.submit_button.text() == "Log in"
    assert dialog.actor is None and counter.ctx.users.by_username("clerk1").must_change_password
    # Enter logs in again (the temporary password retyped), and the new password is asked for again.
    type_text(qtbot, dialog.password, TEMPORARY)
    press_enter(qtbot, dialog.password)
    settle(qtbot, db)
    assert dialog.changing_password and dialog.actor is None


def test_a_clerks_main_window_has_no_admin_page(
    qtbot: QtBot, counter: Counter, db: Database, clerk: Actor, supervisor: Actor
) -> None:
    for actor in (clerk, supervisor):
        window = build_main_window(db, actor)
        qtbot.addWidget(window)
        assert "admin" not in [page.key for page in window.pages]
        assert window.page("admin") is None
    # Nor does the Admin page build the Staff tab for them if reached some other way.
    view = AdminView(db, clerk)
    qtbot.addWidget(view)
    assert view.staff is None
    settle(qtbot, db)


def test_the_administrators_main_window_has_the_staff_tab(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor
) -> None:
    window = build_main_window(db, admin)
    qtbot.addWidget(window)
    page = window.page("admin")
    assert isinstance(page, AdminView) and isinstance(page.staff, StaffTab)
    settle(qtbot, db)
