"""One counter of the soak (:mod:`benchmarks.soak`), in its own process: a scratch office profile,
enrolled through its fault proxy, that takes in applications at the desk and syncs, again and again.

The process is driven over a ``multiprocessing`` pipe. It says ``("ready", {...})`` once enrolled,
then works: each round takes in a few applications through the use cases (the :class:`Seeder`, and
now and then one with a scanned material, so attachments are uploaded too), runs one sync as the
app's timer would (``SyncEngine.run``, the app's own transport unless a backoff is given) and reports
``("tick", {...})``. Between rounds it waits ``pause_s`` for a command:

- ``("drain",)``: stop taking in; sync until a run ends ``ok`` (the network is clean by then) →
  ``("drained", {...})``;
- ``("final",)``: one more sync (every counter has pushed everything: verify must pass now), the
  audit chain checked, and the profile's ledger → ``("final", {...})``; then the process ends.

Whatever this process logs at WARNING or above goes to ``<root>/<name>.log``; an exception escaping
a use case or a sync run is logged there with its traceback and counted, and the work goes on.
"""

from __future__ import annotations

import json
import logging
import os
import random
import threading
import time
from collections import Counter as Tally
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.soak_checks import malloc_mb

if TYPE_CHECKING:
    from counter_app.core import Counter
    from counter_app.services.seed import Seeder

log = logging.getLogger("benchmarks.soak_counter")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DRAIN_ATTEMPTS = 30


@dataclass
class CounterConfig:
    name: str
    root: str  # this counter's scratch directory (profile, config, log)
    url: str  # its fault proxy in front of central
    code: str  # a one-time enroll code
    seed: int
    applications: int = 3  # taken in per round through the Seeder
    scan_share: float = 0.3  # the chance that a round also takes in an application with a scan
    pause_s: float = 0.5
    backoff_s: float | None = None  # None: the app's own transport; else its first retry backoff


@dataclass
class Work:
    rounds: int = 0
    applications: int = 0
    scans: int = 0
    pushed: int = 0
    pulled: int = 0
    uploaded: int = 0
    conflicts: int = 0
    rejected: int = 0
    errors: int = 0  # exceptions that escaped a use case or a sync run (logged with the traceback)
    outcomes: Tally[str] = field(default_factory=Tally)
    sync_seconds_max: float = 0.0


def log_path(root: Path, name: str) -> Path:
    return root / f"{name}.log"


def counter_main(conn: Connection, config: CounterConfig) -> None:
    """The process's entry point (``multiprocessing`` spawn target)."""
    # Before anything imports keyring: a scratch profile never reaches a real keyring.
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    from counter_app.allocator import limit_arenas

    limit_arenas()  # as the app's entry point does (ui.cli.main)
    root = Path(config.root)
    root.mkdir(parents=True, exist_ok=True)
    _capture_logging(log_path(root, config.name))
    try:
        _serve(conn, config, root)
    except BaseException:
        log.exception("counter %s stopped on an exception", config.name)
        raise
    finally:
        logging.shutdown()
        conn.close()


def _capture_logging(path: Path) -> None:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root_logger = logging.getLogger()
    root_logger.addHandler(handler)
    root_logger.setLevel(logging.WARNING)
    logging.captureWarnings(True)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.error(
            "unhandled exception in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )

    threading.excepthook = thread_hook


def _serve(conn: Connection, config: CounterConfig, root: Path) -> None:
    from benchmarks.runner import scratch_counter
    from counter_app.accounts import Actor
    from counter_app.services.seed import Seeder
    from sync.engine import enroll

    with scratch_counter(root, config.name) as counter:
        enroll(counter, config.url, config.code, config.name)
        enrollment = counter.enrollment.current()
        assert enrollment is not None
        desk = Desk(counter, Seeder(counter, Actor.command_line("soak"), config.seed), config)
        conn.send(("ready", {"pid": os.getpid(), "device_id": enrollment.device_id}))
        working = True
        while True:
            # While working: a round every pause_s unless a command comes; after the drain: commands only.
            if conn.poll(config.pause_s if working else None):
                command = conn.recv()[0]
                if command == "drain":
                    working = False
                    conn.send(("drained", desk.drain()))
                    continue
                if command == "final":
                    conn.send(("final", desk.final()))
                    return
                raise ValueError(f"unknown command {command!r}")
            if working:
                conn.send(("tick", desk.round()))


class Desk:
    """The work of one counter: take in, sync, count."""

    def __init__(self, counter: Counter, seeder: Seeder, config: CounterConfig) -> None:
        self.counter = counter
        self.seeder = seeder
        self.config = config
        self.rng = random.Random(config.seed)
        self.work = Work()
        self.last_verified: bool | None = None

    # --- one round ---------------------------------------------------------------------------------
    def round(self) -> dict[str, Any]:
        self.work.rounds += 1
        taken = self._take_in()
        sync_began = time.time()
        outcome = self._sync()
        return {
            "round": self.work.rounds,
            "taken_in": taken,
            "outcome": outcome,
            "sync_began": sync_began,
            "sync_s": time.time() - sync_began,
            "heap": malloc_mb(),  # (in use, free) MB: where a growth of resident memory lies
        }

    def _take_in(self) -> int:
        taken = 0
        try:
            taken += self.seeder.run(self.config.applications).applications
            if self.rng.random() < self.config.scan_share:
                self._take_in_with_scan()
                taken += 1
                self.work.scans += 1
        except Exception:
            self.work.errors += 1
            log.exception("taking in applications failed")
        self.work.applications += taken
        return taken

    def _take_in_with_scan(self) -> None:
        """A person's application with every material handed in and one of them scanned (a JPEG-sized
        blob of incompressible bytes, 20-200 KB), then accepted: the scan goes out with the decision."""
        from counter_app.services.applicants import PersonInput

        c, actor, rng = self.counter, self.seeder.actor, self.rng
        person = self.seeder.people.person()
        applicant = c.applicants.register_person(
            actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
        )
        items = [i for i in c.catalogue.active().active_items() if "natural_person" in i.service_objects]
        item = rng.choice(items)
        app = c.intake.draft(actor, applicant.id, item.code, self.seeder.form_values(item))
        scannable = [m for m in item.materials if "jpg" in m.accepted_types]
        if scannable:
            material = rng.choice(scannable)
            size = rng.randint(20_000, min(200_000, material.max_size_mb * 1024 * 1024))
            content = b"\xff\xd8\xff\xe0" + rng.randbytes(size)
            c.intake.attach(actor, app.id, material.code, f"scan-{self.work.scans}.jpg", content)
        c.intake.record_materials(actor, app.id, {m.code: (m.originals, m.copies) for m in item.materials})
        c.intake.accept(actor, app.id)

    def _sync(self) -> str:
        from sync.engine import SyncEngine
        from sync.transport import Transport

        transport = None
        if self.config.backoff_s is not None:
            enrollment = self.counter.enrollment.current()
            assert enrollment is not None
            transport = Transport(
                enrollment.server_url,
                self.counter.enrollment.token(),
                backoff_s=self.config.backoff_s,
                max_backoff_s=self.config.backoff_s * 8,
            )
        try:
            report = SyncEngine(self.counter, transport=transport).run("soak")
        except Exception:
            self.work.errors += 1
            self.work.outcomes["raised"] += 1
            log.exception("sync run raised")
            return "raised"
        finally:
            if transport is not None:
                transport.close()
        w = self.work
        w.outcomes[report.outcome] += 1
        w.pushed += report.pushed
        w.pulled += report.pulled
        w.uploaded += report.uploaded
        w.conflicts += report.conflicts
        w.rejected += report.rejected
        w.sync_seconds_max = max(w.sync_seconds_max, report.seconds)
        self.last_verified = report.verified
        return report.outcome

    # --- the end -----------------------------------------------------------------------------------
    def drain(self) -> dict[str, Any]:
        outcomes = []
        for _ in range(DRAIN_ATTEMPTS):
            outcomes.append(self._sync())
            if outcomes[-1] == "ok":
                break
        return {"outcomes": outcomes, "ok": outcomes[-1] == "ok"}

    def final(self) -> dict[str, Any]:
        from counter_app.accounts import Actor

        self.last_verified = None
        outcome = self._sync()
        audit = self.counter.admin.verify_audit(Actor.command_line("soak"))
        store = self.counter.ctx.store
        ops = []
        for row in store.all("SELECT op_id, entity, entity_id, op, state, result FROM outbox ORDER BY seq"):
            result = json.loads(row["result"]) if row["result"] else {}
            version = result.get("new_version")
            ops.append(
                [
                    row["op_id"],
                    row["entity"],
                    row["entity_id"],
                    row["op"],
                    row["state"],
                    result.get("status"),
                    None if version is None else int(version),
                ]
            )
        w = self.work
        return {
            "outcome": outcome,
            "verified": self.last_verified,
            "pending": self.counter.exchange.pending_count(),
            "conflicts_open": self.counter.conflicts.count(),
            "audit_ok": audit.ok,
            "audit_events": audit.events,
            "audit_problems": audit.problems[:10],
            "ops": ops,
            "records": {
                record_id: version for _entity, record_id, version in self.counter.exchange.synced_versions()
            },
            "applications_local": int(store.scalar("SELECT count(*) FROM applications")),
            "work": {
                "rounds": w.rounds,
                "applications": w.applications,
                "scans": w.scans,
                "pushed": w.pushed,
                "pulled": w.pulled,
                "uploaded": w.uploaded,
                "conflicts": w.conflicts,
                "rejected": w.rejected,
                "errors": w.errors,
                "outcomes": dict(w.outcomes),
                "sync_seconds_max": round(w.sync_seconds_max, 3),
            },
        }
