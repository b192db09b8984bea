"""Shared by the applications list's tests: a row, rows, a loader whose pages arrive when the test
says so, and a gate that holds the database thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from counter_app.records import ApplicationRow
from ui.models.applications_model import ApplicationsModel, ApplicationsPage, Deliver, Fail
from ui.workers import Database

ROW = ApplicationRow(
    "id",
    "R-1",
    "a",
    "张三",
    "110105********002X",
    "code",
    "v1",
    "accepted",
    "2026-01-05",
    "2026-01-20",
    "pending",
    "2026-01-05T09:00:00",
)


def ids(model: ApplicationsModel) -> list[str]:
    return [model.application(n).id for n in range(model.rowCount())]


class FakeSource:
    """A loader whose pages arrive when the test says so: each request waits in ``asked``. Its cursors
    are offsets into ``rows``."""

    def __init__(self, rows: list[ApplicationRow]) -> None:
        self.rows = rows
        self.asked: list[tuple[int, int, Deliver, Fail]] = []

    def __call__(self, after: object | None, limit: int, deliver: Deliver, fail: Fail) -> None:
        self.asked.append((after if isinstance(after, int) else 0, limit, deliver, fail))

    def requests(self) -> list[tuple[int, int]]:
        return [(offset, limit) for offset, limit, _deliver, _fail in self.asked]

    def deliver(self, number: int = -1) -> None:
        offset, limit, deliver, _fail = self.asked[number]
        deliver(self.page(offset, limit))

    def page(self, offset: int, limit: int) -> ApplicationsPage:
        rows = self.rows[offset : offset + limit]
        end = offset + len(rows)
        return ApplicationsPage(
            rows,
            {("code", "v1"): ("低保", "Subsistence")},
            next=end if end < len(self.rows) else None,
            breaks=tuple(range(offset + ApplicationsModel.PAGE, end, ApplicationsModel.PAGE)),
        )


def rows_of(count: int, prefix: str = "R") -> list[ApplicationRow]:
    return [replace(ROW, id=f"{prefix}{n}", receipt_no=f"{prefix}-{n}") for n in range(count)]


@pytest.fixture(name="gate")
def gate_fixture(db: Database) -> Iterator[threading.Event]:
    """Holds the database thread (a job waits on it) until the test sets it; always released."""
    event = threading.Event()
    yield event
    event.set()


def hold(db: Database, gate: threading.Event) -> None:
    """Queue a job that keeps the database thread busy until ``gate`` is set."""
    db.submit(lambda _counter: gate.wait(10))
