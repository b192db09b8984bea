"""Retention (数据保留): removing the personal data of cases closed and synced long ago.

A case is *closed* when it is delivered or rated (counted from its delivery, ``delivered_at``) or
refused or withdrawn (counted from its last change, ``updated_at``: the step that closed it — the
dashboard counts a refusal on that day too). A case closed on office day D is purged once today (by
the Counter's clock) is more than N days after D, N being the run's days or the ``retention_days``
setting (default 1095, three years). It must also be *fully synced*: the platform has it
(``version > 0``), and neither the case nor its applicant, rating, rectification tasks or scans has
an op still pending or an open conflict; a case with an open rectification task is not closed yet
(someone may still have to call the citizen).

What goes, for each such case: the form values (``form_enc``), the scans (each attachment record's
file name, and the encrypted file, overwritten then unlinked). For its applicant, only when none of
the applicant's cases keeps its data (an applicant with an open or recent case keeps everything):
the ID number, phone and address (ciphertext, blind index and mask), birth date and representative.
Both get ``purged_at``. The copies this counter keeps of those records go too: the data of
acknowledged outbox ops, both sides of conflicts, pulled changes waiting in the inbox. A later pull
of the record brings nothing of it back (``counter_app/store/sync_records.py``).

What stays: everything the dashboard counts — status, dates, service item, staff, materials
checklist, suspensions, ratings, rectification tasks, the case's history — and the applicant's
**name** (with its pinyin initials), kind, type of ID and sex, so that the lists still say whose
case it was; without the ID number the name no longer identifies anyone with certainty, and a
citizen who comes back is registered afresh (the blind index that would find them is gone). The
office's own free-text notes (a refusal's reason, a suspension's reason, a rating's comment) stay
as well: they are part of the decision's record.

No op is queued: the platform keeps its own copy under its own rules. The audit event
``retention.purge`` carries counts, the days and the cut-off day, no personal data (no audit
event carries any: they name records by id and fields by name).

Afterwards no removed byte may remain on disk: ``secure_delete`` is on while the rows change, then
the write-ahead log is checkpointed, the file rebuilt (VACUUM) and the log truncated. The result
says whether that last checkpoint finished (another connection reading holds the log; see
``RetentionRepo.compact``). The database's plain safety copies in ``backups/`` — taken before a
schema migration or a restore, or a damaged database set aside (``DataPaths.safety_copies``) — hold
the same bytes, so they are overwritten and deleted as well: the administrator asked for the data to
go, and the preview and the confirmation say that these copies go with it. The encrypted backups
(``.cbk``) still hold the data, readable only with the data key, until they age out
(``backup_keep_days``).
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.services.context import Context
from counter_app.services.office_settings import RETENTION_RANGE, OfficeSettingsService
from counter_app.store.retention import RetentionRepo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionPreview:
    days: int
    cutoff: str  # ISO date: cases closed before this office day are chosen
    cases: int
    applicants: int
    scans: int
    safety_copies: int = 0  # plain copies of the database in backups/ that go too

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RetentionResult:
    days: int
    cutoff: str
    cases: int
    applicants: int
    scans: int  # scan records whose name was removed
    files_removed: int  # encrypted scan files overwritten and deleted
    files_left: int  # files that could not be deleted (retried by the next run)
    copies: int  # outbox ops, conflicts and inbox rows rewritten without the personal data
    vacuumed: bool
    checkpointed: bool  # False: another connection held the write-ahead log (see the module doc)
    safety_copies_removed: int = 0  # plain copies of the database in backups/ overwritten and deleted
    safety_copies_left: int = 0  # copies that could not be deleted (retried by the next run)

    def as_dict(self) -> dict:
        return asdict(self)


class RetentionService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.repo = RetentionRepo(ctx.store, ctx.cipher)

    def default_days(self) -> int:
        """The ``retention_days`` setting, or 1095 when unset or unreadable (the office's settings,
        read one way: ``OfficeSettingsService``)."""
        return OfficeSettingsService(self.ctx).get().retention_days

    def _days(self, days: int | None) -> int:
        if days is None:
            return self.default_days()
        if isinstance(days, bool) or not isinstance(days, int):
            raise ValidationError("days", "a whole number of days", code="invalid")
        low, high = RETENTION_RANGE
        if not low <= days <= high:
            raise ValidationError("days", f"between {low} and {high}", code="range")
        return days

    def _cutoff(self, days: int) -> str:
        return (self.ctx.today() - timedelta(days=days)).isoformat()

    def preview(self, actor: Actor, days: int | None = None) -> RetentionPreview:
        """How many cases, applicants and scan files a purge with ``days`` would touch now, and how
        many plain safety copies of the database it would delete."""
        self.ctx.require(actor, Permission.PURGE_PERSONAL_DATA)
        days = self._days(days)
        cutoff = self._cutoff(days)
        try:
            staged = self.repo.stage(cutoff)
        finally:
            self.repo.unstage()
        return RetentionPreview(
            days,
            cutoff,
            staged.cases,
            staged.applicants,
            staged.scans,
            safety_copies=len(self.ctx.paths.safety_copies()),
        )

    def purge(self, actor: Actor, days: int | None = None) -> RetentionResult:
        """Remove the personal data of the cases closed more than ``days`` ago and fully synced
        (see the module doc); audited ``retention.purge``. Every plain safety copy of the database in
        ``backups/`` is overwritten and deleted too, whatever else it holds (the administrator asked
        for the data to go; the audit's ``safety_copies`` counts those found, the result those deleted
        and left). Call on the profile's thread; the rebuild of the file (VACUUM) takes a while on a
        large profile."""
        self.ctx.require(actor, Permission.PURGE_PERSONAL_DATA)
        days = self._days(days)
        cutoff = self._cutoff(days)
        repo = self.repo
        was_secure = repo.secure_delete(True)
        try:
            try:
                with self.ctx.store.transaction():
                    repo.stage(cutoff)
                    cleared = repo.clear_staged(self.ctx.now_iso())
                    self.ctx.audit(
                        actor,
                        "retention.purge",
                        days=days,
                        cutoff=cutoff,
                        cases=cleared.cases,
                        applicants=cleared.applicants,
                        scans=cleared.scans,
                        copies=cleared.copies,
                        safety_copies=len(self.ctx.paths.safety_copies()),
                    )
            finally:
                repo.unstage()
            # After the commit: a failure here leaves encrypted files of purged cases, which the next
            # run wipes (scans_of_purged), never a case that still names its scans.
            removed, left = self._wipe_files(repo.scans_of_purged())
            copies_removed, copies_left = _wipe(self.ctx.paths.safety_copies())
            compaction = repo.compact()
        finally:
            repo.secure_delete(was_secure)
        if not compaction.checkpointed:
            log.warning("retention: the write-ahead log is held by another connection; not truncated yet")
        return RetentionResult(
            days=days,
            cutoff=cutoff,
            cases=cleared.cases,
            applicants=cleared.applicants,
            scans=cleared.scans,
            files_removed=removed,
            files_left=left,
            copies=cleared.copies,
            vacuumed=compaction.vacuumed,
            checkpointed=compaction.checkpointed,
            safety_copies_removed=copies_removed,
            safety_copies_left=copies_left,
        )

    def _wipe_files(self, scan_ids: set[str]) -> tuple[int, int]:
        """Overwrite with zeros, flush, and delete the encrypted files of these scans that exist."""
        folder = self.ctx.paths.attachments
        present = {p.stem for p in folder.glob("*.bin")} & scan_ids if folder.exists() else set()
        return _wipe([folder / f"{scan_id}.bin" for scan_id in sorted(present)])


def _wipe(paths: list[Path]) -> tuple[int, int]:
    """Overwrite each file with zeros, flush, and delete it: (removed, left)."""
    removed = left = 0
    for path in paths:
        try:
            _overwrite(path)
            path.unlink()
            removed += 1
        except OSError as exc:  # on Windows an indexer or a virus scanner may hold it open
            log.warning("retention: could not wipe %s: %s", path, exc)
            left += 1
    return removed, left


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        chunk = b"\0" * 65536
        written = 0
        while written < size:
            step = min(len(chunk), size - written)
            handle.write(chunk[:step])
            written += step
        handle.flush()
        os.fsync(handle.fileno())
