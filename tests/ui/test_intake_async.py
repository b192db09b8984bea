"""The intake page while its work is on the database thread: the UI goes on, a write is sent once,
and results that are out of date by the time they arrive are dropped.

A gate holds the database thread (the first job waits on it), so the test can act while the page's
work is queued behind it, as on a slow disk."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.ui.intake_support import (
    FULL_ID,
    Desk,
    card_burst,
    desk_fixture,  # noqa: F401 - the desk fixture
    notice_qm_fixture,  # noqa: F401 - the notice_qm fixture
    register_zhang_san,
    resident_id,
)
from ui.views.intake.view import DECISION, FORM, MATERIALS, NOTICE, SERVICE


class Gate:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.event = threading.Event()

    def close(self) -> None:
        """Hold the database thread until :meth:`open`."""
        self.event.clear()
        self.desk.db.submit(lambda _counter: self.event.wait(10))

    def open(self) -> None:
        self.event.set()
        self.desk.settle()


@pytest.fixture
def gate(desk: Desk) -> Iterator[Gate]:
    held = Gate(desk)
    yield held
    held.event.set()  # never leave the database thread waiting


def to_form(desk: Desk) -> None:
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.enter()
    desk.type("zdsh")
    desk.key(Qt.Key.Key_Return)
    assert desk.step() == FORM
    form = desk.view.form_panel
    form.editors["household_size"].set_raw("2")
    form.editors["monthly_income_per_capita"].set_raw("300")
    form.editors["housing"].set_raw("own")


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
