"""An acknowledged save survives ``kill -9`` (DESIGN §2).

A writer subprocess (``tests/e2e/writer.py``) takes in applicants and applications through the use
cases and prints each save only after its transaction committed. The test reads those
acknowledgements, SIGKILLs the writer in the middle of the burst, reopens the profile in this
process and checks that nothing acknowledged was lost and that the store is consistent.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.secrets import FILE
from tests.support import ROOT, MemoryKeyring, cli_env

STARTUP_DEADLINE_S = 60.0


@dataclass(frozen=True)
class Ack:
    receipt_no: str
    applicant_id: str
    application_id: str


def _parse(line: str) -> Ack | None:
    if not line.endswith("\n"):
        return None  # a line cut short by the kill was never fully acknowledged
    parts = line.split()
    if len(parts) != 4 or parts[0] != "ACK":
        return None
    return Ack(parts[1], parts[2], parts[3])


def _pump(stream, lines: queue.Queue[str | None]) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)
    lines.put(None)


def _lines_until(lines: queue.Queue[str | None], deadline: float) -> Iterator[str]:
    """Lines from the writer as they arrive; stops at EOF, fails the test at the deadline."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail("the writer did not produce enough acknowledgements in time")
        try:
            line = lines.get(timeout=remaining)
        except queue.Empty:
            continue
        if line is None:
            return
        yield line


def _run_and_kill(data_dir: Path, config_dir: Path, kill_after: int, seed: int) -> tuple[list[Ack], int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.writer", str(data_dir), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(data_dir, config_dir),
        cwd=ROOT,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
    reader.start()
    acks: list[Ack] = []
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE_S
        for line in _lines_until(lines, deadline):
            ack = _parse(line)
            if ack is not None:
                acks.append(ack)
            if len(acks) >= kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                break
        else:
            pytest.fail(f"the writer ended early: {proc.wait(timeout=10)} {proc.stderr.read()}")
        returncode = proc.wait(timeout=30)
        # Acknowledgements already in the pipe when the kill landed count as well.
        reader.join(timeout=30)
        while True:
            line = lines.get_nowait()
            if line is None:
                break
            ack = _parse(line)
            if ack is not None:
                acks.append(ack)
            assert line.strip() != "DONE", "the burst finished before the kill: nothing was interrupted"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    return acks, returncode


@pytest.mark.parametrize(("kill_after", "seed"), [(1, 11), (40, 12), (150, 13)])
def test_acknowledged_saves_survive_sigkill(
    data_dir: Path, config_dir: Path, isolated: MemoryKeyring, kill_after: int, seed: int
) -> None:
    acks, returncode = _run_and_kill(data_dir, config_dir, kill_after, seed)
    assert returncode == -signal.SIGKILL
    assert len(acks) >= kill_after
    assert len({a.receipt_no for a in acks}) == len(acks)

    # The profile was made by the writer without a keyring: its key is in the fallback file, which
    # this process must find through config_dir (the in-process memory keyring plays no part).
    counter = Counter.open(data_dir, config_dir=config_dir)
    try:
        ctx = counter.ctx
        assert ctx.secrets.backend == FILE
        assert ctx.secrets.fallback_file.is_relative_to(config_dir)
        assert isolated.values == {}

        assert ctx.store.integrity_check() == "ok"
        for ack in acks:
            app = ctx.applications.get_by_receipt(ack.receipt_no)
            assert app is not None, f"acknowledged application {ack.receipt_no} was lost"
            assert app.id == ack.application_id
            assert app.applicant_id == ack.applicant_id
            assert ctx.applicants.get(ack.applicant_id) is not None

        applications = ctx.applications.count()
        applicants = ctx.applicants.count()
        # At most the one save in flight when the kill landed may exist without its acknowledgement.
        assert len(acks) <= applications <= len(acks) + 1
        assert applications <= applicants <= applications + 1

        store = ctx.store

        def ops(entity: str) -> int:
            return int(
                store.scalar(
                    "SELECT count(DISTINCT entity_id) FROM outbox WHERE entity = ? AND op = 'create'",
                    (entity,),
                )
            )

        def events(action: str) -> int:
            return int(store.scalar("SELECT count(*) FROM audit_events WHERE action = ?", (action,)))

        assert ops("application") == applications
        assert ops("applicant") == applicants
        assert int(store.scalar("SELECT count(*) FROM outbox WHERE entity = 'application'")) == applications
        assert (
            store.scalar(
                "SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM outbox o"
                " WHERE o.entity = 'application' AND o.op = 'create' AND o.entity_id = a.id)"
            )
            == 0
        )
        assert events("application.draft") == applications
        assert events("applicant.register") == applicants

        result = counter.admin.verify_audit(Actor.command_line("tester"))
        assert result.ok, result.problems
        assert result.events >= 2 * len(acks)
    finally:
        counter.close()
