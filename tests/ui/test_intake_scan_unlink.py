"""Removing a scan whose encrypted file cannot be deleted (on Windows an indexer or a virus scanner may
hold it open): the record is gone by then, so the removal stands — the clerk is told it was removed,
and the file left behind is logged with its path. The core's part is tested here too (the core's own
scan-removal tests are in tests/core/test_scan_removal.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput
from counter_app.store.outbox import WITHDRAWN
from tests.ui.intake_support import (
    Desk,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
)
from tests.ui.test_intake_materials import PNG, answer_removal, attach, open_scans, stored_scans, to_materials
from ui.models.materials_model import MaterialsModel

ITEM = "990101101-05-0001-001"  # 最低生活保障审核确认
LOGGER = "counter_app.services.intake"


def held_open(monkeypatch: pytest.MonkeyPatch, held: Path) -> list[Path]:
    """``Path.unlink`` refuses ``held`` as Windows does a file another program has open; the paths it
    was asked to delete are returned."""
    unlink = Path.unlink
    asked: list[Path] = []

    def refusing_unlink(path: Path, missing_ok: bool = False) -> None:
        asked.append(path)
        if path == held:
            raise PermissionError(
                13, "The process cannot access the file because it is being used", str(path)
            )
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refusing_unlink)
    return asked


def test_the_core_removes_the_scan_though_its_file_is_held_open(
    counter: Counter, clerk: Actor, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    applicant = counter.applicants.register_person(
        clerk, PersonInput("张三", "11010519491231002X", "13800138000", "示范县青山镇和平村3组12号")
    )
    form = {"household_size": 2, "monthly_income_per_capita": "300", "housing": "own"}
    application_id = counter.intake.draft(clerk, applicant.id, ITEM, form).id
    scan = counter.intake.attach(clerk, application_id, "M01", "申请书.pdf", b"%PDF-1.4 a scan")
    file = counter.ctx.paths.attachments / f"{scan}.bin"
    asked = held_open(monkeypatch, file)

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        counter.intake.remove_attachment(clerk, scan)  # does not raise

    assert file in asked and file.exists()  # left behind, still encrypted
    assert counter.ctx.attachments.get(scan) is None
    assert [op.state for op in counter.ctx.outbox.for_entity(scan)] == [WITHDRAWN]
    assert counter.ctx.audit_log.recent(1)[0]["action"] == "attachment.remove"
    (record,) = [r for r in caplog.records if r.name == LOGGER]
    assert record.levelno == logging.WARNING
    assert str(file) in record.getMessage() and scan in record.getMessage()


def test_the_clerk_is_told_the_scan_was_removed_though_its_file_is_held_open(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    panel = to_materials(desk)
    right, wrong = tmp_path / "身份证.png", tmp_path / "wrong-person.png"
    right.write_bytes(PNG)
    wrong.write_bytes(PNG + b"other")
    attach(desk, panel, "M01", right)
    attach(desk, panel, "M01", wrong)
    app = desk.view.session.application
    assert app is not None
    mistake = next(
        a for a in desk.counter.ctx.attachments.for_application(app.id) if a["name"] == "wrong-person.png"
    )
    file = desk.counter.ctx.paths.attachments / f"{mistake['id']}.bin"
    asked = held_open(monkeypatch, file)

    dialog = open_scans(desk, panel)
    desk.key(Qt.Key.Key_Down)  # wrong-person.png
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        answer_removal(desk, dialog, Qt.Key.Key_Return)  # removed on the database thread

    assert dialog.message.message == ""  # not refused
    assert dialog.status.text() == "wrong-person.png was removed."
    assert dialog.list.count() == 1
    assert panel.scan_done.text() == "wrong-person.png was removed." and panel.scan_message.message == ""
    assert panel.model.data(panel.model.index(0, MaterialsModel.SCANS)) == "身份证.png"
    assert stored_scans(desk) == [("M01", "身份证.png", len(PNG))]
    assert file in asked and file.exists()
    assert any(
        r.name == LOGGER and r.levelno == logging.WARNING and str(file) in r.getMessage()
        for r in caplog.records
    )
