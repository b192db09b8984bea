"""The central platform in its own process(es), as a province runs it: ``counter-central serve`` on a
SQLite file or a PostgreSQL database, ``--workers N`` processes on one loopback port.

The benchmark's process is only the client: the server's work is not on its GIL, and the server's CPU
time is read from ``/proc`` (the whole process tree, so every worker counts).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from benchmarks.central_server import CentralServer
from central.db import make_engine
from central.migrations import migrate

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess(CentralServer):
    """A running ``counter-central serve``: its URL, an engine on its database (for checks and
    set-up from the benchmark), and its CPU time."""

    def __init__(self, url: str, engine, process: subprocess.Popen[bytes], log_path: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(url=url, engine=engine)
        self.process = process
        self.log_path = log_path

    def cpu_seconds(self) -> float:
        """User + system CPU of the server's processes (the parent and every worker) so far."""
        return sum(_cpu_of(pid) for pid in _tree(self.process.pid))

    def log_text(self) -> str:
        try:
            return self.log_path.read_text("utf-8", errors="replace")
        except OSError:
            return ""


@contextmanager
def server_process(
    db_url: str,
    log_dir: Path,
    *,
    workers: int = 1,
    rate_limit: int = 0,
    port: int | None = None,
    start_timeout: float = 60.0,
) -> Iterator[ServerProcess]:
    """``counter-central --db DB serve`` on 127.0.0.1 with ``workers`` processes, the rate limit off by
    default (a benchmark is not abuse). The schema is migrated here first, so the workers start on a
    current database. Stopped (SIGTERM, then SIGKILL) on exit; its log is ``log_dir/central.log``."""
    engine = make_engine(db_url)
    migrate(engine)
    port = port or free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / "central.log"
    command = [
        sys.executable,
        "-m",
        "central",
        "--db",
        db_url,
        "serve",
        "--port",
        str(port),
        "--rate-limit",
        str(rate_limit),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    server = ServerProcess(url, engine, process, log_path)
    try:
        _wait_ready(server, workers, start_timeout)
        yield server
    finally:
        stop(process)
        engine.dispose()


def stop(process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)


def _wait_ready(server: ServerProcess, workers: int, timeout: float) -> None:
    """Until ``/v1/hello`` answers (and, with workers, until every worker process is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"central server exited ({server.process.returncode}):\n{server.log_text()}")
        try:
            if requests.get(server.url + "/v1/hello", timeout=2).status_code == 200 and (
                workers <= 1 or len(_tree(server.process.pid)) >= workers + 1
            ):
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)  # polling a starting process: nothing to wait on but its port
    raise RuntimeError(f"central server did not start in {timeout:.0f} s:\n{server.log_text()}")


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime are fields 14 and 15 of stat (1-based); after "pid (comm)" they are 12 and 13.
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def process_cpu_seconds() -> float:
    """This process's user + system CPU so far (the client's side of a run)."""
    times = os.times()
    return times.user + times.system


# --- the two databases the sync benchmarks measure on -----------------------------------------------
BACKEND_NOTES = {
    "sqlite": "SQLite WAL, synchronous=FULL",
    "postgresql": "PostgreSQL, a new local cluster, fsync=on",
}


def backends() -> list[str]:
    """SQLite always; PostgreSQL when its server binaries are installed (``make test`` installs them)."""
    from benchmarks import postgres

    return ["sqlite", "postgresql"] if postgres.available() else ["sqlite"]


@contextmanager
def central_on(backend: str, root: Path) -> Iterator[ServerProcess]:
    """``benchmarks.central_server.office_server`` in its own process on ``backend``."""
    from benchmarks.central_server import office_server

    if backend == "sqlite":
        with office_server(root, own_process=True) as server:
            assert isinstance(server, ServerProcess)
            yield server
        return
    from benchmarks import postgres

    with postgres.database() as url, office_server(root, db_url=url, own_process=True) as server:
        assert isinstance(server, ServerProcess)
        yield server


def server_cpu_seconds(server: CentralServer) -> float:
    """The server's CPU so far if it runs in its own process (0 for an in-process thread)."""
    return server.cpu_seconds() if isinstance(server, ServerProcess) else 0.0
