"""Administration: status, audit verification, backups."""

from __future__ import annotations

import os
import time
import zipfile
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from counter_app.accounts import Actor, Permission
from counter_app.audit import VerifyResult, verify_chain
from counter_app.services.context import Context
from counter_app.store.conflicts import ConflictRepo
from counter_app.store.outbox import REJECTED

BACKUP_DB_NAME = "counter.db"


@dataclass(frozen=True)
class Status:
    pending_ops: int
    conflicts: int
    rejected: int
    last_sync: str | None
    server: str | None
    clock_offset_s: float | None
    receipt_prefix: str
    secrets: str
    secrets_secure: bool
    schema_version: int
    held_scans: int = 0  # scans of drafts, kept here until the application is decided
    rejected_waiting: int = 0  # rejected ops no supervisor has acknowledged yet

    def as_dict(self) -> dict:
        return asdict(self)


ORPHAN_AGE = timedelta(days=1)


class AdminService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def status(self) -> Status:
        ctx = self.ctx
        offset = ctx.settings.get("clock_offset_s")
        secrets = ctx.secrets.status()
        return Status(
            pending_ops=ctx.outbox.count_to_push(),  # held-back scans of drafts are not counted
            conflicts=ConflictRepo(ctx.store, ctx.cipher).count_open(),
            rejected=ctx.outbox.count(REJECTED),
            last_sync=ctx.settings.get("last_sync"),
            server=ctx.settings.get("server_url"),
            clock_offset_s=float(offset) if offset else None,
            receipt_prefix=ctx.settings.get("receipt_prefix") or "",
            secrets=secrets.describe(),
            secrets_secure=secrets.secure,
            schema_version=ctx.store.user_version,
            held_scans=ctx.outbox.count_held_back(),
            rejected_waiting=ctx.outbox.count_rejected_unacknowledged(),
        )

    def sweep_orphaned_scans(self, older_than: timedelta = ORPHAN_AGE) -> int:
        """Delete encrypted scan files no attachment record refers to, last written more than
        ``older_than`` ago: left behind when deleting a removed scan's file failed (an indexer held
        it) or a crash came between the record's commit and the delete. The age keeps a scan being
        attached right now (its file is written just before its record) out of reach. Housekeeping
        the app runs at start on the database thread; audited when it removed something."""
        cutoff = time.time() - older_than.total_seconds()
        known = self.ctx.attachments.ids()  # one query, not one per file
        removed = 0
        for path in self.ctx.paths.attachments.glob("*.bin"):
            try:
                if path.stem in known or path.stat().st_mtime >= cutoff:
                    continue
                path.unlink()
            except OSError:
                continue  # gone meanwhile, or still held: the next start tries again
            removed += 1
        if removed:
            with self.ctx.store.transaction():
                self.ctx.audit("system", "attachment.sweep", outcome="success", files=removed)
        return removed

    def verify_audit(self, actor: Actor) -> VerifyResult:
        self.ctx.require(actor, Permission.VIEW_AUDIT)
        log = self.ctx.audit_log
        result = verify_chain(log.iter_events(), log.recorded_head())
        with self.ctx.store.transaction():
            self.ctx.audit(
                actor,
                "audit.verify",
                outcome="success" if result.ok else "failure",
                events=result.events,
                problems=len(result.problems),
            )
        return result

    def backup(self, actor: Actor, target: Path) -> Path:
        """A consistent copy taken while the app runs: the database (SQLite backup API) and the
        encrypted attachments, in one zip. Everything in it stays encrypted; the key is not in it."""
        self.ctx.require(actor, Permission.BACKUP)
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        snapshot = self.ctx.paths.backups / f".snapshot-{os.getpid()}.db"
        try:
            self.ctx.store.backup_to(snapshot)
            tmp = target.with_name(target.name + ".part")
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.write(snapshot, BACKUP_DB_NAME)
                for path in sorted(self.ctx.paths.attachments.glob("*.bin")):
                    archive.write(path, f"attachments/{path.name}")
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        finally:
            snapshot.unlink(missing_ok=True)
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "backup.create", outcome="success", size=target.stat().st_size)
        return target

    def record_restore(self, actor: Actor, source: Path, safety: Path) -> None:
        """Audit a restore (``restore_backup`` ran with the profile closed; this profile was opened
        from the restored database, so the event lands in the chain it restored)."""
        self.ctx.require(actor, Permission.BACKUP)
        with self.ctx.store.transaction():
            self.ctx.audit(
                actor, "backup.restore", outcome="success", source=Path(source).name, kept=Path(safety).name
            )


def restore_backup(paths, archive: Path) -> Path:
    """Replace the profile's database and attachments with a backup made by :meth:`AdminService.backup`.

    Runs with the profile closed. The backup is checked first (a zip holding a database that passes
    ``integrity_check`` and belongs to this profile, when one exists); the current database is kept
    in ``backups/`` as ``pre-restore-*.db``. Returns that safety copy's path (or the restored path).
    """
    import shutil
    import tempfile
    import time

    from counter_app.errors import CorruptDatabase, DatabaseTooNew, ValidationError
    from counter_app.store import files
    from counter_app.store.migrations import LATEST_VERSION

    archive = Path(archive)
    if not archive.is_file():
        raise ValidationError("path", f"{archive} does not exist", code="not_found")
    paths.ensure()
    with tempfile.TemporaryDirectory(dir=paths.root) as scratch:
        try:
            with zipfile.ZipFile(archive) as bundle:
                names = bundle.namelist()
                if BACKUP_DB_NAME not in names:
                    raise ValidationError("path", f"{archive} is not a Counter backup", code="format")
                bundle.extractall(scratch)
        except zipfile.BadZipFile as exc:
            raise ValidationError(
                "path", f"{archive} is not a Counter backup ({exc})", code="format"
            ) from exc
        candidate = Path(scratch) / BACKUP_DB_NAME
        backup = files.inspect(candidate, label=str(archive))
        if backup.integrity != "ok":
            raise CorruptDatabase(str(archive), backup.integrity)
        if backup.version > LATEST_VERSION:
            raise DatabaseTooNew(str(archive), backup.version, LATEST_VERSION)
        safety = paths.database
        if paths.database.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            try:
                mine = files.inspect(paths.database, check=False).install_id
            except CorruptDatabase:
                # Restoring is what one does with a damaged database: set it aside as it is.
                safety = paths.backups / f"damaged-{stamp}.db"
                os.replace(paths.database, safety)
            else:
                if mine and backup.install_id and mine != backup.install_id:
                    raise ValidationError(
                        "path",
                        "this backup belongs to another profile (its data key is not this one's)",
                        code="other_profile",
                    )
                safety = paths.backups / f"pre-restore-{stamp}.db"
                files.copy_closed(paths.database, safety)
        for suffix in ("-wal", "-shm"):
            Path(str(paths.database) + suffix).unlink(missing_ok=True)
        os.replace(candidate, paths.database)
        restored = Path(scratch) / "attachments"
        if restored.is_dir():
            for item in restored.iterdir():
                shutil.move(str(item), paths.attachments / item.name)
    return safety
