"""A reply cut inside its headers is a network cut, retried, not a malformed reply from the server.

urllib3 parses what came, warns about the broken headers and hands back a 200 with an empty body;
before, the engine took that for a bad server reply and ended the whole run. A tiny raw server on
loopback cuts its first reply after a few header bytes and answers the next one whole.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from sync import protocol as p
from sync.transport import Transport, TransportError

CUT_REPLY = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Le"


def _whole_reply() -> bytes:
    body = json.dumps({"count": 3, "hash": "ab" * 32, "cursor": 9}).encode()
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


@pytest.fixture
def cutting_server() -> Iterator[tuple[str, list[int]]]:
    """A server whose replies are cut for the first ``cuts[0]`` requests (a list, to set it later)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    cuts = [1]
    served: list[int] = [0]

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    piece = conn.recv(65536)
                    if not piece:
                        break
                    request += piece
                served[0] += 1
                conn.sendall(CUT_REPLY if served[0] <= cuts[0] else _whole_reply())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", cuts
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept
        listener.close()
        thread.join(timeout=5)


def test_a_reply_cut_inside_its_headers_is_retried(cutting_server: tuple[str, list[int]]) -> None:
    url, _cuts = cutting_server
    transport = Transport(url, "t" * 40, retries=2, backoff_s=0.0)
    try:
        reply = transport.get("/v1/sync/verify", p.VerifyResponse)
    finally:
        transport.close()
    assert (reply.count, reply.cursor) == (3, 9)


def test_cuts_beyond_the_retries_end_as_a_transport_error(cutting_server: tuple[str, list[int]]) -> None:
    url, cuts = cutting_server
    cuts[0] = 5
    transport = Transport(url, "t" * 40, retries=2, backoff_s=0.0)
    try:
        with pytest.raises(TransportError, match="cut before its body"):
            transport.get("/v1/sync/verify", p.VerifyResponse)
    finally:
        transport.close()
