"""好差评: one rating per visit; a 4 or 5 opens a rectification task with a deadline."""

from __future__ import annotations

import uuid
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.entity_fields import FIELDS_BY_NAME
from counter_app.errors import InvalidTransition, NotFound, ValidationError
from counter_app.records import RectificationCounts, RectificationRow
from counter_app.services.lifecycle import Steps
from counter_app.store.ratings import RECTIFICATION_STATES
from counter_app.workflow import Action, Status

LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
CHANNELS = ("counter_pad", "sms", "qr_code", "web", "phone_12345")
RECTIFY_FROM_LEVEL = 4
RECTIFY_WORKING_DAYS = 5
# The platform's limit (entity_fields), so a long text is refused here, not rejected at the next sync.
MAX_RESOLUTION = FIELDS_BY_NAME["rectification"]["resolution"].max_length or 0
MAX_PAGE = 1000


class RatingService:
    def __init__(self, ctx, steps: Steps) -> None:
        self.ctx = ctx
        self.steps = steps

    def rate(
        self, actor: Actor, application_id: str, level: int, channel: str = "counter_pad", comment: str = ""
    ) -> dict[str, Any]:
        self.ctx.require(actor, Permission.RECORD_RATING)
        # Not a bool or a float that equals a level: the op would carry ``true`` or ``1.0`` on the wire.
        if not isinstance(level, int) or isinstance(level, bool) or level not in LEVELS:
            raise ValidationError("level", "1 (非常满意) to 5 (非常不满意)", code="choice")
        if channel not in CHANNELS:
            raise ValidationError("channel", f"one of {', '.join(CHANNELS)}", code="choice")
        comment = (comment or "").strip()
        if len(comment) > 500:
            raise ValidationError("comment", "at most 500 characters", code="max_length")
        app, _ = self.steps.load(application_id)
        # A refused applicant may rate the visit too; the status stays "refused".
        if app.status not in (Status.DELIVERED.value, Status.REFUSED.value):
            raise InvalidTransition(Action.RATE.value, app.status)
        ctx = self.ctx
        now = ctx.now_iso()
        with ctx.store.transaction():
            if ctx.ratings.for_application(app.id) is not None:
                raise ValidationError("application", "this visit has already been rated", code="duplicate")
            rating = {
                "id": str(uuid.uuid4()),
                "application_id": app.id,
                "level": level,
                "channel": channel,
                "comment": comment or None,
                "rated_at": now,
                "version": 0,
                "sync_state": "pending",
            }
            ctx.ratings.insert(rating)
            ctx.queue(
                actor,
                "rating",
                rating["id"],
                "create",
                0,
                {k: v for k, v in rating.items() if k not in ("id", "version", "sync_state")},
            )
            ctx.audit(actor, "rating.record", "application", app.id, level=level, channel=channel)
            if level >= RECTIFY_FROM_LEVEL:
                due = self.steps.catalogue.calendar().add_working_days(ctx.today(), RECTIFY_WORKING_DAYS)
                task = {
                    "id": str(uuid.uuid4()),
                    "rating_id": rating["id"],
                    "application_id": app.id,
                    "due_date": due.isoformat(),
                    "status": "open",
                    "version": 0,
                    "sync_state": "pending",
                }
                ctx.ratings.insert_rectification(task)
                ctx.queue(
                    actor,
                    "rectification",
                    task["id"],
                    "create",
                    0,
                    {k: v for k, v in task.items() if k not in ("id", "version", "sync_state")},
                )
                ctx.audit(actor, "rectification.open", "rectification", task["id"])
            if app.status == Status.DELIVERED.value:
                self.steps.apply(actor, app, Action.RATE, {})
        return rating

    def close_rectification(self, actor: Actor, rectification_id: str, resolution: str) -> None:
        self.ctx.require(actor, Permission.HANDLE_RECTIFICATION)
        ctx = self.ctx
        resolution = (resolution or "").strip()
        if not resolution:
            raise ValidationError("resolution", "required", code="required")
        if len(resolution) > MAX_RESOLUTION:
            raise ValidationError("resolution", f"at most {MAX_RESOLUTION} characters", code="max_length")
        now = ctx.now_iso()
        with ctx.store.transaction():
            # Read in the write transaction: a second close (another window, or the task closed on
            # another counter and pulled meanwhile) finds it closed, and the op's base is current.
            task = ctx.ratings.rectification(rectification_id)
            if task is None:
                raise NotFound("rectification", rectification_id)
            if task["status"] != "open" or not ctx.ratings.close_rectification(
                rectification_id, resolution, now
            ):
                raise InvalidTransition("close", task["status"])
            ctx.queue(
                actor,
                "rectification",
                rectification_id,
                "update",
                task["version"],
                {"status": "closed", "resolution": resolution, "closed_at": now},
            )
            ctx.audit(actor, "rectification.close", "rectification", rectification_id)

    def open_rectifications(self, actor: Actor) -> list[dict[str, Any]]:
        self.ctx.require(actor, Permission.HANDLE_RECTIFICATION)
        return self.ctx.ratings.open_rectifications()

    # --- the supervisor's rectification list ------------------------------------------------------
    def rectifications(
        self, actor: Actor, state: str = "open", *, limit: int = 200, offset: int = 0
    ) -> list[RectificationRow]:
        """Tasks with their case, rating and comment. ``state``: ``open`` (overdue ones included,
        marked), ``overdue`` (open and due before the office's today), ``closed`` (with what was done,
        when and by whom) or ``all``. The due date is a working day (``RECTIFY_WORKING_DAYS`` after the
        rating on the official calendar); a task is overdue from the day after it."""
        self.ctx.require(actor, Permission.HANDLE_RECTIFICATION)
        if state not in RECTIFICATION_STATES:
            raise ValidationError("state", f"one of {', '.join(RECTIFICATION_STATES)}", code="choice")
        if not 0 < limit <= MAX_PAGE or offset < 0:
            raise ValidationError("limit", f"1 to {MAX_PAGE} rows from offset 0 or more", code="range")
        rows = self.ctx.ratings.rectification_rows(state, self.ctx.today().isoformat(), limit, offset)
        closers = self.ctx.audit_log.last_actor(
            "rectification.close", [row["id"] for row in rows if row["status"] == "closed"]
        )
        return [
            RectificationRow(**{**row, "overdue": bool(row["overdue"])}, closed_by=closers.get(row["id"]))
            for row in rows
        ]

    def rectification_counts(self, actor: Actor) -> RectificationCounts:
        """Open (overdue included), overdue and closed tasks, for the dashboard: supervisors, and
        administrators through their reports (counts carry nothing of the cases)."""
        if not actor.can(Permission.VIEW_REPORTS):
            self.ctx.require(actor, Permission.HANDLE_RECTIFICATION)
        return RectificationCounts(*self.ctx.ratings.rectification_counts(self.ctx.today().isoformat()))
