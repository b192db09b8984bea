"""The transactional outbox: one row per local change, written in the change's own transaction.

An op's ``data`` may hold personal data, so it is stored encrypted like the record itself.
The sync engine reads pending ops in ``seq`` order and marks them with the server's result.
The scans of an application that is still a draft are held back (see ``OutboxRepo.sendable``).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from counter_app.canonical import canonical_json
from counter_app.crypto import FieldCipher
from counter_app.store.db import Store
from counter_app.workflow import Status

PENDING = "pending"
DONE = "done"
CONFLICT = "conflict"
REJECTED = "rejected"
SUPERSEDED = "superseded"
WITHDRAWN = "withdrawn"  # taken back before it was ever sent (a scan removed at the desk)

_PURPOSE = "outbox.data"
# json.dumps(value, ensure_ascii=False), without building an encoder for every call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode

# A pending op held back on this device: a scan (entity ``attachment``) of an application that is
# still a draft. Sync v1 cannot delete an attachment and the platform keeps attachments as sent, so
# a scan stays here, removable at the desk, until the application is decided; then it goes out in
# its place in ``seq`` order. A correlated test on ``outbox`` (two primary-key look-ups, only for
# attachment ops), so the outbox is still read along ``outbox_state`` (state, seq).
_HELD_BACK = (
    "outbox.entity = 'attachment' AND EXISTS (SELECT 1 FROM attachments"
    " JOIN applications ON applications.id = attachments.application_id"
    f" WHERE attachments.id = outbox.entity_id AND applications.status = '{Status.DRAFT.value}')"
)
# A rejected op nobody has acknowledged yet (see ``OutboxRepo.rejected``).
_UNACKNOWLEDGED = "json_extract(coalesce(outbox.result, '{}'), '$.acknowledged_at') IS NULL"


@dataclass
class OutboxOp:
    op_id: str
    seq: int
    entity: str
    entity_id: str
    op: str
    base_version: int
    data: dict[str, Any]
    attachments: list[dict[str, Any]] = field(default_factory=list)
    catalogue_version: str | None = None
    client_ts: str = ""
    user_id: str = ""
    state: str = PENDING

    def wire(self) -> dict[str, Any]:
        """The op as DESIGN §4 puts it on the wire."""
        return {
            "op_id": self.op_id,
            "seq": self.seq,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "op": self.op,
            "base_version": self.base_version,
            "data": self.data,
            "attachments": self.attachments,
            "catalogue_version": self.catalogue_version,
            "client_ts": self.client_ts,
            "user_id": self.user_id,
        }


class OutboxRepo:
    def __init__(self, store: Store, cipher: FieldCipher) -> None:
        self.store = store
        self.cipher = cipher
        # Op ids: 72 random bits drawn when the profile is opened, then the op's own sequence number
        # (a UUID-shaped, version-8 id). Unique like a random UUID — a restored backup opens with new
        # random bits — but ops of one session share their first 23 characters, so a batch of them
        # compresses to a few bytes per id instead of ~30.
        self._id_bits = secrets.token_hex(9)

    def _op_id(self, seq: int) -> str:
        bits = self._id_bits
        return f"{bits[:8]}-{bits[8:12]}-8{bits[12:15]}-a{bits[15:18]}-{seq:012x}"

    def add(
        self,
        *,
        entity: str,
        entity_id: str,
        op: str,
        base_version: int,
        data: dict[str, Any],
        client_ts: str,
        user_id: str,
        attachments: list[dict[str, Any]] | None = None,
        catalogue_version: str | None = None,
    ) -> str:
        last = self.store.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
        expected_seq = int(last or 0) + 1
        op_id = self._op_id(expected_seq)
        payload = canonical_json(data)
        cursor = self.store.execute(
            "INSERT INTO outbox (op_id, entity, entity_id, op, base_version, data_enc, attachments,"
            " catalogue_version, client_ts, user_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                op_id,
                entity,
                entity_id,
                op,
                base_version,
                self.cipher.encrypt_bytes(payload.encode("utf-8"), _PURPOSE),
                json.dumps(attachments or []),
                catalogue_version,
                client_ts,
                user_id,
            ),
        )
        if cursor.lastrowid != expected_seq:  # pragma: no cover - only if sqlite_sequence was edited
            op_id = self._op_id(int(cursor.lastrowid or 0))
            self.store.execute("UPDATE outbox SET op_id = ? WHERE seq = ?", (op_id, cursor.lastrowid))
        return op_id

    def _ops(self, where: str, params: tuple[Any, ...]) -> list[OutboxOp]:
        """Ops by a ``WHERE`` clause (and its ORDER BY / LIMIT), read as plain tuples."""
        rows = self.store.conn.execute(
            "SELECT op_id, seq, entity, entity_id, op, base_version, data_enc, attachments,"
            f" catalogue_version, client_ts, user_id, state FROM outbox WHERE {where}",
            params,
        ).fetchall()
        datas = self._payloads([row[6] for row in rows])
        return [
            OutboxOp(
                op_id=op_id,
                seq=seq,
                entity=entity,
                entity_id=entity_id,
                op=op,
                base_version=base_version,
                data=data,
                attachments=[] if attachments == "[]" else json.loads(attachments),
                catalogue_version=catalogue_version,
                client_ts=client_ts,
                user_id=user_id,
                state=state,
            )
            for data, (
                op_id,
                seq,
                entity,
                entity_id,
                op,
                base_version,
                _sealed,
                attachments,
                catalogue_version,
                client_ts,
                user_id,
                state,
            ) in zip(datas, rows, strict=True)
        ]

    def _payloads(self, blobs: list[bytes]) -> list[dict[str, Any]]:
        """The ops' data, decrypted, parsed in one ``json.loads`` (one call per op cost a push more
        than the parsing). Each payload is one JSON object, sealed (AES-GCM): should the joined text
        not read back as one object per op, each is parsed alone, and the bad one raises as before."""
        plain = [self.cipher.decrypt_bytes(blob, _PURPOSE) for blob in blobs]
        if not plain:
            return []
        try:
            datas = json.loads(b"[" + b",".join(plain) + b"]")
        except ValueError:
            datas = None
        if (
            not isinstance(datas, list)
            or len(datas) != len(plain)
            or not all(isinstance(d, dict) for d in datas)
        ):
            datas = [json.loads(text) for text in plain]
        return datas

    def _op(self, row: dict[str, Any]) -> OutboxOp:
        data = json.loads(self.cipher.decrypt_bytes(row["data_enc"], _PURPOSE))
        return OutboxOp(
            op_id=row["op_id"],
            seq=row["seq"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            op=row["op"],
            base_version=row["base_version"],
            data=data,
            attachments=json.loads(row["attachments"]),
            catalogue_version=row["catalogue_version"],
            client_ts=row["client_ts"],
            user_id=row["user_id"],
            state=row["state"],
        )

    def pending(self, limit: int = 1000, after_seq: int = 0) -> list[OutboxOp]:
        rows = self.store.all(
            "SELECT * FROM outbox WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?",
            (PENDING, after_seq, limit),
        )
        return [self._op(row) for row in rows]

    def sendable(self, limit: int, after_seq: int = 0) -> list[OutboxOp]:
        """What a sync run pushes: pending ops in ``seq`` order, except

        - those of records with an open conflict (they wait for someone's decision), and
        - the scans of an application that is still a draft. Sync v1 has no delete for attachments
          and the platform keeps them as sent, so a scan must not leave this device while the clerk
          may still remove it (``IntakeService.remove_attachment``: drafts only). Once the
          application leaves draft (accepted, accepted with materials pending, one-time notice,
          refused, withdrawn) its scans are sendable again, in their original order. Nothing on
          the platform needs them earlier: an attachment refers to its application, never the
          other way round, so the application's later ops go out without them.
        """
        return self._ops(
            "state = ? AND seq > ? AND entity_id NOT IN"
            " (SELECT entity_id FROM conflicts WHERE resolved_at IS NULL)"
            f" AND NOT ({_HELD_BACK}) ORDER BY seq LIMIT ?",
            (PENDING, after_seq, limit),
        )

    def supersede(self, entity_id: str) -> None:
        """The record's waiting ops lost a conflict: they are kept, but never sent."""
        self.store.execute(
            "UPDATE outbox SET state = ? WHERE entity_id = ? AND state = ?", (SUPERSEDED, entity_id, PENDING)
        )

    def withdraw(self, entity_id: str) -> bool:
        """Take back the record's ops before they reach the server: True, and its pending ops are
        kept but never sent; False (nothing changed) if one of them may have reached the server.

        ``pending`` alone does not prove an op was never sent: a push whose reply was lost leaves
        it pending although the platform applied it. Withdrawing is meant for the scans of a draft
        (the only ones a clerk may remove), and those are never pushed (``sendable`` holds them
        back), so their pending op has not left this device. An op the server answered ``applied``
        (``done``) is refused here all the same. Only safe while no sync run is sending (the
        caller holds the sync lock)."""
        applied = self.store.scalar(
            "SELECT 1 FROM outbox WHERE entity_id = ? AND state = ? LIMIT 1", (entity_id, DONE)
        )
        if applied is not None:
            return False
        self.store.execute(
            "UPDATE outbox SET state = ? WHERE entity_id = ? AND state = ?", (WITHDRAWN, entity_id, PENDING)
        )
        return True

    def for_entity(self, entity_id: str) -> list[OutboxOp]:
        rows = self.store.all("SELECT * FROM outbox WHERE entity_id = ? ORDER BY seq", (entity_id,))
        return [self._op(row) for row in rows]

    def count(self, state: str = PENDING) -> int:
        return int(self.store.scalar("SELECT count(*) FROM outbox WHERE state = ?", (state,)))

    def count_to_push(self) -> int:
        """Pending ops still to go to the platform: every pending op except the scans of drafts,
        which ``sendable`` holds back until the application is decided (a sync cannot send them,
        so they are not work waiting to sync). Ops of records in an open conflict are counted:
        they wait for someone's decision."""
        return int(
            self.store.scalar(
                f"SELECT count(*) FROM outbox WHERE state = ? AND NOT ({_HELD_BACK})", (PENDING,)
            )
        )

    def count_held_back(self) -> int:
        """Pending scans of drafts, kept on this device until their application is decided."""
        return int(
            self.store.scalar(f"SELECT count(*) FROM outbox WHERE state = ? AND {_HELD_BACK}", (PENDING,))
        )

    def has_pending(self, entity_id: str) -> bool:
        return (
            self.store.scalar(
                "SELECT 1 FROM outbox WHERE entity_id = ? AND state = ? LIMIT 1", (entity_id, PENDING)
            )
            is not None
        )

    def rebase(self, op_id: str, new_op_id: str, base_version: int) -> None:
        """Send a refused op again on top of ``base_version``, with the record's later pending ops."""
        row = self.store.one("SELECT seq, entity_id FROM outbox WHERE op_id = ?", (op_id,))
        if row is None:
            return
        self.store.execute(
            "UPDATE outbox SET op_id = ?, base_version = ?, state = ?, result = NULL WHERE op_id = ?",
            (new_op_id, base_version, PENDING, op_id),
        )
        self.store.execute(
            "UPDATE outbox SET base_version = ? WHERE entity_id = ? AND state = ? AND seq > ?",
            (base_version, row["entity_id"], PENDING, row["seq"]),
        )

    def pending_among(self, entity_ids: list[str]) -> set[str]:
        """Which of ``entity_ids`` still have pending ops."""
        found: set[str] = set()
        for start in range(0, len(entity_ids), 500):
            chunk = entity_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(
                f"SELECT DISTINCT entity_id FROM outbox WHERE state = ? AND entity_id IN ({marks})",
                [PENDING, *chunk],
            ).fetchall()
            found.update(row[0] for row in rows)
        return found

    def mark_many(self, marks: list[tuple[str, str, dict[str, Any]]], acked_at: str) -> None:
        """``(op_id, state, result)`` for many ops in one statement."""
        self.store.executemany(
            "UPDATE outbox SET state = ?, result = ?, acked_at = ?, attempts = attempts + 1 WHERE op_id = ?",
            [(state, _ENCODE(result), acked_at, op_id) for op_id, state, result in marks],
        )

    def mark(self, op_id: str, state: str, result: dict[str, Any], acked_at: str) -> None:
        self.store.execute(
            "UPDATE outbox SET state = ?, result = ?, acked_at = ?, attempts = attempts + 1 WHERE op_id = ?",
            (state, json.dumps(result, ensure_ascii=False), acked_at, op_id),
        )

    # --- ops the platform rejected ---------------------------------------------------------------
    # A rejected op is final on the platform; here it is kept for good (never deleted) and listed for
    # a supervisor until someone acknowledges it. The acknowledgement lives in the op's stored answer
    # (``result``: ``acknowledged_at``, ``acknowledged_by``), so the schema does not change for it.
    def rejected(self, *, include_acknowledged: bool = False) -> list[tuple[OutboxOp, dict[str, Any], str]]:
        """Rejected ops in ``seq`` order, each with the platform's stored answer and when it came."""
        where = "state = ?" if include_acknowledged else f"state = ? AND {_UNACKNOWLEDGED}"
        rows = self.store.all(f"SELECT * FROM outbox WHERE {where} ORDER BY seq", (REJECTED,))
        return [(self._op(row), json.loads(row["result"] or "{}"), row["acked_at"] or "") for row in rows]

    def get(self, op_id: str) -> OutboxOp | None:
        row = self.store.one("SELECT * FROM outbox WHERE op_id = ?", (op_id,))
        return None if row is None else self._op(row)

    def count_rejected_unacknowledged(self) -> int:
        return int(
            self.store.scalar(
                f"SELECT count(*) FROM outbox WHERE state = ? AND {_UNACKNOWLEDGED}", (REJECTED,)
            )
        )

    def acknowledge_rejected(self, op_id: str, acknowledged_at: str, acknowledged_by: str) -> bool:
        """Mark a rejected op as seen (nothing else changes); False if no unacknowledged rejected op
        has this id."""
        cursor = self.store.execute(
            "UPDATE outbox SET result = json_set(coalesce(result, '{}'), '$.acknowledged_at', ?,"
            f" '$.acknowledged_by', ?) WHERE op_id = ? AND state = ? AND {_UNACKNOWLEDGED}",
            (acknowledged_at, acknowledged_by, op_id, REJECTED),
        )
        return cursor.rowcount == 1

    def replace_data(self, op_id: str, data: dict[str, Any], new_op_id: str | None = None) -> None:
        """New data for a pending op the platform has not applied (a conflict resolved with edited
        values). Pass ``new_op_id`` for an op that may have been sent before: the platform answers an
        old op id with a different payload ``idempotency_mismatch``."""
        self.store.execute(
            "UPDATE outbox SET data_enc = ?, op_id = ? WHERE op_id = ? AND state = ?",
            (
                self.cipher.encrypt_bytes(canonical_json(data).encode("utf-8"), _PURPOSE),
                new_op_id or op_id,
                op_id,
                PENDING,
            ),
        )
