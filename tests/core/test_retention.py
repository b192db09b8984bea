"""Retention (数据保留): the personal data of cases closed and synced long ago is removed — from the
records, from every copy the counter keeps, and from the bytes of every file under the data
directory — while the dashboard's figures stay the same and kept cases keep their data.

The cases are taken in through the use cases and synced with the real central server on loopback
(the story is in ``tests/core/retention_support.py``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from counter_app.accounts import Actor, Role
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.statistics import Period
from counter_app.store.outbox import PENDING
from sync.engine import SyncEngine
from tests.central_server import CentralServer
from tests.core.retention_support import (
    DAYS,
    Office,
    build_office,
    clock_advancer,
    files_under,
    staff,
)
from tests.sync.conftest import central, make_counter  # noqa: F401 (the sync suites' fixtures)
from tests.sync.test_end_to_end import central_record, synced

PURGED_CASES = ("A", "B", "F")
KEPT_CASES = ("C", "D", "E", "G", "H")
PURGED_PEOPLE = ("P1", "P5")
KEPT_PEOPLE = ("P2", "P3", "P4", "P6", "P7")


@pytest.fixture
def office_counter(
    make_counter: Callable[..., Counter],  # noqa: F811 (the sync suites' fixture)
    clock: FixedClock,
) -> tuple[Counter, Office, dict[str, Actor]]:
    counter = make_counter("c1")
    actors = {role.value: staff(counter, role) for role in Role}
    office = build_office(counter, actors["clerk"], advance=clock_advancer(clock))
    return counter, office, actors


# --- what must vanish ------------------------------------------------------------------------------
def _needles(counter: Counter, office: Office) -> dict[str, bytes]:
    """Everything of the purged cases and applicants that must not be on disk afterwards: the
    plaintext numbers and address, and the exact ciphertexts and blind indexes stored before."""
    store = counter.ctx.store
    needles: dict[str, bytes] = {}
    for key in PURGED_PEOPLE:
        person = office.people[key]
        needles[f"{key} id number"] = person.id_number.encode()
        needles[f"{key} id number (utf-16)"] = person.id_number.encode("utf-16-le")
        needles[f"{key} phone"] = person.phone.encode()
        needles[f"{key} address"] = person.address.encode()
        row = store.one("SELECT * FROM applicants WHERE id = ?", (person.id,))
        assert row is not None
        for column in ("id_number_enc", "phone_enc", "address_enc"):
            assert row[column], column
            needles[f"{key} {column}"] = bytes(row[column])
        for column in ("id_number_bidx", "phone_bidx", "id_masked", "phone_masked"):
            assert row[column], column
            needles[f"{key} {column}"] = row[column].encode()
    purged_ids = [office.cases[c] for c in PURGED_CASES]
    purged_ids += [office.people[p].id for p in PURGED_PEOPLE]
    for letter in PURGED_CASES:
        form_enc = store.scalar("SELECT form_enc FROM applications WHERE id = ?", (office.cases[letter],))
        assert form_enc
        needles[f"{letter} form"] = bytes(form_enc)
    scan = store.one("SELECT name_enc FROM attachments WHERE id = ?", (office.scan_id,))
    assert scan is not None and scan["name_enc"]
    needles["scan name"] = bytes(scan["name_enc"])
    purged_ids.append(office.scan_id)
    scan_file = counter.ctx.paths.attachments / f"{office.scan_id}.bin"
    needles["scan file"] = scan_file.read_bytes()[:64]
    for row in store.all(
        f"SELECT seq, data_enc FROM outbox WHERE entity_id IN ({','.join('?' * len(purged_ids))})",
        purged_ids,
    ):
        needles[f"outbox op {row['seq']}"] = bytes(row["data_enc"])
    return needles


def _found(root: Path, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Which needles are in which files under ``root`` (every byte of every file)."""
    found: dict[str, list[str]] = {}
    for path in files_under(root):
        data = path.read_bytes()
        for name, needle in needles.items():
            if needle in data:
                found.setdefault(name, []).append(path.name)
    return found


def _purged_at(counter: Counter, table: str, record_id: str) -> str | None:
    return counter.ctx.store.scalar(f"SELECT purged_at FROM {table} WHERE id = ?", (record_id,))


def _figures(counter: Counter, admin: Actor) -> list:
    today = counter.ctx.today()
    periods = [Period(date(2026, 11, 1), today), Period(today.replace(day=1), today)]
    return [counter.dashboard.figures(admin, period) for period in periods]


# --- the purge ------------------------------------------------------------------------------------
def test_purge_leaves_no_byte_of_the_purged_cases_on_disk_and_the_figures_unchanged(
    office_counter: tuple[Counter, Office, dict[str, Actor]],
) -> None:
    counter, office, actors = office_counter
    admin = actors["admin"]
    needles = _needles(counter, office)
    kept_forms = {c: counter.ctx.applications.get(office.cases[c]).form for c in KEPT_CASES}
    assert all(kept_forms.values())
    figures = _figures(counter, admin)
    # A plain copy of the database as a migration leaves one in backups/ (every office upgrading has
    # one): it holds the same bytes as the live file.
    copy = counter.ctx.paths.backups / "pre-migration-v6-20261101-090000.db"
    counter.ctx.store.backup_to(copy)
    # The scan proves it can fail: before the purge every needle that is stored is on disk.
    before = _found(counter.data_dir, needles)
    stored = {n for n in needles if not n.endswith(("id number", "(utf-16)", "phone", "address"))}
    assert stored <= before.keys(), stored - before.keys()
    assert not before.keys() - stored  # and the plaintext never was (DESIGN §2)
    in_copy = {name for name, files in before.items() if copy.name in files}
    assert in_copy >= {n for n in stored if "scan file" not in n}, in_copy  # the copy holds the rows

    preview = counter.retention.preview(admin, DAYS)
    assert (preview.cases, preview.applicants, preview.scans, preview.safety_copies) == (3, 2, 1, 1)
    result = counter.retention.purge(admin, DAYS)

    assert (result.safety_copies_removed, result.safety_copies_left) == (1, 0) and not copy.exists()
    assert (result.cases, result.applicants, result.scans, result.files_removed) == (3, 2, 1, 1)
    assert result.files_left == 0 and result.copies > 0
    assert result.vacuumed and result.checkpointed
    assert (
        result.cutoff
        == preview.cutoff
        == date.fromordinal(counter.ctx.today().toordinal() - DAYS).isoformat()
    )
    assert _found(counter.data_dir, needles) == {}
    assert not (counter.ctx.paths.attachments / f"{office.scan_id}.bin").exists()
    wal = counter.data_dir / "counter.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0

    # The records: purged cases lost their form, the purged applicants their numbers; names stay.
    for letter in PURGED_CASES:
        app = counter.ctx.applications.get(office.cases[letter])
        assert app.form == {} and app.status in ("rated", "refused", "withdrawn")
        assert counter.ctx.store.scalar(
            "SELECT purged_at FROM applications WHERE id = ?", (office.cases[letter],)
        )
    for key in PURGED_PEOPLE:
        person = office.people[key]
        details = counter.ctx.applicants.details(person.id)
        assert (details.id_number, details.phone, details.address) == (None, None, None)
        summary = details.summary
        assert (summary.id_masked, summary.phone_masked, summary.birth_date, summary.representative) == (
            None,
            None,
            None,
            None,
        )
        assert summary.name == person.name
        assert counter.ctx.applicants.find_by_id_number(person.id_number) is None
    scan = counter.ctx.attachments.get(office.scan_id)
    assert scan is not None and scan["name"] is None
    # Kept cases and applicants keep everything.
    for letter, form in kept_forms.items():
        assert counter.ctx.applications.get(office.cases[letter]).form == form
    for key in KEPT_PEOPLE:
        person = office.people[key]
        details = counter.ctx.applicants.details(person.id)
        assert details.id_number == person.id_number and details.address == person.address
    # The dashboard counts what it counted.
    assert _figures(counter, admin) == figures
    # Audited with counts only.
    event = counter.ctx.store.one("SELECT * FROM audit_events WHERE action = 'retention.purge'")
    assert event is not None and event["actor"] == admin.audit_name
    assert json.loads(event["detail"]) == {
        "days": DAYS,
        "cutoff": result.cutoff,
        "cases": 3,
        "applicants": 2,
        "scans": 1,
        "copies": result.copies,
        "safety_copies": 1,
    }

    # The counter still syncs (verify agrees with the platform), and nothing is purged twice.
    report = synced(counter)
    assert report.verified is True
    again = counter.retention.preview(admin, DAYS)
    # D and E's work reached the platform: now they may go too (with P3 and P4, their only case).
    assert (again.cases, again.applicants, again.scans) == (2, 2, 0)


def test_cases_with_pending_work_are_kept(office_counter: tuple[Counter, Office, dict[str, Actor]]) -> None:
    counter, office, actors = office_counter
    # D's applicant and E's rating have ops not yet pushed; G has an open rectification task.
    assert counter.ctx.outbox.has_pending(office.people["P3"].id)
    pending_ratings = counter.ctx.store.scalar(
        "SELECT count(*) FROM outbox WHERE entity = 'rating' AND state = ?", (PENDING,)
    )
    assert pending_ratings == 1
    counter.retention.purge(actors["admin"], DAYS)
    for letter in ("D", "E", "G", "H", "C"):
        app_id = office.cases[letter]
        assert counter.ctx.store.scalar("SELECT purged_at FROM applications WHERE id = ?", (app_id,)) is None
        assert counter.ctx.applications.get(app_id).form
    assert counter.ctx.applicants.details(office.people["P3"].id).phone == "13700001111"


def test_clerk_and_supervisor_are_refused(office_counter: tuple[Counter, Office, dict[str, Actor]]) -> None:
    counter, office, actors = office_counter
    for role in ("clerk", "supervisor"):
        with pytest.raises(PermissionDenied):
            counter.retention.preview(actors[role], DAYS)
        with pytest.raises(PermissionDenied):
            counter.retention.purge(actors[role], DAYS)
    assert counter.ctx.store.scalar("SELECT count(*) FROM applications WHERE purged_at IS NOT NULL") == 0
    assert counter.ctx.applications.get(office.cases["A"]).form
    denied = counter.ctx.store.scalar(
        "SELECT count(*) FROM audit_events WHERE action = 'permission.denied'"
        " AND detail LIKE '%purge_personal_data%'"
    )
    assert denied == 4


def test_days_come_from_the_setting_and_are_checked(counter: Counter, admin: Actor) -> None:
    assert counter.retention.preview(admin).days == 1095
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("retention_days", "400")
    preview = counter.retention.preview(admin)
    assert preview.days == 400
    assert preview.cutoff == date.fromordinal(counter.ctx.today().toordinal() - 400).isoformat()
    for bad in (0, 29, 36501):
        with pytest.raises(ValidationError) as refused:
            counter.retention.preview(admin, bad)
        assert refused.value.field == "days"


# --- purged records stay purged ------------------------------------------------------------------------
def test_a_later_pull_brings_no_personal_data_back(
    office_counter: tuple[Counter, Office, dict[str, Actor]],
    make_counter: Callable[..., Counter],  # noqa: F811
    central: CentralServer,  # noqa: F811
) -> None:
    counter, office, actors = office_counter
    counter.retention.purge(actors["admin"], DAYS)
    p1, case_a = office.people["P1"], office.cases["A"]
    # Another counter of the office still holds P1 and case A in full, and changes P1's contact.
    other = make_counter("c2")
    synced(other)
    assert other.ctx.applicants.details(p1.id).id_number == p1.id_number
    other_form = other.ctx.applications.get(case_a).form
    assert other_form
    other.applicants.update_contact(
        Actor.command_line("other"), p1.id, phone="13800002222", address="新地址1号"
    )
    synced(other)

    report = SyncEngine(counter).run()
    assert report.outcome == "ok" and report.pulled >= 1
    details = counter.ctx.applicants.details(p1.id)
    assert details.summary.version == other.ctx.applicants.get(p1.id).version  # the change did land
    assert (details.id_number, details.phone, details.address) == (None, None, None)
    assert (details.summary.id_masked, details.summary.phone_masked, details.summary.birth_date) == (
        None,
        None,
        None,
    )
    assert details.summary.name == p1.name

    # The platform's copy of case A (its form in full), at a newer version, brings the form back neither.
    platform = central_record(central, case_a)
    assert platform is not None and platform.data["form"] == other_form
    app = counter.ctx.applications.get(case_a)
    change = {
        "entity": "application",
        "id": case_a,
        "version": app.version + 1,
        "cursor": counter.exchange.cursor() + 1,
        "data": platform.data,
    }
    assert counter.exchange.apply_pull_page([change], change["cursor"]) == 1
    pulled = counter.ctx.applications.get(case_a)
    assert pulled.version == app.version + 1 and pulled.form == {}
    assert counter.ctx.store.scalar("SELECT form_enc FROM applications WHERE id = ?", (case_a,)) is None


def test_a_reader_holding_the_log_is_reported_and_the_next_run_finishes_the_job(
    office_counter: tuple[Counter, Office, dict[str, Actor]],
) -> None:
    counter, office, actors = office_counter
    needles = _needles(counter, office)
    # Another connection (the sync thread has one) in the middle of a read of the old snapshot.
    reader = sqlite3.connect(str(counter.ctx.paths.database), isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM applications").fetchone()[0] == len(office.cases)
        held = counter.retention.purge(actors["admin"], DAYS)
        assert held.cases == 3 and held.checkpointed is False
        reader.execute("COMMIT")
    finally:
        reader.close()
    # Nothing left to purge, but the run folds the log in and truncates it.
    again = counter.retention.purge(actors["admin"], DAYS)
    assert (again.cases, again.applicants, again.scans) == (0, 0, 0)
    assert again.checkpointed is True
    assert _found(counter.data_dir, needles) == {}


def test_an_open_conflict_keeps_the_case_and_a_resolved_one_loses_its_copies(
    office_counter: tuple[Counter, Office, dict[str, Actor]],
    make_counter: Callable[..., Counter],  # noqa: F811
) -> None:
    counter, office, actors = office_counter
    p1 = office.people["P1"]
    other = make_counter("c2")
    synced(other)
    cli = Actor.command_line("other")
    # Both counters change P1's phone; the platform takes this counter's, the other gets a conflict.
    counter.applicants.update_contact(actors["clerk"], p1.id, phone="13911112222")
    other.applicants.update_contact(cli, p1.id, phone="13633334444")
    synced(counter)
    report = SyncEngine(other).run()
    assert report.conflicts == 1
    (conflict,) = other.conflicts.open(cli)
    assert conflict["entity_id"] == p1.id

    # While the conflict is open, case A and P1 stay on the other counter.
    preview = other.retention.preview(cli, DAYS)
    kept = other.retention.purge(cli, DAYS)
    assert (kept.cases, kept.applicants) == (preview.cases, preview.applicants)
    assert _purged_at(other, "applications", office.cases["A"]) is None
    assert other.ctx.applicants.details(p1.id).id_number == p1.id_number

    other.conflicts.resolve(cli, conflict["id"], "server")
    assert SyncEngine(other).run().outcome == "ok"
    row = other.ctx.store.one("SELECT local_enc, server_enc FROM conflicts WHERE id = ?", (conflict["id"],))
    needles = {
        "conflict local": bytes(row["local_enc"]),
        "conflict server": bytes(row["server_enc"]),
        "id number": p1.id_number.encode(),
        "phone": b"13633334444",
    }
    assert _found(other.data_dir, needles).keys() == {"conflict local", "conflict server"}
    result = other.retention.purge(cli, DAYS)
    assert result.cases >= 1 and result.applicants >= 1 and result.checkpointed
    assert _purged_at(other, "applicants", p1.id)
    assert _found(other.data_dir, needles) == {}
    # The resolved conflict is kept, without the personal fields on either side.
    row = other.ctx.store.one("SELECT local_enc, server_enc FROM conflicts WHERE id = ?", (conflict["id"],))
    local = json.loads(other.ctx.cipher.decrypt_bytes(row["local_enc"], "conflict.data"))
    server = json.loads(other.ctx.cipher.decrypt_bytes(row["server_enc"], "conflict.data"))
    assert "phone" not in local["op"] and "id_number" not in local["record"] and "phone" not in server
    assert local["record"]["name"] == p1.name
