"""Sync protocol v1: the wire contract between a counter and the central platform.

One definition used by both sides: the central platform (``central/``) validates requests and
documents its OpenAPI schema with these models; the client (``sync/``) builds requests with them and
validates every reply, so a malformed reply is caught before it touches the local store.

JSON over HTTP, request and response bodies may be gzip-compressed (``Content-Encoding: gzip``).
Errors are ``{"error": {"code", "field", "message"}}`` with a 4xx status; 5xx means "retry later
with the same request" (push batches keep their op ids, so a retry is never applied twice).

Each entity's fields (what an op's ``data`` and a pulled change's ``data`` hold) are defined once in
``counter_app/entity_fields.py`` and re-exported here as ``ENTITY_FIELDS``: the client's store may not
import ``sync`` (DESIGN §1), so the definition lives in the core, as a pure module both sides import.

To add a message or a field:
  0. a field of an entity: see the checklist in ``counter_app/entity_fields.py``;
  1. add it here (with limits: every string and list has a maximum);
  2. handle it in ``central/api/<group>.py`` and in ``sync/engine.py``;
  3. regenerate ``central/openapi.json`` (``counter-central openapi > central/openapi.json``);
  4. bump ``PROTOCOL_VERSION`` only for a change an old peer would misread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from counter_app.entity_fields import ENTITIES, ENTITY_FIELDS

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = (1,)

# Limits (the server announces them in /v1/hello; the client adapts its batches).
MAX_BATCH_OPS = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024  # decompressed request body
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_CHUNK_BYTES = 1024 * 1024
MAX_OP_DATA_KEYS = 100
MAX_ATTACHMENTS_PER_OP = 20

__all__ = ["ENTITIES", "ENTITY_FIELDS"]  # and the models below
# A Literal for the JSON schema; tests/sync/test_entity_schema.py checks it names ENTITIES.
Entity = Literal["applicant", "application", "attachment", "rating", "rectification"]
OpKind = Literal["create", "update"]

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

Uuid = Annotated[str, Field(pattern=UUID_PATTERN, min_length=36, max_length=36)]
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN, min_length=64, max_length=64)]
ShortText = Annotated[str, Field(max_length=200)]


class ErrorCode(str, Enum):
    INVALID_REQUEST = "invalid_request"
    UNAUTHORIZED = "unauthorized"
    DEVICE_REVOKED = "device_revoked"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    UNSUPPORTED_PROTOCOL = "unsupported_protocol"
    ENROLL_CODE_INVALID = "enroll_code_invalid"
    ENROLL_CODE_EXPIRED = "enroll_code_expired"
    ENROLL_CODE_USED = "enroll_code_used"
    UPLOAD_OFFSET_MISMATCH = "upload_offset_mismatch"
    CHECKSUM_MISMATCH = "checksum_mismatch"
    AUDIT_REGRESSED = "audit_regressed"
    # per-op rejection codes (OpResult.code)
    UNKNOWN_RECORD = "unknown_record"
    ALREADY_EXISTS = "already_exists"
    INVALID_FIELD = "invalid_field"
    INVALID_TRANSITION = "invalid_transition"
    UNKNOWN_ITEM = "unknown_item"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Lenient(BaseModel):
    """Replies the client reads: unknown keys from a newer server are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class ErrorBody(Lenient):
    code: str
    field: str | None = None
    message: str


class ErrorResponse(Lenient):
    error: ErrorBody


# --- hello ------------------------------------------------------------------------------------------
class Hello(Lenient):
    protocol_versions: list[int]
    max_batch_ops: int
    max_body_bytes: int
    max_pull_limit: int
    max_upload_bytes: int
    catalogue_etag: str | None
    server_epoch: str
    min_cursor: int
    server_time: datetime


# --- enrollment -------------------------------------------------------------------------------------
class EnrollRequest(Strict):
    code: Annotated[str, Field(min_length=6, max_length=64)]
    device_name: Annotated[str, Field(max_length=100)] | None = None


class EnrollResponse(Lenient):
    device_id: str
    token: str
    office_code: str
    office_name: str
    receipt_prefix: str
    server_epoch: str


# --- push -------------------------------------------------------------------------------------------
class AttachmentRef(Strict):
    sha256: Sha256
    size: Annotated[int, Field(ge=0, le=MAX_UPLOAD_BYTES)]


class Op(Strict):
    op_id: Uuid
    seq: Annotated[int, Field(ge=1, le=2**62)]
    entity: Entity
    entity_id: Uuid
    op: OpKind
    base_version: Annotated[int, Field(ge=0, le=2**62)]
    data: Annotated[dict[str, Any], Field(max_length=MAX_OP_DATA_KEYS)]
    # A factory, not a literal `[]`: pydantic deep-copies a mutable default for every op it parses.
    attachments: Annotated[
        list[AttachmentRef],
        Field(max_length=MAX_ATTACHMENTS_PER_OP, default_factory=list, json_schema_extra={"default": []}),
    ]
    catalogue_version: Annotated[str, Field(max_length=40)] | None = None
    client_ts: Annotated[str, Field(max_length=40)]
    user_id: Annotated[str, Field(max_length=80)]


class PushRequest(Strict):
    device_id: Uuid
    batch_id: Uuid
    ops: list[Op]  # more than MAX_BATCH_OPS: 413, and the client halves the batch


class ServerRecord(Lenient):
    entity: str
    id: str
    version: int
    data: dict[str, Any]


OpStatus = Literal[
    "applied", "duplicate", "conflict", "rejected", "missing_attachments", "idempotency_mismatch", "deferred"
]


class OpResult(Lenient):
    """One op's outcome. Which fields are set depends on ``status``:

    - ``applied``: ``new_version`` (``merged`` true when a stale base merged with disjoint fields);
    - ``duplicate``: ``stored`` — the result recorded when this op id was first applied;
    - ``conflict``: ``server_record`` and the overlapping ``fields``; nothing was written;
    - ``rejected``: ``code``, ``field``, ``message``; final for this op; ``server_record`` too when
      the op's record exists at the office (the counter puts its copy back to the platform's);
    - ``missing_attachments``: ``missing`` sha256 list; upload them, then push the op again;
    - ``idempotency_mismatch``: the op id was used before with another payload;
    - ``deferred``: an earlier op on the same record did not apply; push it again later.
    Only ``applied``, ``conflict`` and ``rejected`` are stored (and replayed as ``duplicate``).
    """

    op_id: str
    status: OpStatus
    new_version: int | None = None
    merged: bool | None = None
    stored: OpResult | None = None
    server_record: ServerRecord | None = None
    fields: list[str] | None = None
    code: str | None = None
    field: str | None = None
    message: str | None = None
    missing: list[str] | None = None


class PushResponse(Lenient):
    batch_id: str
    results: list[OpResult]
    server_time: datetime
    # The office's change cursors around this batch's writes: every change after ``cursor_before``
    # up to ``cursor_after`` is a record this batch wrote (it held the office's lock throughout), so
    # a device whose pull has reached ``cursor_before`` and holds what it sent may move its pull
    # cursor to ``cursor_after`` instead of pulling its own writes back. Absent from older servers.
    cursor_before: int | None = None
    cursor_after: int | None = None


# --- pull -------------------------------------------------------------------------------------------
# ``GET /v1/sync/pull?own=``: ``stub`` leaves out the data of records whose latest version the
# asking device wrote (it holds them already); ``full`` (the default) sends every record whole.
OwnChanges = Literal["full", "stub"]


class Change(Lenient):
    cursor: int
    entity: str
    id: str
    version: int
    data: dict[str, Any] | None  # None: a stub (``own=stub``) of the asking device's own write
    origin_device: str | None = None
    updated_at: datetime


class PullResponse(Lenient):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_epoch: str
    min_cursor: int


# --- verify -----------------------------------------------------------------------------------------
VerifyDigest = Literal["sorted", "xor"]


class VerifyResponse(Lenient):
    """The office's records as ``count`` and a digest of their ``(entity, id, version)``.

    ``GET /v1/sync/verify`` answers ``hash`` (``records_digest``: SHA-256 of the sorted list, which
    the server computes by reading every record of the office); with ``?digest=xor`` it answers
    ``digest`` instead (``records_xor``: the XOR of each record's SHA-256, which the server keeps up
    to date as records change, so answering it reads one row). A server from before ``digest``
    ignores the parameter and answers ``hash``: the client compares whichever came."""

    count: int
    hash: str | None = None
    digest: str | None = None
    cursor: int


def record_hash(entity: str, record_id: str, version: int) -> int:
    """One record's part of ``records_xor``: the SHA-256 of ``entity:id:version`` as a number."""
    line = f"{entity}:{record_id}:{version}".encode("ascii", "replace")
    return int.from_bytes(hashlib.sha256(line).digest(), "big")


def xor_hex(value: int) -> str:
    return f"{value:064x}"


EMPTY_XOR = xor_hex(0)


def records_xor(records: Iterable[tuple[str, str, int]]) -> tuple[int, str]:
    """Count and XOR of ``record_hash`` over ``(entity, id, version)``: the same for the same set
    in any order, and kept up to date one record at a time (a changed record's old hash XORed out,
    its new one in), so central answers ``GET /v1/sync/verify?digest=xor`` without reading the
    office's records. Ids are unique, so no two records' hashes cancel."""
    count = 0
    acc = 0
    for entity, record_id, version in records:
        acc ^= record_hash(entity, record_id, version)
        count += 1
    return count, xor_hex(acc)


def agrees(remote: VerifyResponse, records: Iterable[tuple[str, str, int]]) -> tuple[bool, int]:
    """Whether a counter's ``records`` are what a verify reply describes, by the digest the reply
    carries (the XOR one; the sorted hash from a server before it), and how many records it has."""
    if remote.digest is not None:
        count, digest = records_xor(records)
        return (count, digest) == (remote.count, remote.digest), count
    count, digest = records_digest(records)
    return (count, digest) == (remote.count, remote.hash), count


def records_digest(records: Iterable[tuple[str, str, int]]) -> tuple[int, str]:
    """Count and SHA-256 of ``(entity, id, version)`` in a canonical order. Both sides compute it
    the same way, so ``GET /v1/sync/verify`` tells whether a counter holds what central holds."""
    lines = sorted(f"{entity}:{record_id}:{version}" for entity, record_id, version in records)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("ascii", "replace") + b"\n")
    return len(lines), digest.hexdigest()


# --- uploads ----------------------------------------------------------------------------------------
class UploadCreate(Strict):
    sha256: Sha256
    size: Annotated[int, Field(ge=1, le=MAX_UPLOAD_BYTES)]


class UploadStatus(Lenient):
    id: str
    sha256: str
    size: int
    offset: int
    complete: bool


# --- audit chain heads ------------------------------------------------------------------------------
class AuditHead(Strict):
    seq: Annotated[int, Field(ge=0, le=2**62)]
    hash: Sha256
    device_ts: Annotated[str, Field(max_length=40)]


class AuditHeadAck(Lenient):
    accepted: bool
    highest_seq: int


OpResult.model_rebuild()
