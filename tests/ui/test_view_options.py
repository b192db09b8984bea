"""The View menu: large text and the language, applied at once and remembered on this machine."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from tests.ui.helpers import opens, press_enter, settle_app, type_text
from tests.ui.test_i18n import TS_DIR, qt_tool
from ui.app import AppController
from ui.dialogs.login import LoginDialog
from ui.i18n import CHINESE, ENGLISH, LANGUAGE_ENV, choose_language
from ui.main_window import MainWindow
from ui.preferences import LARGE_TEXT_SCALE, Preferences

PASSWORD = "correct horse 1"  # the conftest's staff accounts use it

MakeController = Callable[[], AppController]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "preferences.ini"


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def make_controller(
    counter: Counter, settings_path: Path, data_dir: Path, clock: FixedClock
) -> Iterator[MakeController]:
    made: list[AppController] = []

    def make() -> AppController:
        controller = AppController(
            None, open_profile=opens(data_dir, clock), preferences=Preferences(settings_at(settings_path))
        )
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()  # puts the font, the translators and the locale back


def logged_in(qtbot: QtBot, controller: AppController, username: str) -> MainWindow:
    controller.start()
    settle_app(qtbot, controller)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.password, PASSWORD)
    press_enter(qtbot, dialog.password)
    settle_app(qtbot, controller)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_large_text_by_shortcut_scales_the_font_and_is_remembered(
    qtbot: QtBot, make_controller: MakeController, settings_path: Path, clerk: Actor
) -> None:
    normal = QApplication.font().pointSizeF()
    controller = make_controller()
    window = logged_in(qtbot, controller, clerk.username)
    assert not window.large_text_action.isChecked()

    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Equal, modifiers)
    assert window.large_text_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(normal * LARGE_TEXT_SCALE)
    # Qt hands the new font to existing widgets through posted events.
    qtbot.waitUntil(lambda: window.user_label.font().pointSizeF() == pytest.approx(normal * LARGE_TEXT_SCALE))
    assert Preferences(settings_at(settings_path)).large_text is True

    qtbot.keyClick(window, Qt.Key.Key_Equal, modifiers)
    assert not window.large_text_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)
    assert Preferences(settings_at(settings_path)).large_text is False


def test_large_text_is_used_at_the_next_start_and_still_fits_1366_by_768(
    qtbot: QtBot, make_controller: MakeController, settings_path: Path, clerk: Actor
) -> None:
    normal = QApplication.font().pointSizeF()
    Preferences(settings_at(settings_path)).large_text = True
    controller = make_controller()
    window = logged_in(qtbot, controller, clerk.username)
    assert window.large_text_action.isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(normal * LARGE_TEXT_SCALE)
    for index in range(len(window.pages)):  # every page, not only the first
        window.show_page(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768 - 40, window.current_page()
    assert window.width() <= 1366 and window.height() <= 768

    controller.shutdown()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


@pytest.fixture
def compiled_translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh .qm files from the .ts sources, used in place of whatever was built before."""
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        pytest.fail(
            "pyside6-lrelease is not installed: it comes with PySide6; reinstall the virtualenv (make setup)",
            pytrace=False,
        )
    folder = tmp_path / "i18n"
    folder.mkdir()
    for language in (CHINESE, ENGLISH):
        subprocess.run(
            [lrelease, str(TS_DIR / f"counter_{language}.ts"), "-qm", str(folder / f"counter_{language}.qm")],
            check=True,
            capture_output=True,
        )
    monkeypatch.setattr("ui.i18n.translations_dir", lambda: folder)
    return folder


def test_switching_the_language_retranslates_the_window_and_is_remembered(
    qtbot: QtBot,
    make_controller: MakeController,
    settings_path: Path,
    clerk: Actor,
    compiled_translations: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller = make_controller()
    controller.use_language(ENGLISH)
    window = logged_in(qtbot, controller, clerk.username)
    assert window.language_actions[ENGLISH].isChecked()
    assert window.navigation.item(0).text() == "Intake"
    window.show_page(2)

    window.language_actions[CHINESE].trigger()  # View ▸ Language ▸ 简体中文
    chinese = controller.window
    assert isinstance(chinese, MainWindow) and chinese is not window
    qtbot.waitExposed(chinese)
    assert chinese.navigation.item(0).text() == "受理"
    assert "视图(&V)" in [action.text() for action in chinese.menuBar().actions()]
    assert chinese.user_label.text().startswith("当前用户")
    assert chinese.current_page() == "applicants"  # the open page is kept
    assert chinese.language_actions[CHINESE].isChecked()
    assert not chinese.language_actions[ENGLISH].isChecked()
    assert chinese.actor.username == clerk.username  # no new login needed

    saved = Preferences(settings_at(settings_path)).language
    assert saved == CHINESE
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert choose_language(None, saved=saved) == CHINESE  # what run() shows at the next start
    assert choose_language(ENGLISH, saved=saved) == ENGLISH  # --language still wins

    controller.shutdown()
    assert QCoreApplication.translate("MainWindow", "Intake") == "Intake"  # translators removed


def test_the_language_can_be_switched_back(
    qtbot: QtBot, make_controller: MakeController, clerk: Actor, compiled_translations: Path
) -> None:
    controller = make_controller()
    controller.use_language(CHINESE)
    window = logged_in(qtbot, controller, clerk.username)
    assert window.navigation.item(0).text() == "受理"
    window.language_actions[ENGLISH].trigger()
    english = controller.window
    assert isinstance(english, MainWindow)
    assert english.navigation.item(0).text() == "Intake"
    assert english.windowTitle() == "Workbench"
