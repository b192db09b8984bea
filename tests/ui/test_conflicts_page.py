"""The conflicts page (issue 10, point 5) against the real central server on loopback: a conflict made
by two counters changing the same field, resolved on the page by keyboard and mouse, arrives on
central at the next sync exactly once; a rejected operation is listed with its field and reason and
acknowledged; roles that may not review get an explanation; the status bar's indicator counts and
opens the page."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from central import admin as central_admin
from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from sync.engine import enroll
from tests.central_server import CentralServer, running_server
from tests.sync.test_end_to_end import ACTOR, central_record, register, sync, synced, take_in
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
)
from ui.views.conflicts import ConflictIndicator, ConflictsView
from ui.views.conflicts.models import (
    DIFFERS_BACKGROUND,
    IN_CONFLICT_BACKGROUND,
    ComparisonModel,
    ConflictsModel,
    RejectedModel,
)
from ui.workers import Database

OFFICE = "QS"
PHONE_A, PHONE_B, PHONE_C = "13800138001", "13900139002", "13700137003"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, "青山镇便民服务中心")
        central_admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


@pytest.fixture
def enrolled(counter: Counter, central: CentralServer) -> Counter:
    """The test's profile (the one ``db`` serves), enrolled with office QS."""
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "counter b")
    return counter


@pytest.fixture
def other(tmp_path: Path, central: CentralServer, clock: FixedClock) -> Iterator[Counter]:
    """A second counter of the same office."""
    counter = Counter.open(tmp_path / "a", clock=clock)
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "counter a")
    yield counter
    counter.close()


def phone_conflict(this: Counter, other: Counter) -> str:
    """Both counters change one applicant's phone offline; the other syncs first, so this one's
    sync conflicts. Returns the applicant's id."""
    applicant_id = register(other, 41).id
    synced(other)
    synced(this)
    other.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_A)
    this.applicants.update_contact(ACTOR, applicant_id, phone=PHONE_B)
    synced(other)
    assert sync(this).conflicts == 1
    return applicant_id


def shown(qtbot: QtBot, view: ConflictsView) -> ConflictsView:
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def open_page(
    qtbot: QtBot, db: Database, actor: Actor, expected: int, testers: ModelTesters
) -> ConflictsView:
    """The page shown, its models under Qt's model tester; waits for its first reading of the
    conflicts (``expected`` of them)."""
    view = ConflictsView(db, actor)
    assert view.conflicts is not None
    for model in (view.conflicts.model, view.conflicts.comparison_model, view.conflicts.differing):
        testers(model)
    with qtbot.waitSignal(view.conflicts.count_changed, timeout=10_000) as read:
        shown(qtbot, view)
    assert read.args == [expected]
    return view


def comparison_row(view: ConflictsView, name: str) -> dict[int, object]:
    assert view.conflicts is not None
    model = view.conflicts.comparison_model
    row = model.row_of(name)
    assert row >= 0, name
    return {
        column: model.data(model.index(row, column))
        for column in (
            ComparisonModel.FIELD,
            ComparisonModel.MARK,
            ComparisonModel.MINE,
            ComparisonModel.PLATFORM,
        )
    } | {-1: model.data(model.index(row, ComparisonModel.MINE), Qt.ItemDataRole.BackgroundRole)}


def resolution_events(counter: Counter) -> list[dict]:
    return [e for e in counter.ctx.audit_log.recent(40) if e["action"] == "sync.resolve_conflict"]


def test_a_conflict_is_shown_side_by_side_and_kept_by_keyboard_reaching_central_once(
    qtbot: QtBot,
    db: Database,
    enrolled: Counter,
    other: Counter,
    central: CentralServer,
    supervisor: Actor,
    model_tester: ModelTesters,
) -> None:
    applicant_id = phone_conflict(enrolled, other)
    name = enrolled.applicants.get(ACTOR, applicant_id).name

    # the status bar's indicator, from the profile's real status
    indicator = ConflictIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    indicator.show_status(enrolled.admin.status())
    assert indicator.isVisible() and "1 conflict" in indicator.text() and "rejected" not in indicator.text()
    with qtbot.waitSignal(indicator.open_requested, timeout=1000):
        qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)

    view = open_page(qtbot, db, supervisor, expected=1, testers=model_tester)
    panel = view.conflicts
    assert panel is not None
    assert view.tabs is not None and view.tabs.tabText(0) == "&Conflicts (1)"
    listed = panel.model
    assert listed.data(listed.index(0, ConflictsModel.RECORD)) == "Applicant"
    assert listed.data(listed.index(0, ConflictsModel.APPLICANT)) == name
    assert listed.data(listed.index(0, ConflictsModel.FIELDS)) == "Mobile"
    assert listed.data(listed.index(0, ConflictsModel.DETECTED)).startswith("2026-11-23 ")

    # field by field: the conflicting field marked in words and colour, personal values in full
    phone = comparison_row(view, "phone")
    assert phone[ComparisonModel.FIELD] == "Mobile"
    assert phone[ComparisonModel.MARK] == "⚠ In conflict"
    assert (phone[ComparisonModel.MINE], phone[ComparisonModel.PLATFORM]) == (PHONE_B, PHONE_A)
    assert phone[-1].color() == IN_CONFLICT_BACKGROUND
    same = comparison_row(view, "name")
    assert same[ComparisonModel.MARK] == "" and same[-1] is None
    assert same[ComparisonModel.MINE] == same[ComparisonModel.PLATFORM] == name
    id_number = comparison_row(view, "id_number")
    assert len(str(id_number[ComparisonModel.MINE])) == 18 and "*" not in str(id_number[ComparisonModel.MINE])
    assert "Mobile" in panel.summary.text()
    # only the fields that differ, through the proxy
    panel.only_differing.setChecked(True)
    assert panel.differing.rowCount() == 1
    assert panel.differing.data(panel.differing.index(0, ComparisonModel.MARK)) == "⚠ In conflict"
    panel.only_differing.setChecked(False)
    assert panel.differing.rowCount() == panel.comparison_model.rowCount() > 5
    views = [e for e in enrolled.ctx.audit_log.recent(10) if e["action"] == "conflict.view"]
    assert views and views[0]["actor"] == "user:supervisor1" and views[0]["entity_id"] == applicant_id

    # keep mine with the keyboard: the list has the focus, Alt+K is the button's mnemonic
    view.activateWindow()
    qtbot.waitActive(view)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    with (
        qtbot.waitSignal(view.changed, timeout=10_000),
        qtbot.waitSignal(panel.count_changed, timeout=10_000) as reread,
    ):
        qtbot.keyClick(panel.table, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert reread.args == [0]
    settle(qtbot, db)
    assert panel.model.rowCount() == 0 and panel.conflict is None
    assert "next sync" in panel.message.text()
    assert not panel.keep_mine_button.isEnabled() and view.tabs.tabText(0) == "&Conflicts"
    (event,) = resolution_events(enrolled)
    assert event["actor"] == "user:supervisor1" and '"keep":"mine"' in event["detail"]
    status = enrolled.admin.status()
    assert status.conflicts == 0
    indicator.show_status(status)
    assert not indicator.isVisible()

    # the resolution reaches central at the next sync, on top of the platform's version, once
    assert synced(enrolled).pushed == 1
    record = central_record(central, applicant_id)
    assert record is not None and (record.version, record.data["phone"]) == (3, PHONE_B)
    assert synced(enrolled).pushed == 0
    record = central_record(central, applicant_id)
    assert record is not None and (record.version, record.data["phone"]) == (3, PHONE_B)
    synced(other)
    assert other.applicants.reveal(ACTOR, applicant_id).phone == PHONE_B


def test_edit_and_keep_refuses_a_bad_value_at_the_field_then_sends_the_edited_one(
    qtbot: QtBot,
    db: Database,
    enrolled: Counter,
    other: Counter,
    central: CentralServer,
    supervisor: Actor,
    model_tester: ModelTesters,
) -> None:
    applicant_id = phone_conflict(enrolled, other)
    view = open_page(qtbot, db, supervisor, expected=1, testers=model_tester)
    panel = view.conflicts
    assert panel is not None and panel.edit_button.isEnabled() and not panel.edit_form.isVisible()

    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    form = panel.edit_form
    assert form.isVisible() and list(form.editors) == ["phone"]  # only the field in conflict
    box = form.editors["phone"]
    assert isinstance(box, QLineEdit) and box.text() == PHONE_B  # this counter's value to start from
    assert not panel.edit_button.isEnabled()

    box.clear()
    qtbot.keyClicks(box, "12345")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors["phone"].isVisible())
    settle(qtbot, db)
    assert form.errors["phone"].text() == "A mobile number is 11 digits starting with 13 to 19."
    assert form.isVisible() and box.hasFocus() and form.save_button.isEnabled()
    assert panel.message.text() == ""
    assert enrolled.conflicts.count() == 1 and resolution_events(enrolled) == []

    box.clear()
    qtbot.keyClicks(box, PHONE_C)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as reread:
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert reread.args == [0]
    settle(qtbot, db)
    assert not form.isVisible() and not form.errors["phone"].isVisible()
    assert "edited values" in panel.message.text()
    (event,) = resolution_events(enrolled)
    assert '"keep":"edit"' in event["detail"] and '"fields":["phone"]' in event["detail"]
    assert enrolled.applicants.reveal(ACTOR, applicant_id).phone == PHONE_C

    assert synced(enrolled).pushed == 1
    record = central_record(central, applicant_id)
    assert record is not None and (record.version, record.data["phone"]) == (3, PHONE_C)
    assert synced(enrolled).pushed == 0
    record = central_record(central, applicant_id)
    assert record is not None and record.version == 3
    synced(other)
    assert other.applicants.reveal(ACTOR, applicant_id).phone == PHONE_C


def test_a_status_in_conflict_is_not_edited_and_taking_the_platforms_version_sends_nothing(
    qtbot: QtBot,
    db: Database,
    enrolled: Counter,
    central: CentralServer,
    supervisor: Actor,
    model_tester: ModelTesters,
) -> None:
    from central import admin

    app = take_in(enrolled, 43, start=True)
    synced(enrolled)
    enrolled.cases.withdraw(ACTOR, app.id, "申请人主动撤回")
    admin.decide(central.engine, app.receipt_no, approve=True)  # the back office completed it meanwhile
    assert sync(enrolled).conflicts == 1
    platform = central_record(central, app.id)
    assert platform is not None and platform.data["status"] == "completed"

    view = open_page(qtbot, db, supervisor, expected=1, testers=model_tester)
    panel = view.conflicts
    assert panel is not None
    listed = panel.model
    assert listed.data(listed.index(0, ConflictsModel.RECEIPT_NO)) == app.receipt_no
    status = comparison_row(view, "status")
    assert status[ComparisonModel.MARK] == "⚠ In conflict"
    assert (status[ComparisonModel.MINE], status[ComparisonModel.PLATFORM]) == ("Withdrawn", "Completed")
    # withdrawing is no longer a step the platform allows from its state: this counter's change
    # cannot be kept (nor edited), and the page says why beside the buttons, naming the field
    assert not panel.keep_mine_button.isEnabled() and not panel.edit_button.isEnabled()
    assert panel.take_platform_button.isEnabled() and not panel.not_editable.isVisible()
    assert panel.mine_refused.isVisible()
    assert panel.mine_refused.text() == (
        "This counter's change cannot be kept: on the platform, Status is now “Completed”, and this "
        "counter's step “Withdraw” is not allowed from there. Take the platform's version; this "
        "counter's change stays recorded with the conflict."
    )
    # asked anyway (the page was read before the platform moved on): the core refuses, in the same words
    panel.resolve("mine")
    qtbot.waitUntil(lambda: panel.message.text() == panel.mine_refused.text())
    settle(qtbot, db)
    assert enrolled.conflicts.count() == 1 and resolution_events(enrolled) == []
    assert panel.take_platform_button.isEnabled() and not panel.keep_mine_button.isEnabled()

    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as reread:
        qtbot.mouseClick(panel.take_platform_button, Qt.MouseButton.LeftButton)
    assert reread.args == [0]
    settle(qtbot, db)
    assert "platform's version" in panel.message.text() and not panel.not_editable.isVisible()
    assert not panel.mine_refused.isVisible()
    assert enrolled.cases.get(ACTOR, app.id).status == "completed"
    assert synced(enrolled).pushed == 0
    record = central_record(central, app.id)
    assert record is not None and (record.version, record.data["status"]) == (platform.version, "completed")


def test_a_rejected_operation_is_listed_with_field_and_reason_and_acknowledged(
    qtbot: QtBot,
    db: Database,
    enrolled: Counter,
    central: CentralServer,
    supervisor: Actor,
    model_tester: ModelTesters,
) -> None:
    applicant = register(enrolled, 45)
    synced(enrolled)
    # A change central refuses (written straight into the outbox: the use cases would refuse it first).
    with enrolled.ctx.store.transaction():
        op_id = enrolled.ctx.queue(supervisor, "applicant", applicant.id, "update", 1, {"phone": "12345"})
    assert sync(enrolled).rejected == 1

    indicator = ConflictIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    indicator.show_status(enrolled.admin.status())
    assert indicator.isVisible() and indicator.text() == "⚠ 1 rejected"

    view = ConflictsView(db, supervisor)
    panel = view.rejected
    assert panel is not None and view.tabs is not None
    model_tester(panel.model)
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as read:
        shown(qtbot, view)
    assert read.args == [1]
    view.show_rejected()
    assert view.tabs.currentWidget() is panel and view.tabs.tabText(1) == "&Rejected operations (1)"
    model = panel.model
    assert model.data(model.index(0, RejectedModel.RECORD)) == "Applicant"
    assert model.data(model.index(0, RejectedModel.APPLICANT)) == applicant.name
    assert model.data(model.index(0, RejectedModel.FIELD)) == "Mobile"
    assert model.data(model.index(0, RejectedModel.REASON)) == "The platform does not accept this value."
    assert "mobile" in model.data(model.index(0, RejectedModel.REASON), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, RejectedModel.ACKNOWLEDGED)) == ""
    assert "mobile" in panel.details.text() and "12345" not in panel.details.text()
    assert panel.acknowledge_button.isEnabled()

    with (
        qtbot.waitSignal(view.changed, timeout=10_000),
        qtbot.waitSignal(panel.count_changed, timeout=10_000) as reread,
    ):
        qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert reread.args == [0]
    settle(qtbot, db)
    assert model.rowCount() == 0 and view.tabs.tabText(1) == "&Rejected operations"
    assert panel.message.text().startswith("Acknowledged")
    assert enrolled.conflicts.count_rejected() == 0
    (event,) = [e for e in enrolled.ctx.audit_log.recent(5) if e["action"] == "sync.acknowledge_rejected"]
    assert event["actor"] == "user:supervisor1" and op_id in event["detail"]

    # kept, and listed again on asking for acknowledged ones too
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as again:
        panel.show_all.setChecked(True)
    assert again.args == [0] and model.rowCount() == 1
    assert model.data(model.index(0, RejectedModel.ACKNOWLEDGED)).startswith("2026-11-23 ")
    assert not panel.acknowledge_button.isEnabled()
    assert "Acknowledged by user:supervisor1" in panel.details.text()
    assert synced(enrolled).pushed == 0  # never sent again


def test_a_clerk_gets_an_explanation_and_the_core_is_never_asked(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor
) -> None:
    view = shown(qtbot, ConflictsView(db, clerk))
    QApplication.processEvents()
    settle(qtbot, db)
    assert view.conflicts is None and view.rejected is None and view.tabs is None
    assert view.explanation is not None and view.explanation.isVisible()
    assert "supervisor" in view.explanation.text()
    assert not [e for e in counter.ctx.audit_log.recent(10) if e["action"] == "permission.denied"]


def test_an_administrator_sees_rejected_operations_but_not_the_conflicts(
    qtbot: QtBot, db: Database, counter: Counter, admin: Actor
) -> None:
    view = ConflictsView(db, admin)
    assert view.rejected is not None and view.conflicts is None and view.tabs is not None
    with qtbot.waitSignal(view.rejected.count_changed, timeout=10_000) as read:
        shown(qtbot, view)
    assert read.args == [0]
    assert view.explanation is not None and "personal data" in view.explanation.text()
    assert view.tabs.tabText(0) == "&Conflicts"
    assert not [e for e in counter.ctx.audit_log.recent(10) if e["action"] == "permission.denied"]


def test_a_hidden_page_reads_when_shown_and_calls_together_make_one_reading(
    qtbot: QtBot, db: Database, counter: Counter, supervisor: Actor
) -> None:
    view = ConflictsView(db, supervisor)
    qtbot.addWidget(view)
    assert view.conflicts is not None
    reads: list[int] = []
    view.conflicts.count_changed.connect(reads.append)
    view.reload()
    view.reload()
    QApplication.processEvents()  # the posted reading runs, and finds the page hidden
    settle(qtbot, db)
    assert reads == []  # hidden: nothing read (the core would audit a reading nobody saw)
    with qtbot.waitSignal(view.conflicts.count_changed, timeout=10_000):
        view.show()
        view.reload()
        view.reload()
    settle(qtbot, db)
    assert reads == [0]


def test_the_indicator_counts_both_kinds_and_hides_at_zero(qtbot: QtBot, counter: Counter) -> None:
    indicator = ConflictIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    status = counter.admin.status()
    indicator.show_status(dataclasses.replace(status, conflicts=2, rejected_waiting=3))
    assert (
        indicator.isVisible() and indicator.text() == "⚠ 2 conflict(s) · 3 rejected"
    )  # no translation loaded
    assert (indicator.conflicts, indicator.rejected) == (2, 3)
    indicator.show_counts(0, 0)
    assert not indicator.isVisible()
    indicator.show_counts(1, 0)
    assert indicator.isVisible() and indicator.text() == "⚠ 1 conflict(s)"
    with qtbot.waitSignal(indicator.open_requested, timeout=1000):
        qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)


def test_the_comparison_model_marks_a_field_that_only_differs(
    qtbot: QtBot, model_tester: ModelTesters
) -> None:
    from counter_app.records import ConflictField, SyncConflict

    model = ComparisonModel()
    model_tester(model)
    fields = (
        ConflictField("name", "张三", "张三", False, False, False),
        ConflictField("address", "青山镇", None, True, True, False),
        ConflictField("sex", "male", "female", True, False, True),
    )
    model.set_conflict(
        SyncConflict(
            1, "applicant", "r1", None, "张三", "2026-11-23T09:30:00+08:00", "op", {}, ("sex",), 2, fields
        )
    )
    index = model.index(1, ComparisonModel.MARK)
    assert model.data(index) == "≠ Differs"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == DIFFERS_BACKGROUND
    assert model.data(model.index(1, ComparisonModel.PLATFORM)) == "—"
    assert model.data(model.index(2, ComparisonModel.MINE)) == "Male"  # a choice in words
    assert "audit" in model.data(model.index(1, ComparisonModel.FIELD), Qt.ItemDataRole.ToolTipRole)
    model.set_conflict(None)
    assert model.rowCount() == 0
