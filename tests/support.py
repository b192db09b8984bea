"""Test helpers shared by the suites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ROOT = Path(__file__).resolve().parent.parent


class MemoryKeyring(KeyringBackend):
    """An in-process keyring: tests never touch (or prompt for) a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def cli_env(data_dir: Path, config_dir: Path) -> dict[str, str]:
    """Environment for running ``counter-app`` in a subprocess: no keyring backend works there, so
    the profile uses (and reports) the fallback key file in ``config_dir``."""
    env = dict(os.environ)
    env.update(
        COUNTER_APP_DATA_DIR=str(data_dir),
        COUNTER_APP_CONFIG_DIR=str(config_dir),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_cli(
    data_dir: Path, config_dir: Path, *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, config_dir),
        cwd=ROOT,
        timeout=timeout,
    )
