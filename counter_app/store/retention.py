"""SQL of retention (数据保留): which closed cases and applicants may lose their personal data, the
removal itself (records, the copies sync keeps, the freed pages), and what a pulled record of a purged
one may bring back (nothing personal: ``strip``).

The choice is made in two TEMP tables (``retention_cases``, ``retention_applicants``), so the preview
and the purge count the same rows, and the purge's statements work on a set, not row by row.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from counter_app.canonical import canonical_json
from counter_app.crypto import FieldCipher
from counter_app.entity_fields import ENTITY_FIELDS
from counter_app.store.conflicts import _CONFLICT
from counter_app.store.db import Store
from counter_app.store.outbox import _PURPOSE as _OUTBOX
from counter_app.store.outbox import PENDING

# The fields of a record that retention removes, by entity, as the wire (an op's or a pulled change's
# data) and the counter's own copies of a record (a conflict's ``record``) name them: the personal
# fields of ENTITY_FIELDS, and of an applicant also the birth date, the representative and the masks
# kept for lists. The applicant's name, kind, type of ID and sex stay (see services/retention.py).
PURGED_FIELDS: dict[str, frozenset[str]] = {
    entity: frozenset(f.name for f in fields if f.personal)
    | (
        {"birth_date", "representative", "id_masked", "phone_masked", "id_number_bidx", "phone_bidx"}
        if entity == "applicant"
        else set()
    )
    for entity, fields in ENTITY_FIELDS.items()
}
_APPLICANT_COLUMNS = (
    "id_number_enc",
    "id_number_bidx",
    "id_masked",
    "birth_date",
    "phone_enc",
    "phone_bidx",
    "phone_masked",
    "address_enc",
    "representative",
)
# The cases whose personal data may go: closed before the cut-off day, known to the platform
# (version > 0); ``stage`` then drops those with sync work left or an open rectification task.
# Delivered and rated cases count from their delivery, refused and withdrawn ones from their last
# change (the step that closed them; nothing changes them after).
# Two SELECTs, so each reads its own index (applications_delivered, applications_updated).
_CLOSED = """
    SELECT id, applicant_id FROM applications
    WHERE delivered_at < :cutoff AND status IN ('delivered', 'rated') AND purged_at IS NULL AND version > 0
    UNION ALL
    SELECT id, applicant_id FROM applications
    WHERE updated_at < :cutoff AND status IN ('refused', 'withdrawn') AND purged_at IS NULL AND version > 0
"""
# Every record of a chosen case whose sync must be over: the case, its applicant, rating,
# rectification tasks and scans.
_RECORDS_OF_CASES = """
    SELECT id AS case_id, id AS record_id FROM temp.retention_cases
    UNION ALL SELECT id, applicant_id FROM temp.retention_cases
    UNION ALL SELECT application_id, id FROM ratings
        WHERE application_id IN (SELECT id FROM temp.retention_cases)
    UNION ALL SELECT application_id, id FROM rectifications
        WHERE application_id IN (SELECT id FROM temp.retention_cases)
    UNION ALL SELECT application_id, id FROM attachments
        WHERE application_id IN (SELECT id FROM temp.retention_cases)
"""


@dataclass(frozen=True)
class Staged:
    cases: int
    applicants: int
    scans: int


@dataclass(frozen=True)
class Cleared:
    cases: int
    applicants: int
    scans: int  # attachment records whose name was removed
    scan_ids: tuple[str, ...]  # their encrypted files are to be wiped once this commits
    copies: int  # acknowledged outbox ops, conflicts and inbox rows rewritten without personal data


@dataclass(frozen=True)
class Compaction:
    vacuumed: bool
    checkpointed: bool  # the write-ahead log was folded in and truncated (no reader held it)


def strip(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the fields retention removes from a record of ``entity``."""
    gone = PURGED_FIELDS.get(entity, frozenset())
    return {name: value for name, value in data.items() if name not in gone}


class RetentionRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher

    # --- choosing ------------------------------------------------------------------------------
    def stage(self, cutoff_day: str) -> Staged:
        """Choose the cases closed before ``cutoff_day`` (ISO date) whose sync is over, and the
        applicants left with no other case that keeps its data; count them and their scans."""
        execute = self.store.execute
        execute("CREATE TEMP TABLE IF NOT EXISTS retention_cases (id TEXT PRIMARY KEY, applicant_id TEXT)")
        execute("CREATE TEMP TABLE IF NOT EXISTS retention_applicants (id TEXT PRIMARY KEY)")
        execute("DELETE FROM temp.retention_cases")
        execute("DELETE FROM temp.retention_applicants")
        execute(f"INSERT INTO temp.retention_cases (id, applicant_id) {_CLOSED}", {"cutoff": cutoff_day})
        execute(
            "DELETE FROM temp.retention_cases WHERE id IN (SELECT case_id FROM"
            f" ({_RECORDS_OF_CASES}) AS records"
            " WHERE EXISTS (SELECT 1 FROM outbox WHERE outbox.entity_id = records.record_id"
            "   AND outbox.state = :pending)"
            " OR EXISTS (SELECT 1 FROM conflicts WHERE conflicts.resolved_at IS NULL"
            "   AND conflicts.entity_id = records.record_id))"
            " OR id IN (SELECT application_id FROM rectifications WHERE status = 'open')",
            {"pending": PENDING},
        )
        execute(
            "INSERT INTO temp.retention_applicants (id) SELECT DISTINCT cases.applicant_id"
            " FROM temp.retention_cases AS cases JOIN applicants ON applicants.id = cases.applicant_id"
            " WHERE applicants.purged_at IS NULL AND applicants.version > 0"
            " AND NOT EXISTS (SELECT 1 FROM applications AS other"
            "   WHERE other.applicant_id = cases.applicant_id AND other.purged_at IS NULL"
            "   AND other.id NOT IN (SELECT id FROM temp.retention_cases))"
        )
        return Staged(
            cases=int(self.store.scalar("SELECT count(*) FROM temp.retention_cases")),
            applicants=int(self.store.scalar("SELECT count(*) FROM temp.retention_applicants")),
            scans=int(
                self.store.scalar(
                    "SELECT count(*) FROM attachments"
                    " WHERE application_id IN (SELECT id FROM temp.retention_cases)"
                )
            ),
        )

    def unstage(self) -> None:
        self.store.execute("DROP TABLE IF EXISTS temp.retention_cases")
        self.store.execute("DROP TABLE IF EXISTS temp.retention_applicants")

    # --- removing (the caller holds the transaction) ---------------------------------------------
    def clear_staged(self, now: str) -> Cleared:
        """Remove the personal data of the staged cases and applicants, and of every copy this
        counter keeps of those records; mark them purged at ``now``."""
        execute = self.store.execute
        scan_ids = tuple(
            row[0]
            for row in execute(
                "SELECT id FROM attachments WHERE application_id IN (SELECT id FROM temp.retention_cases)"
            ).fetchall()
        )
        cases = execute(
            "UPDATE applications SET form_enc = NULL, purged_at = ?"
            " WHERE id IN (SELECT id FROM temp.retention_cases)",
            (now,),
        ).rowcount
        execute(
            "UPDATE attachments SET name_enc = NULL"
            " WHERE application_id IN (SELECT id FROM temp.retention_cases)"
        )
        assignments = ", ".join(f"{column} = NULL" for column in _APPLICANT_COLUMNS)
        applicants = execute(
            f"UPDATE applicants SET {assignments}, purged_at = ?"
            " WHERE id IN (SELECT id FROM temp.retention_applicants)",
            (now,),
        ).rowcount
        records = [
            *(("application", r[0]) for r in execute("SELECT id FROM temp.retention_cases").fetchall()),
            *(("applicant", r[0]) for r in execute("SELECT id FROM temp.retention_applicants").fetchall()),
            *(("attachment", scan_id) for scan_id in scan_ids),
        ]
        copies = self._strip_copies(dict((record_id, entity) for entity, record_id in records))
        return Cleared(cases, applicants, len(scan_ids), scan_ids, copies)

    def _strip_copies(self, entities: dict[str, str]) -> int:
        """Rewrite, without the removed fields, the records' data in acknowledged outbox ops (a
        pending one would have kept the case), in conflicts and in the inbox of pulled changes."""
        if not entities:
            return 0
        execute = self.store.execute
        execute("CREATE TEMP TABLE IF NOT EXISTS retention_records (id TEXT PRIMARY KEY)")
        execute("DELETE FROM temp.retention_records")
        self.store.executemany("INSERT INTO temp.retention_records (id) VALUES (?)", [(i,) for i in entities])
        from counter_app.store.sync_records import _INBOX  # sync_records imports this module

        encrypt, decrypt = self.cipher.encrypt_bytes, self.cipher.decrypt_bytes
        ops = execute(
            "SELECT seq, entity_id, data_enc FROM outbox WHERE state != ?"
            " AND entity_id IN (SELECT id FROM temp.retention_records)",
            (PENDING,),
        ).fetchall()
        self.store.executemany(
            "UPDATE outbox SET data_enc = ? WHERE seq = ?",
            [
                (encrypt(_canonical(strip(entities[record_id], _load(decrypt(blob, _OUTBOX)))), _OUTBOX), seq)
                for seq, record_id, blob in ops
            ],
        )
        conflicts = execute(
            "SELECT id, entity_id, local_enc, server_enc FROM conflicts"
            " WHERE entity_id IN (SELECT id FROM temp.retention_records)"
        ).fetchall()
        rewritten = []
        for conflict_id, record_id, local_blob, server_blob in conflicts:
            entity = entities[record_id]
            local = _load(decrypt(local_blob, _CONFLICT))
            for part in ("op", "record"):
                if isinstance(local.get(part), dict):
                    local[part] = strip(entity, local[part])
            server = strip(entity, _load(decrypt(server_blob, _CONFLICT)))
            rewritten.append(
                (encrypt(_dump(local), _CONFLICT), encrypt(_dump(server), _CONFLICT), conflict_id)
            )
        self.store.executemany("UPDATE conflicts SET local_enc = ?, server_enc = ? WHERE id = ?", rewritten)
        stashed = execute(
            "SELECT id, data_enc FROM inbox WHERE id IN (SELECT id FROM temp.retention_records)"
        ).fetchall()
        self.store.executemany(
            "UPDATE inbox SET data_enc = ? WHERE id = ?",
            [
                (encrypt(_dump(strip(entities[record_id], _load(decrypt(blob, _INBOX)))), _INBOX), record_id)
                for record_id, blob in stashed
            ],
        )
        execute("DROP TABLE temp.retention_records")
        return len(ops) + len(conflicts) + len(stashed)

    def scans_of_purged(self) -> set[str]:
        """Ids of the scans of every purged case (their files must be gone; a run whose wiping of a
        file failed leaves it to the next)."""
        rows = self.store.execute(
            "SELECT attachments.id FROM attachments JOIN applications"
            " ON applications.id = attachments.application_id WHERE applications.purged_at IS NOT NULL"
        ).fetchall()
        return {row[0] for row in rows}

    # --- the freed bytes ----------------------------------------------------------------------------
    def secure_delete(self, on: bool) -> bool:
        """Set SQLite's ``secure_delete`` for this connection (deleted content is overwritten with
        zeros, not left in free space); returns the previous setting."""
        previous = bool(self.store.scalar("PRAGMA secure_delete"))
        self.store.execute(f"PRAGMA secure_delete = {1 if on else 0}")
        return previous

    def compact(self, attempts: int = 3, wait_ms: int = 1000) -> Compaction:
        """Leave no removed byte in the database file or its write-ahead log: fold the log into the
        file, rebuild the file (VACUUM: only live rows are copied, the file is cut to size), fold the
        rebuilt pages in and truncate the log to zero bytes.

        Another connection to this profile (the sync thread has its own) that is in the middle of a
        read keeps the log: the checkpoint then cannot finish. It is tried ``attempts`` times, each
        waiting up to ``wait_ms`` (not the usual 30 s: this runs on the profile's thread);
        ``checkpointed`` says whether it finished. If not, the old frames stay in the log until the
        next full checkpoint: the next purge (even one that finds nothing to remove) tries again."""
        busy_timeout = int(self.store.scalar("PRAGMA busy_timeout"))
        self.store.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            self.store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                self.store.execute("VACUUM")
                vacuumed = True
            except sqlite3.OperationalError:  # another connection is writing, or no room for the copy
                vacuumed = False
            for _attempt in range(attempts):
                busy = self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy == 0:
                    return Compaction(vacuumed, True)
            return Compaction(vacuumed, False)
        finally:
            self.store.execute(f"PRAGMA busy_timeout = {busy_timeout}")

    # --- what a pulled record of a purged one may bring --------------------------------------------
    def applicant_purged(self, applicant_id: str) -> bool:
        return self.store.scalar("SELECT purged_at FROM applicants WHERE id = ?", (applicant_id,)) is not None

    def application_purged(self, application_id: Any) -> bool:
        found = self.store.scalar("SELECT purged_at FROM applications WHERE id = ?", (application_id,))
        return found is not None

    def purged(self, entity: str, record_id: Any) -> bool:
        """Whether retention cleared this applicant or application (other entities: False)."""
        if entity == "applicant":
            return self.applicant_purged(record_id)
        if entity == "application":
            return self.application_purged(record_id)
        return False


def _load(blob: bytes) -> dict[str, Any]:
    value = json.loads(blob)
    return value if isinstance(value, dict) else {}


def _canonical(value: dict[str, Any]) -> bytes:
    """As the outbox writes an op's data."""
    return canonical_json(value).encode("utf-8")


def _dump(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
