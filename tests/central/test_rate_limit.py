"""The per-device rate limit: a fixed one-minute window per device, counted in the database, so every
server process sharing the database enforces the same limit (SQLite and PostgreSQL).

The servers read a fake clock the test moves (``create_app(..., clock=...)``): no test waits for a
minute to turn, and none depends on where in the minute it happens to start."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime, timedelta, timezone

import pytest
import requests

from central import db
from central.app import Settings
from tests.central_server import CentralServer, running_server

LIMIT = 5
# 15 s into a minute: a refusal now says to retry in 45 s.
START = datetime(2025, 3, 3, 9, 30, 15, tzinfo=timezone.utc)


class FakeClock:
    """The clock the servers read (shared by both, as servers synchronised by NTP); the test moves it."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()  # the servers read it from their own threads

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += timedelta(seconds=seconds)


def get(server: CentralServer, token: str, path: str = "/v1/sync/verify") -> requests.Response:
    return requests.get(f"{server.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def assert_rate_limited(reply: requests.Response, retry_after: int = 45) -> None:
    assert reply.status_code == 429, reply.text
    error = reply.json()["error"]
    assert error["code"] == "rate_limited" and str(LIMIT) in error["message"]
    assert reply.headers["Retry-After"] == str(retry_after)
    assert f"retry in {retry_after} s" in error["message"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def servers(db_url: str, clock: FakeClock) -> Iterator[tuple[CentralServer, CentralServer]]:
    """Two app instances (two servers) on the same database, as behind a load balancer."""
    settings = Settings(rate_limit_per_minute=LIMIT)
    with ExitStack() as stack:
        first = stack.enter_context(running_server(db_url, settings, clock=clock))
        second = stack.enter_context(running_server(db_url, settings, clock=clock))
        first.office("OFFICE-A", "青山镇便民服务中心")
        yield first, second


def counts(server: CentralServer, device_id: str) -> list[tuple[int, int]]:
    """(window, count) rows of one device, oldest first."""
    table = db.rate_limits
    with server.engine.connect() as conn:
        rows = conn.execute(
            table.select().where(table.c.device_id == device_id).order_by(table.c.window)
        ).all()
    return [(row.window, row.count) for row in rows]


def test_the_request_after_the_limit_is_refused(servers: tuple[CentralServer, CentralServer]) -> None:
    server, _ = servers
    busy, other = server.enroll("OFFICE-A", "busy"), server.enroll("OFFICE-A", "other")
    paths = [
        "/v1/sync/verify",
        "/v1/sync/pull",
        "/v1/sync/verify",
        "/v1/sync/pull?limit=1",
        "/v1/sync/verify",
    ]
    for path in paths:
        assert get(server, busy["token"], path).status_code == 200
    assert_rate_limited(get(server, busy["token"]))
    assert_rate_limited(get(server, busy["token"], "/v1/sync/pull"))
    # Another device has its own count; the public probe is not limited.
    for _ in range(LIMIT):
        assert get(server, other["token"]).status_code == 200
    for _ in range(2 * LIMIT):
        assert requests.get(f"{server.url}/v1/hello", timeout=10).status_code == 200
    # Refused requests do not reach the endpoint: a push is refused before its body is applied.
    push = requests.post(
        f"{server.url}/v1/sync/push",
        json={"device_id": busy["device_id"], "batch_id": busy["device_id"], "ops": []},
        headers={"Authorization": f"Bearer {busy['token']}"},
        timeout=10,
    )
    assert_rate_limited(push)


def test_the_count_is_shared_by_every_server_on_the_database(
    servers: tuple[CentralServer, CentralServer],
) -> None:
    first, second = servers
    device = first.enroll("OFFICE-A")
    for server in (first, second, first, second, first):
        assert get(server, device["token"]).status_code == 200
    assert_rate_limited(get(second, device["token"]))
    assert_rate_limited(get(first, device["token"]))
    minute = int(START.timestamp()) // 60
    assert counts(first, device["device_id"]) == [(minute, LIMIT + 2)]


def test_the_window_is_the_clock_minute(
    servers: tuple[CentralServer, CentralServer], clock: FakeClock
) -> None:
    first, second = servers
    device = first.enroll("OFFICE-A")
    minute = int(START.timestamp()) // 60
    for _ in range(LIMIT):
        assert get(first, device["token"]).status_code == 200
    assert_rate_limited(get(second, device["token"]))
    # Later in the same minute: still refused, and the wait left is shorter.
    clock.advance(40)  # 55 s into the minute
    assert_rate_limited(get(first, device["token"]), retry_after=5)
    assert counts(first, device["device_id"]) == [(minute, LIMIT + 2)]
    # The minute turns: a new count on either server, and the old window is forgotten.
    clock.advance(5)
    assert get(second, device["token"]).status_code == 200
    assert counts(first, device["device_id"]) == [(minute + 1, 1)]
    for _ in range(LIMIT - 1):
        assert get(first, device["token"]).status_code == 200
    clock.advance(59)  # the last second of that minute
    assert_rate_limited(get(second, device["token"]), retry_after=1)


def test_no_limit_when_off(db_url: str) -> None:
    with running_server(db_url, Settings(rate_limit_per_minute=0)) as server:
        server.office("OFFICE-A", "青山镇便民服务中心")
        device = server.enroll("OFFICE-A")
        for _ in range(3 * LIMIT):
            assert get(server, device["token"]).status_code == 200
