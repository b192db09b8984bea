"""A server's requests leave no reference cycles behind. Central's processes collect the young
generation only every 50,000 new containers (``central.app.tune_collector``), so a cycle left per
push batch or per request piles up for thousands of them before it is freed: a SQL statement built
per call with a Python value in an expression (``last_cursor + count``) was one (5 objects, ~650
bytes a call, found by a memory probe under the soak's load)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from central import admin, auth, records
from central.app import Settings
from central.clock import now
from central.db import make_engine
from central.migrations import migrate

CALLS = 200


@contextmanager
def _no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _cycles_after(call: Callable[[], object]) -> int:
    """Objects the cyclic collector finds unreachable after ``CALLS`` calls (run once before, so
    caches are warm)."""
    call()
    with _no_collector():
        for _ in range(CALLS):
            call()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found = len(gc.garbage)
        finally:
            gc.garbage.clear()
            gc.set_debug(0)
    return found


def test_reserving_cursors_and_counting_requests_leave_no_cycles(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        admin.add_office(engine, "QS", "青山镇便民服务中心")
        state = SimpleNamespace(engine=engine, settings=Settings(rate_limit_per_minute=10**9), clock=now)

        def reserve() -> int:
            with engine.begin() as conn:
                return records.reserve_cursors(conn, "QS", 3)

        first = reserve()
        assert _cycles_after(reserve) < CALLS  # was 5 a call
        assert reserve() == first + 3 * (CALLS + 2)  # the cursors still move as they did
        assert _cycles_after(lambda: auth.check_rate(state, "device-1")) < CALLS
    finally:
        engine.dispose()
