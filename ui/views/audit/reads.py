"""What the audit page asks of the core: functions of a ``Counter`` that run on the database thread
(``ui.workers.Database.submit``) and return plain, immutable data for the UI thread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from counter_app.records import AuditEvent, AuditFilter


@dataclass(frozen=True)
class Choices:
    """What the filters offer: everyone and every action found in the trail, and the office's today
    (the named periods are counted from it, never from the machine's own clock); every colleague's
    display name by audit name (for the lists and the person filter)."""

    actors: list[str]
    actions: list[str]
    today: date
    staff_names: Mapping[str, str] = field(default_factory=dict)


def read_choices(counter: Counter, actor: Actor) -> Choices:
    names: dict[str, str] = {}
    if actor.can(Permission.VIEW_REPORTS) or actor.can(Permission.TAKE_IN):  # else refused, and audited
        names = counter.dashboard.staff_names(actor)
    return Choices(
        counter.audit_trail.actors(actor),
        counter.audit_trail.actions(actor),
        counter.dashboard.today(),
        names,
    )


@dataclass(frozen=True)
class FirstPage:
    """The newest events under a filter and how many match it in all."""

    events: list[AuditEvent]
    total: int


def read_first_page(counter: Counter, actor: Actor, where: AuditFilter, limit: int) -> FirstPage:
    """The first page and the count (an event written between the two reads is counted, and shown
    at the next reading: pages go down from the first page's events, never up)."""
    events = counter.audit_trail.events(actor, where, limit=limit)
    return FirstPage(events, counter.audit_trail.count(actor, where))
