"""``counter_app.allocator.limit_arenas``: a counter process keeps to two malloc arenas however many
threads it starts (glibc; counted from ``malloc_info``'s heaps, in a process of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from counter_app import allocator

# Eight threads alive at once, each allocating outside pymalloc (a block over 512 bytes goes to malloc);
# then the arenas glibc made, as the <heap nr=...> elements of malloc_info.
PROBE = r"""
import ctypes, json, os, sys, tempfile, threading
from counter_app.allocator import limit_arenas
limited = limit_arenas() if sys.argv[1] == "limit" else None
barrier = threading.Barrier(8)
def work():
    blocks = [bytearray(200_000) for _ in range(4)]
    barrier.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = (ctypes.c_char_p, ctypes.c_char_p)
libc.malloc_info.argtypes = (ctypes.c_int, ctypes.c_void_p)
libc.fclose.argtypes = (ctypes.c_void_p,)
path = os.path.join(tempfile.mkdtemp(), "info.xml")
stream = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, stream)
libc.fclose(stream)
print(json.dumps({"limited": limited, "heaps": open(path).read().count("<heap nr=")}))
"""

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.confstr("CS_GNU_LIBC_VERSION") is None,
    reason="malloc arenas are glibc's",
)


def _heaps(mode: str, **env: str) -> dict:
    environment = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"} | env
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=environment, check=True
    )
    return json.loads(done.stdout)


@glibc
def test_a_counter_process_keeps_to_two_arenas_however_many_threads() -> None:
    default = _heaps("default")
    limited = _heaps("limit")
    assert default["heaps"] > allocator.ARENAS  # glibc's own: an arena for each of these threads
    assert limited == {"limited": True, "heaps": allocator.ARENAS}


@glibc
def test_an_administrators_malloc_arena_max_is_left_as_set() -> None:
    assert _heaps("limit", MALLOC_ARENA_MAX="3") == {"limited": False, "heaps": 3}
