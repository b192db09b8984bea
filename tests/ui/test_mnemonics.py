"""Alt mnemonics: on every page of the main window, the page's and the menu bar's are unique. Two
controls with the same Alt+letter make Qt alternate between them (the first press focuses one, the
next the other), so a menu or a filter would need two presses, or could never be reached at all.

Collected from what a clerk sees: visible labels, buttons, check boxes and radio buttons, the tabs of
visible tab widgets, and the menu bar's menus; in the English UI (the source texts) and in Chinese
(whose translations carry their own letters).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from tests.ui.helpers import settle
from tests.ui.pages_support import open_page
from tests.ui.test_notices import compile_translations
from ui.app import build_main_window
from ui.i18n import CHINESE, ENGLISH, install_translators
from ui.main_window import MainWindow
from ui.views.admin import AdminView
from ui.workers import Database

_MNEMONIC = re.compile(r"&(.)")


def mnemonic(text: str) -> str | None:
    """The letter after the first single ``&`` (``&&`` is a literal ampersand), lower case."""
    for match in _MNEMONIC.finditer(text.replace("&&", "")):
        return match.group(1).lower()
    return None


def page_mnemonics(window: MainWindow, page: QWidget) -> dict[str, list[str]]:
    """Letter → the texts that take it, on ``page`` as shown and in the menu bar."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    for action in window.menuBar().actions():
        add(action.text())
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget.text())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index))
    return dict(found)


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


def test_a_clash_is_found() -> None:
    """The check can fail: the menus' own letters against a page's."""
    found = {"s": ["&System", "&Status:"], "g": ["&Go"]}
    assert clashes(found) == {"s": ["&System", "&Status:"]}
    assert mnemonic("Fish && &Chips") == "c"
    assert mnemonic("No letter") is None


@pytest.fixture(scope="module")
def compiled_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_translations(tmp_path_factory.mktemp("mnemonics-qm"))


@pytest.fixture(params=[ENGLISH, CHINESE])
def language(request: pytest.FixtureRequest, qapp: QApplication, compiled_qm: Path) -> Iterator[str]:
    """The UI's language, installed before the window is built (its menus are translated then)."""
    installed = install_translators(qapp, request.param, compiled_qm)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def supervisors_window(qtbot: QtBot, db: Database, supervisor: Actor, language: str) -> Iterator[MainWindow]:
    """The supervisor's window: every page there is (a clerk's is a subset)."""
    window = build_main_window(db, supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, db)
    yield window
    window.hide()
    settle(qtbot, db)


def test_every_pages_mnemonics_are_unique_with_the_menu_bars(
    supervisors_window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    window = supervisors_window
    menus = [mnemonic(action.text()) for action in window.menuBar().actions()]
    assert len(menus) == 3 and None not in menus  # System, Go, View
    found_clashes: dict[str, dict[str, list[str]]] = {}
    seen: dict[str, int] = {}
    for page in window.pages:
        widget = open_page(window, page.key)
        settle(qtbot, db)  # the page's first reads (counts in the buttons' texts)
        found = page_mnemonics(window, widget)
        seen[page.key] = sum(len(texts) for texts in found.values()) - len(menus)
        if clash := clashes(found):
            found_clashes[page.key] = clash
    assert found_clashes == {}
    assert seen["applications"] >= 6 and seen["audit"] >= 8  # the pages' own letters were collected


def test_every_admin_tabs_mnemonics_are_unique_with_the_tab_bars_and_the_menu_bars(
    qtbot: QtBot, db: Database, admin: Actor, language: str
) -> None:
    """The Admin page: on each of its tabs, the tab's own letters, the tab bar's (always visible) and
    the menu bar's."""
    window = build_main_window(db, admin)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = open_page(window, "admin")
    assert isinstance(page, AdminView)
    found_clashes: dict[str, dict[str, list[str]]] = {}
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        settle(qtbot, db)
        if clash := clashes(page_mnemonics(window, page)):
            found_clashes[page.tabs.tabText(index)] = clash
    window.hide()
    settle(qtbot, db)
    assert page.tabs.count() == 7
    assert found_clashes == {}
