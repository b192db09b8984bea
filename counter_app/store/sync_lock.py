"""Holding sync off while a change takes back what sync would otherwise send.

The sync engine holds an advisory lock on the data directory's ``sync.lock`` for a whole run
(``sync/lock.py``, on ``DataPaths.lock_file``). A change that withdraws an op not yet sent (a scan
removed at the desk) takes the same lock, so no run can have read the op and be sending it while it
is withdrawn: either the run is over (and the op was applied, or not) or it has not started. The
kernel releases the lock if the process dies. ``try_lock``/``unlock`` (flock, or ``msvcrt.locking``
on Windows) are the one implementation of that lock; ``sync/lock.py`` uses them too.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from counter_app.errors import SyncRunning

POLL_S = 0.05


@contextmanager
def sync_held_off(path: Path, wait_s: float = 2.0) -> Iterator[None]:
    """Hold the sync lock for the ``with`` block, waiting up to ``wait_s`` for a running sync to end
    (``SyncRunning`` if it does not). Blocks the calling thread meanwhile: not for the UI thread."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                try_lock(fd)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise SyncRunning("a sync of this data directory is running") from None
                time.sleep(POLL_S)
        try:
            yield
        finally:
            unlock(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - Windows counters
    import msvcrt

    def try_lock(fd: int) -> None:
        """Take the lock on ``fd`` at once, or raise ``OSError``."""
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int) -> None:
        """Take the lock on ``fd`` at once, or raise ``OSError``."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
