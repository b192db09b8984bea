"""The real central server on loopback, for the central and sync suites."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import requests
import uvicorn
from sqlalchemy import Engine

from central import admin
from central.app import Settings, create_app
from central.clock import Clock, now
from central.db import make_engine
from central.migrations import migrate


@dataclass
class CentralServer:
    url: str
    engine: Engine
    db_url: str

    def office(self, code: str = "OFFICE-A", name: str = "青山镇便民服务中心") -> str:
        return admin.add_office(self.engine, code, name)

    def enroll(self, office_code: str = "OFFICE-A", name: str = "counter 1") -> dict:
        """Enroll a new device over HTTP; returns the enroll reply (device_id, token, ...)."""
        code = admin.new_enroll_code(self.engine, office_code)
        reply = requests.post(
            f"{self.url}/v1/devices/enroll", json={"code": code, "device_name": name}, timeout=10
        )
        reply.raise_for_status()
        return reply.json()


@contextmanager
def running_server(
    db_url: str, settings: Settings | None = None, *, clock: Clock = now
) -> Iterator[CentralServer]:
    engine = make_engine(db_url)
    migrate(engine)
    app = create_app(engine, settings or Settings(rate_limit_per_minute=0), clock=clock)
    # proto=IPPROTO_TCP: asyncio only sets TCP_NODELAY on sockets that say they are TCP; without it
    # every small reply waits ~40 ms for Nagle's algorithm.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60  # a bound only: it starts in well under a second
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        thread.join(0.01)  # returns at once if the server thread ends
    if not server.started:
        raise RuntimeError("central server did not start")
    try:
        yield CentralServer(url=f"http://127.0.0.1:{port}", engine=engine, db_url=db_url)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        engine.dispose()
