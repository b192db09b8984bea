"""What the applications page asks of the core: functions of a ``Counter`` that run on the database
thread (``ui.workers.Database.submit``) and return plain, immutable data for the UI thread.

Nothing here touches a widget: the page reads its fields on the UI thread first (a :class:`Step`
carries what the clerk entered) and hands them over.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.catalogue import ServiceItem
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import (
    Application,
    ApplicationCursor,
    ApplicationFilter,
    ApplicationRow,
    ApplicationSort,
)
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
class Choices:
    """What the list's filters offer: services (code, Chinese name, English name), staff members
    (audit names) and the office's today (for this week, this month…); every colleague's display
    name by audit name (for the list's column and the staff filter)."""

    services: tuple[tuple[str, str, str], ...]
    staff: tuple[str, ...]
    today: date
    staff_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """A lifecycle step with what the clerk entered for it (read from the form on the UI thread)."""

    action: str
    application_id: str
    reason: str = ""
    granted: bool = True
    method: str = "counter"
    received: dict[str, tuple[int, int]] = field(default_factory=dict)


def read_applications(
    counter: Counter,
    actor: Actor,
    filters: ApplicationFilter,
    sort: ApplicationSort,
    after: ApplicationCursor | None,
    limit: int,
) -> ApplicationsPage:
    """``limit`` rows of the list after the cursor ``after`` (None: from the top), in keyset pages of
    the model's page size, with the names of their services. (The counts for the filters are a read
    of their own, so that the rows show first.)"""
    queries = counter.queries
    rows: list[ApplicationRow] = []
    breaks: list[ApplicationCursor] = []
    cursor = after
    while True:
        want = min(ApplicationsModel.PAGE, limit - len(rows))
        page = queries.applications_page(actor, filters, sort, after=cursor, limit=want)
        rows.extend(page.rows)
        cursor = page.next
        if cursor is None or len(rows) >= limit:
            break
        breaks.append(cursor)
    return ApplicationsPage(
        rows,
        service_names(counter, rows),
        next=cursor,
        breaks=tuple(breaks),
        today=page.today,
    )


def read_choices(counter: Counter, actor: Actor) -> Choices:
    """What the filters offer: the active catalogue's services, the staff members ``actor`` may
    choose (a clerk: themselves; a supervisor: everyone who answers for a case) and the office's
    today. A part the actor may not read (or a profile without a catalogue) is left empty."""
    try:
        services = [
            (item.code, item.name, item.name_en) for item in counter.catalogue.active().active_items()
        ]
    except CounterError:
        services = []
    staff: list[str] = []
    names: dict[str, str] = {}
    if actor.can(Permission.TAKE_IN):  # who may not list applications is not asked (nor audited)
        staff = counter.dashboard.staff_members(actor)
        names = counter.dashboard.staff_names(actor)
    return Choices(tuple(services), tuple(staff), counter.dashboard.today(), names)


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
    elif action is Action.WITHDRAW:
        cases.withdraw(actor, app_id, step.reason)
    else:
        raise ValueError(f"the applications page does not take the step {step.action!r}")
    return read_selected(counter, actor, app_id)
