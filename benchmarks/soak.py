"""``python -m benchmarks.soak --minutes 30``: several counters take in and sync against central for a
long while, through links that are cut at random, with central restarted on the way. Not in CI.

- Central runs as ``counter-central serve`` in its own process (:mod:`benchmarks.central_process`), on
  a SQLite file (``--postgres``: a throwaway PostgreSQL cluster). A third of the way in it is stopped
  (SIGTERM; ``--kill``: SIGKILL) and, once every counter has synced offline and kept taking in
  meanwhile, started again on the same database and port.
- Each counter is a scratch office profile in its own process (:mod:`benchmarks.soak_counter`), so
  each one's memory is its own, enrolled with one office (so each also pulls the others' work),
  behind its own link until the end: :class:`tests.faultproxy.FaultProxy`, which cuts a share of the
  connections (both directions, at random byte offsets), or with ``--link shaping``
  :class:`benchmarks.shaping_proxy.ShapingProxy` (bandwidth, delay, a share of the exchanges cut).
  Each round a counter takes in a few applications through the use cases (now and then one with a
  scan, so uploads run too) and syncs as the app's timer would.
- Resident memory (``/proc``) of every counter process and of the server's process tree is sampled
  throughout; the slope (least squares, MB per hour) is taken over the second half of the run (and
  after the restart, for the server), start/end/peak beside it. A slope above ``--flat-mb-per-hour``
  is flagged.
- At the end the faults go off, every counter syncs until a run ends ``ok``, then once more (verify
  must pass now that no one pushes), and :func:`benchmarks.soak_checks.check_ledger` holds each op
  the counters made against central's records and stored results; the server's log and the counters'
  (WARNING and above) are scanned for tracebacks and errors.

The exit status is non-zero when an op was lost, duplicated or refused, a counter does not agree with
central, or anything went unhandled. ``--json`` prints the report in the runner's format
(:class:`benchmarks.runner.Result` rows, plus a ``soak`` section with the details).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Protocol

from benchmarks.central_process import ServerProcess, _tree, free_port, server_process
from benchmarks.central_server import OFFICE
from benchmarks.runner import Options, Result, machine_info
from benchmarks.soak_checks import check_ledger, memory_summary, resident_mb, scan_logs
from benchmarks.soak_counter import CounterConfig, counter_main, log_path

READY_TIMEOUT_S = 180.0
DOWNTIME_LIMIT_S = 120.0  # the longest the server stays down waiting for every counter to go offline
END_TIMEOUT_S = 600.0  # for each counter's drain and final sync
FINALS = "finals.json"  # in the workspace: each counter's final report (its outbox and records)


@dataclass
class SoakConfig:
    seconds: float
    counters: int = 3
    faults: float = 0.2  # share of connections cut, per direction (with link "shaping": of exchanges)
    link: str = "faults"  # "faults": tests.faultproxy; "shaping": benchmarks.shaping_proxy
    rate_bps: float = 2_000_000  # the shaping link's bandwidth, each way
    delay_s: float = 0.02  # the shaping link's one-way delay
    applications: int = 3  # per counter per round
    scan_share: float = 0.3
    pause_s: float = 0.5  # between a counter's rounds
    restart_at: float = 1 / 3  # of the run
    kill: bool = False  # stop central with SIGKILL rather than SIGTERM
    downtime_s: float | None = None  # at least this long down (default: 5% of the run, 1-30 s)
    sample_s: float | None = None  # memory sampling period (default: ~300 samples, 0.2-10 s)
    flat_mb_per_h: float = 10.0
    postgres: bool = False
    backoff_s: float | None = None  # the counters' first retry backoff (None: the app's transport)
    seed: int = 20260501
    tmp_dir: Path | None = None
    keep: bool = False  # keep the workspace (profiles, databases, logs) even when all is well

    def min_downtime(self) -> float:
        if self.downtime_s is not None:
            return self.downtime_s
        return min(30.0, max(1.0, self.seconds * 0.05))

    def sample_period(self) -> float:
        if self.sample_s is not None:
            return self.sample_s
        return min(10.0, max(0.2, self.seconds / 300))


@dataclass
class CounterProcess:
    name: str
    process: multiprocessing.process.BaseProcess
    conn: Connection
    pid: int = 0
    device_id: str = ""
    alive: bool = True
    outcomes: Tally[str] = field(default_factory=Tally)
    offline_since_stop: int = 0  # offline runs begun after the server was last stopped, with work taken in
    stopped_wall: float = float("inf")  # when the server was last stopped (wall clock, as the ticks)
    final: dict[str, Any] | None = None
    heap: list[tuple[float, float, float]] = field(default_factory=list)  # (monotonic s, in use MB, free MB)
    drained: dict[str, Any] | None = None
    exit_code: int | None = None


class Central:
    """``counter-central serve`` that can be stopped and started again on the same database and port."""

    def __init__(self, db_url: str, log_dir: Path) -> None:
        self.db_url = db_url
        self.log_dir = log_dir
        self.port = free_port()
        self.server: ServerProcess | None = None
        self._stack: ExitStack | None = None
        self.starts = 0

    def start(self) -> ServerProcess:
        stack = ExitStack()
        self.server = stack.enter_context(server_process(self.db_url, self.log_dir, port=self.port))
        self._stack = stack
        self.starts += 1
        return self.server

    def stop(self, *, kill: bool = False) -> None:
        """SIGTERM (uvicorn finishes the requests in flight), or with ``kill`` SIGKILL to the whole
        process group first (a crash: what central acknowledged must survive it)."""
        stack, server, self.server, self._stack = self._stack, self.server, None, None
        if kill and server is not None and server.process.poll() is None:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=30)
        if stack is not None:
            stack.close()

    def pids(self) -> list[int]:
        server = self.server
        return _tree(server.process.pid) if server is not None else []

    @property
    def log_path(self) -> Path:
        return self.log_dir / "central.log"


class Sampler:
    """Resident memory of the counters and of the server's process tree, every ``period`` seconds."""

    def __init__(self, period: float, counters: list[CounterProcess], central: Central, t0: float) -> None:
        self.period = period
        self.counters = counters
        self.central = central
        self.t0 = t0
        # (seconds, RSS MB, anonymous RSS MB)
        self.server: list[tuple[float, float, float]] = []
        self.clients: dict[str, list[tuple[float, float, float]]] = {c.name: [] for c in counters}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="soak-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def sample(self) -> None:
        t = time.monotonic() - self.t0
        server = resident_mb(self.central.pids())
        if server is not None:
            self.server.append((t, *server))
        for counter in self.counters:
            if counter.alive and counter.pid:
                value = resident_mb([counter.pid])
                if value is not None:
                    self.clients[counter.name].append((t, *value))

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            self.sample()


def run_soak(config: SoakConfig, progress: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """The soak; returns the report (see :func:`_report`)."""
    root = Path(tempfile.mkdtemp(prefix="counter-soak-", dir=config.tmp_dir))
    progress(f"[soak] workspace {root}")
    failed = True
    try:
        with _database(config, root) as db_url:
            document = _soak(config, root, db_url, progress)
        failed = not document["ok"]
        document["soak"]["workspace"] = str(root) if (failed or config.keep) else None
        return document
    finally:
        if not (failed or config.keep):
            shutil.rmtree(root, ignore_errors=True)
        else:
            progress(f"[soak] workspace kept: {root}")


@contextmanager
def _database(config: SoakConfig, root: Path) -> Iterator[str]:
    if not config.postgres:
        yield f"sqlite:///{root / 'central.db'}"
        return
    from benchmarks import postgres

    if not postgres.available():
        raise SystemExit("--postgres: no PostgreSQL binaries found (see tests/pg.py)")
    with postgres.database() as url:
        yield url


def _soak(config: SoakConfig, root: Path, db_url: str, progress: Callable[[str], None]) -> dict[str, Any]:
    from central import admin
    from counter_app.resources import demo_catalogue_path

    began = time.perf_counter()
    began_monotonic = time.monotonic()
    central = Central(db_url, root / "central-log")
    counters: list[CounterProcess] = []
    proxies: list[Link] = []
    restarts: list[dict[str, Any]] = []
    sampler: Sampler | None = None
    try:
        server = central.start()
        admin.add_office(server.engine, OFFICE, "青山镇便民服务中心")
        admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        progress(f"[soak] central on {server.url} ({'PostgreSQL' if config.postgres else 'SQLite'})")

        spawn = multiprocessing.get_context("spawn")
        for index in range(config.counters):
            name = f"counter{index + 1}"
            proxy = _link(config, server.url, config.seed + index)
            proxies.append(proxy)
            counter_config = CounterConfig(
                name=name,
                root=str(root / name),
                url=proxy.url,
                code=admin.new_enroll_code(server.engine, OFFICE),
                seed=config.seed * 100 + index,
                applications=config.applications,
                scan_share=config.scan_share,
                pause_s=config.pause_s,
                backoff_s=config.backoff_s,
            )
            parent, child = spawn.Pipe()
            process = spawn.Process(target=counter_main, args=(child, counter_config), name=f"soak-{name}")
            process.start()
            child.close()
            counters.append(CounterProcess(name, process, parent))
        for counter in counters:
            message = _receive(counter, READY_TIMEOUT_S, "ready")
            if message is None:
                log = log_path(root / counter.name, counter.name)
                text = log.read_text("utf-8", errors="replace") if log.exists() else ""
                raise RuntimeError(f"{counter.name} did not enroll:\n{text}")
            counter.pid, counter.device_id = message["pid"], message["device_id"]
        progress(f"[soak] {len(counters)} counters enrolled; faults on ({config.faults:.0%} of connections)")

        for proxy in proxies:
            proxy.set_faults(config.faults)  # enrolled on a clean link; cuts from now on
        t0 = time.monotonic()
        sampler = Sampler(config.sample_period(), counters, central, t0)
        sampler.sample()
        sampler.start()
        restart_at = t0 + config.seconds * config.restart_at
        deadline = t0 + config.seconds
        next_note = t0 + 60

        while True:
            now = time.monotonic()
            if now >= deadline and central.server is not None:
                break
            if central.server is not None and not restarts and now >= restart_at:
                restarts.append(_stop(central, counters, t0, kill=config.kill))
                progress(
                    f"[soak] central stopped ({restarts[-1]['how']}) at {restarts[-1]['stopped_at_s']:.0f} s"
                )
            if central.server is None:
                down_for = now - t0 - restarts[-1]["stopped_at_s"]
                everyone_offline = all(c.offline_since_stop > 0 for c in counters if c.alive)
                if (down_for >= config.min_downtime() and everyone_offline) or down_for > DOWNTIME_LIMIT_S:
                    central.start()
                    started = time.monotonic() - t0
                    restarts[-1].update(
                        started_at_s=round(started, 1),
                        downtime_s=round(started - restarts[-1]["stopped_at_s"], 1),
                        offline_syncs={c.name: c.offline_since_stop for c in counters},
                    )
                    progress(f"[soak] central started again after {restarts[-1]['downtime_s']} s down")
            if now >= next_note:
                next_note += 60
                progress(_progress_line(now - t0, counters, sampler))
            _drain_ticks(counters, timeout=0.2)

        for proxy in proxies:
            proxy.set_faults(0.0)
        run_s = time.monotonic() - t0
        end_began = time.monotonic()
        progress(f"[soak] {run_s:.0f} s of work; faults off, every counter syncs to the end")
        # Everyone pushes everything first; only then can each one's verify compare final states.
        for counter in _command(counters, "drain"):
            counter.drained = _receive(counter, END_TIMEOUT_S, "drained")
        for counter in _command(counters, "final"):
            counter.final = _receive(counter, END_TIMEOUT_S, "final")
        sampler.stop()
        phases = {"setup_s": round(t0 - began_monotonic, 1), "end_s": round(time.monotonic() - end_began, 1)}
        for counter in counters:
            counter.process.join(timeout=60)
            counter.exit_code = counter.process.exitcode
        cuts = {"up": sum(p.cuts["up"] for p in proxies), "down": sum(p.cuts["down"] for p in proxies)}
        connections = sum(p.connections for p in proxies)
    finally:
        if sampler is not None:
            sampler.stop()
        for counter in counters:
            if counter.process.is_alive():
                counter.process.kill()
                counter.process.join(timeout=10)
        for proxy in proxies:
            proxy.close()
        central.stop()

    return _report(
        config,
        root,
        db_url,
        counters,
        sampler,
        restarts,
        run_s=run_s,
        elapsed_s=time.perf_counter() - began,
        cuts=cuts,
        connections=connections,
        phases=phases,
    )


class Link(Protocol):
    """A counter's way to central: :class:`tests.faultproxy.FaultProxy` (cuts a share of the TCP
    connections) or :class:`benchmarks.shaping_proxy.ShapingProxy` (a weak office line: bandwidth, delay,
    and a share of the request-reply exchanges cut)."""

    url: str
    connections: int
    cuts: dict[str, int]

    def set_faults(self, share: float) -> None: ...

    def close(self) -> None: ...


class _ShapedLink:
    def __init__(self, target: str, config: SoakConfig, seed: int) -> None:
        from benchmarks.shaping_proxy import ShapingProxy

        self.proxy = ShapingProxy(
            target, rate_bps=config.rate_bps, delay_s=config.delay_s, cut_fraction=0.0, seed=seed
        )
        self.url = self.proxy.url

    @property
    def connections(self) -> int:
        return self.proxy.connections

    @property
    def cuts(self) -> dict[str, int]:
        return self.proxy.cuts

    def set_faults(self, share: float) -> None:
        self.proxy.cut_fraction = share

    def close(self) -> None:
        self.proxy.close()


def _link(config: SoakConfig, target: str, seed: int) -> Link:
    if config.link == "shaping":
        return _ShapedLink(target, config, seed)
    from tests.faultproxy import DOWN, UP, FaultProxy

    return FaultProxy(
        target,
        seed=seed,
        faults=0.0,
        max_cut_bytes={UP: 48 * 1024, DOWN: 4 * 1024},  # replies are small: cut within a few KB
        max_delay_s=0.001,
        split=0.2,
    )


def _stop(central: Central, counters: list[CounterProcess], t0: float, *, kill: bool) -> dict[str, Any]:
    """Stop central; from now on the counters' offline runs are counted (those begun after this)."""
    central.stop(kill=kill)
    stopped_wall = time.time()
    for counter in counters:
        counter.offline_since_stop = 0
        counter.stopped_wall = stopped_wall
    return {"stopped_at_s": round(time.monotonic() - t0, 1), "how": "SIGKILL" if kill else "SIGTERM"}


def _command(counters: list[CounterProcess], command: str) -> list[CounterProcess]:
    """Send ``command`` to every live counter; the counters it went to."""
    sent = []
    for counter in counters:
        if counter.alive:
            try:
                counter.conn.send((command,))
            except OSError:
                counter.alive = False
                continue
            sent.append(counter)
    return sent


def _receive(counter: CounterProcess, timeout: float, kind: str) -> Any:
    """The next ``kind`` message from a counter (its ticks are counted on the way); None if the
    process ended or did not answer in time (then it is marked dead)."""
    end = time.monotonic() + timeout
    while counter.alive:
        left = end - time.monotonic()
        if left <= 0 or not counter.conn.poll(left):
            break
        try:
            message_kind, payload = counter.conn.recv()
        except (EOFError, OSError):
            break
        if message_kind == kind:
            return payload
        _count_tick(counter, payload)
    counter.alive = False
    return None


def _drain_ticks(counters: list[CounterProcess], timeout: float) -> None:
    by_conn = {c.conn: c for c in counters if c.alive}
    for conn in wait(list(by_conn), timeout=timeout):
        counter = by_conn[conn]  # type: ignore[index]
        try:
            _kind, payload = counter.conn.recv()
        except (EOFError, OSError):
            counter.alive = False
            continue
        _count_tick(counter, payload)


def _count_tick(counter: CounterProcess, tick: dict[str, Any]) -> None:
    counter.outcomes[tick["outcome"]] += 1
    if tick.get("heap"):
        counter.heap.append((time.monotonic(), *tick["heap"]))
    if tick["outcome"] == "offline" and tick["taken_in"] > 0 and tick["sync_began"] > counter.stopped_wall:
        counter.offline_since_stop += 1


def _progress_line(t: float, counters: list[CounterProcess], sampler: Sampler) -> str:
    outcomes = Tally[str]()
    for counter in counters:
        outcomes.update(counter.outcomes)
    server = f"{sampler.server[-1][1]:.0f} MB" if sampler.server else "-"
    clients = ", ".join(f"{v[-1][1]:.0f}" for v in sampler.clients.values() if v)
    return f"[soak] {t / 60:.1f} min: syncs {dict(outcomes)}; RSS server {server}, counters {clients} MB"


# --- the report ------------------------------------------------------------------------------------
def _report(
    config: SoakConfig,
    root: Path,
    db_url: str,
    counters: list[CounterProcess],
    sampler: Sampler | None,
    restarts: list[dict[str, Any]],
    *,
    run_s: float,
    elapsed_s: float,
    cuts: dict[str, int],
    connections: int,
    phases: dict[str, float],
) -> dict[str, Any]:
    from central.db import make_engine

    finals = {c.name: {**c.final, "device_id": c.device_id} for c in counters if c.final is not None}
    # What the counters held at the end, for a look afterwards when the workspace is kept.
    (root / FINALS).write_text(json.dumps(finals), "utf-8")
    engine = make_engine(db_url)
    try:
        ledger = check_ledger(engine, OFFICE, finals)
    finally:
        engine.dispose()
    for counter in counters:
        if counter.final is None:
            ledger.lost.append(
                f"{counter.name} ended before its final report (exit code {counter.exit_code})"
            )
        elif counter.drained is not None and not counter.drained["ok"]:
            ledger.diverged.append(
                f"{counter.name}: no sync ended ok at the end: {counter.drained['outcomes']}"
            )

    logs = {"central": root / "central-log" / "central.log"}
    logs.update({c.name: log_path(root / c.name, c.name) for c in counters})
    found = scan_logs(logs)
    for counter in counters:
        if counter.exit_code not in (0, None) or (counter.final is None):
            found["unhandled"].append(
                {
                    "source": counter.name,
                    "level": "EXIT",
                    "count": 1,
                    "message": f"exit code {counter.exit_code}",
                    "text": [],
                }
            )
            found["unhandled_count"] += 1

    half = run_s / 2
    restarted = max((r.get("started_at_s", 0.0) for r in restarts), default=0.0)

    def summary(points: list[tuple[float, float, float]], after: float) -> dict[str, Any]:
        result = memory_summary(
            [(t, rss) for t, rss, _ in points], after=after, flat_mb_per_h=config.flat_mb_per_h
        )
        anon = memory_summary([(t, a) for t, _, a in points], after=after, flat_mb_per_h=config.flat_mb_per_h)
        result["anon"] = {key: anon.get(key) for key in ("start_mb", "end_mb", "peak_mb", "slope_mb_per_h")}
        return result

    memory = {
        "server": summary(sampler.server if sampler else [], max(half, restarted)),
        "counters": {
            name: summary(points, half) for name, points in (sampler.clients.items() if sampler else [])
        },
    }
    for counter in counters:
        if sampler is None or counter.name not in memory["counters"] or not counter.heap:
            continue
        # The C heap after each round, as the counter measured it: whether its growth is in use or free.
        memory["counters"][counter.name]["malloc"] = {
            part: {
                key: value
                for key, value in memory_summary(
                    [(t - sampler.t0, sample[index]) for t, *sample in counter.heap],
                    after=half,
                    flat_mb_per_h=config.flat_mb_per_h,
                ).items()
                if key in ("start_mb", "end_mb", "peak_mb", "slope_mb_per_h")
            }
            for index, part in enumerate(("in_use", "free"))
        }
    work = {name: final["work"] for name, final in finals.items()}
    outcomes = Tally[str]()
    for counter in counters:
        outcomes.update(counter.outcomes)
    applications = sum(w["applications"] for w in work.values())
    scans = sum(w["scans"] for w in work.values())
    unhandled = found["unhandled_count"]
    ok = not (ledger.lost or ledger.duplicated or ledger.refused or ledger.diverged or unhandled)
    not_flat = [
        name
        for name, summary in [("server", memory["server"]), *memory["counters"].items()]
        if summary.get("flat") is False
    ]

    client_slopes = {
        n: s["slope_mb_per_h"] for n, s in memory["counters"].items() if s["slope_mb_per_h"] is not None
    }
    worst_client = max(client_slopes, key=lambda n: client_slopes[n]) if client_slopes else None
    results = [
        Result.measured("soak_ops_lost", len(ledger.lost), "ops", target=0, baseline=None, ratio=None),
        Result.measured(
            "soak_ops_duplicated", len(ledger.duplicated), "ops", target=0, baseline=None, ratio=None
        ),
        Result.measured("soak_ops_refused", len(ledger.refused), "ops", target=0, baseline=None, ratio=None),
        Result.measured(
            "soak_counters_diverged", len(ledger.diverged), "problems", target=0, baseline=None, ratio=None
        ),
        Result.measured(
            "soak_unhandled_errors", unhandled, "log entries", target=0, baseline=None, ratio=None
        ),
    ]
    server_memory = memory["server"]
    if server_memory["slope_mb_per_h"] is not None:
        results.append(
            Result.measured(
                "soak_server_rss_slope_mb_per_h",
                server_memory["slope_mb_per_h"],
                "MB/h",
                target=config.flat_mb_per_h,
                baseline=None,
                ratio=None,
                start_mb=server_memory["start_mb"],
                end_mb=server_memory["end_mb"],
                peak_mb=server_memory["peak_mb"],
                anon_slope_mb_per_h=server_memory["anon"]["slope_mb_per_h"],
            )
        )
    if worst_client is not None:
        summary = memory["counters"][worst_client]
        results.append(
            Result.measured(
                "soak_counter_rss_slope_mb_per_h",
                summary["slope_mb_per_h"],
                "MB/h",
                target=config.flat_mb_per_h,
                baseline=None,
                ratio=None,
                counter=worst_client,
                start_mb=summary["start_mb"],
                end_mb=summary["end_mb"],
                peak_mb=summary["peak_mb"],
                anon_slope_mb_per_h=summary["anon"]["slope_mb_per_h"],
                note="the steepest counter; every counter's in soak.memory",
            )
        )
    results += [
        Result.measured(
            "soak_applications",
            applications,
            "applications",
            target=None,
            baseline=None,
            ratio=None,
            scans=scans,
        ),
        Result.measured(
            "soak_ops",
            ledger.ops_made,
            "ops",
            target=None,
            baseline=None,
            ratio=None,
            applied=ledger.ops_applied,
        ),
        Result.measured(
            "soak_syncs",
            sum(outcomes.values()),
            "runs",
            target=None,
            baseline=None,
            ratio=None,
            outcomes=dict(outcomes),
        ),
        Result.measured(
            "soak_link_cuts",
            cuts["up"] + cuts["down"],
            "cuts",
            target=None,
            baseline=None,
            ratio=None,
            connections=connections,
            **cuts,
        ),
        Result.measured(
            "soak_server_restarts", len(restarts), "restarts", target=None, baseline=None, ratio=None
        ),
    ]
    machine = machine_info(Options(level="full", tmp_dir=config.tmp_dir))
    machine.update(elapsed_s=round(elapsed_s, 1), level="soak")
    settings = asdict(config)
    settings["tmp_dir"] = str(config.tmp_dir) if config.tmp_dir else None
    return {
        "ok": ok,
        "results": [r.to_dict() for r in results],
        "machine": machine,
        "soak": {
            "settings": settings,
            "database": "postgresql" if config.postgres else "sqlite",
            "run_s": round(run_s, 1),
            **phases,
            "restarts": restarts,
            "ledger": ledger.as_dict(),
            "logs": found,
            "memory": memory,
            "memory_not_flat": not_flat,
            "counters": {
                c.name: {
                    "work": work.get(c.name),
                    "final_outcome": (c.final or {}).get("outcome"),
                    "verified": (c.final or {}).get("verified"),
                    "audit_ok": (c.final or {}).get("audit_ok"),
                    "drain": (c.drained or {}).get("outcomes"),
                    "exit_code": c.exit_code,
                }
                for c in counters
            },
        },
    }


def render(document: dict[str, Any]) -> str:
    soak = document["soak"]
    ledger = soak["ledger"]
    lines = [
        f"soak: {soak['run_s']:.0f} s with {len(soak['counters'])} counters on {soak['database']}, "
        f"link {soak['settings']['link']} ({soak['settings']['faults']:.0%} cut): "
        + ("OK" if document["ok"] else "PROBLEMS FOUND"),
    ]
    for result in document["results"]:
        extra = ""
        if "start_mb" in result:
            extra = (
                f" (RSS {result['start_mb']} → {result['end_mb']} MB, peak {result['peak_mb']}; "
                f"anonymous part's slope {result['anon_slope_mb_per_h']} MB/h)"
            )
        verdict = "" if result["meets"] is None else ("  ok" if result["meets"] else "  NOT MET")
        lines.append(f"  {result['name']:<34} {result['value']:>10} {result['unit']}{extra}{verdict}")
    for restart in soak["restarts"]:
        lines.append(f"  central restarted: {restart}")
    for name, summary in soak["memory"]["counters"].items():
        lines.append(
            f"  {name}: RSS {summary.get('start_mb')} → {summary.get('end_mb')} MB, "
            f"slope {summary.get('slope_mb_per_h')} MB/h (anonymous {summary['anon']['slope_mb_per_h']}); "
            f"work {soak['counters'][name]['work']}"
        )
    for kind in ("lost", "duplicated", "refused", "diverged"):
        for item in ledger[kind]["first"]:
            lines.append(f"  {kind.upper()}: {item}")
    for item in soak["logs"]["unhandled"]:
        lines.append(f"  UNHANDLED ×{item['count']} in {item['source']} ({item['level']}): {item['message']}")
        lines.extend(f"      {line}" for line in item["text"])
    for item in soak["logs"]["warnings"]:
        lines.append(f"  warning ×{item['count']} in {item['source']} ({item['level']}): {item['message']}")
    if soak["memory_not_flat"]:
        lines.append(f"  memory not flat: {', '.join(soak['memory_not_flat'])}")
    if soak.get("workspace"):
        lines.append(f"  workspace kept: {soak['workspace']}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak", description=__doc__.split("\n\n")[0])
    length = parser.add_mutually_exclusive_group(required=True)
    length.add_argument("--minutes", type=float, help="how long the counters work")
    length.add_argument("--seconds", type=float, help="the same in seconds (the smoke test's few)")
    parser.add_argument("--counters", type=int, default=3, help="counter processes (default 3)")
    parser.add_argument(
        "--faults",
        type=float,
        default=0.2,
        help="share of connections (shaping: exchanges) cut (default 0.2)",
    )
    parser.add_argument(
        "--link",
        choices=("faults", "shaping"),
        default="faults",
        help="faults: tests/faultproxy.py (default); shaping: benchmarks/shaping_proxy.py (bandwidth, delay)",
    )
    parser.add_argument("--rate-bps", type=float, default=2_000_000, help="shaping link: bits/s each way")
    parser.add_argument("--delay", type=float, default=0.02, help="shaping link: one-way delay in seconds")
    parser.add_argument(
        "--applications", type=int, default=3, help="taken in per counter per round (default 3)"
    )
    parser.add_argument(
        "--pause", type=float, default=0.5, help="seconds between a counter's rounds (default 0.5)"
    )
    parser.add_argument(
        "--downtime",
        type=float,
        help="at least this long down at the restart (default: 5%% of the run, 1-30 s)",
    )
    parser.add_argument(
        "--sample", type=float, help="memory sampling period in seconds (default: ~300 samples)"
    )
    parser.add_argument(
        "--flat-mb-per-hour", type=float, default=10.0, help="a steeper RSS slope is flagged (default 10)"
    )
    parser.add_argument(
        "--backoff", type=float, help="the counters' first retry backoff in seconds (default: the app's)"
    )
    parser.add_argument(
        "--kill", action="store_true", help="stop central with SIGKILL (a crash) rather than SIGTERM"
    )
    parser.add_argument("--postgres", action="store_true", help="central on a throwaway PostgreSQL cluster")
    parser.add_argument("--seed", type=int, default=SoakConfig.seed)
    parser.add_argument(
        "--tmp-dir", type=Path, help="where the workspace goes (default: the system temp dir)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the workspace (kept anyway when a problem is found)"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON report instead of a summary")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config = SoakConfig(
        seconds=args.seconds if args.seconds is not None else args.minutes * 60,
        counters=args.counters,
        faults=args.faults,
        link=args.link,
        rate_bps=args.rate_bps,
        delay_s=args.delay,
        applications=args.applications,
        pause_s=args.pause,
        downtime_s=args.downtime,
        sample_s=args.sample,
        flat_mb_per_h=args.flat_mb_per_hour,
        postgres=args.postgres,
        kill=args.kill,
        backoff_s=args.backoff,
        seed=args.seed,
        tmp_dir=args.tmp_dir,
        keep=args.keep,
    )

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    document = run_soak(config, progress)
    print(json.dumps(document, ensure_ascii=False, indent=2) if args.json else render(document))
    return 0 if document["ok"] else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    raise SystemExit(main())
