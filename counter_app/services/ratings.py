"""好差评: one rating per visit; a 4 or 5 opens a rectification task with a deadline.

Two ways in. A rating the citizen gave elsewhere (SMS, QR code, the web, 12345) is recorded by staff
with ``rate``. At the counter the clerk may not choose it for the citizen: ``open_session`` (the clerk,
audited) hands the counter screen over, and ``submit`` records what the citizen chose there, with the
channel ``counter-screen`` — no other call records that channel.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from counter_app.accounts import Actor, Permission
from counter_app.entity_fields import FIELDS_BY_NAME, RATING_CHANNELS
from counter_app.errors import InvalidTransition, NotFound, ValidationError
from counter_app.records import Application, RatingSession, RectificationCounts, RectificationRow
from counter_app.services.lifecycle import Steps
from counter_app.store.ratings import RECTIFICATION_STATES
from counter_app.workflow import Action, Status

LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
COUNTER_SCREEN = "counter-screen"  # given by the citizen on the counter's rating view
CHANNELS = RATING_CHANNELS
# Where the citizen rates at the counter itself: staff never record these for them (a session does).
AT_THE_COUNTER = frozenset({"counter_pad", COUNTER_SCREEN})
_CITIZEN_ONLY = "the citizen gives it on the counter screen (open_session)"
# The aspects a citizen may name as unsatisfactory, in the order a rating keeps them.
ASPECTS = {"efficiency": "办事效率", "competence": "业务能力", "attitude": "服务态度"}
# A visit is rated after delivery; a refused applicant may rate it too (the status stays refused).
RATABLE = frozenset({Status.DELIVERED.value, Status.REFUSED.value})
RECTIFY_FROM_LEVEL = 4
RECTIFY_WORKING_DAYS = 5
MAX_COMMENT = FIELDS_BY_NAME["rating"]["comment"].max_length or 0
# The platform's limit (entity_fields), so a long text is refused here, not rejected at the next sync.
MAX_RESOLUTION = FIELDS_BY_NAME["rectification"]["resolution"].max_length or 0
MAX_PAGE = 1000


@dataclass(frozen=True)
class _OpenSession:
    actor: Actor  # the clerk who opened it: the actor of the rating's op and audit event
    session: RatingSession


class RatingService:
    def __init__(self, ctx, steps: Steps) -> None:
        self.ctx = ctx
        self.steps = steps
        # Rating sessions open on this counter, by token. In memory only: a restart ends them, and the
        # clerk opens a new one (the opening is in the audit trail either way).
        self._sessions: dict[str, _OpenSession] = {}

    def rate(
        self,
        actor: Actor,
        application_id: str,
        level: int,
        channel: str = "counter_pad",
        comment: str = "",
        aspects: Iterable[str] = (),
    ) -> dict[str, Any]:
        """Record a rating the citizen gave elsewhere (an SMS or QR-code survey, the web, the 12345
        hotline) and a staff member transcribes; ``aspects``: those of ``ASPECTS`` the citizen found
        unsatisfactory. Staff may not choose a rating for the citizen: a rating given at the counter
        (its screen or pad) goes through ``open_session``/``submit``, and nobody transcribes a rating
        of a case they answer for. The command line (importing a rating pad's log, seeding) may
        record any channel."""
        self.ctx.require(actor, Permission.RECORD_RATING)
        if channel not in CHANNELS:
            raise ValidationError("channel", f"one of {', '.join(CHANNELS)}", code="choice")
        staff = actor.role is not None  # the command line may import a rating pad's log
        if channel == COUNTER_SCREEN or (staff and channel in AT_THE_COUNTER):
            raise ValidationError("channel", _CITIZEN_ONLY, code="citizen_only")
        if staff:
            app, _ = self.steps.load(application_id)
            if actor.audit_name in (app.accepted_by, app.created_by):
                raise ValidationError(
                    "channel", "a colleague transcribes the rating of a case you handled", code="own_case"
                )
        return self._record(actor, application_id, level, channel, comment, aspects, {})

    # --- the citizen's rating on the counter screen -------------------------------------------------
    def open_session(self, actor: Actor, application_id: str) -> RatingSession:
        """The clerk hands the counter screen to the citizen to rate this visit (audited as
        ``rating.session_open``). Refused when the visit cannot be rated (not delivered or refused,
        or rated already). Opening again for the same visit ends the earlier session."""
        self.ctx.require(actor, Permission.RECORD_RATING)
        app, item = self.steps.load(application_id)
        self._check_ratable(app)
        session = RatingSession(
            token=secrets.token_urlsafe(24),
            application_id=app.id,
            receipt_no=app.receipt_no,
            item_name=item.name,
            item_name_en=item.name_en,
            opened_by=actor.audit_name,
        )
        with self.ctx.store.transaction():
            self.ctx.audit(actor, "rating.session_open", "application", app.id, receipt_no=app.receipt_no)
        self._sessions = {t: s for t, s in self._sessions.items() if s.session.application_id != app.id}
        self._sessions[session.token] = _OpenSession(actor, session)
        return session

    def submit(
        self, token: str, level: int, aspects: Iterable[str] = (), comment: str = ""
    ) -> dict[str, Any]:
        """What the citizen chose on the counter screen, recorded against the open session: channel
        ``counter-screen``, the clerk who opened it as the actor, the audit event saying the citizen
        gave it. The session ends with the rating; a refused value (a comment too long) leaves it
        open to try again."""
        opened = self._sessions.get(token)
        if opened is None:
            raise NotFound("rating session", "not open (never opened, already used or cancelled)")
        rating = self._record(
            opened.actor,
            opened.session.application_id,
            level,
            COUNTER_SCREEN,
            comment,
            aspects,
            {"given_by": "citizen", "screen_opened_by": opened.session.opened_by},
        )
        self._sessions.pop(token, None)
        return rating

    def cancel_session(self, token: str) -> bool:
        """The screen was closed without a rating (audited as ``rating.session_cancel``); False when
        the session was not open."""
        opened = self._sessions.pop(token, None)
        if opened is None:
            return False
        with self.ctx.store.transaction():
            application_id = opened.session.application_id
            self.ctx.audit(opened.actor, "rating.session_cancel", "application", application_id)
        return True

    def session_open(self, token: str) -> bool:
        return token in self._sessions

    # --- recording ----------------------------------------------------------------------------------
    def _check_ratable(self, app: Application) -> None:
        if app.status not in RATABLE:
            raise InvalidTransition(Action.RATE.value, app.status)
        if self.ctx.ratings.for_application(app.id) is not None:
            raise ValidationError("application", "this visit has already been rated", code="duplicate")

    def _record(
        self,
        actor: Actor,
        application_id: str,
        level: int,
        channel: str,
        comment: str,
        aspects: Iterable[str],
        audit_detail: dict[str, Any],
    ) -> dict[str, Any]:
        # Not a bool or a float that equals a level: the op would carry ``true`` or ``1.0`` on the wire.
        if not isinstance(level, int) or isinstance(level, bool) or level not in LEVELS:
            raise ValidationError("level", "1 (非常满意) to 5 (非常不满意)", code="choice")
        unsatisfied = _aspects(aspects)
        comment = (comment or "").strip()
        if len(comment) > MAX_COMMENT:
            raise ValidationError("comment", f"at most {MAX_COMMENT} characters", code="max_length")
        app, _ = self.steps.load(application_id)
        ctx = self.ctx
        now = ctx.now_iso()
        with ctx.store.transaction():
            # Checked in the write transaction: a rating pulled or given meanwhile is found.
            self._check_ratable(app)
            rating = {
                "id": str(uuid.uuid4()),
                "application_id": app.id,
                "level": level,
                "channel": channel,
                "comment": comment or None,
                "unsatisfied_aspects": unsatisfied,
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
            detail = {"level": level, "channel": channel, **audit_detail}
            ctx.audit(actor, "rating.record", "application", app.id, **detail)
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


def _aspects(chosen: Iterable[str]) -> list[str] | None:
    """The chosen aspects in ``ASPECTS`` order, each once; None for none (the op carries null)."""
    if isinstance(chosen, (str, bytes)) or not isinstance(chosen, Iterable):
        raise ValidationError("unsatisfied_aspects", "a list of aspects", code="choice")
    picked = list(chosen)
    unknown = [a for a in picked if not isinstance(a, str) or a not in ASPECTS]
    if unknown:
        raise ValidationError("unsatisfied_aspects", f"each one of {', '.join(ASPECTS)}", code="choice")
    return [aspect for aspect in ASPECTS if aspect in picked] or None
