"""The applications page's deadlines, filters, header sorting and counts, over the real store.

The office (``office``): four applications taken in on three days by a clerk and a supervisor, seen on
Thursday 3 December 2026 (due soon = due by Tuesday 8 December, three working days on):

- ``overdue``: temporary assistance accepted on 3 November by the clerk, due 17 November;
- ``due_soon``: temporary assistance accepted on 23 November by the supervisor, due 7 December;
- ``draft``: an old-age allowance taken in on 23 November by the clerk, not accepted;
- ``on_time``: temporary assistance accepted on 3 December by the clerk, due 17 December.

What the page asked the core is spied on (``asked``: the filters and order of every read), and what
it lists is checked against the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QBrush, QColor
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.records import (
    Application,
    ApplicationFilter,
    ApplicationSort,
    ApplicationSortKey,
    DeadlineState,
)
from counter_app.workflow import CLOCK_RUNNING
from tests.core.test_cases import accepted, new_application
from tests.ui.applications_support import ids
from tests.ui.helpers import settle, type_text
from ui.i18n import CHINESE
from ui.models.applications_model import ApplicationsModel
from ui.views.applications import ApplicationsView
from ui.views.applications import view as applications_view
from ui.views.applications.filters import CLOCK_RUNS, CUSTOM, LAST_MONTH, THIS_WEEK
from ui.workers import Database

OLD_AGE = "990101101-05-0006-001"
TEMP_AID = "990101101-05-0003-001"


@dataclass(frozen=True)
class Office:
    overdue: Application
    due_soon: Application
    draft: Application
    on_time: Application


@pytest.fixture
def office(counter: Counter, clerk: Actor, supervisor: Actor, clock: FixedClock) -> Office:
    clock.set_date(date(2026, 11, 3))
    overdue = accepted(counter, clerk)
    clock.set_date(date(2026, 11, 23))
    due_soon = accepted(counter, supervisor)
    clock.advance(timedelta(minutes=5))
    draft = new_application(counter, clerk, OLD_AGE)
    clock.set_date(date(2026, 12, 3))
    on_time = accepted(counter, clerk)
    assert (overdue.due_date, due_soon.due_date, on_time.due_date) == (
        "2026-11-17",
        "2026-12-07",
        "2026-12-17",
    )
    return Office(overdue, due_soon, draft, on_time)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[ApplicationFilter, ApplicationSort]]:
    """The filters and order of every read of the list the page makes (on the database thread)."""
    reads: list[tuple[ApplicationFilter, ApplicationSort]] = []
    real = applications_view.read_applications

    def spy(
        counter: Counter,
        actor: Actor,
        filters: ApplicationFilter,
        sort: ApplicationSort,
        *args: Any,
        **kw: Any,
    ):
        reads.append((filters, sort))
        return real(counter, actor, filters, sort, *args, **kw)

    monkeypatch.setattr(applications_view, "read_applications", spy)
    return reads


def open_page(qtbot: QtBot, db: Database, actor: Actor) -> ApplicationsView:
    view = ApplicationsView(db, actor)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, db)
    return view


@pytest.fixture
def page(qtbot: QtBot, db: Database, supervisor: Actor, office: Office) -> Iterator[ApplicationsView]:
    view = open_page(qtbot, db, supervisor)
    yield view
    settle(qtbot, db)


def listed(page: ApplicationsView) -> set[str]:
    return set(ids(page.model))


def cell(
    page: ApplicationsView, app: Application, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    row = page.model.row_of(app.id)
    assert row >= 0, "listed"
    return page.model.data(page.model.index(row, column), role)


# ----------------------------------------------------------------------------------------- deadlines


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        channels = [colour.redF(), colour.greenF(), colour.blueF()]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_overdue_and_due_soon_rows_are_marked_in_colour_and_in_words(
    page: ApplicationsView, office: Office
) -> None:
    model = page.model
    deadline = ApplicationsModel.DEADLINE
    assert cell(page, office.overdue, deadline) == "Overdue"
    assert cell(page, office.due_soon, deadline) == "Due soon"
    assert cell(page, office.on_time, deadline) == cell(page, office.draft, deadline) == ""
    assert cell(page, office.overdue, 0, ApplicationsModel.DEADLINE_ROLE) is DeadlineState.OVERDUE
    assert cell(page, office.on_time, 0, ApplicationsModel.DEADLINE_ROLE) is DeadlineState.ON_TIME
    assert cell(page, office.draft, 0, ApplicationsModel.DEADLINE_ROLE) is None

    # Colour: the whole row tinted, red and amber apart; dark text on it; the mark bold.
    tints = {}
    for app in (office.overdue, office.due_soon):
        for column in range(model.COLUMN_COUNT):
            brush = cell(page, app, column, Qt.ItemDataRole.BackgroundRole)
            assert isinstance(brush, QBrush)
            text = cell(page, app, column, Qt.ItemDataRole.ForegroundRole)
            assert contrast(text.color(), brush.color()) >= 4.5  # WCAG AA for normal text
            tints.setdefault(app.id, set()).add(brush.color().name())
    assert len(tints[office.overdue.id]) == len(tints[office.due_soon.id]) == 1
    assert tints[office.overdue.id] != tints[office.due_soon.id]
    assert cell(page, office.overdue, deadline, Qt.ItemDataRole.FontRole).bold()
    for app in (office.on_time, office.draft):
        assert cell(page, app, ApplicationsModel.RECEIPT_NO, Qt.ItemDataRole.BackgroundRole) is None
        assert cell(page, app, deadline, Qt.ItemDataRole.AccessibleTextRole) is None

    # Words for screen readers: the mark and the due date; every cell of the row carries the mark.
    said = cell(page, office.overdue, deadline, Qt.ItemDataRole.AccessibleTextRole)
    assert "Overdue" in said and "2026-11-17" in said
    assert cell(page, office.due_soon, deadline, Qt.ItemDataRole.ToolTipRole) == said.replace(
        "Overdue", "Due soon"
    ).replace("2026-11-17", "2026-12-07")
    for column in (ApplicationsModel.RECEIPT_NO, ApplicationsModel.APPLICANT, ApplicationsModel.DUE_DATE):
        assert cell(page, office.overdue, column, Qt.ItemDataRole.AccessibleDescriptionRole) == "Overdue"


def test_the_marks_are_in_chinese_on_a_chinese_screen(
    page: ApplicationsView, office: Office, tmp_path: Path
) -> None:
    from tests.ui.test_notices import compile_translations

    translator = QTranslator()
    assert translator.load(str(compile_translations(tmp_path) / f"counter_{CHINESE}.qm"))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        assert cell(page, office.overdue, ApplicationsModel.DEADLINE) == "逾期"
        assert cell(page, office.due_soon, ApplicationsModel.DEADLINE) == "临期"
        assert page.model.headerData(ApplicationsModel.DEADLINE, Qt.Orientation.Horizontal)
    finally:
        app.removeTranslator(translator)


# ------------------------------------------------------------------------------------------ filters


def test_each_filter_goes_through_to_the_use_case(
    page: ApplicationsView,
    db: Database,
    office: Office,
    qtbot: QtBot,
    clerk: Actor,
    supervisor: Actor,
    asked: list[tuple[ApplicationFilter, ApplicationSort]],
) -> None:
    filters = page.filters
    everything = {office.overdue.id, office.due_soon.id, office.draft.id, office.on_time.id}
    assert listed(page) == everything

    def last() -> ApplicationFilter:
        settle(qtbot, db)
        return asked[-1][0]

    # Status: a group of statuses, then one.
    filters.status_filter.setCurrentIndex(filters.status_filter.findData(CLOCK_RUNS))
    assert last().statuses == {status.value for status in CLOCK_RUNNING}
    assert listed(page) == everything - {office.draft.id}
    filters.status_filter.setCurrentIndex(filters.status_filter.findData("draft"))
    assert last().statuses == {"draft"} and listed(page) == {office.draft.id}
    filters.status_filter.setCurrentIndex(0)
    assert last().statuses == frozenset() and listed(page) == everything

    # Service item: the active catalogue's items are offered.
    service = filters.service_filter
    assert service.findData(OLD_AGE) > 0 and service.findData(TEMP_AID) > 0
    service.setCurrentIndex(service.findData(OLD_AGE))
    assert last().item_code == OLD_AGE and listed(page) == {office.draft.id}
    service.setCurrentIndex(0)

    # Staff member: whoever answers for the case (the supervisor accepted one).
    staff = filters.staff_filter
    staff.setCurrentIndex(staff.findData(supervisor.audit_name))
    assert last().staff == supervisor.audit_name and listed(page) == {office.due_soon.id}
    staff.setCurrentIndex(staff.findData(clerk.audit_name))
    assert last().staff == clerk.audit_name and listed(page) == everything - {office.due_soon.id}
    staff.setCurrentIndex(0)
    assert last().staff is None

    # Period: named ones count from the office's today (Thursday 3 December), a custom range.
    filters.choose_period(THIS_WEEK)
    assert (last().intake_from, last().intake_to) == (date(2026, 11, 30), date(2026, 12, 6))
    assert listed(page) == {office.on_time.id}
    assert filters.date_from.date().toPython() == date(2026, 11, 30) and not filters.date_from.isEnabled()
    filters.choose_period(LAST_MONTH)
    assert (last().intake_from, last().intake_to) == (date(2026, 11, 1), date(2026, 11, 30))
    assert listed(page) == everything - {office.on_time.id}
    filters.choose_period(CUSTOM)
    assert filters.date_from.isEnabled()
    filters.date_from.setDate(date(2026, 11, 20))
    filters.date_to.setDate(date(2026, 11, 25))
    assert (last().intake_from, last().intake_to) == (date(2026, 11, 20), date(2026, 11, 25))
    assert listed(page) == {office.due_soon.id, office.draft.id}
    filters.date_to.setDate(date(2026, 11, 1))  # before the first day: moved up to it
    assert filters.date_to.date().toPython() == date(2026, 11, 20)
    assert last().intake_to == date(2026, 11, 20)
    filters.choose_period("any")
    assert last().intake_from is None and last().intake_to is None

    # Overdue only, due soon only, both.
    qtbot.mouseClick(filters.overdue_only, Qt.MouseButton.LeftButton)
    assert last().deadlines == {DeadlineState.OVERDUE} and listed(page) == {office.overdue.id}
    qtbot.mouseClick(filters.due_soon_only, Qt.MouseButton.LeftButton)
    assert last().deadlines == {DeadlineState.OVERDUE, DeadlineState.DUE_SOON}
    assert listed(page) == {office.overdue.id, office.due_soon.id}
    qtbot.mouseClick(filters.overdue_only, Qt.MouseButton.LeftButton)
    assert last().deadlines == {DeadlineState.DUE_SOON} and listed(page) == {office.due_soon.id}
    qtbot.mouseClick(filters.due_soon_only, Qt.MouseButton.LeftButton)

    # The text search, with the other filters.
    type_text(qtbot, page.search, office.on_time.receipt_no)
    assert last().text == office.on_time.receipt_no and listed(page) == {office.on_time.id}
    filters.status_filter.setCurrentIndex(filters.status_filter.findData("draft"))
    assert last().text == office.on_time.receipt_no and last().statuses == {"draft"}
    assert listed(page) == set()


def test_a_clerk_may_choose_only_their_own_cases_a_supervisor_anyone(
    qtbot: QtBot, db: Database, office: Office, clerk: Actor, supervisor: Actor
) -> None:
    def choices(actor: Actor) -> list[tuple[str, str]]:
        view = open_page(qtbot, db, actor)
        combo = view.filters.staff_filter
        return [(combo.itemData(n), combo.itemText(n)) for n in range(combo.count())]

    assert clerk.display_name != clerk.username
    assert choices(clerk) == [("", "All staff"), (clerk.audit_name, f"My cases ({clerk.display_name})")]
    assert choices(supervisor) == [
        ("", "All staff"),
        (clerk.audit_name, clerk.display_name),
        (supervisor.audit_name, f"My cases ({supervisor.display_name})"),
    ]


def test_the_list_names_who_handles_a_case_by_display_name(
    qtbot: QtBot, db: Database, office: Office, supervisor: Actor, clerk: Actor
) -> None:
    view = open_page(qtbot, db, supervisor)
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and view.filters.staff_filter.count() > 1)
    handled = {model.data(model.index(row, model.HANDLED_BY)) for row in range(model.rowCount())} - {""}
    assert handled and clerk.display_name in handled and clerk.username not in handled


# ------------------------------------------------------------------------------------------ sorting


def click_header(qtbot: QtBot, page: ApplicationsView, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_a_column_header_click_sorts_in_the_core(
    page: ApplicationsView,
    db: Database,
    counter: Counter,
    supervisor: Actor,
    office: Office,
    qtbot: QtBot,
    asked: list[tuple[ApplicationFilter, ApplicationSort]],
) -> None:
    def core_order(sort: ApplicationSort) -> list[str]:
        return [row.id for row in counter.queries.applications_page(supervisor, sort=sort).rows]

    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == ApplicationsModel.TAKEN_IN
    assert ids(page.model) == core_order(ApplicationSort())  # newest intake first

    click_header(qtbot, page, ApplicationsModel.RECEIPT_NO)
    settle(qtbot, db)
    by_receipt = ApplicationSort(ApplicationSortKey.RECEIPT_NO, descending=False)
    assert asked[-1][1] == by_receipt and ids(page.model) == core_order(by_receipt)
    click_header(qtbot, page, ApplicationsModel.RECEIPT_NO)  # again: the other way
    settle(qtbot, db)
    assert asked[-1][1] == ApplicationSort(ApplicationSortKey.RECEIPT_NO, descending=True)
    assert ids(page.model) == core_order(asked[-1][1]) == list(reversed(core_order(by_receipt)))

    reads = len(asked)
    click_header(qtbot, page, ApplicationsModel.ID_MASKED)  # no order of its own: nothing changes
    settle(qtbot, db)
    assert len(asked) == reads
    assert header.sortIndicatorSection() == ApplicationsModel.RECEIPT_NO
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header(qtbot, page, ApplicationsModel.DEADLINE)  # the deadline: by due date, earliest first
    settle(qtbot, db)
    by_due = ApplicationSort(ApplicationSortKey.DUE, descending=False)
    assert asked[-1][1] == by_due
    assert ids(page.model)[:3] == [office.overdue.id, office.due_soon.id, office.on_time.id]
    for column, key in ((ApplicationsModel.APPLICANT, "applicant"), (ApplicationsModel.STATUS, "status")):
        click_header(qtbot, page, column)
        settle(qtbot, db)
        assert asked[-1][1] == ApplicationSort(ApplicationSortKey(key), descending=False)
        assert ids(page.model) == core_order(asked[-1][1])

    # The order holds across a refresh and a filter change.
    page.filters.overdue_only.setChecked(True)
    settle(qtbot, db)
    assert asked[-1][1].key is ApplicationSortKey.STATUS


def test_the_order_is_chosen_by_keyboard_too_and_the_header_follows(
    page: ApplicationsView,
    db: Database,
    counter: Counter,
    supervisor: Actor,
    office: Office,
    qtbot: QtBot,
    asked: list[tuple[ApplicationFilter, ApplicationSort]],
) -> None:
    order, header = page.filters.order, page.table.horizontalHeader()
    assert order.currentText() == "Newest intake first"
    order.setFocus()
    qtbot.keyClick(order, Qt.Key.Key_Down)  # oldest intake first
    qtbot.keyClick(order, Qt.Key.Key_Down)  # due date, earliest first
    settle(qtbot, db)
    by_due = ApplicationSort(ApplicationSortKey.DUE, descending=False)
    assert asked[-1][1] == by_due and order.currentText() == "Due date, earliest first"
    assert ids(page.model)[:3] == [office.overdue.id, office.due_soon.id, office.on_time.id]
    assert header.sortIndicatorSection() == ApplicationsModel.DUE_DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder

    click_header(qtbot, page, ApplicationsModel.RECEIPT_NO)  # and the box follows the mouse
    settle(qtbot, db)
    assert asked[-1][1] == ApplicationSort(ApplicationSortKey.RECEIPT_NO, descending=False)
    assert order.currentText() == "Receipt number, ascending"
    reads = len(asked)
    order.setCurrentIndex(order.currentIndex())  # the same order again: nothing is read
    settle(qtbot, db)
    assert len(asked) == reads


# ------------------------------------------------------------------------------------------- counts


def test_counts_per_status_for_the_current_filters(
    page: ApplicationsView, db: Database, office: Office, qtbot: QtBot
) -> None:
    combo = page.filters.status_filter

    def entry(data: str) -> str:
        return combo.itemText(combo.findData(data))

    assert entry("") == "All statuses (4)"
    assert entry("accepted") == "Accepted (3)" and entry("draft") == "Draft (1)"
    assert entry(CLOCK_RUNS) == "Time limit running (3)" and entry("rated") == "Rated (0)"
    summary = page.filters.summary.text()
    assert "Listed: 4" in summary and "overdue: 1" in summary and "due soon (by 2026-12-08): 1" in summary

    # Under the other filters: the service's, and the status entries still count every status.
    page.filters.service_filter.setCurrentIndex(page.filters.service_filter.findData(OLD_AGE))
    settle(qtbot, db)
    assert entry("") == "All statuses (1)" and entry("accepted") == "Accepted (0)"
    page.filters.service_filter.setCurrentIndex(0)
    combo.setCurrentIndex(combo.findData("draft"))
    settle(qtbot, db)
    assert entry("accepted") == "Accepted (3)"  # what choosing it would give
    assert "Listed: 1" in page.filters.summary.text()
    # the deadline totals are those of the chosen status (a draft's clock does not run)
    assert "overdue: 0" in page.filters.summary.text() and "): 0" in page.filters.summary.text()


def test_a_named_period_follows_the_offices_today(
    page: ApplicationsView,
    db: Database,
    clock: FixedClock,
    office: Office,
    qtbot: QtBot,
    asked: list[tuple[ApplicationFilter, ApplicationSort]],
) -> None:
    page.filters.choose_period(THIS_WEEK)
    settle(qtbot, db)
    assert asked[-1][0].intake_from == date(2026, 11, 30) and listed(page) == {office.on_time.id}
    clock.set_date(date(2026, 12, 8))  # the next Tuesday: the counter was left open
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert (asked[-1][0].intake_from, asked[-1][0].intake_to) == (date(2026, 12, 7), date(2026, 12, 13))
    assert listed(page) == set()
    assert page.filters.date_from.date().toPython() == date(2026, 12, 7)
    # And the deadlines are the new day's: the case due soon on the 3rd is overdue now.
    page.filters.choose_period("any")
    settle(qtbot, db)
    assert cell(page, office.due_soon, ApplicationsModel.DEADLINE) == "Overdue"
