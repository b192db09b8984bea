"""The lifecycle of an application (Administrative Licensing Law art. 32 and counter practice).

::

    draft ─┬─ notify_missing ─→ awaiting_materials ─┐ (one-time notice: everything missing, once)
           ├──────────────────────────────────────── ┼─ accept ─────────→ accepted ─┐
           │                                         ├─ accept_pending ─→ accepted_pending (容缺受理)
           └──────────────────────────────────────── └─ refuse ─────────→ refused
    accepted / accepted_pending ─ start ─→ in_progress  (back-office steps arrive by sync)
    accepted_pending ─ supplement (all pending materials in) ─→ accepted
    accepted / accepted_pending / in_progress ─ suspend ─→ suspended ─ resume ─→ (the status before)
    accepted / in_progress ─ complete (granted | denied) ─→ completed ─ deliver ─→ delivered ─ rate ─→ rated
    any open status ─ withdraw ─→ withdrawn

Pure rules only: the use cases in :mod:`counter_app.services` check and apply them.
"""

from __future__ import annotations

from enum import Enum

from counter_app.errors import InvalidTransition


class Status(str, Enum):
    DRAFT = "draft"
    AWAITING_MATERIALS = "awaiting_materials"
    ACCEPTED = "accepted"
    ACCEPTED_PENDING = "accepted_pending"
    REFUSED = "refused"
    IN_PROGRESS = "in_progress"
    SUSPENDED = "suspended"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    RATED = "rated"
    WITHDRAWN = "withdrawn"


class Action(str, Enum):
    NOTIFY_MISSING = "notify_missing"
    ACCEPT = "accept"
    ACCEPT_PENDING = "accept_pending"
    REFUSE = "refuse"
    SUPPLEMENT = "supplement"
    START = "start"
    SUSPEND = "suspend"
    RESUME = "resume"
    COMPLETE = "complete"
    DELIVER = "deliver"
    RATE = "rate"
    WITHDRAW = "withdraw"


S, A = Status, Action

OPEN = frozenset({S.DRAFT, S.AWAITING_MATERIALS, S.ACCEPTED, S.ACCEPTED_PENDING, S.IN_PROGRESS, S.SUSPENDED})
# The time limit runs in these statuses (and stops while suspended).
CLOCK_RUNNING = frozenset({S.ACCEPTED, S.ACCEPTED_PENDING, S.IN_PROGRESS})
FINAL = frozenset({S.REFUSED, S.RATED, S.WITHDRAWN})

# action -> statuses it may start from -> the status it leads to (None: decided by the use case)
TRANSITIONS: dict[Action, dict[Status, Status | None]] = {
    A.NOTIFY_MISSING: {S.DRAFT: S.AWAITING_MATERIALS},
    A.ACCEPT: {S.DRAFT: S.ACCEPTED, S.AWAITING_MATERIALS: S.ACCEPTED},
    A.ACCEPT_PENDING: {S.DRAFT: S.ACCEPTED_PENDING, S.AWAITING_MATERIALS: S.ACCEPTED_PENDING},
    A.REFUSE: {S.DRAFT: S.REFUSED, S.AWAITING_MATERIALS: S.REFUSED},
    # Supplementing keeps the status, except that the last pending material ends 容缺.
    A.SUPPLEMENT: {S.AWAITING_MATERIALS: None, S.ACCEPTED_PENDING: None, S.DRAFT: None},
    A.START: {S.ACCEPTED: S.IN_PROGRESS, S.ACCEPTED_PENDING: S.IN_PROGRESS},
    A.SUSPEND: {S.ACCEPTED: S.SUSPENDED, S.ACCEPTED_PENDING: S.SUSPENDED, S.IN_PROGRESS: S.SUSPENDED},
    A.RESUME: {S.SUSPENDED: None},  # back to the status it was suspended from
    A.COMPLETE: {S.ACCEPTED: S.COMPLETED, S.IN_PROGRESS: S.COMPLETED},
    A.DELIVER: {S.COMPLETED: S.DELIVERED},
    A.RATE: {S.DELIVERED: S.RATED},
    A.WITHDRAW: dict.fromkeys(OPEN, S.WITHDRAWN),
}


def allowed_actions(status: Status) -> list[Action]:
    return [action for action, sources in TRANSITIONS.items() if status in sources]


def next_status(action: Action, status: Status, *, resume_to: Status | None = None) -> Status:
    """The status ``action`` leads to from ``status``; raises InvalidTransition when not allowed."""
    sources = TRANSITIONS[action]
    if status not in sources:
        raise InvalidTransition(action.value, status.value)
    target = sources[status]
    if target is not None:
        return target
    if action is A.RESUME:
        if resume_to is None or resume_to not in TRANSITIONS[A.SUSPEND]:
            raise InvalidTransition(action.value, status.value, "unknown status before suspension")
        return resume_to
    return status  # SUPPLEMENT: the use case may move accepted_pending on to accepted
