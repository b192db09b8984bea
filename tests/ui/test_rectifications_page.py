"""The rectification page: a bad rating's task listed with its case, closed by the supervisor through
the page (one synced op), overdue marked by colour and words as the clock passes the due date, a
refusal shown at the field, and roles without the permission told why there is nothing.

The page reads and writes on the app's database thread (``db``); the test's own ``counter`` sets the
data up and checks the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied
from counter_app.services.ratings import MAX_RESOLUTION
from tests.core.rating_support import citizen_rates
from tests.core.test_ratings import ITEM, _application
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
    type_text,
)
from tests.ui.test_accessibility import unnamed_controls
from ui.models.labels import localised
from ui.models.rectifications_model import OVERDUE_COLOUR, RectificationsModel
from ui.views.rectifications import RectificationsView
from ui.workers import Database


def bad_rating(
    counter: Counter, clerk: Actor, comment: str = "等候时间太长", aspects: tuple[str, ...] = ()
) -> str:
    """A delivered case rated 5 (非常不满意) on Mon 23 Nov 2026; the task's id (due Mon 30 Nov)."""
    app = _application(counter, clerk, "delivered")
    citizen_rates(counter, clerk, app.id, 5, comment, aspects)
    (task,) = [
        row
        for row in counter.ratings.rectifications(Actor.command_line("t"), "all")
        if row.application_id == app.id
    ]
    return task.id


def ops_for(counter: Counter, entity_id: str) -> list:
    return [op for op in counter.exchange.pending_ops(10_000) if op.entity_id == entity_id]


def shown(page: RectificationsView, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.fixture
def open_page(qtbot: QtBot, db: Database) -> Iterator:
    made: list[RectificationsView] = []

    def open_for(actor: Actor) -> RectificationsView:
        view = RectificationsView(db, actor)
        qtbot.addWidget(view)
        view.resize(1100, 650)
        view.show()
        qtbot.waitExposed(view)
        settle(qtbot, db)
        made.append(view)
        return view

    yield open_for
    settle(qtbot, db)


def test_the_model_passes_the_tester_and_marks_overdue_in_words_and_colour(
    counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock, model_tester: ModelTesters
) -> None:
    bad_rating(counter, clerk, "窗口人员态度差")
    bad_rating(counter, clerk, "")
    clock.set_date(date(2026, 12, 1))  # the first two are due Mon 30 Nov: overdue now
    third = bad_rating(counter, clerk, "材料说明不清")  # due 8 Dec
    model = RectificationsModel()
    model_tester(model)
    rows = counter.ratings.rectifications(supervisor, "open")
    model.set_tasks(rows, {ITEM: ("高龄津贴", "Old-age allowance")})
    assert model.rowCount() == 3 and model.columnCount() == RectificationsModel.COLUMN_COUNT
    states = [model.data(model.index(n, model.STATE)) for n in range(3)]
    assert states == ["Overdue", "Overdue", "Open"]
    due = model.index(0, model.DUE_DATE)
    assert model.data(due) == "2026-11-30"
    colour = model.data(due, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QBrush) and colour.color() == OVERDUE_COLOUR
    assert model.data(model.index(2, model.DUE_DATE), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, model.LEVEL)) == "Very dissatisfied"
    assert model.data(model.index(0, model.SERVICE)) == localised("高龄津贴", "Old-age allowance")
    assert model.data(model.index(2, model.COMMENT)) == "材料说明不清"
    assert model.data(model.index(2, model.ASPECTS)) == ""  # none named
    assert model.task(2).id == third and model.row_of(third) == 2
    model.set_tasks([], {})
    assert model.rowCount() == 0


def test_the_supervisor_closes_a_bad_ratings_task_in_the_page(
    qtbot: QtBot, open_page, counter: Counter, clerk: Actor, supervisor: Actor
) -> None:
    task_id = bad_rating(counter, clerk, "等候时间太长", ("attitude", "efficiency"))
    page = open_page(supervisor)
    assert page.objectName() == "page_rectifications"
    assert unnamed_controls(page) == []
    assert page.filter_buttons["open"].text() == "&Open (1)"
    assert page.filter_buttons["closed"].text() == "C&losed (0)"
    (row,) = counter.ratings.rectifications(supervisor, "open")
    assert shown(page, RectificationsModel.RECEIPT_NO) == [row.receipt_no]
    assert shown(page, RectificationsModel.COMMENT) == ["等候时间太长"]
    assert shown(page, RectificationsModel.ASPECTS) == ["Efficiency, Attitude"]  # in the rating's order
    assert shown(page, RectificationsModel.STATE) == ["Open"]
    assert page.current_task() is not None and page.current_task().id == task_id  # chosen at once
    assert page.close_form.isVisible() and "等候时间太长" in page.details.text()
    assert "Found unsatisfactory: Efficiency, Attitude" in page.details.text()
    before = ops_for(counter, task_id)

    type_text(qtbot, page.resolution, "已电话回访，说明办理时限")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)

    after = ops_for(counter, task_id)
    assert len(after) == len(before) + 1  # exactly one op, synced like any other change
    op = after[-1]
    assert (op.entity, op.op) == ("rectification", "update")
    assert op.data["status"] == "closed" and op.data["resolution"] == "已电话回访，说明办理时限"
    assert page.model.rowCount() == 0 and not page.empty.isHidden()
    assert page.message.text() == f"Task closed: {row.receipt_no}"
    assert page.filter_buttons["open"].text() == "&Open (0)"
    assert page.filter_buttons["closed"].text() == "C&losed (1)"

    qtbot.mouseClick(page.filter_buttons["closed"], Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert shown(page, RectificationsModel.RECEIPT_NO) == [row.receipt_no]
    assert shown(page, RectificationsModel.STATE) == ["Closed"]
    text = page.details.text()
    assert "已电话回访，说明办理时限" in text and "2026-11-23 09:30" in text
    assert "by supervisor one (supervisor1)" in text  # who closed it: display name and account
    assert not page.close_form.isVisible()


def test_an_empty_or_second_close_is_refused_in_words(
    qtbot: QtBot, open_page, counter: Counter, clerk: Actor, supervisor: Actor
) -> None:
    task_id = bad_rating(counter, clerk)
    page = open_page(supervisor)
    before = ops_for(counter, task_id)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert page.resolution_error.text() == "Write what was done before closing the task."
    assert page.model.rowCount() == 1 and ops_for(counter, task_id) == before

    type_text(qtbot, page.resolution, "x" * (MAX_RESOLUTION + 1))
    assert page.resolution_error.text() == ""  # typing clears the refusal
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert page.resolution_error.text().startswith("Too long: at most ")
    assert ops_for(counter, task_id) == before

    counter.ratings.close_rectification(supervisor, task_id, "在另一窗口关闭")  # another window, meanwhile
    page.resolution.setPlainText("已回访")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert page.message.text() == "This task is already closed (here, or on another counter)."
    assert page.model.rowCount() == 0  # the list was read again
    assert len(ops_for(counter, task_id)) == len(before) + 1  # the other window's close only


def test_a_task_becomes_overdue_as_the_clock_passes_its_due_date(
    qtbot: QtBot, open_page, counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock
) -> None:
    bad_rating(counter, clerk)  # due Mon 30 Nov
    page = open_page(supervisor)
    due = page.model.index(0, RectificationsModel.DUE_DATE)
    assert shown(page, RectificationsModel.STATE) == ["Open"]
    assert page.model.data(due, Qt.ItemDataRole.ForegroundRole) is None
    assert page.filter_buttons["overdue"].text() == "Ov&erdue (0)"

    clock.set_date(date(2026, 11, 30))  # due today: not yet
    page.reload()
    settle(qtbot, page.db)
    assert shown(page, RectificationsModel.STATE) == ["Open"]

    clock.set_date(date(2026, 12, 1))
    page.reload()
    settle(qtbot, page.db)
    assert shown(page, RectificationsModel.STATE) == ["Overdue"]
    brush = page.model.data(page.model.index(0, RectificationsModel.DUE_DATE), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == OVERDUE_COLOUR
    assert "Due: 2026-11-30 — overdue" in page.details.text()
    assert page.filter_buttons["overdue"].text() == "Ov&erdue (1)"
    qtbot.mouseClick(page.filter_buttons["overdue"], Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert page.model.rowCount() == 1 and page.state == "overdue"


@pytest.mark.parametrize("role", ["clerk", "admin"])
def test_roles_without_the_permission_get_an_explanation(
    open_page, request: pytest.FixtureRequest, counter: Counter, clerk: Actor, role: str
) -> None:
    bad_rating(counter, clerk)
    actor: Actor = request.getfixturevalue(role)
    page = open_page(actor)
    assert not page.allowed
    assert "supervisors" in page.explanation.text()
    assert not hasattr(page, "table") and page.db.idle  # nothing was read
    page.reload()
    assert page.db.idle
    with pytest.raises(PermissionDenied):  # and the core refuses them anyway
        counter.ratings.rectifications(actor, "open")
