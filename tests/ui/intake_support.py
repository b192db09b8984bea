"""Shared by the intake tests: the intake page in a real main window over the app's database thread,
keys as a clerk presses them, and an ID card reader's burst of key events.

The page's work runs on the database thread (and scans and PDFs on a pool thread): a test that acts
and then checks waits with ``desk.settle()`` (``ctrl_enter`` does it itself unless told not to).
``gate`` holds the database thread (its first job waits on it), so a test can act while the page's
work is queued behind it, as on a slow disk."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.ids import resident_id_check_char
from counter_app.records import ApplicantSummary
from counter_app.services.applicants import PersonInput
from tests.ui.helpers import type_text
from tests.ui.test_notices import compile_translations
from ui.app import status_reader
from ui.i18n import CHINESE
from ui.main_window import MainWindow
from ui.notices import NoticeWords
from ui.views.intake import IntakeView
from ui.views.intake.materials_panel import MaterialsPanel
from ui.views.intake.scans import ScanFolder
from ui.views.intake.view import FORM as FORM_STEP
from ui.views.intake.view import MATERIALS as MATERIALS_STEP
from ui.workers import Database

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"
SUBSISTENCE = "990101101-05-0001-001"  # 最低生活保障审核确认
TEMPORARY_AID = "990101101-05-0003-001"  # 临时救助
BIRTH = "990101-07-0001-001"  # 出生登记


def resident_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


@dataclass
class Desk:
    """The intake page inside a shown, active main window."""

    qtbot: QtBot
    counter: Counter  # the test's own connection: set up and check the store with it
    db: Database  # the page's
    clerk: Actor
    window: MainWindow
    view: IntakeView
    scan_folder: ScanFolder

    def settle(self, timeout_ms: int = 10_000) -> None:
        """Wait until everything the page started (database and pool work) is back and shown."""
        self.qtbot.waitUntil(lambda: self.view.idle, timeout=timeout_ms)

    # --- keys ------------------------------------------------------------------------------------------
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        type_text(self.qtbot, self.focus(), text)

    def ctrl_enter(self, *, settle: bool = True) -> None:
        self.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        if settle:
            self.settle()

    def enter(self) -> None:
        """Enter, and wait for what it started (a search, a lookup)."""
        self.key(Qt.Key.Key_Return)
        self.settle()

    def alt(self, letter: str) -> None:
        self.key(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)

    def key_alt_number(self, number: int) -> None:
        self.key(Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.AltModifier)

    def mnemonic(self, letter: str, button: QAbstractButton) -> None:
        """Alt+``letter`` on a button's mnemonic: Qt animates the click and emits it ~100 ms later."""
        assert f"&{letter.lower()}" in button.text().lower(), button.text()
        with self.qtbot.waitSignal(button.clicked, timeout=2000):
            self.alt(letter)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.key(Qt.Key.Key_Tab)

    def answer(self, dialog: QFileDialog, path: Path) -> None:
        """Pick ``path`` in a (non-native) file dialog; the main window is active again afterwards."""
        assert dialog.isVisible()
        dialog.selectFile(str(path))
        dialog.accept()
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: self.window.isActiveWindow() and QApplication.focusWidget() is not None)

    def step(self) -> int:
        return self.view.current_step()


@pytest.fixture(scope="session", name="notice_qm")
def notice_qm_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_translations(tmp_path_factory.mktemp("intake-qm"))


@pytest.fixture(name="desk")
def desk_fixture(
    qtbot: QtBot, counter: Counter, db: Database, clerk: Actor, tmp_path: Path, notice_qm: Path
) -> Iterator[Desk]:
    scan_folder = ScanFolder(tmp_path / "desk.ini")
    view_holder: list[IntakeView] = []

    def make_intake() -> IntakeView:
        view = IntakeView(
            db,
            clerk,
            scan_folder=scan_folder,
            notice_words=lambda: NoticeWords(CHINESE, notice_qm),
            native_dialogs=False,
        )
        view_holder.append(view)
        return view

    window = MainWindow(clerk, status_reader(db), intake_factory=make_intake)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    view = view_holder[0]
    desk = Desk(qtbot, counter, db, clerk, window, view, scan_folder)
    desk.settle()  # the catalogue and the profile's clock are in
    assert view.service_picker.catalogue is not None
    view.applicant_panel.focus_first()
    yield desk
    desk.settle()  # nothing left on its way to a closing page
    window.hide()


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


@pytest.fixture(name="gate")
def gate_fixture(desk: Desk) -> Iterator[Gate]:
    held = Gate(desk)
    yield held
    held.event.set()  # never leave the database thread waiting


def register_zhang_san(counter: Counter, clerk: Actor) -> ApplicantSummary:
    return counter.applicants.register_person(
        clerk, PersonInput("张三", FULL_ID, "13800138000", "示范县青山镇和平村3组12号")
    )


def to_form(desk: Desk) -> None:
    """Zhang San by pinyin initials, the subsistence allowance, its form filled (not yet saved)."""
    register_zhang_san(desk.counter, desk.clerk)
    desk.type("zs")
    desk.enter()
    desk.type("zdsh")
    desk.key(Qt.Key.Key_Return)
    assert desk.step() == FORM_STEP
    form = desk.view.form_panel
    form.editors["household_size"].set_raw("2")
    form.editors["monthly_income_per_capita"].set_raw("300")
    form.editors["housing"].set_raw("own")


def to_materials(desk: Desk) -> MaterialsPanel:
    """:func:`to_form`, then Ctrl+Enter drafts the application: the materials step."""
    to_form(desk)
    desk.ctrl_enter()
    assert desk.step() == MATERIALS_STEP
    return desk.view.materials_panel


def card_burst(widget: QWidget, text: str, *, start_ms: int = 1_000_000, gap_ms: int = 10) -> None:
    """Key events as an ID card reader sends them: ``text`` then Enter, ``gap_ms`` apart, to ``widget``
    (the focus widget, where the window system delivers keys)."""
    stamp = start_ms
    for char in [*text, "\r"]:
        if char == "\r":
            key, modifiers, typed = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
        elif char.isdigit():
            key, modifiers, typed = (
                Qt.Key(Qt.Key.Key_0.value + int(char)),
                Qt.KeyboardModifier.NoModifier,
                char,
            )
        else:
            key, modifiers, typed = (
                getattr(Qt.Key, f"Key_{char.upper()}"),
                Qt.KeyboardModifier.ShiftModifier,
                char,
            )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, typed)
            event.setTimestamp(stamp)
            QApplication.sendEvent(QApplication.focusWidget() or widget, event)
        stamp += gap_ms


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
