from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from counter_app.catalogue import (
    DEMO_CATALOGUE_PATH,
    IMPLEMENTATION_CODE_RE,
    ITEM_TYPES,
    Catalogue,
    FeeInfo,
    ServiceItem,
    TimeLimit,
    canonical_document,
    catalogue_to_dict,
    check_successor,
    load_catalogue,
    load_demo_catalogue,
    parse_catalogue,
    validate_form,
    validate_form_all,
)
from counter_app.errors import NotFound, ValidationError
from counter_app.resources import demo_catalogue_path

PENSION = "990101101-20-0101-001"
PENSION_CHECK = "990101101-20-0102-001"
DIBAO = "990101101-05-0001-001"
TEKUN = "990101101-05-0002-001"
BIRTH = "990101-07-0001-001"
MEDICAL = "990101101-20-0103-001"
HOMESTEAD = "990101101-01-0001-001"
EMPLOYMENT = "990101101-20-0301-001"


@pytest.fixture(scope="module")
def raw_doc() -> dict[str, Any]:
    return json.loads(DEMO_CATALOGUE_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo() -> Catalogue:
    return load_catalogue(DEMO_CATALOGUE_PATH)


# --------------------------------------------------------------------------------- demo content


def test_the_demo_catalogue_is_the_shipped_resource(demo: Catalogue) -> None:
    assert demo_catalogue_path() == DEMO_CATALOGUE_PATH
    assert load_demo_catalogue() == demo


def test_the_package_exports_what_it_lists() -> None:
    import counter_app.catalogue as package

    missing = [name for name in package.__all__ if not hasattr(package, name)]
    assert missing == []
    assert {"parse_catalogue", "validate_form", "Catalogue", "DEMO_CATALOGUE_PATH"} <= set(package.__all__)


def _english(text: str) -> bool:
    return bool(text.strip()) and not re.search(r"[\u3000-\u9fff\uff00-\uffef]", text)


def test_demo_catalogue_parses_with_enough_items(demo: Catalogue) -> None:
    assert demo.version == "2026.1"
    assert len(demo.items) >= 14
    assert demo.calendar_overrides == {}
    assert len(demo.active_items()) == len(demo.items)


def test_demo_items_are_complete_and_bilingual(demo: Catalogue) -> None:
    for item in demo.items:
        assert item.name and _english(item.name_en), item.code
        assert item.materials, item.code
        assert 2 <= len(item.form) <= 6, item.code
        assert item.legal_basis and item.acceptance_conditions, item.code
        assert item.fee == FeeInfo(False, "0", "不收费"), item.code
        assert IMPLEMENTATION_CODE_RE.match(item.code) and len(item.code) <= 32, item.code
        assert item.code.split("-")[1] == item.item_type
        for material in item.materials:
            assert material.name and _english(material.name_en) and material.issuer, (
                item.code,
                material.code,
            )
        for form_field in item.form:
            assert form_field.label and _english(form_field.label_en), (item.code, form_field.name)


def test_demo_contains_the_required_services(demo: Catalogue) -> None:
    names = {item.name for item in demo.items}
    for required in (
        "城乡居民基本养老保险参保登记",
        "最低生活保障审核确认",
        "特困人员救助供养审核确认",
        "临时救助",
        "困难残疾人生活补贴",
        "重度残疾人护理补贴",
        "高龄津贴",
        "出生登记",
        "城乡居民基本医疗保险参保登记",
        "农村宅基地和建房(规划许可)审批",
        "农村危房改造",
        "计划生育家庭奖励扶助",
        "优待证申领",
    ):
        assert required in names
    homestead = demo.item(HOMESTEAD)
    assert homestead.item_type == "01" and ITEM_TYPES["01"][0] == "行政许可"
    assert homestead.legal_limit == TimeLimit(20, "working_day")
    assert any(item.case_type == "on_the_spot" for item in demo.items)
    assert any("legal_person" in item.service_objects for item in demo.items)
    assert any(m.minor for item in demo.items for m in item.materials)
    assert any(not m.mandatory for item in demo.items for m in item.materials)


def test_item_lookup(demo: Catalogue) -> None:
    assert demo.item(DIBAO).name == "最低生活保障审核确认"
    with pytest.raises(NotFound):
        demo.item("no-such-item")
    assert demo.item(HOMESTEAD).material("M01").originals == 1
    assert demo.item(HOMESTEAD).form_field("floors").max == 3


# ------------------------------------------------------------------------------ round trip / etag


def test_round_trip(demo: Catalogue, raw_doc: dict[str, Any]) -> None:
    assert parse_catalogue(catalogue_to_dict(demo)) == demo
    # The demo file is written in canonical form: writing it back gives the same document.
    assert catalogue_to_dict(demo) == raw_doc


def test_round_trip_keeps_calendar_overrides_and_retired_items(raw_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(raw_doc)
    doc["calendar_overrides"] = [
        {"date": "2026-10-10", "working": True},
        {"date": "2026-05-04", "working": False},
    ]
    doc["items"][0]["status"] = "retired"
    cat = parse_catalogue(doc)
    assert cat.calendar_overrides == {date(2026, 5, 4): False, date(2026, 10, 10): True}
    assert parse_catalogue(catalogue_to_dict(cat)) == cat
    assert PENSION not in {item.code for item in cat.active_items()}


def test_etag_is_stable_and_follows_content(demo: Catalogue) -> None:
    again = load_catalogue(DEMO_CATALOGUE_PATH)
    assert demo.etag == again.etag
    assert len(demo.etag) == 64
    assert demo.etag == hashlib.sha256(canonical_document(demo)).hexdigest()

    renamed = dataclasses.replace(demo.items[0], name_en="Pension enrolment")
    edited = dataclasses.replace(demo, items=(renamed, *demo.items[1:]))
    assert edited.etag != demo.etag
    assert dataclasses.replace(demo, version="2026.2").etag != demo.etag
    # Key order in the source document does not matter.
    shuffled = json.loads(json.dumps(catalogue_to_dict(demo)), object_pairs_hook=lambda p: dict(reversed(p)))
    assert parse_catalogue(shuffled).etag == demo.etag


# ---------------------------------------------------------------------------- strict validation


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = doc
        for step in parents:
            target = target[step]
        target[last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = _steps(path)
        target: Any = doc
        for step in parents:
            target = target[step]
        del target[last]

    return mutate


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            steps.append(int(part[1:-1]))
        elif part:
            steps.append(part)
    return steps


def _copy_from(source: str, target: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        value: Any = doc
        for step in _steps(source):
            value = value[step]
        _set(target, copy.deepcopy(value))(doc)

    return mutate


MALFORMED = [
    ("missing version", _delete("version"), "version", "required"),
    ("version not a string", _set("version", 2026), "version", "type"),
    ("bad published_at", _set("published_at", "yesterday"), "published_at", "invalid"),
    ("items not a list", _set("items", {}), "items", "type"),
    ("item not an object", _set("items[5]", "x"), "items[5]", "type"),
    ("missing copies", _delete("items[3].materials[1].copies"), "items[3].materials[1].copies", "required"),
    ("copies as text", _set("items[3].materials[1].copies", "1"), "items[3].materials[1].copies", "type"),
    (
        "copies negative",
        _set("items[3].materials[1].copies", -1),
        "items[3].materials[1].copies",
        "out_of_range",
    ),
    (
        "mandatory as int",
        _set("items[2].materials[0].mandatory", 1),
        "items[2].materials[0].mandatory",
        "type",
    ),
    (
        "minor not mandatory",
        _set("items[2].materials[5].minor", True),
        "items[2].materials[5].minor",
        "invalid",
    ),
    (
        "bad extension",
        _set("items[2].materials[0].accepted_types", [".pdf"]),
        "items[2].materials[0].accepted_types[0]",
        "invalid",
    ),
    (
        "typo key",
        _set("items[4].materials[0].mandatroy", True),
        "items[4].materials[0].mandatroy",
        "unknown_key",
    ),
    ("unknown item key", _set("items[0].colour", "red"), "items[0].colour", "unknown_key"),
    ("unknown unit", _set("items[2].legal_limit.unit", "month"), "items[2].legal_limit.unit", "invalid"),
    ("limit value text", _set("items[2].legal_limit.value", "30"), "items[2].legal_limit.value", "type"),
    ("missing limit", _delete("items[2].promised_limit"), "items[2].promised_limit", "required"),
    (
        "promised over legal",
        _set("items[2].promised_limit.value", 31),
        "items[2].promised_limit",
        "limit_exceeds_legal",
    ),
    (
        "promised in working days over natural legal",
        _set("items[2].legal_limit.unit", "natural_day"),
        "items[2].promised_limit",
        "limit_exceeds_legal",
    ),
    (
        "on the spot with a promise",
        _set("items[1].promised_limit.value", 1),
        "items[1].promised_limit.value",
        "invalid",
    ),
    (
        "promised item promising 0",
        _set("items[2].promised_limit.value", 0),
        "items[2].promised_limit.value",
        "invalid",
    ),
    ("duplicate item code", _copy_from("items[0].code", "items[1].code"), "items[1].code", "duplicate"),
    (
        "duplicate material code",
        _copy_from("items[0].materials[0].code", "items[0].materials[1].code"),
        "items[0].materials[1].code",
        "duplicate",
    ),
    ("bad item type", _set("items[0].item_type", "11"), "items[0].item_type", "invalid"),
    ("item type as int", _set("items[0].item_type", 20), "items[0].item_type", "type"),
    ("code type segment mismatch", _set("items[0].item_type", "07"), "items[0].code", "item_type_mismatch"),
    ("bad code", _set("items[0].code", "abc/def"), "items[0].code", "invalid"),
    ("unknown level", _set("items[0].level", "galactic"), "items[0].level", "invalid"),
    ("unknown case type", _set("items[0].case_type", "later"), "items[0].case_type", "invalid"),
    (
        "unknown service object",
        _set("items[0].service_objects", ["robot"]),
        "items[0].service_objects[0]",
        "invalid",
    ),
    ("no service objects", _set("items[0].service_objects", []), "items[0].service_objects", "empty"),
    ("no legal basis", _set("items[0].legal_basis", []), "items[0].legal_basis", "empty"),
    ("unknown status", _set("items[0].status", "deleted"), "items[0].status", "invalid"),
    ("charged without amount", _set("items[0].fee.charged", True), "items[0].fee.amount_yuan", "invalid"),
    ("free with amount", _set("items[0].fee.amount_yuan", "5.00"), "items[0].fee.amount_yuan", "invalid"),
    ("bad amount", _set("items[0].fee.amount_yuan", "five"), "items[0].fee.amount_yuan", "invalid"),
    ("choices missing", _delete("items[0].form[0].choices"), "items[0].form[0].choices", "choices_required"),
    (
        "choices on text",
        _copy_from("items[0].form[0].choices", "items[3].form[3].choices"),
        "items[3].form[3].choices",
        "not_applicable",
    ),
    (
        "duplicate choice",
        _copy_from("items[0].form[0].choices[0]", "items[0].form[0].choices[1]"),
        "items[0].form[0].choices[1].value",
        "duplicate",
    ),
    (
        "unknown field type",
        _set("items[0].form[2].type", "email"),
        "items[0].form[2].type",
        "unknown_field_type",
    ),
    ("bad field name", _set("items[0].form[2].name", "Contact Mobile"), "items[0].form[2].name", "invalid"),
    (
        "duplicate field name",
        _copy_from("items[0].form[0].name", "items[0].form[1].name"),
        "items[0].form[1].name",
        "duplicate",
    ),
    ("min on a text field", _set("items[3].form[3].min", 1), "items[3].form[3].min", "not_applicable"),
    ("max below min", _set("items[10].form[4].max", 0), "items[10].form[4].max", "invalid"),
    ("decimal bound not a number", _set("items[10].form[2].max", "lots"), "items[10].form[2].max", "type"),
    ("date bound not a date", _set("items[4].form[2].min", "2020-13-01"), "items[4].form[2].min", "invalid"),
    ("bad pattern", _set("items[5].form[0].pattern", "([0-9"), "items[5].form[0].pattern", "invalid"),
    (
        "max_length on integer",
        _set("items[10].form[4].max_length", 3),
        "items[10].form[4].max_length",
        "not_applicable",
    ),
    (
        "duplicate override",
        _set("calendar_overrides", [{"date": "2026-10-10", "working": True}] * 2),
        "calendar_overrides[1].date",
        "duplicate",
    ),
    (
        "override bad date",
        _set("calendar_overrides", [{"date": "10/10/2026", "working": True}]),
        "calendar_overrides[0].date",
        "invalid",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "field", "code"), [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED]
)
def test_malformed_documents_name_the_field(
    raw_doc: dict[str, Any], mutate: Callable[[dict[str, Any]], None], field: str, code: str
) -> None:
    doc = copy.deepcopy(raw_doc)
    mutate(doc)
    with pytest.raises(ValidationError) as info:
        parse_catalogue(doc)
    assert info.value.field == field
    assert info.value.code == code


def test_malformed_fixture_indices_point_where_expected(raw_doc: dict[str, Any]) -> None:
    # The parametrised cases above rely on these positions in the demo file.
    items = raw_doc["items"]
    assert items[1]["case_type"] == "on_the_spot"
    assert (
        items[2]["legal_limit"] == {"value": 30, "unit": "working_day"}
        and items[2]["promised_limit"]["value"] == 20
    )
    assert items[2]["materials"][5]["mandatory"] is False
    assert items[0]["form"][0]["type"] == "choice" and items[0]["form"][2]["type"] == "mobile"
    assert items[3]["form"][3]["type"] == "text"
    assert items[4]["form"][2]["type"] == "date"
    assert items[5]["form"][0]["pattern"]
    assert items[10]["code"] == HOMESTEAD and items[10]["form"][4]["type"] == "integer"
    assert items[10]["form"][2]["type"] == "decimal"


def test_document_must_be_an_object() -> None:
    with pytest.raises(ValidationError) as info:
        parse_catalogue([])
    assert info.value.field == "catalogue" and info.value.code == "type"


def test_load_refuses_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": ', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_catalogue(path)
    assert info.value.field == "catalogue" and info.value.code == "json"


def test_time_limits_across_units() -> None:
    assert TimeLimit(10, "natural_day").fits_within(TimeLimit(10, "working_day"))
    assert not TimeLimit(11, "natural_day").fits_within(TimeLimit(10, "working_day"))
    assert TimeLimit(5, "working_day").fits_within(TimeLimit(30, "natural_day"))
    assert not TimeLimit(20, "working_day").fits_within(TimeLimit(20, "natural_day"))
    assert TimeLimit(0, "working_day").fits_within(TimeLimit(0, "natural_day"))
    with pytest.raises(ValidationError):
        TimeLimit(3, "fortnight")


def test_service_item_checks_promised_against_legal(demo: Catalogue) -> None:
    item = demo.item(DIBAO)
    with pytest.raises(ValidationError) as info:
        dataclasses.replace(item, promised_limit=TimeLimit(45))
    assert info.value.code == "limit_exceeds_legal"


# ------------------------------------------------------------------------------------------ search


def _codes(items: list[ServiceItem]) -> list[str]:
    return [item.code for item in items]


def test_search_by_chinese(demo: Catalogue) -> None:
    assert _codes(demo.search("宅基地")) == [HOMESTEAD]
    assert _codes(demo.search("最低生活"))[0] == DIBAO
    assert _codes(demo.search("低保"))[0] == DIBAO  # by keyword
    assert set(_codes(demo.search("残疾人"))) >= {"990101-05-0004-001", "990101-05-0005-001"}
    assert _codes(demo.search("出生"))[0] == BIRTH


def test_search_by_english_is_case_insensitive(demo: Catalogue) -> None:
    assert _codes(demo.search("BIRTH REGISTRATION")) == [BIRTH]
    assert set(_codes(demo.search("medical insurance"))) == {MEDICAL}
    assert EMPLOYMENT in _codes(demo.search("employers"))


def test_search_by_pinyin_initials(demo: Catalogue) -> None:
    assert demo.item(PENSION).pinyin_initials == "cxjmjbylbxcbdj"
    assert demo.item(HOMESTEAD).pinyin_initials == "nczjdhjfghxksp"
    assert _codes(demo.search("zdshbz")) == [DIBAO]
    assert _codes(demo.search("TKRY")) == [TEKUN]
    found = _codes(demo.search("cxjm"))
    assert found[:3] == [PENSION, PENSION_CHECK, MEDICAL]  # prefix matches, in catalogue order
    assert DIBAO in _codes(demo.search("shbz"))  # substring of the initials


def test_search_by_code_and_empty_text(demo: Catalogue) -> None:
    assert _codes(demo.search(HOMESTEAD)) == [HOMESTEAD]
    assert len(demo.search("  ")) == len(demo.items)
    assert demo.search("完全不存在的事项") == []


def test_search_skips_retired_items_unless_asked(demo: Catalogue) -> None:
    retired = dataclasses.replace(demo.item(HOMESTEAD), status="retired")
    cat = dataclasses.replace(demo, items=tuple(retired if i.code == HOMESTEAD else i for i in demo.items))
    assert cat.search("宅基地") == []
    assert _codes(cat.search("宅基地", include_retired=True)) == [HOMESTEAD]


def test_import_does_not_load_pypinyin() -> None:
    code = "import sys, counter_app.catalogue; print('pypinyin' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -------------------------------------------------------------------------------------- versioning


def test_successor_may_retire_but_not_remove_an_item_in_use(demo: Catalogue) -> None:
    without = dataclasses.replace(
        demo, version="2026.2", items=tuple(i for i in demo.items if i.code != TEKUN)
    )
    with pytest.raises(ValidationError) as info:
        check_successor(demo, without, {TEKUN, DIBAO})
    assert info.value.field == f"items.{TEKUN}"
    assert info.value.code == "item_in_use"

    retired = dataclasses.replace(
        demo,
        version="2026.2",
        items=tuple(dataclasses.replace(i, status="retired") if i.code == TEKUN else i for i in demo.items),
    )
    check_successor(demo, retired, {TEKUN, DIBAO})
    check_successor(demo, without, {DIBAO})  # an unused item may go


def test_successor_needs_a_new_version(demo: Catalogue) -> None:
    with pytest.raises(ValidationError) as info:
        check_successor(demo, demo, set())
    assert info.value.field == "version" and info.value.code == "same_version"


# ------------------------------------------------------------------------------------ form checks


def _homestead_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "application_type": "rebuild",
        "village": "  青山村 ",
        "site_area_m2": "120.50",
        "floor_area_m2": 240,
        "floors": "２",  # full-width digit typed with a Chinese IME
        "household_members": 4,
    }
    data.update(changes)
    return data


def test_validate_form_cleans_values(demo: Catalogue) -> None:
    cleaned = validate_form(demo.item(HOMESTEAD), _homestead_data())
    assert cleaned == {
        "application_type": "rebuild",
        "village": "青山村",
        "site_area_m2": "120.50",
        "floor_area_m2": "240",
        "floors": 2,
        "household_members": 4,
    }


def test_validate_form_dates_bools_and_optional_fields(demo: Catalogue) -> None:
    item = demo.item(DIBAO)
    cleaned = validate_form(
        item,
        {
            "household_size": 3,
            "monthly_income_per_capita": "612.5",
            "housing": "own",
            "has_disabled_member": "是",
            "has_seriously_ill_member": "",
        },
    )
    assert cleaned == {
        "household_size": 3,
        "monthly_income_per_capita": "612.5",
        "housing": "own",
        "has_disabled_member": True,
    }
    temporary = demo.item("990101101-05-0003-001")
    cleaned = validate_form(
        temporary,
        {
            "assistance_type": "emergency",
            "cause": "fire",
            "incident_date": "2026年1月5日",
            "description": "房屋失火",
        },
    )
    assert cleaned["incident_date"] == "2026-01-05"
    assert (
        validate_form(temporary, {**cleaned, "incident_date": date(2026, 2, 1)})["incident_date"]
        == "2026-02-01"
    )


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"village": None}, "form.village", "required"),
        ({"village": "   "}, "form.village", "required"),
        ({"village": 12}, "form.village", "type"),
        ({"village": "青" * 31}, "form.village", "max_length"),
        ({"floors": "two"}, "form.floors", "type"),
        ({"floors": True}, "form.floors", "type"),
        ({"floors": 4}, "form.floors", "max"),
        ({"household_members": 0}, "form.household_members", "min"),
        ({"site_area_m2": "150"}, "form.site_area_m2", "max"),
        ({"site_area_m2": "0.5"}, "form.site_area_m2", "min"),
        ({"site_area_m2": "NaN"}, "form.site_area_m2", "type"),
        ({"application_type": "castle"}, "form.application_type", "choice"),
        ({"colour": "red"}, "form.colour", "unknown_field"),
    ],
)
def test_validate_form_rejects_with_field_names(
    demo: Catalogue, changes: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        validate_form(demo.item(HOMESTEAD), _homestead_data(**changes))
    assert info.value.field == field
    assert info.value.code == code


def test_validate_form_all_collects_every_problem(demo: Catalogue) -> None:
    cleaned, errors = validate_form_all(
        demo.item(HOMESTEAD), {"application_type": "new", "floors": 9, "site_area_m2": "x", "extra": 1}
    )
    assert cleaned == {"application_type": "new"}
    assert [(e.field, e.code) for e in errors] == [
        ("form.village", "required"),
        ("form.site_area_m2", "type"),
        ("form.floor_area_m2", "required"),
        ("form.floors", "max"),
        ("form.household_members", "required"),
        ("form.extra", "unknown_field"),
    ]


def _birth_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "child_name": "李安然",
        "child_sex": "female",
        "birth_date": "2026-01-03",
        "birth_certificate_no": "Q330012345",
        "mother_id_number": "11010519491231002x",
    }
    data.update(changes)
    return data


def test_validate_form_identifiers(demo: Catalogue) -> None:
    cleaned = validate_form(demo.item(BIRTH), _birth_data())
    assert cleaned["mother_id_number"] == "11010519491231002X"
    assert "father_id_number" not in cleaned

    for changes, field, code in [
        ({"mother_id_number": "110105194912310021"}, "form.mother_id_number", "checksum"),
        ({"mother_id_number": "1101051949"}, "form.mother_id_number", "format"),
        ({"birth_certificate_no": "q33001"}, "form.birth_certificate_no", "pattern"),
        ({"birth_date": "2026-02-30"}, "form.birth_date", "type"),
        ({"birth_date": "1999-12-31"}, "form.birth_date", "min"),
    ]:
        with pytest.raises(ValidationError) as info:
            validate_form(demo.item(BIRTH), _birth_data(**changes))
        assert (info.value.field, info.value.code) == (field, code)

    employment = demo.item(EMPLOYMENT)
    data = {
        "employer_uscc": "91350100m000100y43",
        "employer_name": "青山农业发展有限公司",
        "employees": "12",
        "hire_date": "2026-01-02",
        "contact_mobile": "138 0013 8000",
    }
    cleaned = validate_form(employment, data)
    assert cleaned["employer_uscc"] == "91350100M000100Y43"
    assert cleaned["contact_mobile"] == "13800138000"
    with pytest.raises(ValidationError) as info:
        validate_form(employment, {**data, "employer_uscc": "91350100M000100Y44"})
    assert (info.value.field, info.value.code) == ("form.employer_uscc", "checksum")
    with pytest.raises(ValidationError) as info:
        validate_form(employment, {**data, "contact_mobile": "12345678901"})
    assert (info.value.field, info.value.code) == ("form.contact_mobile", "format")
