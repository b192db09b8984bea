"""The main window shell: status bar, the fallback-key warning, size."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.services.admin import Status
from counter_app.services.seed import Seeder
from tests.ui.helpers import settle
from ui.app import build_main_window, status_reader
from ui.main_window import MainWindow
from ui.views.conflicts.view import ConflictsView
from ui.workers import Database


@pytest.fixture
def fallback_counter(tmp_path: Path, clock: FixedClock) -> Iterator[Counter]:
    """A profile created where no keyring works: its data key is in the visible fallback file."""
    keyring.set_keyring(fail.Keyring())  # the conftest's autouse fixture puts the memory keyring back
    opened = Counter.open(tmp_path / "fallback-data", clock=clock, config_dir=tmp_path / "fallback-config")
    assert opened.admin.status().secrets_secure is False
    yield opened
    opened.close()


@pytest.fixture
def fallback_db(
    qtbot: QtBot, fallback_counter: Counter, tmp_path: Path, clock: FixedClock
) -> Iterator[Database]:
    """The fallback profile served by the app's database thread."""
    db = Database(
        lambda: Counter.open(tmp_path / "fallback-data", clock=clock, config_dir=tmp_path / "fallback-config")
    )
    db.start()
    settle(qtbot, db)
    yield db
    db.close()


def staff(counter: Counter, role: Role) -> Actor:
    setup = Actor.command_line("setup")
    record = counter.accounts.add_user(setup, f"{role.value}9", f"{role.value} nine", role, "correct horse 1")
    return Actor.staff(record.id, record.username, record.display_name, role)


def shown(qtbot: QtBot, window: MainWindow, db: Database | None = None) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if db is not None:
        settle(qtbot, db)  # the status and the pages' first reads have arrived
    return window


def test_the_admin_sees_the_fallback_key_warning(
    qtbot: QtBot, fallback_counter: Counter, fallback_db: Database
) -> None:
    window = shown(qtbot, build_main_window(fallback_db, staff(fallback_counter, Role.ADMIN)), fallback_db)
    assert window.secrets_warning.isVisible()
    assert "fallback key file" in window.secrets_warning.text()
    assert "fallback key file" in window.secrets_warning.toolTip()  # with the file's path


def test_a_clerk_does_not_get_the_key_warning(
    qtbot: QtBot, fallback_counter: Counter, fallback_db: Database
) -> None:
    window = shown(qtbot, build_main_window(fallback_db, staff(fallback_counter, Role.CLERK)), fallback_db)
    assert window.status is not None and not window.status.secrets_secure
    assert not window.secrets_warning.isVisible()


def test_no_warning_when_the_keyring_holds_the_key(
    qtbot: QtBot, counter: Counter, admin: Actor, db: Database
) -> None:
    assert counter.admin.status().secrets_secure
    window = shown(qtbot, build_main_window(db, admin), db)
    assert window.status is not None and window.status.secrets_secure
    assert not window.secrets_warning.isVisible()


def test_status_bar_shows_user_role_and_pending_operations(
    qtbot: QtBot, counter: Counter, admin: Actor
) -> None:
    asked: list[Callable[[Status], None]] = []
    window = shown(qtbot, MainWindow(admin, asked.append))
    assert window.user_label.text() == "Logged in: admin one (Administrator)"
    assert len(asked) == 1 and window.pending_label.text() == ""  # asked; nothing shown until it arrives
    asked[0](dataclasses.replace(counter.admin.status(), pending_ops=3))
    assert window.pending_label.text() == "3 operation(s) waiting to sync"


def test_the_pending_count_follows_the_clerks_work(
    qtbot: QtBot, counter: Counter, clerk: Actor, db: Database
) -> None:
    window = shown(qtbot, build_main_window(db, clerk), db)
    assert window.pending_label.text() == "0 operation(s) waiting to sync"
    seeded = Seeder(counter, clerk, seed=3).run(2)
    assert seeded.applications == 2
    window.refresh_status()  # the window's timer does this every few seconds
    settle(qtbot, db)
    pending = counter.admin.status().pending_ops
    assert pending > 0
    assert window.pending_label.text() == f"{pending} operation(s) waiting to sync"


class ReloadingPage(QWidget):
    def __init__(self, key: str) -> None:
        super().__init__()
        self.setObjectName(f"page_{key}")
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


def test_pages_reload_after_a_sync_that_changed_data_and_when_shown_again(
    qtbot: QtBot, counter: Counter, clerk: Actor, db: Database
) -> None:
    pages = {key: ReloadingPage(key) for key in ("applications", "applicants")}
    window = shown(
        qtbot,
        MainWindow(clerk, status_reader(db), page_factories={k: (lambda p=p: p) for k, p in pages.items()}),
        db,
    )
    window._sync_finished({"pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0, "outcome": "ok"})
    assert [p.reloads for p in pages.values()] == [0, 0]  # nothing changed: nothing re-read
    window._sync_finished({"pushed": 0, "pulled": 4, "conflicts": 0, "rejected": 0, "outcome": "ok"})
    assert [p.reloads for p in pages.values()] == [1, 1]
    window.show_page(1)  # the applications page comes back into view
    assert pages["applications"].reloads == 2 and pages["applicants"].reloads == 1
    window.show_page(1)  # already shown: not re-read
    assert pages["applications"].reloads == 2


def test_each_role_sees_its_pages(qtbot: QtBot, counter: Counter, clerk: Actor, db: Database) -> None:
    everyone = ["intake", "applications", "applicants", "catalogue", "dashboard"]
    supervision = ["rectifications", "conflicts", "audit"]
    expected = {
        Role.CLERK: everyone,
        Role.SUPERVISOR: [*everyone, *supervision],
        Role.ADMIN: [*everyone, "conflicts", "audit", "admin"],
    }
    for role, keys in expected.items():
        window = shown(qtbot, build_main_window(db, staff(counter, role)), db)
        assert [page.key for page in window.pages] == keys, role
        for index, page in enumerate(window.pages):
            window.navigation.setCurrentRow(index)
            assert window.current_page() == page.key
            assert window.stack.currentWidget().objectName() == f"page_{page.key}"
            assert page.coming is None
        window.close()


def test_the_conflict_indicator_opens_the_conflicts_page(
    qtbot: QtBot, counter: Counter, db: Database
) -> None:
    window = shown(qtbot, build_main_window(db, staff(counter, Role.SUPERVISOR)), db)
    status = counter.admin.status()
    window.show_status(dataclasses.replace(status, conflicts=2, rejected_waiting=1))
    indicator = window.conflict_indicator
    assert indicator.isVisible() and "2" in indicator.text() and "1" in indicator.text()
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert window.current_page() == "conflicts"
    page = window.stack.currentWidget()
    assert isinstance(page, ConflictsView) and page.tabs is not None
    assert page.tabs.currentWidget() is page.conflicts
    # Only rejected operations wait: the click opens their tab, and with conflicts again, theirs.
    window.open_page("applications")
    window.show_status(dataclasses.replace(status, conflicts=0, rejected_waiting=2))
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert window.current_page() == "conflicts" and page.tabs.currentWidget() is page.rejected
    window.show_status(dataclasses.replace(status, conflicts=1, rejected_waiting=2))
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.conflicts
    window.show_status(dataclasses.replace(status, conflicts=0, rejected_waiting=0))
    assert not indicator.isVisible()


def test_the_window_fits_a_1366_by_768_screen(
    qtbot: QtBot, fallback_counter: Counter, fallback_db: Database
) -> None:
    window = shown(qtbot, build_main_window(fallback_db, staff(fallback_counter, Role.ADMIN)), fallback_db)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40  # a taskbar takes the rest
    assert window.width() <= 1366 and window.height() <= 768


def test_ctrl_and_a_number_puts_the_focus_in_every_supervision_page(
    qtbot: QtBot, db: Database, supervisor: Actor
) -> None:
    """Not left in the navigation list: the page's first control takes the keys."""
    window = shown(qtbot, build_main_window(db, supervisor), db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first_controls: dict[str, Callable[[QWidget], QWidget]] = {
        "dashboard": lambda page: page.period,
        "rectifications": lambda page: page.table,
        "audit": lambda page: page.table,
    }
    keys = [page.key for page in window.pages]
    for key, first in first_controls.items():
        number = keys.index(key) + 1
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == key
        page = window.stack.currentWidget()
        qtbot.waitUntil(lambda page=page, first=first: QApplication.focusWidget() is first(page))
    settle(qtbot, db)
