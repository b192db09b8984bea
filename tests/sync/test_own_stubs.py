"""A counter pulls its own writes back as stubs (``own=stub``: no data), and the page again whole
when it lacks one of them at its version (a profile restored from a backup; a merged op)."""

from __future__ import annotations

from collections.abc import Callable

from counter_app.core import Counter
from counter_app.services.seed import Seeder
from sync.engine import SyncEngine
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, RecordingTransport, synced


def _pulls(transport: RecordingTransport) -> list[str]:
    return [
        str((params or {}).get("own")) for m, path, params, _ in transport.calls if path == "/v1/sync/pull"
    ]


def _versions(counter: Counter) -> dict[str, int]:
    rows = counter.ctx.store.all(
        "SELECT id, version FROM applicants UNION ALL SELECT id, version FROM applications"
    )
    return {row["id"]: row["version"] for row in rows}


def test_own_writes_come_back_as_stubs_and_change_nothing(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    Seeder(a, ACTOR, 11).run(6)
    transport = RecordingTransport(a)
    report = SyncEngine(a, transport=transport).run()
    assert report.outcome == "ok" and report.verified is True and report.pulled == 0
    assert set(_pulls(transport)) == {"stub"}  # never asked again whole: it held every one
    held = _versions(a)
    assert held and min(held.values()) >= 1
    assert synced(a).verified is True and _versions(a) == held


def test_a_profile_that_lost_its_versions_gets_the_page_whole(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    Seeder(a, ACTOR, 12).run(6)
    synced(a)
    held = _versions(a)
    # As a profile restored from a backup taken before the push was answered: the records are
    # here at their old versions, and the pull starts again from the beginning.
    store = a.ctx.store
    with store.transaction():
        store.execute("UPDATE applicants SET version = 0")
        store.execute("UPDATE applications SET version = 0")
        a.ctx.settings.set("pull_cursor", "0")
    transport = RecordingTransport(a)
    report = SyncEngine(a, transport=transport).run()
    assert report.outcome == "ok" and report.verified is True, report
    assert _pulls(transport) == ["stub", "full"]  # the page of stubs, then the same page whole
    assert report.pulled == len(held)
    assert _versions(a) == held
