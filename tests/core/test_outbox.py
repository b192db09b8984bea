"""DESIGN §2/§4: every change writes its record, one outbox op and one audit event in ONE transaction.

Each use case is run once for real (checking the op's fields and the event) and once with a failure
injected after the record was written (nothing at all may remain). Outbox data are encrypted at rest.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from counter_app.accounts import Actor, Role
from counter_app.catalogue import ServiceItem
from counter_app.clock import FixedClock
from counter_app.core import Counter
from counter_app.people import PeopleGenerator
from counter_app.records import Application
from counter_app.services.applicants import OrganisationInput, PersonInput
from counter_app.services.seed import Seeder
from counter_app.store.outbox import PENDING
from tests.core.rating_support import citizen_rates

ITEM = "990101101-05-0003-001"  # 临时救助: 10 working days; M03, M05, M06 minor
PEOPLE = PeopleGenerator(8080)
SEED = 5

_SEEDER: list[Seeder] = []


def form_values(counter: Counter, actor: Actor, service_item: ServiceItem) -> dict:
    """Valid form values from the Seeder. One Seeder per module: each new one builds a
    PeopleGenerator (~50 ms). Its random state is reset, so an item always gets the same values."""
    if not _SEEDER:
        _SEEDER.append(Seeder(counter, actor, 0))
        _SEEDER[0].people = PEOPLE
    seeder = _SEEDER[0]
    seeder.counter, seeder.actor, seeder.rng = counter, actor, random.Random(SEED)
    return seeder.form_values(service_item)


ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"
TABLES = (
    "applicants",
    "applications",
    "application_materials",
    "application_events",
    "suspensions",
    "ratings",
    "rectifications",
    "attachments",
    "receipt_sequences",
    "outbox",
    "audit_events",
    "settings",
    "users",
)


def snapshot(counter: Counter) -> dict[str, list[dict[str, Any]]]:
    return {table: counter.ctx.store.all(f"SELECT * FROM {table} ORDER BY rowid") for table in TABLES}


def materials(counter: Counter, *, leave_out: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    service_item = counter.catalogue.active().item(ITEM)
    return {
        m.code: (0, 0) if m.code in leave_out else (m.originals, m.copies) for m in service_item.materials
    }


MINOR = ("M03", "M05", "M06")


def new_draft(counter: Counter, actor: Actor) -> Application:
    p = PEOPLE.person()
    applicant = counter.applicants.register_person(
        actor, PersonInput(p.name, p.resident_id, p.mobile, p.address)
    )
    form = form_values(counter, actor, counter.catalogue.active().item(ITEM))
    return counter.intake.draft(actor, applicant.id, ITEM, form)


def in_status(counter: Counter, actor: Actor, status: str) -> Application:
    app = new_draft(counter, actor)
    if status == "draft":
        return app
    if status == "refused":
        return counter.intake.refuse(actor, app.id, "不符合条件")
    if status == "accepted_pending":
        counter.intake.record_materials(actor, app.id, materials(counter, leave_out=MINOR))
        return counter.intake.accept_pending(
            actor, app.id, "承诺补齐", counter.ctx.today() + timedelta(days=7)
        )
    counter.intake.record_materials(actor, app.id, materials(counter))
    app = counter.intake.accept(actor, app.id)
    chain: list[tuple[str, Callable[[], Application]]] = [
        ("accepted", lambda: counter.cases.start(actor, app.id)),
        ("in_progress", lambda: counter.cases.complete(actor, app.id, granted=True)),
        ("completed", lambda: counter.cases.deliver(actor, app.id)),
    ]
    if status == "suspended":
        return counter.cases.suspend(actor, counter.cases.start(actor, app.id).id, "现场核查")
    for before, step in chain:
        if app.status == status:
            return app
        assert app.status == before
        app = step()
    assert app.status == status
    return app


@dataclass
class Case:
    """One use case: how to get ready, how to act, and what its op and event must look like."""

    name: str
    prepare: Callable[[Counter, Actor], Any]
    act: Callable[[Counter, Actor, Any], Any]
    entity: str
    op: str
    audit_action: str
    data: dict[str, Any]  # expected values in the op's data (a subset)
    application_op: bool = True  # the op carries the application's catalogue_version
    role: Role = Role.CLERK


def _app(status: str) -> Callable[[Counter, Actor], Application]:
    return lambda counter, actor: in_status(counter, actor, status)


def _with_materials(counter: Counter, actor: Actor, leave_out: tuple[str, ...] = ()) -> Application:
    app = new_draft(counter, actor)
    counter.intake.record_materials(actor, app.id, materials(counter, leave_out=leave_out))
    return app


def _poor_rating(counter: Counter, actor: Actor) -> str:
    app = in_status(counter, actor, "refused")
    rating = citizen_rates(counter, actor, app.id, 5)
    task = counter.ctx.ratings.rectification_for_rating(rating["id"])
    assert task is not None
    return str(task["id"])


CASES = [
    Case(
        "register_person",
        lambda c, a: None,
        lambda c, a, _: c.applicants.register_person(a, PersonInput("张三", ID_NUMBER, PHONE, "某村1号")),
        "applicant",
        "create",
        "applicant.register",
        {
            "id_number": ID_NUMBER,
            "phone": PHONE,
            "kind": "person",
            "sex": "female",
            "birth_date": "1949-12-31",
        },
        application_op=False,
    ),
    Case(
        "register_organisation",
        lambda c, a: None,
        lambda c, a, _: c.applicants.register_organisation(
            a, OrganisationInput("某合作社", "91350100M000100Y43", "王五", PHONE)
        ),
        "applicant",
        "create",
        "applicant.register",
        {"id_number": "91350100M000100Y43", "kind": "organisation", "representative": "王五"},
        application_op=False,
    ),
    Case(
        "update_contact",
        lambda c, a: c.applicants.register_person(a, PersonInput("张三", ID_NUMBER)),
        lambda c, a, s: c.applicants.update_contact(a, s.id, phone=PHONE),
        "applicant",
        "update",
        "applicant.update",
        {"phone": PHONE},
        application_op=False,
    ),
    Case(
        "draft",
        lambda c, a: c.applicants.register_person(a, PersonInput("张三", ID_NUMBER)),
        lambda c, a, s: c.intake.draft(a, s.id, ITEM, form_values(c, a, c.catalogue.active().item(ITEM))),
        "application",
        "create",
        "application.draft",
        {"status": "draft", "item_code": ITEM, "catalogue_version": "2026.1"},
    ),
    Case(
        "update_form",
        _app("draft"),
        lambda c, a, app: c.intake.update_form(a, app.id, app.form),
        "application",
        "update",
        "application.update_form",
        {},
    ),
    Case(
        "record_materials",
        _app("draft"),
        lambda c, a, app: c.intake.record_materials(a, app.id, {"M01": (1, 0)}),
        "application",
        "update",
        "application.materials",
        {"materials": {"M01": {"originals": 1, "copies": 0, "status": "received"}}},
    ),
    Case(
        "notify_missing",
        _app("draft"),
        lambda c, a, app: c.intake.notify_missing(a, app.id),
        "application",
        "update",
        "application.notify_missing",
        {"status": "awaiting_materials", "action": "notify_missing"},
    ),
    Case(
        "accept",
        lambda c, a: _with_materials(c, a),
        lambda c, a, app: c.intake.accept(a, app.id),
        "application",
        "update",
        "application.accept",
        {"status": "accepted", "action": "accept", "accepted_on": "2026-11-23", "due_date": "2026-12-07"},
    ),
    Case(
        "accept_pending",
        lambda c, a: _with_materials(c, a, leave_out=MINOR),
        lambda c, a, app: c.intake.accept_pending(a, app.id, "承诺补齐", c.ctx.today() + timedelta(days=5)),
        "application",
        "update",
        "application.accept_pending",
        {"status": "accepted_pending", "pending_materials": list(MINOR), "pending_deadline": "2026-11-28"},
    ),
    Case(
        "refuse",
        _app("draft"),
        lambda c, a, app: c.intake.refuse(a, app.id, "不符合条件"),
        "application",
        "update",
        "application.refuse",
        {"status": "refused", "refusal_reason": "不符合条件"},
    ),
    Case(
        "supplement",
        _app("accepted_pending"),
        lambda c, a, app: c.cases.supplement(a, app.id, {code: materials(c)[code] for code in MINOR}),
        "application",
        "update",
        "application.supplement",
        {
            "status": "accepted",
            "pending_materials": [],
            "action": "supplement",
            # The materials handed in travel in the same op (M03, M05: original + copy; M06: a copy).
            "materials": {
                "M03": {"originals": 1, "copies": 1, "status": "received"},
                "M05": {"originals": 1, "copies": 1, "status": "received"},
                "M06": {"originals": 0, "copies": 1, "status": "received"},
            },
        },
    ),
    Case(
        "start",
        _app("accepted"),
        lambda c, a, app: c.cases.start(a, app.id),
        "application",
        "update",
        "application.start",
        {"status": "in_progress", "action": "start"},
    ),
    Case(
        "suspend",
        _app("in_progress"),
        lambda c, a, app: c.cases.suspend(a, app.id, "专家评审"),
        "application",
        "update",
        "application.suspend",
        {"status": "suspended", "resume_status": "in_progress", "suspension_reason": "专家评审"},
    ),
    Case(
        "resume",
        _app("suspended"),
        lambda c, a, app: c.cases.resume(a, app.id),
        "application",
        "update",
        "application.resume",
        {"status": "in_progress", "resume_status": None, "due_date": "2026-12-07"},
    ),
    Case(
        "complete",
        _app("in_progress"),
        lambda c, a, app: c.cases.complete(a, app.id, granted=False, reason="收入超标"),
        "application",
        "update",
        "application.complete",
        {"status": "completed", "result": "denied", "result_reason": "收入超标"},
    ),
    Case(
        "deliver",
        _app("completed"),
        lambda c, a, app: c.cases.deliver(a, app.id, "electronic"),
        "application",
        "update",
        "application.deliver",
        {"status": "delivered", "delivery_method": "electronic"},
    ),
    Case(
        "withdraw",
        _app("accepted"),
        lambda c, a, app: c.cases.withdraw(a, app.id, "申请人撤回"),
        "application",
        "update",
        "application.withdraw",
        {"status": "withdrawn", "withdrawn_reason": "申请人撤回"},
    ),
    Case(
        "rate_refused",  # on the counter screen the clerk opened (the opening is its own event)
        lambda c, a: c.ratings.open_session(a, in_status(c, a, "refused").id),
        lambda c, a, session: c.ratings.submit(session.token, 2),
        "rating",
        "create",
        "rating.record",
        {"level": 2, "channel": "counter-screen"},
        application_op=False,
    ),
    Case(
        "attach",
        _app("draft"),
        lambda c, a, app: c.intake.attach(a, app.id, "M01", "申请书.pdf", b"%PDF-1.4 scan"),
        "attachment",
        "create",
        "attachment.add",
        {"material_code": "M01", "name": "申请书.pdf", "size": 13},
        application_op=False,
    ),
    Case(
        "close_rectification",
        _poor_rating,
        lambda c, a, task_id: c.ratings.close_rectification(a, task_id, "已回访"),
        "rectification",
        "update",
        "rectification.close",
        {"status": "closed", "resolution": "已回访"},
        application_op=False,
        role=Role.SUPERVISOR,
    ),
]


def _actor(counter: Counter, role: Role) -> Actor:
    record = counter.accounts.add_user(
        Actor.command_line("setup"), f"{role.value}9", role.value, role, "correct horse 9"
    )
    return Actor.staff(record.id, record.username, record.display_name, role)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_use_case_writes_one_op_and_one_event(counter: Counter, clock: FixedClock, case: Case) -> None:
    actor = _actor(counter, case.role)
    setup = case.prepare(counter, actor)
    clock.advance(timedelta(minutes=7))
    now = counter.ctx.now_iso()
    before = snapshot(counter)
    result = case.act(counter, actor, setup)
    after = snapshot(counter)
    new_ops = after["outbox"][len(before["outbox"]) :]
    new_events = after["audit_events"][len(before["audit_events"]) :]
    assert len(new_ops) == 1, [op["entity"] for op in new_ops]
    assert len(new_events) == 1, [e["action"] for e in new_events]
    assert after["outbox"][: len(before["outbox"])] == before["outbox"]  # nothing earlier rewritten
    (op,) = [op for op in counter.ctx.outbox.pending(limit=10_000) if op.op_id == new_ops[0]["op_id"]]
    event = new_events[0]
    assert op.entity == case.entity
    assert op.op == case.op
    assert op.user_id == actor.user_id
    assert op.client_ts == now
    assert op.seq > max((row["seq"] for row in before["outbox"]), default=0)
    assert event["action"] == case.audit_action
    assert event["actor"] == actor.audit_name
    assert event["outcome"] == "success"
    for key, value in case.data.items():
        assert op.data.get(key) == value, key
    if case.op == "create":
        assert op.base_version == 0
    if case.entity == "application":
        record = counter.ctx.applications.get(op.entity_id)
        assert record is not None
        assert op.base_version == record.version == 0
        assert event["entity_id"] == op.entity_id
        if "status" in op.data:
            assert op.data["status"] == record.status
    if case.application_op:
        assert op.catalogue_version == "2026.1"
    if case.entity == "applicant":
        assert op.entity_id == result.id == event["entity_id"]
        assert ID_NUMBER not in event["detail"] and PHONE not in event["detail"]
    if case.entity == "attachment":
        assert op.attachments == [{"sha256": op.data["sha256"], "size": 13}]
    assert counter.admin.verify_audit(Actor.command_line("auditor")).ok


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("where", ["audit", "outbox"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_failure_in_the_middle_leaves_nothing(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, case: Case, where: str
) -> None:
    actor = _actor(counter, case.role)
    setup = case.prepare(counter, actor)
    before = snapshot(counter)
    attachments_before = sorted(counter.ctx.paths.attachments.iterdir())
    calls: list[str] = []

    def fail(*args: Any, **kwargs: Any) -> Any:
        calls.append(where)
        raise Boom(where)

    if where == "audit":
        # The audit event is the last write of every use case: the record and the op are in by then.
        monkeypatch.setattr(counter.ctx.audit_log, "append", fail)
    else:
        monkeypatch.setattr(counter.ctx.outbox, "add", fail)
    with pytest.raises(Boom):
        case.act(counter, actor, setup)
    assert calls, "the failure was injected"
    assert not counter.ctx.store.in_transaction
    assert snapshot(counter) == before
    assert sorted(counter.ctx.paths.attachments.iterdir()) == attachments_before
    monkeypatch.undo()
    # The profile is still usable and the use case now goes through.
    case.act(counter, actor, setup)
    assert len(snapshot(counter)["outbox"]) > len(before["outbox"])
    assert counter.admin.verify_audit(Actor.command_line("auditor")).ok


def test_outbox_data_is_not_stored_in_plaintext(counter: Counter, cli_actor: Actor) -> None:
    address = "河北省保定市易县某某村五组12号"
    summary = counter.applicants.register_person(cli_actor, PersonInput("张三", ID_NUMBER, PHONE, address))
    (op,) = counter.ctx.outbox.for_entity(summary.id)
    assert op.data["id_number"] == ID_NUMBER  # it is there, decrypted, for the sync engine
    raw = counter.ctx.store.all("SELECT * FROM outbox")
    assert raw
    for row in raw:
        for value in row.values():
            blob = value if isinstance(value, bytes) else str(value).encode("utf-8")
            for secret in (ID_NUMBER, PHONE, address, "5组12号"):
                assert secret.encode("utf-8") not in blob
    # The form (which may hold ID numbers of family members) is encrypted too.
    app_id = counter.intake.draft(
        cli_actor,
        summary.id,
        "990101-07-0001-001",
        {
            "child_name": "张小三",
            "child_sex": counter.catalogue.active()
            .item("990101-07-0001-001")
            .form_field("child_sex")
            .choices[0]
            .value,
            "birth_date": "2026-11-01",
            "birth_certificate_no": "Q110000001",
            "mother_id_number": ID_NUMBER,
        },
    ).id
    assert counter.ctx.outbox.for_entity(app_id)[0].data["form"]["mother_id_number"] == ID_NUMBER
    dump = b"".join(
        value if isinstance(value, bytes) else str(value).encode("utf-8")
        for table in ("outbox", "applications")
        for row in counter.ctx.store.all(f"SELECT * FROM {table}")
        for value in row.values()
    )
    assert ID_NUMBER.encode() not in dump


def test_database_file_holds_no_plaintext_id_number(counter: Counter, cli_actor: Actor) -> None:
    # Not ID_NUMBER: the demo catalogue quotes GB 11643's example number in a help text.
    p = PEOPLE.person()
    counter.applicants.register_person(cli_actor, PersonInput(p.name, p.resident_id, p.mobile, p.address))
    counter.ctx.store.checkpoint()
    raw = counter.ctx.paths.database.read_bytes()
    assert p.name.encode() in raw  # names are not encrypted: the scan does see the applicant's row
    assert p.resident_id.encode() not in raw
    assert p.mobile.encode() not in raw
    assert p.address.encode() not in raw


def test_ops_are_numbered_in_commit_order(counter: Counter, cli_actor: Actor) -> None:
    app = in_status(counter, cli_actor, "in_progress")
    ops = counter.ctx.outbox.pending()
    seqs = [op.seq for op in ops]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert len({op.op_id for op in ops}) == len(ops)
    mine = [op for op in ops if op.entity_id == app.id]
    assert [op.data.get("action", op.op) for op in mine] == ["create", "update", "accept", "start"]


# --- the scans of a draft are held back until the decision -----------------------------------------
# Sync v1 has no delete for attachments and the platform keeps them as sent, while a clerk may remove
# a scan of a draft: so a draft's scans are not sent, nor counted as work waiting to sync.
DECISIONS: dict[str, tuple[tuple[str, ...], Callable[[Counter, Actor, str], Any]]] = {
    # name: (materials left out before the decision, the decision)
    "accept": ((), lambda c, a, app_id: c.intake.accept(a, app_id)),
    "accept_pending": (
        MINOR,
        lambda c, a, app_id: c.intake.accept_pending(
            a, app_id, "承诺补齐", c.ctx.today() + timedelta(days=7)
        ),
    ),
    "notify_missing": (MINOR, lambda c, a, app_id: c.intake.notify_missing(a, app_id)),
    "refuse": ((), lambda c, a, app_id: c.intake.refuse(a, app_id, "不符合条件")),
    "withdraw": ((), lambda c, a, app_id: c.cases.withdraw(a, app_id, "申请人撤回")),
}


def _scan(counter: Counter, actor: Actor, app_id: str, code: str) -> str:
    return counter.intake.attach(actor, app_id, code, f"{code}.pdf", b"%PDF-1.4 scan " + code.encode())


def _sendable(counter: Counter) -> list[str]:
    return [op.entity_id for op in counter.exchange.pending_ops(10_000)]


@pytest.mark.parametrize("decision", DECISIONS)
def test_a_drafts_scans_wait_for_the_decision_then_go_in_their_order(
    counter: Counter, cli_actor: Actor, decision: str
) -> None:
    leave_out, decide = DECISIONS[decision]
    app = _with_materials(counter, cli_actor, leave_out)
    first = _scan(counter, cli_actor, app.id, "M01")
    decided = in_status(counter, cli_actor, "accepted")
    decided_scan = _scan(counter, cli_actor, decided.id, "M02")  # a decided application's: not held
    second = _scan(counter, cli_actor, app.id, "M02")

    sendable = _sendable(counter)
    assert first not in sendable and second not in sendable
    assert app.id in sendable and decided.id in sendable and decided_scan in sendable
    everything = counter.ctx.outbox.count(PENDING)
    assert counter.exchange.pending_count() == counter.admin.status().pending_ops == everything - 2

    decide(counter, cli_actor, app.id)
    ops = counter.exchange.pending_ops(10_000)
    assert [op.seq for op in ops] == sorted(op.seq for op in ops)
    assert [op.entity_id for op in ops] == [op.entity_id for op in counter.ctx.outbox.pending(10_000)]
    mine = [(op.entity, op.entity_id) for op in ops if op.entity_id in (app.id, first, second)]
    assert mine[-3:] == [("attachment", first), ("attachment", second), ("application", app.id)]
    assert counter.exchange.pending_count() == counter.admin.status().pending_ops == everything + 1


def test_only_attachment_ops_are_held_back(counter: Counter, cli_actor: Actor) -> None:
    app = new_draft(counter, cli_actor)
    counter.intake.record_materials(cli_actor, app.id, materials(counter))
    counter.intake.update_form(cli_actor, app.id, dict(app.form))
    scan = _scan(counter, cli_actor, app.id, "M01")
    assert scan in {op.entity_id for op in counter.ctx.outbox.pending(10_000)}  # pending, held back
    # The draft's own ops and its applicant's go out: the platform keeps the draft as it is.
    assert [op.entity for op in counter.exchange.pending_ops(10_000)] == [
        "applicant",
        "application",
        "application",
        "application",
    ]
    # A later page (``after_seq``) holds the scan back too.
    assert counter.exchange.pending_ops(10_000, after_seq=counter.ctx.outbox.for_entity(app.id)[-1].seq) == []


def test_holding_back_keeps_the_push_and_the_count_on_indexes(counter: Counter, cli_actor: Actor) -> None:
    app = new_draft(counter, cli_actor)
    _scan(counter, cli_actor, app.id, "M01")
    statements: list[str] = []
    conn = counter.ctx.store.conn
    conn.set_trace_callback(statements.append)
    try:
        counter.exchange.pending_ops(500, 0)
        counter.exchange.pending_count()
    finally:
        conn.set_trace_callback(None)
    push, count = (s for s in statements if "FROM outbox" in s)
    for sql in (push, count):
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        assert not [step for step in plan if step.startswith("SCAN")], plan  # no full scan
        assert not [step for step in plan if "TEMP B-TREE" in step], plan  # read in seq order
        assert any("outbox USING" in step and "INDEX outbox_state" in step for step in plan), plan
        # attachments and applications by primary key, only for the ops that are scans
        assert any("attachments USING INDEX sqlite_autoindex_attachments_1 (id=?)" in s for s in plan)
        assert any("applications USING INDEX sqlite_autoindex_applications_1 (id=?)" in s for s in plan)


def test_ops_read_together_keep_each_its_own_data(counter: Counter, cli_actor: Actor) -> None:
    """The sync engine reads a batch of ops with one parse of their payloads; each op still gets
    exactly its own data, and a payload that is not one JSON object fails the read instead of
    shifting the others' data by one."""
    people = list(PeopleGenerator(20261204).people(5))
    for person in people:
        counter.applicants.register_person(
            cli_actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
        )
    ops = counter.ctx.outbox.pending(100)
    assert [(op.data["name"], op.data["id_number"], op.data["address"]) for op in ops] == [
        (person.name, person.resident_id, person.address) for person in people
    ]

    # Sealed as the outbox seals, but two objects in one payload (only a foreign writer could).
    forged = counter.ctx.cipher.encrypt_bytes(b'{"name": "a"}, {"name": "b"}', "outbox.data")
    counter.ctx.store.execute("UPDATE outbox SET data_enc = ? WHERE seq = ?", (forged, ops[2].seq))
    with pytest.raises(ValueError):
        counter.ctx.outbox.pending(100)
