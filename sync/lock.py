"""One sync at a time per data directory: an advisory file lock the kernel releases when the holder
dies, so a killed sync never leaves the directory locked."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from counter_app.errors import SyncRunning
from counter_app.store.sync_lock import try_lock, unlock


class SyncLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> SyncLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise SyncRunning(f"another sync of {self.path.parent} is running") from exc
        self._fd = fd
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._fd is not None:
            unlock(self._fd)
            os.close(self._fd)
            self._fd = None
