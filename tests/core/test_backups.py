"""Backups through the core: encrypted as a whole, consistent while others write, restored only into
their own profile; the daily backup and its pruning; who may make, list and restore them."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from counter_app.accounts import Actor
from counter_app.backup_file import MAGIC, BackupHeader, EncryptingWriter, decrypt_to, read_header
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import CorruptDatabase, PermissionDenied, ValidationError
from counter_app.paths import DataPaths
from counter_app.services.applicants import PersonInput
from counter_app.services.backups import BACKUP_DB_NAME, restore_backup
from counter_app.services.seed import Seeder
from tests.conftest import START

NAME = "欧阳明月"
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"


def _register(counter: Counter, actor: Actor, name: str = NAME) -> str:
    return counter.applicants.register_person(
        actor, PersonInput(name, ID_NUMBER, PHONE, "北京市西城区某街1号")
    ).id


def _reopen_closed(data_dir: Path, clock: FixedClock) -> Counter:
    return Counter.open(data_dir, clock=clock)


# --- consistent while another connection writes ---------------------------------------------------
def test_a_backup_taken_while_another_thread_writes_restores_everything_committed_before_it(
    counter: Counter, data_dir: Path, clock: FixedClock, clerk: Actor, admin: Actor, tmp_path: Path
) -> None:
    committed: list[str] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def write() -> None:
        # Its own profile connection on the same data directory, through the intake use cases.
        writer = Counter.open(data_dir, clock=FixedClock(START))
        try:
            seeder = Seeder(writer, clerk, 7)
            items = [
                i for i in writer.catalogue.active().active_items() if "natural_person" in i.service_objects
            ]
            n = 0
            while not stop.is_set() or len(committed) < 30:
                person = seeder.people.person()
                applicant = writer.applicants.register_person(
                    clerk, PersonInput(person.name, person.resident_id, person.mobile, person.address)
                )
                item = items[n % len(items)]
                app = writer.intake.draft(clerk, applicant.id, item.code, seeder.form_values(item))
                committed.append(app.id)
                n += 1
        except BaseException as exc:  # reported by the test
            failures.append(exc)
        finally:
            writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while len(committed) < 10 and thread.is_alive():
            stop.wait(0.01)  # polling the writer's progress, not synchronising on time
        before = list(committed)
        entry = counter.backups.create(admin, tmp_path / "usb")  # not a folder yet: the file's name
    finally:
        stop.set()
        thread.join(60)
    assert not failures, failures
    assert len(before) >= 10
    assert len(committed) > len(before)  # the writer went on during and after the backup
    counter.close()

    restore_backup(DataPaths(data_dir), entry.path)
    with _reopen_closed(data_dir, clock) as restored:
        ids = {row["id"] for row in restored.ctx.store.all("SELECT id FROM applications")}
        assert set(before) <= ids
        assert ids <= set(committed)
        # Nothing half-written: each application has its applicant, its outbox op and its audit event.
        for app_id in ids:
            row = restored.ctx.store.one("SELECT applicant_id FROM applications WHERE id = ?", (app_id,))
            assert row is not None
            assert restored.ctx.applicants.get(row["applicant_id"]) is not None
            assert (
                restored.ctx.store.scalar("SELECT count(*) FROM outbox WHERE entity_id = ?", (app_id,)) >= 1
            )
            assert (
                restored.ctx.store.scalar("SELECT count(*) FROM audit_events WHERE entity_id = ?", (app_id,))
                >= 1
            )
        assert restored.ctx.store.integrity_check() == "ok"
        result = restored.admin.verify_audit(admin)
        assert result.ok, result.problems


# --- no plaintext personal data in the file -------------------------------------------------------
def test_the_backup_file_holds_no_plaintext_personal_data(
    counter: Counter, clerk: Actor, admin: Actor, data_dir: Path, tmp_path: Path
) -> None:
    _register(counter, clerk)
    needles = [ID_NUMBER.encode(), PHONE.encode(), NAME.encode("utf-8"), NAME.encode("utf-16-le")]
    counter.ctx.store.checkpoint()
    # The scan can fail: the profile's own database keeps the name readable (it is searched by it).
    database = (data_dir / "counter.db").read_bytes()
    assert NAME.encode("utf-8") in database

    folder = tmp_path / "usb"
    folder.mkdir()
    entry = counter.backups.create(admin, folder)
    assert entry.path.parent == folder and entry.path.suffix == ".cbk"
    assert entry.path.name.startswith("counter-") and not entry.automatic
    data = entry.path.read_bytes()
    assert data.startswith(MAGIC)
    assert not zipfile.is_zipfile(entry.path)
    for needle in needles:
        assert needle not in data, needle
    header = read_header(entry.path)
    assert header.install_id == counter.ctx.settings.get("install_id")
    assert header.schema_version == counter.ctx.store.user_version
    assert header.secrets_backend == counter.ctx.secrets.backend
    # Nothing of the scratch snapshot is left in the data directory.
    assert not [p for p in data_dir.rglob("*") if p.name.startswith((".backup-", ".restore-"))]
    assert not list(folder.glob("*.part"))


def test_a_changed_or_cut_backup_is_refused_and_the_profile_kept(
    counter: Counter, admin: Actor, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    entry = counter.backups.create(admin, tmp_path / "b.cbk")
    counter.close()
    data = entry.path.read_bytes()
    changed = tmp_path / "changed.cbk"
    changed.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    cut = tmp_path / "cut.cbk"
    cut.write_bytes(data[:-10])
    before = (data_dir / "counter.db").read_bytes()
    for bad in (changed, cut):
        with pytest.raises(ValidationError) as refused:
            restore_backup(DataPaths(data_dir), bad)
        assert refused.value.field == "path" and refused.value.code == "damaged"
    assert (data_dir / "counter.db").read_bytes() == before
    assert not list((data_dir / "backups").glob("pre-restore-*"))
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".restore-")]


# --- restore: whose backup ------------------------------------------------------------------------
def test_another_profiles_backup_is_refused(
    counter: Counter, admin: Actor, tmp_path: Path, clock: FixedClock
) -> None:
    entry = counter.backups.create(admin, tmp_path / "mine.cbk")
    other_dir = tmp_path / "other"
    Counter.open(other_dir, clock=clock).close()
    before = (other_dir / "counter.db").read_bytes()
    with pytest.raises(ValidationError) as refused:
        restore_backup(DataPaths(other_dir), entry.path)
    assert (refused.value.field, refused.value.code) == ("path", "other_profile")
    assert (other_dir / "counter.db").read_bytes() == before


def test_a_damaged_database_is_replaced_with_the_key_the_header_names(
    counter: Counter, clerk: Actor, admin: Actor, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    applicant = _register(counter, clerk)
    entry = counter.backups.create(admin, tmp_path / "good.cbk")
    assert counter.backups.take_daily_if_due().taken is not None
    counter.close()
    database = data_dir / "counter.db"
    database.write_bytes(b"not a database any more" * 500)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    daily = counter_backups_offered(data_dir, clock)
    assert daily and all(path.endswith(".cbk") for path in daily)  # the message offers the daily one
    safety = restore_backup(DataPaths(data_dir), entry.path)
    assert safety.name.startswith("damaged-")
    with _reopen_closed(data_dir, clock) as restored:
        assert restored.applicants.get(clerk, applicant).name == NAME


def test_an_old_unencrypted_zip_backup_is_still_restored(
    counter: Counter, clerk: Actor, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    applicant = _register(counter, clerk)
    # What AdminService.backup wrote before backups were encrypted: the snapshot and the attachments.
    snapshot = tmp_path / "snapshot.db"
    counter.ctx.store.backup_to(snapshot)
    old = tmp_path / "counter-backup.zip"
    scan = counter.ctx.paths.attachments / "0b6e1d1e-0000-4000-8000-000000000001.bin"
    scan.write_bytes(b"encrypted scan bytes")
    with zipfile.ZipFile(old, "w") as archive:
        archive.write(snapshot, BACKUP_DB_NAME)
        archive.write(scan, f"attachments/{scan.name}")
        archive.writestr("../escape.txt", "not extracted")
    scan.unlink()
    counter.close()
    safety = restore_backup(DataPaths(data_dir), old)
    assert safety.name.startswith("pre-restore-")
    assert scan.read_bytes() == b"encrypted scan bytes"
    assert not (tmp_path / "escape.txt").exists() and not (data_dir / "escape.txt").exists()
    with _reopen_closed(data_dir, clock) as restored:
        assert restored.applicants.get(clerk, applicant).name == NAME


# --- the daily backup -----------------------------------------------------------------------------
def test_the_daily_backup_is_taken_once_a_day_and_old_ones_are_pruned(
    counter: Counter, clock: FixedClock, admin: Actor, data_dir: Path
) -> None:
    counter.ctx.settings.set("backup_keep_days", "3")
    first = counter.backups.take_daily_if_due()
    assert first.taken is not None and first.taken.automatic and first.error is None
    assert first.taken.path.parent == data_dir / "backups" / "daily"
    clock.advance(timedelta(hours=5))
    assert counter.backups.take_daily_if_due().taken is None  # the same day: nothing more

    taken = [first.taken.path]
    for _ in range(5):
        clock.advance(timedelta(days=1))
        daily = counter.backups.take_daily_if_due()
        assert daily.taken is not None
        taken.append(daily.taken.path)
    # Six days: today and the three before it are kept, the two older ones are gone.
    assert [p.exists() for p in taken] == [False, False, True, True, True, True]
    listed = counter.backups.list(admin)
    assert [e.path for e in listed] == list(reversed(taken[2:]))  # newest first
    assert all(e.automatic and e.size > 0 for e in listed)
    actions = [e["action"] for e in counter.ctx.audit_log.recent(30)]
    assert actions.count("backup.create") == 6 and "backup.prune" in actions


def test_a_backup_made_on_demand_is_listed_and_never_pruned(
    counter: Counter, clock: FixedClock, admin: Actor, data_dir: Path
) -> None:
    folder = data_dir / "backups" / "daily"
    folder.mkdir(parents=True)
    manual = counter.backups.create(admin, folder)
    clock.advance(timedelta(days=1))
    counter.backups.take_daily_if_due()
    listed = counter.backups.list(admin)
    assert [(e.path, e.automatic) for e in listed][1] == (manual.path, False)
    clock.advance(timedelta(days=60))
    counter.backups.take_daily_if_due()
    assert manual.path.exists()
    assert len([e for e in counter.backups.list(admin) if e.automatic]) == 1


def test_the_backup_folder_setting_is_followed(counter: Counter, tmp_path: Path, admin: Actor) -> None:
    folder = tmp_path / "share" / "backups"
    counter.ctx.settings.set("backup_folder", str(folder))
    daily = counter.backups.take_daily_if_due()
    assert daily.taken is not None and daily.taken.path.parent == folder
    assert [e.path for e in counter.backups.list(admin)] == [daily.taken.path]


def test_an_unwritable_folder_is_reported_not_raised(counter: Counter, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    counter.ctx.settings.set("backup_folder", str(blocker / "daily"))
    daily = counter.backups.take_daily_if_due()
    assert daily.taken is None and daily.error
    again = counter.backups.take_daily_if_due()
    assert again.error
    failures = [
        e
        for e in counter.ctx.audit_log.recent(10)
        if e["action"] == "backup.create" and e["outcome"] == "failure"
    ]
    assert len(failures) == 1  # once a day, not on every try


# --- who may --------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_clerks_and_supervisors_may_not_back_up_list_or_restore(
    request: pytest.FixtureRequest, counter: Counter, role: str, tmp_path: Path
) -> None:
    actor: Actor = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        counter.backups.create(actor, tmp_path)
    with pytest.raises(PermissionDenied):
        counter.backups.list(actor)
    with pytest.raises(PermissionDenied):
        counter.backups.record_restore(actor, tmp_path / "x.cbk", tmp_path / "y.db")
    backup = counter.backups.create(Actor.command_line("t"), tmp_path / "real.cbk")
    with pytest.raises(PermissionDenied):  # asked before anything is stopped or replaced
        counter.backups.request_restore(actor, backup.path)
    assert [p.name for p in tmp_path.rglob("*.cbk")] == ["real.cbk"]
    denied = [e for e in counter.ctx.audit_log.recent(10) if e["action"] == "permission.denied"]
    assert len(denied) == 4
    assert not [e for e in counter.ctx.audit_log.recent(10) if e["action"] == "backup.restore_request"]


def test_a_restore_request_names_why_it_is_refused(counter: Counter, admin: Actor, tmp_path: Path) -> None:
    not_a_backup = tmp_path / "notes.cbk"
    not_a_backup.write_bytes(b"shopping list")
    for path, code in ((tmp_path / "gone.cbk", "not_found"), (not_a_backup, "format")):
        with pytest.raises(ValidationError) as refused:
            counter.backups.request_restore(admin, path)
        assert refused.value.code == code
    asked = [e for e in counter.ctx.audit_log.recent(5) if e["action"] == "backup.restore_request"]
    assert [(e["outcome"], json.loads(e["detail"])["reason"]) for e in asked] == [
        ("failure", "format"),
        ("failure", "not_found"),
    ]


def test_a_restore_never_issues_a_receipt_number_twice(
    counter: Counter, clerk: Actor, admin: Actor, data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """Receipt numbers issued after the backup (printed on notices, maybe sent) stay issued."""
    Seeder(counter, clerk, 1).run(1)
    backup = counter.backups.create(admin, tmp_path / "morning.cbk")
    Seeder(counter, clerk, 2).run(2)  # taken in after the backup
    issued = {row.receipt_no for row in counter.queries.applications(clerk, limit=100)}
    assert len(issued) == 3
    counter.backups.request_restore(admin, backup.path)
    counter.close()
    restore_backup(DataPaths(data_dir), backup.path)
    with _reopen_closed(data_dir, clock) as restored:
        assert len(restored.queries.applications(clerk, limit=100)) == 1  # the backup's data
        Seeder(restored, clerk, 3).run(2)
        new = {row.receipt_no for row in restored.queries.applications(clerk, limit=100)} - issued
        assert len(new) == 2  # numbers never seen before the restore


# --- the file format --------------------------------------------------------------------------------
def _sealed(tmp_path: Path, plaintext: bytes, key: bytes) -> tuple[Path, int]:
    header = BackupHeader.new(
        install_id="i-1",
        secrets_backend="keyring",
        created="2026-11-23T09:30:00.000+08:00",
        schema_version=7,
        automatic=False,
    )
    header = dataclasses.replace(header, chunk_size=64)
    path = tmp_path / "small.cbk"
    with open(path, "wb") as raw:
        writer = EncryptingWriter(raw, header, key)
        writer.write(plaintext[:100])
        writer.write(plaintext[100:])
        writer.close()
    return path, len(MAGIC) + 4 + len(header.encode())


def test_chunks_cannot_be_cut_moved_or_relabelled(tmp_path: Path) -> None:
    key, plaintext = b"k" * 32, bytes(range(256))  # four chunks of 64 bytes, the last one marked
    path, body_start = _sealed(tmp_path, plaintext, key)
    out = tmp_path / "out.zip"
    assert decrypt_to(path, key, out).install_id == "i-1" and out.read_bytes() == plaintext
    data = path.read_bytes()
    sealed = 64 + 16
    head, body = data[:body_start], data[body_start:]
    chunks = [body[i : i + sealed] for i in range(0, len(body), sealed)]
    assert [len(c) for c in chunks] == [sealed] * 4
    variants = {
        "cut at a chunk boundary": head + b"".join(chunks[:3]),
        "cut inside a chunk": data[:-5],
        "two chunks swapped": head + chunks[1] + chunks[0] + b"".join(chunks[2:]),
        "a chunk left out": head + chunks[0] + b"".join(chunks[2:]),
        "the header changed": data.replace(b'"automatic":false', b'"automatic":true '),
        "a chunk added": data + chunks[-1],
        "a byte flipped": data[:-30] + bytes([data[-30] ^ 0x80]) + data[-29:],
    }
    for name, bad in variants.items():
        path.write_bytes(bad)
        with pytest.raises(ValidationError) as refused:
            decrypt_to(path, key, out)
        assert refused.value.code == "damaged", name
    path.write_bytes(data)
    with pytest.raises(ValidationError):
        decrypt_to(path, b"x" * 32, out)  # another profile's key


def counter_backups_offered(data_dir: Path, clock: FixedClock) -> list[str]:
    """The backups a damaged database's error offers (opening it fails)."""
    with pytest.raises(CorruptDatabase) as damaged:
        Counter.open(data_dir, clock=clock)
    return damaged.value.backups


def test_the_backup_settings_are_read_as_the_settings_tab_reads_them(counter: Counter) -> None:
    """One reading of the office's settings: a value the Settings tab would not show (out of range,
    a relative folder) is not used by the backups either."""
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("backup_keep_days", "5000")
        counter.ctx.settings.set("backup_folder", "relative/folder")
    settings = counter.office_settings.get()
    assert counter.backups.keep_days() == settings.backup_keep_days == 30
    assert counter.backups.folder() == Path(settings.backup_folder) == counter.ctx.paths.backups / "daily"


def test_old_safety_copies_and_a_crashed_runs_scratch_go_with_the_daily_backup(
    counter: Counter, clock: FixedClock, data_dir: Path
) -> None:
    """The plain copies of the database (before a migration or a restore) hold personal data as the
    live file does: they are kept for backup_keep_days, like the automatic backups."""
    counter.ctx.settings.set("backup_keep_days", "30")
    now = clock.now().timestamp()
    backups = data_dir / "backups"
    old_copy, recent_copy = backups / "pre-migration-v6-20261001.db", backups / "pre-restore-20261120.db"
    for path, age_days in ((old_copy, 31), (recent_copy, 2)):
        counter.ctx.store.backup_to(path)
        os.utime(path, (now - age_days * 86400, now - age_days * 86400))
    crashed, running = data_dir / ".backup-crashed", data_dir / ".restore-now"
    for folder, age_days in ((crashed, 2), (running, 0)):
        folder.mkdir()
        (folder / "counter.db").write_bytes(b"plain snapshot")
        os.utime(folder, (now - age_days * 86400, now - age_days * 86400))

    daily = counter.backups.take_daily_if_due()
    assert daily.taken is not None and old_copy in daily.pruned
    assert not old_copy.exists() and recent_copy.exists()
    assert not crashed.exists() and running.exists()
    event = next(e for e in counter.ctx.audit_log.recent(5) if e["action"] == "backup.prune")
    assert json.loads(event["detail"]) == {"files": 0, "safety_copies": 1, "scratch": 1, "keep_days": 30}
