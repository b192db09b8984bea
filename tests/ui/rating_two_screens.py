"""Run by ``tests/ui/test_rating_view.py`` in a pytest of its own, under Qt's offscreen platform with
two virtual screens (``QT_QPA_PLATFORM=offscreen:configfile=…``; see ``TWO_SCREENS``). Its name does
not start with ``test_``, so the ordinary run (one offscreen screen) does not collect it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.core.test_ratings import _application
from tests.ui.helpers import settle
from ui.views.rating import open_rating_view
from ui.workers import Database

# The offscreen platform's configuration: the clerk's screen and, to its right, the citizen's.
MAIN = {"name": "Clerk", "x": 0, "y": 0, "width": 1366, "height": 768}
CITIZEN = {"name": "Citizen", "x": 1366, "y": 0, "width": 1280, "height": 800}
TWO_SCREENS = {
    "screens": [dict(screen, logicalDpi=96, logicalBaseDpi=96, dpr=1) for screen in (MAIN, CITIZEN)]
}


def test_the_view_goes_full_screen_on_the_citizens_screen(
    qtbot: QtBot, qapp: QApplication, db: Database, counter: Counter, clerk: Actor
) -> None:
    screens = {screen.name(): screen for screen in QGuiApplication.screens()}
    assert set(screens) == {"Clerk", "Citizen"}, "the offscreen platform did not give two screens"
    app = _application(counter, clerk, "delivered")
    main_window = QWidget()
    qtbot.addWidget(main_window)
    main_window.setScreen(screens["Clerk"])
    main_window.setGeometry(screens["Clerk"].availableGeometry())
    main_window.show()
    qtbot.waitExposed(main_window)
    assert main_window.screen() is screens["Clerk"]

    view = open_rating_view(db, clerk, app.id, main_window, close_after_ms=0)
    qtbot.waitUntil(lambda: view.isVisible() and view.session is not None)
    assert view.on_second_screen
    assert view.isFullScreen()
    assert view.screen() is screens["Citizen"]
    assert view.geometry() == screens["Citizen"].geometry()
    assert main_window.screen() is screens["Clerk"]  # the clerk keeps their screen

    qtbot.mouseClick(view.level_buttons[1], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.rated, timeout=10_000) as rated:
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert rated.args == [1]
    settle(qtbot, db)
    stored = counter.ctx.ratings.for_application(app.id)
    assert stored is not None and (stored["level"], stored["channel"]) == (1, "counter-screen")
