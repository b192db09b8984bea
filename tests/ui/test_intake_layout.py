"""The intake page: in the main window, named for screen readers, reachable by keyboard, 1366×768."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from tests.ui.intake_support import (
    Desk,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
)
from tests.ui.test_accessibility import unnamed_controls
from ui.app import build_main_window
from ui.views.intake import IntakeView
from ui.views.intake.view import APPLICANT, DECISION, FORM, MATERIALS, NOTICE, SERVICE
from ui.workers import Database

SCREEN = QSize(1366, 768 - 40)  # a taskbar takes the rest


def fits(desk: Desk) -> None:
    hint = desk.window.minimumSizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height(), hint


def check_page(desk: Desk, step: int) -> None:
    assert desk.step() == step
    assert unnamed_controls(desk.view) == []
    fits(desk)
    assert desk.view.step_bar.buttons[step].isChecked()


def test_every_step_is_named_and_fits_the_screen(desk: Desk, qtbot: QtBot) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    desk.window.resize(SCREEN)
    check_page(desk, APPLICANT)
    desk.view.applicant_panel.open_registration()
    check_page(desk, APPLICANT)
    desk.view.applicant_panel.close_registration()
    desk.type("zs")
    desk.ctrl_enter()  # before the search is back: takes the first result once it is
    check_page(desk, SERVICE)
    desk.type("lsjz")  # 临时救助: the longest form of the demo catalogue
    desk.ctrl_enter()
    check_page(desk, FORM)
    form = desk.view.form_panel
    for name, value in (
        ("assistance_type", "emergency"),
        ("cause", "fire"),
        ("incident_date", "2026-11-01"),
        ("description", "家中失火"),
    ):
        form.editors[name].set_raw(value)
    desk.ctrl_enter()
    check_page(desk, MATERIALS)
    desk.ctrl_enter()
    check_page(desk, DECISION)
    for radio in desk.view.decision_panel.radios.values():
        if radio.isEnabled():
            radio.setChecked(True)
            assert unnamed_controls(desk.view) == []
            fits(desk)
    desk.view.decision_panel.notify_radio.setChecked(True)
    desk.ctrl_enter()
    check_page(desk, NOTICE)
    assert desk.view.step_bar.buttons[APPLICANT].isEnabled() is False  # decided: no way back
    assert not desk.view.back_button.isEnabled()


def test_tab_walks_the_registration_in_reading_order(desk: Desk) -> None:
    panel = desk.view.applicant_panel
    desk.mnemonic("r", panel.register_button)
    form = panel.register_form
    assert desk.focus() is form.kind
    for expected in (
        form.name,
        form.id_number,
        form.phone,
        form.address,
        form.save_button,
        form.cancel_button,
    ):
        desk.tab()
        assert QApplication.focusWidget() is expected


def test_steps_are_reached_with_alt_and_a_number(desk: Desk) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.ctrl_enter()
    desk.type("zdsh")
    desk.ctrl_enter()
    assert desk.step() == FORM
    desk.key_alt_number(1)
    assert desk.step() == APPLICANT
    desk.key_alt_number(5)  # not open yet: nothing happens
    desk.settle()
    assert desk.step() == APPLICANT
    desk.key_alt_number(3)  # forward again, through the service step, which is still chosen
    desk.settle()
    assert desk.step() == FORM
    form = desk.view.form_panel
    form.editors["household_size"].set_raw("2")
    form.editors["monthly_income_per_capita"].set_raw("300")
    form.editors["housing"].set_raw("own")
    desk.ctrl_enter()
    assert desk.step() == MATERIALS
    draft = desk.view.session.application
    assert draft is not None and draft.form["household_size"] == 2
    assert not desk.view.step_bar.buttons[APPLICANT].isEnabled()  # drafted: applicant and service are fixed

    desk.alt("b")  # the Back button's mnemonic (an animated click)
    desk.qtbot.waitUntil(lambda: desk.step() == FORM)
    form.editors["household_size"].widget.setFocus()
    form.editors["household_size"].widget.clear()
    desk.type("5")
    desk.key_alt_number(4)  # going forward saves the form on the way (on the database thread)
    desk.settle()
    assert desk.step() == MATERIALS
    stored = desk.counter.cases.get(desk.clerk, draft.id)
    assert stored.form["household_size"] == 5


def test_the_main_window_shows_the_intake_page(qtbot: QtBot, db: Database, clerk: Actor) -> None:
    window = build_main_window(db, clerk)
    qtbot.addWidget(window)
    page = window.stack.widget(0)
    assert isinstance(page, IntakeView) and window.current_page() == "intake"
    assert page.session.actor == clerk
    qtbot.waitUntil(lambda: page.idle)
    catalogue = page.service_picker.catalogue
    assert catalogue is not None and catalogue.version == "2026.1"  # read on the database thread
    assert page.session.today().isoformat() == "2026-11-23"  # the profile's clock, not the machine's


def test_a_role_that_does_not_take_applications_in_is_told_so(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    view = IntakeView(db, admin)
    qtbot.addWidget(view)
    view.show()
    assert view.card_reader is None
    texts = " ".join(label.text() for label in view.findChildren(QWidget) if hasattr(label, "text"))
    assert "does not take applications in" in texts
