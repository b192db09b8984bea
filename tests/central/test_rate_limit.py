"""The per-device rate limit: a fixed one-minute window per device, counted in the database, so every
server process sharing the database enforces the same limit (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
import requests
from sqlalchemy import update

from central import db
from central.app import Settings
from tests.central_server import CentralServer, running_server

LIMIT = 5


def wait_for_a_fresh_window(margin: float = 10.0) -> None:
    """The window turns on the minute: start the count with enough of the minute left."""
    left = 60 - time.time() % 60
    if left < margin:
        time.sleep(left + 0.2)


def get(server: CentralServer, token: str, path: str = "/v1/sync/verify") -> requests.Response:
    return requests.get(f"{server.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def assert_rate_limited(reply: requests.Response) -> None:
    assert reply.status_code == 429, reply.text
    error = reply.json()["error"]
    assert error["code"] == "rate_limited" and str(LIMIT) in error["message"]
    retry_after = int(reply.headers["Retry-After"])
    assert 1 <= retry_after <= 60


@pytest.fixture
def servers(db_url: str) -> Iterator[tuple[CentralServer, CentralServer]]:
    """Two app instances (two servers) on the same database, as behind a load balancer."""
    settings = Settings(rate_limit_per_minute=LIMIT)
    with ExitStack() as stack:
        first = stack.enter_context(running_server(db_url, settings))
        second = stack.enter_context(running_server(db_url, settings))
        first.office("OFFICE-A", "青山镇便民服务中心")
        yield first, second


def test_the_request_after_the_limit_is_refused(servers: tuple[CentralServer, CentralServer]) -> None:
    server, _ = servers
    busy, other = server.enroll("OFFICE-A", "busy"), server.enroll("OFFICE-A", "other")
    wait_for_a_fresh_window()
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
    wait_for_a_fresh_window()
    for server in (first, second, first, second, first):
        assert get(server, device["token"]).status_code == 200
    assert_rate_limited(get(second, device["token"]))
    assert_rate_limited(get(first, device["token"]))
    with first.engine.connect() as conn:
        counts = conn.execute(
            db.rate_limits.select().where(db.rate_limits.c.device_id == device["device_id"])
        ).all()
    assert [row.count for row in counts] == [LIMIT + 2]


def test_a_new_window_starts_a_new_count(servers: tuple[CentralServer, CentralServer]) -> None:
    server, _ = servers
    device = server.enroll("OFFICE-A")
    wait_for_a_fresh_window()
    for _ in range(LIMIT):
        assert get(server, device["token"]).status_code == 200
    assert_rate_limited(get(server, device["token"]))
    # Pretend the minute is over: the counted window is now the previous one.
    with server.engine.begin() as conn:
        conn.execute(
            update(db.rate_limits)
            .where(db.rate_limits.c.device_id == device["device_id"])
            .values(window=db.rate_limits.c.window - 1)
        )
    assert get(server, device["token"]).status_code == 200
    with server.engine.connect() as conn:
        windows = conn.execute(
            db.rate_limits.select().where(db.rate_limits.c.device_id == device["device_id"])
        ).all()
    assert [row.count for row in windows] == [1]  # the old window was forgotten


def test_no_limit_when_off(db_url: str) -> None:
    with running_server(db_url, Settings(rate_limit_per_minute=0)) as server:
        server.office("OFFICE-A", "青山镇便民服务中心")
        device = server.enroll("OFFICE-A")
        for _ in range(3 * LIMIT):
            assert get(server, device["token"]).status_code == 200
