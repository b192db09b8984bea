"""The Admin page's Settings tab (设置), driven like an administrator would: real widgets offscreen, the
real profile behind the database thread; and the notice printing that follows the saved paper and
printer."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput
from counter_app.services.office_settings import OfficeSettings
from counter_app.services.seed import Seeder
from tests.ui.helpers import settle, type_text
from ui.notices import NoticeWords, lay_out
from ui.notices.pdf import installed_printers, new_printer
from ui.views.admin.settings import SettingsTab
from ui.workers import Database

SUBSISTENCE = "990101101-05-0001-001"


def settings_tab(qtbot: QtBot, db: Database, admin: Actor) -> SettingsTab:
    tab = SettingsTab(db, admin, native_dialogs=False)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.settings is not None)  # shown: it reads
    return tab


def change_events(counter: Counter) -> list[dict]:
    return [
        json.loads(e["detail"]) for e in counter.ctx.audit_log.recent(500) if e["action"] == "settings.change"
    ]


def test_the_form_shows_the_settings_and_the_printers(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor
) -> None:
    tab = settings_tab(qtbot, db, admin)
    assert tab.current() == counter.office_settings.get()
    assert tab.folder.text() == str(counter.data_dir / "backups" / "daily")
    assert tab.idle.value() == 5 and tab.idle.minimum() == 0 and tab.idle.maximum() == 240
    assert tab.idle.specialValueText() == "Never"
    printers = [tab.printer.itemData(i) for i in range(tab.printer.count())]
    assert printers == ["", *installed_printers()]  # the system default first, then this machine's
    assert [tab.paper.itemData(i) for i in range(tab.paper.count())] == ["a4", "80mm"]


def test_save_stores_the_form_and_emits_saved(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, tmp_path: Path
) -> None:
    tab = settings_tab(qtbot, db, admin)
    type_text(qtbot, tab.office_name, "示范县青山镇便民服务中心")
    type_text(qtbot, tab.contact, "人民路1号 电话 0791-86000000")
    tab.idle.setValue(0)
    tab.folder.setText(str(tmp_path / "usb"))
    tab.keep.setValue(60)
    tab.retention.setValue(3650)
    tab.paper.setCurrentIndex(tab.paper.findData("80mm"))
    with qtbot.waitSignal(tab.saved, timeout=10_000) as signal:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved: OfficeSettings = signal.args[0]
    assert saved.idle_lock_minutes == 0 and saved.paper_size == "80mm"
    assert (
        counter.office_settings.get()
        == saved
        == OfficeSettings(
            notice_office_name="示范县青山镇便民服务中心",
            office_contact="人民路1号 电话 0791-86000000",
            idle_lock_minutes=0,
            backup_folder=str(tmp_path / "usb"),
            backup_keep_days=60,
            retention_days=3650,
            printer_name="",
            paper_size="80mm",
        )
    )
    assert tab.status.text() == "The settings were saved."
    assert change_events(counter)[0]["keys"] == [
        "notice_office_name",
        "office_contact",
        "idle_lock_minutes",
        "backup_folder",
        "backup_keep_days",
        "retention_days",
        "paper_size",
    ]


def test_a_refused_value_is_shown_under_its_field_and_nothing_is_stored(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor
) -> None:
    tab = settings_tab(qtbot, db, admin)
    before = counter.office_settings.get()
    tab.folder.setText("backups/here")
    emitted: list = []
    tab.saved.connect(emitted.append)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    error = tab.errors["backup_folder"]
    qtbot.waitUntil(lambda: error.message != "")
    assert "full path" in error.message
    assert all(label.message == "" for key, label in tab.errors.items() if key != "backup_folder")
    settle(qtbot, db)
    assert emitted == [] and counter.office_settings.get() == before and change_events(counter) == []
    # Put right, it saves and the message goes.
    tab.folder.setText(str(counter.data_dir / "elsewhere"))
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert error.message == ""
    assert counter.office_settings.get().backup_folder == str(counter.data_dir / "elsewhere")


def test_a_saved_printer_not_installed_here_stays_marked(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor
) -> None:
    counter.office_settings.save(admin, replace(counter.office_settings.get(), printer_name="Front desk HP"))
    tab = settings_tab(qtbot, db, admin)
    assert tab.printer.currentData() == "Front desk HP"
    assert tab.printer.currentText() == "Front desk HP (not installed on this computer)"
    assert tab.current().printer_name == "Front desk HP"
    tab.printer.setCurrentIndex(0)  # the system default
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert counter.office_settings.get().printer_name == ""


def test_a_clerk_is_refused_by_the_core(qtbot: QtBot, counter: Counter, db: Database, clerk: Actor) -> None:
    tab = settings_tab(qtbot, db, clerk)
    tab.idle.setValue(1)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.message != "")
    assert "Your role does not allow this." in tab.message.message
    assert counter.office_settings.get().idle_lock_minutes == 5


def test_notices_are_laid_out_on_the_saved_paper_with_the_office_line(
    qtbot: QtBot, counter: Counter, admin: Actor, clerk: Actor
) -> None:
    applicant = counter.applicants.register_person(
        clerk, PersonInput("张三", "11010519491231002X", "13800138000", "示范县青山镇和平村3组12号")
    )
    item = counter.catalogue.item(SUBSISTENCE)
    app = counter.intake.draft(clerk, applicant.id, SUBSISTENCE, Seeder(counter, clerk, 7).form_values(item))
    counter.intake.record_materials(
        clerk, app.id, {m.code: (m.originals, m.copies) for m in item.materials if m.mandatory}
    )
    counter.intake.accept(clerk, app.id)
    words = NoticeWords()
    a4 = lay_out(counter.notices.build(clerk, app.id), words=words)
    assert a4.paper.name == "a4"
    assert QPageSize.id(
        a4.page_layout.pageSize().size(QPageSize.Unit.Millimeter), QPageSize.Unit.Millimeter
    ) == (QPageSize.PageSizeId.A4)
    counter.office_settings.save(
        admin,
        replace(
            counter.office_settings.get(),
            notice_office_name="白水乡便民服务中心",
            office_contact="白水乡政府大院 电话 0791-86000000",
            paper_size="80mm",
            printer_name="Not a printer here",
        ),
    )
    notice = counter.notices.build(clerk, app.id)
    roll = lay_out(notice, words=words)
    assert roll.paper.name == "receipt"
    assert round(roll.page_layout.fullRect().width()) == 80  # millimetres: the receipt roll's width
    text = roll.document.toPlainText()
    assert "白水乡便民服务中心" in text and "白水乡政府大院 电话 0791-86000000" in text
    printer = new_printer(roll, words)
    assert printer.printerName() != "Not a printer here"  # not installed: the system's default stays
    assert round(printer.pageLayout().fullRect().width()) == 80


def test_the_intake_result_starts_on_the_saved_paper(
    qtbot: QtBot, counter: Counter, admin: Actor, clerk: Actor
) -> None:
    from ui.views.intake.result_panel import ResultPanel

    applicant = counter.applicants.register_person(
        clerk, PersonInput("李四", "11010519491231002X", "13800138000", "示范县青山镇和平村3组12号")
    )
    item = counter.catalogue.item(SUBSISTENCE)
    app = counter.intake.draft(clerk, applicant.id, SUBSISTENCE, Seeder(counter, clerk, 7).form_values(item))
    counter.intake.record_materials(
        clerk, app.id, {m.code: (m.originals, m.copies) for m in item.materials if m.mandatory}
    )
    accepted = counter.intake.accept(clerk, app.id)
    panel = ResultPanel(native_dialogs=False)
    qtbot.addWidget(panel)
    panel.show_decision(accepted, counter.notices.build(clerk, app.id))
    assert panel.paper.currentData() == "a4" and panel.laid_out is not None
    assert panel.laid_out.paper.name == "a4"
    counter.office_settings.save(admin, replace(counter.office_settings.get(), paper_size="80mm"))
    panel.show_decision(accepted, counter.notices.build(clerk, app.id))
    assert panel.paper.currentData() == "receipt" and panel.laid_out.paper.name == "receipt"
