"""The applications page: its paging model, filters, lifecycle steps through the page, inline errors."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.store.queries import ApplicationRow
from tests.core.test_cases import bring_to
from tests.ui.helpers import type_text
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from ui.main_window import MainWindow
from ui.models.applications_model import ApplicationsModel
from ui.models.history_model import HistoryModel
from ui.views.applications import ApplicationsView

ROW = ApplicationRow(
    "id",
    "R-1",
    "a",
    "张三",
    "110105********002X",
    "code",
    "v1",
    "accepted",
    "2026-01-05",
    "2026-01-20",
    "pending",
    "2026-01-05T09:00:00",
)


def page_of(window: MainWindow) -> ApplicationsView:
    page = open_page(window, "applications")
    assert isinstance(page, ApplicationsView)
    return page


def test_the_model_fetches_pages_of_200(qtbot: QtBot) -> None:
    rows = [replace(ROW, id=str(n), receipt_no=f"R-{n}") for n in range(450)]
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[ApplicationRow]:
        asked.append((offset, limit))
        return rows[offset : offset + limit]

    model = ApplicationsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_source(fetch)
    assert model.rowCount() == 200
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450
    assert asked == [(0, 200), (200, 200), (400, 200)]
    assert model.data(model.index(449, ApplicationsModel.RECEIPT_NO)) == "R-449"
    assert model.data(model.index(0, ApplicationsModel.ID_MASKED)) == "110105********002X"
    assert model.headerData(ApplicationsModel.SYNC_STATE, Qt.Orientation.Horizontal)


def test_the_history_model(counter: Counter, clerk: Actor) -> None:
    app = bring_to(counter, clerk, "suspended")
    model = HistoryModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows(counter.cases.history(clerk, app.id))
    assert model.rowCount() >= 3
    assert model.data(model.index(model.rowCount() - 1, HistoryModel.NOTE)) == "需实地核查"


def test_filter_and_search(window: MainWindow, counter: Counter, clerk: Actor, qtbot: QtBot) -> None:
    draft = bring_to(counter, clerk, "draft")
    suspended = bring_to(counter, clerk, "suspended")
    page = page_of(window)
    page.reload()
    assert page.model.rowCount() == 2
    assert page.model.application(0).id == suspended.id  # newest first
    page.status_filter.setCurrentIndex(page.status_filter.findData("suspended"))
    assert [page.model.application(n).id for n in range(page.model.rowCount())] == [suspended.id]
    page.status_filter.setCurrentIndex(0)
    type_text(qtbot, page.search, draft.receipt_no)
    assert [page.model.application(n).id for n in range(page.model.rowCount())] == [draft.id]


def test_a_case_walked_through_the_page(
    window: MainWindow, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "in_progress")
    page = page_of(window)
    page.reload()
    assert page.select_application(app.id)
    assert not page.step_buttons["resume"].isEnabled()  # not allowed while in progress
    assert page.step_buttons["suspend"].isEnabled()

    def click(action: str) -> None:
        qtbot.mouseClick(page.step_buttons[action], Qt.MouseButton.LeftButton)

    def confirm() -> None:
        qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)

    click("suspend")
    confirm()  # no reason: the core refuses, the page says why, nothing changes
    assert page.message.text()
    assert counter.cases.get(clerk, app.id).status == "in_progress"
    type_text(qtbot, page.form.reason, "需要实地核查")
    confirm()
    assert counter.cases.get(clerk, app.id).status == "suspended"
    assert not page.step_buttons["suspend"].isEnabled()

    click("resume")
    assert counter.cases.get(clerk, app.id).status == "in_progress"

    click("complete")
    page.form.result.setCurrentIndex(page.form.result.findData(True))
    confirm()
    assert counter.cases.get(clerk, app.id).result == "granted"

    click("deliver")
    page.form.method.setCurrentIndex(page.form.method.findData("post"))
    confirm()
    delivered = counter.cases.get(clerk, app.id)
    assert (delivered.status, delivered.delivery_method) == ("delivered", "post")

    click("rate")
    page.form.level.setCurrentIndex(page.form.level.findData(2))
    confirm()
    assert counter.cases.get(clerk, app.id).status == "rated"
    assert counter.ctx.ratings.for_application(app.id)["level"] == 2
    assert page.history_model.rowCount() == len(counter.cases.history(clerk, app.id))
    assert not any(button.isEnabled() for button in page.step_buttons.values())


def test_supplement_materials(window: MainWindow, counter: Counter, clerk: Actor, qtbot: QtBot) -> None:
    app = bring_to(counter, clerk, "accepted_pending")
    page = page_of(window)
    page.reload()
    page.select_application(app.id)
    qtbot.mouseClick(page.step_buttons["supplement"], Qt.MouseButton.LeftButton)
    assert page.form.materials
    qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)
    assert counter.cases.get(clerk, app.id).status == "accepted"


def test_controls_are_named_and_the_page_fits(window: MainWindow) -> None:
    page = page_of(window)
    check_named_and_fits(window, page)


def test_a_role_without_the_permission_sees_why(qtbot: QtBot, counter: Counter, admin: Actor) -> None:
    bring_to(counter, Actor.command_line("setup"), "draft")
    page = ApplicationsView(counter, admin)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    assert page.message.text()
    assert not any(button.isEnabled() for button in page.step_buttons.values())
