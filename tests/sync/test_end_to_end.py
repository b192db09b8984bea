"""End to end against the real central server on loopback: what one counter takes in offline reaches
central exactly once and the other counters of its office, never another office; back-office
decisions, catalogue changes and attachments travel the other way.

The helpers at the top are shared with the other sync suites (import them by name)."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from central import admin, db, records
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.people import PeopleGenerator
from counter_app.records import ApplicantSummary, Application
from counter_app.resources import demo_catalogue_path
from counter_app.services.applicants import PersonInput
from counter_app.services.seed import Seeder
from sync import protocol as p
from sync.engine import SyncEngine, SyncReport, enroll
from sync.transport import Refused, Transport
from tests.central_server import CentralServer
from tests.support import ROOT, cli_env

PENSION = "990101101-20-0101-001"  # promised: accept → start → complete (back office) → deliver
MEDICAL = "990101101-20-0103-001"  # on the spot
ACTOR = Actor.command_line("tester")


# --- helpers shared by the sync suites ---------------------------------------------------------------
def register(counter: Counter, seed: int, actor: Actor = ACTOR) -> ApplicantSummary:
    person = PeopleGenerator(seed).person()
    return counter.applicants.register_person(
        actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
    )


def take_in(
    counter: Counter,
    seed: int,
    *,
    item_code: str = PENSION,
    applicant_id: str | None = None,
    accept: bool = True,
    start: bool = False,
    actor: Actor = ACTOR,
) -> Application:
    """An application taken in at the desk with every material: accepted (and started) unless told."""
    if applicant_id is None:
        applicant_id = register(counter, seed, actor).id
    item = counter.catalogue.active().item(item_code)
    form = Seeder(counter, actor, seed).form_values(item)
    app = counter.intake.draft(actor, applicant_id, item.code, form)
    counter.intake.record_materials(actor, app.id, {m.code: (m.originals, m.copies) for m in item.materials})
    if accept:
        app = counter.intake.accept(actor, app.id)
    if start:
        app = counter.cases.start(actor, app.id)
    return app


def sync(counter: Counter, **kwargs: Any) -> SyncReport:
    return SyncEngine(counter, **kwargs).run()


def synced(counter: Counter) -> SyncReport:
    """Sync and insist that it went through completely."""
    report = sync(counter)
    assert report.outcome == "ok", report
    assert report.pending == 0 and report.rejected == 0 and report.conflicts == 0, report
    return report


def central_record(server: CentralServer, record_id: str) -> records.Record | None:
    with server.engine.connect() as conn:
        return records.load(conn, record_id)


def local_rows(counter: Counter, table: str) -> list[dict[str, Any]]:
    return counter.ctx.store.all(f"SELECT id, version, sync_state FROM {table} ORDER BY id")


def token(counter: Counter) -> str:
    value = counter.enrollment.token()
    assert value
    return value


class RecordingTransport(Transport):
    """A real transport that remembers every request (method, path, params, status)."""

    def __init__(self, counter: Counter, **kwargs: Any) -> None:
        enrollment = counter.enrollment.current()
        assert enrollment is not None
        super().__init__(enrollment.server_url, counter.enrollment.token(), **kwargs)
        self.calls: list[tuple[str, str, dict[str, Any] | None, int]] = []
        self.raw_bytes: list[tuple[str, str, int]] = []  # (method, path, length) of raw bodies sent

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("raw") is not None:
            self.raw_bytes.append((method, path, len(kwargs["raw"])))
        try:
            response = super().request(method, path, **kwargs)
        except Refused as refusal:
            self.calls.append((method, path, kwargs.get("params"), refusal.status))
            raise
        self.calls.append((method, path, kwargs.get("params"), response.status_code))
        return response

    def paths(self, method: str | None = None) -> list[str]:
        return [path for m, path, _params, _status in self.calls if method in (None, m)]


def demo_catalogue() -> dict[str, Any]:
    return json.loads(demo_catalogue_path().read_text("utf-8"))


# --- 1. push and pull --------------------------------------------------------------------------------
def test_offline_intake_reaches_central_once_and_the_office_only(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    report = Seeder(a, ACTOR, 7).run(12)
    app_ids = {r["id"] for r in a.ctx.store.all("SELECT id FROM applications")}
    applicant_ids = {r["id"] for r in a.ctx.store.all("SELECT id FROM applicants")}
    assert len(app_ids) == report.applications == 12
    queued = a.exchange.pending_count()
    assert queued >= 24  # every applicant and application, and their steps, wait in the outbox

    first = synced(a)
    assert first.pushed == queued and first.verified is True
    assert a.admin.status().pending_ops == 0

    exported = admin.export_office(central.engine, "QS")["applications"]
    assert sorted(x["id"] for x in exported) == sorted(app_ids)  # each exactly once
    assert len({x["receipt_no"] for x in exported}) == 12
    local_apps = {r["id"]: r for r in a.ctx.store.all("SELECT id, status, version FROM applications")}
    for x in exported:
        assert x["status"] == local_apps[x["id"]]["status"]
        assert x["version"] == local_apps[x["id"]]["version"] > 0
    # every record carries its server version and is marked synced
    assert local_rows(a, "ratings")  # the seed rates some of the delivered cases
    for table in ("applicants", "applications", "ratings", "rectifications"):
        for row in local_rows(a, table):
            assert row["sync_state"] == "synced" and row["version"] > 0, row

    # a second sync sends nothing again and central still holds each application once
    again = synced(a)
    assert again.pushed == 0 and again.verified is True
    assert len(admin.export_office(central.engine, "QS")["applications"]) == 12

    # counter B of the same office gets everything, decryptable, with the server's versions
    b = make_counter("b")
    pulled = synced(b)
    assert pulled.verified is True and pulled.pulled >= 24
    assert {r["id"] for r in b.ctx.store.all("SELECT id FROM applicants")} == applicant_ids
    assert {r["id"] for r in b.ctx.store.all("SELECT id FROM applications")} == app_ids
    for applicant_id in applicant_ids:
        mine, theirs = a.applicants.reveal(ACTOR, applicant_id), b.applicants.reveal(ACTOR, applicant_id)
        assert theirs.id_number == mine.id_number and theirs.phone == mine.phone
        assert theirs.summary.name == mine.summary.name
        assert theirs.summary.version == mine.summary.version > 0
    for app_id in app_ids:
        mine_app, theirs_app = a.cases.get(ACTOR, app_id), b.cases.get(ACTOR, app_id)
        assert (theirs_app.receipt_no, theirs_app.status, theirs_app.version) == (
            mine_app.receipt_no,
            mine_app.status,
            mine_app.version,
        )
        assert theirs_app.sync_state == "synced"

    # a counter of another office sees none of it
    other = make_counter("other", office="BS")
    nothing = synced(other)
    assert nothing.pulled == 0 and nothing.verified is True
    assert other.ctx.store.scalar("SELECT count(*) FROM applicants") == 0
    assert other.ctx.store.scalar("SELECT count(*) FROM applications") == 0
    assert admin.export_office(central.engine, "BS")["applications"] == []


def test_work_taken_in_before_enrollment_goes_out_with_its_local_receipt_numbers(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("new", enrolled=False)
    app = take_in(counter, 5)
    assert app.receipt_no.startswith("L")
    assert SyncEngine(counter).run().outcome == "not_enrolled"
    enroll(counter, central.url, admin.new_enroll_code(central.engine, "QS"), "new")
    later = take_in(counter, 6)
    enrollment = counter.enrollment.current()
    assert enrollment is not None and later.receipt_no.startswith(enrollment.receipt_prefix)
    report = synced(counter)
    assert report.verified is True
    exported = {x["id"]: x["receipt_no"] for x in admin.export_office(central.engine, "QS")["applications"]}
    assert exported == {app.id: app.receipt_no, later.id: later.receipt_no}


# --- 2. back-office decisions ------------------------------------------------------------------------
def test_back_office_decision_arrives_and_the_counter_delivers(
    make_counter: Callable[..., Counter], central: CentralServer, tmp_path: Path
) -> None:
    counter = make_counter("a")
    started = take_in(counter, 11, start=True)
    accepted = take_in(counter, 12, item_code=MEDICAL)
    synced(counter)
    before = {app.id: counter.cases.get(ACTOR, app.id).version for app in (started, accepted)}

    # one decision through the command line, one through the operator module
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "central.cli",
            "--db",
            central.db_url,
            "decide",
            started.receipt_no,
            "--approve",
        ],
        capture_output=True,
        text=True,
        env=cli_env(tmp_path / "cli-data", tmp_path / "cli-config"),
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    admin.decide(central.engine, accepted.receipt_no, approve=False, reason="不符合参保条件")

    report = synced(counter)
    assert report.pulled == 2
    granted = counter.cases.get(ACTOR, started.id)
    assert (granted.status, granted.result) == ("completed", "granted")
    denied = counter.cases.get(ACTOR, accepted.id)
    assert (denied.status, denied.result, denied.result_reason) == ("completed", "denied", "不符合参保条件")
    for app in (granted, denied):
        assert app.version > before[app.id] and app.sync_state == "synced"
        assert app.completed_at

    # the counter hands the result out; the delivery op is accepted by central
    delivered = counter.cases.deliver(ACTOR, started.id, "counter")
    assert delivered.sync_state == "pending"
    report = synced(counter)
    assert report.pushed == 1
    record = central_record(central, started.id)
    assert record is not None
    assert record.data["status"] == "delivered" and record.data["result"] == "granted"
    assert counter.cases.get(ACTOR, started.id).version == record.version


# --- 4. catalogue -----------------------------------------------------------------------------------
def test_new_catalogue_version_arrives_once(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    old_app = take_in(counter, 21)
    old_version = old_app.catalogue_version
    synced(counter)

    document = demo_catalogue()
    new = copy.deepcopy(document)
    new["version"] = old_version + ".1"
    renamed = next(i for i in new["items"] if i["code"] == PENSION)
    renamed["name"] = "城乡居民基本养老保险参保登记（新）"
    retired = next(i for i in new["items"] if i["code"] == MEDICAL)  # no application uses it
    retired["status"] = "retired"
    admin.publish_catalogue(central.engine, new)

    first = RecordingTransport(counter)
    report = sync(counter, transport=first)
    assert report.outcome == "ok"
    assert ("GET", "/v1/catalogue", None, 200) in first.calls
    active = counter.catalogue.active()
    assert active.version == new["version"]
    assert active.item(PENSION).name == "城乡居民基本养老保险参保登记（新）"
    assert not active.item(MEDICAL).is_active
    # an application keeps the catalogue version it was taken under, and still resolves its item
    kept = counter.cases.get(ACTOR, old_app.id)
    assert kept.catalogue_version == old_version
    assert counter.catalogue.item(PENSION, kept.catalogue_version).name == document["items"][0]["name"]
    # a new application is taken under the new version, and central accepts it
    fresh = take_in(counter, 22)
    assert fresh.catalogue_version == new["version"]
    synced(counter)
    record = central_record(central, fresh.id)
    assert record is not None and record.data["catalogue_version"] == new["version"]

    # the next sync does not download the catalogue again
    second = RecordingTransport(counter)
    assert sync(counter, transport=second).outcome == "ok"
    assert "/v1/catalogue" not in second.paths()
    assert counter.exchange.catalogue_etag() == active.etag


# --- 5. attachments ---------------------------------------------------------------------------------
def _pdf(text: str) -> bytes:
    return b"%PDF-1.4\n" + text.encode() * 2000 + b"\n%%EOF\n"


def test_attachment_uploads_once_and_is_not_sent_again(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    content = _pdf("户口簿扫描件")
    digest = hashlib.sha256(content).hexdigest()
    a = make_counter("a")
    app_a = take_in(a, 31, accept=False)
    attachment_a = a.intake.attach(ACTOR, app_a.id, "M01", "户口簿.pdf", content)
    a.intake.accept(ACTOR, app_a.id)  # a draft's scans stay on the counter (tests/sync/test_draft_scans.py)

    recording = RecordingTransport(a)
    report = sync(a, transport=recording)
    assert report.outcome == "ok" and report.pending == 0 and report.verified is True
    assert report.uploaded == 1
    assert recording.paths("POST").count("/v1/uploads") == 1
    assert any(method == "PATCH" for method, *_ in recording.calls)
    with central.engine.connect() as conn:
        blobs = conn.execute(db.blobs.select()).all()
    assert [(row.sha256, row.size) for row in blobs] == [(digest, len(content))]
    record = central_record(central, attachment_a)
    assert record is not None and record.entity == "attachment" and record.data["sha256"] == digest

    # another counter with the same content: the server holds it, nothing is uploaded again
    b = make_counter("b")
    synced(b)
    app_b = take_in(b, 32, accept=False)
    attachment_b = b.intake.attach(ACTOR, app_b.id, "M01", "户口簿副本.pdf", content)
    b.intake.accept(ACTOR, app_b.id)
    recording_b = RecordingTransport(b)
    report_b = sync(b, transport=recording_b)
    assert report_b.outcome == "ok" and report_b.uploaded == 0
    assert "/v1/uploads" not in recording_b.paths("POST")
    assert not any(method == "PATCH" for method, *_ in recording_b.calls)
    assert central_record(central, attachment_b) is not None
    reply = requests.post(
        f"{central.url}/v1/uploads",
        json={"sha256": digest, "size": len(content)},
        headers={"Authorization": f"Bearer {token(b)}"},
        timeout=10,
    )
    assert reply.status_code == 200 and reply.json()["complete"] is True
    with central.engine.connect() as conn:
        assert len(conn.execute(db.blobs.select()).all()) == 1


def test_an_interrupted_upload_resumes_where_the_server_stopped(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    content = b"%PDF-1.4\n" + bytes(range(256)) * 6000 + b"\n%%EOF\n"  # 1.5 MB: two chunks
    assert p.MAX_CHUNK_BYTES < len(content) < 2 * p.MAX_CHUNK_BYTES
    digest = hashlib.sha256(content).hexdigest()
    counter = make_counter("a")
    app = take_in(counter, 33, accept=False)
    counter.intake.attach(ACTOR, app.id, "M02", "身份证.pdf", content)
    counter.intake.accept(ACTOR, app.id)  # decided: its scans go out

    # an earlier sync sent the first chunk, then the link dropped
    auth = {"Authorization": f"Bearer {token(counter)}"}
    opened = requests.post(
        f"{central.url}/v1/uploads", json={"sha256": digest, "size": len(content)}, headers=auth, timeout=10
    )
    assert opened.status_code == 201
    first = requests.patch(
        f"{central.url}/v1/uploads/{opened.json()['id']}",
        data=content[: p.MAX_CHUNK_BYTES],
        headers={**auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        timeout=10,
    )
    assert first.status_code == 204

    recording = RecordingTransport(counter)
    report = sync(counter, transport=recording)
    assert report.outcome == "ok" and report.uploaded == 1 and report.verified is True
    assert set(recording.paths("PATCH")) == {f"/v1/uploads/{opened.json()['id']}"}
    sent = sum(length for method, _path, length in recording.raw_bytes if method == "PATCH")
    assert sent == len(content) - p.MAX_CHUNK_BYTES  # only the rest was sent
    with central.engine.connect() as conn:
        held = conn.execute(db.blobs.select().where(db.blobs.c.sha256 == digest)).first()
    assert held is not None and bytes(held.data) == content
