"""The materials step: counts by keyboard, scans from the file picker or the document camera's folder,
type and size checked before anything is kept; a scan looked at in the application and one attached
by mistake removed."""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication

from counter_app.store.outbox import PENDING, WITHDRAWN
from tests.ui.intake_support import (
    Desk,
    Gate,
    desk_fixture,  # noqa: F401 - the desk fixture
    gate_fixture,  # noqa: F401 - the gate fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    to_materials,
)
from tests.ui.test_accessibility import unnamed_controls
from ui.models.materials_model import MaterialsModel
from ui.views.intake.materials_panel import MaterialsPanel
from ui.views.intake.scan_dialogs import ScanPreviewDialog, ScansDialog, pdf_page_count
from ui.views.intake.view import DECISION

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n" + (
    b"3 0 obj << /Type/Page >> endobj\n%%EOF\n"
)


def picture(width: int = 120, height: int = 80) -> bytes:
    """A real PNG of a plain colour, as a document camera's shot would be."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def stored_scans(desk: Desk) -> list[tuple[str, str, int]]:
    app = desk.view.session.application
    assert app is not None
    return [
        (a["material_code"], a["name"], a["size"])
        for a in desk.counter.ctx.attachments.for_application(app.id)
    ]


def commit(desk: Desk, panel: MaterialsPanel) -> None:
    """Enter closes the count editor (the delegate does it on the next turn of the event loop)."""
    desk.key(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)


def attach(desk: Desk, panel: MaterialsPanel, code: str, path: Path) -> None:
    panel.attach_file(code, path)
    desk.settle()  # read on a pool thread, kept on the database thread


def test_counts_by_keyboard(desk: Desk) -> None:
    panel = to_materials(desk)
    model = panel.model
    assert desk.focus() is panel.table
    assert panel.table.currentIndex().column() == MaterialsModel.ORIGINALS
    desk.key(Qt.Key.Key_2)  # starts editing the count under the cursor
    assert panel.table.state() == QAbstractItemView.State.EditingState
    commit(desk, panel)
    assert model.received()["M01"] == (2, 0)
    desk.key(Qt.Key.Key_Down)
    desk.key(Qt.Key.Key_Space)
    assert model.received()["M02"] == (1, 1)
    desk.key(Qt.Key.Key_Space)
    assert model.received()["M02"] == (0, 0)
    desk.key(Qt.Key.Key_Right)
    desk.key(Qt.Key.Key_3)
    commit(desk, panel)
    assert model.received()["M02"] == (0, 3)
    assert "mandatory missing: 5" in panel.summary.text()
    desk.ctrl_enter()
    assert desk.step() == DECISION
    app = desk.view.session.application
    assert app is not None
    records = desk.counter.ctx.applications.materials(app.id)
    assert (records["M01"].originals, records["M02"].copies) == (2, 3)


def test_a_scan_from_the_file_picker(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    desk.key(Qt.Key.Key_Down)  # M02 家庭成员居民身份证
    scan = tmp_path / "id-card.png"
    scan.write_bytes(PNG)
    desk.mnemonic("a", panel.attach_button)
    assert panel.file_dialog is not None
    desk.answer(panel.file_dialog, scan)
    desk.settle()
    assert stored_scans(desk) == [("M02", "id-card.png", len(PNG))]
    assert panel.model.data(panel.model.index(1, MaterialsModel.SCANS)) == "id-card.png"
    assert panel.scan_message.message == ""
    assert panel.scan_done.text() == "id-card.png attached to Household members' resident identity card."


def test_wrong_type_too_large_and_empty_scans_are_refused(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    attach(desk, panel, "M01", text)
    assert panel.scan_message.message == (
        "notes.txt was not attached to Application for the minimum living allowance: "
        "Wrong file type: only pdf, jpg, png files are accepted."
    )
    assert panel.model.data(panel.model.index(0, MaterialsModel.SCANS)).startswith("Refused: Wrong file type")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # one byte over the material's 10 MB
    attach(desk, panel, "M01", huge)
    assert panel.scan_message.message.endswith("The file is too large: at most 10 MB.")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    attach(desk, panel, "M01", empty)
    assert panel.scan_message.message.endswith("The file is empty.")
    assert stored_scans(desk) == []


def test_pick_up_the_newest_shot_of_the_document_camera(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    desk.mnemonic("c", panel.pick_up_button)
    assert panel.scan_message.message == "Choose the camera folder first (Alt+F)."

    camera = tmp_path / "camera"
    camera.mkdir()
    desk.mnemonic("f", panel.folder_button)
    assert panel.folder_dialog is not None
    desk.answer(panel.folder_dialog, camera)
    assert desk.scan_folder.get() == camera
    assert str(camera) in panel.folder_label.text()

    desk.mnemonic("c", panel.pick_up_button)
    desk.settle()  # the folder is listed on a pool thread
    assert panel.scan_message.message == f"No scan found in {camera}."
    older, newer, unfinished = camera / "IMG_0001.jpg", camera / "IMG_0002.jpg", camera / "IMG_0003.jpg.part"
    for number, path in enumerate((older, newer, unfinished)):
        path.write_bytes(PNG)
        os.utime(path, (1_700_000_000 + number, 1_700_000_000 + number))
    desk.mnemonic("c", panel.pick_up_button)
    desk.settle()
    assert stored_scans(desk) == [("M01", "IMG_0002.jpg", len(PNG))]
    assert panel.scan_done.text() == "IMG_0002.jpg attached to Application for the minimum living allowance."


def open_scans(desk: Desk, panel: MaterialsPanel) -> ScansDialog:
    desk.mnemonic("w", panel.scans_button)
    dialog = panel.scans_dialog
    assert dialog is not None and dialog.isVisible()
    desk.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    return dialog


def active_again(desk: Desk, window: ScansDialog) -> None:
    """The scans dialog is the active window again once what it opened closed (the offscreen
    platform has no window manager to do that), the focus on its list."""
    window.activateWindow()
    desk.qtbot.waitUntil(window.isActiveWindow)
    window.list.setFocus()


def close_with_escape(desk: Desk, preview: ScanPreviewDialog, back_to: ScansDialog) -> None:
    desk.qtbot.waitUntil(lambda: preview.isActiveWindow() and QApplication.focusWidget() is not None)
    desk.key(Qt.Key.Key_Escape)
    assert not preview.isVisible()
    active_again(desk, back_to)


def answer_removal(desk: Desk, dialog: ScansDialog, key: Qt.Key) -> None:
    """Delete on the list asks first: Enter removes, Esc keeps."""
    desk.key(Qt.Key.Key_Delete)
    confirm = dialog.confirm
    assert confirm is not None
    desk.qtbot.waitUntil(lambda: confirm.isActiveWindow() and QApplication.focusWidget() is not None)
    assert "It is deleted from this computer." in confirm.text()
    desk.key(key)
    assert not confirm.isVisible()
    desk.settle()
    if shiboken6.isValid(dialog) and dialog.isVisible():
        active_again(desk, dialog)


def test_a_scan_is_viewed_in_the_application(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    desk.mnemonic("w", panel.scans_button)  # nothing attached yet
    assert panel.scans_dialog is None
    assert panel.scan_message.message == (
        "No scan is attached to Application for the minimum living allowance yet."
    )
    shot, form = tmp_path / "shot.png", tmp_path / "申请书.pdf"
    shot.write_bytes(picture(120, 80))
    form.write_bytes(PDF)
    attach(desk, panel, "M01", shot)
    attach(desk, panel, "M01", form)
    assert panel.model.data(panel.model.index(0, MaterialsModel.SCANS)) == "申请书.pdf and 1 more"
    views_before = [e for e in desk.counter.ctx.audit_log.recent(100) if e["action"] == "attachment.view"]

    dialog = open_scans(desk, panel)
    assert unnamed_controls(dialog) == []
    assert [dialog.list.item(row).text().split(" · ")[0] for row in range(dialog.list.count())] == [
        "shot.png",
        "申请书.pdf",
    ]
    desk.key(Qt.Key.Key_Return)  # view the picture
    desk.settle()  # decrypted on the database thread, decoded on a pool thread
    preview = panel.preview
    assert isinstance(preview, ScanPreviewDialog) and preview.isVisible()
    shown = preview.picture.pixmap()
    assert (shown.width(), shown.height()) == (120, 80)
    assert shown.toImage().pixelColor(60, 40) == QColor("#3366cc")
    assert "120 × 80 pixels" in preview.facts.text()
    assert unnamed_controls(preview) == []
    close_with_escape(desk, preview, dialog)

    desk.key(Qt.Key.Key_Down)
    desk.key(Qt.Key.Key_Return)  # the PDF: its name, size and pages
    desk.settle()
    preview = panel.preview
    assert isinstance(preview, ScanPreviewDialog) and preview.isVisible()
    assert "申请书.pdf" in preview.facts.text() and "PDF, 2 page(s)" in preview.facts.text()
    assert preview.picture.pixmap().isNull()
    close_with_escape(desk, preview, dialog)
    desk.key(Qt.Key.Key_Escape)
    assert panel.scans_dialog is None

    # Looking at a citizen's scan is a view of personal data: audited, and nothing left on disk.
    views = [e for e in desk.counter.ctx.audit_log.recent(100) if e["action"] == "attachment.view"]
    assert len(views) == len(views_before) + 2
    assert {Path(p).name for p in desk.counter.ctx.paths.attachments.iterdir()} == {
        f"{a['id']}.bin"
        for a in desk.counter.ctx.attachments.for_application(desk.view.session.application.id)
    }


def test_a_scan_attached_by_mistake_is_removed_by_keyboard(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    right, wrong = tmp_path / "身份证.png", tmp_path / "wrong-person.png"
    right.write_bytes(PNG)
    wrong.write_bytes(PNG + b"other")
    desk.key(Qt.Key.Key_Down)  # M02
    attach(desk, panel, "M02", right)
    attach(desk, panel, "M02", wrong)
    app = desk.view.session.application
    assert app is not None
    mistake = next(
        a for a in desk.counter.ctx.attachments.for_application(app.id) if a["name"] == "wrong-person.png"
    )

    dialog = open_scans(desk, panel)
    desk.key(Qt.Key.Key_Down)  # wrong-person.png
    answer_removal(desk, dialog, Qt.Key.Key_Escape)  # keep it after all
    assert stored_scans(desk) == [("M02", "身份证.png", len(PNG)), ("M02", "wrong-person.png", len(PNG) + 5)]
    assert dialog.current() is not None and dialog.current().name == "wrong-person.png"

    answer_removal(desk, dialog, Qt.Key.Key_Return)  # Remove is the default button
    assert stored_scans(desk) == [("M02", "身份证.png", len(PNG))]
    assert not (desk.counter.ctx.paths.attachments / f"{mistake['id']}.bin").exists()
    assert [op.state for op in desk.counter.ctx.outbox.for_entity(mistake["id"])] == [WITHDRAWN]
    assert desk.counter.ctx.audit_log.recent(1)[0]["action"] == "attachment.remove"
    assert panel.model.data(panel.model.index(1, MaterialsModel.SCANS)) == "身份证.png"
    assert dialog.list.count() == 1 and dialog.status.text() == "wrong-person.png was removed."

    answer_removal(desk, dialog, Qt.Key.Key_Return)  # the last one: the dialog closes with it
    assert stored_scans(desk) == []
    assert panel.scans_dialog is None
    assert panel.model.data(panel.model.index(1, MaterialsModel.SCANS)) == "—"
    assert panel.scan_done.text() == "身份证.png was removed."
    desk.window.activateWindow()
    desk.qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)


def test_a_scan_already_sent_is_not_removed(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    scan = tmp_path / "申请书.png"
    scan.write_bytes(PNG)
    attach(desk, panel, "M01", scan)
    app = desk.view.session.application
    assert app is not None
    (stored,) = desk.counter.ctx.attachments.for_application(app.id)
    (op,) = desk.counter.ctx.outbox.for_entity(stored["id"])
    assert op.state == PENDING
    # A sync run sends it meanwhile (the platform applies it).
    desk.counter.exchange.record_push_results(
        [(op, {"op_id": op.op_id, "status": "applied", "new_version": 1})]
    )

    dialog = open_scans(desk, panel)
    dialog.ask_to_remove()
    assert dialog.confirm is not None
    dialog.confirm.defaultButton().click()  # Remove
    desk.settle()
    assert dialog.message.message == (
        "This scan has already been sent to the platform: it can no longer be removed here."
    )
    assert dialog.list.count() == 1
    assert stored_scans(desk) == [("M01", "申请书.png", len(PNG))]


def confirm_removal(dialog: ScansDialog) -> None:
    """Remove the scan under the cursor, as the clerk confirms it, without waiting for the outcome."""
    dialog.confirm = None
    dialog.ask_to_remove()
    assert dialog.confirm is not None
    dialog.confirm.defaultButton().click()  # Remove


def test_a_scan_is_not_removed_twice(desk: Desk, gate: Gate, tmp_path: Path) -> None:
    panel = to_materials(desk)
    first, second = tmp_path / "first.png", tmp_path / "second.png"
    first.write_bytes(PNG)
    second.write_bytes(PNG + b"2")
    attach(desk, panel, "M01", first)
    attach(desk, panel, "M01", second)
    dialog = open_scans(desk, panel)
    scan = dialog.current()
    assert scan is not None and scan.name == "first.png"

    gate.close()  # the removal waits on the database thread
    confirm_removal(dialog)
    assert not dialog.remove_button.isEnabled()
    assert dialog.status.text() == "Removing first.png…"
    assert panel.removing(scan)
    active_again(desk, dialog)
    dialog.confirm = None
    desk.key(Qt.Key.Key_Delete)  # impatient: Delete again
    dialog.ask_to_remove()
    assert dialog.confirm is None  # not even asked
    panel.remove_scan(scan)  # and nothing more is sent, however it is asked for
    desk.key(Qt.Key.Key_Down)  # the other scan can still be removed
    assert dialog.current() is not None and dialog.current().name == "second.png"
    assert dialog.remove_button.isEnabled()
    desk.key(Qt.Key.Key_Up)
    assert not dialog.remove_button.isEnabled() and dialog.view_button.isEnabled()
    gate.open()

    assert dialog.message.message == ""  # no "not found" from a second removal
    assert dialog.status.text() == "first.png was removed."
    assert stored_scans(desk) == [("M01", "second.png", len(PNG) + 1)]
    assert dialog.list.count() == 1 and dialog.remove_button.isEnabled()
    assert not panel.removing(scan)
    assert panel.scan_message.message == ""


def test_remove_is_offered_again_when_a_removal_is_refused(desk: Desk, gate: Gate, tmp_path: Path) -> None:
    panel = to_materials(desk)
    scan_file = tmp_path / "申请书.png"
    scan_file.write_bytes(PNG)
    attach(desk, panel, "M01", scan_file)
    app = desk.view.session.application
    assert app is not None
    (stored,) = desk.counter.ctx.attachments.for_application(app.id)
    (op,) = desk.counter.ctx.outbox.for_entity(stored["id"])
    desk.counter.exchange.record_push_results(
        [(op, {"op_id": op.op_id, "status": "applied", "new_version": 1})]
    )  # sent meanwhile: the core refuses the removal
    dialog = open_scans(desk, panel)
    scan = dialog.current()
    assert scan is not None

    gate.close()
    confirm_removal(dialog)
    assert not dialog.remove_button.isEnabled()
    gate.open()

    assert dialog.message.message == (
        "This scan has already been sent to the platform: it can no longer be removed here."
    )
    assert not panel.removing(scan)
    assert dialog.remove_button.isEnabled()  # back as it was
    dialog.ask_to_remove()
    assert dialog.confirm is not None and dialog.confirm.isVisible()  # asked again
    dialog.confirm.reject()


def test_pdf_pages_are_counted_without_a_pdf_library() -> None:
    assert pdf_page_count(PDF) == 2
    assert pdf_page_count(b"%PDF-1.7\n% pages in a compressed object stream\n") is None
    assert pdf_page_count(PNG) is None
