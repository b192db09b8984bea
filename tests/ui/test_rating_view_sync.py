"""End to end (issue 10, Tests): a bad rating the citizen gives on the counter screen opens a
rectification task, the supervisor closes it on the rectification page, and the rating and the task
reach the real central server on loopback exactly once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from central import admin as central_admin
from central import db as central_db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from sync.engine import enroll
from tests.central_server import CentralServer, running_server
from tests.core.test_ratings import _application
from tests.sync.test_end_to_end import central_record, synced
from tests.ui.helpers import settle, type_text
from ui.views.rating import open_rating_view
from ui.views.rectifications import RectificationsView
from ui.workers import Database

OFFICE = "QS"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, "青山镇便民服务中心")
        central_admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


@pytest.fixture
def enrolled(counter: Counter, central: CentralServer) -> Counter:
    """The test's profile (the one ``db`` serves), enrolled with office QS."""
    enroll(counter, central.url, central_admin.new_enroll_code(central.engine, OFFICE), "counter 1")
    return counter


def central_count(server: CentralServer, entity: str, application_id: str) -> int:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(central_db.records.c.data).where(central_db.records.c.entity == entity)
        ).all()
    return sum(1 for (data,) in rows if json.loads(data).get("application_id") == application_id)


def applied_ops(server: CentralServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(central_db.applied_ops)).scalar_one())


def test_a_bad_rating_on_the_view_is_rectified_and_reaches_central_once(
    qtbot: QtBot,
    db: Database,
    enrolled: Counter,
    central: CentralServer,
    clerk: Actor,
    supervisor: Actor,
) -> None:
    app = _application(enrolled, clerk, "delivered")
    synced(enrolled)  # the case is on the platform before the citizen rates it
    main_window = QWidget()
    qtbot.addWidget(main_window)
    main_window.resize(1366, 768)
    main_window.show()

    # The citizen, on the counter screen: 非常不满意, two aspects, a comment.
    view = open_rating_view(db, clerk, app.id, main_window, close_after_ms=0)
    qtbot.waitUntil(lambda: view.isVisible() and view.session is not None)
    qtbot.mouseClick(view.level_buttons[5], LEFT)
    qtbot.mouseClick(view.aspect_buttons["attitude"], LEFT)
    qtbot.mouseClick(view.aspect_buttons["efficiency"], LEFT)
    type_text(qtbot, view.comment, "窗口人员态度冷淡，等了一个多小时")
    with qtbot.waitSignal(view.rated, timeout=10_000):
        qtbot.mouseClick(view.submit_button, LEFT)
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.done_button, LEFT)
    settle(qtbot, db)

    # The supervisor closes the task it opened, on the rectification page.
    page = RectificationsView(db, supervisor)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, db)
    task = page.current_task()
    assert task is not None and task.application_id == app.id and task.level == 5
    assert task.unsatisfied_aspects == ("efficiency", "attitude") and task.channel == "counter-screen"
    type_text(qtbot, page.resolution, "已电话回访致歉，增开午间窗口")
    qtbot.mouseClick(page.close_button, LEFT)
    settle(qtbot, db)
    assert enrolled.ratings.rectifications(supervisor, "closed")[0].id == task.id

    ops_before = applied_ops(central)
    report = synced(enrolled)
    # the rating, the task's creation and its closing, the application's rated step
    assert report.pushed == 4 and applied_ops(central) == ops_before + 4
    rating = central_record(central, task.rating_id)
    assert rating is not None and rating.version == 1
    assert rating.data["level"] == 5 and rating.data["channel"] == "counter-screen"
    assert rating.data["unsatisfied_aspects"] == ["efficiency", "attitude"]
    assert rating.data["comment"] == "窗口人员态度冷淡，等了一个多小时"
    record = central_record(central, task.id)
    assert record is not None and record.version == 2  # created, then closed: each applied once
    assert record.data["status"] == "closed" and record.data["resolution"] == "已电话回访致歉，增开午间窗口"
    assert central_record(central, app.id).data["status"] == "rated"

    # Once: a second sync sends nothing again, and central holds one rating and one task for the visit.
    again = synced(enrolled)
    assert again.pushed == 0 and applied_ops(central) == ops_before + 4
    assert central_record(central, task.id).version == 2
    assert central_count(central, "rating", app.id) == 1
    assert central_count(central, "rectification", app.id) == 1
