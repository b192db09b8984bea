"""The whole intake by keyboard, through each of the four decisions: the store and the notice PDF.

The page works on the database thread: each Ctrl+Enter waits (``desk.settle``) for the step's write
to come back before the test looks at the next step and the store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox

from counter_app.workflow import Status
from tests.ui.intake_support import (
    BIRTH,
    FULL_ID,
    MASKED_ID,
    SUBSISTENCE,
    TEMPORARY_AID,
    Desk,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    pdf_text,
    register_zhang_san,
    resident_id,
)
from ui.views.intake.view import APPLICANT, DECISION, FORM, MATERIALS, NOTICE, SERVICE

DOWN, SPACE = Qt.Key.Key_Down, Qt.Key.Key_Space


def find_applicant(desk: Desk, text: str) -> None:
    assert desk.step() == APPLICANT
    assert desk.focus() is desk.view.applicant_panel.search
    desk.type(text)
    desk.enter()  # pressed before the search is back: takes the first result once it is
    assert desk.step() == SERVICE


def choose_service(desk: Desk, initials: str, code: str) -> None:
    assert desk.focus() is desk.view.service_picker.search
    desk.type(initials)
    assert desk.view.service_picker.proxy.item(0).code == code  # the catalogue is searched in memory
    desk.key(Qt.Key.Key_Return)
    assert desk.step() == FORM
    assert desk.view.session.item is not None and desk.view.session.item.code == code


def save_pdf(desk: Desk, tmp_path: Path, name: str, *, masked: str = MASKED_ID, full: str = FULL_ID) -> str:
    """Ctrl+S, answer the file dialog, read the PDF back: its receipt number and masked ID, never the
    full one."""
    assert desk.step() == NOTICE
    desk.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.view.result_panel.save_dialog
    assert dialog is not None
    target = tmp_path / name
    desk.answer(dialog, target)
    desk.settle()  # written on a pool thread
    assert desk.view.result_panel.saved_to == target
    assert desk.view.result_panel.saved.text() == f"Saved: {target}"
    text = pdf_text(target)
    app = desk.view.session.application
    assert app is not None
    assert app.receipt_no in text
    assert masked in text
    assert full not in text and full[6:14] not in text
    return text


def test_accept_by_keyboard(desk: Desk, tmp_path: Path) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    find_applicant(desk, "zs")
    choose_service(desk, "zdsh", SUBSISTENCE)

    form = desk.view.form_panel
    assert desk.focus() is form.editors["household_size"].widget
    desk.type("3")
    desk.tab()
    desk.type("450.5")
    desk.tab()
    assert isinstance(desk.focus(), QComboBox)
    desk.key(DOWN)  # 自有住房
    desk.tab()
    assert isinstance(desk.focus(), QCheckBox)
    desk.key(SPACE)
    desk.ctrl_enter()
    assert desk.step() == MATERIALS, form.messages
    app = desk.view.session.application
    assert app is not None and app.status == Status.DRAFT.value
    assert app.form == {
        "household_size": 3,
        "monthly_income_per_capita": "450.5",
        "housing": "own",
        "has_disabled_member": True,
        "has_seriously_ill_member": False,
    }

    desk.mnemonic("r", desk.view.materials_panel.all_button)  # every mandatory material received
    desk.ctrl_enter()
    assert desk.step() == DECISION
    assert desk.view.decision_panel.accept_radio.isChecked()
    desk.ctrl_enter()
    assert desk.step() == NOTICE

    stored = desk.counter.cases.get(desk.clerk, app.id)
    assert stored.status == Status.ACCEPTED.value
    assert stored.due_date is not None
    materials = desk.counter.ctx.applications.materials(app.id)
    item = desk.counter.catalogue.item(SUBSISTENCE)
    for material in item.materials:
        record = materials[material.code]
        if material.mandatory:
            assert (record.originals, record.copies, record.status) == (
                material.originals,
                material.copies,
                "received",
            )
        else:
            assert (record.originals, record.copies) == (0, 0)
    text = save_pdf(desk, tmp_path, "accepted.pdf")
    assert "受理通知书" in text and "最低生活保障审核确认" in text

    desk.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the print preview, not blocking
    preview = desk.view.result_panel.preview
    assert preview is not None and preview.isVisible()
    assert app.receipt_no in preview.windowTitle()
    preview.reject()

    desk.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # the next applicant
    assert desk.step() == APPLICANT and desk.view.session.application is None
    assert desk.focus() is desk.view.applicant_panel.search


LI_SI_ID = resident_id("32010219800101001")  # a man born 1980-01-01


def test_accept_with_minor_materials_pending_after_registering_by_keyboard(
    desk: Desk, tmp_path: Path
) -> None:
    panel = desk.view.applicant_panel
    desk.mnemonic("r", panel.register_button)
    form = panel.register_form
    assert panel.registering and desk.focus() is form.kind
    desk.tab()
    desk.type("李四")
    desk.tab()
    assert desk.focus() is form.id_number
    desk.type(LI_SI_ID)
    assert form.derived.text() == "Born 1980-01-01, Male"
    desk.tab()
    assert desk.focus() is form.phone
    desk.type("13912345678")
    desk.tab()
    desk.type("示范县青山镇和平村5组")
    desk.ctrl_enter()
    assert desk.step() == SERVICE
    registered = desk.counter.ctx.applicants.find_by_id_number(LI_SI_ID)
    assert registered is not None and registered.name == "李四" and registered.sex == "male"
    assert desk.view.session.applicant == registered

    choose_service(desk, "lsjz", TEMPORARY_AID)
    desk.key(DOWN)  # 救助类型: 急难型
    desk.tab()
    desk.key(DOWN)  # 困难原因: 火灾
    desk.tab()
    desk.type("2026-11-01")
    desk.tab()
    desk.type("3000")
    desk.tab()
    desk.type("家中失火，房屋损毁。")
    desk.ctrl_enter()
    assert desk.step() == MATERIALS

    materials = desk.view.materials_panel
    desk.mnemonic("r", materials.all_button)
    assert desk.focus() is materials.table
    desk.key(DOWN)
    desk.key(DOWN)
    desk.key(SPACE)  # M03 居民户口簿 (minor): not handed in
    desk.key(DOWN)
    desk.key(DOWN)
    desk.key(SPACE)  # M05 遭遇困难的证明材料 (minor): not handed in
    assert materials.model.check().missing_mandatory == ("M03", "M05")
    desk.ctrl_enter()
    assert desk.step() == DECISION

    decision = desk.view.decision_panel
    assert not decision.accept_radio.isEnabled()
    desk.mnemonic("p", decision.pending_radio)
    assert decision.pending_radio.isChecked()
    assert "Household register" in decision.commitment.toPlainText()  # the screen is in English here
    deadline = desk.counter.ctx.today() + timedelta(days=10)
    assert decision.deadline.date().toPython() == deadline
    desk.ctrl_enter()
    assert desk.step() == NOTICE

    app = desk.view.session.application
    assert app is not None
    stored = desk.counter.cases.get(desk.clerk, app.id)
    assert stored.status == Status.ACCEPTED_PENDING.value
    assert stored.pending_materials == ["M03", "M05"]
    assert stored.pending_deadline == deadline.isoformat()
    assert stored.commitment == decision.commitment.toPlainText().strip()
    assert stored.form["description"] == "家中失火，房屋损毁。"
    records = desk.counter.ctx.applications.materials(app.id)
    assert records["M03"].status == records["M05"].status == "pending"
    assert records["M01"].status == "received"
    text = save_pdf(desk, tmp_path, "pending.pdf", masked="320102********" + LI_SI_ID[-4:], full=LI_SI_ID)
    assert "容缺受理通知书" in text


def test_one_time_notice_of_everything_missing(desk: Desk, tmp_path: Path) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    find_applicant(desk, "13800138000")  # by mobile number
    choose_service(desk, "zdsh", SUBSISTENCE)
    fill_subsistence_form(desk)
    materials = desk.view.materials_panel
    desk.mnemonic("r", materials.all_button)
    desk.key(SPACE)  # M01 最低生活保障申请书
    for _ in range(6):
        desk.key(DOWN)
    desk.key(SPACE)  # M07 本人银行卡（存折）复印件
    desk.ctrl_enter()

    decision = desk.view.decision_panel
    assert desk.step() == DECISION
    assert not decision.accept_radio.isEnabled()
    assert not decision.pending_radio.isEnabled()  # M01 is not minor
    assert decision.notify_radio.isChecked()
    desk.ctrl_enter()
    assert desk.step() == NOTICE

    app = desk.view.session.application
    assert app is not None
    stored = desk.counter.cases.get(desk.clerk, app.id)
    assert stored.status == Status.AWAITING_MATERIALS.value
    assert stored.missing_materials == ["M01", "M07"]
    text = save_pdf(desk, tmp_path, "missing.pdf")
    assert "一次性告知书" in text
    assert "最低生活保障申请书" in text and "本人银行卡（存折）复印件" in text


def test_refuse_with_reason_and_remedies(desk: Desk, tmp_path: Path) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    find_applicant(desk, "张三")  # by Chinese name
    choose_service(desk, "csdj", BIRTH)
    desk.type("张小明")
    desk.tab()
    desk.key(DOWN)  # 男
    desk.tab()
    desk.type("2026-11-20")
    desk.tab()
    desk.type("A123456789")
    desk.tab()
    mother = resident_id("11010519950315002")
    desk.type(mother)
    desk.ctrl_enter()
    assert desk.step() == MATERIALS
    desk.ctrl_enter()  # nothing handed in yet
    assert desk.step() == DECISION

    decision = desk.view.decision_panel
    desk.mnemonic("f", decision.refuse_radio)
    assert decision.refuse_radio.isChecked()
    desk.ctrl_enter()  # no reason yet
    assert desk.step() == DECISION
    assert decision.reason_message.message == "Give the reason for refusing."
    assert desk.focus() is decision.reason
    reason = "申请人户籍不在本镇，不属于本中心受理范围"
    desk.type(reason)
    desk.ctrl_enter()
    assert desk.step() == NOTICE

    app = desk.view.session.application
    assert app is not None
    stored = desk.counter.cases.get(desk.clerk, app.id)
    assert stored.status == Status.REFUSED.value
    assert stored.refusal_reason == reason
    assert stored.remedies is not None and "行政复议" in stored.remedies
    assert stored.form["mother_id_number"] == mother
    text = save_pdf(desk, tmp_path, "refused.pdf")
    assert "不予受理通知书" in text and reason in text
    assert mother not in text


def fill_subsistence_form(desk: Desk) -> None:
    assert desk.step() == FORM
    desk.type("2")
    desk.tab()
    desk.type("300")
    desk.tab()
    desk.key(DOWN)
    desk.ctrl_enter()
    assert desk.step() == MATERIALS
