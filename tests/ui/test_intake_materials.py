"""The materials step: counts by keyboard, scans from the file picker or the document camera's folder,
type and size checked before anything is kept."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.intake_support import (
    Desk,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
)
from ui.models.materials_model import MaterialsModel
from ui.views.intake.materials_panel import MaterialsPanel
from ui.views.intake.view import MATERIALS

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def to_materials(desk: Desk) -> MaterialsPanel:
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.key(Qt.Key.Key_Return)
    desk.type("zdsh")
    desk.key(Qt.Key.Key_Return)
    form = desk.view.form_panel
    form.editors["household_size"].set_raw("2")
    form.editors["monthly_income_per_capita"].set_raw("300")
    form.editors["housing"].set_raw("own")
    desk.ctrl_enter()
    assert desk.step() == MATERIALS
    return desk.view.materials_panel


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


def test_a_scan_from_the_file_picker(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    desk.key(Qt.Key.Key_Down)  # M02 家庭成员居民身份证
    scan = tmp_path / "id-card.png"
    scan.write_bytes(PNG)
    desk.mnemonic("a", panel.attach_button)
    assert panel.file_dialog is not None
    desk.answer(panel.file_dialog, scan)
    assert stored_scans(desk) == [("M02", "id-card.png", len(PNG))]
    assert panel.model.data(panel.model.index(1, MaterialsModel.SCANS)) == "id-card.png"
    assert panel.scan_message.message == ""


def test_wrong_type_too_large_and_empty_scans_are_refused(desk: Desk, tmp_path: Path) -> None:
    panel = to_materials(desk)
    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    assert not panel.attach_file("M01", text)
    assert panel.scan_message.message == (
        "notes.txt was not attached to Application for the minimum living allowance: "
        "Wrong file type: only pdf, jpg, png files are accepted."
    )
    assert panel.model.data(panel.model.index(0, MaterialsModel.SCANS)).startswith("Refused: Wrong file type")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # one byte over the material's 10 MB
    assert not panel.attach_file("M01", huge)
    assert panel.scan_message.message.endswith("The file is too large: at most 10 MB.")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert not panel.attach_file("M01", empty)
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
    assert panel.scan_message.message == f"No scan found in {camera}."
    older, newer, unfinished = camera / "IMG_0001.jpg", camera / "IMG_0002.jpg", camera / "IMG_0003.jpg.part"
    for number, path in enumerate((older, newer, unfinished)):
        path.write_bytes(PNG)
        os.utime(path, (1_700_000_000 + number, 1_700_000_000 + number))
    desk.mnemonic("c", panel.pick_up_button)
    assert stored_scans(desk) == [("M01", "IMG_0002.jpg", len(PNG))]
    assert panel.scan_done.text() == "IMG_0002.jpg attached to Application for the minimum living allowance."
