"""The C allocator of a counter process that runs for days: few malloc arenas.

glibc's ``malloc`` gives each new thread an arena of its own (a separate heap) until there are
eight per core. A counter's sync runs start their worker threads anew each run (the push sender,
the page fetcher), and Qt and the app add their own; what a thread allocates in its arena (a page's
JSON, its rows, SQLite's pages, OpenSSL's buffers) and frees later leaves free space scattered over
all of them, which glibc keeps. Python's objects are allocated under the GIL anyway, so more arenas
buy a counter nothing.

Measured with ``python -m benchmarks.memory_rounds --colleagues 2 --pause 0.5`` (a counter pulling
two colleagues' work on every sync) while sync runs still left garbage behind (before
``sync.engine._heap_frozen`` collected it): glibc's free space grew from 10 to 18 MB over 1,700
rounds with the default arenas, and stayed at 8.5 MB from round 600 to 1,500 with two. Without
that garbage the two made no difference over 1,200 rounds (8.3 MB free either way): the limit is
a guard, at no measured cost, for a process with more threads than that probe.

:func:`limit_arenas` is called once, first thing, by each entry point (``ui.cli.main``: the app, its
command line and the bundle). An administrator's own ``MALLOC_ARENA_MAX`` is left as set.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

log = logging.getLogger(__name__)

ARENAS = 2
M_ARENA_MAX = -8  # glibc's malloc.h


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Allow at most ``arenas`` malloc arenas in this process (glibc's ``mallopt(M_ARENA_MAX)``).
    True when set; False elsewhere (not Linux with glibc), or when ``MALLOC_ARENA_MAX`` is set in the
    environment (glibc took it at start, and it stays)."""
    if not sys.platform.startswith("linux") or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - present in glibc only (musl has no arenas to limit)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_ARENA_MAX, arenas))
    if not done:
        log.warning("malloc arenas not limited (mallopt refused M_ARENA_MAX=%d)", arenas)
    return done
