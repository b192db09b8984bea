"""The sync engine's promises, each against the real central server: the clock offset, batches that
halve on 413, a new server epoch, pulled records that never overwrite local work, the inbox, one sync
at a time, progress and cancellation, the sync log, enrollment and revocation."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import update

from central import admin, db
from central.app import Settings
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import SyncRunning
from counter_app.services.seed import Seeder
from sync import protocol as p
from sync.batches import DEFAULT_BATCH, MIN_PUSH_BATCH, PUSH_BATCH_SECONDS, next_batch
from sync.engine import Progress, SyncEngine, enroll
from sync.lock import SyncLock
from tests.central_server import CentralServer, running_server
from tests.support import ROOT
from tests.sync.test_end_to_end import (
    ACTOR,
    RecordingTransport,
    central_record,
    demo_catalogue,
    register,
    sync,
    synced,
    take_in,
)


def _central_ids(server: CentralServer, office: str = "QS") -> list[str]:
    return [x["id"] for x in admin.export_office(server.engine, office)["applications"]]


# --- hello -------------------------------------------------------------------------------------------
def test_hello_records_the_clock_offset(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a")
    assert counter.admin.status().clock_offset_s is None
    synced(counter)
    offset = counter.admin.status().clock_offset_s
    assert isinstance(offset, float)
    assert abs(offset) < 30  # the server runs on this machine; the counter's FixedClock is not used


# --- push in batches -------------------------------------------------------------------------------
def test_batches_halve_on_413_and_every_op_arrives_once(tmp_path: Path, clock: FixedClock) -> None:
    with running_server(
        f"sqlite:///{tmp_path / 'small.db'}", Settings(rate_limit_per_minute=0, max_body_bytes=6000)
    ) as server:
        server.office("QS", "青山镇便民服务中心")
        admin.publish_catalogue(server.engine, demo_catalogue())
        counter = Counter.open(tmp_path / "c", clock=clock)
        try:
            enroll(counter, server.url, admin.new_enroll_code(server.engine, "QS"), "c")
            Seeder(counter, ACTOR, 5).run(10)
            queued = counter.exchange.pending_count()
            app_ids = sorted(r["id"] for r in counter.ctx.store.all("SELECT id FROM applications"))

            recording = RecordingTransport(counter)
            report = sync(counter, transport=recording)
            assert report.outcome == "ok" and report.pushed == queued and report.pending == 0
            assert report.verified is True
            statuses = [status for method, path, _, status in recording.calls if path == "/v1/sync/push"]
            assert statuses[0] == 413 and 413 in statuses and statuses[-1] == 200
            assert statuses.count(200) > 1  # the batch was split
            assert sorted(_central_ids(server)) == app_ids  # each exactly once
            with server.engine.connect() as conn:
                applied = conn.execute(db.applied_ops.select()).all()
            assert len(applied) == queued == len({row.op_id for row in applied})
        finally:
            counter.close()


class _BatchSizes(RecordingTransport):
    """Remembers how many ops each push request carried."""

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        self.sizes: list[int] = []

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if path == "/v1/sync/push":
            self.sizes.append(len(json.loads(kwargs["encoded"].json_body)["ops"]))
        return super().request(method, path, **kwargs)


def test_push_batches_grow_to_the_servers_limit_on_a_fast_link(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a")
    Seeder(counter, ACTOR, 11).run(340)
    queued = counter.exchange.pending_count()
    assert queued > 3 * DEFAULT_BATCH  # enough for a batch sized after the first reply

    adaptive = _BatchSizes(counter)
    report = sync(counter, transport=adaptive)
    assert report.outcome == "ok" and report.pushed == queued and report.pending == 0
    assert sum(adaptive.sizes) == queued
    # The first two go at the first size (the second is built while the first is on the wire);
    # on loopback the next ones are as large as the server takes.
    assert adaptive.sizes[:2] == [DEFAULT_BATCH, DEFAULT_BATCH]
    assert adaptive.sizes[2] == min(p.MAX_BATCH_OPS, queued - 2 * DEFAULT_BATCH) > DEFAULT_BATCH
    assert all(size <= p.MAX_BATCH_OPS for size in adaptive.sizes)


def test_a_fixed_batch_size_stays_fixed(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a")
    Seeder(counter, ACTOR, 12).run(30)
    queued = counter.exchange.pending_count()
    fixed = _BatchSizes(counter)
    report = sync(counter, transport=fixed, batch_size=40)
    assert report.outcome == "ok" and report.pushed == queued
    assert fixed.sizes[:-1] == [40] * (len(fixed.sizes) - 1) and 0 < fixed.sizes[-1] <= 40


def test_next_batch_takes_about_the_target_seconds_within_its_bounds() -> None:
    # A 64 kbit/s line: 500 ops (~30 KB gzipped) answered in ~4.4 s: a few hundred next.
    assert next_batch(500, 4.4, 1000) == int(500 / 4.4 * PUSH_BATCH_SECONDS)
    assert next_batch(500, 0.05, 1000) == 1000  # loopback: the server's limit
    assert next_batch(500, 0.05, 300) == 300  # after a 413 the limit is lower
    assert next_batch(500, 600.0, 1000) == MIN_PUSH_BATCH  # a crawling line: never below the floor
    assert next_batch(500, 0.0, 1000) == 1000  # an instant reply divides by no zero


# --- a new server epoch ----------------------------------------------------------------------------
def test_new_server_epoch_downloads_again_and_keeps_the_outbox(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    take_in(counter, 51)
    synced(counter)
    assert counter.exchange.cursor() > 0
    waiting = take_in(counter, 52)  # taken in after the last sync: in the outbox
    queued = counter.exchange.pending_count()
    assert queued > 0
    with central.engine.begin() as conn:  # e.g. the platform was restored from a backup
        conn.execute(update(db.meta).where(db.meta.c.key == "server_epoch").values(value="epoch-2"))

    recording = RecordingTransport(counter)
    report = sync(counter, transport=recording)
    assert report.outcome == "ok" and report.pushed == queued and report.verified is True
    assert counter.exchange.server_epoch() == "epoch-2"
    pulls = [params for method, path, params, _ in recording.calls if path == "/v1/sync/pull"]
    assert pulls[0]["cursor"] == 0  # downloaded from the start
    assert central_record(central, waiting.id) is not None
    events = counter.ctx.store.all("SELECT action FROM audit_events WHERE action = 'sync.reset'")
    assert len(events) == 1


# --- pulling never overwrites local work ------------------------------------------------------------
def test_pull_keeps_a_record_with_pending_ops_and_the_merge_arrives_later(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b = make_counter("a"), make_counter("b")
    applicant = register(a, 61)
    synced(a)
    synced(b)
    original_phone = a.applicants.reveal(ACTOR, applicant.id).phone
    b.applicants.update_contact(ACTOR, applicant.id, phone="13700137003")
    synced(b)

    def edit_while_syncing(progress: Progress) -> None:
        # The clerk edits the record after the push, before the pull: the pull must not overwrite it.
        if progress.stage == "pull" and not a.ctx.outbox.has_pending(applicant.id):
            a.applicants.update_contact(ACTOR, applicant.id, address="青山镇南街1号")

    report = sync(a, progress=edit_while_syncing)
    assert report.outcome == "partial" and report.pending == 1
    details = a.applicants.reveal(ACTOR, applicant.id)
    assert (details.phone, details.address) == (original_phone, "青山镇南街1号")
    assert details.summary.version == 1 and details.summary.sync_state == "pending"

    report = synced(a)  # the op is merged on central (disjoint fields), and the merged record comes back
    assert report.verified is True
    details = a.applicants.reveal(ACTOR, applicant.id)
    assert (details.phone, details.address) == ("13700137003", "青山镇南街1号")
    record = central_record(central, applicant.id)
    assert record is not None and details.summary.version == record.version == 3


def test_pull_keeps_a_locally_changed_application_the_back_office_decided(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    app = take_in(counter, 62, start=True)
    synced(counter)
    version = counter.cases.get(ACTOR, app.id).version

    def meanwhile(progress: Progress) -> None:
        # After the push: the back office decides while the clerk suspends the case at the desk.
        if progress.stage == "pull" and not counter.ctx.outbox.has_pending(app.id):
            admin.decide(central.engine, app.receipt_no, approve=True)
            counter.cases.suspend(ACTOR, app.id, "需实地核查")

    report = sync(counter, progress=meanwhile)
    assert report.outcome == "partial" and report.pulled == 0
    local = counter.cases.get(ACTOR, app.id)
    assert (local.status, local.sync_state, local.version) == ("suspended", "pending", version)

    report = sync(counter)  # the suspension meets the decision: a conflict, nothing overwritten
    assert report.conflicts == 1 and report.outcome == "partial"
    assert counter.cases.get(ACTOR, app.id).status == "suspended"
    (conflict,) = counter.conflicts.open(ACTOR)
    counter.conflicts.resolve(ACTOR, conflict["id"], keep="server")
    synced(counter)
    local = counter.cases.get(ACTOR, app.id)
    record = central_record(central, app.id)
    assert record is not None and record.data["status"] == "completed"
    assert (local.status, local.result, local.version) == ("completed", "granted", record.version)


def test_pulled_record_waits_in_the_inbox_for_its_applicant(
    make_counter: Callable[..., Counter], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = make_counter("a"), make_counter("b")
    app = take_in(a, 71)
    synced(a)
    synced(b)
    b.applicants.update_contact(ACTOR, app.applicant_id, phone="13600136004")  # applicant's cursor > app's
    synced(b)

    c = make_counter("c")
    waiting: list[int] = []
    report = sync(
        c,
        progress=lambda pr: waiting.append(c.exchange.inbox_count()) if pr.stage == "pull" else None,
        pull_page=1,  # one change per page
    )
    assert report.outcome == "ok" and report.verified is True
    assert max(waiting) == 1  # the application arrived before its applicant and waited
    assert c.exchange.inbox_count() == 0
    got = c.cases.get(ACTOR, app.id)
    assert got.applicant_id == app.applicant_id and got.sync_state == "synced"
    assert c.applicants.reveal(ACTOR, app.applicant_id).phone == "13600136004"


# --- one sync at a time ---------------------------------------------------------------------------
def test_one_sync_at_a_time(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a")
    take_in(counter, 81)
    queued = counter.exchange.pending_count()
    with SyncLock(counter.ctx.paths.lock_file), pytest.raises(SyncRunning):
        SyncEngine(counter).run()
    assert counter.exchange.pending_count() == queued
    assert synced(counter).pushed == queued


def test_a_killed_sync_does_not_leave_the_lock_behind(tmp_path: Path) -> None:
    lock_file = tmp_path / "sync.lock"
    script = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from sync.lock import SyncLock\n"
        "with SyncLock(Path(sys.argv[1])):\n"
        "    print('locked', flush=True)\n"
        "    threading.Event().wait(120)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(lock_file)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SyncRunning), SyncLock(lock_file):
            pass
        holder.kill()  # SIGKILL: no clean-up runs in the holder
        holder.wait(timeout=30)
        with SyncLock(lock_file):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


# --- progress, cancellation, the sync log ------------------------------------------------------------
def test_progress_stages_cancellation_and_the_sync_log(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    take_in(counter, 91)
    take_in(counter, 92)
    queued = counter.exchange.pending_count()

    cancel = threading.Event()
    seen: list[str] = []

    def cancel_at_push(progress: Progress) -> None:
        seen.append(progress.stage)
        if progress.stage == "push":
            cancel.set()

    cancelled = SyncEngine(counter, progress=cancel_at_push, cancel=cancel).run()
    assert cancelled.outcome == "cancelled" and cancelled.pushed == 0
    assert seen == ["hello", "push", "done"]
    assert counter.exchange.pending_count() == queued  # nothing lost
    assert _central_ids(central) == []

    stages: list[Progress] = []
    report = SyncEngine(counter, progress=stages.append).run()
    assert report.outcome == "ok" and report.pushed == queued
    order = [s.stage for s in stages]
    collapsed = [stage for i, stage in enumerate(order) if i == 0 or order[i - 1] != stage]
    assert collapsed == ["hello", "push", "pull", "verify", "done"]
    push = next(s for s in stages if s.stage == "push")
    assert push.total == queued
    assert stages[-1].message == "ok"
    assert len(_central_ids(central)) == 2

    log = counter.ctx.store.all("SELECT * FROM sync_log ORDER BY id")
    assert [row["outcome"] for row in log] == ["cancelled", "ok"]
    assert all(row["trigger"] == "manual" and row["finished_at"] for row in log)
    assert (log[1]["pushed"], log[1]["conflicts"], log[1]["rejected"]) == (queued, 0, 0)
    assert counter.admin.status().last_sync is not None


# --- enrollment and revocation -----------------------------------------------------------------------
def test_not_enrolled(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter("a", enrolled=False)
    take_in(counter, 101)
    queued = counter.exchange.pending_count()
    report = SyncEngine(counter).run()
    assert report.outcome == "not_enrolled" and report.pending == queued
    assert counter.exchange.pending_count() == queued


def _revoked_with_work(counter: Counter, central: CentralServer) -> str:
    synced(counter)
    enrollment = counter.enrollment.current()
    assert enrollment is not None
    admin.revoke_device(central.engine, enrollment.device_id)
    return enrollment.device_id


def test_revoked_device_forgets_its_token_and_keeps_its_work(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    _revoked_with_work(counter, central)
    applicant = register(counter, 111)
    queued = counter.exchange.pending_count()

    report = SyncEngine(counter).run()
    assert report.outcome == "revoked" and report.pushed == 0 and report.error
    assert counter.enrollment.token() is None
    assert counter.exchange.pending_count() == queued
    assert SyncEngine(counter).run().outcome == "not_enrolled"  # until an administrator enrolls it again

    enroll(counter, central.url, admin.new_enroll_code(central.engine, "QS"), "a")
    report = synced(counter)
    assert report.pushed == queued
    assert central_record(central, applicant.id) is not None


def test_applications_taken_in_before_re_enrollment_still_reach_central(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    _revoked_with_work(counter, central)
    app = take_in(counter, 112)  # numbered with the old device's receipt prefix
    assert SyncEngine(counter).run().outcome == "revoked"
    enroll(counter, central.url, admin.new_enroll_code(central.engine, "QS"), "a")
    synced(counter)
    assert _central_ids(central) == [app.id]


class _VerifyOf(RecordingTransport):
    """Remembers the verify's parameters; ``old_server``: answers as a server from before the XOR
    digest would (the parameter is not understood, so the sorted hash comes)."""

    def __init__(self, counter: Counter, old_server: bool = False) -> None:
        super().__init__(counter)
        self.old_server = old_server
        self.asked: list[dict[str, Any]] = []
        self.replies: list[dict[str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if path == "/v1/sync/verify":
            params = dict(kwargs.get("params") or {})
            self.asked.append(dict(params))
            if self.old_server:
                params.pop("digest", None)
            kwargs["params"] = params
            response = super().request(method, path, **kwargs)
            self.replies.append(response.json())
            return response
        return super().request(method, path, **kwargs)


def test_verify_compares_the_xor_digest_and_still_an_older_servers_hash(
    make_counter: Callable[..., Counter],
) -> None:
    """The engine asks for the XOR digest (central answers it from one row) and compares it with its
    own records'; a server that answers the sorted hash instead is compared by that. Either way a
    record whose version drifted here is found."""
    counter = make_counter("a")
    Seeder(counter, ACTOR, 13).run(12)
    for old_server in (False, True):
        transport = _VerifyOf(counter, old_server)
        report = sync(counter, transport=transport)
        assert report.outcome == "ok" and report.verified is True
        assert transport.asked == [{"digest": "xor"}]
        [reply] = transport.replies
        assert ("digest" in reply, "hash" in reply) == ((False, True) if old_server else (True, False))
        assert reply["count"] == len(list(counter.exchange.synced_versions())) > 12

    drifted, *_rest = counter.exchange.synced_versions()  # read whole: its cursor is closed
    table = {"applicant": "applicants", "application": "applications"}[drifted[0]]
    counter.ctx.store.execute(f"UPDATE {table} SET version = version + 1 WHERE id = ?", (drifted[1],))
    for old_server in (False, True):
        assert sync(counter, transport=_VerifyOf(counter, old_server)).verified is False


# --- memory ------------------------------------------------------------------------------------------
def test_garbage_made_before_a_run_is_collected_not_frozen_with_the_heap(
    make_counter: Callable[..., Counter],
) -> None:
    """A run freezes the heap it starts with (``engine._heap_frozen``) and thaws it into the oldest
    generation afterwards, which only a full collection (rare) looks at again. A cycle left just
    before the run (the last run's closed session, a cut request's traceback) is collected first,
    not carried there: before this, the soak's counters kept ~85 KB of each cut connection."""

    class Node:
        me: object = None

    counter = make_counter("a")
    synced(counter)
    gc.disable()  # no automatic collection: only what the run does itself
    try:
        node = Node()
        node.me = node
        gone = weakref.ref(node)
        del node
        synced(counter)
        assert gone() is None
    finally:
        gc.enable()
