"""The applications list's window: at most a window of rows held, pages read past either edge by
keyset cursor, the rows under the clerk's eyes kept still while the window moves.

Pages come from a fake source here (``FakeSource``: cursors are offsets), except for the chosen
application's row leaving and coming back (the real page and store); the 200,000-row list is in
``test_applications_scale.py``.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from benchmarks.applications_list import load_office
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.records import DeadlineState
from tests.ui.applications_support import ROW, FakeSource, gate_fixture, hold, ids, rows_of  # noqa: F401
from tests.ui.helpers import settle
from ui.models.applications_model import ApplicationsModel
from ui.views.applications import ApplicationsView
from ui.views.applications.scrolling import WindowFollower
from ui.views.intake.widgets import select_row
from ui.workers import Database

TOP = ApplicationsModel().index(-1, -1)


def checked_model(window_rows: int = 400) -> ApplicationsModel:
    model = ApplicationsModel()
    model.window_rows = window_rows
    model.tester = QAbstractItemModelTester(  # type: ignore[attr-defined]
        model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    return model


def serve(source: FakeSource, model: ApplicationsModel) -> None:
    """Deliver what the model asked for."""
    while model.loading:
        source.deliver()


def to_the_end(source: FakeSource, model: ApplicationsModel) -> None:
    """Scroll on to the end of the list, a page at a time."""
    serve(source, model)
    while model.canFetchMore(TOP):
        model.fetchMore(TOP)
        serve(source, model)


def test_scrolling_down_keeps_a_window_and_every_row_comes_once(qtbot: QtBot) -> None:
    source = FakeSource(rows_of(1_050))
    model = checked_model(window_rows=400)
    seen: list[str] = []
    held: list[int] = []

    def arrived(first: int, count: int) -> None:
        seen.extend(ids(model)[first : first + count])
        held.append(model.rowCount())

    model.page_loaded.connect(arrived)
    model.set_source(source)
    to_the_end(source, model)
    assert not model.canFetchMore(TOP)
    assert seen == [row.id for row in source.rows]  # in order, none twice, none left out
    assert max(held) <= 400 + 2 * ApplicationsModel.PAGE  # the newest page and the one before stay
    assert model.rows_above + model.rowCount() == 1_050
    assert model.rows_above == 800 and ids(model) == [row.id for row in source.rows[800:]]
    # Every read after the first one started where the rows held ended: pages of 200.
    assert source.requests() == [(n, 200) for n in range(0, 1_050, 200)]


def test_scrolling_back_up_reads_the_blocks_above_from_their_cursors(qtbot: QtBot) -> None:
    source = FakeSource(rows_of(1_050))
    model = checked_model(window_rows=400)
    model.set_source(source)
    to_the_end(source, model)
    moved: list[tuple[int, int]] = []
    model.window_moved.connect(lambda added, removed: moved.append((added, removed)))
    asked = len(source.asked)
    while model.can_fetch_before():
        model.fetch_before()
        source.deliver()
        assert model.rowCount() <= 400 + 2 * ApplicationsModel.PAGE
    assert model.rows_above == 0
    assert ids(model) == [row.id for row in source.rows[: model.rowCount()]]
    # Each block above was read from its own cursor, with a page to spare for rows that came meanwhile.
    assert source.requests()[asked:] == [(600, 400), (400, 400), (200, 400), (0, 400)]
    assert moved == [(200, 0)] * 4
    assert model.canFetchMore(TOP)  # the rows dropped below are read again from their cursor
    model.fetchMore(TOP)
    assert source.requests()[-1] == (model.rowCount(), 200)


def test_a_block_read_again_is_spliced_in_where_the_window_starts(qtbot: QtBot) -> None:
    source = FakeSource(rows_of(1_000))
    model = checked_model(window_rows=400)
    model.set_source(source)
    serve(source, model)
    for _ in range(2):
        model.fetchMore(TOP)
        serve(source, model)
    assert model.rows_above == 200 and ids(model)[0] == "R200"

    # Two applications were taken in meanwhile within the first block: it is longer now.
    new = [replace(ROW, id=f"new{n}", receipt_no=f"N-{n}") for n in range(2)]
    source.rows[50:50] = new
    model.fetch_before()
    source.deliver()
    assert model.rows_above == 0
    assert ids(model) == [row.id for row in source.rows[:402]]  # the block the clerk sees stays

    # The first row held left the list: the window starts again at the block above, read anew.
    for _ in range(3):
        model.fetchMore(TOP)
        serve(source, model)
    assert model.rows_above > 0
    first = ids(model)[0]
    source.rows[:] = [row for row in source.rows if row.id != first]
    model.fetch_before()
    source.deliver()
    listed = [row.id for row in source.rows]
    start = listed.index(ids(model)[0])
    assert ids(model) == listed[start : start + model.rowCount()]  # a run of the list as it is now
    assert first not in ids(model) and model.rowCount() == 400


def test_a_refresh_reads_the_window_again_from_where_it_starts(qtbot: QtBot) -> None:
    source = FakeSource(rows_of(1_000))
    model = checked_model(window_rows=400)
    model.set_source(source)
    serve(source, model)
    for _ in range(3):
        model.fetchMore(TOP)
        serve(source, model)
    held = ids(model)
    model.set_source(source, at_least=model.rowCount())
    assert source.requests()[-1] == (model.rows_above, 400)  # one read of the whole window
    assert ids(model) == held  # kept until it arrives
    source.deliver()
    assert ids(model) == held and model.rows_above == 400
    model.fetch_before()  # the cursors above survived the refresh
    source.deliver()
    assert ids(model)[0] == "R200"


def test_the_view_keeps_the_rows_in_sight_still_and_reads_above_at_the_top(qtbot: QtBot) -> None:
    source = FakeSource(rows_of(2_000))
    model = ApplicationsModel()
    model.window_rows = 400
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    WindowFollower(table, model)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)
    model.set_source(source)
    source.deliver()

    listed = [row.id for row in source.rows]

    def in_sight() -> int:
        """Where the row at the middle of the view is in the list."""
        row = model.application(table.rowAt(table.viewport().height() // 2))
        assert row is not None
        return listed.index(row.id)

    for _ in range(4):  # down to the bottom: the view asks for more; the window drops its top
        table.scrollToBottom()
        qtbot.waitUntil(lambda: model.loading)
        before = in_sight()
        source.deliver()
        # Nothing jumped (a view scrolled to its very bottom may align the rows anew: one row).
        assert abs(in_sight() - before) <= 1
    assert model.rows_above > 0
    assert model.rowCount() <= 400 + 2 * ApplicationsModel.PAGE

    table.scrollToTop()  # the window's top: the block above is asked for at once
    assert model.loading
    before = in_sight()
    source.deliver()
    assert in_sight() == before
    while model.rows_above:
        table.scrollToTop()
        assert model.loading
        source.deliver()
    table.scrollToTop()
    assert not model.loading and in_sight() < 20
    assert ids(model)[0] == "R0"


def test_the_chosen_application_stays_chosen_while_its_row_is_out_of_the_window(
    qtbot: QtBot, counter: Counter, db: Database, clerk: Actor
) -> None:
    load_office(counter, 1_500)
    page = ApplicationsView(db, clerk)
    qtbot.addWidget(page)
    page.model.window_rows = 400
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, db)
    chosen = page.model.application(5)
    assert chosen is not None
    select_row(page.table, 5)
    settle(qtbot, db)
    assert page.application is not None and page.application.id == chosen.id
    details = page.details.text()
    assert chosen.receipt_no in details

    while page.model.row_of(chosen.id) >= 0:  # scrolled down until its row left the window
        with qtbot.waitSignal(page.model.page_loaded):
            page.table.scrollToBottom()
            if not page.model.loading:
                page.model.fetchMore(TOP)
        settle(qtbot, db)
    assert page.application is not None and page.application.id == chosen.id  # still the one shown
    assert page.details.text() == details
    assert not page.table.selectionModel().hasSelection()  # no other row looks chosen

    while page.model.rows_above:  # and back up: chosen again when its row returns
        with qtbot.waitSignal(page.model.window_moved):
            page.table.scrollToTop()
            if not page.model.loading:
                page.model.fetch_before()
    settle(qtbot, db)
    assert page.current_application_row() == page.model.row_of(chosen.id) == 5
    assert page.application is not None and page.application.id == chosen.id


def test_a_refresh_while_new_filters_are_read_starts_them_at_the_top(
    qtbot: QtBot, counter: Counter, db: Database, clerk: Actor, gate: threading.Event
) -> None:
    load_office(counter, 1_500)
    page = ApplicationsView(db, clerk)
    qtbot.addWidget(page)
    page.model.window_rows = 400
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, db)
    while page.model.rows_above == 0:  # scrolled away from the top: the window starts at a cursor
        with qtbot.waitSignal(page.model.page_loaded):
            page.table.scrollToBottom()
            if not page.model.loading:
                page.model.fetchMore(TOP)
    settle(qtbot, db)
    assert page.model.rows_above > 0

    hold(db, gate)
    page.filters.overdue_only.setChecked(True)  # new filters: their first page is on its way ...
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)  # ... and the clerk refreshes
    gate.set()
    settle(qtbot, db)
    assert page.message.text() == ""  # not the old list's cursor under the new filters
    assert page.model.rows_above == 0 and page.model.rowCount() > 0
    assert {page.model.application(n).deadline_state for n in range(page.model.rowCount())} == {
        DeadlineState.OVERDUE
    }
