"""The Admin page's Export tab (导出), driven like an administrator would: the period, the format, full ID
numbers with their warning, the file dialog, the result; the file read back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.export import COLUMNS
from counter_app.services.seed import Seeder
from tests.ui.helpers import settle
from ui.views.admin.export import ExportTab
from ui.workers import Database

MONDAY = QDate(2026, 11, 23)  # the conftest's clock


def export_tab(qtbot: QtBot, db: Database, actor: Actor) -> ExportTab:
    tab = ExportTab(db, actor, native_dialogs=False)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.start.setDate(MONDAY)
    tab.end.setDate(MONDAY)
    return tab


def exports(counter: Counter) -> list[dict]:
    return [
        json.loads(e["detail"])
        for e in reversed(counter.ctx.audit_log.recent(2000))
        if e["action"] == "export.applications"
    ]


def test_export_through_the_file_dialog_writes_the_workbook(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, cli_actor: Actor, tmp_path: Path
) -> None:
    Seeder(counter, cli_actor, seed=9).run(7)
    tab = export_tab(qtbot, db, admin)
    assert tab.format.currentData() == "xlsx" and not tab.full_ids.isChecked()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitExposed(dialog)
    assert dialog.defaultSuffix() == "xlsx"
    target = tmp_path / "november.xlsx"
    with qtbot.waitSignal(tab.exported, timeout=20_000) as signal:
        dialog.selectFile(str(target))
        dialog.accept()
    assert signal.args == [7, str(target)]
    assert tab.result.text() == f"7 applications written to {target}"
    book = load_workbook(target, read_only=True)
    rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert rows[0] == list(COLUMNS) and len(rows) == 8
    assert all("*" in row[4] for row in rows[1:])
    assert exports(counter) == [
        {
            "rows": 7,
            "format": "xlsx",
            "full_ids": False,
            "file": "november.xlsx",
            "start": "2026-11-23",
            "end": "2026-11-23",
        }
    ]


def test_full_ids_warn_and_are_written_to_csv(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, cli_actor: Actor, tmp_path: Path
) -> None:
    Seeder(counter, cli_actor, seed=10).run(4)
    tab = export_tab(qtbot, db, admin)
    assert tab.warning.isHidden()
    tab.full_ids.click()
    assert tab.full_ids.text().replace("&", "") == "Full ID numbers (recorded in the audit trail)"
    assert not tab.warning.isHidden() and "audit trail" in tab.warning.text()
    tab.format.setCurrentIndex(tab.format.findData("csv"))
    target = tmp_path / "full.csv"
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_to(target)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        lines = handle.read().splitlines()
    assert lines[0].split(",") == list(COLUMNS) and len(lines) == 5
    assert all("*" not in line.split(",")[4] for line in lines[1:])
    assert exports(counter)[0]["full_ids"] is True
    views = [e for e in counter.ctx.audit_log.recent(2000) if e["action"] == "export.full_ids"]
    assert len(views) == 1 and views[0]["actor"] == "user:admin1"


def test_a_period_that_ends_before_it_starts_is_refused_at_the_field(
    qtbot: QtBot, counter: Counter, db: Database, admin: Actor, tmp_path: Path
) -> None:
    tab = export_tab(qtbot, db, admin)
    tab.start.setDate(QDate(2026, 11, 24))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert tab.file_dialog is None  # no file is asked for
    assert tab.end_error.message == "The last day comes before the first day."
    tab.export_to(tmp_path / "never.csv")
    settle(qtbot, db)
    assert not (tmp_path / "never.csv").exists() and exports(counter) == []
    tab.start.setDate(MONDAY)
    assert tab.period() == (date(2026, 11, 23), date(2026, 11, 23))
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_to(tmp_path / "empty.xlsx")
    assert tab.end_error.message == "" and tab.result.text().startswith("0 applications written to")


def test_a_supervisor_is_refused_by_the_core(
    qtbot: QtBot, counter: Counter, db: Database, supervisor: Actor, tmp_path: Path
) -> None:
    tab = export_tab(qtbot, db, supervisor)
    tab.export_to(tmp_path / "no.xlsx")
    qtbot.waitUntil(lambda: tab.message.message != "")
    assert "Your role does not allow this." in tab.message.message
    assert tab.export_button.isEnabled() and not (tmp_path / "no.xlsx").exists()


def test_a_missing_folder_is_reported(qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    tab = export_tab(qtbot, db, admin)
    tab.export_to(tmp_path / "gone" / "x.xlsx")
    qtbot.waitUntil(lambda: tab.message.message != "")
    assert tab.message.message == "The file was not written: choose a file in a folder that exists."
    assert tab.result.text() == ""
