"""The applications list's model: pages of 200 asked for one at a time, superseded sources ignored,
a failed first page, a re-read; and the history model. (The window: ``test_applications_window.py``.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.core.test_cases import bring_to
from tests.ui.applications_support import ROW, FakeSource, ids, rows_of
from tests.ui.helpers import ModelTesters, model_tester_fixture  # noqa: F401 - the model_tester fixture
from ui.models.applications_model import ApplicationsModel
from ui.models.history_model import HistoryModel

# ------------------------------------------------------------------------------------- the models


def test_the_model_asks_for_pages_of_200_one_at_a_time(qtbot: QtBot, model_tester: ModelTesters) -> None:
    source = FakeSource(rows_of(450))
    model = ApplicationsModel()
    model_tester(model)
    top = model.index(-1, -1)

    model.set_source(source)
    assert source.requests() == [(0, 200)]
    assert model.loading and model.rowCount() == 0  # nothing until the page arrives
    assert not model.canFetchMore(top)
    model.fetchMore(top)
    assert source.requests() == [(0, 200)]  # never asked twice

    with qtbot.waitSignal(model.page_loaded) as loaded:
        source.deliver()
    assert loaded.args == [0, 200]
    assert model.rowCount() == 200 and not model.loading
    assert model.canFetchMore(top)
    model.fetchMore(top)
    model.fetchMore(top)  # the view asks again while the page is on its way
    assert source.requests() == [(0, 200), (200, 200)]
    assert model.rowCount() == 200
    source.deliver()
    assert model.rowCount() == 400
    model.fetchMore(top)
    source.deliver()
    assert source.requests() == [(0, 200), (200, 200), (400, 200)]
    assert model.rowCount() == 450
    assert not model.canFetchMore(top)  # the last page came back short
    assert model.data(model.index(449, ApplicationsModel.RECEIPT_NO)) == "R-449"
    assert model.data(model.index(0, ApplicationsModel.ID_MASKED)) == "110105********002X"
    assert model.data(model.index(0, ApplicationsModel.SERVICE)) in {"低保", "Subsistence"}
    assert model.headerData(ApplicationsModel.SYNC_STATE, Qt.Orientation.Horizontal)


def test_the_model_ignores_pages_of_a_superseded_source(qtbot: QtBot, model_tester: ModelTesters) -> None:
    old, new = FakeSource(rows_of(300, "old")), FakeSource(rows_of(3, "new"))
    model = ApplicationsModel()
    model_tester(model)
    model.set_source(old)
    old.deliver()
    model.fetchMore(model.index(-1, -1))
    assert old.requests() == [(0, 200), (200, 200)]

    model.set_source(new, at_least=model.rowCount())
    assert new.requests() == [(0, 200)]
    assert model.rowCount() == 200  # the old rows stay until the new ones arrive: no empty flash
    old.deliver()  # the old source's second page, late
    assert model.rowCount() == 200 and model.loading
    new.deliver()
    assert ids(model) == ["new0", "new1", "new2"]
    old.deliver(0)  # and its first page, very late
    assert ids(model) == ["new0", "new1", "new2"]

    model.set_rows([ROW])  # a fixed list supersedes too
    new.deliver()
    assert ids(model) == ["id"] and not model.canFetchMore(model.index(-1, -1))


def test_a_first_page_that_fails_empties_the_list(qtbot: QtBot, model_tester: ModelTesters) -> None:
    source = FakeSource(rows_of(5))
    model = ApplicationsModel()
    model_tester(model)
    model.set_source(source)
    source.deliver()
    model.set_source(source)
    error = PermissionError("no")
    with qtbot.waitSignal(model.load_failed) as failed:
        source.asked[-1][3](error)
    assert failed.args == [error]
    assert model.rowCount() == 0 and not model.loading


def test_a_re_read_asks_for_as_many_rows_as_are_loaded() -> None:
    source = FakeSource(rows_of(450))
    model = ApplicationsModel()
    model.set_source(source)
    source.deliver()
    model.fetchMore(model.index(-1, -1))
    source.deliver()
    model.set_source(source, at_least=model.rowCount())
    assert source.requests()[-1] == (0, 400)


def test_the_history_model(counter: Counter, clerk: Actor, model_tester: ModelTesters) -> None:
    app = bring_to(counter, clerk, "suspended")
    model = HistoryModel()
    model_tester(model)
    model.set_rows(counter.cases.history(clerk, app.id))
    assert model.rowCount() >= 3
    assert model.data(model.index(model.rowCount() - 1, HistoryModel.NOTE)) == "需实地核查"
