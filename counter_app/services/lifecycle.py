"""Shared by the intake and case use cases: loading an application with its catalogue item,
checking the materials against the item, and applying one lifecycle step as one transaction
(record + history + outbox op + audit event)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from counter_app.accounts import Actor
from counter_app.catalogue import ServiceItem
from counter_app.errors import InvalidTransition, NotFound
from counter_app.records import Application, MaterialRecord
from counter_app.services.catalogue import CatalogueService
from counter_app.services.context import Context
from counter_app.workflow import Action, Status, next_status


@dataclass(frozen=True)
class MaterialCheck:
    """Where each of the item's materials stands for one application."""

    received: tuple[str, ...]
    missing_mandatory: tuple[str, ...]  # blocks acceptance
    missing_optional: tuple[str, ...]
    pending: tuple[str, ...]  # promised under 容缺受理

    @property
    def complete(self) -> bool:
        return not self.missing_mandatory


def check_materials(item: ServiceItem, records: dict[str, MaterialRecord]) -> MaterialCheck:
    received, mandatory, optional, pending = [], [], [], []
    for material in item.materials:
        record = records.get(material.code)
        if record is not None and record.originals >= material.originals and record.copies >= material.copies:
            received.append(material.code)
        elif record is not None and record.status == "pending":
            pending.append(material.code)
        elif material.mandatory:
            mandatory.append(material.code)
        else:
            optional.append(material.code)
    return MaterialCheck(tuple(received), tuple(mandatory), tuple(optional), tuple(pending))


class Steps:
    def __init__(self, ctx: Context, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue

    def load(self, application_id: str) -> tuple[Application, ServiceItem]:
        app = self.ctx.applications.get(application_id)
        if app is None:
            raise NotFound("application", application_id)
        return app, self.catalogue.item(app.item_code, app.catalogue_version)

    def materials(self, app: Application, item: ServiceItem) -> MaterialCheck:
        return check_materials(item, self.ctx.applications.materials(app.id))

    def due_date(
        self, app: Application, *, accepted_on: date | None = None, limit: tuple[int, str] | None = None
    ) -> str | None:
        """The promised completion date: the time limit counted on the official calendar from
        acceptance, with every suspension's days taken out (the clock stops while suspended)."""
        start = accepted_on or (date.fromisoformat(app.accepted_on) if app.accepted_on else None)
        value, unit = limit or (app.limit_value, app.limit_unit)
        if start is None or value is None or unit is None:
            return None
        excluded = []
        for suspension in self.ctx.applications.suspensions(app.id):
            first = date.fromisoformat(suspension["started_on"])
            end = suspension["ended_on"]
            # An open suspension has stopped the clock up to today: the due date is at least this late.
            last = date.fromisoformat(end) - timedelta(days=1) if end else self.ctx.today()
            if last >= first:
                excluded.append((first, last))
        return self.catalogue.calendar().add_days(start, value, unit, excluded=excluded).isoformat()

    def unchanged(self, app: Application, action: str) -> None:
        """Inside the write transaction: the application is still as the caller read it. (The sync
        thread's own connection may have applied a pulled version since; then the step is refused
        and the clerk looks again, rather than deciding on a stale status.)"""
        current = self.ctx.applications.get(app.id)
        if current is None or (current.status, current.version) != (app.status, app.version):
            status = current.status if current else "gone"
            raise InvalidTransition(action, status, "the application changed meanwhile; look at it again")

    def apply(
        self,
        actor: Actor,
        app: Application,
        action: Action,
        changes: dict[str, Any],
        *,
        target: Status | None = None,
        note: str | None = None,
        wire_extra: dict[str, Any] | None = None,
        audit_detail: dict[str, Any] | None = None,
    ) -> Application:
        """Apply one step; must run inside the caller's transaction."""
        ctx = self.ctx
        self.unchanged(app, action.value)
        status = Status(app.status)
        new_status = target or next_status(
            action, status, resume_to=Status(app.resume_status) if app.resume_status else None
        )
        now = ctx.now_iso()
        record_changes = dict(changes, status=new_status.value, updated_at=now, sync_state="pending")
        ctx.applications.update(app.id, record_changes)
        ctx.applications.add_event(
            app.id, action.value, status.value, new_status.value, now, actor.audit_name, note
        )
        wire = {key: value for key, value in record_changes.items() if key != "sync_state"}
        wire["action"] = action.value
        if wire_extra:
            wire.update(wire_extra)
        ctx.queue(
            actor, "application", app.id, "update", app.version, wire, catalogue_version=app.catalogue_version
        )
        ctx.audit(
            actor,
            f"application.{action.value}",
            "application",
            app.id,
            **{"from": status.value, "to": new_status.value, **(audit_detail or {})},
        )
        updated = ctx.applications.get(app.id)
        assert updated is not None
        return updated
