"""Registering applicants (citizens and organisations) through the real store."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.ids import resident_id_check_char, uscc_check_char
from counter_app.people import PeopleGenerator
from counter_app.services.applicants import OrganisationInput, PersonInput

# GB 11643-1999's own example (DESIGN §3): born 1949-12-31, 17th digit 2 (even) → female.
FEMALE_ID = "11010519491231002X"
# GB 32100-2015's example (DESIGN §3).
USCC = "91350100M000100Y43"


def _male_id() -> str:
    first17 = "44030619850704001"  # 17th digit 1 (odd) → male, born 1985-07-04
    return first17 + resident_id_check_char(first17)


def _wrong_check(number: str) -> str:
    alphabet = "0123456789X"
    return number[:17] + next(ch for ch in alphabet if ch != number[17])


def _counts(counter: Counter) -> tuple[int, int, int]:
    store = counter.ctx.store
    return (
        int(store.scalar("SELECT count(*) FROM applicants")),
        int(store.scalar("SELECT count(*) FROM outbox")),
        int(store.scalar("SELECT count(*) FROM audit_events")),
    )


def test_register_person_derives_birth_date_and_sex(counter: Counter, cli_actor: Actor) -> None:
    female = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID, "13800138000"))
    male = counter.applicants.register_person(cli_actor, PersonInput("李四", _male_id()))
    assert (female.birth_date, female.sex) == ("1949-12-31", "female")
    assert (male.birth_date, male.sex) == ("1985-07-04", "male")
    assert female.kind == "person" and female.id_type == "resident_id"
    assert female.id_masked == "110105********002X"
    assert female.phone_masked == "138****8000"
    assert male.phone_masked is None
    assert female.version == 0 and female.sync_state == "pending"


def test_register_person_with_generated_citizen(counter: Counter, cli_actor: Actor) -> None:
    person = PeopleGenerator(7).person()
    summary = counter.applicants.register_person(
        cli_actor, PersonInput(person.name, person.resident_id, person.mobile, person.address)
    )
    assert summary.birth_date == person.birth_date.isoformat()
    assert summary.sex == person.sex
    details = counter.applicants.reveal(cli_actor, summary.id)
    assert (details.id_number, details.phone, details.address) == (
        person.resident_id,
        person.mobile,
        person.address,
    )


def test_personal_data_is_not_stored_in_plaintext(counter: Counter, cli_actor: Actor) -> None:
    summary = counter.applicants.register_person(
        cli_actor, PersonInput("张三", FEMALE_ID, "13800138000", "北京市西城区某街1号")
    )
    row = counter.ctx.store.one("SELECT * FROM applicants WHERE id = ?", (summary.id,))
    assert row is not None
    for value in row.values():
        blob = value if isinstance(value, bytes) else str(value).encode("utf-8")
        assert FEMALE_ID.encode() not in blob
        assert b"13800138000" not in blob
        assert "某街".encode() not in blob


def test_lowercase_check_character_is_normalised_and_found(counter: Counter, cli_actor: Actor) -> None:
    summary = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID.lower()))
    assert counter.applicants.reveal(cli_actor, summary.id).id_number == FEMALE_ID
    found = counter.applicants.find_by_id_number(cli_actor, FEMALE_ID)
    assert found is not None and found.id == summary.id


@pytest.mark.parametrize("second", [FEMALE_ID, FEMALE_ID.lower(), f" {FEMALE_ID} "])
def test_duplicate_id_number_is_refused(counter: Counter, cli_actor: Actor, second: str) -> None:
    counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID))
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.applicants.register_person(cli_actor, PersonInput("张三丰", second))
    assert info.value.field == "id_number"
    assert info.value.code == "duplicate"
    assert _counts(counter) == before


def test_invalid_checksum_names_the_field(counter: Counter, cli_actor: Actor) -> None:
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.applicants.register_person(cli_actor, PersonInput("张三", _wrong_check(FEMALE_ID)))
    assert (info.value.field, info.value.code) == ("id_number", "checksum")
    assert _counts(counter) == before


def test_future_birth_date_is_refused(counter: Counter, cli_actor: Actor) -> None:
    today = counter.ctx.today()
    future = date(today.year + 1, 1, 1)
    first17 = f"110105{future:%Y%m%d}001"
    with pytest.raises(ValidationError) as info:
        counter.applicants.register_person(
            cli_actor, PersonInput("张三", first17 + resident_id_check_char(first17))
        )
    assert (info.value.field, info.value.code) == ("id_number", "birth_date")


@pytest.mark.parametrize("phone", ["12800138000", "1380013800", "138001380001", "abcdefghijk", "23800138000"])
def test_bad_mobile_is_refused_at_the_phone_field(counter: Counter, cli_actor: Actor, phone: str) -> None:
    before = _counts(counter)
    with pytest.raises(ValidationError) as info:
        counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID, phone))
    assert info.value.field == "phone"
    assert _counts(counter) == before


def test_name_is_required(counter: Counter, cli_actor: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        counter.applicants.register_person(cli_actor, PersonInput("   ", FEMALE_ID))
    assert (info.value.field, info.value.code) == ("name", "required")


def test_register_person_writes_one_op_and_one_event(counter: Counter, cli_actor: Actor) -> None:
    applicants, ops, events = _counts(counter)
    summary = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID, "13800138000"))
    assert _counts(counter) == (applicants + 1, ops + 1, events + 1)
    (op,) = counter.ctx.outbox.for_entity(summary.id)
    assert (op.entity, op.op, op.base_version, op.user_id) == ("applicant", "create", 0, cli_actor.user_id)
    assert op.data["id_number"] == FEMALE_ID
    assert op.data["phone"] == "13800138000"
    assert op.data["birth_date"] == "1949-12-31" and op.data["sex"] == "female"
    last = counter.ctx.audit_log.recent(1)[0]
    assert (last["action"], last["entity_id"], last["actor"]) == (
        "applicant.register",
        summary.id,
        cli_actor.audit_name,
    )
    assert FEMALE_ID not in last["detail"]


def test_register_organisation(counter: Counter, cli_actor: Actor) -> None:
    summary = counter.applicants.register_organisation(
        cli_actor, OrganisationInput("某某农业专业合作社", USCC, "王五", "13900139000", "某县某镇")
    )
    assert (summary.kind, summary.id_type, summary.representative) == ("organisation", "uscc", "王五")
    assert summary.birth_date is None and summary.sex is None
    assert USCC not in (summary.id_masked or "")
    assert counter.applicants.reveal(cli_actor, summary.id).id_number == USCC
    (op,) = counter.ctx.outbox.for_entity(summary.id)
    assert op.data["id_number"] == USCC and op.data["kind"] == "organisation"


def test_organisation_duplicate_and_invalid_codes(counter: Counter, cli_actor: Actor) -> None:
    counter.applicants.register_organisation(cli_actor, OrganisationInput("甲合作社", USCC, "王五"))
    with pytest.raises(ValidationError) as duplicate:
        counter.applicants.register_organisation(cli_actor, OrganisationInput("乙合作社", USCC, "赵六"))
    assert (duplicate.value.field, duplicate.value.code) == ("uscc", "duplicate")
    first17 = USCC[:17]
    wrong = first17 + next(ch for ch in "0123456789" if ch != uscc_check_char(first17))
    with pytest.raises(ValidationError) as bad:
        counter.applicants.register_organisation(cli_actor, OrganisationInput("丙合作社", wrong, "赵六"))
    assert (bad.value.field, bad.value.code) == ("uscc", "checksum")
    with pytest.raises(ValidationError) as no_rep:
        counter.applicants.register_organisation(
            cli_actor, OrganisationInput("丁合作社", PeopleGenerator(3).organisation().uscc, " ")
        )
    assert no_rep.value.field == "representative"


def test_reveal_is_audited(counter: Counter, cli_actor: Actor) -> None:
    summary = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID, "13800138000"))
    before = counter.ctx.audit_log.count()
    counter.applicants.reveal(cli_actor, summary.id, purpose="print notice")
    assert counter.ctx.audit_log.count() == before + 1
    event = counter.ctx.audit_log.recent(1)[0]
    assert (event["action"], event["entity"], event["entity_id"], event["actor"]) == (
        "applicant.view",
        "applicant",
        summary.id,
        cli_actor.audit_name,
    )
    assert FEMALE_ID not in event["detail"] and "13800138000" not in event["detail"]
    assert counter.admin.verify_audit(cli_actor).ok


def test_search_by_name_initials_and_phone(counter: Counter, cli_actor: Actor) -> None:
    zhang = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID, "13800138000"))
    li = counter.applicants.register_person(cli_actor, PersonInput("李四", _male_id(), "13900139000"))
    assert [s.id for s in counter.applicants.search(cli_actor, "张")] == [zhang.id]
    assert [s.id for s in counter.applicants.search(cli_actor, "ls")] == [li.id]
    assert [s.id for s in counter.applicants.search(cli_actor, "13900139000")] == [li.id]
    assert counter.applicants.search(cli_actor, "王") == []


def test_update_contact_queues_an_update(counter: Counter, cli_actor: Actor) -> None:
    summary = counter.applicants.register_person(cli_actor, PersonInput("张三", FEMALE_ID))
    updated = counter.applicants.update_contact(cli_actor, summary.id, phone="13700137000")
    assert updated.phone_masked == "137****7000"
    ops = counter.ctx.outbox.for_entity(summary.id)
    assert [op.op for op in ops] == ["create", "update"]
    assert ops[1].data == {"phone": "13700137000", "updated_at": counter.ctx.now_iso()}
    with pytest.raises(ValidationError) as info:
        counter.applicants.update_contact(cli_actor, summary.id, phone="123")
    assert info.value.field == "phone"
    assert len(counter.ctx.outbox.for_entity(summary.id)) == 2
