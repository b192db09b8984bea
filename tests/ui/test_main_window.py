"""The main window shell: status bar, the fallback-key warning, size."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.services.admin import Status
from ui.app import build_main_window
from ui.main_window import MainWindow


@pytest.fixture
def fallback_counter(tmp_path: Path, clock: FixedClock) -> Iterator[Counter]:
    """A profile created where no keyring works: its data key is in the visible fallback file."""
    keyring.set_keyring(fail.Keyring())  # the conftest's autouse fixture puts the memory keyring back
    opened = Counter.open(tmp_path / "fallback-data", clock=clock, config_dir=tmp_path / "fallback-config")
    assert opened.admin.status().secrets_secure is False
    yield opened
    opened.close()


def staff(counter: Counter, role: Role) -> Actor:
    setup = Actor.command_line("setup")
    record = counter.accounts.add_user(setup, f"{role.value}9", f"{role.value} nine", role, "correct horse 1")
    return Actor.staff(record.id, record.username, record.display_name, role)


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_admin_sees_the_fallback_key_warning(qtbot: QtBot, fallback_counter: Counter) -> None:
    window = shown(qtbot, build_main_window(fallback_counter, staff(fallback_counter, Role.ADMIN)))
    assert window.secrets_warning.isVisible()
    assert "fallback key file" in window.secrets_warning.text()
    assert "fallback key file" in window.secrets_warning.toolTip()  # with the file's path


def test_a_clerk_does_not_get_the_key_warning(qtbot: QtBot, fallback_counter: Counter) -> None:
    window = shown(qtbot, build_main_window(fallback_counter, staff(fallback_counter, Role.CLERK)))
    assert not window.secrets_warning.isVisible()


def test_no_warning_when_the_keyring_holds_the_key(qtbot: QtBot, counter: Counter, admin: Actor) -> None:
    assert counter.admin.status().secrets_secure
    window = shown(qtbot, build_main_window(counter, admin))
    assert not window.secrets_warning.isVisible()


def test_status_bar_shows_user_role_and_pending_operations(
    qtbot: QtBot, counter: Counter, admin: Actor
) -> None:
    def status() -> Status:
        return dataclasses.replace(counter.admin.status(), pending_ops=3)

    window = shown(qtbot, MainWindow(admin, status))
    assert window.user_label.text() == "Logged in: admin one (Administrator)"
    assert window.pending_label.text() == "3 operation(s) waiting to sync"


def test_every_page_is_an_honest_placeholder(qtbot: QtBot, counter: Counter, clerk: Actor) -> None:
    window = shown(qtbot, build_main_window(counter, clerk))
    assert [page.key for page in window.pages] == [
        "intake",
        "applications",
        "applicants",
        "catalogue",
        "dashboard",
        "admin",
    ]
    for index, page in enumerate(window.pages):
        window.navigation.setCurrentRow(index)
        assert window.current_page() == page.key
        assert "arrive" in page.explanation and "later release" in page.explanation


def test_the_window_fits_a_1366_by_768_screen(qtbot: QtBot, fallback_counter: Counter) -> None:
    window = shown(qtbot, build_main_window(fallback_counter, staff(fallback_counter, Role.ADMIN)))
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40  # a taskbar takes the rest
    assert window.width() <= 1366 and window.height() <= 768
