"""The pure lifecycle rules of counter_app.workflow, checked against a table written from the module
docstring (and DESIGN §3), not read back from TRANSITIONS."""

from __future__ import annotations

import pytest

from counter_app.errors import InvalidTransition
from counter_app.workflow import FINAL, OPEN, Action, Status, allowed_actions, next_status

S, A = Status, Action

# (action, from) -> to, as the docstring draws it. RESUME and SUPPLEMENT are decided by the use case
# and are checked separately below.
EXPECTED: dict[tuple[Action, Status], Status] = {
    (A.NOTIFY_MISSING, S.DRAFT): S.AWAITING_MATERIALS,
    (A.ACCEPT, S.DRAFT): S.ACCEPTED,
    (A.ACCEPT, S.AWAITING_MATERIALS): S.ACCEPTED,
    (A.ACCEPT_PENDING, S.DRAFT): S.ACCEPTED_PENDING,
    (A.ACCEPT_PENDING, S.AWAITING_MATERIALS): S.ACCEPTED_PENDING,
    (A.REFUSE, S.DRAFT): S.REFUSED,
    (A.REFUSE, S.AWAITING_MATERIALS): S.REFUSED,
    (A.START, S.ACCEPTED): S.IN_PROGRESS,
    (A.START, S.ACCEPTED_PENDING): S.IN_PROGRESS,
    (A.SUSPEND, S.ACCEPTED): S.SUSPENDED,
    (A.SUSPEND, S.ACCEPTED_PENDING): S.SUSPENDED,
    (A.SUSPEND, S.IN_PROGRESS): S.SUSPENDED,
    (A.COMPLETE, S.ACCEPTED): S.COMPLETED,
    (A.COMPLETE, S.IN_PROGRESS): S.COMPLETED,
    (A.DELIVER, S.COMPLETED): S.DELIVERED,
    (A.RATE, S.DELIVERED): S.RATED,
    (A.WITHDRAW, S.DRAFT): S.WITHDRAWN,
    (A.WITHDRAW, S.AWAITING_MATERIALS): S.WITHDRAWN,
    (A.WITHDRAW, S.ACCEPTED): S.WITHDRAWN,
    (A.WITHDRAW, S.ACCEPTED_PENDING): S.WITHDRAWN,
    (A.WITHDRAW, S.IN_PROGRESS): S.WITHDRAWN,
    (A.WITHDRAW, S.SUSPENDED): S.WITHDRAWN,
}
# Supplementing keeps the status (the use case moves accepted_pending on when the last material is in).
SUPPLEMENT_FROM = {S.DRAFT, S.AWAITING_MATERIALS, S.ACCEPTED_PENDING}
RESUME_FROM = {S.SUSPENDED}
SUSPENDABLE = {S.ACCEPTED, S.ACCEPTED_PENDING, S.IN_PROGRESS}

OPEN_BY_HAND = {S.DRAFT, S.AWAITING_MATERIALS, S.ACCEPTED, S.ACCEPTED_PENDING, S.IN_PROGRESS, S.SUSPENDED}
CLOSED_BY_HAND = set(Status) - OPEN_BY_HAND  # refused, completed, delivered, rated, withdrawn


def _allowed_by_hand(action: Action, status: Status) -> bool:
    if action is A.SUPPLEMENT:
        return status in SUPPLEMENT_FROM
    if action is A.RESUME:
        return status in RESUME_FROM
    return (action, status) in EXPECTED


@pytest.mark.parametrize(("action", "source"), sorted(EXPECTED, key=lambda k: (k[0].value, k[1].value)))
def test_allowed_transition_leads_where_the_docstring_says(action: Action, source: Status) -> None:
    assert next_status(action, source) is EXPECTED[(action, source)]


@pytest.mark.parametrize("source", sorted(SUPPLEMENT_FROM, key=lambda s: s.value))
def test_supplement_keeps_the_status(source: Status) -> None:
    assert next_status(A.SUPPLEMENT, source) is source


ALL_PAIRS = [(a, s) for a in Action for s in Status]


@pytest.mark.parametrize(
    ("action", "source"), [(a, s) for a, s in ALL_PAIRS if not _allowed_by_hand(a, s)], ids=str
)
def test_disallowed_transition_raises(action: Action, source: Status) -> None:
    with pytest.raises(InvalidTransition) as info:
        next_status(action, source, resume_to=S.IN_PROGRESS)
    assert info.value.action == action.value
    assert info.value.status == source.value
    assert info.value.code == "invalid_transition"


@pytest.mark.parametrize("status", list(Status))
def test_allowed_actions_matches_the_hand_table(status: Status) -> None:
    expected = {a for a in Action if _allowed_by_hand(a, status)}
    assert set(allowed_actions(status)) == expected


@pytest.mark.parametrize("status", sorted(OPEN_BY_HAND, key=lambda s: s.value))
def test_withdraw_from_every_open_status(status: Status) -> None:
    assert next_status(A.WITHDRAW, status) is S.WITHDRAWN


@pytest.mark.parametrize("status", sorted(CLOSED_BY_HAND, key=lambda s: s.value))
def test_no_withdrawal_from_a_closed_status(status: Status) -> None:
    with pytest.raises(InvalidTransition):
        next_status(A.WITHDRAW, status)


def test_open_and_final_sets() -> None:
    assert set(OPEN) == OPEN_BY_HAND
    assert {S.REFUSED, S.RATED, S.WITHDRAWN} == set(FINAL)
    assert not set(OPEN) & set(FINAL)


@pytest.mark.parametrize("status", sorted(FINAL, key=lambda s: s.value))
def test_final_statuses_allow_no_action(status: Status) -> None:
    assert allowed_actions(status) == []
    for action in Action:
        with pytest.raises(InvalidTransition):
            next_status(action, status, resume_to=S.ACCEPTED)


@pytest.mark.parametrize("before", sorted(SUSPENDABLE, key=lambda s: s.value))
def test_resume_returns_to_the_status_suspended_from(before: Status) -> None:
    suspended = next_status(A.SUSPEND, before)
    assert suspended is S.SUSPENDED
    assert next_status(A.RESUME, suspended, resume_to=before) is before


def test_resume_without_a_remembered_status_is_refused() -> None:
    with pytest.raises(InvalidTransition):
        next_status(A.RESUME, S.SUSPENDED)


@pytest.mark.parametrize(
    "bogus", [S.DRAFT, S.AWAITING_MATERIALS, S.SUSPENDED, S.COMPLETED, S.REFUSED, S.WITHDRAWN]
)
def test_resume_to_a_status_one_cannot_be_suspended_from_is_refused(bogus: Status) -> None:
    with pytest.raises(InvalidTransition):
        next_status(A.RESUME, S.SUSPENDED, resume_to=bogus)


@pytest.mark.parametrize("source", [s for s in Status if s is not S.SUSPENDED])
def test_resume_only_from_suspended(source: Status) -> None:
    with pytest.raises(InvalidTransition):
        next_status(A.RESUME, source, resume_to=S.ACCEPTED)


def test_every_path_from_draft_ends_in_a_final_status() -> None:
    """The graph has no dead end: from every reachable status a final one is reachable."""
    reachable, frontier = {S.DRAFT}, [S.DRAFT]
    while frontier:
        status = frontier.pop()
        for action in allowed_actions(status):
            targets = (
                SUSPENDABLE
                if action is A.RESUME
                else {status, S.ACCEPTED}
                if action is A.SUPPLEMENT
                else {next_status(action, status)}
            )
            for target in targets - reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(Status)
    for status in reachable - set(FINAL):
        assert allowed_actions(status), status
