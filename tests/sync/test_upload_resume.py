"""A scan's upload cut in the middle of a chunk resumes where the server's copy ends (issue 12).

The real central server on loopback, reached through the shaping proxy of the weak-link benchmark
(here without delay or bandwidth cap) which cuts one PATCH at a chosen byte of its body.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from benchmarks.shaping_proxy import UP, ShapingProxy
from central import db
from central.api import uploads
from counter_app.core import Counter
from sync import protocol as p
from sync.batches import FIRST_CHUNK_BYTES
from sync.engine import SyncEngine
from sync.transport import Transport
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, take_in, token

CHUNK_TYPE = "application/offset+octet-stream"


def scan(size: int) -> bytes:
    """JPEG-ish: a JPEG's first and last bytes around incompressible ones."""
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 6) + b"\xff\xd9"


def fast_link(central: CentralServer) -> ShapingProxy:
    return ShapingProxy(central.url, rate_bps=1e9, delay_s=0.0, cut_fraction=0.0)


def use_server(counter: Counter, url: str) -> None:
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("server_url", url)


class UploadLog(Transport):
    """A real transport that notes each upload request: (method, Upload-Offset sent or received,
    body bytes, outcome)."""

    def __init__(self, counter: Counter, url: str) -> None:
        super().__init__(url, counter.enrollment.token(), retries=2, backoff_s=0.01)
        self.calls: list[tuple[str, int | None, int, str]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if not path.startswith("/v1/uploads/"):
            return super().request(method, path, **kwargs)
        sent = (kwargs.get("headers") or {}).get("Upload-Offset")
        body = len(kwargs.get("raw") or b"")
        try:
            response = super().request(method, path, **kwargs)
        except Exception as exc:
            self.calls.append((method, None if sent is None else int(sent), body, type(exc).__name__))
            raise
        offset = sent if method == "PATCH" else response.headers.get("Upload-Offset")
        self.calls.append((method, None if offset is None else int(offset), body, str(response.status_code)))
        return response


def held(central: CentralServer, sha256: str) -> bytes | None:
    with central.engine.connect() as conn:
        data = conn.execute(select(db.blobs.c.data).where(db.blobs.c.sha256 == sha256)).scalar()
    return None if data is None else bytes(data)


@pytest.fixture
def cut_stored(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set once the server has stored what came of a cut chunk. A cut waits for it before the
    client's side is closed (``ShapingProxy.cut_next(before_client_close=…)``): the client notices
    last, as on a real line, so its next request finds the bytes kept (otherwise its HEAD may come
    first and find offset 0, and the test would depend on the scheduler)."""
    stored = threading.Event()
    store_chunk = uploads._store_chunk

    def noting_cut(*args: Any) -> Any:
        try:
            return store_chunk(*args)
        finally:
            if args[-1].cut:
                stored.set()

    monkeypatch.setattr(uploads, "_store_chunk", noting_cut)
    return stored


def test_a_chunk_cut_mid_body_resumes_from_the_servers_offset_and_sends_only_the_rest(
    make_counter: Callable[..., Counter], central: CentralServer, cut_stored: threading.Event
) -> None:
    content = scan(150_000)
    digest = hashlib.sha256(content).hexdigest()
    counter = make_counter("a")
    app = take_in(counter, 41, accept=False)
    attachment = counter.intake.attach(ACTOR, app.id, "M02", "身份证.jpg", content)
    counter.intake.accept(ACTOR, app.id)
    cut_after = 40_000  # within the first chunk (FIRST_CHUNK_BYTES)
    assert cut_after < FIRST_CHUNK_BYTES < len(content)

    with fast_link(central) as link:
        use_server(counter, link.url)
        link.cut_next("PATCH", after_body_bytes=cut_after, before_client_close=lambda: cut_stored.wait(30))
        transport = UploadLog(counter, link.url)
        report = SyncEngine(counter, transport=transport).run()
        patched = sum(size for (method, _path), size in link.body_bytes.items() if method == "PATCH")
        cuts = dict(link.cuts)

    assert cut_stored.is_set()
    assert report.outcome == "ok" and report.uploaded == 1 and report.verified is True, report
    assert cuts[UP] == 1
    first, head, *rest = transport.calls
    assert first[:3] == ("PATCH", 0, FIRST_CHUNK_BYTES) and first[3] == "TransportError"  # not retried
    # The server kept what came before the cut, and the client asked for it before sending more.
    assert head[0] == "HEAD" and head[1] is not None and 0 < head[1] <= cut_after
    assert rest and all(method == "PATCH" for method, *_ in rest)
    assert rest[0][1] == head[1]  # the next chunk starts at the server's offset
    assert sum(body for _m, _o, body, _s in rest) == len(content) - head[1]  # only the rest went again
    assert patched == cut_after + len(content) - head[1]
    assert held(central, digest) == content
    with central.engine.connect() as conn:
        stored = conn.execute(
            select(func.count()).select_from(db.records).where(db.records.c.id == attachment)
        ).scalar_one()
    assert stored == 1
    assert counter.exchange.pending_count() == 0


def test_the_server_keeps_the_bytes_of_a_chunk_whose_connection_dropped(
    make_counter: Callable[..., Counter], central: CentralServer, cut_stored: threading.Event
) -> None:
    content = scan(300_000)
    assert len(content) <= p.MAX_CHUNK_BYTES  # one chunk, cut in the middle
    counter = make_counter("a")
    auth = {"Authorization": f"Bearer {token(counter)}"}
    opened = requests.post(
        f"{central.url}/v1/uploads",
        json={"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)},
        headers=auth,
        timeout=10,
    )
    assert opened.status_code == 201
    upload = f"/v1/uploads/{opened.json()['id']}"
    with fast_link(central) as link:
        link.cut_next("PATCH", after_body_bytes=200_000, before_client_close=lambda: cut_stored.wait(30))
        try:
            reply = requests.patch(
                link.url + upload,
                data=content,
                headers={**auth, "Upload-Offset": "0", "Content-Type": CHUNK_TYPE},
                timeout=10,
            )
        except requests.ConnectionError:
            reply = None
        assert reply is None, "the connection was cut before the reply"
        assert link.cuts[UP] == 1 and cut_stored.is_set()

    kept = int(requests.head(central.url + upload, headers=auth, timeout=10).headers["Upload-Offset"])
    assert 0 < kept <= 200_000
    rest = requests.patch(
        central.url + upload,
        data=content[kept:],
        headers={**auth, "Upload-Offset": str(kept), "Content-Type": CHUNK_TYPE},
        timeout=10,
    )
    assert rest.status_code == 204 and rest.headers["Upload-Offset"] == str(len(content))
    assert held(central, hashlib.sha256(content).hexdigest()) == content
