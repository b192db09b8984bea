"""The intake page while its work is on the database thread: the UI goes on, a write is sent once,
and results that are out of date by the time they arrive are dropped.

A gate holds the database thread (the first job waits on it), so the test can act while the page's
work is queued behind it, as on a slow disk. An ID lookup on its way survives a reload of the page; a
catalogue that cannot be read is said so, and Enter pressed before is not acted on later."""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.catalogue import Catalogue
from counter_app.core import Counter
from counter_app.services.applicants import PersonInput
from counter_app.services.catalogue import CatalogueService
from tests.ui.intake_support import (
    FULL_ID,
    Desk,
    Gate,
    card_burst,
    desk_fixture,  # noqa: F401 - the desk fixture
    gate_fixture,  # noqa: F401 - the gate fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
    resident_id,
    to_form,
)
from ui.i18n import CHINESE, install_translators
from ui.views.intake import IntakeView
from ui.views.intake.scans import ScanFolder
from ui.views.intake.view import APPLICANT, DECISION, FORM, MATERIALS, NOTICE, SERVICE
from ui.workers import Database


def count(desk: Desk, table: str) -> int:
    return int(desk.counter.ctx.store.scalar(f"SELECT count(*) FROM {table}"))


def test_a_second_ctrl_enter_or_click_does_not_draft_twice(desk: Desk, gate: Gate) -> None:
    to_form(desk)
    view = desk.view
    gate.close()
    desk.ctrl_enter(settle=False)
    assert view.busy and view.next_button.text() == "Working…"
    desk.ctrl_enter(settle=False)  # impatient
    view.next_button.click()
    desk.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # and no new intake meanwhile
    desk.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # nor going back
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    desk.qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the write waits
    timer.stop()
    assert desk.step() == FORM and view.session.application is None
    gate.open()

    assert desk.step() == MATERIALS
    assert view.next_button.text() == "Next (Ctrl+Enter)" and not view.busy
    assert count(desk, "applications") == 1
    app = view.session.application
    assert app is not None
    assert [op.op for op in desk.counter.ctx.outbox.for_entity(app.id)] == ["create"]
    assert desk.view.message.message == ""


def test_a_second_ctrl_enter_does_not_decide_twice(desk: Desk, gate: Gate) -> None:
    to_form(desk)
    desk.ctrl_enter()
    desk.mnemonic("r", desk.view.materials_panel.all_button)
    desk.ctrl_enter()
    assert desk.step() == DECISION
    app = desk.view.session.application
    assert app is not None
    events_before = len(desk.counter.cases.history(desk.clerk, app.id))
    gate.close()
    desk.ctrl_enter(settle=False)
    desk.ctrl_enter(settle=False)
    assert desk.view.next_button.text() == "Working…"
    gate.open()
    assert desk.step() == NOTICE
    history = desk.counter.cases.history(desk.clerk, app.id)
    assert [event["action"] for event in history[events_before:]] == ["accept"]
    assert desk.view.message.message == "" and desk.view.decision_panel.message.message == ""
    assert desk.view.result_panel.notice is not None
    assert desk.view.result_panel.notice.receipt_no == app.receipt_no


def test_a_second_save_of_a_new_applicant_does_not_register_twice(desk: Desk, gate: Gate) -> None:
    panel = desk.view.applicant_panel
    desk.mnemonic("r", panel.register_button)
    form = panel.register_form
    form.name.setText("李四")
    form.id_number.setText(resident_id("32010219800101001"))
    form.name.setFocus()
    gate.close()
    desk.ctrl_enter(settle=False)
    assert form.saving and form.save_button.text() == "Working…"
    desk.ctrl_enter(settle=False)
    form.save_button.click()
    gate.open()
    assert desk.step() == SERVICE
    assert count(desk, "applicants") == 1
    assert form.id_message.message == ""  # not "already registered" from a second save


def test_only_the_newest_search_is_shown(desk: Desk, gate: Gate) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    panel = desk.view.applicant_panel
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    gate.close()
    desk.type("zhang")  # five searches queued, each replacing the one before
    desk.type("1380013800")  # …and ten more
    panel.search.clear()
    desk.type("13800138000")
    assert panel.searching
    gate.open()
    assert len(resets) == 2  # the clear (at once), then the newest result; the others were dropped
    assert panel.model.rowCount() == 1 and panel.model.applicant(0).id_masked == "110105********002X"


def test_a_card_read_while_a_write_is_on_its_way_waits(desk: Desk, gate: Gate) -> None:
    to_form(desk)
    gate.close()
    desk.ctrl_enter(settle=False)
    card_burst(desk.focus(), FULL_ID)
    assert "Ctrl+N" in desk.view.message.message
    gate.open()
    assert desk.step() == MATERIALS and desk.view.session.applicant is not None
    assert count(desk, "applications") == 1


def test_a_reload_does_not_replace_a_card_lookup_on_its_way(desk: Desk, gate: Gate) -> None:
    zhang = register_zhang_san(desk.counter, desk.clerk)
    panel = desk.view.applicant_panel
    gate.close()
    card_burst(desk.focus(), FULL_ID)
    assert panel.searching
    desk.window.reload_pages()  # a sync brought changes meanwhile
    gate.open()
    assert desk.step() == SERVICE  # the card's applicant is taken, as without the reload
    assert desk.view.session.applicant is not None and desk.view.session.applicant.id == zhang.id


def test_a_reload_does_not_keep_an_unknown_card_from_opening_the_registration(desk: Desk, gate: Gate) -> None:
    number = resident_id("44030619880808123")
    panel = desk.view.applicant_panel
    gate.close()
    card_burst(desk.focus(), number)
    desk.view.reload()  # the page is shown again
    gate.open()
    assert desk.step() == APPLICANT and panel.registering
    assert panel.register_form.id_number.text() == number
    assert panel.register_form.form_message.message == "No applicant has this number yet: register them."


def test_a_reload_still_searches_again_for_what_is_typed(desk: Desk, gate: Gate) -> None:
    """…including over a lookup that has already answered (its number stays in the search box)."""
    zhang = register_zhang_san(desk.counter, desk.clerk)
    panel = desk.view.applicant_panel
    desk.type("zs")
    desk.settle()
    assert panel.model.rowCount() == 1
    li = desk.counter.applicants.register_person(
        desk.clerk, PersonInput("赵四", resident_id("32010219800101001"), "13900139000", "示范县")
    )
    gate.close()
    desk.view.reload()
    assert panel.searching
    gate.open()
    assert [panel.model.applicant(row).id for row in range(panel.model.rowCount())] in (
        [zhang.id, li.id],
        [li.id, zhang.id],
    )
    assert desk.step() == APPLICANT


@pytest.fixture
def chinese(qapp: QApplication, notice_qm: Path) -> Iterator[None]:
    """The interface in Chinese, as at a counter."""
    installed = install_translators(qapp, CHINESE, notice_qm)
    assert installed, "the Chinese translation did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_enter_before_a_failed_catalogue_read_is_not_acted_on_later(
    qtbot: QtBot,
    db: Database,
    counter: Counter,
    clerk: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chinese: None,
) -> None:
    """The catalogue cannot be read (a damaged disk, say): the service step says so in the clerk's
    language, naming the file, without the system's English words; Enter reads it again, and Enter
    pressed before it failed does not take the first service later, when a reload (after a sync, or
    the page shown again) brings the catalogue in."""
    read = CatalogueService.active
    broken = [True]
    damaged = str(tmp_path / "counter.db")

    def active(service: CatalogueService) -> Catalogue:
        if broken[0]:
            raise OSError(errno.EIO, "Input/output error", damaged)
        return read(service)

    monkeypatch.setattr(CatalogueService, "active", active)
    view = IntakeView(db, clerk, scan_folder=ScanFolder(tmp_path / "desk.ini"), native_dialogs=False)
    qtbot.addWidget(view)
    view.show()

    def settle() -> None:
        qtbot.waitUntil(lambda: view.idle, timeout=10_000)

    settle()
    picker = view.service_picker
    assert picker.catalogue is None
    register_zhang_san(counter, clerk)
    view.applicant_panel.lookup_id(FULL_ID)
    settle()
    assert view.current_step() == SERVICE
    unreadable = "未能读取事项目录，按回车键重试。"
    assert picker.message.message == f"{unreadable}无法读写文件：{damaged}"
    assert "Input/output" not in picker.message.message and "Errno" not in picker.message.message

    event = threading.Event()
    db.submit(lambda _counter: event.wait(10))  # hold the database thread: the read is on its way
    try:
        view.proceed()  # Ctrl+Enter: take the first service once the catalogue is in
        assert picker.message.message == ""  # reading it again
    finally:
        event.set()
    settle()
    assert picker.message.message.startswith(unreadable)  # failed again
    assert view.current_step() == SERVICE

    broken[0] = False
    view.reload()  # a sync brought changes: the catalogue is read again, and now it is in
    settle()
    assert picker.catalogue is not None and picker.proxy.rowCount() > 0
    assert view.current_step() == SERVICE  # not taken out of the blue
    assert picker.message.message == ""
    view.proceed()
    settle()
    assert view.current_step() == FORM
