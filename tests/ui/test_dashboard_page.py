"""The dashboard page (统计) over the story of tests/core/test_dashboard.py, through the real database
thread: the core's figures on the tiles (and values counted by hand there), the period and scope
choosers, a clerk's own cases, the tables exported to XLSX and CSV and read back, the charts saved as
PNG."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.statistics import Figures, Period, Scope
from tests.core.test_dashboard import (  # noqa: F401 - fixtures
    CLERK,
    CLERK_FIGURES,
    DIBAO,
    DIBAO_FIGURES,
    OCTOBER,
    ON_THE_SPOT,
    ON_THE_SPOT_FIGURES,
    TEMP_AID,
    TEMP_AID_FIGURES,
    WANGFANG,
    WANGFANG_FIGURES,
    clock,
    on_the_spot,
    story,
    wangfang,
)
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
)
from tests.ui.test_accessibility import unnamed_controls
from ui.i18n import fill
from ui.models.labels import localised
from ui.views.dashboard import DashboardView
from ui.views.dashboard.charts import BAR, DAY_OFF
from ui.views.dashboard.numbers import count_text, days_text, rate_text
from ui.views.dashboard.tables import COUNT, RATE, VALUE_ROLE, FiguresTableModel
from ui.views.dashboard.tiles import NOW_TILES, PERIOD_TILES
from ui.workers import Database

# Every test runs over the story of tests/core/test_dashboard.py, read as of Monday 2 November 2026.
pytestmark = pytest.mark.usefixtures("story")
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def shown_page(qtbot: QtBot, db: Database, actor: Actor) -> DashboardView:
    page = DashboardView(db, actor, native_dialogs=False)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, db)
    return page


def choose(qtbot: QtBot, db: Database, combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    settle(qtbot, db)


def tile(page: DashboardView, name: str) -> tuple[str, str]:
    shown = page.tiles.tiles[name]
    return shown.value.text(), shown.detail.text()


def model_values(model: FiguresTableModel, role: int = VALUE_ROLE) -> list[list]:
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [
        [model.data(model.index(row, column), role) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_last_month_shows_the_cores_figures(
    qtbot: QtBot, db: Database, counter: Counter, supervisor: Actor, model_tester: ModelTesters
) -> None:
    page = DashboardView(db, supervisor, native_dialogs=False)
    qtbot.addWidget(page)
    for model in (page.items_model, page.staff_model):
        model_tester(model)
    assert page.reading is None and db.idle  # nothing is read before the page is shown
    page.show()
    settle(qtbot, db)
    assert page.reading is not None and page.reading.dashboard.period == NOVEMBER  # this month, by the clock
    with qtbot.waitSignal(page.figures_shown):
        page.period.setCurrentIndex(page.period.findData("last_month"))
    expected = counter.dashboard.figures(supervisor, OCTOBER)
    assert page.reading.dashboard == expected

    # Counted by hand in tests/core/test_dashboard.py.
    assert tile(page, "taken_in")[0] == "9"
    pending = fill(page.tiles.tr("%1 of them with minor materials pending"), 1)  # E
    assert tile(page, "accepted") == ("6", pending)
    assert tile(page, "completed")[0] == "4"
    on_time, behind = tile(page, "on_time_rate")
    assert on_time == "75%" and behind.startswith("3 of 4")
    assert tile(page, "avg_working_days")[0] == "5.5" and tile(page, "p90_working_days")[0] == "13"
    assert tile(page, "one_time_notice_rate")[0] == "50%"
    satisfaction, behind = tile(page, "satisfaction_rate")
    assert satisfaction == "40%" and behind.startswith("2 satisfied of 5")
    assert tile(page, "bad_ratings")[0] == "2"
    assert [tile(page, name)[0] for name in NOW_TILES] == ["4", "2", "2", "1"]

    # Every tile is the core's figure.
    t = expected.totals
    assert {name: tile(page, name)[0] for name in PERIOD_TILES + NOW_TILES} == {
        "taken_in": count_text(t.taken_in),
        "accepted": count_text(t.accepted),
        "refused": count_text(t.refused),
        "completed": count_text(t.completed),
        "delivered": count_text(t.delivered),
        "on_time_rate": rate_text(t.on_time_rate),
        "avg_working_days": days_text(t.avg_working_days),
        "p90_working_days": days_text(t.p90_working_days),
        "one_time_notice_rate": rate_text(t.one_time_notice_rate),
        "satisfaction_rate": rate_text(t.satisfaction_rate),
        "bad_ratings": count_text(t.bad_ratings),
        "in_progress": count_text(t.in_progress),
        "overdue": count_text(t.overdue),
        "rectifications_open": count_text(t.rectifications_open),
        "rectifications_overdue": count_text(t.rectifications_overdue),
    }
    assert "2026-10-01" in page.tiles.period_group.title() and "2026-11-02" in page.tiles.now_group.title()
    assert page.calendar_note.isVisibleTo(page) is expected.calendar_estimated
    assert (page.start.date(), page.end.date()) == (QDate(2026, 10, 1), QDate(2026, 10, 31))

    # The tables: one line per item and per staff member, named columns, the core's values.
    assert [line.key for line in page.items_model.rows()] == [line.key for line in expected.by_item]
    staff = {line.key: line for line in page.staff_model.rows()}
    assert set(staff) == {CLERK, WANGFANG} and staff[WANGFANG].label == "王芳"
    wang_row = [line.key for line in page.staff_model.rows()].index(WANGFANG)
    assert page.staff_model.data(page.staff_model.index(wang_row, FiguresTableModel.TAKEN_IN)) == "5"
    account = page.staff_model.index(wang_row, FiguresTableModel.KEY)
    assert page.staff_model.data(account) == page.staff_model.data(account, VALUE_ROLE) == "wangfang"
    satisfaction_cell = page.staff_model.index(wang_row, FiguresTableModel.SATISFACTION_RATE)
    assert page.staff_model.data(satisfaction_cell, VALUE_ROLE) == 0.5  # E1 N5
    assert page.staff_model.data(satisfaction_cell) == "50%"
    assert page.staff_model.data(satisfaction_cell, Qt.ItemDataRole.ToolTipRole) == "1 good of 2"

    # The charts: a bar per day, days off (National Day, weekends) muted, the make-up Saturday not.
    bars = page.intake_chart.bars
    assert len(bars) == 31 and [bar.value for bar in bars[7:9]] == [1.0, 3.0]  # P; G H K
    assert bars[0].muted and bars[6].muted and not bars[7].muted and not bars[9].muted  # 1, 7, 8, 10 Oct
    assert "2026-10-09: 3 taken in" in page.intake_chart.accessibleDescription()
    assert [bar.value for bar in page.satisfaction_chart.bars] == [None, 0.0, 0.0, 50.0, 100.0]
    assert page.satisfaction_chart.bars[3].text == "50%\n1/2"
    assert unnamed_controls(page) == []


def test_the_period_and_the_scope_read_again(
    qtbot: QtBot, db: Database, counter: Counter, supervisor: Actor, clerk: Actor
) -> None:
    page = shown_page(qtbot, db, supervisor)
    assert tile(page, "taken_in")[0] == "1"  # November so far: Q
    assert [page.staff.itemData(n) for n in range(page.staff.count())] == [None, CLERK, WANGFANG]
    assert page.staff.itemText(2) == "王芳"
    assert page.item.findData(TEMP_AID) > 0

    choose(qtbot, db, page.period, "last_month")
    choose(qtbot, db, page.staff, WANGFANG)
    assert page.reading.dashboard.scope == Scope(None, WANGFANG)
    assert tile(page, "taken_in")[0] == "5"  # C D E I K, by hand
    assert page.reading.dashboard == counter.dashboard.figures(supervisor, OCTOBER, Scope(None, WANGFANG))
    choose(qtbot, db, page.item, TEMP_AID)
    assert page.reading.dashboard == counter.dashboard.figures(supervisor, OCTOBER, Scope(TEMP_AID, WANGFANG))
    choose(qtbot, db, page.staff, None)
    assert tile(page, "taken_in")[0] == "7"  # G H K P D E I, by hand
    choose(qtbot, db, page.item, None)

    # A custom range: the dates become editable, each change reads again.
    choose(qtbot, db, page.period, "")
    assert page.start.isEnabled() and page.end.isEnabled()
    page.start.setDate(QDate(2026, 10, 12))
    page.end.setDate(QDate(2026, 10, 16))
    settle(qtbot, db)
    week = Period(date(2026, 10, 12), date(2026, 10, 16))
    assert page.reading.dashboard == counter.dashboard.figures(supervisor, week, satisfaction_bucket="day")
    assert [tile(page, name)[0] for name in ("taken_in", "accepted", "completed", "refused")] == [
        "4",
        "4",
        "1",
        "1",
    ]
    shown = page.reading
    page.end.setDate(QDate(2026, 10, 11))  # before the start: said, and nothing read
    assert db.idle and page.reading is shown
    assert page.message.text() == page.tr("The period ends before it starts.")
    page.end.setDate(QDate(2026, 10, 16))
    settle(qtbot, db)
    assert page.message.text() == ""

    # reload() (after a sync) reads again; a hidden page waits until it is shown.
    choose(qtbot, db, page.period, "this_month")
    on_the_spot(counter, clerk, 1)
    page.hide()
    page.reload()
    assert db.idle and tile(page, "taken_in")[0] == "1"
    with qtbot.waitSignal(page.figures_shown):
        page.show()
    assert tile(page, "taken_in")[0] == "2" and tile(page, "satisfaction_rate")[0] == "50%"  # Q4, the new 1
    on_the_spot(counter, clerk)
    with qtbot.waitSignal(page.figures_shown):
        page.reload()
    assert tile(page, "taken_in")[0] == "3"


def test_a_newer_choice_replaces_an_older_one(qtbot: QtBot, db: Database, supervisor: Actor) -> None:
    page = shown_page(qtbot, db, supervisor)
    shown: list[Period] = []
    page.figures_shown.connect(lambda: shown.append(page.reading.dashboard.period))
    for name in ("this_week", "last_month", "this_month", "last_month"):
        page.period.setCurrentIndex(page.period.findData(name))
    settle(qtbot, db)
    assert shown == [OCTOBER]  # the three older choices were dropped, read or not


def test_a_clerk_sees_their_own_cases(qtbot: QtBot, db: Database, clerk: Actor) -> None:
    page = shown_page(qtbot, db, clerk)
    assert page.scope_note.isVisibleTo(page) and not page.staff.isVisibleTo(page)
    choose(qtbot, db, page.period, "last_month")
    assert page.reading.dashboard.scope == Scope(None, CLERK)
    assert [tile(page, name)[0] for name in ("taken_in", "accepted", "refused", "completed")] == [
        "4",  # G H P F, by hand
        "2",
        "1",
        "3",
    ]
    assert [line.key for line in page.staff_model.rows()] == [CLERK]
    choose(qtbot, db, page.item, TEMP_AID)
    assert page.reading.dashboard.scope == Scope(TEMP_AID, CLERK)
    assert unnamed_controls(page) == []


# The exported columns after the name and the key, by their titles, and the core's figure in each.
FIGURE_COLUMNS = {
    "Taken in": "taken_in",
    "Accepted": "accepted",
    "Refused": "refused",
    "In progress": "in_progress",
    "Completed": "completed",
    "Delivered": "delivered",
    "Overdue now": "overdue",
    "On time": "on_time_rate",
    "Average working days": "avg_working_days",
    "P90 working days": "p90_working_days",
    "One-time notice rate": "one_time_notice_rate",
    "Ratings": "rated",
    "Satisfaction rate": "satisfaction_rate",
    "Bad ratings": "bad_ratings",
    "Open rectifications": "rectifications_open",
    "Overdue rectifications": "rectifications_overdue",
}
PERCENT_COLUMNS = {"On time", "One-time notice rate", "Satisfaction rate"}  # shares, shown as 75.0%
DAYS_COLUMNS = {"Average working days", "P90 working days"}


def exported_lines(path: Path, name_title: str, key_title: str) -> list[dict]:
    """The workbook's lines as {title: value}, after checking its titles and its number formats."""
    sheet = load_workbook(path).active
    titles, *lines = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert titles == [name_title, key_title, *FIGURE_COLUMNS]
    for column, title in enumerate(titles, start=1):
        shown_as = "0.0%" if title in PERCENT_COLUMNS else "0.0" if title in DAYS_COLUMNS else "General"
        for row in range(2, 2 + len(lines)):
            assert sheet.cell(row=row, column=column).number_format == shown_as, (title, row)
    return [dict(zip(titles, line, strict=True)) for line in lines]


def figure_cells(figures: Figures) -> dict:
    return {title: getattr(figures, name) for title, name in FIGURE_COLUMNS.items()}


def test_a_table_exported_to_xlsx_through_the_dialog(
    qtbot: QtBot, db: Database, counter: Counter, supervisor: Actor, tmp_path: Path
) -> None:
    board = counter.dashboard.figures(supervisor, OCTOBER)
    # The core's lines are the hand count (tests/core/test_dashboard.py): every cell below is one.
    assert {line.key: line.figures for line in board.by_item} == {
        TEMP_AID: TEMP_AID_FIGURES,
        DIBAO: DIBAO_FIGURES,
        ON_THE_SPOT: ON_THE_SPOT_FIGURES,
    }
    assert {line.key: line.figures for line in board.by_staff} == {
        CLERK: CLERK_FIGURES,
        WANGFANG: WANGFANG_FIGURES,
    }

    page = shown_page(qtbot, db, supervisor)
    choose(qtbot, db, page.period, "last_month")
    page.export_buttons[("items", "xlsx")].click()
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "按事项.xlsx"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(page.saved) as saved:
        dialog.accept()
    assert saved.args == [target]
    assert str(target) in page.status.text()
    assert not list(tmp_path.glob(".*.part"))

    # Every column of every line is the core's figure, in the core's order (the names in English).
    names = {line.key: counter.catalogue.item(line.key) for line in board.by_item}
    items = exported_lines(target, "Service item", "Code")
    assert items == [
        {
            "Service item": localised(names[line.key].name, names[line.key].name_en),
            "Code": line.key,
            **figure_cells(line.figures),
        }
        for line in board.by_item
    ]
    temp_aid = next(line for line in items if line["Code"] == TEMP_AID)
    assert (temp_aid["Taken in"], temp_aid["Accepted"], temp_aid["Refused"], temp_aid["On time"]) == (
        7,  # G H K P D E I, by hand
        4,  # P K D E
        2,  # J I
        2 / 3,  # A E of A B E
    )

    # The staff table too, written straight to a path (the dialog is the same).
    staff_target = tmp_path / "staff.xlsx"
    with qtbot.waitSignal(page.saved):
        page.export_table("staff", "xlsx", staff_target)
    accounts = {CLERK: "clerk1", WANGFANG: "wangfang"}  # the account, without the trail's "user:"
    assert exported_lines(staff_target, "Staff member", "Account") == [
        {"Staff member": line.label, "Account": accounts[line.key], **figure_cells(line.figures)}
        for line in board.by_staff
    ]
    assert [line.label for line in board.by_staff] == ["clerk one", "王芳"]


def test_a_table_exported_to_csv(qtbot: QtBot, db: Database, supervisor: Actor, tmp_path: Path) -> None:
    page = shown_page(qtbot, db, supervisor)
    choose(qtbot, db, page.period, "last_month")
    target = tmp_path / "staff.csv"
    with qtbot.waitSignal(page.saved):
        page.export_table("staff", "csv", target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == page.staff_model.titles()
    values, shown = (
        model_values(page.staff_model),
        model_values(page.staff_model, Qt.ItemDataRole.DisplayRole),
    )
    assert len(rows) == 1 + len(values) == 3
    for line, (value_row, shown_row) in zip(rows[1:], zip(values, shown, strict=True), strict=True):
        for column, kind in enumerate(FiguresTableModel.KINDS):
            if kind == COUNT:
                assert int(line[column]) == value_row[column]
            else:
                assert line[column] == shown_row[column]
                if kind == RATE and value_row[column] is not None:
                    assert abs(float(line[column].rstrip("%")) / 100 - value_row[column]) < 0.001
    assert rows[[r[1] for r in rows].index("wangfang")][:2] == ["王芳", "wangfang"]  # the account, no "user:"


def test_a_file_that_cannot_be_written_is_said(
    qtbot: QtBot, db: Database, supervisor: Actor, tmp_path: Path
) -> None:
    page = shown_page(qtbot, db, supervisor)
    with qtbot.waitSignal(page.save_failed):
        page.export_table("items", "csv", tmp_path / "no such folder" / "items.csv")
    assert page.message.text() and not (tmp_path / "no such folder").exists()


def test_a_chart_saved_as_png(qtbot: QtBot, db: Database, supervisor: Actor, tmp_path: Path) -> None:
    page = shown_page(qtbot, db, supervisor)
    choose(qtbot, db, page.period, "last_month")
    page.intake_png.click()
    assert page.file_dialog is not None and page.file_dialog.isVisible()
    page.file_dialog.reject()
    target = tmp_path / "intake.png"
    with qtbot.waitSignal(page.saved):
        page.save_png("intake", target)
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (page.intake_chart.width() * 2, page.intake_chart.height() * 2)
    assert image.width() >= 600 and target.stat().st_size > 5_000
    colours = {
        image.pixelColor(x, y).rgb() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert QColor(BAR).rgb() in colours and QColor(DAY_OFF).rgb() in colours  # bars, and days off shaded
    drawn = sum(
        image.pixelColor(x, y) != QColor("white")
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )
    assert drawn > 0.05 * (image.width() // 4) * (image.height() // 4)

    with qtbot.waitSignal(page.saved):
        page.save_png("satisfaction", tmp_path / "satisfaction.png")
    assert not QImage(str(tmp_path / "satisfaction.png")).isNull()
