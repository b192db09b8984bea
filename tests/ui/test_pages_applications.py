"""The applications page: its list, filters, lifecycle steps through the page, inline errors. (The
list's model: ``test_applications_model.py``; its window, deadlines, filters and sorting: the other
``test_applications_*.py``.)

The page reads and writes on the app's database thread (the ``db`` fixture); the test's own
``counter`` sets data up and checks the store. After acting, a test waits with ``settle`` until every
piece of submitted work has been delivered.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.seed import Seeder
from tests.core.test_cases import bring_to
from tests.ui.applications_support import gate_fixture, hold, ids  # noqa: F401 - a fixture
from tests.ui.helpers import settle, type_text
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from ui.main_window import MainWindow
from ui.models.applications_model import ApplicationsModel
from ui.models.case_labels import status_name
from ui.models.history_model import HistoryModel
from ui.notices import NoticeWords
from ui.views.applications import ApplicationsView
from ui.views.applications import view as applications_view
from ui.views.rating import RatingView
from ui.workers import Database


def page_of(window: MainWindow) -> ApplicationsView:
    page = open_page(window, "applications")
    assert isinstance(page, ApplicationsView)
    return page


@pytest.fixture
def page(qtbot: QtBot, db: Database, clerk: Actor) -> Iterator[ApplicationsView]:
    """The page on its own, shown, over the app's database thread, its first list delivered."""
    view = ApplicationsView(db, clerk)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, db)
    yield view
    settle(qtbot, db)


# --------------------------------------------------------------------------------------- the list


def test_filter_and_search(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    draft = bring_to(counter, clerk, "draft")
    suspended = bring_to(counter, clerk, "suspended")
    page.reload()
    assert page.model.rowCount() == 0  # read on the database thread: not there yet
    settle(qtbot, db)
    assert ids(page.model) == [suspended.id, draft.id]  # newest first
    assert page.model.data(page.model.index(0, ApplicationsModel.SERVICE)) != suspended.item_code
    page.status_filter.setCurrentIndex(page.status_filter.findData("suspended"))
    settle(qtbot, db)
    assert ids(page.model) == [suspended.id]
    page.status_filter.setCurrentIndex(0)
    type_text(qtbot, page.search, draft.receipt_no)
    settle(qtbot, db)
    assert ids(page.model) == [draft.id]


def test_a_search_typed_quickly_shows_only_the_last_querys_rows(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, gate: threading.Event
) -> None:
    apps = [bring_to(counter, clerk, "draft") for _ in range(3)]
    target = apps[1]
    page.reload()
    settle(qtbot, db)
    assert len(ids(page.model)) == 3
    shown: list[list[str]] = []
    page.model.page_loaded.connect(lambda _offset, _count: shown.append(ids(page.model)))

    hold(db, gate)  # the database is busy: every keystroke's search queues behind
    type_text(qtbot, page.search, target.receipt_no)  # one search per key
    assert len(page.search.text()) > 1
    gate.set()
    settle(qtbot, db)
    assert shown == [[target.id]]  # the searches it superseded were dropped, never shown
    assert ids(page.model) == [target.id]

    # Typed while the database is free, the earlier results may show, but the last one wins.
    shown.clear()
    page.search.clear()
    type_text(qtbot, page.search, apps[2].receipt_no)
    settle(qtbot, db)
    assert shown and shown[-1] == [apps[2].id]
    assert ids(page.model) == [apps[2].id]


def test_fetch_more_loads_the_next_page_asynchronously(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, gate: threading.Event
) -> None:
    Seeder(counter, clerk, seed=5).run(ApplicationsModel.PAGE + 7)
    page.reload()
    settle(qtbot, db)
    top = page.model.index(-1, -1)
    assert page.model.rowCount() == ApplicationsModel.PAGE
    assert page.model.canFetchMore(top)

    hold(db, gate)
    page.table.scrollToBottom()  # the view asks for more as the clerk scrolls
    qtbot.waitUntil(lambda: page.model.loading)
    assert page.model.rowCount() == ApplicationsModel.PAGE  # the page is on its way, not here
    page.model.fetchMore(top)  # asked again meanwhile: no second request
    page.table.scrollToBottom()
    gate.set()
    settle(qtbot, db)
    listed = ids(page.model)
    assert len(listed) == ApplicationsModel.PAGE + 7 == len(set(listed))
    assert listed == [row.id for row in counter.queries.applications(clerk, limit=1000)]
    assert not page.model.canFetchMore(top)
    assert page.model.data(page.model.index(len(listed) - 1, ApplicationsModel.SERVICE))

    # A selection on the second page survives a reload: it reads as many rows as were loaded.
    last = listed[-1]
    assert page.select_application(last)
    page.reload()
    settle(qtbot, db)
    assert page.model.rowCount() == len(listed)
    assert page.model.application(page.current_application_row()).id == last
    assert page.application is not None and page.application.id == last


def test_reload_shows_a_change_and_keeps_the_selection(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    older = bring_to(counter, clerk, "accepted")
    bring_to(counter, clerk, "draft")
    page.reload()
    settle(qtbot, db)
    assert page.select_application(older.id)
    settle(qtbot, db)
    assert page.current_application_row() == 1
    assert page.step_buttons["start"].isEnabled()

    counter.cases.start(clerk, older.id)  # another desk (the test's own connection)
    newest = bring_to(counter, clerk, "draft")
    page.reload()
    page.reload()  # cheap to repeat: the first read is dropped
    settle(qtbot, db)
    assert page.model.application(0).id == newest.id
    row = page.current_application_row()
    assert page.model.application(row).id == older.id and row == 2  # still selected, moved down
    assert page.model.data(page.model.index(row, ApplicationsModel.STATUS)) == status_name("in_progress")
    assert page.application is not None and page.application.status == "in_progress"
    assert page.history_model.rowCount() == len(counter.cases.history(clerk, older.id))
    assert not page.step_buttons["start"].isEnabled() and page.step_buttons["suspend"].isEnabled()


def test_the_window_reloads_the_page_when_it_is_shown_again(
    window: MainWindow, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    page = page_of(window)
    settle(qtbot, db)
    assert page.model.rowCount() == 0
    window.show_page(0)
    app = bring_to(counter, clerk, "accepted")
    page = page_of(window)
    settle(qtbot, db)
    assert ids(page.model) == [app.id]


def test_select_application_waits_for_the_list(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor
) -> None:
    app = bring_to(counter, clerk, "accepted")
    bring_to(counter, clerk, "draft")
    page = ApplicationsView(db, clerk)
    qtbot.addWidget(page)
    assert not page.select_application(app.id)  # the list has not arrived yet
    assert page.application is None
    settle(qtbot, db)
    assert page.model.application(page.current_application_row()).id == app.id
    assert page.application is not None and page.application.id == app.id
    assert app.receipt_no in page.details.text()
    assert page.reprint_button.isEnabled()


def test_only_the_last_chosen_applications_details_show(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, gate: threading.Event
) -> None:
    first, second = bring_to(counter, clerk, "accepted"), bring_to(counter, clerk, "suspended")
    page.reload()
    settle(qtbot, db)
    shown: list[str] = []
    page.history_model.modelReset.connect(
        lambda: shown.append(page.application.id if page.application is not None else "")
    )
    hold(db, gate)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert page.model.application(page.current_application_row()).id == second.id
    assert page.application is None and not any(b.isEnabled() for b in page.step_buttons.values())
    gate.set()
    settle(qtbot, db)
    assert [app_id for app_id in shown if app_id] == [second.id]  # the first's details never showed
    assert page.application is not None and page.application.id == second.id
    assert second.receipt_no in page.details.text() and first.receipt_no not in page.details.text()
    assert page.step_buttons["resume"].isEnabled()


# ---------------------------------------------------------------------------------------- steps


def test_a_case_walked_through_the_page(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "in_progress")
    page.select_application(app.id)
    settle(qtbot, db)
    assert page.application is not None and page.application.id == app.id
    assert not page.step_buttons["resume"].isEnabled()  # not allowed while in progress
    assert page.step_buttons["suspend"].isEnabled()

    def click(action: str) -> None:
        qtbot.mouseClick(page.step_buttons[action], Qt.MouseButton.LeftButton)
        settle(qtbot, db)

    def confirm() -> None:
        qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)
        settle(qtbot, db)

    click("suspend")
    confirm()  # no reason: the core refuses, the page says why, nothing changes
    assert page.message.text()
    assert page.form.isVisible()  # the clerk can add the reason and try again
    assert counter.cases.get(clerk, app.id).status == "in_progress"
    type_text(qtbot, page.form.reason, "需要实地核查")
    confirm()
    assert counter.cases.get(clerk, app.id).status == "suspended"
    assert not page.form.isVisible()
    assert page.message.text()  # "Done: …" stays after the list was read again
    assert not page.step_buttons["suspend"].isEnabled()
    assert page.model.application(page.current_application_row()).status == "suspended"

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

    # The rating step turns a screen to the citizen: the clerk never picks the level.
    click("rate")
    assert not page.form.isVisible()
    qtbot.waitUntil(lambda: any(view.isVisible() for view in page.findChildren(RatingView)))
    [view] = [view for view in page.findChildren(RatingView) if view.isVisible()]
    qtbot.mouseClick(view.level_buttons[2], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.rated, timeout=10_000):
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert counter.cases.get(clerk, app.id).status == "rated"
    rating = counter.ctx.ratings.for_application(app.id)
    assert (rating["level"], rating["channel"]) == (2, "counter-screen")
    assert page.history_model.rowCount() == len(counter.cases.history(clerk, app.id))
    assert not any(button.isEnabled() for button in page.step_buttons.values())


def test_history_names_who_took_each_step_by_display_name(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "in_progress")
    page.select_application(app.id)
    settle(qtbot, db)
    history = page.history_model
    assert history.rowCount() == len(counter.cases.history(clerk, app.id)) > 1
    rows = range(history.rowCount())
    assert {history.data(history.index(row, HistoryModel.ACTOR)) for row in rows} == {"clerk one"}
    tip = history.data(history.index(0, HistoryModel.ACTOR), Qt.ItemDataRole.ToolTipRole)
    assert tip == "clerk1"  # the account behind the name


def shown_rating_views(page: ApplicationsView) -> list[RatingView]:
    return [view for view in page.findChildren(RatingView) if view.isVisible()]


def test_rate_opens_one_rating_view_at_a_time(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    # A second view would end the first one's session and leave it on the citizen's screen, dead.
    app = bring_to(counter, clerk, "delivered")
    page.select_application(app.id)
    settle(qtbot, db)
    rate = page.step_buttons["rate"]
    qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_rating_views(page)))
    [first] = shown_rating_views(page)
    qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)  # again, while the citizen has the view
    settle(qtbot, db)
    assert page.findChildren(RatingView) == [first]
    assert shown_rating_views(page) == [first]
    other = bring_to(counter, clerk, "delivered")  # another citizen's turn: the screen is still taken
    page.select_application(other.id)
    settle(qtbot, db)
    qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert page.findChildren(RatingView) == [first]
    assert page.message.text()  # close it first

    # The view still works: its session is the one open.
    qtbot.mouseClick(first.level_buttons[1], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(first.rated, timeout=10_000):
        qtbot.mouseClick(first.submit_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert counter.ctx.ratings.for_application(app.id)["level"] == 1


def test_rate_opens_a_new_view_once_the_last_one_closed(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "delivered")
    page.select_application(app.id)
    settle(qtbot, db)
    rate = page.step_buttons["rate"]
    qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_rating_views(page)))
    [first] = shown_rating_views(page)
    with qtbot.waitSignal(first.finished):
        first.reject()  # closed without a rating: its session ends
    settle(qtbot, db)
    qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_rating_views(page)))
    [second] = shown_rating_views(page)
    assert second is not first and second.session is not None


def test_a_step_is_submitted_once(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, gate: threading.Event
) -> None:
    app = bring_to(counter, clerk, "in_progress")
    page.select_application(app.id)
    settle(qtbot, db)
    events = len(counter.cases.history(clerk, app.id))
    qtbot.mouseClick(page.step_buttons["suspend"], Qt.MouseButton.LeftButton)
    type_text(qtbot, page.form.reason, "需要实地核查")

    hold(db, gate)
    qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)
    # On its way: nothing can be clicked or confirmed again.
    assert not page.form.confirm_button.isEnabled()
    assert not any(button.isEnabled() for button in page.step_buttons.values())
    qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.form.reason, Qt.Key.Key_Return)
    page.confirm("suspend")
    page.begin("withdraw")
    gate.set()
    settle(qtbot, db)
    assert counter.cases.get(clerk, app.id).status == "suspended"
    assert len(counter.cases.history(clerk, app.id)) == events + 1
    assert page.step_buttons["resume"].isEnabled() and page.form.confirm_button.isEnabled()


def test_supplement_materials(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "accepted_pending")
    page.select_application(app.id)
    settle(qtbot, db)
    qtbot.mouseClick(page.step_buttons["supplement"], Qt.MouseButton.LeftButton)
    assert page.form.materials
    qtbot.mouseClick(page.form.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert counter.cases.get(clerk, app.id).status == "accepted"


def focus(qtbot: QtBot, page: ApplicationsView, widget: QWidget) -> None:
    """Make ``page``'s window active and give ``widget`` the keyboard focus."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_the_keyboard_focus_stays_where_the_clerk_was_after_a_step(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot, gate: threading.Event
) -> None:
    app = bring_to(counter, clerk, "accepted")
    page.select_application(app.id)
    settle(qtbot, db)
    start = page.step_buttons["start"]
    focus(qtbot, page, start)

    hold(db, gate)
    qtbot.keyClick(start, Qt.Key.Key_Space)
    assert not start.isEnabled()  # on its way
    assert QApplication.focusWidget() is page.table  # not handed on to the next enabled button
    gate.set()
    settle(qtbot, db)
    assert counter.cases.get(clerk, app.id).status == "in_progress"
    assert not start.isEnabled()  # started: the table keeps the focus
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the clerk presses Space again
    settle(qtbot, db)
    assert page.preview is None  # the print preview did not open

    # A step the core refuses: the button is still there to press, and it has the focus again.
    counter.cases.suspend(clerk, app.id, "需实地核查")  # another desk
    counter.cases.resume(clerk, app.id)
    counter.cases.suspend(clerk, app.id, "需实地核查")
    page.reload()
    settle(qtbot, db)
    resume = page.step_buttons["resume"]
    focus(qtbot, page, resume)
    counter.cases.resume(clerk, app.id)  # another desk, before this page hears of it
    qtbot.keyClick(resume, Qt.Key.Key_Space)
    settle(qtbot, db)
    assert page.message.text()
    assert resume.isEnabled() and QApplication.focusWidget() is resume

    # The notice's button too: disabled while the notice is read, the focus back on it afterwards.
    focus(qtbot, page, page.reprint_button)
    qtbot.keyClick(page.reprint_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is page.table
    settle(qtbot, db)
    assert page.preview is not None and page.preview.isVisible()
    page.preview.reject()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.reprint_button)


def test_after_a_step_confirmed_in_its_form_the_focus_is_on_the_page(
    page: ApplicationsView, db: Database, counter: Counter, clerk: Actor, qtbot: QtBot
) -> None:
    app = bring_to(counter, clerk, "completed")
    page.select_application(app.id)
    settle(qtbot, db)
    deliver = page.step_buttons["deliver"]
    focus(qtbot, page, deliver)
    qtbot.keyClick(deliver, Qt.Key.Key_Space)
    assert page.form.isVisible() and QApplication.focusWidget() is page.form.confirm_button
    qtbot.keyClick(page.form.confirm_button, Qt.Key.Key_Space)
    settle(qtbot, db)
    assert counter.cases.get(clerk, app.id).status == "delivered"
    assert not page.form.isVisible()
    assert QApplication.focusWidget() is page.table  # delivered: its button is gone, the table has it

    # Confirmed with Enter in the reason: the focus was in the form, which closes.
    other = bring_to(counter, clerk, "in_progress")
    page.select_application(other.id)
    settle(qtbot, db)
    suspend = page.step_buttons["suspend"]
    focus(qtbot, page, suspend)
    qtbot.keyClick(suspend, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is page.form.reason
    type_text(qtbot, page.form.reason, "check")
    qtbot.keyClick(page.form.reason, Qt.Key.Key_Return)
    settle(qtbot, db)
    assert counter.cases.get(clerk, other.id).status == "suspended"
    assert QApplication.focusWidget() is page.table


def test_an_unexpected_error_is_said_on_the_page_and_reported(
    page: ApplicationsView,
    db: Database,
    counter: Counter,
    clerk: Actor,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, error, _tb: reported.append(error))

    def broken(_counter: Counter, _actor: Actor, _step: object) -> object:
        raise RuntimeError("database is locked")  # as sqlite3 says after its busy timeout

    monkeypatch.setattr(applications_view, "take_step", broken)
    app = bring_to(counter, clerk, "accepted")
    page.select_application(app.id)
    settle(qtbot, db)
    qtbot.mouseClick(page.step_buttons["start"], Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert [type(error) for error in reported] == [RuntimeError]  # still reported as a bug
    # The clerk is told, in their language, without the bug's English detail (that goes to the log).
    assert page.message.text() and "database is locked" not in page.message.text()
    assert page.step_buttons["start"].isEnabled()  # and may try again
    assert counter.cases.get(clerk, app.id).status == "accepted"


# --------------------------------------------------------------------------------------- notices


@pytest.fixture
def chinese_words(translations_dir: Path) -> Callable[[], object]:
    from ui.i18n import CHINESE
    from ui.notices import NoticeWords

    return lambda: NoticeWords(CHINESE, translations_dir)


@pytest.fixture(scope="module")
def translations_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.ui.test_notices import compile_translations

    return compile_translations(tmp_path_factory.mktemp("qm"))


def test_the_notice_is_previewed_and_saved_off_the_ui_thread(
    qtbot: QtBot,
    db: Database,
    counter: Counter,
    clerk: Actor,
    tmp_path: Path,
    chinese_words: Callable[[], object],
) -> None:
    from tests.ui.test_notices import pdf_text

    app = bring_to(counter, clerk, "accepted")
    page = ApplicationsView(db, clerk, notice_words=chinese_words)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.select_application(app.id)
    settle(qtbot, db)

    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    assert not page.reprint_button.isEnabled()  # the notice is being read: one preview per click
    settle(qtbot, db)
    assert page.preview is not None and page.preview.isVisible()
    assert app.receipt_no in page.preview.windowTitle()
    page.preview.reject()
    assert page.reprint_button.isEnabled()

    target = tmp_path / "notice.pdf"
    with qtbot.waitSignal(page.notice_saved, timeout=20_000) as saved:
        page.save_pdf(target)
        assert not page.pdf_button.isEnabled()
        page.save_pdf(tmp_path / "twice.pdf")  # ignored while the first is being written
    assert saved.args == [target]
    assert not (tmp_path / "twice.pdf").exists()
    assert str(target) in page.message.text() and page.pdf_button.isEnabled()
    text = pdf_text(target)
    assert "受理通知书" in text  # Chinese, and digits and Latin letters, come out of the PDF
    assert app.receipt_no in text
    masked = counter.queries.applications(clerk, text=app.receipt_no)[0].id_masked
    assert masked and masked in text


def test_a_notice_that_cannot_be_written_says_why(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, tmp_path: Path
) -> None:
    app = bring_to(counter, clerk, "accepted")
    page = ApplicationsView(db, clerk)
    qtbot.addWidget(page)
    page.select_application(app.id)
    settle(qtbot, db)
    page.save_pdf(tmp_path / "no such folder" / "notice.pdf")
    qtbot.waitUntil(lambda: page.pdf_button.isEnabled(), timeout=20_000)
    assert page.message.text()


def test_the_words_of_a_notice_pdf_are_made_on_the_thread_that_writes_it(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, tmp_path: Path
) -> None:
    made_on: list[threading.Thread] = []

    def words() -> NoticeWords:
        made_on.append(threading.current_thread())
        return NoticeWords()

    app = bring_to(counter, clerk, "accepted")
    page = ApplicationsView(db, clerk, notice_words=words)
    qtbot.addWidget(page)
    page.select_application(app.id)
    settle(qtbot, db)
    with qtbot.waitSignal(page.notice_saved, timeout=20_000):
        page.save_pdf(tmp_path / "notice.pdf")
    assert len(made_on) == 1
    assert made_on[0] is not threading.main_thread()  # its QTranslator belongs to the pool thread


# ------------------------------------------------------------------------------------ the page


def test_controls_are_named_and_the_page_fits(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    page = page_of(window)
    settle(qtbot, db)
    check_named_and_fits(window, page)


def test_a_role_without_the_permission_sees_why(
    qtbot: QtBot, db: Database, counter: Counter, admin: Actor
) -> None:
    bring_to(counter, Actor.command_line("setup"), "draft")
    page = ApplicationsView(db, admin)
    qtbot.addWidget(page)
    settle(qtbot, db)
    assert page.model.rowCount() == 0
    assert page.message.text()
    assert not any(button.isEnabled() for button in page.step_buttons.values())
