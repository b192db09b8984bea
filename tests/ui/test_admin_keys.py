"""The Admin page's Keys tab: where the data key lives, the warning for the fallback file, and the move
to the OS keyring (on the database thread) after which the profile opens from the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.services.enrollment import TOKEN
from tests.support import MemoryKeyring
from tests.ui.helpers import settle
from ui.views.admin.keys import KeysTab
from ui.workers import Database


@pytest.fixture
def counter(data_dir: Path, clock: FixedClock, isolated: MemoryKeyring) -> Iterator[Counter]:
    """A profile made where no keyring worked (the fallback file); the keyring works from now on."""
    keyring.set_keyring(fail.Keyring())
    opened = Counter.open(data_dir, clock=clock)
    keyring.set_keyring(isolated)
    yield opened
    opened.close()


def shown_tab(qtbot: QtBot, db: Database, actor: Actor) -> KeysTab:
    tab = KeysTab(db, actor)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload()
    settle(qtbot, db)
    return tab


def test_fallback_file_is_shown_with_a_warning_and_the_key_moves_to_the_keyring(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    counter: Counter,
    data_dir: Path,
    clock: FixedClock,
    isolated: MemoryKeyring,
) -> None:
    counter.ctx.secrets.set(TOKEN, "device-token-1")
    key_file = counter.ctx.secrets.fallback_file
    tab = shown_tab(qtbot, db, admin)
    assert tab.location_label.text() == f"In the fallback file {key_file}"
    assert tab.warning_label.isVisible() and str(key_file) in tab.warning_label.text()
    assert "can read the citizens' personal data" in tab.warning_label.text()
    assert tab.token_label.text() == "Stored with the data key"
    assert tab.keyring_label.text().startswith("Works (") and "MemoryKeyring" in tab.keyring_label.text()
    assert tab.move_button.isEnabled()

    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    assert not tab.move_button.isEnabled()  # while the move runs
    settle(qtbot, db)

    assert tab.location_label.text() == "In the OS keyring (MemoryKeyring)"
    assert not tab.warning_label.isVisible() and not tab.move_button.isEnabled()
    assert tab.message.isVisible() and "now in the OS keyring" in tab.message.text()
    assert not key_file.exists()
    assert any(user.endswith(f":{TOKEN}") for _service, user in isolated.values)
    assert any(e["action"] == "keys.move" for e in counter.ctx.audit_log.iter_events())
    assert counter.enrollment.token() == "device-token-1"  # the test's own connection follows the move
    tab.reload()  # the database thread's connection goes on, from the keyring
    settle(qtbot, db)
    assert tab.token_label.text() == "Stored with the data key"
    db.close()
    counter.close()
    with Counter.open(data_dir, clock=clock) as again:
        assert again.ctx.secrets.backend == "keyring"


def test_without_a_working_keyring_the_move_is_not_offered(
    qtbot: QtBot, db: Database, admin: Actor, counter: Counter
) -> None:
    keyring.set_keyring(fail.Keyring())
    tab = shown_tab(qtbot, db, admin)
    assert tab.warning_label.isVisible()
    assert tab.keyring_label.text().startswith("None works on this computer")
    assert tab.token_label.text().startswith("None: this counter is not enrolled")
    assert not tab.move_button.isEnabled()
    tab.move_to_keyring()  # nothing happens: the button's rule holds for the method too
    settle(qtbot, db)
    assert counter.ctx.secrets.fallback_file.exists()


def test_the_core_refuses_a_supervisor_on_the_tab(
    qtbot: QtBot, db: Database, supervisor: Actor, counter: Counter
) -> None:
    tab = shown_tab(qtbot, db, supervisor)
    assert tab.message.isVisible() and tab.message.text() == "Your role does not allow this."
    assert not tab.move_button.isEnabled() and tab.location_label.text() == ""


def test_a_profile_on_the_keyring_shows_no_warning(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, counter: Counter, admin: Actor
) -> None:
    other_dir = tmp_path / "on-keyring"
    with Counter.open(other_dir, clock=clock) as other:
        record = other.accounts.add_user(
            Actor.command_line("setup"), "admin2", "admin two", Role.ADMIN, "correct horse 1"
        )
    owner = Actor.staff(record.id, record.username, record.display_name, Role.ADMIN)
    database = Database(lambda: Counter.open(other_dir, clock=clock))
    database.start()
    try:
        tab = shown_tab(qtbot, database, owner)
        assert tab.location_label.text() == "In the OS keyring (MemoryKeyring)"
        assert not tab.warning_label.isVisible() and not tab.move_button.isEnabled()
    finally:
        database.close()
