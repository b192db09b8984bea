"""A TCP proxy that injects network faults between a client and the central server.

Every connection accepted on ``127.0.0.1:<port>`` is forwarded to the target. Per connection and per
direction (``up``: client → server, ``down``: server → client) a seeded ``random.Random`` decides:

- whether, with probability :attr:`FaultProxy.faults`, the connection is cut after a random number of
  bytes in that direction (log-uniform between 1 and ``max_cut_bytes``, which may differ per direction,
  so small messages are cut about as often as large ones); the bytes before the cut are forwarded,
  then both sides are closed, with a FIN or an RST;
- how each chunk is split into smaller writes (with probability ``split``) and how long each write is
  delayed (uniform in ``[0, max_delay_s]``).

``faults`` may be changed at any time: a planned cut happens only while ``faults`` is above 0, so
switching faults off also disarms connections that are already open. Counters: :attr:`connections`,
and per direction :attr:`cuts`, :attr:`received` and :attr:`forwarded` bytes; :meth:`wait_for` blocks
until a condition holds (checked whenever bytes are received or forwarded, and on :meth:`poke`).

    with FaultProxy(central.url, seed=7, faults=0.5, max_delay_s=0.002, split=0.3) as proxy:
        with counter.ctx.store.transaction():
            counter.ctx.settings.set("server_url", proxy.url)  # or enroll through proxy.url
        ...
        proxy.set_faults(0.0)  # a clean network from now on
        assert proxy.cuts[UP] and proxy.cuts[DOWN]
"""

from __future__ import annotations

import math
import random
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.tcp_proxy import LoopbackProxy, close_socket, connect_upstream

UP, DOWN = "up", "down"
_READ = 64 * 1024


@dataclass
class _Plan:
    rng: random.Random
    cut_after: int | None  # bytes in this direction before the cut; None: never cut
    sent: int = 0


@dataclass(eq=False)
class _Connection:
    client: socket.socket
    upstream: socket.socket
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False
    pumps_done: int = 0

    def close(self, *, reset: bool = False) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for sock in (self.client, self.upstream):
            close_socket(sock, reset=reset)

    def pump_finished(self) -> None:
        with self.lock:
            self.pumps_done += 1
            both = self.pumps_done == 2
        if both:
            self.close()


class FaultProxy(LoopbackProxy):
    def __init__(
        self,
        target: str | tuple[str, int],
        *,
        seed: int = 0,
        faults: float = 0.0,
        max_cut_bytes: int | dict[str, int] = 32 * 1024,
        max_delay_s: float = 0.0,
        split: float = 0.0,
    ) -> None:
        super().__init__(target)
        self.faults = faults
        if isinstance(max_cut_bytes, int):
            max_cut_bytes = {UP: max_cut_bytes, DOWN: max_cut_bytes}
        self.max_cut_bytes = max_cut_bytes
        self.max_delay_s = max_delay_s
        self.split = split
        self.connections = 0
        self.cuts = {UP: 0, DOWN: 0}
        self.received = {UP: 0, DOWN: 0}  # read from one side (before the delays and any cut)
        self.forwarded = {UP: 0, DOWN: 0}  # written to the other side
        self._rng = random.Random(seed)
        self._changed = threading.Condition()
        self._open: set[_Connection] = set()
        self._wake_r, self._wake_w = socket.socketpair()
        self._stopping = False
        self._acceptor = threading.Thread(target=self._accept_loop, name="faultproxy-accept", daemon=True)
        self._acceptor.start()

    # --- control -------------------------------------------------------------------------------------
    def set_faults(self, probability: float) -> None:
        """The probability that a new connection is cut, per direction; 0 switches cuts off."""
        self.faults = probability

    @property
    def total_cuts(self) -> int:
        return self.cuts[UP] + self.cuts[DOWN]

    def wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Block until ``predicate()`` holds (checked whenever bytes are received or forwarded, or
        :meth:`poke` is called); False if it still does not hold after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(predicate, timeout)

    def poke(self) -> None:
        """Wake :meth:`wait_for` (something it watches besides the proxy changed)."""
        with self._changed:
            self._changed.notify_all()

    def close(self) -> None:
        self._stopping = True
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass
        self._acceptor.join(timeout=5)
        self._listener.close()
        self._wake_r.close()
        self._wake_w.close()
        with self._changed:
            connections = list(self._open)
        for connection in connections:
            connection.close()
        self._join_threads()

    # --- forwarding ----------------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            while not self._stopping:
                ready = [key.fileobj for key, _ in selector.select()]
                if self._wake_r in ready or self._stopping:
                    return
                try:
                    client, _ = self._listener.accept()
                except OSError:
                    continue
                self._start(client)

    def _plan(self, direction: str) -> _Plan:
        rng = random.Random(self._rng.getrandbits(64))
        cut_after = None
        if rng.random() < self.faults:
            cut_after = int(math.exp(rng.uniform(0.0, math.log(max(1, self.max_cut_bytes[direction])))))
        return _Plan(rng, cut_after)

    def _start(self, client: socket.socket) -> None:
        upstream = connect_upstream(client, self.target)
        if upstream is None:
            return
        connection = _Connection(client, upstream)
        plans = {UP: self._plan(UP), DOWN: self._plan(DOWN)}  # drawn in accept order: reproducible per seed
        with self._changed:
            self.connections += 1
            self._open.add(connection)
        for direction, source, target in ((UP, client, upstream), (DOWN, upstream, client)):
            thread = threading.Thread(
                target=self._pump,
                args=(connection, direction, source, target, plans[direction]),
                name=f"faultproxy-{direction}",
                daemon=True,
            )
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def _pieces(self, data: bytes, rng: random.Random) -> list[bytes]:
        if self.split <= 0 or len(data) < 2 or rng.random() >= self.split:
            return [data]
        pieces = []
        while data:
            size = rng.randint(1, max(1, len(data) // 2))
            pieces.append(data[:size])
            data = data[size:]
        return pieces

    def _pump(
        self,
        connection: _Connection,
        direction: str,
        source: socket.socket,
        target: socket.socket,
        plan: _Plan,
    ) -> None:
        try:
            while True:
                data = source.recv(_READ)
                self._count(self.received, direction, len(data))
                if not data:
                    target.shutdown(socket.SHUT_WR)  # pass the half-close on
                    break
                for piece in self._pieces(data, plan.rng):
                    if self.max_delay_s > 0:
                        time.sleep(plan.rng.uniform(0.0, self.max_delay_s))  # the injected latency
                    if (
                        plan.cut_after is not None
                        and self.faults > 0
                        and plan.sent + len(piece) > plan.cut_after
                    ):
                        head = piece[: plan.cut_after - plan.sent]
                        if head:
                            target.sendall(head)
                            self._count(self.forwarded, direction, len(head))
                        with self._changed:
                            self.cuts[direction] += 1
                            self._changed.notify_all()
                        connection.close(reset=plan.rng.random() < 0.5)
                        return
                    target.sendall(piece)
                    plan.sent += len(piece)
                    self._count(self.forwarded, direction, len(piece))
        except OSError:
            connection.close()
        finally:
            connection.pump_finished()
            if connection.closed:
                with self._changed:
                    self._open.discard(connection)

    def _count(self, counts: dict[str, int], direction: str, size: int) -> None:
        with self._changed:
            counts[direction] += size
            self._changed.notify_all()
