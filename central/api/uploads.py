"""Resumable attachment uploads, a subset of tus (https://tus.io) without its version headers.

A counter uploads an attachment's content before it pushes the op that refers to it (a pushed op
whose attachments are not held yet is answered ``missing_attachments``):

1. ``POST /v1/uploads {sha256, size}`` opens an upload. Content the server already holds is not
   sent again: the reply is ``complete`` at once. A device that lost the id of its unfinished
   upload gets the same upload back, and resumes it.
2. ``HEAD /v1/uploads/{id}`` (or ``GET``) tells how much the server has (``Upload-Offset``).
3. ``PATCH /v1/uploads/{id}`` with ``Upload-Offset: N`` and ``Content-Type:
   application/offset+octet-stream`` sends the next chunk (at most ``MAX_CHUNK_BYTES``). A chunk
   is stored and the offset advanced in one transaction, by a conditional ``UPDATE ... WHERE
   offset = N``: of two concurrent PATCHes at the same offset (from any number of server
   processes) one wins, the other gets 409 ``upload_offset_mismatch``. With the last chunk the
   server joins the chunks and checks the sha256: a match makes it a blob (``complete``); a
   mismatch is 422 ``checksum_mismatch`` and the upload starts again from offset 0.
   A chunk cut off by the network keeps what arrived: the body is read as it comes, and when the
   client goes away part-way the bytes received are stored (the same conditional UPDATE), so
   after a cut the client asks HEAD and sends only the rest, never the whole scan again.

Uploads belong to the device that opened them: any other device, of this office or another, gets
404 for its id, the same as for an id that does not exist.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from central import db
from central.auth import CurrentDevice, Device
from central.clock import now_iso
from central.errors import ApiError
from sync import protocol as p

router = APIRouter()

CHUNK_MEDIA_TYPE = "application/offset+octet-stream"
_UUID = re.compile(p.UUID_PATTERN)
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": p.ErrorResponse},
    404: {"model": p.ErrorResponse},
    422: {"model": p.ErrorResponse},
}
_OFFSET_HEADERS = {
    "Upload-Offset": {"description": "bytes the server holds", "schema": {"type": "integer"}},
    "Upload-Length": {"description": "the upload's size", "schema": {"type": "integer"}},
}


@dataclass(frozen=True)
class _Upload:
    id: str
    sha256: str
    size: int
    offset: int
    complete: bool

    def status(self) -> p.UploadStatus:
        return p.UploadStatus(
            id=self.id, sha256=self.sha256, size=self.size, offset=self.offset, complete=self.complete
        )

    def headers(self) -> dict[str, str]:
        return {
            "Upload-Offset": str(self.offset),
            "Upload-Length": str(self.size),
            "Cache-Control": "no-store",
        }


_COLUMNS = (
    db.uploads.c.id,
    db.uploads.c.sha256,
    db.uploads.c.size,
    db.uploads.c.offset,
    db.uploads.c.completed_at,
)


def _from_row(row: Any) -> _Upload:
    return _Upload(row.id, row.sha256, int(row.size), int(row.offset), row.completed_at is not None)


def _load(conn: Connection, device: Device, upload_id: str) -> _Upload:
    """The device's own upload, or 404 (also for other devices' uploads: their ids are not revealed)."""
    if not _UUID.fullmatch(upload_id):
        raise ApiError(404, p.ErrorCode.NOT_FOUND, "no such upload")
    row = conn.execute(
        select(*_COLUMNS).where(
            db.uploads.c.id == upload_id,
            db.uploads.c.device_id == device.id,
            db.uploads.c.office_code == device.office_code,
        )
    ).first()
    if row is None:
        raise ApiError(404, p.ErrorCode.NOT_FOUND, "no such upload")
    return _from_row(row)


async def _size_within_limit(request: Request) -> None:
    """Runs before the body is validated, so an oversize upload is 413 (``field: size``), not 422."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type and not (media_type == "application/json" or media_type.endswith("+json")):
        return  # not read as JSON: the framework answers
    try:
        body = await request.json()
    except (ValueError, RecursionError):
        return  # malformed JSON: the framework answers
    size = body.get("size") if isinstance(body, dict) else None
    if isinstance(size, str) and size.strip().isdigit() and len(size.strip()) <= 30:
        size = int(size.strip())
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > p.MAX_UPLOAD_BYTES:
        raise ApiError(
            413,
            p.ErrorCode.PAYLOAD_TOO_LARGE,
            f"an attachment may have at most {p.MAX_UPLOAD_BYTES} bytes",
            "size",
        )


@router.post(
    "/v1/uploads",
    status_code=201,
    response_model=p.UploadStatus,
    tags=["uploads"],
    dependencies=[Depends(_size_within_limit)],
    responses={
        200: {
            "model": p.UploadStatus,
            "description": "content already held (complete) or the device's unfinished upload of it",
        },
        201: {
            "description": "a new upload at offset 0",
            "headers": {"Location": {"schema": {"type": "string"}}},
        },
        401: {"model": p.ErrorResponse},
        413: {"model": p.ErrorResponse, "description": "size above max_upload_bytes"},
        422: {"model": p.ErrorResponse},
    },
)
def create_upload(
    body: p.UploadCreate, request: Request, response: Response, device: CurrentDevice
) -> p.UploadStatus:
    """Open an upload of ``size`` bytes whose SHA-256 is ``sha256``.

    - 201: a new upload at offset 0 (``Location: /v1/uploads/{id}``); send it with PATCH.
    - 200 ``complete: true``, ``offset == size``: the server holds this content already; send nothing.
    - 200 ``complete: false``: this device has an unfinished upload of the same content; resume it
      from ``offset``.
    - 413 ``payload_too_large`` (``field: size``): above ``max_upload_bytes``.
    - 422 ``invalid_request`` (``field: size``): the content with this sha256 has another size.
    """
    engine = request.app.state.central.engine
    with engine.begin() as conn:
        if db.is_postgres(engine):
            # One find-or-create at a time per device (SQLite's BEGIN IMMEDIATE serialises already).
            conn.execute(select(func.pg_advisory_xact_lock(func.hashtext("counter.uploads:" + device.id))))
        upload, created = _find_or_create(conn, device, body)
    response.status_code = 201 if created else 200
    if created:
        response.headers["Location"] = f"/v1/uploads/{upload.id}"
    response.headers.update(upload.headers())
    return upload.status()


def _find_or_create(conn: Connection, device: Device, body: p.UploadCreate) -> tuple[_Upload, bool]:
    uploads = db.uploads
    held_size = conn.execute(select(db.blobs.c.size).where(db.blobs.c.sha256 == body.sha256)).scalar()
    if held_size is not None and int(held_size) != body.size:
        raise ApiError(
            422,
            p.ErrorCode.INVALID_REQUEST,
            f"the content with this sha256 has {held_size} bytes, not {body.size}",
            "size",
        )
    mine = [
        _from_row(row)
        for row in conn.execute(
            select(*_COLUMNS)
            .where(
                uploads.c.device_id == device.id,
                uploads.c.sha256 == body.sha256,
                uploads.c.size == body.size,
            )
            .order_by(uploads.c.created_at, uploads.c.id)
        )
    ]
    unfinished = next((u for u in mine if not u.complete), None)
    if held_size is None:
        if unfinished is not None:
            return unfinished, False
        upload = _Upload(str(uuid.uuid4()), body.sha256, body.size, 0, False)
        completed_at = None
    else:
        if unfinished is not None:  # another device completed the same content meanwhile
            _complete(conn, unfinished.id, body.size)
            return _Upload(unfinished.id, body.sha256, body.size, body.size, True), False
        finished = next((u for u in mine if u.complete), None)
        if finished is not None:
            return finished, False
        # Held already (sent by another device): a complete upload, so the id works with HEAD/GET.
        upload = _Upload(str(uuid.uuid4()), body.sha256, body.size, body.size, True)
        completed_at = now_iso()
    conn.execute(
        uploads.insert().values(
            id=upload.id,
            device_id=device.id,
            office_code=device.office_code,
            sha256=upload.sha256,
            size=upload.size,
            offset=upload.offset,
            created_at=now_iso(),
            completed_at=completed_at,
        )
    )
    return upload, not upload.complete


@router.head(
    "/v1/uploads/{upload_id}",
    status_code=200,
    tags=["uploads"],
    response_class=Response,
    responses={
        200: {"description": "no body; see the headers", "headers": _OFFSET_HEADERS},
        401: {"description": "no valid device token (no body: HEAD)"},
        404: {"description": "no such upload of this device (no body: HEAD)"},
        422: {"description": "invalid request (no body: HEAD)"},
    },
)
def head_upload(upload_id: str, request: Request, device: CurrentDevice) -> Response:
    """How much of the upload the server holds: ``Upload-Offset`` (resume from there) and
    ``Upload-Length``; both equal once the upload is complete. No body (an error's body is not
    sent either: 401 and 404 are told by the status alone)."""
    with request.app.state.central.engine.connect() as conn:
        upload = _load(conn, device, upload_id)
    return Response(status_code=200, headers=upload.headers())


@router.get(
    "/v1/uploads/{upload_id}",
    response_model=p.UploadStatus,
    tags=["uploads"],
    responses={200: {"headers": _OFFSET_HEADERS}, **_ERRORS},
)
def get_upload(upload_id: str, request: Request, response: Response, device: CurrentDevice) -> p.UploadStatus:
    """The upload's state as JSON (the same as HEAD, with the headers too)."""
    with request.app.state.central.engine.connect() as conn:
        upload = _load(conn, device, upload_id)
    response.headers.update(upload.headers())
    return upload.status()


@router.patch(
    "/v1/uploads/{upload_id}",
    status_code=204,
    response_class=Response,
    tags=["uploads"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": f"the next chunk, at most {p.MAX_CHUNK_BYTES} bytes, starting at Upload-Offset",
            "content": {CHUNK_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
    responses={
        204: {"description": "chunk stored", "headers": _OFFSET_HEADERS},
        **_ERRORS,
        409: {
            "model": p.ErrorResponse,
            "description": "upload_offset_mismatch: resume from the Upload-Offset header",
            "headers": _OFFSET_HEADERS,
        },
        413: {"model": p.ErrorResponse, "description": "chunk above the limit, or past the upload's size"},
        415: {"model": p.ErrorResponse, "description": f"Content-Type is not {CHUNK_MEDIA_TYPE}"},
        422: {
            "model": p.ErrorResponse,
            "description": "checksum_mismatch: the content's sha256 differs; the upload restarts at 0",
        },
    },
)
async def patch_upload(
    upload_id: str,
    upload_offset: Annotated[
        str,
        Header(
            alias="Upload-Offset",
            pattern=r"^[0-9]{1,15}$",
            description="where this chunk starts: the server's offset (from HEAD, or the last PATCH)",
        ),
    ],
    request: Request,
    device: CurrentDevice,
) -> Response:
    """Append the next chunk.

    - 204, no body, ``Upload-Offset`` (the new offset) and ``Upload-Length``: stored. When the two
      are equal the upload is complete: its sha256 was checked and the content is held.
    - 409 ``upload_offset_mismatch``: ``Upload-Offset`` is not the server's offset, which the reply's
      ``Upload-Offset`` header gives (for a complete upload: its size); send from there.
    - 413 ``payload_too_large``: the chunk is above ``MAX_CHUNK_BYTES`` or would end past the size.
    - 415 ``unsupported_media_type``: the Content-Type is not ``application/offset+octet-stream``.
    - 422 ``checksum_mismatch``: the last chunk completed the size but the sha256 differs; the
      chunks are discarded and the upload starts again at offset 0 (``Upload-Offset: 0``).

    A chunk cut off by the network (the client went away in the middle of the body) is not lost:
    the bytes that came are stored and the offset advances by them, so the client, asking HEAD
    after the cut, sends only the rest.
    """
    received = await _receive_chunk(request)
    engine = request.app.state.central.engine
    return await run_in_threadpool(
        _store_chunk, engine, device, upload_id, int(upload_offset), request, received
    )


@dataclass
class _Received:
    data: bytes
    size: int  # the body's whole size (``data`` stops after MAX_CHUNK_BYTES + 1)
    cut: bool  # the client went away before the end of the body


async def _receive_chunk(request: Request) -> _Received:
    """The body as it arrives; when the connection drops part-way, what came before the drop."""
    parts: list[bytes] = []
    size = 0
    cut = False
    try:
        async for piece in request.stream():
            if size <= p.MAX_CHUNK_BYTES:  # enough to tell an oversize chunk; the rest is drained
                parts.append(piece)
            size += len(piece)
    except ClientDisconnect:
        cut = True
    return _Received(b"".join(parts), size, cut)


def _store_chunk(
    engine: Engine, device: Device, upload_id: str, offset: int, request: Request, received: _Received
) -> Response:
    chunk = received.data
    with engine.begin() as conn:
        upload = _load(conn, device, upload_id)
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != CHUNK_MEDIA_TYPE:
            raise ApiError(
                415, p.ErrorCode.UNSUPPORTED_MEDIA_TYPE, f"send chunks as {CHUNK_MEDIA_TYPE}", "Content-Type"
            )
        if received.size > p.MAX_CHUNK_BYTES:
            raise ApiError(
                413, p.ErrorCode.PAYLOAD_TOO_LARGE, f"a chunk may have at most {p.MAX_CHUNK_BYTES} bytes"
            )
        if offset != upload.offset:
            raise _mismatch(upload)
        end = offset + len(chunk)
        if end > upload.size:
            raise ApiError(
                413,
                p.ErrorCode.PAYLOAD_TOO_LARGE,
                f"the chunk would end at {end}, past the upload's size {upload.size}",
            )
        if not chunk:
            return Response(status_code=204, headers=upload.headers())
        advanced = conn.execute(
            update(db.uploads)
            .where(
                db.uploads.c.id == upload.id,
                db.uploads.c.offset == offset,
                db.uploads.c.completed_at.is_(None),
            )
            .values(offset=end)
        ).rowcount
        if advanced != 1:  # another request stored this chunk first (after our read)
            raise _mismatch(_load(conn, device, upload_id))
        if end < upload.size:
            conn.execute(db.upload_chunks.insert().values(upload_id=upload.id, offset=offset, data=chunk))
            verified = True
        else:  # the last chunk goes straight into the blob, never stored as a chunk
            verified = _finish(conn, upload, chunk)
    if not verified:
        raise ApiError(
            422,
            p.ErrorCode.CHECKSUM_MISMATCH,
            "the content's sha256 is not the upload's; send it again from offset 0",
            headers={"Upload-Offset": "0", "Upload-Length": str(upload.size)},
        )
    return Response(
        status_code=204,
        headers={"Upload-Offset": str(end), "Upload-Length": str(upload.size), "Cache-Control": "no-store"},
    )


def _mismatch(upload: _Upload) -> ApiError:
    return ApiError(
        409,
        p.ErrorCode.UPLOAD_OFFSET_MISMATCH,
        f"the server holds {upload.offset} bytes of this upload; send from there",
        "Upload-Offset",
        headers=upload.headers(),
    )


def _finish(conn: Connection, upload: _Upload, last: bytes) -> bool:
    """All bytes are in (the stored chunks, then ``last``): check the sha256, then keep the content as
    a blob (True), or discard the chunks and start the upload again at 0 (False). The caller commits
    either way. An upload in one chunk (most scans) never touches the chunks table."""
    parts = [
        bytes(data)
        for data in conn.execute(
            select(db.upload_chunks.c.data)
            .where(db.upload_chunks.c.upload_id == upload.id)
            .order_by(db.upload_chunks.c.offset)
        ).scalars()
    ]
    parts.append(last)
    content = b"".join(parts)
    del parts
    if len(content) != upload.size or hashlib.sha256(content).hexdigest() != upload.sha256:
        conn.execute(db.upload_chunks.delete().where(db.upload_chunks.c.upload_id == upload.id))
        conn.execute(update(db.uploads).where(db.uploads.c.id == upload.id).values(offset=0))
        return False
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(
        dialect_insert(db.blobs)
        .values(sha256=upload.sha256, size=upload.size, data=content, created_at=now_iso())
        .on_conflict_do_nothing(index_elements=[db.blobs.c.sha256])  # another device sent it too
    )
    _complete(conn, upload.id, upload.size)
    return True


def _complete(conn: Connection, upload_id: str, size: int) -> None:
    conn.execute(
        update(db.uploads).where(db.uploads.c.id == upload_id).values(offset=size, completed_at=now_iso())
    )
    conn.execute(db.upload_chunks.delete().where(db.upload_chunks.c.upload_id == upload_id))
