"""Every test gets fresh data and config directories, an in-memory keyring and no display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

# Offscreen always (a developer's own display would change screen counts and sizes the tests rely
# on); a test's subprocess may ask for the offscreen platform with options (two virtual screens).
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring
import pytest

from counter_app.accounts import Actor, Role
from counter_app.clock import CHINA_TZ, FixedClock
from counter_app.core import Counter
from tests.support import MemoryKeyring

# A Monday that is an ordinary working day.
START = datetime(2026, 11, 23, 9, 30, tzinfo=CHINA_TZ)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setenv("COUNTER_APP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COUNTER_APP_CONFIG_DIR", str(tmp_path / "config"))
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def counter(data_dir: Path, clock: FixedClock) -> Iterator[Counter]:
    opened = Counter.open(data_dir, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def cli_actor() -> Actor:
    return Actor.command_line("tester")


def _staff(counter: Counter, role: Role) -> Actor:
    admin = Actor.command_line("setup")
    record = counter.accounts.add_user(admin, f"{role.value}1", f"{role.value} one", role, "correct horse 1")
    return Actor.staff(record.id, record.username, record.display_name, role)


@pytest.fixture
def clerk(counter: Counter) -> Actor:
    return _staff(counter, Role.CLERK)


@pytest.fixture
def supervisor(counter: Counter) -> Actor:
    return _staff(counter, Role.SUPERVISOR)


@pytest.fixture
def admin(counter: Counter) -> Actor:
    return _staff(counter, Role.ADMIN)
