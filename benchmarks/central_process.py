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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass
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
        self.db_cpu_seconds: Callable[[], float] = _no_cpu  # PostgreSQL's, set by central_on

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


def _stat_seconds(pid: int, first: int) -> float:
    """Two adjacent clock-tick fields of ``/proc/<pid>/stat``, summed, in seconds (0 if it is gone).
    ``first`` counts from the field after "pid (comm)": 11 is utime (then stime), 13 cutime."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[first]) + int(fields[first + 1])) / _CLOCK_TICKS


def _cpu_of(pid: int) -> float:
    """User + system CPU of ``pid`` itself (stat fields 14 and 15, 1-based)."""
    return _stat_seconds(pid, 11)


def _reaped_cpu(pid: int) -> float:
    """CPU of ``pid``'s children that have exited (PostgreSQL backends of closed connections),
    which /proc keeps in the parent's cutime and cstime (fields 16 and 17)."""
    return _stat_seconds(pid, 13)


def _no_cpu() -> float:
    return 0.0


def postgres_cpu(url: str) -> Callable[[], float]:
    """A function giving the CPU seconds PostgreSQL has used so far at ``url``: its postmaster and
    every backend, those still running and those that have exited."""
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
    assert row is not None
    postmaster = int(Path(row[0], "postmaster.pid").read_text().split()[0])
    return lambda: _reaped_cpu(postmaster) + sum(_cpu_of(pid) for pid in _tree(postmaster))


@dataclass(frozen=True)
class CpuSplit:
    """The CPU seconds each side spent on one timed part: the client, the central server, and the
    database server (PostgreSQL; 0 on SQLite, whose work is the server's own).

    ``ceiling(n)`` is the rate no scheduling could beat on this machine for this work: ``n`` items in
    the time the three sides' CPU takes if it ran in parallel on every core, never waiting. A target
    above it needs less CPU per item, not better overlap."""

    client: float
    server: float
    database: float

    @property
    def total(self) -> float:
        return self.client + self.server + self.database

    def ceiling(self, n: int) -> float | None:
        return n / (self.total / CORES) if self.total > 0 else None

    def fields(self, n: int) -> dict[str, float | None]:
        ceiling = self.ceiling(n)
        return {
            "client_cpu_s": round(self.client, 3),
            "server_cpu_s": round(self.server, 3),
            "db_cpu_s": round(self.database, 3),
            "cpu_ceiling_per_s": None if ceiling is None else round(ceiling, 1),
        }


CORES = os.cpu_count() or 1


CPU_NOTE = (
    "client_cpu_s / server_cpu_s / db_cpu_s = CPU seconds of the client, of counter-central serve's "
    "processes and of PostgreSQL (0 on SQLite) during the timed part; cpu_ceiling_per_s = n / (their "
    f"sum / {CORES} cores): the rate this machine cannot beat for this work even if every side ran in "
    "parallel and never waited"
)


class CpuMeter:
    """Sums a ``CpuSplit`` over ``start()`` / ``stop()`` pairs (a stage may run more than once);
    this process is the client."""

    def __init__(self, server: CentralServer) -> None:
        self.server = server
        self._began = (0.0, 0.0, 0.0)  # set by start()
        self.split = CpuSplit(0.0, 0.0, 0.0)

    def _now(self) -> tuple[float, float, float]:
        db = self.server.db_cpu_seconds() if isinstance(self.server, ServerProcess) else 0.0
        return process_cpu_seconds(), server_cpu_seconds(self.server), db

    def start(self) -> None:
        self._began = self._now()

    def stop(self) -> None:
        spent = [b - a for a, b in zip(self._began, self._now(), strict=True)]
        self.split = CpuSplit(*(total + more for total, more in zip(astuple(self.split), spent, strict=True)))


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
        server.db_cpu_seconds = postgres_cpu(url)
        yield server


def server_cpu_seconds(server: CentralServer) -> float:
    """The server's CPU so far if it runs in its own process (0 for an in-process thread)."""
    return server.cpu_seconds() if isinstance(server, ServerProcess) else 0.0
