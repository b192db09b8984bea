"""After the decision at the desk: supplements, processing, suspension, completion, delivery,
withdrawal."""

from __future__ import annotations

from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.errors import ValidationError
from counter_app.records import Application
from counter_app.services.intake import IntakeService, _required_text
from counter_app.services.lifecycle import Steps
from counter_app.workflow import Action, Status, next_status

DELIVERY_METHODS = ("counter", "post", "electronic")


class CaseService:
    def __init__(self, ctx, steps: Steps, intake: IntakeService) -> None:
        self.ctx = ctx
        self.steps = steps
        self.intake = intake

    def supplement(
        self, actor: Actor, application_id: str, received: dict[str, tuple[int, int]]
    ) -> Application:
        """Materials handed in later. The last pending material of a 容缺 acceptance ends it."""
        self.ctx.require(actor, Permission.PROCESS)
        app, item = self.steps.load(application_id)
        target = next_status(Action.SUPPLEMENT, Status(app.status))
        with self.ctx.store.transaction():
            # One change, one op: the materials travel in the step's own op.
            wire = self.intake._write_materials(actor, app, item, received, queue=False)
            check = self.steps.materials(app, item)
            changes: dict = {}
            if app.status == Status.ACCEPTED_PENDING.value:
                still = [code for code in app.pending_materials if code not in check.received]
                changes["pending_materials"] = still
                if not still:
                    target = Status.ACCEPTED
            return self.steps.apply(
                actor,
                app,
                Action.SUPPLEMENT,
                changes,
                target=target,
                wire_extra={"materials": wire},
                audit_detail={"materials": sorted(received)},
            )

    def start(self, actor: Actor, application_id: str) -> Application:
        self.ctx.require(actor, Permission.PROCESS)
        app, _ = self.steps.load(application_id)
        with self.ctx.store.transaction():
            return self.steps.apply(actor, app, Action.START, {})

    def suspend(self, actor: Actor, application_id: str, reason: str) -> Application:
        """Special procedure (hearing, inspection, expert review): the time limit stops."""
        self.ctx.require(actor, Permission.PROCESS)
        app, _ = self.steps.load(application_id)
        reason = _required_text(reason, "suspension_reason")
        with self.ctx.store.transaction():
            self.ctx.applications.open_suspension(app.id, self.ctx.today().isoformat(), reason)
            return self.steps.apply(
                actor,
                app,
                Action.SUSPEND,
                {"resume_status": app.status},
                wire_extra={"suspension_reason": reason, **self._suspensions(app.id)},
                note=reason,
            )

    def resume(self, actor: Actor, application_id: str) -> Application:
        self.ctx.require(actor, Permission.PROCESS)
        app, _ = self.steps.load(application_id)
        with self.ctx.store.transaction():
            self.ctx.applications.close_suspension(app.id, self.ctx.today().isoformat())
            due = self.steps.due_date(app)
            return self.steps.apply(
                actor,
                app,
                Action.RESUME,
                {"resume_status": None, "due_date": due},
                wire_extra=self._suspensions(app.id),
            )

    def complete(self, actor: Actor, application_id: str, granted: bool, reason: str = "") -> Application:
        self.ctx.require(actor, Permission.PROCESS)
        app, _ = self.steps.load(application_id)
        reason = (reason or "").strip()
        if not granted and not reason:
            raise ValidationError("result_reason", "a denial needs its reason", code="required")
        with self.ctx.store.transaction():
            return self.steps.apply(
                actor,
                app,
                Action.COMPLETE,
                {
                    "result": "granted" if granted else "denied",
                    "result_reason": reason or None,
                    "completed_at": self.ctx.now_iso(),
                },
            )

    def deliver(self, actor: Actor, application_id: str, method: str = "counter") -> Application:
        self.ctx.require(actor, Permission.DELIVER)
        if method not in DELIVERY_METHODS:
            raise ValidationError("delivery_method", f"one of {', '.join(DELIVERY_METHODS)}", code="choice")
        app, _ = self.steps.load(application_id)
        with self.ctx.store.transaction():
            return self.steps.apply(
                actor, app, Action.DELIVER, {"delivered_at": self.ctx.now_iso(), "delivery_method": method}
            )

    def withdraw(self, actor: Actor, application_id: str, reason: str) -> Application:
        self.ctx.require(actor, Permission.WITHDRAW)
        app, _ = self.steps.load(application_id)
        reason = _required_text(reason, "withdrawn_reason")
        with self.ctx.store.transaction():
            extra = {}
            if app.status == Status.SUSPENDED.value:
                self.ctx.applications.close_suspension(app.id, self.ctx.today().isoformat())
                extra = self._suspensions(app.id)
            return self.steps.apply(
                actor, app, Action.WITHDRAW, {"withdrawn_reason": reason}, wire_extra=extra
            )

    def _suspensions(self, application_id: str) -> dict[str, Any]:
        """The op's ``suspensions``: the whole list as this step leaves it (the record's field)."""
        return {"suspensions": self.ctx.applications.suspensions(application_id)}

    def get(self, actor: Actor, application_id: str) -> Application:
        self.ctx.require(actor, Permission.TAKE_IN)
        app, _ = self.steps.load(application_id)
        return app

    def history(self, actor: Actor, application_id: str) -> list[dict]:
        self.ctx.require(actor, Permission.TAKE_IN)
        return self.ctx.applications.events(application_id)
