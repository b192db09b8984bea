"""What the applications page asks of the core: functions of a ``Counter`` that run on the database
thread (``ui.workers.Database.submit``) and return plain, immutable data for the UI thread.

Nothing here touches a widget: the page reads its fields on the UI thread first (a :class:`Step`
carries what the clerk entered) and hands them over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import Application
from counter_app.workflow import Action
from ui.models.applications_model import ApplicationsModel, ApplicationsPage, service_names


@dataclass(frozen=True)
class Selected:
    """One application as the page shows it: the record, its history (oldest first) and the
    service item it was taken in under (None if the catalogue no longer has that version)."""

    application: Application
    history: list[dict[str, Any]]
    item: ServiceItem | None


@dataclass(frozen=True)
class Step:
    """A lifecycle step with what the clerk entered for it (read from the form on the UI thread)."""

    action: str
    application_id: str
    reason: str = ""
    granted: bool = True
    method: str = "counter"
    level: int = 1
    channel: str = "counter_pad"
    received: dict[str, tuple[int, int]] = field(default_factory=dict)


def read_applications(
    counter: Counter, actor: Actor, status: str | None, text: str, offset: int, limit: int
) -> ApplicationsPage:
    """``limit`` rows of the list from ``offset`` (in queries of one model page each) and the names of
    their services."""
    rows = []
    while len(rows) < limit:
        want = min(ApplicationsModel.PAGE, limit - len(rows))
        page = counter.queries.applications(
            actor, status=status, text=text, limit=want, offset=offset + len(rows)
        )
        rows.extend(page)
        if len(page) < want:
            break
    return ApplicationsPage(rows, service_names(counter, rows))


def read_selected(counter: Counter, actor: Actor, application_id: str) -> Selected:
    app = counter.cases.get(actor, application_id)
    history = counter.cases.history(actor, application_id)
    try:
        item: ServiceItem | None = counter.catalogue.item(app.item_code, app.catalogue_version)
    except CounterError:
        item = None
    return Selected(app, history, item)


def take_step(counter: Counter, actor: Actor, step: Step) -> Selected:
    """Take ``step`` through the core's use case; the application as it is afterwards."""
    cases, app_id = counter.cases, step.application_id
    action = Action(step.action)
    if action is Action.SUPPLEMENT:
        cases.supplement(actor, app_id, step.received)
    elif action is Action.START:
        cases.start(actor, app_id)
    elif action is Action.SUSPEND:
        cases.suspend(actor, app_id, step.reason)
    elif action is Action.RESUME:
        cases.resume(actor, app_id)
    elif action is Action.COMPLETE:
        cases.complete(actor, app_id, step.granted, step.reason)
    elif action is Action.DELIVER:
        cases.deliver(actor, app_id, step.method)
    elif action is Action.RATE:
        counter.ratings.rate(actor, app_id, step.level, step.channel)
    elif action is Action.WITHDRAW:
        cases.withdraw(actor, app_id, step.reason)
    else:
        raise ValueError(f"the applications page does not take the step {step.action!r}")
    return read_selected(counter, actor, app_id)
