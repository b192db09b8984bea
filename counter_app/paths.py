"""Where Counter keeps its files.

One directory holds an office profile's data: the database, its backups and the encrypted
attachments. It comes from platformdirs, and ``--data-dir`` or ``COUNTER_APP_DATA_DIR`` override
it (tests, portable installs). Keys never live there: the keyring holds them, or, when no keyring
works, a fallback key file in the *config* directory (``COUNTER_APP_CONFIG_DIR`` overrides it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "counter-app"
DATA_DIR_ENV = "COUNTER_APP_DATA_DIR"
CONFIG_DIR_ENV = "COUNTER_APP_CONFIG_DIR"
DATABASE_NAME = "counter.db"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """The files of one office profile."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        return cls(Path(data_dir).expanduser() if data_dir else default_data_dir())

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    def safety_copies(self) -> list[Path]:
        """The database's plain copies kept in ``backups/`` for safety — before a migration
        (``pre-migration-v*.db``), before a restore (``pre-restore-*.db``), a damaged database set
        aside (``damaged-*.db``) — oldest first. Unlike the encrypted backups (``.cbk``) they are
        SQLite files like the live one (personal fields encrypted, names and masks readable)."""
        copies = [path for path in self.backups.glob("*.db") if path.is_file()]
        return sorted(copies, key=lambda path: path.stat().st_mtime)

    @property
    def lock_file(self) -> Path:
        return self.root / "sync.lock"

    def ensure(self) -> DataPaths:
        for directory in (self.root, self.backups, self.attachments):
            directory.mkdir(parents=True, exist_ok=True)
            # Personal data: readable by the owning OS user only.
            os.chmod(directory, 0o700)
        return self
