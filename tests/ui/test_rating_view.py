"""The citizen's rating view (issue 10, point 3), driven like a citizen: taps on large buttons, over
the app's database thread and a real SQLite profile. Where it goes: a second screen when there is one
(checked under two virtual offscreen screens in a pytest of its own), else the clerk's screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.core.test_ratings import _application
from tests.support import ROOT
from tests.ui.helpers import settle, type_text
from tests.ui.rating_two_screens import TWO_SCREENS
from tests.ui.test_accessibility import unnamed_controls
from ui.views.rating import RatingView, citizen_screen, open_rating_view
from ui.workers import Database

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def main_window(qtbot: QtBot) -> QWidget:
    """Stands in for the clerk's main window: the view's parent."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def views() -> Iterator[list[RatingView]]:
    """Views a test opened; any still open is closed at the end (they delete themselves)."""
    opened: list[RatingView] = []
    yield opened
    for view in opened:
        try:
            view.close()
        except RuntimeError:
            pass  # deleted already


def opened_view(
    qtbot: QtBot, db: Database, actor: Actor, application_id: str, parent: QWidget, views: list[RatingView]
) -> RatingView:
    view = open_rating_view(db, actor, application_id, parent, close_after_ms=0)
    views.append(view)
    qtbot.waitUntil(lambda: view.isVisible())
    settle(qtbot, db)
    return view


def visible_text(view: QWidget) -> str:
    """Everything the view shows in words (labels, buttons, the comment box's hint)."""
    parts = [label.text() for label in view.findChildren(QLabel) if label.isVisible()]
    parts += [button.text() for button in view.findChildren(QAbstractButton) if button.isVisible()]
    return "\n".join(parts)


def audit_actions(counter: Counter, count: int) -> list[tuple[str, str]]:
    return [(e["action"], e["actor"]) for e in counter.ctx.audit_log.recent(count)][::-1]


def test_the_citizen_taps_a_level_and_aspects_and_submits(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, main_window: QWidget, views: list[RatingView]
) -> None:
    app = _application(counter, clerk, "delivered")
    applicant = counter.applicants.reveal(clerk, app.applicant_id)
    view = opened_view(qtbot, db, clerk, app.id, main_window, views)
    # One offscreen screen: the clerk's, maximised for them to turn towards the citizen.
    assert len(QGuiApplication.screens()) == 1
    assert not view.on_second_screen and view.isMaximized() and view.screen() is main_window.screen()
    assert audit_actions(counter, 1) == [("rating.session_open", clerk.audit_name)]
    # The service and the receipt number, nothing of the citizen.
    shown = visible_text(view)
    item = counter.catalogue.item(app.item_code)
    assert app.receipt_no in shown and (item.name in shown or item.name_en in shown)
    for personal in (
        applicant.summary.name,
        applicant.id_number,
        applicant.phone,
        applicant.summary.id_masked,
    ):
        assert personal and personal not in shown
    assert unnamed_controls(view) == []  # a screen reader names every button
    # Large, touch-sized targets.
    for button in [*view.level_buttons.values(), *view.aspect_buttons.values(), view.submit_button]:
        assert button.height() >= 72 and button.width() >= 120, button.text()

    assert not view.submit_button.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(view.level_buttons[3], LEFT)
    qtbot.mouseClick(view.level_buttons[2], LEFT)  # a change of mind: one level only
    assert [level for level, b in view.level_buttons.items() if b.isChecked()] == [2]
    qtbot.mouseClick(view.aspect_buttons["efficiency"], LEFT)
    qtbot.mouseClick(view.aspect_buttons["competence"], LEFT)
    qtbot.mouseClick(view.aspect_buttons["competence"], LEFT)  # tapped again: not chosen
    qtbot.mouseClick(view.comment, LEFT)
    type_text(qtbot, view.comment, "希望多开几个窗口")
    with qtbot.waitSignal(view.rated, timeout=10_000) as rated:
        qtbot.mouseClick(view.submit_button, LEFT)
    assert rated.args == [2]
    assert view.pages.currentWidget() is view.thanks_page
    settle(qtbot, db)

    stored = counter.ctx.ratings.for_application(app.id)
    assert stored is not None
    assert (stored["level"], stored["channel"], stored["comment"], stored["unsatisfied_aspects"]) == (
        2,
        "counter-screen",
        "希望多开几个窗口",
        ["efficiency"],
    )
    assert counter.cases.get(clerk, app.id).status == "rated"
    assert counter.ctx.ratings.rectification_for_rating(stored["id"]) is None
    assert ("rating.record", clerk.audit_name) in audit_actions(counter, 3)
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.done_button, LEFT)


def test_a_bad_rating_on_the_view_opens_a_rectification_task(
    qtbot: QtBot,
    db: Database,
    counter: Counter,
    clerk: Actor,
    supervisor: Actor,
    main_window: QWidget,
    views: list[RatingView],
) -> None:
    app = _application(counter, clerk, "delivered")
    view = opened_view(qtbot, db, clerk, app.id, main_window, views)
    qtbot.mouseClick(view.level_buttons[5], LEFT)
    qtbot.mouseClick(view.aspect_buttons["attitude"], LEFT)
    with qtbot.waitSignal(view.rated, timeout=10_000) as rated:
        qtbot.mouseClick(view.submit_button, LEFT)
    assert rated.args == [5]
    assert "supervisor" in view.thanks_detail.text() or "负责人" in view.thanks_detail.text()
    settle(qtbot, db)
    (task,) = counter.ratings.rectifications(supervisor, "open")
    assert (task.application_id, task.level, task.channel) == (app.id, 5, "counter-screen")
    assert task.unsatisfied_aspects == ("attitude",) and task.comment is None


def test_the_thank_you_closes_by_itself(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, main_window: QWidget
) -> None:
    app = _application(counter, clerk, "delivered")
    view = open_rating_view(db, clerk, app.id, main_window, close_after_ms=50)
    qtbot.waitUntil(lambda: view.session is not None)
    qtbot.mouseClick(view.level_buttons[1], LEFT)
    with qtbot.waitSignal(view.finished, timeout=10_000):
        qtbot.mouseClick(view.submit_button, LEFT)
    settle(qtbot, db)
    assert counter.ctx.ratings.for_application(app.id)["level"] == 1


def test_closing_without_a_rating_ends_the_session(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, main_window: QWidget, views: list[RatingView]
) -> None:
    app = _application(counter, clerk, "delivered")
    view = opened_view(qtbot, db, clerk, app.id, main_window, views)
    token = view.session.token if view.session else ""
    qtbot.mouseClick(view.level_buttons[4], LEFT)  # chosen, never submitted
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.skip_button, LEFT)
    settle(qtbot, db)
    assert audit_actions(counter, 1) == [("rating.session_cancel", clerk.audit_name)]
    assert counter.ctx.ratings.for_application(app.id) is None
    assert counter.cases.get(clerk, app.id).status == "delivered"
    ended = db.submit(lambda c: c.ratings.session_open(token))
    settle(qtbot, db)
    assert ended.outcome == (True, False)


def test_a_visit_that_cannot_be_rated_is_explained_on_the_clerks_screen(
    qtbot: QtBot, db: Database, counter: Counter, clerk: Actor, main_window: QWidget, views: list[RatingView]
) -> None:
    app = _application(counter, clerk, "completed")
    view = opened_view(qtbot, db, clerk, app.id, main_window, views)
    assert view.session is None and view.pages.currentWidget() is view.problem_page
    assert not view.on_second_screen and view.screen() is main_window.screen()
    assert "cannot be rated" in view.problem.text() or "暂不能评价" in view.problem.text()
    assert not [e for e in counter.ctx.audit_log.recent(5) if e["action"] == "rating.session_open"]


# --- placement ----------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class FakeScreen:
    name: str
    area: QRect

    def geometry(self) -> QRect:
        return self.area


LAPTOP = FakeScreen("laptop", QRect(0, 0, 1366, 768))
PAD = FakeScreen("pad", QRect(1366, 0, 1280, 800))
WALL = FakeScreen("wall", QRect(-1920, 0, 1920, 1080))
CLONE = FakeScreen("projector mirroring the laptop", QRect(0, 0, 1366, 768))


def test_the_citizens_screen_is_another_than_the_main_windows() -> None:
    assert citizen_screen([LAPTOP], LAPTOP) is None
    assert citizen_screen([LAPTOP, PAD], LAPTOP) is PAD
    assert citizen_screen([PAD, LAPTOP], LAPTOP) is PAD  # whatever the order Qt lists them in
    assert citizen_screen([LAPTOP, PAD], PAD) is LAPTOP  # the main window was moved to the other one
    assert citizen_screen([LAPTOP, CLONE], LAPTOP) is None  # a cloned display is the same picture
    assert citizen_screen([LAPTOP, CLONE, PAD], LAPTOP) is PAD
    assert citizen_screen([WALL, LAPTOP, PAD], LAPTOP) is WALL
    assert citizen_screen([], None) is None


def test_with_two_virtual_screens_the_view_goes_full_screen_on_the_other(tmp_path: Path) -> None:
    """Qt's offscreen platform takes its screens from a JSON file; the QApplication of this run has
    one screen already, so the check runs in a pytest of its own."""
    config = tmp_path / "two-screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/ui/rating_two_screens.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout
