"""Sync through a faulty network (``tests/faultproxy.py``): connections cut at random byte offsets in
both directions, chunks split and delayed. However often a request or its reply is lost, every
application taken in ends up on central exactly once and the counter agrees with central.

The helpers at the top (what central holds, what a counter holds, the exactly-once checks) are shared
with ``test_kill.py`` and ``test_convergence.py``.
"""

from __future__ import annotations

import json
import random
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from central import admin, db
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.services.seed import Seeder
from counter_app.services.sync_exchange import PushTally, SyncExchange
from counter_app.store.outbox import OutboxOp
from sync.engine import SyncEngine, SyncReport
from sync.transport import Transport
from tests.central_server import CentralServer
from tests.faultproxy import DOWN, UP, FaultProxy
from tests.sync.conftest import OFFICE

ACTOR = Actor.command_line("faults")


# --- shared helpers ------------------------------------------------------------------------------------
def fast_transport(url: str, token: str | None, seed: int, *, retries: int = 3) -> Transport:
    """A transport whose retries take milliseconds (the proxy's faults are the point, not the backoff)."""
    return Transport(
        url,
        token,
        connect_timeout=5,
        read_timeout=10,
        retries=retries,
        backoff_s=0.01,
        max_backoff_s=0.05,
        rng=random.Random(seed).random,
    )


def sync_once(counter: Counter, url: str, seed: int, *, batch_size: int = 16, retries: int = 3) -> SyncReport:
    transport = fast_transport(url, counter.enrollment.token(), seed, retries=retries)
    try:
        return SyncEngine(counter, transport=transport, batch_size=batch_size).run(trigger="test")
    finally:
        transport.close()


def sync_until_ok(
    counter: Counter, proxy: FaultProxy, *, attempts: int = 40, seed: int = 0, batch_size: int = 16
) -> list[SyncReport]:
    """Sync through the proxy until a run ends ``ok``; every run's report, the last one ``ok``."""
    reports = []
    for attempt in range(attempts):
        report = sync_once(counter, proxy.url, seed * 1000 + attempt, batch_size=batch_size, retries=2)
        reports.append(report)
        assert report.outcome in ("ok", "offline", "partial"), report
        if report.outcome == "ok":
            return reports
    outcomes = Tally(r.outcome for r in reports)
    pytest.fail(f"no sync ended ok in {attempts} attempts: {dict(outcomes)}, last error {reports[-1].error}")


def use_server(counter: Counter, url: str) -> None:
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("server_url", url)


def central_records(server: CentralServer, office: str = OFFICE) -> dict[str, tuple[str, int]]:
    """id -> (entity, version) of the office's records on central."""
    r = db.records
    with server.engine.connect() as conn:
        rows = conn.execute(select(r.c.id, r.c.entity, r.c.version).where(r.c.office_code == office))
        return {row.id: (row.entity, int(row.version)) for row in rows}


def central_applied_ops(server: CentralServer, device_ids: Iterable[str]) -> dict[str, dict]:
    """op id -> stored result, for the ops central stored for these devices."""
    t = db.applied_ops
    with server.engine.connect() as conn:
        rows = conn.execute(select(t.c.op_id, t.c.result).where(t.c.device_id.in_(list(device_ids))))
        return {row.op_id: json.loads(row.result) for row in rows}


def central_applied_op_rows(server: CentralServer) -> tuple[int, int]:
    t = db.applied_ops
    with server.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(t.c.op_id)))).scalar_one()
    return int(total), int(distinct)


def local_applications(counter: Counter) -> dict[str, str]:
    """id -> receipt number of every application on this counter."""
    rows = counter.ctx.store.all("SELECT id, receipt_no FROM applications")
    return {row["id"]: row["receipt_no"] for row in rows}


def done_ops(counter: Counter) -> dict[str, tuple[str, dict]]:
    """op id -> (entity id, the server's stored result) of every op the server applied."""
    rows = counter.ctx.store.all("SELECT op_id, entity_id, result FROM outbox WHERE state = 'done'")
    return {row["op_id"]: (row["entity_id"], json.loads(row["result"])) for row in rows}


def assert_applications_once(server: CentralServer, expected: dict[str, str], office: str = OFFICE) -> None:
    """Central holds exactly these applications (id -> receipt number), each exactly once."""
    exported = admin.export_office(server.engine, office)["applications"]
    by_id = Tally(a["id"] for a in exported)
    by_receipt = Tally(a["receipt_no"] for a in exported)
    assert [i for i, n in by_id.items() if n > 1] == []
    assert [r for r, n in by_receipt.items() if n > 1 or r is None] == []
    assert {a["id"]: a["receipt_no"] for a in exported} == expected


def assert_versions_account_for_ops(
    server: CentralServer, counters: Iterable[Counter], back_office: dict[str, int] | None = None
) -> None:
    """Every version of every record on central was produced by exactly one applied op (or one
    back-office decision): no op was applied twice, none was lost after it was acknowledged."""
    counters = list(counters)
    produced: dict[str, list[int]] = {}
    acknowledged: dict[str, dict] = {}
    for counter in counters:
        for op_id, (entity_id, result) in done_ops(counter).items():
            assert result.get("status") == "applied", result
            produced.setdefault(entity_id, []).append(int(result["new_version"]))
            acknowledged[op_id] = result
    for entity_id, count in (back_office or {}).items():
        produced.setdefault(entity_id, []).extend([-1] * count)
    device_ids = [c.enrollment.current().device_id for c in counters]  # type: ignore[union-attr]
    stored = central_applied_ops(server, device_ids)
    applied_on_central = {op_id for op_id, result in stored.items() if result.get("status") == "applied"}
    assert applied_on_central == set(acknowledged)  # the counters know the answer to every applied op
    total, distinct = central_applied_op_rows(server)
    assert total == distinct
    for record_id, (_entity, version) in central_records(server).items():
        versions = produced.get(record_id, [])
        assert len(versions) == version, (record_id, versions, version)
        by_ops = sorted(v for v in versions if v > 0)
        assert len(set(by_ops)) == len(by_ops), (record_id, versions)
        assert all(1 <= v <= version for v in by_ops), (record_id, versions)


# What the counter shows and central holds must be the same, not only the versions (verify compares
# only those): a field central merged in from another writer must reach this counter too.
COMPARED = {
    "applicant": ("name", "phone", "address"),
    "application": ("receipt_no", "applicant_id", "status", "result", "resume_status", "delivery_method"),
}


def central_data(server: CentralServer, office: str = OFFICE) -> dict[str, dict[str, Any]]:
    r = db.records
    with server.engine.connect() as conn:
        rows = conn.execute(select(r.c.id, r.c.data).where(r.c.office_code == office))
        return {row.id: json.loads(row.data) for row in rows}


def assert_same_data(server: CentralServer, counter: Counter) -> None:
    remote = central_data(server)
    for record_id, (entity, _version) in central_records(server).items():
        if entity not in COMPARED:
            continue
        local = counter.exchange.records.local_row(entity, record_id)
        assert local is not None, (entity, record_id)
        fields = COMPARED[entity]
        mine = {name: local.get(name) for name in fields}
        theirs = {name: remote[record_id].get(name) for name in fields}
        assert mine == theirs, (entity, record_id)


def assert_counter_matches_central(server: CentralServer, counter: Counter) -> None:
    local = Tally(entity for entity, _id, _version in counter.exchange.synced_versions())
    remote = Tally(entity for entity, _version in central_records(server).values())
    assert local == remote
    versions = {record_id: version for _e, record_id, version in counter.exchange.synced_versions()}
    assert versions == {record_id: version for record_id, (_e, version) in central_records(server).items()}
    assert counter.exchange.pending_count() == 0
    assert counter.admin.status().pending_ops == 0
    assert counter.admin.status().conflicts == 0
    assert_same_data(server, counter)


def spy_push_answers(monkeypatch: pytest.MonkeyPatch) -> Tally[str]:
    """Count the statuses central answered to pushed ops (``duplicate``: a batch came again after its
    reply was lost)."""
    answers: Tally[str] = Tally()
    record = SyncExchange.record_push_results

    def counting(
        self: SyncExchange,
        results: list[tuple[OutboxOp, dict[str, Any]]],
        written: tuple[int, int] | None = None,
    ) -> PushTally:
        answers.update(str(result.get("status")) for _op, result in results)
        return record(self, results, written)

    monkeypatch.setattr(SyncExchange, "record_push_results", counting)
    return answers


# --- fixtures ------------------------------------------------------------------------------------------
@pytest.fixture
def proxy(central: CentralServer) -> Iterator[FaultProxy]:
    cut_within = {UP: 48 * 1024, DOWN: 4 * 1024}  # replies are small: cut them within a few KB
    with FaultProxy(central.url, seed=20261123, max_cut_bytes=cut_within, max_delay_s=0.002, split=0.3) as p:
        yield p


@pytest.fixture
def seeded(make_counter: Callable[..., Counter], proxy: FaultProxy) -> Counter:
    counter = make_counter("c1")
    use_server(counter, proxy.url)
    Seeder(counter, ACTOR, 11).run(50)
    return counter


# --- tests ---------------------------------------------------------------------------------------------
def test_heavy_faults_every_application_arrives_exactly_once(
    seeded: Counter, proxy: FaultProxy, central: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = seeded
    answers = spy_push_answers(monkeypatch)
    proxy.set_faults(0.8)
    reports: list[SyncReport] = []
    for wave in range(8):
        reports += sync_until_ok(counter, proxy, seed=wave)
        if proxy.cuts[UP] and proxy.cuts[DOWN] and answers["duplicate"]:
            break  # requests and replies were lost, and a batch central had applied came again
        Seeder(counter, ACTOR, 100 + wave).run(5)  # more work for the bad network
    proxy.set_faults(0.0)
    final = sync_once(counter, proxy.url, seed=99)

    assert final.outcome == "ok" and final.pushed == 0 and final.verified is True, final
    assert proxy.cuts[UP] > 0 and proxy.cuts[DOWN] > 0, proxy.cuts
    assert answers["duplicate"] > 0, answers
    assert sum(r.conflicts + r.rejected for r in reports) == 0
    taken_in = local_applications(counter)
    assert len(taken_in) >= 50
    assert_applications_once(central, taken_in)
    assert_counter_matches_central(central, counter)
    assert_versions_account_for_ops(central, [counter])
    # every op was counted once: applied the first time, or answered as a duplicate after a lost reply
    answered = answers["applied"] + answers["duplicate"]
    assert sum(r.pushed for r in [*reports, final]) == len(done_ops(counter)) == answered
    assert counter.admin.verify_audit(ACTOR).ok


def test_back_office_decisions_between_faulty_syncs_arrive_once(
    seeded: Counter, proxy: FaultProxy, central: CentralServer
) -> None:
    counter = seeded
    proxy.set_faults(0.7)
    sync_until_ok(counter, proxy, seed=2)
    rows = counter.ctx.store.all(
        "SELECT id, receipt_no, version FROM applications WHERE status IN ('accepted', 'in_progress')"
        " ORDER BY receipt_no"
    )
    assert len(rows) >= 3
    decided, touched = rows[:2], rows[2]
    before = central_records(central)
    # The back office decides one application, the clerk moves another on, and the network stays bad.
    admin.decide(central.engine, decided[0]["receipt_no"], approve=True)
    counter.cases.withdraw(ACTOR, touched["id"], "申请人撤回申请")
    pulled = [r.pulled for r in sync_until_ok(counter, proxy, seed=3)]
    admin.decide(central.engine, decided[1]["receipt_no"], approve=False, reason="经审核不符合条件")
    pulled += [r.pulled for r in sync_until_ok(counter, proxy, seed=4)]
    proxy.set_faults(0.0)
    final = sync_once(counter, proxy.url, seed=98)
    pulled.append(final.pulled)

    assert final.outcome == "ok" and final.verified is True, final
    assert sum(pulled) == 2  # each decision applied once, however many pages were lost on the way
    after = central_records(central)
    for row, result in zip(decided, ("granted", "denied"), strict=True):
        app = counter.cases.get(ACTOR, row["id"])
        assert app.status == "completed" and app.result == result
        assert after[row["id"]][1] == before[row["id"]][1] + 1 == app.version
    assert counter.cases.get(ACTOR, touched["id"]).status == "withdrawn"
    assert_applications_once(central, local_applications(counter))
    assert_counter_matches_central(central, counter)
    assert_versions_account_for_ops(central, [counter], back_office={row["id"]: 1 for row in decided})
    assert counter.admin.verify_audit(ACTOR).ok
