"""The central platform's clock.

``now`` reads the wall clock. Code that keeps time-dependent state (the rate limiter) takes a
:data:`Clock` from the application state, which ``create_app(..., clock=...)`` sets, so a test can
pass a fake clock and move it forward instead of waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

Clock = Callable[[], datetime]
"""A function returning the current time, timezone-aware."""


def now() -> datetime:
    return datetime.now(timezone.utc)


def now_iso() -> str:
    return now().isoformat(timespec="milliseconds")
