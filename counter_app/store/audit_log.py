"""SQL for the audit trail (the chain rules are in :mod:`counter_app.audit`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from counter_app.audit import GENESIS, SUCCESS, chain_hash
from counter_app.canonical import canonical_json
from counter_app.records import AuditEvent, AuditFilter
from counter_app.store.db import Store
from counter_app.store.settings import SettingsRepo

HEAD_KEY = "audit_head"


class AuditLogRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsRepo(store)

    def append(
        self,
        *,
        ts: str,
        device_ts: str,
        actor: str,
        action: str,
        entity: str | None,
        entity_id: str | None,
        outcome: str,
        detail: dict[str, Any],
    ) -> int:
        """Append one event. Must run inside the caller's transaction (the chain head is read there)."""
        with self.store.transaction():
            # The recorded head, not the last row, is the tip: after events were removed from the end,
            # the next event still links to the removed one, so the gap stays visible for good.
            head = self.recorded_head()
            if head is None:
                last = self.store.conn.execute(
                    "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                head = (last[0], last[1]) if last else (0, GENESIS)
            seq, prev_hash = head[0] + 1, head[1]
            event = {
                "seq": seq,
                "ts": ts,
                "device_ts": device_ts,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "outcome": outcome,
                "detail": detail,
            }
            digest = chain_hash(prev_hash, event)
            self.store.execute(
                "INSERT INTO audit_events (seq, ts, device_ts, actor, action, entity, entity_id, outcome,"
                " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    seq,
                    ts,
                    device_ts,
                    actor,
                    action,
                    entity,
                    entity_id,
                    outcome,
                    canonical_json(detail),
                    prev_hash,
                    digest,
                ),
            )
            self.settings.set(HEAD_KEY, f"{seq}:{digest}")
        return seq

    def iter_events(self) -> Iterator[dict[str, Any]]:
        yield from self.store.db.query("SELECT * FROM audit_events ORDER BY seq")

    def recent(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.store.all("SELECT * FROM audit_events ORDER BY seq DESC LIMIT ?", (limit,))

    def recorded_head(self) -> tuple[int, str] | None:
        value = self.settings.get(HEAD_KEY)
        if not value:
            return None
        seq, digest = value.split(":", 1)
        return int(seq), digest

    def count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM audit_events"))

    # --- reading the trail (the audit viewer) -----------------------------------------------------
    def events(self, where: AuditFilter, *, limit: int, before_seq: int | None = None) -> list[AuditEvent]:
        """Newest first; ``before_seq`` pages by key, so events written meanwhile never shift a page."""
        clauses, params = _where(where)
        if before_seq is not None:
            clauses.append("seq < ?")
            params.append(before_seq)
        sql = f"SELECT {_COLUMNS} FROM audit_events{_join(clauses)} ORDER BY seq DESC LIMIT ?"
        return [_event(row) for row in self.store.conn.execute(sql, [*params, limit])]

    def count_matching(self, where: AuditFilter) -> int:
        clauses, params = _where(where)
        return int(self.store.scalar(f"SELECT count(*) FROM audit_events{_join(clauses)}", params))

    def distinct(self, column: str) -> list[str]:
        """The actors (``column="actor"``) or actions found in the trail, sorted. Read by skipping
        from one value to the next in the column's index: a seek per value, not a read of every event."""
        if column not in ("actor", "action"):
            raise ValueError(column)
        rows = self.store.conn.execute(
            f"WITH RECURSIVE found (value) AS (SELECT min({column}) FROM audit_events"
            f" UNION ALL SELECT (SELECT min({column}) FROM audit_events WHERE {column} > found.value)"
            " FROM found WHERE found.value IS NOT NULL)"
            " SELECT value FROM found WHERE value IS NOT NULL"
        )
        return [row[0] for row in rows]

    def views_per_actor(
        self, actions: tuple[str, ...], date_from: str | None, date_to: str | None
    ) -> list[tuple[str, str, int, str, str]]:
        """``(actor, action, count, first ts, last ts)`` of successful events of ``actions``."""
        clauses, params = _where(AuditFilter(outcome=SUCCESS, date_from=date_from, date_to=date_to))
        clauses.append(f"action IN ({', '.join('?' for _ in actions)})")
        params.extend(actions)
        sql = (
            f"SELECT actor, action, count(*), min(ts), max(ts) FROM audit_events{_join(clauses)}"
            " GROUP BY actor, action"
        )
        return [tuple(row) for row in self.store.conn.execute(sql, params)]

    def last_actor(self, action: str, entity_ids: list[str]) -> dict[str, str]:
        """Who last did ``action`` (successfully) to each of these records: entity id -> actor."""
        if not entity_ids:
            return {}
        marks = ", ".join("?" for _ in entity_ids)
        rows = self.store.conn.execute(
            f"SELECT entity_id, actor FROM audit_events WHERE action = ? AND outcome = ?"
            f" AND entity_id IN ({marks}) ORDER BY seq",
            [action, SUCCESS, *entity_ids],
        )
        return dict(rows.fetchall())  # later events overwrite earlier ones


_COLUMNS = "seq, ts, device_ts, actor, action, entity, entity_id, outcome, detail"
# Views of a citizen's personal data: a reveal of the decrypted record, a scan, a notice (it names them),
# an export with full ID numbers.
PERSONAL_DATA_VIEWS = ("applicant.view", "attachment.view", "notice.view", "export.full_ids")


def _where(where: AuditFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if where.actor is not None:
        clauses.append("actor = ?")
        params.append(where.actor)
    if where.action:
        if where.action.endswith("."):
            clauses.append("action LIKE ? ESCAPE '\\'")
            params.append(where.action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        else:
            clauses.append("action = ?")
            params.append(where.action)
    if where.outcome is not None:
        clauses.append("outcome = ?")
        params.append(where.outcome)
    # Stored times are ISO-8601 in Beijing time (``2026-11-23T09:30:00.000+08:00``), so a day compares
    # as text: on or after its date, before the date after the last day.
    if where.date_from is not None:
        clauses.append("ts >= ?")
        params.append(where.date_from)
    if where.date_to is not None:
        clauses.append("ts < ?")
        params.append((date.fromisoformat(where.date_to) + timedelta(days=1)).isoformat())
    if where.personal_data_views_only:
        clauses.append(f"action IN ({', '.join('?' for _ in PERSONAL_DATA_VIEWS)})")
        params.extend(PERSONAL_DATA_VIEWS)
    return clauses, params


def _join(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _event(row: tuple[Any, ...]) -> AuditEvent:
    seq, ts, device_ts, actor, action, entity, entity_id, outcome, detail = row
    try:
        decoded = json.loads(detail)
    except (TypeError, ValueError):
        decoded = None
    if not isinstance(decoded, dict):  # an edited event is still shown (the chain check names it)
        decoded = {"undecodable": detail}
    return AuditEvent(seq, ts, device_ts, actor, action, entity, entity_id, outcome, decoded)
