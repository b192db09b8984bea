"""How much goes in one request, and in what form: push batches, pull pages and upload chunks
sized to the link; the ops as the protocol carries them; a batch ready to send."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError as ModelError

from counter_app.store.outbox import OutboxOp
from sync import protocol as p
from sync.transport import Encoded

# Push batches: the first DEFAULT_BATCH ops, the next sized to take about PUSH_BATCH_SECONDS (sent
# and answered) at the rate the last full one did, at least MIN_PUSH_BATCH, at most the server's limit.
DEFAULT_BATCH = 500
PUSH_BATCH_SECONDS = 4.0
MIN_PUSH_BATCH = 50
MAX_PUSH_PASSES = 3
# Pull pages: about PULL_PAGE_SECONDS of transfer at the last page's rate, at least MIN_PULL_PAGE.
PULL_PAGE_SECONDS = 4.0
MIN_PULL_PAGE = 100
# Upload chunks: the first is FIRST_CHUNK_BYTES, the next sized to take about CHUNK_SECONDS at the
# rate the last one went (within MIN_CHUNK_BYTES and the protocol's MAX_CHUNK_BYTES).
FIRST_CHUNK_BYTES = 64 * 1024
MIN_CHUNK_BYTES = 16 * 1024
CHUNK_SECONDS = 8.0
MAX_STALLED_CHUNKS = 3


def sized_to_link(done: int, seconds: float, target_s: float, lowest: int, highest: int) -> int:
    """How much to send next (ops, changes or bytes) after ``done`` took ``seconds``: about
    ``target_s`` at that rate, from ``lowest`` to ``highest``. Push batches, pull pages and upload
    chunks are all sized so."""
    rate = done / max(seconds, 1e-3)
    return int(min(highest, max(lowest, rate * target_s)))


def next_batch(ops: int, seconds: float, limit: int) -> int:
    """The size of the next push batch after ``ops`` went and were answered in ``seconds``."""
    return sized_to_link(ops, seconds, PUSH_BATCH_SECONDS, MIN_PUSH_BATCH, limit)


@dataclass
class Prepared:
    """A push batch ready to send: the outbox ops, their request as it goes on the wire, and where
    its reading began."""

    ops: list[OutboxOp]
    body: Encoded
    after_seq: int

    @property
    def last_seq(self) -> int:
        return self.ops[-1].seq


def all_applied(result: p.OpResult) -> bool:
    """An op the server applied, now or before (a duplicate of an applied op)."""
    if result.status == "duplicate":
        return result.stored is not None and result.stored.status == "applied"
    return result.status == "applied"


def wire_ops(ops: list[OutboxOp]) -> tuple[list[p.Op], list[tuple[OutboxOp, dict[str, object]]]]:
    """The ops as the protocol carries them, and those it cannot carry (with the reason)."""
    good: list[p.Op] = []
    bad: list[tuple[OutboxOp, dict[str, object]]] = []
    for op in ops:
        try:
            good.append(p.Op.model_validate(op.wire()))
        except ModelError as exc:
            first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": str(exc)}
            field = ".".join(str(part) for part in first.get("loc", ())) or None
            bad.append(
                (
                    op,
                    {
                        "status": "rejected",
                        "code": "invalid_field",
                        "field": field,
                        "message": f"not sendable: {first.get('msg')}",
                    },
                )
            )
    return good, bad
