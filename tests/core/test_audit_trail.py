"""The audit viewer's use cases: filters, paging, views of personal data, CSV, the chain check."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest

from counter_app.accounts import Actor
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from counter_app.records import AuditEvent, AuditFilter
from counter_app.services.applicants import PersonInput

ID_A, ID_B = "11010519491231002X", "440524198001010013"


@pytest.fixture
def trail(counter: Counter, clock: FixedClock, cli_actor: Actor, clerk: Actor, supervisor: Actor) -> Counter:
    """Three days of events (clock at Mon 23 Nov 2026 09:30 to start with)."""
    a = counter.applicants.register_person(cli_actor, PersonInput("张三", ID_A, "13912345678", "某镇某村"))
    b = counter.applicants.register_person(cli_actor, PersonInput("李四", ID_B))
    counter.applicants.reveal(clerk, a.id)  # Mon 23
    clock.advance(timedelta(days=1))  # Tue 24
    counter.applicants.reveal(clerk, b.id)
    counter.applicants.reveal(supervisor, a.id)
    with pytest.raises(PermissionDenied):
        counter.accounts.add_user(clerk, "mallory", "Mallory", supervisor.role, "correct horse 2")
    clock.advance(timedelta(days=1))  # Wed 25
    with pytest.raises(AuthenticationFailed):
        counter.accounts.login("clerk1", "wrong password")
    counter.applicants.reveal(clerk, a.id, purpose="print")
    with counter.ctx.store.transaction():  # a scan opened (the intake's read_attachment writes this)
        counter.ctx.audit(clerk, "attachment.view", "application", "app-1")
    return counter


def everything(counter: Counter, actor: Actor) -> list[AuditEvent]:
    events = counter.audit_trail.events(actor, limit=1000)
    assert len(events) < 1000
    return events


def seqs(events: list[AuditEvent]) -> list[int]:
    return [event.seq for event in events]


def test_events_are_newest_first_with_both_times_and_the_detail_decoded(
    trail: Counter, supervisor: Actor
) -> None:
    events = everything(trail, supervisor)
    assert seqs(events) == sorted(seqs(events), reverse=True)
    assert seqs(events) == list(range(len(events), 0, -1))  # nothing left out
    reveal = next(e for e in events if e.action == "applicant.view" and e.detail.get("purpose") == "print")
    assert reveal.actor == "user:clerk1" and reveal.entity == "applicant" and reveal.outcome == "success"
    assert reveal.detail == {"purpose": "print"}
    assert reveal.ts.startswith("2026-11-25T09:30") and reveal.device_ts.startswith("2026-11-25T09:30")


@pytest.mark.parametrize(
    ("where", "keep"),
    [
        (AuditFilter(actor="user:clerk1"), lambda e: e.actor == "user:clerk1"),
        (AuditFilter(action="applicant.view"), lambda e: e.action == "applicant.view"),
        (AuditFilter(action="applicant."), lambda e: e.action.startswith("applicant.")),
        (AuditFilter(action="user."), lambda e: e.action.startswith("user.")),
        (AuditFilter(outcome="denied"), lambda e: e.outcome == "denied"),
        (AuditFilter(outcome="failure"), lambda e: e.outcome == "failure"),
        (AuditFilter(date_from="2026-11-24", date_to="2026-11-24"), lambda e: e.ts[:10] == "2026-11-24"),
        (AuditFilter(date_from="2026-11-24"), lambda e: e.ts[:10] >= "2026-11-24"),
        (AuditFilter(date_to="2026-11-23"), lambda e: e.ts[:10] <= "2026-11-23"),
        (
            AuditFilter(personal_data_views_only=True),
            lambda e: e.action in ("applicant.view", "attachment.view", "notice.view"),
        ),
        (
            AuditFilter(actor="user:clerk1", action="applicant.", date_from="2026-11-25"),
            lambda e: e.actor == "user:clerk1" and e.action.startswith("applicant.") and e.ts >= "2026-11-25",
        ),
    ],
)
def test_each_filter_narrows_to_exactly_the_matching_events(
    trail: Counter, supervisor: Actor, where: AuditFilter, keep
) -> None:
    every = everything(trail, supervisor)
    expected = [e for e in every if keep(e)]
    assert 0 < len(expected) < len(every)  # the filter really narrows something down
    found = trail.audit_trail.events(supervisor, where, limit=1000)
    assert found == expected
    assert trail.audit_trail.count(supervisor, where) == len(expected)


def test_a_prefix_is_not_a_pattern(trail: Counter, supervisor: Actor) -> None:
    """``_`` and ``%`` in an action filter are taken literally."""
    assert trail.audit_trail.events(supervisor, AuditFilter(action="applicant_")) == []
    assert trail.audit_trail.events(supervisor, AuditFilter(action="%.")) == []
    assert trail.audit_trail.events(supervisor, AuditFilter(action="applicant")) == []  # exact: no such


def test_the_period_is_on_the_corrected_time(trail: Counter, clock: FixedClock, supervisor: Actor) -> None:
    """At 23:30 on the device, two hours behind central: the stored time is the next day's."""
    clock.advance(timedelta(hours=14))  # Wed 25, 23:30
    with trail.ctx.store.transaction():
        trail.ctx.settings.set("clock_offset_s", "7200")
        trail.ctx.audit(supervisor, "backup.create", size=1)
    thursday = trail.audit_trail.events(supervisor, AuditFilter(date_from="2026-11-26"))
    assert [(e.action, e.ts[:16], e.device_ts[:16]) for e in thursday] == [
        ("backup.create", "2026-11-26T01:30", "2026-11-25T23:30")
    ]
    assert all(
        e.action != "backup.create"
        for e in trail.audit_trail.events(supervisor, AuditFilter(date_to="2026-11-25"))
    )


def test_paging_by_sequence_is_stable_while_events_are_written(trail: Counter, supervisor: Actor) -> None:
    snapshot = everything(trail, supervisor)
    pages: list[AuditEvent] = []
    before = None
    while True:
        page = trail.audit_trail.events(supervisor, limit=4, before_seq=before)
        pages.extend(page)
        if len(page) < 4:
            break
        before = page[-1].seq
        trail.audit_trail.verify(supervisor)  # writes an event at the top meanwhile
    assert pages == snapshot
    assert len(everything(trail, supervisor)) > len(snapshot)


def test_actors_and_actions_for_the_filter_lists(trail: Counter, admin: Actor) -> None:
    actors = trail.audit_trail.actors(admin)
    assert actors == sorted(actors) and len(set(actors)) == len(actors)
    assert {"cli:tester", "cli:setup", "user:clerk1", "user:supervisor1", "system"} <= set(actors)
    actions = trail.audit_trail.actions(admin)
    assert actions == sorted(set(actions))
    assert {"applicant.register", "applicant.view", "login", "permission.denied", "user.add"} <= set(actions)


def test_views_of_personal_data_are_counted_per_person(trail: Counter, supervisor: Actor) -> None:
    views = trail.audit_trail.personal_data_views(supervisor)
    assert [(v.actor, v.total, v.by_action) for v in views] == [
        ("user:clerk1", 4, {"applicant.view": 3, "attachment.view": 1}),
        ("user:supervisor1", 1, {"applicant.view": 1}),
    ]
    clerk = views[0]
    assert clerk.first_ts.startswith("2026-11-23") and clerk.last_ts.startswith("2026-11-25")
    tuesday = trail.audit_trail.personal_data_views(supervisor, "2026-11-24", "2026-11-24")
    assert [(v.actor, v.total) for v in tuesday] == [("user:clerk1", 1), ("user:supervisor1", 1)]
    assert trail.audit_trail.personal_data_views(supervisor, "2026-11-26") == []


def test_csv_export_reads_back_equal_to_the_events_and_is_audited(
    trail: Counter, supervisor: Actor, tmp_path: Path
) -> None:
    where = AuditFilter(action="applicant.")
    shown = trail.audit_trail.events(supervisor, where, limit=1000)
    target = tmp_path / "审计.csv"
    assert trail.audit_trail.export_csv(supervisor, target, where) == len(shown) == 6
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(target, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["seq", "ts", "device_ts", "actor", "action", "entity", "entity_id", "outcome", "detail"]
    back = [
        AuditEvent(int(r[0]), r[1], r[2], r[3], r[4], r[5] or None, r[6] or None, r[7], json.loads(r[8]))
        for r in rows
    ]
    assert back == shown
    assert not list(tmp_path.glob("*.part"))
    (event,) = trail.audit_trail.events(supervisor, AuditFilter(action="audit.export"))
    assert event.actor == "user:supervisor1" and event.detail == {
        "events": 6,
        "file": "审计.csv",
        "filter": {"action": "applicant."},
    }


def test_csv_headers_in_the_users_language(trail: Counter, supervisor: Actor, tmp_path: Path) -> None:
    titles = ["序号", "时间", "设备时间", "人员", "操作", "对象", "对象编号", "结果", "详情"]
    trail.audit_trail.export_csv(supervisor, tmp_path / "a.csv", headers=titles)
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == titles
    with pytest.raises(ValidationError) as info:
        trail.audit_trail.export_csv(supervisor, tmp_path / "b.csv", headers=titles[:3])
    assert info.value.field == "headers" and not (tmp_path / "b.csv").exists()


def test_a_clerk_is_refused_everything_and_each_refusal_is_audited(
    trail: Counter, clerk: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    calls = [
        lambda: trail.audit_trail.events(clerk),
        lambda: trail.audit_trail.count(clerk),
        lambda: trail.audit_trail.actors(clerk),
        lambda: trail.audit_trail.actions(clerk),
        lambda: trail.audit_trail.personal_data_views(clerk),
        lambda: trail.audit_trail.verify(clerk),
        lambda: trail.audit_trail.export_csv(clerk, tmp_path / "out.csv"),
    ]
    before = trail.ctx.audit_log.count()
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not (tmp_path / "out.csv").exists()
    refusals = trail.audit_trail.events(supervisor, AuditFilter(outcome="denied"), limit=len(calls))
    assert trail.ctx.audit_log.count() == before + len(calls)
    assert [(e.actor, e.action, e.detail) for e in refusals] == [
        ("user:clerk1", "permission.denied", {"permission": "view_audit"})
    ] * len(calls)


def test_bad_filters_are_refused_naming_the_field(trail: Counter, supervisor: Actor) -> None:
    for where, field in [
        (AuditFilter(outcome="maybe"), "outcome"),
        (AuditFilter(date_from="2026-11-31"), "date_from"),
        (AuditFilter(date_to="24/11/2026"), "date_to"),
        (AuditFilter(date_from="2026-11-25", date_to="2026-11-24"), "date_to"),
    ]:
        with pytest.raises(ValidationError) as info:
            trail.audit_trail.events(supervisor, where)
        assert info.value.field == field
    with pytest.raises(ValidationError):
        trail.audit_trail.events(supervisor, limit=0)


def test_the_chain_check_passes_an_intact_chain(trail: Counter, admin: Actor) -> None:
    result = trail.audit_trail.verify(admin)
    assert result.ok and result.problems == [] and result.events == trail.ctx.audit_log.count() - 1
    (event,) = trail.audit_trail.events(admin, AuditFilter(action="audit.verify"))
    assert (event.outcome, event.detail) == ("success", {"events": result.events, "problems": 0})


def test_the_chain_check_finds_an_edited_event(trail: Counter, supervisor: Actor) -> None:
    reveal = trail.audit_trail.events(supervisor, AuditFilter(action="applicant.view"), limit=1)[0]
    trail.ctx.store.execute("UPDATE audit_events SET actor = 'user:nobody' WHERE seq = ?", (reveal.seq,))
    result = trail.audit_trail.verify(supervisor)
    assert not result.ok
    assert result.problems == [f"event {reveal.seq}: content does not match its hash (edited)"]
    (event,) = trail.audit_trail.events(supervisor, AuditFilter(action="audit.verify"))
    assert event.outcome == "failure" and event.detail["problems"] == 1


def test_an_event_whose_detail_was_broken_is_still_shown(trail: Counter, supervisor: Actor) -> None:
    trail.ctx.store.execute("UPDATE audit_events SET detail = 'not json' WHERE seq = 3")
    (event,) = [e for e in everything(trail, supervisor) if e.seq == 3]
    assert event.detail == {"undecodable": "not json"}
    assert not trail.audit_trail.verify(supervisor).ok
