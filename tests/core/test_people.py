from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from counter_app.ids import (
    birth_date_from_resident_id,
    is_valid_mobile,
    is_valid_resident_id,
    is_valid_uscc,
    sex_from_resident_id,
)
from counter_app.people import DEFAULT_REFERENCE_DATE, FakeOrganisation, FakePerson, PeopleGenerator

CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")
ADDRESS = re.compile(r".+?(省|自治区).+?市.+?县.+?[镇乡].+?村.+?组\d+号")


@pytest.fixture(scope="module")
def crowd() -> list[FakePerson]:
    return list(PeopleGenerator(20240601).people(20_000))


def test_same_seed_same_people() -> None:
    a, b = PeopleGenerator(7), PeopleGenerator(7)
    assert [a.person() for _ in range(200)] == [b.person() for _ in range(200)]
    assert [a.organisation() for _ in range(20)] == [b.organisation() for _ in range(20)]


def test_different_seed_different_people() -> None:
    a = list(PeopleGenerator(1).people(50))
    b = list(PeopleGenerator(2).people(50))
    assert a != b
    assert {p.resident_id for p in a}.isdisjoint({p.resident_id for p in b})


def test_global_random_is_not_used() -> None:
    import random

    random.seed(1)
    a = PeopleGenerator(3).person()
    random.seed(2)
    b = PeopleGenerator(3).person()
    assert a == b


def test_every_person_is_valid_and_consistent(crowd: list[FakePerson]) -> None:
    for p in crowd:
        assert is_valid_resident_id(p.resident_id, today=DEFAULT_REFERENCE_DATE), p
        assert is_valid_mobile(p.mobile), p
        assert p.mobile[:2] in {"13", "15", "18", "19"}
        assert sex_from_resident_id(p.resident_id) == p.sex
        assert birth_date_from_resident_id(p.resident_id) == p.birth_date
        assert CJK.fullmatch(p.name), p.name
        assert ADDRESS.fullmatch(p.address), p.address


def test_ages_are_18_to_90(crowd: list[FakePerson]) -> None:
    ref = DEFAULT_REFERENCE_DATE

    def age(born: date) -> int:
        return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))

    ages = [age(p.birth_date) for p in crowd]
    assert min(ages) == 18
    assert max(ages) == 90


def test_custom_reference_date_and_ages() -> None:
    gen = PeopleGenerator(5, reference_date=date(2024, 2, 29), min_age=30, max_age=30)
    for p in gen.people(500):
        assert date(1993, 3, 1) <= p.birth_date <= date(1994, 2, 28)
    with pytest.raises(ValueError):
        PeopleGenerator(5, min_age=40, max_age=30)


def test_no_duplicate_resident_ids(crowd: list[FakePerson]) -> None:
    ids = [p.resident_id for p in crowd]
    assert len(set(ids)) == len(ids)


def test_no_duplicates_when_slots_run_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # With one sequence code per (county, birth date, sex) and a one-year age band, a slot is
    # taken again very often: the generator must draw again rather than repeat a number.
    monkeypatch.setattr("counter_app.people._MAX_PER_SLOT", 1)
    gen = PeopleGenerator(11, min_age=20, max_age=20)
    ids = [p.resident_id for p in gen.people(30_000)]
    assert len(set(ids)) == len(ids)
    assert len({(i[:14], int(i[16]) % 2) for i in ids}) == len(ids)  # really one code per slot


def test_realistic_variety(crowd: list[FakePerson]) -> None:
    sexes = Counter(p.sex for p in crowd)
    assert 0.45 < sexes["male"] / len(crowd) < 0.55
    surnames = Counter(p.name[0] for p in crowd)
    assert surnames.most_common(3)[0][0] in {"王", "李", "张"}
    assert len(surnames) > 80
    assert any(p.name.startswith("欧阳") for p in crowd)  # rare compound surnames do occur
    assert len({p.name for p in crowd}) > 5_000
    assert len({p.resident_id[:6] for p in crowd}) > 100  # many counties
    assert len({p.resident_id[:2] for p in crowd}) >= 10  # several provinces
    lengths = Counter(len(p.name) for p in crowd)
    assert lengths[2] > 1000 and lengths[3] > 10_000


def test_organisations() -> None:
    gen = PeopleGenerator(99)
    orgs = list(gen.organisations(2_000))
    assert len({o.uscc for o in orgs}) == len(orgs)
    kinds = Counter(o.kind for o in orgs)
    assert set(kinds) == {"cooperative", "company", "individual_business"}
    for o in orgs:
        assert isinstance(o, FakeOrganisation)
        assert is_valid_uscc(o.uscc), o
        assert is_valid_mobile(o.mobile)
        assert is_valid_resident_id(o.legal_representative.resident_id, today=DEFAULT_REFERENCE_DATE)
        # Category, then the county of the organisation (and of its representative).
        assert o.uscc[:2] == {"cooperative": "93", "company": "91", "individual_business": "92"}[o.kind]
        assert o.uscc[2:8] == o.legal_representative.resident_id[:6]
        assert ADDRESS.fullmatch(o.address), o.address
        assert re.fullmatch(r"[\u4e00-\u9fff]+", o.name), o.name
        if o.kind == "cooperative":
            assert o.name.endswith("专业合作社")
        elif o.kind == "company":
            assert o.name.endswith("有限公司")
