"""What the rectification page asks of the core: functions of a ``Counter`` that run on the database
thread (``ui.workers.Database.submit``) and return plain, immutable data for the UI thread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import RectificationCounts, RectificationRow

PAGE = 500  # rows per query; an office has tens of tasks, so the page reads them all


@dataclass(frozen=True)
class Tasks:
    """The tasks in one state (``open``, ``overdue``, ``closed``), the names of their service items by
    code (Chinese, English), the counts of every state, and the display names of the staff who closed
    them (by audit name)."""

    state: str
    rows: list[RectificationRow]
    names: dict[str, tuple[str, str]]
    counts: RectificationCounts
    staff_names: Mapping[str, str] = field(default_factory=dict)


def read_tasks(counter: Counter, actor: Actor, state: str) -> Tasks:
    rows: list[RectificationRow] = []
    while True:
        page = counter.ratings.rectifications(actor, state, limit=PAGE, offset=len(rows))
        rows.extend(page)
        if len(page) < PAGE:
            break
    names: dict[str, tuple[str, str]] = {}
    for code in sorted({row.item_code for row in rows}):
        try:
            item = counter.catalogue.item(code)
        except CounterError:
            continue  # no longer in the catalogue: the list shows the code
        names[code] = (item.name, item.name_en)
    staff: dict[str, str] = {}
    if any(row.closed_by for row in rows) and (
        actor.can(Permission.VIEW_REPORTS) or actor.can(Permission.TAKE_IN)
    ):
        staff = counter.dashboard.staff_names(actor)
    return Tasks(state, rows, names, counter.ratings.rectification_counts(actor), staff)


def close_task(counter: Counter, actor: Actor, task_id: str, resolution: str, state: str) -> Tasks:
    """Close the task with what was done; the list in ``state`` as it is afterwards."""
    counter.ratings.close_rectification(actor, task_id, resolution)
    return read_tasks(counter, actor, state)
