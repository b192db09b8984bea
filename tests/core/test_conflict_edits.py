"""The values a supervisor types to resolve a conflict ("edit and keep") are read and checked by the
entity fields' kinds and limits (counter_app/entity_fields.py), and a refusal names the field."""

from __future__ import annotations

from typing import Any

import pytest

from counter_app.errors import ValidationError
from counter_app.services.conflicts import check_edits, parse_value


@pytest.mark.parametrize(
    ("entity", "name", "text", "value"),
    [
        ("application", "limit_value", " 20 ", 20),
        ("application", "missing_materials", '["M01", "M02"]', ["M01", "M02"]),
        ("application", "form", '{"income": "1200"}', {"income": "1200"}),
        ("application", "commitment", "三日内补交", "三日内补交"),
        ("application", "due_date", "  ", None),
        ("applicant", "phone", "13800138001", "13800138001"),
    ],
)
def test_typed_text_is_read_as_the_fields_kind(entity: str, name: str, text: str, value: Any) -> None:
    assert parse_value(entity, name, text) == value


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [("limit_value", "twenty", "integer"), ("form", "{income", "json"), ("nickname", "x", "unknown_field")],
)
def test_typed_text_that_is_not_the_fields_kind_is_refused(name: str, text: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_value("application", name, text)
    assert (refused.value.field, refused.value.code) == (name, code)


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"limit_value": 10001}, "limit_value", "range"),
        ({"limit_value": True}, "limit_value", "integer"),
        ({"limit_unit": "week"}, "limit_unit", "choice"),
        ({"due_date": "next Friday"}, "due_date", "date"),
        ({"commitment": "字" * 5001}, "commitment", "max_length"),
        ({"missing_materials": "M01"}, "missing_materials", "list"),
        ({"form": ["income"]}, "form", "object"),
        ({"receipt_no": "QS20261123000001"}, "receipt_no", "immutable"),
        ({"action": "accept"}, "action", "lifecycle"),
        ({"status": "completed"}, "status", "lifecycle"),
        ({"result_reason": "另行处理"}, "result_reason", "not_in_conflict"),
        ({}, "values", "required"),
    ],
)
def test_edits_are_checked_like_a_change(values: dict[str, Any], field: str, code: str) -> None:
    conflicting = ["limit_value", "limit_unit", "due_date", "commitment", "missing_materials", "form"]
    with pytest.raises(ValidationError) as refused:
        check_edits("application", conflicting, values)
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_valid_edit_comes_back_as_the_values_to_send() -> None:
    values = {
        "limit_value": 15,
        "limit_unit": "working_day",
        "due_date": "2026-12-14",
        "accepted_at": "2026-11-23T09:30:00+08:00",
        "commitment": None,
    }
    assert check_edits("application", list(values), values) == values
    # a required field may not be cleared; a mobile number is taken as typed, normalised
    with pytest.raises(ValidationError) as refused:
        check_edits("rectification", ["due_date"], {"due_date": ""})
    assert (refused.value.field, refused.value.code) == ("due_date", "required")
    assert check_edits("applicant", ["phone"], {"phone": "138 0013 8001"}) == {"phone": "13800138001"}
    with pytest.raises(ValidationError) as refused:
        check_edits("applicant", ["phone"], {"phone": "12345"})
    assert (refused.value.field, refused.value.code) == ("phone", "format")
