"""What the sync benchmarks share: the real central server on loopback, enrolled scratch counters,
seeded outboxes, and the timing of one sync run's stages.

The server is the production app (``central.app.create_app``, uvicorn) on a SQLite database in the
benchmark's workspace (WAL, ``synchronous=FULL``, as ``central.db.make_engine`` sets it), served from a
thread of the benchmark's process on 127.0.0.1 with the rate limit off (a benchmark is not abuse).
"""

from __future__ import annotations

import json
import math
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import Engine, func, select

from benchmarks.runner import Options, scratch_counter
from central import admin, db
from central.app import Settings, create_app
from central.db import make_engine
from central.migrations import migrate
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from counter_app.services.seed import Seeder
from sync.engine import SyncEngine, SyncReport, enroll

OFFICE = "QS"
OTHER_OFFICE = "BS"
STAGES = ("_hello", "_catalogue", "_push", "_pull", "_verify", "_audit_head")


@dataclass
class CentralServer:
    url: str
    engine: Engine

    def records(self, office: str) -> dict[str, int]:
        """How many records of each entity the office holds."""
        r = db.records
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(r.c.entity, func.count()).where(r.c.office_code == office).group_by(r.c.entity)
            ).all()
        return {entity: int(count) for entity, count in rows}

    def applied_ops(self, device_id: str) -> int:
        """Ops of this device that central stored a result for (applied, conflict or rejected)."""
        t = db.applied_ops
        with self.engine.connect() as conn:
            statement = select(func.count()).select_from(t).where(t.c.device_id == device_id)
            return int(conn.execute(statement).scalar_one())


@contextmanager
def running_server(db_url: str, settings: Settings | None = None) -> Iterator[CentralServer]:
    """The central app under uvicorn in a daemon thread on a free loopback port (as in the test suites,
    but with Nagle off, as in production)."""
    engine = make_engine(db_url)
    migrate(engine)
    app = create_app(engine, settings or Settings(rate_limit_per_minute=0))
    # proto=IPPROTO_TCP, as ``counter-central serve`` (uvicorn on host/port, via getaddrinfo) gets it:
    # asyncio turns Nagle off (TCP_NODELAY) only on sockets whose proto says TCP. With a bare
    # ``socket.socket()`` (proto 0) every reply waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.01)
    if not server.started:
        raise RuntimeError("central server did not start")
    try:
        yield CentralServer(url=f"http://127.0.0.1:{port}", engine=engine)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        engine.dispose()


@contextmanager
def office_server(
    root: Path, *, db_url: str | None = None, own_process: bool = False, workers: int = 1
) -> Iterator[CentralServer]:
    """A central server with two offices and the demo catalogue published, on ``db_url`` (default: a
    SQLite file ``root/central.db``): in a thread of this process, or with ``own_process`` as
    ``counter-central serve`` in its own (``workers`` processes; see :mod:`benchmarks.central_process`)."""
    url = db_url or f"sqlite:///{root / 'central.db'}"
    if own_process:
        from benchmarks.central_process import server_process

        context = server_process(url, root / "central-log", workers=workers)
    else:
        context = running_server(url)
    with context as server:
        admin.add_office(server.engine, OFFICE, "青山镇便民服务中心")
        admin.add_office(server.engine, OTHER_OFFICE, "白水乡便民服务中心")
        admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


@contextmanager
def enrolled_counter(root: Path, server: CentralServer, name: str, office: str = OFFICE) -> Iterator[Counter]:
    """A scratch office profile (no real keyring, config in ``root``) enrolled with ``office``."""
    with scratch_counter(root, name) as counter:
        enroll(counter, server.url, admin.new_enroll_code(server.engine, office), name)
        yield counter


def device_id(counter: Counter) -> str:
    enrollment = counter.enrollment.current()
    assert enrollment is not None
    return enrollment.device_id


@dataclass
class Seeded:
    applications: int = 0
    applicants: int = 0
    ops: int = 0  # pending outbox ops
    records: int = 0  # distinct records those ops touch
    seconds: float = 0.0
    by_entity: dict[str, int] = field(default_factory=dict)  # pending ops per entity


def outbox_state(counter: Counter) -> Seeded:
    store = counter.ctx.store
    state = Seeded()
    state.ops = counter.exchange.pending_count()
    state.records = int(store.scalar("SELECT count(DISTINCT entity_id) FROM outbox WHERE state = 'pending'"))
    state.by_entity = {
        row[0]: int(row[1])
        for row in store.conn.execute(
            "SELECT entity, count(*) FROM outbox WHERE state = 'pending' GROUP BY entity ORDER BY entity"
        )
    }
    return state


def seed_until(
    counter: Counter,
    seed: int,
    missing: Callable[[Seeded], float],
    per_application: float,
    options: Options,
    label: str,
    *,
    max_chunk: int = 500,
) -> Seeded:
    """Take in applications through the use cases (:class:`Seeder`: register, draft, check materials,
    accept, decide, deliver, rate, ...) until ``missing(outbox state)`` (how many ops, records, ... are
    still wanted; ``per_application`` of them come with each application, roughly) is ≤ 0. Each
    application comes with a new applicant. Returns the outbox state, with the counts and the time."""
    seeder = Seeder(counter, Actor.command_line("bench"), seed)
    began = time.perf_counter()
    state = outbox_state(counter)
    applications = applicants = 0
    while (wanted := missing(state)) > 0:
        chunk = max(1, min(max_chunk, math.ceil(wanted / per_application)))
        report = seeder.run(chunk)
        applications += report.applications
        applicants += report.applicants
        state = outbox_state(counter)
        options.progress(
            f"[{label}] seeded {applications:,} applications: {state.ops:,} ops on {state.records:,} records"
        )
    state.applications, state.applicants = applications, applicants
    state.seconds = time.perf_counter() - began
    return state


def seed_applications(counter: Counter, seed: int, applications: int) -> Seeded:
    """Exactly ``applications`` applications (each with its own new applicant) through :class:`Seeder`."""
    began = time.perf_counter()
    report = Seeder(counter, Actor.command_line("bench"), seed).run(applications)
    state = outbox_state(counter)
    state.applications, state.applicants = report.applications, report.applicants
    state.seconds = time.perf_counter() - began
    return state


class TimedSync:
    """``SyncEngine(counter, **kwargs).run()`` with each stage timed (the engine's stage methods are
    wrapped on the instance; nothing else changes). ``seconds[stage]`` sums a stage's calls."""

    def __init__(self, counter: Counter, **kwargs: Any) -> None:
        self.engine = SyncEngine(counter, **kwargs)
        self.seconds: dict[str, float] = {}
        self.hooks: dict[str, tuple[Callable[[], None], Callable[[], None]]] = {}
        for name in STAGES:
            self._wrap(name)

    def _wrap(self, name: str) -> None:
        original = getattr(self.engine, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            before, after = self.hooks.get(name, (_nothing, _nothing))
            before()
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[name.lstrip("_")] = self.seconds.get(name.lstrip("_"), 0.0) + (
                    time.perf_counter() - began
                )
                after()

        setattr(self.engine, name, timed)

    def run(self) -> tuple[SyncReport, float]:
        began = time.perf_counter()
        report = self.engine.run("bench")
        return report, time.perf_counter() - began

    def stage(self, name: str) -> float:
        return self.seconds.get(name, 0.0)


def _nothing() -> None:
    return None


def load_average() -> float | None:
    """The 1-minute load average when a timed stage starts: above the core count, other processes
    competed for the CPU and the figures are pessimistic."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def check(condition: bool, message: str) -> None:
    if not condition:
        raise RuntimeError(message)
