"""The audit trail: every login, view of personal data, change and sync, in a hash chain.

``hash = SHA-256(prev_hash || canonical JSON of the event)``. Editing an event breaks its own hash;
removing one breaks the next event's ``prev_hash`` or the sequence; removing the tail no longer
matches the head recorded with every append (and, once synced, the head held by the central
platform). Events never hold ID numbers, phone numbers or addresses: only record ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from counter_app.canonical import canonical_json

GENESIS = "0" * 64

# Outcomes
SUCCESS = "success"
FAILURE = "failure"
DENIED = "denied"


def chain_hash(prev_hash: str, event: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(event).encode("utf-8")).hexdigest()


HASHED_FIELDS = ("seq", "ts", "device_ts", "actor", "action", "entity", "entity_id", "outcome", "detail")


def hashed_part(row: dict[str, Any]) -> dict[str, Any]:
    event = {name: row[name] for name in HASHED_FIELDS}
    if isinstance(event["detail"], str):
        event["detail"] = json.loads(event["detail"])
    return event


@dataclass
class VerifyResult:
    ok: bool
    events: int
    problems: list[str] = field(default_factory=list)
    head_seq: int = 0
    head_hash: str = GENESIS


def verify_chain(rows: Any, recorded_head: tuple[int, str] | None) -> VerifyResult:
    """Check rows (ordered by seq) against each other and against the recorded head."""
    result = VerifyResult(ok=True, events=0)
    prev_hash, expected_seq = GENESIS, 1
    for row in rows:
        result.events += 1
        seq = row["seq"]
        if seq != expected_seq:
            result.problems.append(f"event {expected_seq}: missing (next present is {seq})")
        if row["prev_hash"] != prev_hash:
            result.problems.append(f"event {seq}: previous hash does not match event {seq - 1}")
        try:
            actual = chain_hash(row["prev_hash"], hashed_part(row))
        except (ValueError, TypeError):
            actual = ""
        if actual != row["hash"]:
            result.problems.append(f"event {seq}: content does not match its hash (edited)")
        prev_hash, expected_seq = row["hash"], seq + 1
        result.head_seq, result.head_hash = seq, row["hash"]
    if recorded_head is not None and recorded_head != (result.head_seq, result.head_hash):
        result.problems.append(
            f"the chain ends at event {result.head_seq}, but event {recorded_head[0]} was recorded as "
            "its head (events removed from the end)"
        )
    result.ok = not result.problems
    return result
