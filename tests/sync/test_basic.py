from __future__ import annotations

from collections.abc import Callable

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.seed import Seeder
from sync.engine import SyncEngine
from tests.central_server import CentralServer


def test_seeded_counter_syncs_everything_once(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("c1")
    Seeder(counter, Actor.command_line("t"), 3).run(20)
    pending = counter.exchange.pending_count()
    report = SyncEngine(counter).run()
    assert report.outcome == "ok" and report.pushed == pending and report.pending == 0
    assert report.verified is True
    again = SyncEngine(counter).run()
    assert again.pushed == 0 and again.outcome == "ok" and again.verified is True
