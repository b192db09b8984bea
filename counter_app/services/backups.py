"""Backups: the automatic daily backup, backups to a chosen folder, the list of backups, restore.

A backup is one file (:mod:`counter_app.backup_file`): a zip of a consistent SQLite snapshot (the
backup API, safe while the app and sync write) and the attachment files, encrypted as a whole with
a key derived from the profile's data key. The data key itself is never in it: a backup is restored
on a computer that holds the profile's key (its keyring, or its fallback key file).

The automatic backup goes to the ``backup_folder`` setting (default ``<data dir>/backups/daily``)
once per calendar day, and automatic backups older than ``backup_keep_days`` are removed from it;
backups made on demand (to a USB stick, say) are never removed by Counter.

``restore_backup`` runs with the profile closed (the command line, and the app between closing and
reopening its database); the reopened profile audits it with :meth:`BackupService.record_restore`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.accounts import Actor, Permission
from counter_app.backup_file import (
    SUFFIX,
    BackupHeader,
    EncryptingWriter,
    decrypt_to,
    is_encrypted_backup,
    read_header,
)
from counter_app.clock import CHINA_TZ, iso
from counter_app.errors import CorruptDatabase, DatabaseTooNew, SecretsUnavailable, ValidationError
from counter_app.paths import DataPaths
from counter_app.secrets import FILE, KEYRING, Secrets
from counter_app.services.context import Context
from counter_app.services.office_settings import OfficeSettingsService
from counter_app.store import files

log = logging.getLogger(__name__)

BACKUP_DB_NAME = "counter.db"  # the snapshot's name inside the zip
ATTACHMENTS_DIR = "attachments"
_LAST_FAILURE = "backup_last_failure"  # the day an automatic backup last failed (audited once a day)
_MEMBER = re.compile(r"^attachments/[A-Za-z0-9._-]+\.bin$")


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created: datetime  # from the file's header; for an old zip backup, the time it was written
    size: int  # bytes
    automatic: bool  # the daily backup (pruned after backup_keep_days) or one made on demand
    encrypted: bool = True  # False: an old zip backup (its database unencrypted but for the personal fields)

    @property
    def created_iso(self) -> str:
        return iso(self.created)


@dataclass(frozen=True)
class DailyBackup:
    """What :meth:`BackupService.take_daily_if_due` did."""

    taken: BackupEntry | None = None  # the backup made now, if one was due
    pruned: tuple[Path, ...] = field(default_factory=tuple)  # old automatic backups and safety copies removed
    error: str | None = None  # why the due backup could not be made (the folder is gone, the disk full)


@dataclass(frozen=True)
class PreparedBackup:
    """A backup whose snapshot is taken: :meth:`write` zips and encrypts it with the scan files into
    ``target`` — the slow part, on any thread (it touches no Counter: the snapshot and the scan files
    do not change, and the key is a value)."""

    target: Path
    header: BackupHeader
    key: bytes = field(repr=False)  # the profile's data key: never in a log line
    scratch: Path
    scans: tuple[Path, ...]
    created: datetime
    automatic: bool

    def write(self) -> BackupEntry:
        """Through ``target.part``, so a file with the final name is always whole; the plaintext
        snapshot is removed whatever happens."""
        part = self.target.with_name(self.target.name + ".part")
        snapshot = self.scratch / BACKUP_DB_NAME
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "wb") as raw:
                writer = EncryptingWriter(raw, self.header, self.key)
                with zipfile.ZipFile(writer, "w") as archive:
                    archive.write(snapshot, BACKUP_DB_NAME, compress_type=zipfile.ZIP_DEFLATED)
                    snapshot.unlink()
                    _add_attachments(archive, self.scans)
                writer.close()
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(part, self.target)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)
            part.unlink(missing_ok=True)
        return BackupEntry(self.target, self.created, self.target.stat().st_size, self.automatic)


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # --- settings (the office's: counter_app/services/office_settings.py, one reading of them) -------
    def folder(self) -> Path:
        """Where the automatic backups go (and the folder :meth:`list` shows)."""
        return Path(OfficeSettingsService(self.ctx).get().backup_folder).expanduser()

    def keep_days(self) -> int:
        return OfficeSettingsService(self.ctx).get().backup_keep_days

    # --- use cases -----------------------------------------------------------------------------------
    def create(self, actor: Actor, folder_or_path: Path | str) -> BackupEntry:
        """A backup made now, all on the calling thread (the command line, the tests). Given a folder
        (an existing directory, e.g. a USB stick), a file named
        ``counter-<office or install>-YYYYMMDD-HHMMSS.cbk`` is written in it; given any other path,
        that file is written. The app runs the same three parts on two threads: :meth:`prepare` on
        the profile's thread, :meth:`PreparedBackup.write` on a pool thread, :meth:`finish` back."""
        prepared = self.prepare(actor, folder_or_path)
        try:
            entry = prepared.write()
        except (OSError, ValidationError, SecretsUnavailable) as exc:
            self.failed(actor, exc)
            raise
        return self.finish(actor, entry)

    def prepare(self, actor: Actor, folder_or_path: Path | str) -> PreparedBackup:
        """The quick part of an on-demand backup, on the profile's thread: the permission, the
        consistent snapshot (SQLite's online backup) and the list of scan files. Failures audited."""
        self.ctx.require(actor, Permission.BACKUP)
        chosen = Path(folder_or_path).expanduser()
        target = chosen / self.file_name() if chosen.is_dir() else chosen
        try:
            target.parent.mkdir(parents=True, exist_ok=True)  # refused now, before any snapshot
            return self._prepare(target, automatic=False)
        except (OSError, ValidationError, SecretsUnavailable) as exc:
            self.failed(actor, exc)
            raise

    def finish(self, actor: Actor, entry: BackupEntry) -> BackupEntry:
        """Audit the on-demand backup written by :meth:`PreparedBackup.write`."""
        self.ctx.require(actor, Permission.BACKUP)
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "backup.create", outcome="success", file=entry.path.name, size=entry.size)
        return entry

    def failed(self, actor: Actor | str, error: BaseException) -> None:
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "backup.create", outcome="failure", error=type(error).__name__)

    def take_daily_if_due(self) -> DailyBackup:
        """The automatic backup: at most one per calendar day (the profile's clock) in the backup
        folder, then the housekeeping of :meth:`_prune`. Runs as the system; audited when it did
        something. The app runs it in parts (:meth:`prepare_daily`, ``write``, :meth:`finish_daily`)
        so that only the snapshot holds the profile's thread."""
        prepared = self.prepare_daily()
        if isinstance(prepared, DailyBackup):
            return prepared
        try:
            entry = prepared.write()
        except (OSError, ValidationError, SecretsUnavailable) as exc:
            return self.daily_failed(exc)
        return self.finish_daily(entry)

    def prepare_daily(self) -> PreparedBackup | DailyBackup:
        """Today's automatic backup prepared when it is due; else what was done (housekeeping, or
        why the backup could not be prepared)."""
        folder = self.folder()
        now = self.ctx.clock.now()
        mine = self._automatic_entries(folder)
        if any(e.created.astimezone(CHINA_TZ).date() == now.date() for e in mine):
            return DailyBackup(pruned=self._prune(mine, now))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return self._prepare(folder / self.file_name(now), automatic=True)
        except (OSError, ValidationError, SecretsUnavailable) as exc:
            return self.daily_failed(exc)

    def finish_daily(self, entry: BackupEntry) -> DailyBackup:
        with self.ctx.store.transaction():
            self.ctx.audit(
                "system",
                "backup.create",
                outcome="success",
                automatic=True,
                file=entry.path.name,
                size=entry.size,
            )
        mine = self._automatic_entries(entry.path.parent)
        return DailyBackup(taken=entry, pruned=self._prune(mine, self.ctx.clock.now()))

    def daily_failed(self, error: BaseException) -> DailyBackup:
        """An automatic backup failed: logged, audited once a day (an unplugged USB stick must not
        fill the trail), reported."""
        today = self.ctx.clock.now().date().isoformat()
        log.warning("the automatic backup to %s failed: %s", self.folder(), error)
        if self.ctx.settings.get(_LAST_FAILURE) != today:
            with self.ctx.store.transaction():
                self.ctx.settings.set(_LAST_FAILURE, today)
                self.ctx.audit(
                    "system", "backup.create", outcome="failure", automatic=True, error=type(error).__name__
                )
        return DailyBackup(error=str(error))

    def list(self, actor: Actor) -> list[BackupEntry]:
        """The backups in the backup folder, newest first."""
        self.ctx.require(actor, Permission.BACKUP)
        entries = [entry for entry in map(_entry, _candidates(self.folder())) if entry is not None]
        return sorted(entries, key=lambda e: e.created, reverse=True)

    def request_restore(self, actor: Actor, path: Path | str) -> BackupEntry:
        """Check that ``actor`` may restore and that ``path`` is a backup of this profile, before
        anything is stopped or replaced (``restore_backup`` then runs with the profile closed).
        Audited ``backup.restore_request`` in the chain as it is now, refusals too."""
        self.ctx.require(actor, Permission.BACKUP)
        source = Path(path).expanduser()
        try:
            if not source.is_file():
                raise ValidationError("path", f"{source} does not exist", code="not_found")
            entry = _entry(source)
            if entry is None:
                raise ValidationError("path", f"{source} is not a Counter backup", code="format")
            if entry.encrypted:
                header = read_header(source)
                if header.install_id != (self.ctx.settings.get("install_id") or ""):
                    raise _other_profile()
        except ValidationError as exc:
            with self.ctx.store.transaction():
                self.ctx.audit(
                    actor, "backup.restore_request", outcome="failure", source=source.name, reason=exc.code
                )
            raise
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "backup.restore_request", outcome="success", source=source.name)
        return entry

    def record_restore(self, actor: Actor, source: Path | str, safety: Path | str) -> None:
        """Audit a restore (``restore_backup`` ran with the profile closed; this profile was opened
        from the restored database, so the event lands in the chain it restored)."""
        self.ctx.require(actor, Permission.BACKUP)
        with self.ctx.store.transaction():
            self.ctx.audit(
                actor, "backup.restore", outcome="success", source=Path(source).name, kept=Path(safety).name
            )

    def file_name(self, moment: datetime | None = None) -> str:
        """``counter-<office code, or the start of the install id>-YYYYMMDD-HHMMSS.cbk``."""
        settings = self.ctx.settings
        owner = (settings.get("office_code") or "").strip() or (settings.get("install_id") or "")[:8]
        owner = re.sub(r"[^A-Za-z0-9_-]", "_", owner) or "profile"
        stamp = (moment or self.ctx.clock.now()).strftime("%Y%m%d-%H%M%S")
        return f"counter-{owner}-{stamp}{SUFFIX}"

    # --- the work ----------------------------------------------------------------------------------------
    def _prepare(self, target: Path, *, automatic: bool) -> PreparedBackup:
        """The snapshot into a scratch directory inside the data directory (mode 0700; removed by
        ``write`` whatever happens, or by the housekeeping after a crash) and the scan files then."""
        from counter_app.core import DATA_KEY  # core composes this service

        ctx = self.ctx
        master = ctx.secrets.get_bytes(DATA_KEY)
        if master is None:
            raise SecretsUnavailable(f"the data key is not in the {ctx.secrets.status().describe()}")
        now = ctx.clock.now()
        header = BackupHeader.new(
            install_id=ctx.settings.get("install_id") or "",
            secrets_backend=ctx.secrets.backend,
            created=iso(now),
            schema_version=ctx.store.user_version,
            automatic=automatic,
        )
        scratch = Path(tempfile.mkdtemp(prefix=".backup-", dir=ctx.paths.ensure().root))
        try:
            ctx.store.backup_to(scratch / BACKUP_DB_NAME)
            # After the snapshot: every attachment record in it has its file already (files are
            # written before their records commit).
            scans = tuple(sorted(ctx.paths.attachments.glob("*.bin")))
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        return PreparedBackup(target, header, master, scratch, scans, now, automatic)

    def _automatic_entries(self, folder: Path) -> list[BackupEntry]:
        """This profile's automatic backups in ``folder`` (a shared folder may hold others')."""
        install_id = self.ctx.settings.get("install_id")
        found = []
        for path in _candidates(folder):
            if path.suffix != SUFFIX:
                continue
            try:
                header = read_header(path)
            except (ValidationError, OSError):
                continue
            if header.automatic and header.install_id == install_id:
                found.append(BackupEntry(path, _parse_time(header.created, path), path.stat().st_size, True))
        return found

    def _prune(self, automatic: Iterable[BackupEntry], now: datetime) -> tuple[Path, ...]:
        """Remove the automatic backups older than ``backup_keep_days``, the database's plain safety
        copies (``DataPaths.safety_copies``: before a migration or a restore, a damaged one set
        aside) last written before then, and the scratch folders a crashed backup or restore left
        (a day old: none is in use any more). Audited ``backup.prune`` with the counts."""
        keep = self.keep_days()
        today = now.astimezone(CHINA_TZ).date()
        old = [e.path for e in automatic if (today - e.created.astimezone(CHINA_TZ).date()).days > keep]
        cutoff = (now - timedelta(days=keep)).timestamp()
        copies = [path for path in self.ctx.paths.safety_copies() if _mtime_before(path, cutoff)]
        removed = [path for path in [*old, *copies] if _unlink(path)]
        scratch_cutoff = (now - timedelta(days=1)).timestamp()
        scratch = 0
        for pattern in (".backup-*", ".restore-*"):
            for folder in self.ctx.paths.root.glob(pattern):
                if folder.is_dir() and _mtime_before(folder, scratch_cutoff):
                    shutil.rmtree(folder, ignore_errors=True)
                    scratch += 0 if folder.exists() else 1
        if removed or scratch:
            with self.ctx.store.transaction():
                self.ctx.audit(
                    "system",
                    "backup.prune",
                    outcome="success",
                    files=len([path for path in removed if path in old]),
                    safety_copies=len([path for path in removed if path in copies]),
                    scratch=scratch,
                    keep_days=keep,
                )
        return tuple(removed)


def _mtime_before(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except OSError:
        return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("cannot remove the old copy %s: %s", path, exc)
        return False
    return True


def _add_attachments(archive: zipfile.ZipFile, scans: Iterable[Path]) -> None:
    for path in scans:
        try:
            archive.write(path, f"{ATTACHMENTS_DIR}/{path.name}", compress_type=zipfile.ZIP_STORED)
        except FileNotFoundError:
            continue  # removed since the snapshot (a removed scan): its record is gone too


def _candidates(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file() and p.suffix in (SUFFIX, ".zip")]
    except OSError:  # not there (yet), or unreachable (a network drive)
        return []


def _parse_time(text: str, path: Path) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return _mtime(path)
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TZ)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, CHINA_TZ)


def _entry(path: Path) -> BackupEntry | None:
    try:
        size = path.stat().st_size
        if path.suffix == SUFFIX:
            try:
                header = read_header(path)
            except ValidationError:
                return BackupEntry(path, _mtime(path), size, automatic=False)  # damaged: shown, refused later
            return BackupEntry(path, _parse_time(header.created, path), size, header.automatic)
        if zipfile.is_zipfile(path):
            return BackupEntry(path, _mtime(path), size, automatic=False, encrypted=False)
    except OSError:
        return None
    return None


# --- restore (the profile closed) -----------------------------------------------------------------------
def restore_backup(paths: DataPaths, archive: Path | str, *, config_dir: Path | None = None) -> Path:
    """Replace the profile's database and attachments with a backup.

    Runs with the profile closed. An encrypted backup is decrypted with the data key of the profile
    it names (this profile's; when the current database is missing or damaged, the key the header's
    install id has on this computer) into a scratch directory inside the data directory, removed
    afterwards; an old zip backup is read as it is. The database in it must pass
    ``integrity_check``, be no newer than this Counter and belong to this profile. The current
    database is kept in ``backups/`` as ``pre-restore-*.db`` (``damaged-*.db`` when it cannot be
    read). Returns that copy's path (or the restored database's, when there was none).
    """
    from counter_app.store.migrations import LATEST_VERSION

    archive = Path(archive).expanduser()
    if not archive.is_file():
        raise ValidationError("path", f"{archive} does not exist", code="not_found")
    paths.ensure()
    current = _current_facts(paths)
    scratch = Path(tempfile.mkdtemp(prefix=".restore-", dir=paths.root))
    try:
        expected_install = None
        bundle = archive
        if is_encrypted_backup(archive):
            header = read_header(archive)
            if current is not None and current.install_id and current.install_id != header.install_id:
                raise _other_profile()
            bundle = scratch / "backup.zip"
            decrypt_to(archive, _backup_key(header, current, config_dir), bundle)
            expected_install = header.install_id
        _extract(bundle, scratch, archive)
        if bundle != archive:
            bundle.unlink()  # the plaintext zip: what is needed of it was extracted
        candidate = scratch / BACKUP_DB_NAME
        backup = files.inspect(candidate, label=str(archive))
        if backup.integrity != "ok":
            raise CorruptDatabase(str(archive), backup.integrity)
        if backup.version > LATEST_VERSION:
            raise DatabaseTooNew(str(archive), backup.version, LATEST_VERSION)
        if expected_install and backup.install_id != expected_install:
            raise ValidationError("path", f"{archive}: the header does not match the data", code="damaged")
        if current is not None and current.install_id and backup.install_id != current.install_id:
            raise _other_profile()
        if current is not None and not current.damaged:
            # Receipt numbers issued since the backup stay issued (never given twice).
            files.carry_receipt_sequences(paths.database, candidate)
        safety = _set_current_aside(paths, current)
        for suffix in ("-wal", "-shm"):
            Path(str(paths.database) + suffix).unlink(missing_ok=True)
        os.replace(candidate, paths.database)
        restored = scratch / ATTACHMENTS_DIR
        if restored.is_dir():
            for item in restored.iterdir():
                shutil.move(str(item), paths.attachments / item.name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return safety


def _other_profile() -> ValidationError:
    return ValidationError(
        "path",
        "this backup belongs to another profile (its data key is not this one's)",
        code="other_profile",
    )


@dataclass(frozen=True)
class _Current:
    install_id: str | None
    secrets_backend: str | None
    damaged: bool


def _current_facts(paths: DataPaths) -> _Current | None:
    if not paths.database.exists():
        return None
    try:
        facts = files.inspect(paths.database, check=False)
    except CorruptDatabase:
        return _Current(None, None, damaged=True)
    return _Current(facts.install_id, facts.secrets_backend, damaged=False)


def _backup_key(header: BackupHeader, current: _Current | None, config_dir: Path | None) -> bytes:
    """The data key the backup was made with: the profile's own (where its database says it is), or,
    with no readable database, the header's install id's key on this computer (either backend)."""
    from counter_app.core import DATA_KEY

    first = (
        current.secrets_backend if current is not None and current.secrets_backend else header.secrets_backend
    )
    backends = [first] + [b for b in (KEYRING, FILE) if b != first]
    for backend in backends:
        if backend not in (KEYRING, FILE):
            continue
        key = Secrets(header.install_id, backend, config_dir=config_dir).get_bytes(DATA_KEY)
        if key is not None:
            return key
    raise ValidationError(
        "path",
        f"the data key of profile {header.install_id}, which this backup belongs to, is not on this computer",
        code="no_key",
    )


def _extract(bundle: Path, scratch: Path, label: Path) -> None:
    """The database and the attachment files, and nothing else (no path from the zip is trusted)."""
    try:
        with zipfile.ZipFile(bundle) as zipped:
            names = zipped.namelist()
            if BACKUP_DB_NAME not in names:
                raise ValidationError("path", f"{label} is not a Counter backup", code="format")
            for name in names:
                if name == BACKUP_DB_NAME or _MEMBER.match(name):
                    zipped.extract(name, scratch)
    except zipfile.BadZipFile as exc:
        raise ValidationError("path", f"{label} is not a Counter backup ({exc})", code="format") from exc


def _set_current_aside(paths: DataPaths, current: _Current | None) -> Path:
    if current is None:
        return paths.database
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if current.damaged:
        # Restoring is what one does with a damaged database: set it aside as it is.
        safety = paths.backups / f"damaged-{stamp}.db"
        os.replace(paths.database, safety)
        return safety
    safety = paths.backups / f"pre-restore-{stamp}.db"
    files.copy_closed(paths.database, safety)
    return safety
