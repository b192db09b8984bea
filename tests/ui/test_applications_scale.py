"""The applications page over 200,000 applications: scrolled from the first row to the last and back
up, the model checked by ``QAbstractItemModelTester`` on the way, never holding more than its window.

The office is bulk-loaded as the list's benchmark loads it (``benchmarks.applications_list.load_office``:
realistic statuses, services, staff and due dates over two years). The page reads through the app's
database thread as it always does. The model tester walks every row held after every change, so it
watches the first pages, pages in the middle and the last ones (and the way back up), with a smaller
window than the app's so that the window moves while it watches; the table paints only there too (a
thousand repaints would be most of the test's time). Time and resident memory are the benchmark's
(``benchmarks/applications_view.py``), never asserted here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.applications_list import load_office
from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
)
from ui.models.applications_model import ApplicationsModel
from ui.views.applications import ApplicationsView
from ui.workers import Database

APPLICATIONS = 200_000
WINDOW = 400  # the app holds 1,000; smaller here, so the tester sees the window move often
WATCHED = 3  # pages the model tester watches at each place
TOP = ApplicationsModel().index(-1, -1)


@pytest.fixture
def page(qtbot: QtBot, counter: Counter, db: Database, clerk: Actor) -> Iterator[ApplicationsView]:
    load_office(counter, APPLICATIONS)
    view = ApplicationsView(db, clerk)
    qtbot.addWidget(view)
    view.model.window_rows = WINDOW
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, db, timeout_ms=60_000)
    yield view
    settle(qtbot, db, timeout_ms=60_000)


def test_the_list_of_200000_is_scrolled_to_the_end_and_back_in_a_window(
    page: ApplicationsView, qtbot: QtBot, model_tester: ModelTesters
) -> None:
    model, table = page.model, page.table
    assert page.counts is not None and page.counts.total == APPLICATIONS
    assert "200,000" in page.filters.status_filter.itemText(0)
    order: list[tuple[str, str]] = []  # (created_at, receipt_no) of every row, as it arrived
    seen: set[str] = set()
    most = 0

    def arrived(first: int, count: int) -> None:
        nonlocal most
        for n in range(first, first + count):
            row = model.application(n)
            assert row is not None
            order.append((row.created_at, row.receipt_no))
            seen.add(row.id)
        most = max(most, model.rowCount())

    model.page_loaded.connect(arrived)
    arrived(0, model.rowCount())
    pages = APPLICATIONS // ApplicationsModel.PAGE
    watched = {
        *range(1, 1 + WATCHED),
        *range(pages // 2, pages // 2 + WATCHED),
        *range(pages - WATCHED, pages),
    }
    tester = None
    page_number = 0
    while model.canFetchMore(TOP):
        page_number += 1
        if page_number in watched and tester is None:
            tester = model_tester(model)
        elif page_number not in watched and tester is not None:
            model_tester.stop(tester)
            tester = None
        # Painting a thousand pages would be most of the test's time: only where it is watched.
        table.setUpdatesEnabled(page_number in watched)
        with qtbot.waitSignal(model.page_loaded, timeout=20_000):
            table.scrollToBottom()  # the view asks for the next page as the clerk scrolls
            if not model.loading:
                model.fetchMore(TOP)
    assert page_number == pages - 1 and tester is not None

    # Every application once, newest first, and never more than the window (and two pages) held.
    assert len(order) == len(seen) == APPLICATIONS
    assert order == sorted(order, reverse=True)
    assert most <= WINDOW + 2 * ApplicationsModel.PAGE
    assert model.rows_above + model.rowCount() == APPLICATIONS

    # Back up a few pages from the end (the view asks at the window's top), still watched: the same
    # rows again, in the same order.
    last_rows = [(row.created_at, row.receipt_no) for row in map(model.application, range(model.rowCount()))]
    assert last_rows == order[-model.rowCount() :]
    for _ in range(WATCHED + 2):
        with qtbot.waitSignal(model.window_moved, timeout=20_000):
            table.scrollToTop()
            if not model.loading:
                model.fetch_before()
    assert model.rowCount() <= WINDOW + 2 * ApplicationsModel.PAGE
    above = model.rows_above
    held = [model.application(n) for n in range(model.rowCount())]
    assert [(row.created_at, row.receipt_no) for row in held if row] == order[above : above + len(held)]
