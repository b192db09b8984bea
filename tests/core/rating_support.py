"""Ratings as a counter really records them: the citizen rates on the counter screen the clerk
opened (``open_session``/``submit``); staff never choose a rating for the citizen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from counter_app.accounts import Actor
from counter_app.core import Counter


def citizen_rates(
    counter: Counter,
    clerk: Actor,
    application_id: str,
    level: int,
    comment: str = "",
    aspects: Iterable[str] = (),
) -> dict[str, Any]:
    """The clerk hands the screen to the citizen, who gives ``level`` (channel ``counter-screen``)."""
    session = counter.ratings.open_session(clerk, application_id)
    return counter.ratings.submit(session.token, level, aspects, comment)
