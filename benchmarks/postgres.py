"""A throwaway PostgreSQL cluster for the benchmarks: the test suite's (``tests/pg.py``), but with
``fsync=on`` as in production (a benchmark never buys speed with durability)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.pg import cluster, create_database, pg_bin

__all__ = ["available", "database", "pg_bin"]


def available() -> bool:
    return pg_bin() is not None


@contextmanager
def database(*, max_connections: int = 300) -> Iterator[str]:
    """A fresh database on a new fsync'd cluster; yields its URL."""
    with cluster(fsync=True, max_connections=max_connections) as server:
        yield create_database(server)
