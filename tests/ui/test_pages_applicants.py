"""The applicants page: masked results, "show personal data" is audited, the applicant's applications."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput
from tests.core.test_cases import form_values
from tests.ui.helpers import type_text
from tests.ui.intake_support import FULL_ID, MASKED_ID, SUBSISTENCE, register_zhang_san, resident_id
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from ui.main_window import MainWindow
from ui.models.applicants_model import ApplicantsModel
from ui.views.applicants import ApplicantsView


def page_of(window: MainWindow) -> ApplicantsView:
    page = open_page(window, "applicants")
    assert isinstance(page, ApplicantsView)
    return page


def test_search_reveal_and_applications(
    window: MainWindow, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    zhang = register_zhang_san(counter, clerk)
    counter.applicants.register_person(clerk, PersonInput("李四", resident_id("11010519491231003")))
    form = form_values(counter, clerk, counter.catalogue.active().item(SUBSISTENCE))
    app = counter.intake.draft(clerk, zhang.id, SUBSISTENCE, form)
    page = page_of(window)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    type_text(qtbot, page.search, "zs")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, ApplicantsModel.ID_NUMBER)) == MASKED_ID
    assert FULL_ID not in page.summary.text()
    assert [page.applications_model.application(n).id for n in range(page.applications_model.rowCount())] == [
        app.id
    ]

    views_before = [e for e in counter.ctx.audit_log.recent() if e["action"] == "applicant.view"]
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert FULL_ID in page.personal.text() and "13800138000" in page.personal.text()
    views = [e for e in counter.ctx.audit_log.recent() if e["action"] == "applicant.view"]
    assert len(views) == len(views_before) + 1
    assert (views[0]["entity_id"], views[0]["actor"]) == (zhang.id, clerk.audit_name)

    page.search.clear()
    type_text(qtbot, page.search, "13800138000")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.applicant(0).id == zhang.id
    assert page.personal.text() == ""  # the full data went with the previous choice


def test_controls_are_named_and_the_page_fits(window: MainWindow) -> None:
    page = page_of(window)
    check_named_and_fits(window, page)
