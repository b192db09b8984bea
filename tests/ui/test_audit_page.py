"""The audit page: the trail listed in words and paged by sequence number, its filters narrowing the
rows, views of personal data per person, the chain check for an intact and a tampered trail, the CSV
export read back, and the clerk refused.

The page reads on the app's database thread (``db``); the test's own ``counter`` sets the trail up and
checks it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import AuthenticationFailed, PermissionDenied
from counter_app.records import AuditEvent, AuditFilter
from counter_app.services.applicants import PersonInput
from counter_app.workflow import Action
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
)
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_notices import compile_translations
from ui.app import build_main_window
from ui.i18n import CHINESE, ENGLISH, install_translators
from ui.main_window import MainWindow
from ui.models.audit_labels import action_name
from ui.models.audit_model import AuditEventsModel, Deliver, Fail, PersonalDataViewsModel
from ui.views.audit import AuditView
from ui.views.audit.filters import CUSTOM, PERSONAL_DATA_VIEWS, TODAY
from ui.views.intake.widgets import select_row
from ui.workers import Database

ID_A, ID_B = "11010519491231002X", "440524198001010013"
VIEWS = ("applicant.view", "attachment.view", "notice.view")


@pytest.fixture
def trail(counter: Counter, clock: FixedClock, cli_actor: Actor, clerk: Actor, supervisor: Actor) -> Counter:
    """Three days of events: Mon 23 to Wed 25 Nov 2026 (the clock stays on Wednesday)."""
    a = counter.applicants.register_person(cli_actor, PersonInput("张三", ID_A, "13912345678", "某镇某村"))
    b = counter.applicants.register_person(cli_actor, PersonInput("李四", ID_B))
    counter.applicants.reveal(clerk, a.id)
    clock.advance(timedelta(days=1))
    counter.applicants.reveal(clerk, b.id)
    counter.applicants.reveal(supervisor, a.id)
    with pytest.raises(PermissionDenied):
        counter.accounts.add_user(clerk, "mallory", "Mallory", supervisor.role, "correct horse 2")
    clock.advance(timedelta(days=1))
    with pytest.raises(AuthenticationFailed):
        counter.accounts.login("clerk1", "wrong password")
    counter.applicants.reveal(clerk, a.id, purpose="print")
    with counter.ctx.store.transaction():
        counter.ctx.audit(clerk, "attachment.view", "application", "app-1")
    return counter


def every_event(counter: Counter, actor: Actor, where: AuditFilter | None = None) -> list[AuditEvent]:
    events = counter.audit_trail.events(actor, where, limit=1000)
    assert len(events) < 1000
    return events


def seqs_shown(page: AuditView) -> list[int]:
    return [event.seq for event in page.events_shown()]


def column(page: AuditView, number: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


@pytest.fixture(scope="module")
def compiled_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_translations(tmp_path_factory.mktemp("audit-qm"))


@pytest.fixture
def language(qapp: QApplication, compiled_qm: Path) -> Iterator[Callable[[str], None]]:
    """Install a language's translation (English gives the plural forms) until the test ends."""
    installed: list = []

    def install(name: str) -> None:
        installed.extend(install_translators(qapp, name, compiled_qm))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(language: Callable[[str], None]) -> None:
    language(ENGLISH)


@pytest.fixture
def open_page(qtbot: QtBot, db: Database) -> Iterator[Callable[[Actor], AuditView]]:
    def open_for(actor: Actor) -> AuditView:
        view = AuditView(db, actor, native_dialogs=False)
        qtbot.addWidget(view)
        view.resize(1200, 700)
        view.show()
        qtbot.waitExposed(view)
        settle(qtbot, db)
        return view

    yield open_for
    settle(qtbot, db)


class FakeSource:
    """A loader that answers when the test says so, from a list of events (newest first)."""

    def __init__(self, events: list[AuditEvent]) -> None:
        self.events = events
        self.asked: list[tuple[int | None, int, Deliver, Fail]] = []

    def __call__(self, before_seq: int | None, limit: int, deliver: Deliver, fail: Fail) -> None:
        self.asked.append((before_seq, limit, deliver, fail))

    def deliver(self) -> None:
        before_seq, limit, deliver, _fail = self.asked[-1]
        older = [e for e in self.events if before_seq is None or e.seq < before_seq]
        deliver(older[:limit])


def fake_events(count: int) -> list[AuditEvent]:
    return [
        AuditEvent(seq, "2026-11-23T09:30:00+08:00", "2026-11-23T09:30:00+08:00", "user:clerk1", "login",
                   "user", f"id-{seq}", "success" if seq % 3 else "denied", {"n": seq})
        for seq in range(count, 0, -1)
    ]  # fmt: skip


# AuditEventsModel stays "waiting" while a page's rows go in: a fetchMore() from anything that reacts
# to rowsAboutToBeInserted (the model tester does; a proxy or a view may) must not ask again for the
# page going in, or its rows would be held twice.


def test_the_events_model_pages_by_sequence_number(qtbot: QtBot, model_tester: ModelTesters) -> None:
    model = AuditEventsModel()
    model_tester(model)
    top = model.index(-1, -1)
    source = FakeSource(fake_events(450))
    model.set_source(source)
    assert [(before, limit) for before, limit, *_ in source.asked] == [(None, 200)]
    assert model.loading and not model.canFetchMore(top)
    with qtbot.waitSignal(model.page_loaded) as loaded:
        source.deliver()
    assert loaded.args == [0, 200] and model.rowCount() == 200
    model.fetchMore(top)
    model.fetchMore(top)  # one page at a time
    assert [before for before, *_ in source.asked] == [None, 251]
    source.deliver()
    model.fetchMore(top)
    assert source.asked[-1][0] == 51
    source.deliver()  # 50 rows: the end
    assert model.rowCount() == 450 and not model.canFetchMore(top)
    assert [e.seq for e in model.events()] == list(range(450, 0, -1))
    assert model.data(model.index(0, model.ACTION)) == "Log in"
    assert model.data(model.index(0, model.OUTCOME)) == "Refused"  # 450 % 3 == 0
    assert model.data(model.index(0, model.OUTCOME), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, model.OUTCOME), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, model.RECORD)) == "Staff account id-450"
    assert model.data(model.index(0, model.TIME)) == "2026-11-23 09:30:00"

    old, new = source, FakeSource(fake_events(3))
    model.set_source(new)
    old.deliver()  # a page of the replaced source, late: ignored
    assert model.rowCount() == 450
    new.deliver()
    assert model.rowCount() == 3 and not model.canFetchMore(top)


def test_a_fetch_while_a_page_goes_in_asks_for_nothing() -> None:
    """Whatever calls fetchMore() while a page's rows are going in (a view, a proxy, the model tester
    on rowsAboutToBeInserted) gets nothing: the page asked for is the one arriving. Asking for it again
    would put its rows in twice when the answer comes (400 rows become 600, 400 of them distinct)."""
    model = AuditEventsModel()
    top = model.index(-1, -1)
    source = FakeSource(fake_events(450))
    model.set_source(source)
    source.deliver()
    model.fetchMore(top)
    model.rowsAboutToBeInserted.connect(lambda *_: model.fetchMore(top))
    source.deliver()  # events 250 … 51 go in
    assert model.rowCount() == 400
    assert [before for before, *_ in source.asked] == [None, 251]


def test_the_events_model_puts_newer_events_on_top(model_tester: ModelTesters) -> None:
    model = AuditEventsModel()
    model_tester(model)
    assert model.add_newer(fake_events(2)) is None  # nothing held: read from the top instead
    source = FakeSource(fake_events(300)[5:])  # events 295 … 1
    model.set_source(source)
    source.deliver()
    assert model.rowCount() == 200 and model.event_at(0).seq == 295
    assert model.add_newer(fake_events(300)[:200]) == 5  # the first page read again
    assert [e.seq for e in model.events()[:7]] == [300, 299, 298, 297, 296, 295, 294]
    assert model.add_newer(fake_events(300)[:200]) == 0  # nothing new
    assert model.add_newer(fake_events(500)[:200]) is None  # a full page newer: maybe more between
    assert model.rowCount() == 205


def test_the_views_model(trail: Counter, supervisor: Actor, model_tester: ModelTesters) -> None:
    model = PersonalDataViewsModel()
    model_tester(model)
    model.set_staff_names(trail.dashboard.staff_names(supervisor))
    model.set_rows(trail.audit_trail.personal_data_views(supervisor))
    cells = [[model.data(model.index(row, col)) for col in range(5)] for row in range(model.rowCount())]
    assert cells == [
        ["clerk one (clerk1)", "4", "3", "1", "0"],
        ["supervisor one (supervisor1)", "1", "1", "0", "0"],
    ]
    assert model.data(model.index(0, model.PERSON), Qt.ItemDataRole.ToolTipRole) == "user:clerk1"


def test_the_trail_is_listed_in_words_and_the_filters_narrow_it(
    qtbot: QtBot, english: None, open_page, trail: Counter, supervisor: Actor
) -> None:
    page = open_page(supervisor)
    assert page.objectName() == "page_audit"
    assert unnamed_controls(page) == []
    every = every_event(trail, supervisor)
    assert seqs_shown(page) == [event.seq for event in every]
    assert page.count.text() == f"{len(every)} events found."
    actions = column(page, AuditEventsModel.ACTION)
    assert "Applicant's personal data shown" in actions and "Refused: not allowed for the role" in actions
    assert "Failed" in column(page, AuditEventsModel.OUTCOME)

    def narrowed(where: AuditFilter) -> list[int]:
        settle(qtbot, page.db)
        expected = [event.seq for event in every_event(trail, supervisor, where)]
        assert 0 < len(expected) < len(every)  # the filter really narrows
        assert seqs_shown(page) == expected
        assert page.count.text() == (
            f"{len(expected)} events found." if len(expected) > 1 else "1 event found."
        )
        return expected

    # Staff by display name and account (the trail is evidence); the raw audit name in the tooltip.
    people = [page.filters.person.itemText(n) for n in range(page.filters.person.count())]
    assert {"clerk one (clerk1)", "supervisor one (supervisor1)", "tester (command line)"} <= set(people)
    page.filters.choose(person="user:clerk1")
    narrowed(AuditFilter(actor="user:clerk1"))
    assert set(column(page, AuditEventsModel.PERSON)) == {"clerk one (clerk1)"}
    tip = page.model.data(page.model.index(0, AuditEventsModel.PERSON), Qt.ItemDataRole.ToolTipRole)
    assert tip == "user:clerk1"
    views = page.views_model
    assert views.data(views.index(0, views.PERSON)) == "clerk one (clerk1)"

    page.filters.choose(person="user:clerk1", action=PERSONAL_DATA_VIEWS)
    shown = narrowed(AuditFilter(actor="user:clerk1", personal_data_views_only=True))
    assert len(shown) == 4

    page.filters.choose(action="applicant.view")
    narrowed(AuditFilter(action="applicant.view"))

    page.filters.choose(outcome="denied")
    narrowed(AuditFilter(outcome="denied"))

    page.filters.choose()
    page.period.choose(TODAY)  # the office's today: Wed 25 Nov
    narrowed(AuditFilter(date_from="2026-11-25", date_to="2026-11-25"))

    page.period.choose(CUSTOM)
    page.period.date_to.setDate(page.period.date_to.date().addDays(-1))  # Tue 24
    page.period.date_from.setDate(page.period.date_to.date())
    narrowed(AuditFilter(date_from="2026-11-24", date_to="2026-11-24"))
    assert page.views_model.rowCount() == 2  # clerk1 and supervisor1 viewed on Tuesday

    page.period.date_from.setDate(page.period.date_to.date().addDays(1))  # after the last day
    settle(qtbot, page.db)
    assert page.period.error.text() == "The last day is before the first."


def test_views_of_personal_data_per_person_lead_to_their_events(
    qtbot: QtBot, open_page, trail: Counter, supervisor: Actor
) -> None:
    page = open_page(supervisor)
    expected = trail.audit_trail.personal_data_views(supervisor)
    assert [page.views_model.views(row) for row in range(page.views_model.rowCount())] == expected
    page.tabs.setCurrentIndex(1)
    page.show_views_of(1)  # supervisor1
    settle(qtbot, page.db)
    assert page.tabs.currentIndex() == 0
    shown = page.events_shown()
    assert len(shown) == 1 and shown[0].actor == "user:supervisor1" and shown[0].action in VIEWS


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_the_views_drill_down_works_from_the_keyboard(
    qtbot: QtBot, open_page, trail: Counter, supervisor: Actor, key: Qt.Key
) -> None:
    page = open_page(supervisor)
    page.tabs.setCurrentIndex(1)
    table = page.views_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # onto the first person
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the second: supervisor1
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, key)
    settle(qtbot, page.db)
    assert page.tabs.currentIndex() == 0
    assert page.filters.person.currentData() == "user:supervisor1"
    assert page.filters.action.currentData() == PERSONAL_DATA_VIEWS
    assert [event.actor for event in page.events_shown()] == ["user:supervisor1"]


def test_the_views_drill_down_works_with_a_double_click(
    qtbot: QtBot, open_page, trail: Counter, supervisor: Actor
) -> None:
    page = open_page(supervisor)
    page.tabs.setCurrentIndex(1)
    table = page.views_table
    cell = table.visualRect(page.views_model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    settle(qtbot, page.db)
    assert page.tabs.currentIndex() == 0
    assert page.filters.person.currentData() == "user:clerk1"


def test_paging_reaches_the_end_of_a_long_trail(
    qtbot: QtBot, english: None, open_page, trail: Counter, supervisor: Actor, clerk: Actor
) -> None:
    with trail.ctx.store.transaction():
        for n in range(450):
            trail.ctx.audit(clerk, "applicant.lookup", "applicant", f"a-{n}", found=False)
    total = trail.audit_trail.count(supervisor)
    page = open_page(supervisor)
    assert page.model.rowCount() == AuditEventsModel.PAGE
    assert page.count.text() == f"{total} events found; the newest 200 are listed (scroll for more)."
    top = page.model.index(-1, -1)
    while page.model.canFetchMore(top):
        page.model.fetchMore(top)
        settle(qtbot, page.db)
    seqs = seqs_shown(page)
    assert len(seqs) == total == len(set(seqs))
    assert seqs == sorted(seqs, reverse=True) and seqs[-1] == 1
    assert page.count.text() == f"{total} events found."


def lookups(counter: Counter, clerk: Actor, count: int) -> None:
    """``count`` more events in the trail (as a sync or a colleague's work adds them)."""
    with counter.ctx.store.transaction():
        for n in range(count):
            counter.ctx.audit(clerk, "applicant.lookup", "applicant", f"a-{n}", found=False)


def test_reading_again_keeps_the_readers_place(
    qtbot: QtBot, english: None, open_page, trail: Counter, supervisor: Actor, clerk: Actor
) -> None:
    lookups(trail, clerk, 450)
    page = open_page(supervisor)
    while page.model.rowCount() < 400:  # the supervisor scrolled down to older events
        page.model.fetchMore(QModelIndex())
        settle(qtbot, page.db)
    select_row(page.table, 397)
    chosen, first_in_view = page.model.event_at(397).seq, page.model.event_at(page.table.rowAt(0)).seq
    assert page.table.rowAt(0) > 0
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    lookups(trail, clerk, 2)
    page.reload()  # what the main window does after a sync that changed data
    settle(qtbot, page.db)
    assert resets == []
    assert page.model.rowCount() == 402
    assert seqs_shown(page) == [event.seq for event in every_event(trail, supervisor)][:402]
    assert page.model.event_at(page.table.currentIndex().row()).seq == chosen
    assert page.model.event_at(page.table.rowAt(0)).seq == first_in_view  # the view did not move
    total = trail.audit_trail.count(supervisor)
    assert page.count.text() == f"{total} events found; the newest 402 are listed (scroll for more)."

    # Another filter reads from the top.
    page.filters.choose(outcome="success")
    settle(qtbot, page.db)
    assert resets == [1] and page.table.currentIndex().row() == -1


def test_a_hidden_audit_page_reads_again_when_shown(
    qtbot: QtBot, english: None, db: Database, trail: Counter, supervisor: Actor, clerk: Actor
) -> None:
    window = build_main_window(db, supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = show_page(window, "audit")
    settle(qtbot, db)
    before = seqs_shown(page)
    select_row(page.table, 3)
    chosen = page.model.event_at(3).seq
    show_page(window, "dashboard")
    settle(qtbot, db)
    reads: list[int] = []
    page.model.page_loaded.connect(lambda offset, count: reads.append(count))

    lookups(trail, clerk, 3)
    window.reload_pages()  # a sync changed data while the supervisor is on the dashboard
    settle(qtbot, db)
    assert reads == [] and seqs_shown(page) == before  # nothing read for a page nobody sees

    show_page(window, "audit")
    settle(qtbot, db)
    assert len(seqs_shown(page)) == len(before) + 3 and seqs_shown(page)[3:] == before
    assert page.model.event_at(page.table.currentIndex().row()).seq == chosen  # still chosen
    assert page.count.text() == f"{trail.audit_trail.count(supervisor)} events found."
    window.hide()
    settle(qtbot, db)


def show_page(window: MainWindow, key: str) -> AuditView:
    index = [page.key for page in window.pages].index(key)
    window.show_page(index)
    return window.stack.widget(index)  # type: ignore[return-value]


def test_the_chain_check_says_intact_or_where_it_is_broken(
    qtbot: QtBot, english: None, open_page, trail: Counter, supervisor: Actor
) -> None:
    page = open_page(supervisor)
    before = trail.audit_trail.count(supervisor)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert page.chain is not None and page.chain.ok
    assert (
        page.chain_result.text() == f"The chain is intact: {before} events checked, none changed or removed."
    )
    assert column(page, AuditEventsModel.ACTION)[0] == "Audit chain checked"  # the check is itself an event

    trail.ctx.store.execute("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    text = page.chain_result.text()
    assert text.startswith("The chain is broken")
    assert "Event no. 2 was changed after it was written." in text
    assert "#a4262c" in page.chain_result.styleSheet()

    last = trail.ctx.store.scalar("SELECT max(seq) FROM audit_events")
    trail.ctx.store.execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    assert "events were removed from the end" in page.chain_result.text()


def test_the_csv_export_holds_the_filtered_events_under_translated_headers(
    qtbot: QtBot, english: None, open_page, trail: Counter, supervisor: Actor, tmp_path: Path
) -> None:
    page = open_page(supervisor)
    page.filters.choose(person="user:clerk1")
    settle(qtbot, page.db)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "审计 export.csv"
    dialog.selectFile(str(target))
    dialog.accept()
    settle(qtbot, page.db)

    assert page.exported_to == target
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header == page.csv_headers()
    assert header == ["No.", "When", "When, on this counter's clock", "Who", "Action", "Record type",
                      "Record ID", "Outcome", "Details"]  # fmt: skip
    expected = every_event(trail, supervisor, AuditFilter(actor="user:clerk1"))
    assert [int(row[0]) for row in body] == [event.seq for event in expected]
    assert {row[3] for row in body} == {"user:clerk1"}
    assert page.message.text() == f"{len(expected)} events written to {target}."
    exports = every_event(trail, supervisor, AuditFilter(action="audit.export"))
    assert len(exports) == 1 and exports[0].actor == "user:supervisor1"


def test_the_administrator_may_browse(open_page, trail: Counter, admin: Actor) -> None:
    page = open_page(admin)
    assert page.allowed and page.model.rowCount() == trail.audit_trail.count(admin)


def test_the_clerk_sees_an_explanation_and_the_core_refuses_them(
    open_page, trail: Counter, clerk: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    page = open_page(clerk)
    assert not page.allowed and "your role does not include this" in page.explanation.text()
    assert not hasattr(page, "table") and page.db.idle  # nothing was read
    page.reload()
    page.check_chain()
    page.export(tmp_path / "trail.csv")
    assert page.db.idle and not (tmp_path / "trail.csv").exists()
    before = trail.audit_trail.count(supervisor)
    for attempt in (
        lambda: trail.audit_trail.events(clerk),
        lambda: trail.audit_trail.verify(clerk),
        lambda: trail.audit_trail.personal_data_views(clerk),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    refusals = every_event(trail, supervisor, AuditFilter(actor="user:clerk1", action="permission.denied"))
    assert trail.audit_trail.count(supervisor) == before + 3 and len(refusals) == 4  # and each is audited


def test_the_chain_check_speaks_the_users_language(
    qtbot: QtBot, language: Callable[[str], None], open_page, trail: Counter, supervisor: Actor
) -> None:
    language(CHINESE)
    page = open_page(supervisor)
    assert page.check_button.text() == "校验审计链(&H)"
    trail.ctx.store.execute("DELETE FROM audit_events WHERE seq = 3")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.db)
    text = page.chain_result.text()
    assert "第 3 号事件缺失（其后现存的是第 4 号）。" in text
    assert "event" not in text  # nothing of the core's English


def test_every_action_the_core_audits_has_words() -> None:
    """A new audited action without words would show as its code in the trail and its filter."""
    root = Path(__file__).resolve().parents[2] / "counter_app"
    call = re.compile(r'\.audit\(\s*[^,()]+(?:\([^()]*\))?,\s*(f?)"([^"]+)"')
    codes = {
        match.group(2)
        for path in root.rglob("*.py")
        for match in call.finditer(path.read_text(encoding="utf-8"))
        if not match.group(1)
    }
    assert {"login", "rating.session_open", "rectification.close"} <= codes  # the scan finds them
    assert sorted(code for code in codes if action_name(code) == code) == []
    steps = [f"application.{action.value}" for action in Action]
    assert sorted(code for code in steps if action_name(code) == code) == []
