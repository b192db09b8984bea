"""SIGKILL of ``counter-app sync`` in the middle of a sync, again and again.

The client is the real command line in a subprocess (with the fallback key file, as on a machine
without a keyring); it reaches central through ``tests/faultproxy.py``, whose delays keep each sync
in flight long enough to kill it at a chosen moment: while the push goes up, just as central has
committed it (its answer never arrives), while the answer comes down or is being recorded, or during
the pull. Between kills more applications are taken in. A last, clean sync must then bring
everything across exactly once and leave nothing pending, and the sync lock must be free.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from central import admin, db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.paths import DataPaths
from sync.lock import SyncLock
from tests.central_server import CentralServer
from tests.faultproxy import DOWN, UP, FaultProxy
from tests.support import ROOT, cli_env, run_cli
from tests.sync.conftest import OFFICE
from tests.sync.test_faults import (
    assert_applications_once,
    assert_counter_matches_central,
    assert_versions_account_for_ops,
    local_applications,
)

# When each round's sync is killed (see kill_point).
MOMENTS = ("uploading", "committed", "answering", "pulling", "committed", "pulling")
PER_ROUND = 8


def applied_op_count(server: CentralServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(db.applied_ops)).scalar_one())


def kill_point(
    moment: str, server: CentralServer, proxy: FaultProxy, rng: random.Random
) -> Callable[[], bool]:
    """A condition on the proxy's traffic and central's database that becomes true at ``moment``:

    - ``uploading``: a few KB have gone up (the hello, part or all of the push);
    - ``committed``: central has committed the push (seen as soon as its answer reaches the proxy,
      which delays every write, so the client has usually not seen the answer yet);
    - ``answering``: up to 6 KB of what comes down after the commit (the answer, the pull);
    - ``pulling``: the client has recorded the answer and sent its next request (the pull).
    """
    applied_before = applied_op_count(server)
    up_start = proxy.forwarded[UP]
    extra = {"uploading": rng.randint(300, 2500), "answering": rng.randint(1, 6000)}.get(moment, 0)
    at_commit: dict[str, int] = {}

    def now() -> bool:
        if moment == "uploading":
            return proxy.forwarded[UP] >= up_start + extra
        if not at_commit and applied_op_count(server) > applied_before:
            at_commit.update(proxy.forwarded)
        if not at_commit:
            return False
        if moment == "committed":
            return True
        if moment == "answering":
            return proxy.forwarded[DOWN] >= at_commit[DOWN] + extra
        return proxy.forwarded[UP] > at_commit[UP]

    return now


def kill_mid_sync(
    data_dir: Path, config_dir: Path, proxy: FaultProxy, kill_now: Callable[[], bool]
) -> int | None:
    """Start ``counter-app sync`` and SIGKILL it as soon as ``kill_now()`` holds (checked whenever the
    proxy receives or forwards something). The exit status if the sync ended first; None if killed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "sync"],
        env=cli_env(data_dir, config_dir),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    exited = threading.Event()

    def watch() -> None:
        process.wait()
        exited.set()
        proxy.poke()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        assert proxy.wait_for(lambda: exited.is_set() or kill_now(), 60), (
            "the sync neither progressed nor ended"
        )
    finally:
        if not exited.is_set():
            process.send_signal(signal.SIGKILL)
        watcher.join(timeout=30)
    return None if process.returncode == -signal.SIGKILL else process.returncode


def lost_answers(server: CentralServer, data_dir: Path, config_dir: Path) -> int:
    """Ops central has applied that the killed client still holds as pending (their answer was lost)."""
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        pending = {
            row["op_id"] for row in counter.ctx.store.all("SELECT op_id FROM outbox WHERE state = 'pending'")
        }
    with server.engine.connect() as conn:
        applied = set(conn.execute(select(db.applied_ops.c.op_id)).scalars())
    return len(pending & applied)


@pytest.fixture
def slow_proxy(central: CentralServer) -> Iterator[FaultProxy]:
    # No cuts: every write is split and delayed, so a sync is in flight long enough to be killed.
    with FaultProxy(central.url, seed=4242, faults=0.0, max_delay_s=0.01, split=0.5) as proxy:
        yield proxy


def test_sigkill_mid_sync_repeatedly_then_a_clean_sync(
    tmp_path: Path, central: CentralServer, slow_proxy: FaultProxy
) -> None:
    proxy = slow_proxy
    data_dir, config_dir = tmp_path / "kill-data", tmp_path / "kill-config"
    code = admin.new_enroll_code(central.engine, OFFICE)
    enrolled = run_cli(data_dir, config_dir, "enroll", "--server", proxy.url, "--code", code, "--name", "k1")
    assert enrolled.returncode == 0, enrolled.stderr

    rng = random.Random(7)
    survived: list[tuple[str, int]] = []
    lost = 0
    for round_no, moment in enumerate(MOMENTS):
        seeded = run_cli(
            data_dir, config_dir, "seed", "--applications", str(PER_ROUND), "--seed", str(100 + round_no)
        )
        assert seeded.returncode == 0, seeded.stderr
        status = kill_mid_sync(data_dir, config_dir, proxy, kill_point(moment, central, proxy, rng))
        if status is not None:
            survived.append((moment, status))
        lost = max(lost, lost_answers(central, data_dir, config_dir))
    assert len(survived) <= 1, f"syncs that ended before the kill: {survived}"
    assert lost > 0, "no kill fell between central applying a push and the client recording its answer"

    with SyncLock(DataPaths.resolve(data_dir).lock_file):
        pass  # the kernel released the lock of every killed sync
    final = run_cli(data_dir, config_dir, "sync")
    assert final.returncode == 0, final.stdout + final.stderr
    status = run_cli(data_dir, config_dir, "status", "--json")
    assert status.returncode == 0 and json.loads(status.stdout)["pending_ops"] == 0, status.stdout
    again = run_cli(data_dir, config_dir, "sync", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert json.loads(again.stdout)["pushed"] == 0
    audit = run_cli(data_dir, config_dir, "audit", "verify")
    assert audit.returncode == 0, audit.stdout + audit.stderr

    with Counter.open(data_dir, config_dir=config_dir) as counter:
        taken_in = local_applications(counter)
        assert len(taken_in) == len(MOMENTS) * PER_ROUND
        assert_applications_once(central, taken_in)
        assert_counter_matches_central(central, counter)
        assert_versions_account_for_ops(central, [counter])
        assert counter.admin.verify_audit(Actor.command_line("kill")).ok
