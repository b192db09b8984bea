"""What the two loopback proxies share: ``tests/faultproxy.py`` (cuts, splits and delays for the
tests) and ``benchmarks/shaping_proxy.py`` (a weak office link). Each listens on ``127.0.0.1`` and
forwards every connection to the central server; this is how they open the server's side of a
connection, close a socket (a FIN, or an RST), and serve as context managers."""

from __future__ import annotations

import socket
import struct
import threading
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit


def target_address(target: str | tuple[str, int]) -> tuple[str, int]:
    """``http://host:port`` (or ``host:port``, or a tuple) as the address to forward to."""
    if not isinstance(target, str):
        return target
    parts = urlsplit(target if "//" in target else f"//{target}")
    return parts.hostname or "127.0.0.1", parts.port or 80


def connect_upstream(client: socket.socket, target: tuple[str, int]) -> socket.socket | None:
    """The server's side of a connection just accepted from ``client``; None (and ``client``
    closed) when the server cannot be reached. Both sides without Nagle's delay."""
    try:
        upstream = socket.create_connection(target, timeout=10)
    except OSError:
        client.close()
        return None
    upstream.settimeout(None)
    for sock in (client, upstream):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return upstream


def close_socket(sock: socket.socket, *, reset: bool = False) -> None:
    """Close one side of a forwarded connection: a FIN, or an RST when ``reset``. ``shutdown()``
    first wakes a thread blocked in ``recv()`` on it (``close()`` alone would not, and the socket
    would stay open while it waits); with ``SO_LINGER`` 0 the close sends the RST."""
    try:
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.shutdown(socket.SHUT_RD if reset else socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


class LoopbackProxy:
    """The listener, its URL and the context manager; subclasses accept and forward."""

    def __init__(self, target: str | tuple[str, int]) -> None:
        self.target = target_address(target)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []

    def close(self) -> None:
        raise NotImplementedError

    def _join_threads(self) -> None:
        for thread in list(self._threads):
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
