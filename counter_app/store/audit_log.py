"""SQL for the audit trail (the chain rules are in :mod:`counter_app.audit`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from counter_app.audit import GENESIS, chain_hash
from counter_app.canonical import canonical_json
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
