"""A restore on an enrolled counter, then sync: what was sent to the platform after the backup comes
back with the next sync, nothing is pushed twice, and no receipt number is issued again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.paths import DataPaths
from counter_app.services.backups import restore_backup
from counter_app.services.seed import Seeder
from sync.engine import SyncEngine
from tests.central_server import CentralServer


def _receipts(counter: Counter, actor: Actor) -> set[str]:
    return {row.receipt_no for row in counter.queries.applications(actor, limit=1000)}


def test_after_a_restore_the_next_sync_brings_back_what_the_platform_has(
    make_counter: Callable[..., Counter], central: CentralServer, tmp_path: Path, clock: FixedClock
) -> None:
    counter = make_counter("c1")
    cli = Actor.command_line("t")
    Seeder(counter, cli, 1).run(2)
    assert SyncEngine(counter).run().outcome == "ok"
    backup = counter.backups.create(cli, tmp_path / "morning.cbk")
    Seeder(counter, cli, 2).run(3)  # taken in and sent after the backup
    assert SyncEngine(counter).run().outcome == "ok"
    before = _receipts(counter, cli)
    assert len(before) == 5
    counter.close()

    restore_backup(DataPaths(tmp_path / "c1"), backup.path)
    with Counter.open(tmp_path / "c1", clock=clock) as restored:
        assert len(_receipts(restored, cli)) == 2  # the backup's
        report = SyncEngine(restored).run()
        assert report.outcome == "ok" and report.pushed == 0 and report.rejected == 0
        assert _receipts(restored, cli) == before  # the platform's copy came back
        Seeder(restored, cli, 3).run(1)
        assert len(_receipts(restored, cli) - before) == 1  # a number never issued before
        assert SyncEngine(restored).run().outcome == "ok"  # the platform takes it: not a duplicate
