"""A TCP proxy that behaves like a weak office link: a bandwidth cap, a one-way delay, and cuts.

This kernel has no netem, so the link is made in user space on loopback. Every connection accepted on
``127.0.0.1:<port>`` is forwarded to the target through two directions (``up``: client → server,
``down``: server → client), each shaped so:

- **Bandwidth.** One pacer per direction, shared by all connections (the office has one line):
  a piece of ``n`` bytes leaves the bottleneck ``n / rate`` after the previous one. The reader takes
  the next piece from the sender only once the previous one has left, so a fast sender is held back
  by its own socket buffers (back-pressure), as by a real modem, rather than by an endless queue here.
- **Latency.** Each piece is released to the other side ``delay_s`` after it left the bottleneck
  (a writer thread per direction holds it until then), so the delay adds to every round trip and
  does not cost bandwidth.
- **Cuts.** The proxy follows the HTTP/1.1 messages on each connection (a request starts when the
  client sends after the connection opened or after the server's reply; its ``Content-Length`` gives
  its size; likewise the reply). Each message is cut with probability ``cut_fraction / 2`` at a
  uniformly random byte of it, so about ``cut_fraction`` of request–reply exchanges are cut. (The
  client keeps one connection alive for a whole sync, so cutting 2 % of TCP connections would cut
  almost nothing; per exchange is what a dropping link does to each connection it carries.) The
  bytes before the cut are delivered, then both sides are closed (FIN or RST, at random).
  :meth:`ShapingProxy.cut_next` plans one cut exactly, for tests.

Counts: :attr:`wire` (bytes that crossed the link, per direction, cut messages included),
:attr:`cuts`, :attr:`connections`, :attr:`exchanges`, and :attr:`body_bytes` per ``(method, path)``
of requests (what each request's body put on the link, e.g. each PATCH of an upload).

    with ShapingProxy(server.url, rate_bps=64_000, delay_s=0.3, cut_fraction=0.02, seed=1) as link:
        ... enroll or point the profile at link.url ...
        link.wire[UP], link.wire[DOWN], link.total_cuts
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.tcp_proxy import LoopbackProxy, close_socket, connect_upstream

UP, DOWN = "up", "down"
_HEAD_END = b"\r\n\r\n"
_MAX_HEAD = 64 * 1024
_EOF = b""


class _Pacer:
    """The bottleneck of one direction: when each piece has left it (``rate`` bytes per second)."""

    def __init__(self, rate_bytes_per_s: float) -> None:
        self.rate = rate_bytes_per_s
        self.next_free = 0.0
        self.lock = threading.Lock()

    def departure(self, size: int) -> float:
        """Reserve the link for ``size`` bytes; the monotonic time they will have left it."""
        with self.lock:
            start = max(time.monotonic(), self.next_free)
            self.next_free = start + size / self.rate
            return self.next_free


@dataclass
class _Message:
    """The HTTP message passing in one direction: its head until complete, then where a cut falls."""

    head: bytearray = field(default_factory=bytearray)
    passed: int = 0  # bytes of this message that went on the link
    length: int | None = None  # head + body, once the head is complete
    head_length: int = 0
    cut_at: int | None = None  # a byte offset in the message, once drawn
    cut_fraction: float | None = None  # where the cut falls (of the length), drawn at its start
    method: str = ""
    path: str = ""


@dataclass(eq=False)
class _Connection:
    client: socket.socket
    upstream: socket.socket
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False
    finished: int = 0
    turn: str | None = None  # the direction that sent last
    messages: dict[str, _Message] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)  # of requests whose reply has not begun
    # A planned cut's hook: called once the server's side is closed, before the client's is.
    before_client_close: Callable[[], object] | None = None

    def close(self, *, reset: bool = False) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        hook, self.before_client_close = self.before_client_close, None
        close_socket(self.upstream, reset=reset)
        if hook is not None:
            hook()
        close_socket(self.client, reset=reset)

    def thread_finished(self) -> bool:
        """True for the last of the connection's four threads."""
        with self.lock:
            self.finished += 1
            return self.finished == 4


@dataclass
class _PlannedCut:
    method: str
    after_body_bytes: int
    before_client_close: Callable[[], object] | None = None


class ShapingProxy(LoopbackProxy):
    def __init__(
        self,
        target: str | tuple[str, int],
        *,
        rate_bps: float = 64_000,
        delay_s: float = 0.3,
        cut_fraction: float = 0.02,
        seed: int = 0,
        piece_bytes: int = 1024,
    ) -> None:
        """``rate_bps``: bits per second, each way; ``delay_s``: one-way delay; ``cut_fraction``: of
        exchanges cut; ``piece_bytes``: the largest piece paced at once (the shaping's granularity)."""
        super().__init__(target)
        self.rate_bps = rate_bps
        self.delay_s = delay_s
        self.cut_fraction = cut_fraction
        self.piece_bytes = piece_bytes
        self.connections = 0
        self.exchanges = 0
        self.cuts = {UP: 0, DOWN: 0}
        self.wire = {UP: 0, DOWN: 0}
        self.body_bytes: dict[tuple[str, str], int] = defaultdict(int)
        self._pacers = {UP: _Pacer(rate_bps / 8), DOWN: _Pacer(rate_bps / 8)}
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._planned: list[_PlannedCut] = []
        self._open: set[_Connection] = set()
        self._stopping = False
        self._acceptor = threading.Thread(target=self._accept_loop, name="shaping-accept", daemon=True)
        self._acceptor.start()

    # --- control -------------------------------------------------------------------------------------
    @property
    def total_cuts(self) -> int:
        return self.cuts[UP] + self.cuts[DOWN]

    def cut_next(
        self, method: str, after_body_bytes: int, *, before_client_close: Callable[[], object] | None = None
    ) -> None:
        """Cut the next request with this method once ``after_body_bytes`` of its body went up.

        ``before_client_close``: called when the server's side of the cut is closed and the client's
        is not yet (a test waits there until the server has dealt with the cut, so that the client's
        next request finds it done, as on a real line where the client notices a cut last)."""
        with self._lock:
            self._planned.append(_PlannedCut(method.upper(), after_body_bytes, before_client_close))

    def close(self) -> None:
        self._stopping = True
        try:
            # Wake the acceptor: a connection that it closes at once.
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            pass
        self._acceptor.join(timeout=5)
        self._listener.close()
        with self._lock:
            connections = list(self._open)
        for connection in connections:
            connection.close()
        self._join_threads()

    # --- forwarding ----------------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._stopping:
                client.close()
                return
            self._start(client)

    def _start(self, client: socket.socket) -> None:
        upstream = connect_upstream(client, self.target)
        if upstream is None:
            return
        connection = _Connection(client, upstream)
        with self._lock:
            self.connections += 1
            self._open.add(connection)
            self._threads = [t for t in self._threads if t.is_alive()]
        for direction, source, target in ((UP, client, upstream), (DOWN, upstream, client)):
            released: queue.Queue[tuple[float, bytes, bool]] = queue.Queue()
            reader = threading.Thread(
                target=self._read, args=(connection, direction, source, released), daemon=True
            )
            writer = threading.Thread(
                target=self._write, args=(connection, direction, target, released), daemon=True
            )
            with self._lock:
                self._threads += [reader, writer]
            reader.start()
            writer.start()

    def _read(
        self,
        connection: _Connection,
        direction: str,
        source: socket.socket,
        released: queue.Queue[tuple[float, bytes, bool]],
    ) -> None:
        """Take pieces from ``source`` no faster than the link carries them; decide the cuts."""
        try:
            while not connection.closed:
                data = source.recv(self.piece_bytes)
                if not data:
                    released.put((time.monotonic() + self.delay_s, _EOF, False))
                    return
                data, cut = self._follow(connection, direction, data)
                if data:
                    departure = self._pacers[direction].departure(len(data))
                    with self._lock:
                        self.wire[direction] += len(data)
                    released.put((departure + self.delay_s, data, cut))
                    pause = departure - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)  # the bottleneck is busy until then: back-pressure
                elif cut:
                    released.put((time.monotonic() + self.delay_s, _EOF, True))
                if cut:
                    return
        except OSError:
            released.put((time.monotonic(), _EOF, True))
        finally:
            self._finished(connection)

    def _write(
        self,
        connection: _Connection,
        direction: str,
        target: socket.socket,
        released: queue.Queue[tuple[float, bytes, bool]],
    ) -> None:
        """Deliver each piece when its delay has passed; carry a close or a cut over."""
        try:
            while True:
                due, data, cut = released.get()
                pause = due - time.monotonic()
                if pause > 0:
                    time.sleep(pause)  # the one-way delay of the link
                if data:
                    target.sendall(data)
                if cut:
                    connection.close(reset=self._rng.random() < 0.5)
                    return
                if not data:
                    if not connection.closed:  # (closed: the proxy's own cut, which closes both sides)
                        target.shutdown(socket.SHUT_WR)  # pass the half-close on
                    return
        except OSError:
            connection.close()
        finally:
            self._finished(connection)

    def _finished(self, connection: _Connection) -> None:
        if connection.thread_finished():
            connection.close()
            with self._lock:
                self._open.discard(connection)

    # --- following HTTP messages, for the cuts -------------------------------------------------------
    def _follow(self, connection: _Connection, direction: str, data: bytes) -> tuple[bytes, bool]:
        """``data`` up to a cut that falls in it (and True), or all of it (and False)."""
        with self._lock:
            if connection.turn != direction:  # a new message: a request, or the reply to one
                connection.turn = direction
                connection.messages[direction] = self._new_message(connection, direction)
            message = connection.messages[direction]
            if message.length is None:
                self._read_head(connection, direction, message, data)
            start = message.passed
            if message.cut_at is not None and start + len(data) >= message.cut_at:
                kept = data[: max(0, message.cut_at - start)]
                message.cut_at = None
                self.cuts[direction] += 1
                self._count_body(message, start, len(kept))
                message.passed += len(kept)
                return kept, True
            self._count_body(message, start, len(data))
            message.passed += len(data)
            return data, False

    def _new_message(self, connection: _Connection, direction: str) -> _Message:
        message = _Message()
        if direction == UP:
            self.exchanges += 1
        if self._rng.random() < self.cut_fraction / 2:
            message.cut_fraction = self._rng.random()
        return message

    def _read_head(self, connection: _Connection, direction: str, message: _Message, data: bytes) -> None:
        message.head += data
        end = message.head.find(_HEAD_END)
        if end < 0:
            if len(message.head) > _MAX_HEAD:
                message.length = len(message.head)  # not HTTP as we know it: no cut in it
                message.cut_fraction = None
            return
        head_length = end + len(_HEAD_END)
        lines = bytes(message.head[:end]).decode("latin-1").split("\r\n")
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in lines[1:])
        }
        length = headers.get("content-length", "0")
        body = int(length) if length.isdigit() else 0
        first = lines[0].split(" ")
        if direction == UP:
            message.method = first[0].upper()
            message.path = first[1].split("?", 1)[0] if len(first) > 1 else ""
            connection.methods.append(message.method)
            planned = next((p for p in self._planned if p.method == message.method), None)
            if planned is not None:
                self._planned.remove(planned)
                connection.before_client_close = planned.before_client_close
                message.cut_fraction = None
                message.cut_at = head_length + min(planned.after_body_bytes, body)
        else:
            method = connection.methods.pop(0) if connection.methods else "GET"
            status = first[1] if len(first) > 1 else ""
            if method == "HEAD" or status in ("204", "304") or status.startswith("1"):
                body = 0
        message.head_length = head_length
        message.length = head_length + body
        message.head = bytearray()
        if message.cut_fraction is not None:
            message.cut_at = max(1, int(message.cut_fraction * message.length))

    def _count_body(self, message: _Message, start: int, size: int) -> None:
        if not message.method or message.length is None:
            return
        head_length = message.head_length
        body_part = max(0, start + size - head_length) - max(0, start - head_length)
        if body_part > 0:
            self.body_bytes[(message.method, message.path)] += body_part
