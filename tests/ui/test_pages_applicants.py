"""The applicants page: masked results, "show personal data" is audited, the applicant's applications;
every reading happens on the database thread and only the newest answer is shown."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.records import ApplicantSummary
from counter_app.services.applicants import PersonInput
from tests.core.test_cases import form_values
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    press_enter,
    settle,
    type_text,
)
from tests.ui.intake_support import FULL_ID, MASKED_ID, SUBSISTENCE, register_zhang_san, resident_id
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from ui.main_window import MainWindow
from ui.models.applicants_model import ApplicantsModel
from ui.models.applications_model import ApplicationsModel
from ui.models.labels import localised
from ui.views.applicants import ApplicantsView
from ui.workers import Database


@contextmanager
def held(db: Database) -> Iterator[None]:
    """Keep the database thread busy until the block ends: work submitted meanwhile waits in line."""
    started, release = threading.Event(), threading.Event()

    def hold(_counter: Counter) -> None:
        started.set()
        assert release.wait(timeout=10), "the test never released the database thread"

    db.submit(hold)
    assert started.wait(timeout=5)
    try:
        yield
    finally:
        release.set()


def page_of(window: MainWindow, qtbot: QtBot, db: Database) -> ApplicantsView:
    page = open_page(window, "applicants")
    assert isinstance(page, ApplicantsView)
    settle(qtbot, db)
    return page


def search_for(qtbot: QtBot, page: ApplicantsView, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    press_enter(qtbot, page.search)


def names_shown(page: ApplicantsView) -> list[str]:
    return [page.model.applicant(n).name for n in range(page.model.rowCount())]


def audited_views(counter: Counter) -> list[dict]:
    return [e for e in counter.ctx.audit_log.recent() if e["action"] == "applicant.view"]


def register(counter: Counter, clerk: Actor, name: str, first17: str) -> ApplicantSummary:
    return counter.applicants.register_person(clerk, PersonInput(name, resident_id(first17)))


def test_search_reveal_and_applications(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, model_tester: ModelTesters
) -> None:
    zhang = register_zhang_san(counter, clerk)
    register(counter, clerk, "李四", "11010519491231003")
    item = counter.catalogue.active().item(SUBSISTENCE)
    app = counter.intake.draft(clerk, zhang.id, SUBSISTENCE, form_values(counter, clerk, item))
    page = page_of(window, qtbot, db)
    model_tester(page.model)
    search_for(qtbot, page, "zs")
    settle(qtbot, db)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, ApplicantsModel.ID_NUMBER)) == MASKED_ID
    assert page.applicant is not None and page.applicant.id == zhang.id
    assert FULL_ID not in page.summary.text()
    assert [page.applications_model.application(n).id for n in range(page.applications_model.rowCount())] == [
        app.id
    ]
    # The service's name was looked up on the database thread, in the version the application used.
    service = page.applications_model.data(page.applications_model.index(0, ApplicationsModel.SERVICE))
    assert service == localised(item.name, item.name_en)

    views_before = audited_views(counter)
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert FULL_ID in page.personal.text() and "13800138000" in page.personal.text()
    views = audited_views(counter)
    assert len(views) == len(views_before) + 1
    assert (views[0]["entity_id"], views[0]["actor"]) == (zhang.id, clerk.audit_name)

    search_for(qtbot, page, "13800138000")
    settle(qtbot, db)
    assert page.model.applicant(0).id == zhang.id
    assert page.personal.text() == ""  # the full data went with the previous choice

    search_for(qtbot, page, "wz")
    settle(qtbot, db)
    assert page.model.rowCount() == 0 and page.applicant is None
    assert page.message.text() == page.tr("No applicant found.")
    assert page.applications_model.rowCount() == 0 and not page.reveal_button.isEnabled()


def test_reveal_is_audited_and_shows_the_number_only_once_it_arrives(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    zhang = register_zhang_san(counter, clerk)
    page = page_of(window, qtbot, db)
    search_for(qtbot, page, "zs")
    settle(qtbot, db)
    views_before = len(audited_views(counter))

    with held(db):
        qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
        # Asked for, not read yet: nothing unmasked on screen, nothing audited, no second reading.
        assert page.personal.text() == "" and not page.reveal_button.isEnabled()
        qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
        assert len(audited_views(counter)) == views_before
    settle(qtbot, db)
    assert FULL_ID in page.personal.text()
    assert page.reveal_button.isEnabled()
    views = audited_views(counter)
    assert len(views) == views_before + 1  # one click, one reading
    assert (views[0]["entity_id"], views[0]["actor"]) == (zhang.id, clerk.audit_name)


def test_a_reveal_still_waiting_is_dropped_when_another_applicant_is_chosen(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    register(counter, clerk, "张三", "11010519491231002")
    register(counter, clerk, "张五", "11010519500101001")
    page = page_of(window, qtbot, db)
    search_for(qtbot, page, "张")
    settle(qtbot, db)
    assert names_shown(page) == ["张三", "张五"]
    views_before = len(audited_views(counter))

    with held(db):
        qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
        assert page.applicant is not None and page.applicant.name == "张五"
    settle(qtbot, db)
    assert page.personal.text() == ""  # 张三's data never appears beside 张五
    assert len(audited_views(counter)) == views_before  # and was never read
    assert page.reveal_button.isEnabled()


@pytest.mark.parametrize("earlier", ["waiting", "read"])
def test_a_search_typed_quickly_shows_only_the_last_querys_results(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, earlier: str
) -> None:
    """``waiting``: the earlier search had not started; ``read``: it ran, its answer was on its way."""
    register_zhang_san(counter, clerk)
    register(counter, clerk, "李四", "11010519491231003")
    page = page_of(window, qtbot, db)
    shown: list[list[str]] = []
    page.model.modelReset.connect(lambda: shown.append(names_shown(page)))

    if earlier == "waiting":
        with held(db):
            search_for(qtbot, page, "zs")
            search_for(qtbot, page, "ls")
    else:
        search_for(qtbot, page, "zs")
        read = threading.Event()
        db.submit(lambda _counter: read.set())  # runs after the first search, in submission order
        assert read.wait(timeout=5)  # the answer is queued for the UI thread, not delivered yet
        search_for(qtbot, page, "ls")
    settle(qtbot, db)
    assert shown == [["李四"]]
    assert page.applicant is not None and page.applicant.name == "李四"


def test_reload_shows_changes_and_keeps_the_chosen_applicant(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    register(counter, clerk, "张三", "11010519491231002")
    zhang_wu = register(counter, clerk, "张五", "11010519500101001")
    page = page_of(window, qtbot, db)
    search_for(qtbot, page, "张")
    settle(qtbot, db)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    settle(qtbot, db)
    assert page.applicant is not None and page.applicant.id == zhang_wu.id
    assert page.applications_model.rowCount() == 0

    # Elsewhere (another desk, a sync): a new 张 registers and 张五 applies.
    register(counter, clerk, "张一", "11010519600101001")
    form = form_values(counter, clerk, counter.catalogue.active().item(SUBSISTENCE))
    app = counter.intake.draft(clerk, zhang_wu.id, SUBSISTENCE, form)
    page.reload()
    page.reload()  # cheap to repeat: the newer reading replaces the older
    settle(qtbot, db)
    assert sorted(names_shown(page)) == ["张一", "张三", "张五"]
    assert page.applicant is not None and page.applicant.id == zhang_wu.id
    assert page.model.applicant(page.table.currentIndex().row()).id == zhang_wu.id
    assert page.applications_model.rowCount() == 1 and page.applications_model.application(0).id == app.id

    # The window reloads a page shown again.
    register(counter, clerk, "张二", "11010519700101001")
    open_page(window, "catalogue")
    open_page(window, "applicants")
    settle(qtbot, db)
    assert len(names_shown(page)) == 4
    assert page.applicant is not None and page.applicant.id == zhang_wu.id


def test_reload_forgets_personal_data_shown_but_not_a_reading_on_its_way(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    register_zhang_san(counter, clerk)
    page = page_of(window, qtbot, db)
    search_for(qtbot, page, "zs")
    settle(qtbot, db)
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert FULL_ID in page.personal.text()
    page.reload()  # e.g. the page shown again: what was read for an earlier look goes
    settle(qtbot, db)
    assert page.personal.text() == "" and page.reveal_button.isEnabled()

    views_before = len(audited_views(counter))
    with held(db):
        qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
        page.reload()  # a sync brought changes while the clerk asked: the same applicant stays chosen
    settle(qtbot, db)
    assert FULL_ID in page.personal.text()
    assert len(audited_views(counter)) == views_before + 1


def test_reload_before_any_search_reads_nothing(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    page = page_of(window, qtbot, db)
    page.reload()
    assert db.idle
    assert page.model.rowCount() == 0 and page.message.text() == ""


def test_controls_are_named_and_the_page_fits(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    page = page_of(window, qtbot, db)
    check_named_and_fits(window, page)
