"""Live validation at the desk: the registration form and the service item's own form."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.intake_support import (
    FULL_ID,
    SUBSISTENCE,
    Desk,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
    resident_id,
)
from ui.views.intake.register_form import RegisterForm
from ui.views.intake.view import FORM, SERVICE

EMPLOYMENT = "990101101-20-0301-001"


def registration(desk: Desk) -> RegisterForm:
    panel = desk.view.applicant_panel
    desk.mnemonic("r", panel.register_button)
    return panel.register_form


def test_id_number_check_digit_birth_date_and_sex_as_typed(desk: Desk) -> None:
    form = registration(desk)
    form.id_number.setFocus()
    desk.type("1101051949")
    assert form.id_message.message == ""  # still being typed
    assert form.derived.text() == "10 of 18 characters"
    desk.type("12310021")  # the check character should be X
    assert form.id_message.message == "The check digit does not match: a digit was probably mistyped."
    desk.key(Qt.Key.Key_Backspace)
    desk.type("X")
    assert form.id_message.message == ""
    assert form.derived.text() == "Born 1949-12-31, Female"

    form.id_number.clear()
    desk.type(resident_id("11010520301231001"))  # born 2030, after the counter's today (2026-11-23)
    assert form.id_message.message == "The birth date in the number (2030-12-31) is in the future."
    form.id_number.clear()
    desk.type(resident_id("11010519490230001"))
    assert form.id_message.message == "The birth date in the number is not a real date."
    form.id_number.clear()
    desk.type(resident_id("99010519491231002"))  # right check character, no province 99
    assert form.id_message.message == "The first two digits are not a province code."
    form.id_number.clear()
    desk.type("1101051949")
    desk.tab()  # leaving a number half typed
    assert form.id_message.message == "A resident ID number is 17 digits followed by a digit or X."


def test_mobile_number_as_typed(desk: Desk) -> None:
    form = registration(desk)
    form.phone.setFocus()
    desk.type("1381")
    assert form.phone_message.message == ""
    desk.tab()
    assert form.phone_message.message == "A mobile number is 11 digits starting with 13 to 19."
    form.phone.clear()
    form.phone.setFocus()
    desk.type("12345678901")
    assert form.phone_message.message == "A mobile number is 11 digits starting with 13 to 19."
    form.phone.clear()
    desk.type("13912345678")
    assert form.phone_message.message == ""


def test_saving_names_the_field_at_fault(desk: Desk) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    form = registration(desk)
    desk.ctrl_enter()  # the core refuses on the database thread; the message comes back
    assert form.name_message.message == "This field is required."
    assert desk.focus() is form.name
    desk.type("张三")
    form.id_number.setFocus()
    desk.type(FULL_ID)
    desk.ctrl_enter()
    assert (
        form.id_message.message == "This ID number is already registered: search for the applicant instead."
    )
    assert desk.focus() is form.id_number
    assert desk.counter.ctx.applicants.count() == 1


def test_an_organisation_is_registered_with_its_credit_code(desk: Desk) -> None:
    form = registration(desk)
    assert desk.focus() is form.kind
    desk.key(Qt.Key.Key_Down)
    assert not form.is_person
    assert not form.id_number.isVisibleTo(form) and form.uscc.isVisibleTo(form)
    desk.tab()
    desk.type("示范县青山农业合作社")
    desk.tab()
    assert desk.focus() is form.uscc
    desk.type("91350100M000100Y44")
    assert (
        form.uscc_message.message == "The check character does not match: a character was probably mistyped."
    )
    form.uscc.clear()
    desk.type("91350100M000100Y43")
    assert form.uscc_message.message == ""
    desk.tab()
    desk.type("王五")
    desk.ctrl_enter()
    assert desk.step() == SERVICE
    assert desk.counter.ctx.applicants.find_by_id_number("91350100M000100Y43") is not None
    picker = desk.view.service_picker
    assert [picker.proxy.item(row).code for row in range(picker.proxy.rowCount())] == [EMPLOYMENT]


def to_form(desk: Desk, initials: str) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.enter()
    desk.type(initials)
    desk.key(Qt.Key.Key_Return)
    assert desk.step() == FORM


def test_form_fields_are_checked_as_typed(desk: Desk) -> None:
    to_form(desk, "zdsh")
    panel = desk.view.form_panel
    assert desk.view.session.item is not None and desk.view.session.item.code == SUBSISTENCE
    size, size_message = panel.editors["household_size"].widget, panel.messages["household_size"]
    assert desk.focus() is size
    desk.type("25")
    assert size_message.message == "At most 20."
    size.clear()
    desk.type("0")
    assert size_message.message == "At least 1."
    size.clear()
    desk.type("two")
    assert size_message.message == "Enter a whole number."
    size.clear()
    desk.type("4")
    assert size_message.message == ""
    desk.tab()
    desk.type("-5")
    assert panel.messages["monthly_income_per_capita"].message == "At least 0."


def test_going_on_shows_every_problem_and_stops(desk: Desk) -> None:
    to_form(desk, "lsjz")  # 临时救助
    panel = desk.view.form_panel
    desk.ctrl_enter()
    assert desk.step() == FORM and desk.view.session.application is None
    assert desk.counter.ctx.store.scalar("SELECT count(*) FROM applications") == 0
    required = ["assistance_type", "cause", "incident_date", "description"]
    assert {name: panel.messages[name].message for name in required} == dict.fromkeys(
        required, "This field is required."
    )
    assert panel.messages["amount_requested"].message == ""
    assert desk.focus() is panel.editors["assistance_type"].widget
    date = panel.editors["incident_date"].widget
    date.setFocus()
    desk.type("2019-12-31")
    assert panel.messages["incident_date"].message == "At least 2020-01-01."
    date.clear()
    desk.type("2026-02-30")
    assert panel.messages["incident_date"].message == "There is no such date."


def test_pattern_and_id_number_fields_of_a_form(desk: Desk) -> None:
    to_form(desk, "csdj")  # 出生登记
    panel = desk.view.form_panel
    certificate = panel.editors["birth_certificate_no"].widget
    certificate.setFocus()
    desk.type("123")
    assert panel.messages["birth_certificate_no"].message == "This does not have the expected form."
    mother = panel.editors["mother_id_number"].widget
    mother.setFocus()
    desk.type("11010519950315")
    assert panel.messages["mother_id_number"].message == ""  # not whole yet
    desk.type("0020")
    assert panel.messages["mother_id_number"].message.startswith("The check digit does not match")
