"""Sync suites run the real central server on loopback (SQLite by default) and real client profiles."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from central import admin
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.resources import demo_catalogue_path
from sync.engine import enroll
from tests.central_server import CentralServer, running_server

OFFICE = "QS"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.office(OFFICE, "青山镇便民服务中心")
        server.office("BS", "白水乡便民服务中心")
        admin.publish_catalogue(server.engine, json.loads(demo_catalogue_path().read_text("utf-8")))
        yield server


@pytest.fixture
def make_counter(
    tmp_path: Path, central: CentralServer, clock: FixedClock
) -> Iterator[Callable[..., Counter]]:
    """``make_counter("c1")``: a new profile in tmp_path/c1, enrolled with office QS (or ``office=``)."""
    opened: list[Counter] = []

    def factory(name: str, *, office: str = OFFICE, enrolled: bool = True) -> Counter:
        counter = Counter.open(tmp_path / name, clock=clock)
        opened.append(counter)
        if enrolled:
            code = admin.new_enroll_code(central.engine, office)
            enroll(counter, central.url, code, name)
        return counter

    yield factory
    for counter in opened:
        counter.close()
