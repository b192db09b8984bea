"""The Admin page's Retention tab: the days from the setting, the count of what a removal would clear,
the confirmation, the removal and its result — against a profile synced with the real central server,
its cases taken in through the use cases; the lists and the dashboard keep every case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from central import admin as central_admin
from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.statistics import Period
from sync.engine import enroll
from tests.central_server import CentralServer
from tests.core.retention_support import DAYS, Office, build_office, clock_advancer
from tests.sync.conftest import OFFICE, central  # noqa: F401 (the sync suites' fixture)
from tests.ui.helpers import settle
from ui.views.admin.retention import RetentionTab
from ui.workers import Database


@pytest.fixture
def office(
    counter: Counter,
    clerk: Actor,
    clock: FixedClock,
    central: CentralServer,  # noqa: F811
) -> Office:
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "c1")
    built = build_office(counter, clerk, advance=clock_advancer(clock))
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("retention_days", str(DAYS))
    return built


def _tab(qtbot: QtBot, db: Database, actor: Actor) -> RetentionTab:
    tab = RetentionTab(db, actor, native_dialogs=False)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload()
    settle(qtbot, db)
    return tab


def test_count_confirm_and_remove(
    qtbot: QtBot, office: Office, counter: Counter, admin: Actor, db: Database
) -> None:
    period = Period(date(2026, 11, 1), counter.ctx.today())
    figures = counter.dashboard.figures(admin, period)
    copy = counter.ctx.paths.backups / "pre-restore-20261120-101500.db"  # a restore's safety copy
    counter.ctx.store.backup_to(copy)
    tab = _tab(qtbot, db, admin)
    assert tab.days.value() == DAYS  # the office's setting
    assert "3 cases, 2 applicants, 1 scan files would be cleared" in tab.preview_label.text()
    assert "The 1 safety copies of the database" in tab.preview_label.text()
    assert "encrypted backups keep the data" in tab.preview_label.text()
    assert tab.remove_button.isEnabled()

    # Other days for this run: the count is asked for again.
    tab.days.setValue(400)
    assert not tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.count_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert "No case closed before" in tab.preview_label.text() and not tab.remove_button.isEnabled()
    tab.days.setValue(DAYS)
    qtbot.mouseClick(tab.count_button, Qt.MouseButton.LeftButton)
    settle(qtbot, db)
    assert tab.remove_button.isEnabled()

    # Cancelled: nothing happens.
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    box = tab.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "3 cases and 2 applicants" in box.text() and "1 scan files" in box.text()
    assert "safety copies of the database" in box.informativeText()
    assert "encrypted backups keep the data" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, db)
    assert tab.confirm_box is None and tab.result is None
    assert counter.ctx.applications.get(office.cases["A"]).form

    # Confirmed: removed, and the result says so.
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_box is not None and tab.confirm_remove is not None
    with qtbot.waitSignal(tab.purged, timeout=20_000) as purged:
        tab.confirm_remove.click()
    settle(qtbot, db)
    result = purged.args[0]
    assert (result.cases, result.applicants, result.files_removed) == (3, 2, 1)
    assert "Personal data removed: 3 cases, 2 applicants, 1 scan files deleted." in tab.result_label.text()
    assert "1 safety copies of the database deleted." in tab.result_label.text() and not copy.exists()
    assert "No case closed before" in tab.preview_label.text()  # counted again afterwards
    assert tab.count_button.isEnabled() and tab.days.isEnabled()
    # The cases are all still there, the dashboard counts the same; the personal data is gone.
    assert counter.ctx.applications.count() == len(office.cases)
    assert counter.dashboard.figures(admin, period) == figures
    assert counter.ctx.applications.get(office.cases["A"]).form == {}
    assert counter.ctx.applicants.details(office.people["P1"].id).id_number is None
    assert counter.ctx.applications.get(office.cases["C"]).form


def test_a_file_a_removal_could_not_delete_leaves_the_button_for_the_next(
    qtbot: QtBot, office: Office, counter: Counter, admin: Actor, db: Database
) -> None:
    copy = counter.ctx.paths.backups / "pre-migration-v6-20261101-090000.db"
    counter.ctx.store.backup_to(copy)
    tab = _tab(qtbot, db, admin)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_remove is not None
    with qtbot.waitSignal(tab.purged, timeout=20_000) as purged:
        tab.confirm_remove.click()
    settle(qtbot, db)
    assert purged.args[0].safety_copies_removed == 1 and not copy.exists()
    assert "No case closed before" in tab.preview_label.text() and not tab.remove_button.isEnabled()

    # As when an indexer held the copy open: the result says it is left, and with nothing else to
    # clear the button stays, for the run that deletes it.
    counter.ctx.store.backup_to(copy)
    with qtbot.waitSignal(tab.purged):
        tab._show_result(replace(purged.args[0], safety_copies_removed=0, safety_copies_left=1))
    settle(qtbot, db)
    assert "1 files could not be deleted now; the next removal deletes them." in tab.result_label.text()
    assert "No case closed before" in tab.preview_label.text() and tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.confirm_remove is not None
    with qtbot.waitSignal(tab.purged, timeout=20_000) as again:
        tab.confirm_remove.click()
    settle(qtbot, db)
    assert (again.args[0].cases, again.args[0].safety_copies_removed) == (0, 1) and not copy.exists()
    assert "1 safety copies of the database deleted." in tab.result_label.text()
    assert not tab.remove_button.isEnabled()


def test_a_supervisor_is_told_no(qtbot: QtBot, office: Office, supervisor: Actor, db: Database) -> None:
    tab = _tab(qtbot, db, supervisor)
    assert tab.preview_label.text() == "Your role does not allow this."
    assert not tab.remove_button.isEnabled()
