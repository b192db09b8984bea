"""Central suites run against SQLite and against a throwaway PostgreSQL cluster on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg
from tests.central_server import CentralServer, running_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with pg.cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return pg.create_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def server(db_url: str) -> Iterator[CentralServer]:
    with running_server(db_url) as running:
        running.office("OFFICE-A", "青山镇便民服务中心")
        running.office("OFFICE-B", "白水乡便民服务中心")
        yield running
