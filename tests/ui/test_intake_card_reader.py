"""The ID card reader acting as a keyboard: a fast burst of keys ending in Enter, anywhere on the page.

The burst is recognised at once, on the UI thread; the lookup it starts runs on the database thread,
so the tests wait (``desk.settle``) before looking at where the page went."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.intake_support import (
    FULL_ID,
    SUBSISTENCE,
    Desk,
    card_burst,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
    resident_id,
    to_materials,
)
from ui.views.intake.view import APPLICANT, FORM, MATERIALS, SERVICE


def test_a_burst_finds_the_applicant_wherever_the_focus_is(desk: Desk) -> None:
    zhang = register_zhang_san(desk.counter, desk.clerk)
    panel = desk.view.applicant_panel
    panel.register_button.setFocus()  # not in the search box
    with desk.qtbot.waitSignal(desk.view.card_reader.scanned) as scanned:
        card_burst(desk.focus(), FULL_ID)
    assert scanned.args == [FULL_ID]
    desk.settle()
    assert desk.step() == SERVICE
    assert desk.view.session.applicant is not None and desk.view.session.applicant.id == zhang.id


def test_the_burst_is_taken_back_out_of_the_field_it_landed_in(desk: Desk) -> None:
    zhang = register_zhang_san(desk.counter, desk.clerk)
    panel = desk.view.applicant_panel
    panel.open_registration()
    name = panel.register_form.name
    name.setFocus()
    desk.type("zhang")
    card_burst(desk.focus(), FULL_ID, gap_ms=8)
    assert name.text() == "zhang"  # the reader's characters are gone again
    desk.settle()
    assert desk.view.session.applicant is not None and desk.view.session.applicant.id == zhang.id
    assert desk.step() == SERVICE
    assert panel.search.text() == FULL_ID and not panel.registering


def test_slow_typing_of_the_same_keys_is_not_a_card_read(desk: Desk) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    form = desk.view.applicant_panel
    form.open_registration()
    name = form.register_form.name
    name.setFocus()
    with desk.qtbot.assertNotEmitted(desk.view.card_reader.scanned):
        card_burst(desk.focus(), FULL_ID, gap_ms=180)  # a quick typist: still ~5 keys a second
    assert name.text() == FULL_ID
    assert form.registering and desk.step() == APPLICANT


def test_keys_without_timestamps_never_form_a_burst(desk: Desk) -> None:
    """QTest sends timestamp 0: typing an ID number and Enter in the search takes the normal path."""
    register_zhang_san(desk.counter, desk.clerk)
    with desk.qtbot.assertNotEmitted(desk.view.card_reader.scanned):
        desk.type(FULL_ID)
        desk.enter()
    assert desk.step() == SERVICE


def test_an_unknown_card_opens_the_registration_with_the_number(desk: Desk) -> None:
    number = resident_id("44030619880808123")
    card_burst(desk.focus(), number)
    desk.settle()
    panel = desk.view.applicant_panel
    assert desk.step() == APPLICANT and panel.registering
    assert panel.register_form.id_number.text() == number
    assert panel.register_form.derived.text() == "Born 1988-08-08, Male"
    assert desk.focus() is panel.register_form.name


def test_a_card_read_into_an_id_field_of_the_form_stays_there(desk: Desk) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.enter()
    desk.type("csdj")  # 出生登记: asks for the mother's ID number
    desk.key(Qt.Key.Key_Return)
    assert desk.step() == FORM
    mother_field = desk.view.form_panel.editors["mother_id_number"].widget
    mother_field.setFocus()
    mother = resident_id("11010519950315002")
    with desk.qtbot.assertNotEmitted(desk.view.card_reader.scanned):
        card_burst(mother_field, mother)
    assert mother_field.text() == mother


def test_a_card_read_during_an_intake_does_not_lose_it(desk: Desk) -> None:
    to_materials(desk)
    draft = desk.view.session.application
    card_burst(desk.focus(), resident_id("44030619880808123"))
    desk.settle()
    assert desk.step() == MATERIALS and desk.view.session.application == draft
    assert "Ctrl+N" in desk.view.message.message
    assert draft is not None and draft.item_code == SUBSISTENCE
