"""Resumable attachment uploads over real HTTP (SQLite and PostgreSQL): POST, HEAD/GET, PATCH."""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import requests
from sqlalchemy import func, select

from central import admin, db
from sync import protocol as p
from tests.central_server import CentralServer

CHUNK_TYPE = {"Content-Type": "application/offset+octet-stream"}


class Counter:
    """One enrolled device talking to the server with its own HTTP session."""

    def __init__(self, server: CentralServer, office: str = "OFFICE-A") -> None:
        self.server = server
        self.enrolled = server.enroll(office)
        self.device_id: str = self.enrolled["device_id"]
        self.new_session()

    def new_session(self) -> None:
        """A fresh connection, as after the network dropped or the app restarted."""
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {self.enrolled['token']}"

    def create(self, content: bytes, size: int | None = None) -> requests.Response:
        body = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content) if size is None else size}
        return self.http.post(f"{self.server.url}/v1/uploads", json=body, timeout=30)

    def head(self, upload_id: str) -> requests.Response:
        return self.http.head(f"{self.server.url}/v1/uploads/{upload_id}", timeout=30)

    def get(self, upload_id: str) -> requests.Response:
        return self.http.get(f"{self.server.url}/v1/uploads/{upload_id}", timeout=30)

    def patch(self, upload_id: str, offset: int, chunk: bytes, **headers: str) -> requests.Response:
        return self.http.patch(
            f"{self.server.url}/v1/uploads/{upload_id}",
            data=chunk,
            headers={**CHUNK_TYPE, "Upload-Offset": str(offset), **headers},
            timeout=60,
        )

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        reply = self.http.post(
            f"{self.server.url}/v1/sync/push",
            json={"device_id": self.device_id, "batch_id": str(uuid.uuid4()), "ops": ops},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()["results"]


def error_code(reply: requests.Response) -> str:
    return reply.json()["error"]["code"]


def held_blob(server: CentralServer, sha256: str) -> bytes | None:
    with server.engine.connect() as conn:
        data = conn.execute(select(db.blobs.c.data).where(db.blobs.c.sha256 == sha256)).scalar()
    return None if data is None else bytes(data)


def chunk_rows(server: CentralServer, upload_id: str) -> int:
    with server.engine.connect() as conn:
        return conn.execute(
            select(func.count())
            .select_from(db.upload_chunks)
            .where(db.upload_chunks.c.upload_id == upload_id)
        ).scalar_one()


def test_upload_in_three_chunks_then_the_content_is_held(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(2 * p.MAX_CHUNK_BYTES + 1000)  # two chunks of the maximum size, then the rest
    sha = hashlib.sha256(content).hexdigest()

    created = counter.create(content)
    assert created.status_code == 201, created.text
    status = created.json()
    upload_id = status["id"]
    assert status == {"id": upload_id, "sha256": sha, "size": len(content), "offset": 0, "complete": False}
    assert created.headers["Location"] == f"/v1/uploads/{upload_id}"
    assert created.headers["Upload-Offset"] == "0"

    offset = 0
    for end in (p.MAX_CHUNK_BYTES, 2 * p.MAX_CHUNK_BYTES, len(content)):
        reply = counter.patch(upload_id, offset, content[offset:end])
        assert reply.status_code == 204, reply.text
        assert reply.content == b""
        assert reply.headers["Upload-Offset"] == str(end)
        assert reply.headers["Upload-Length"] == str(len(content))
        offset = end
        if end < len(content):
            assert held_blob(server, sha) is None

    assert held_blob(server, sha) == content
    assert chunk_rows(server, upload_id) == 0  # the chunks are gone once the blob is held
    head = counter.head(upload_id)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Upload-Offset"] == head.headers["Upload-Length"] == str(len(content))
    assert counter.get(upload_id).json() == {**status, "offset": len(content), "complete": True}

    # The last chunk again (its reply was lost, say): the server tells where it stands, the size.
    again = counter.patch(upload_id, 2 * p.MAX_CHUNK_BYTES, content[2 * p.MAX_CHUNK_BYTES :])
    assert again.status_code == 409 and error_code(again) == "upload_offset_mismatch"
    assert again.headers["Upload-Offset"] == str(len(content))

    # Content already held is not sent again: complete at once, for this device and for any other.
    for device in (counter, Counter(server, "OFFICE-A"), Counter(server, "OFFICE-B")):
        reply = device.create(content)
        assert reply.status_code == 200, reply.text
        held = reply.json()
        assert held["complete"] is True and held["offset"] == held["size"] == len(content)
        assert device.get(held["id"]).json() == held
    assert counter.create(content).json()["id"] == upload_id

    # A claimed size that is not the held content's size is refused.
    wrong = counter.create(content, size=len(content) - 1)
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "size"


def test_an_interrupted_upload_resumes_from_the_servers_offset(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(300_000)
    upload_id = counter.create(content).json()["id"]
    assert counter.patch(upload_id, 0, content[:100_000]).status_code == 204
    # The connection drops here and the counter restarts; HEAD tells it where to go on.
    counter.new_session()
    head = counter.head(upload_id)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "100000" and head.headers["Upload-Length"] == "300000"
    assert head.headers["Cache-Control"] == "no-store"
    # A counter that lost the id too gets the same upload back from POST, with its offset.
    resumed = counter.create(content)
    assert resumed.status_code == 200
    assert resumed.json() == {
        "id": upload_id,
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": 300_000,
        "offset": 100_000,
        "complete": False,
    }
    offset = int(head.headers["Upload-Offset"])
    while offset < len(content):
        reply = counter.patch(upload_id, offset, content[offset : offset + 64_000])
        assert reply.status_code == 204, reply.text
        offset = int(reply.headers["Upload-Offset"])
    assert offset == len(content)
    assert held_blob(server, hashlib.sha256(content).hexdigest()) == content
    assert counter.get(upload_id).json()["complete"] is True


def test_a_wrong_offset_is_409_with_the_servers_offset(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(5000)
    upload_id = counter.create(content).json()["id"]
    assert counter.patch(upload_id, 0, content[:2000]).status_code == 204
    for offset in (0, 1999, 2001, 4000, 10**12):
        reply = counter.patch(upload_id, offset, content[offset : offset + 1000] or b"x")
        assert reply.status_code == 409, (offset, reply.text)
        assert reply.json()["error"] == {
            "code": "upload_offset_mismatch",
            "field": "Upload-Offset",
            "message": reply.json()["error"]["message"],
        }
        assert reply.headers["Upload-Offset"] == "2000"
        assert reply.headers["Upload-Length"] == "5000"
    assert counter.head(upload_id).headers["Upload-Offset"] == "2000"
    # An empty chunk at the right offset changes nothing.
    empty = counter.patch(upload_id, 2000, b"")
    assert empty.status_code == 204 and empty.headers["Upload-Offset"] == "2000"
    assert counter.patch(upload_id, 2000, content[2000:]).status_code == 204
    assert held_blob(server, hashlib.sha256(content).hexdigest()) == content


def test_a_corrupted_chunk_is_422_and_the_upload_restarts_from_zero(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(30_000)
    sha = hashlib.sha256(content).hexdigest()
    upload_id = counter.create(content).json()["id"]
    assert counter.patch(upload_id, 0, content[:10_000]).status_code == 204
    corrupted = bytearray(content[10_000:])
    corrupted[123] ^= 0xFF
    reply = counter.patch(upload_id, 10_000, bytes(corrupted))
    assert reply.status_code == 422, reply.text
    assert error_code(reply) == "checksum_mismatch"
    assert reply.headers["Upload-Offset"] == "0"
    assert held_blob(server, sha) is None
    assert chunk_rows(server, upload_id) == 0
    assert counter.head(upload_id).headers["Upload-Offset"] == "0"
    assert counter.get(upload_id).json()["complete"] is False
    # The stale offset is refused; from 0 with the right bytes it succeeds.
    assert counter.patch(upload_id, 10_000, content[10_000:]).status_code == 409
    assert counter.patch(upload_id, 0, content[:20_000]).status_code == 204
    done = counter.patch(upload_id, 20_000, content[20_000:])
    assert done.status_code == 204 and done.headers["Upload-Offset"] == "30000"
    assert held_blob(server, sha) == content


def test_limits_and_malformed_requests_are_4xx(server: CentralServer) -> None:
    counter = Counter(server)
    url = f"{server.url}/v1/uploads"
    too_big = counter.http.post(url, json={"sha256": "a" * 64, "size": p.MAX_UPLOAD_BYTES + 1}, timeout=10)
    assert too_big.status_code == 413, too_big.text
    assert too_big.json()["error"] == {
        "code": "payload_too_large",
        "field": "size",
        "message": too_big.json()["error"]["message"],
    }
    assert counter.http.post(url, json={"sha256": "a" * 64, "size": 2**80}, timeout=10).status_code == 413
    for body in ({"sha256": "A" * 64, "size": 1}, {"sha256": "a" * 64, "size": 0}, {"sha256": "a" * 64}, []):
        reply = counter.http.post(url, json=body, timeout=10)
        assert reply.status_code == 422 and error_code(reply) == "invalid_request", (body, reply.text)
    garbage = counter.http.post(url, data=b"{", headers={"Content-Type": "application/json"}, timeout=10)
    assert garbage.status_code in (400, 422) and error_code(garbage) == "invalid_request", garbage.text

    content = os.urandom(p.MAX_CHUNK_BYTES + 10)
    upload_id = counter.create(content).json()["id"]
    chunk = counter.patch(upload_id, 0, content)  # above MAX_CHUNK_BYTES
    assert chunk.status_code == 413 and error_code(chunk) == "payload_too_large"
    small_id = counter.create(b"0123456789").json()["id"]
    past = counter.patch(small_id, 0, b"0123456789A")
    assert past.status_code == 413 and error_code(past) == "payload_too_large"
    for content_type in ("application/json", "application/octet-stream", ""):
        reply = counter.patch(small_id, 0, b"0123456789", **{"Content-Type": content_type})
        assert reply.status_code == 415 and error_code(reply) == "unsupported_media_type", content_type
    for offset in ("", "-1", "1.5", "abc", "1" * 40):
        reply = counter.patch(small_id, 0, b"0123", **{"Upload-Offset": offset})
        assert reply.status_code == 422 and error_code(reply) == "invalid_request", offset
    missing = counter.http.patch(f"{url}/{small_id}", data=b"0123", headers=CHUNK_TYPE, timeout=10)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "Upload-Offset"
    assert counter.head(small_id).headers["Upload-Offset"] == "0"  # nothing refused was stored
    assert counter.patch(small_id, 0, b"0123456789").status_code == 204


def test_other_devices_get_404_for_an_upload(server: CentralServer) -> None:
    owner = Counter(server, "OFFICE-A")
    content = os.urandom(1000)
    upload_id = owner.create(content).json()["id"]
    assert owner.patch(upload_id, 0, content[:10]).status_code == 204
    for stranger in (Counter(server, "OFFICE-B"), Counter(server, "OFFICE-A")):
        assert stranger.head(upload_id).status_code == 404
        got = stranger.get(upload_id)
        assert got.status_code == 404 and error_code(got) == "not_found"
        patched = stranger.patch(upload_id, 10, content[10:])
        assert patched.status_code == 404 and error_code(patched) == "not_found"
        assert "Upload-Offset" not in patched.headers
        # Another device opening the same content gets its own upload, not this one.
        theirs = stranger.create(content)
        assert theirs.status_code == 201 and theirs.json()["id"] != upload_id
    for unknown in (str(uuid.uuid4()), "not-an-id", "x" * 300):
        assert owner.head(unknown).status_code == 404
        assert owner.get(unknown).status_code == 404
        assert owner.patch(unknown, 0, b"x").status_code == 404
    assert owner.head(upload_id).headers["Upload-Offset"] == "10"
    assert owner.patch(upload_id, 10, content[10:]).status_code == 204


def test_unauthenticated_requests_are_401(server: CentralServer) -> None:
    owner = Counter(server)
    upload_id = owner.create(b"hello").json()["id"]
    url = f"{server.url}/v1/uploads"
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic abc"}):
        body = {"sha256": hashlib.sha256(b"hello").hexdigest(), "size": 5}
        assert requests.post(url, json=body, headers=headers, timeout=10).status_code == 401
        assert requests.head(f"{url}/{upload_id}", headers=headers, timeout=10).status_code == 401
        reply = requests.get(f"{url}/{upload_id}", headers=headers, timeout=10)
        assert reply.status_code == 401 and error_code(reply) == "unauthorized"
        patch_headers = {**headers, **CHUNK_TYPE, "Upload-Offset": "0"}
        reply = requests.patch(f"{url}/{upload_id}", data=b"hello", headers=patch_headers, timeout=10)
        assert reply.status_code == 401 and error_code(reply) == "unauthorized"
    assert owner.head(upload_id).headers["Upload-Offset"] == "0"


def test_concurrent_patches_at_one_offset_store_one_chunk(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(40_000)
    upload_id = counter.create(content).json()["id"]
    for offset in range(0, len(content), 10_000):
        barrier = threading.Barrier(4)
        statuses: list[int] = []

        def send(
            offset: int = offset, barrier: threading.Barrier = barrier, statuses: list[int] = statuses
        ) -> None:
            session = requests.Session()
            session.headers.update(counter.http.headers)
            barrier.wait()
            reply = session.patch(
                f"{server.url}/v1/uploads/{upload_id}",
                data=content[offset : offset + 10_000],
                headers={**CHUNK_TYPE, "Upload-Offset": str(offset)},
                timeout=60,
            )
            statuses.append(reply.status_code)

        threads = [threading.Thread(target=send) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [204, 409, 409, 409], statuses
    assert held_blob(server, hashlib.sha256(content).hexdigest()) == content


def applicant_op(attachment: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "seq": 1,
        "entity": "applicant",
        "entity_id": str(uuid.uuid4()),
        "op": "create",
        "base_version": 0,
        "data": {
            "kind": "person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
        },
        "attachments": [attachment],
        "client_ts": "2024-05-06T09:30:00+08:00",
        "user_id": "clerk-1",
    }


def test_a_pushed_op_needs_its_attachment_uploaded_first(server: CentralServer) -> None:
    counter = Counter(server)
    content = os.urandom(50_000)
    sha = hashlib.sha256(content).hexdigest()
    op = applicant_op({"sha256": sha, "size": len(content)})
    [before] = counter.push([op])
    assert before["status"] == "missing_attachments" and before["missing"] == [sha]

    upload_id = counter.create(content).json()["id"]
    assert counter.patch(upload_id, 0, content[:25_000]).status_code == 204
    [halfway] = counter.push([op])
    assert halfway["status"] == "missing_attachments"  # an unfinished upload is not held content
    assert counter.patch(upload_id, 25_000, content[25_000:]).status_code == 204

    [after] = counter.push([op])
    assert after["status"] == "applied" and after["new_version"] == 1


def test_abandoned_unfinished_uploads_are_pruned_and_the_device_starts_again(server: CentralServer) -> None:
    counter = Counter(server)
    abandoned, recent, finished = os.urandom(200_000), os.urandom(200_000), os.urandom(1_000)
    old_id = counter.create(abandoned).json()["id"]
    assert counter.patch(old_id, 0, abandoned[:100_000]).status_code == 204
    recent_id = counter.create(recent).json()["id"]
    assert counter.patch(recent_id, 0, recent[:50_000]).status_code == 204
    done_id = counter.create(finished).json()["id"]
    assert counter.patch(done_id, 0, finished).status_code == 204
    long_ago = (datetime.now(timezone.utc) - timedelta(days=3)).isoformat(timespec="milliseconds")
    with server.engine.begin() as conn:  # the first device went quiet three days ago
        conn.execute(
            db.uploads.update().where(db.uploads.c.id.in_([old_id, done_id])).values(created_at=long_ago)
        )

    assert admin.prune_uploads(server.engine, timedelta(hours=48)) == 1
    assert chunk_rows(server, old_id) == 0
    assert counter.head(old_id).status_code == 404
    assert chunk_rows(server, recent_id) == 1 and counter.head(recent_id).headers["Upload-Offset"] == "50000"
    assert counter.get(done_id).json()["complete"] is True  # finished uploads are kept
    # The device comes back: a new upload from zero, and the content arrives whole.
    again = counter.create(abandoned).json()
    assert again["id"] != old_id and again["offset"] == 0
    assert counter.patch(again["id"], 0, abandoned).status_code == 204
    assert held_blob(server, hashlib.sha256(abandoned).hexdigest()) == abandoned
    assert admin.prune_uploads(server.engine, timedelta(hours=48)) == 0
