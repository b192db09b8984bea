"""Cancelling a sync run at a safe point, and the full sync (download again from cursor 0, verify)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from central import db as central_db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.seed import Seeder
from sync.engine import Progress, SyncEngine
from tests.central_server import CentralServer

DESK = Actor.command_line("desk")


def _applied_on_central(central: CentralServer, device_id: str) -> int:
    with central.engine.connect() as conn:
        statement = select(func.count()).select_from(central_db.applied_ops)
        return int(
            conn.execute(statement.where(central_db.applied_ops.c.device_id == device_id)).scalar_one()
        )


def _central_ids(central: CentralServer) -> list[str]:
    from central import admin

    return sorted(x["id"] for x in admin.export_office(central.engine, "QS")["applications"])


def _cancel_when(condition: Callable[[Progress], bool]) -> tuple[threading.Event, Callable[[Progress], None]]:
    """A cancel flag and a progress callback that sets it the first time ``condition`` holds
    (called on the run's own thread, so the run stops at its very next safe point)."""
    cancel = threading.Event()

    def progress(step: Progress) -> None:
        if condition(step):
            cancel.set()

    return cancel, progress


def test_cancel_after_the_first_batch_keeps_the_outbox_and_the_next_run_pushes_the_rest_once(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("c1")
    Seeder(counter, DESK, 5).run(6)
    total = counter.exchange.pending_count()
    assert total > 10
    device_id = counter.enrollment.current().device_id  # type: ignore[union-attr]
    cancel, progress = _cancel_when(lambda step: step.stage == "push" and step.done > 0)

    report = SyncEngine(counter, progress=progress, cancel=cancel, batch_size=5).run()

    assert report.outcome == "cancelled" and report.pushed == 5  # the first batch, fully recorded
    assert counter.exchange.pending_count() == total - 5
    assert _applied_on_central(central, device_id) == 5
    assert report.verified is None  # stopped before verify
    last = counter.sync_log.recent(DESK, 1)[0]
    assert last.outcome == "cancelled" and last.pushed == 5 and last.finished_at

    again = SyncEngine(counter, batch_size=5).run()
    assert again.outcome == "ok" and again.pushed == total - 5 and again.pending == 0
    assert again.verified is True
    assert _applied_on_central(central, device_id) == total  # every op exactly once
    assert len(_central_ids(central)) == 6


def test_cancel_before_a_pull_page_leaves_the_cursor_and_the_next_run_pulls_it(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    writer = make_counter("writer")
    Seeder(writer, DESK, 7).run(4)
    assert SyncEngine(writer).run().outcome == "ok"
    reader = make_counter("reader")
    cancel, progress = _cancel_when(lambda step: step.stage == "pull")

    report = SyncEngine(reader, progress=progress, cancel=cancel).run()

    assert report.outcome == "cancelled" and report.pulled == 0
    assert reader.exchange.cursor() == 0
    assert reader.sync_log.recent(DESK, 1)[0].outcome == "cancelled"
    again = SyncEngine(reader).run()
    assert again.outcome == "ok" and again.pulled > 0 and again.verified is True


def test_full_sync_downloads_again_keeps_pending_work_and_verifies(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("c1")
    Seeder(counter, DESK, 3).run(3)
    assert SyncEngine(counter).run().outcome == "ok"
    damaged = _central_ids(central)[0]
    # The replica drifted (a lost write, a restored old copy): an ordinary run does not look back.
    counter.ctx.store.execute("UPDATE applications SET version = version - 1 WHERE id = ?", (damaged,))
    ordinary = SyncEngine(counter).run()
    assert ordinary.outcome == "ok" and ordinary.pulled == 0 and ordinary.verified is False
    Seeder(counter, DESK, 4).run(1)  # work taken in since: pending when the full sync starts
    pending = counter.exchange.pending_count()
    assert pending > 0
    stages: list[str] = []

    full = SyncEngine(counter, progress=lambda step: stages.append(step.stage)).run("full", full=True)

    assert full.outcome == "ok" and full.pushed == pending and full.pending == 0  # the outbox went first
    assert full.pulled >= 1  # downloaded again from cursor 0: the drifted record is mended
    assert full.verified is True and "verify" in stages
    assert len(_central_ids(central)) == 4
    assert any(e["action"] == "sync.reset" for e in counter.ctx.audit_log.iter_events())
    runs = counter.sync_log.recent(DESK)
    assert [run.trigger for run in runs[:2]] == ["full", "manual"]  # newest first
