"""The catalogue's JSON document: parsing it into the model (every problem a ValidationError
naming its dotted path, e.g. ``items[3].materials[1].copies``) and writing it back
(``parse_catalogue(catalogue_to_dict(c)) == c``; ``canonical_document`` is what the ETag hashes).

A catalogue document is JSON::

    {"version": "2026.1", "published_at": "2026-01-05T09:00:00+08:00",
     "calendar_overrides": [{"date": "2026-10-10", "working": true}],
     "items": [{"code": ..., "name": ..., "materials": [...], "form": [...], ...}]}

Implementation codes (实施编码) in Counter's catalogues follow ``IMPLEMENTATION_CODE_RE``:
``<division code: 6 digits county / 9 digits township>-<item type, 2 digits>-<basic item number,
4 digits>-<implementation sequence, 3 digits>``, e.g. ``990101101-05-0001-001`` (21 characters).
The parser accepts any code of letters, digits and ``-`` up to 32 characters, so a province may
keep its own numbering; when a code has Counter's shape, its type segment must match ``item_type``.

Unknown keys are refused (they are usually typos). ``pinyin_initials`` is derived, never stored.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.canonical import canonical_json
from counter_app.catalogue.forms import bound_key, decimal_text, to_decimal
from counter_app.catalogue.model import (
    CASE_TYPES,
    FIELD_TYPES,
    ITEM_TYPES,
    LEVELS,
    RANGE_TYPES,
    SERVICE_OBJECTS,
    STATUSES,
    TEXT_TYPES,
    TIME_UNITS,
    Catalogue,
    Choice,
    FeeInfo,
    FormField,
    Material,
    ServiceItem,
    TimeLimit,
)
from counter_app.errors import ValidationError
from counter_app.resources import demo_catalogue_path

# The demo catalogue shipped in resources/ (``load_demo_catalogue`` looks it up on each call).
DEMO_CATALOGUE_PATH: Path = demo_catalogue_path()

IMPLEMENTATION_CODE_RE = re.compile(r"^\d{6}(?:\d{3})?-(\d{2})-\d{4}-\d{3}$")
_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,31}$")
_MATERIAL_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$")
_FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,47}$")
_EXTENSION_RE = re.compile(r"^[a-z0-9]{1,8}$")
_MONEY_RE = re.compile(r"^\d{1,9}(?:\.\d{1,2})?$")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_MISSING = object()


class _Reader:
    """Reads one JSON object, naming every problem by its dotted path."""

    def __init__(self, doc: Any, path: str, known: Iterable[str]) -> None:
        if not isinstance(doc, dict):
            raise ValidationError(path or "catalogue", "must be an object", code="type")
        self.doc = doc
        self.path = path
        for key in doc:
            if key not in known:
                raise ValidationError(_join(path, str(key)), "unknown key", code="unknown_key")

    def at(self, key: str) -> str:
        return _join(self.path, key)

    def value(self, key: str, default: Any = _MISSING) -> Any:
        value = self.doc.get(key, _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                raise ValidationError(self.at(key), "is required", code="required")
            return default
        return value

    def text(self, key: str, *, default: Any = _MISSING, empty: bool = False) -> str:
        value = self.value(key, default)
        if not isinstance(value, str):
            raise ValidationError(self.at(key), "must be a string", code="type")
        if not empty and not value.strip():
            raise ValidationError(self.at(key), "must not be empty", code="empty")
        return value

    def boolean(self, key: str, *, default: Any = _MISSING) -> bool:
        value = self.value(key, default)
        if not isinstance(value, bool):
            raise ValidationError(self.at(key), "must be true or false", code="type")
        return value

    def integer(
        self, key: str, *, default: Any = _MISSING, low: int | None = None, high: int | None = None
    ) -> int:
        value = self.value(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(self.at(key), "must be a whole number", code="type")
        if low is not None and value < low:
            raise ValidationError(self.at(key), f"must be at least {low}", code="out_of_range")
        if high is not None and value > high:
            raise ValidationError(self.at(key), f"must be at most {high}", code="out_of_range")
        return value

    def one_of(self, key: str, allowed: Mapping[str, Any] | Iterable[str], *, default: Any = _MISSING) -> str:
        value = self.text(key, default=default)
        if value not in allowed:
            raise ValidationError(
                self.at(key), f"unknown value {value!r}; expected one of {', '.join(allowed)}", code="invalid"
            )
        return value

    def array(self, key: str, *, default: Any = _MISSING, nonempty: bool = False) -> list[Any]:
        value = self.value(key, default)
        if not isinstance(value, list):
            raise ValidationError(self.at(key), "must be a list", code="type")
        if nonempty and not value:
            raise ValidationError(self.at(key), "must not be empty", code="empty")
        return value

    def texts(
        self,
        key: str,
        *,
        default: Any = _MISSING,
        nonempty: bool = False,
        unique: bool = True,
        check: Callable[[str, str], None] | None = None,
    ) -> tuple[str, ...]:
        values = self.array(key, default=default, nonempty=nonempty)
        seen: set[str] = set()
        for index, value in enumerate(values):
            where = f"{self.at(key)}[{index}]"
            if not isinstance(value, str):
                raise ValidationError(where, "must be a string", code="type")
            if not value.strip():
                raise ValidationError(where, "must not be empty", code="empty")
            if unique and value in seen:
                raise ValidationError(where, f"{value!r} is listed twice", code="duplicate")
            if check is not None:
                check(value, where)
            seen.add(value)
        return tuple(values)


def _checked_code(value: str, where: str, pattern: re.Pattern[str]) -> str:
    if not pattern.match(value):
        raise ValidationError(
            where, f"{value!r} is not a valid code (letters, digits, '-', at most 32)", code="invalid"
        )
    return value


_TIME_LIMIT_KEYS = ("value", "unit")


def _parse_time_limit(doc: Any, path: str) -> TimeLimit:
    r = _Reader(doc, path, _TIME_LIMIT_KEYS)
    value = r.integer("value", low=0, high=3650)
    unit = r.one_of("unit", TIME_UNITS)
    return TimeLimit(value, unit)


_FEE_KEYS = ("charged", "amount_yuan", "basis")


def _parse_fee(doc: Any, path: str) -> FeeInfo:
    r = _Reader(doc, path, _FEE_KEYS)
    charged = r.boolean("charged")
    amount = r.text("amount_yuan", default="0")
    if not _MONEY_RE.match(amount):
        raise ValidationError(r.at("amount_yuan"), "must be an amount in yuan like '12.50'", code="invalid")
    basis = r.text("basis", default="", empty=True)
    if charged and Decimal(amount) == 0:
        raise ValidationError(r.at("amount_yuan"), "a charged fee needs an amount", code="invalid")
    if charged and not basis.strip():
        raise ValidationError(r.at("basis"), "a charged fee needs its legal basis", code="required")
    if not charged and Decimal(amount) != 0:
        raise ValidationError(r.at("amount_yuan"), "a free item has amount 0", code="invalid")
    return FeeInfo(charged, amount, basis)


_MATERIAL_KEYS = tuple(f.name for f in dataclasses.fields(Material))


def _parse_material(doc: Any, path: str) -> Material:
    r = _Reader(doc, path, _MATERIAL_KEYS)
    code = _checked_code(r.text("code"), r.at("code"), _MATERIAL_CODE_RE)
    name = r.text("name")
    name_en = r.text("name_en")
    issuer = r.text("issuer", empty=True)
    originals = r.integer("originals", low=0, high=99)
    copies = r.integer("copies", low=0, high=99)
    mandatory = r.boolean("mandatory")
    minor = r.boolean("minor", default=False)
    if minor and not mandatory:
        raise ValidationError(
            r.at("minor"), "only a mandatory material can be pending (容缺)", code="invalid"
        )

    def extension(value: str, where: str) -> None:
        if not _EXTENSION_RE.match(value):
            raise ValidationError(
                where, "must be a lower-case file extension without the dot", code="invalid"
            )

    accepted = r.texts("accepted_types", default=["pdf", "jpg", "png"], nonempty=True, check=extension)
    max_size_mb = r.integer("max_size_mb", default=10, low=1, high=1024)
    notes = r.text("notes", default="", empty=True)
    return Material(
        code, name, name_en, issuer, originals, copies, mandatory, minor, accepted, max_size_mb, notes
    )


_CHOICE_KEYS = ("value", "label", "label_en")
_FORM_FIELD_KEYS = tuple(f.name for f in dataclasses.fields(FormField))


def _parse_bound(r: _Reader, key: str, field_type: str) -> int | str | None:
    raw = r.doc.get(key)
    if raw is None:
        return None
    if field_type not in RANGE_TYPES:
        raise ValidationError(r.at(key), f"does not apply to a {field_type} field", code="not_applicable")
    if field_type == "integer":
        return r.integer(key)
    if field_type == "decimal":
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValidationError(r.at(key), "must be a number", code="type")
        number = to_decimal(raw)
        if number is None:
            raise ValidationError(r.at(key), "must be a number", code="type")
        return decimal_text(number)
    if not isinstance(raw, str):
        raise ValidationError(r.at(key), "must be a date 'YYYY-MM-DD'", code="type")
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValidationError(r.at(key), "must be a date 'YYYY-MM-DD'", code="invalid") from None


def _parse_form_field(doc: Any, path: str) -> FormField:
    r = _Reader(doc, path, _FORM_FIELD_KEYS)
    name = r.text("name")
    if not _FIELD_NAME_RE.match(name):
        raise ValidationError(
            r.at("name"), "must be lower-case letters, digits and '_', starting with a letter", code="invalid"
        )
    label = r.text("label")
    label_en = r.text("label_en")
    field_type = r.text("type")
    if field_type not in FIELD_TYPES:
        raise ValidationError(r.at("type"), f"unknown field type {field_type!r}", code="unknown_field_type")
    required = r.boolean("required", default=False)

    choices: list[Choice] = []
    raw_choices = r.array("choices", default=[])
    if field_type == "choice" and not raw_choices:
        raise ValidationError(r.at("choices"), "a choice field needs its choices", code="choices_required")
    if field_type != "choice" and raw_choices:
        raise ValidationError(
            r.at("choices"), f"does not apply to a {field_type} field", code="not_applicable"
        )
    for index, raw in enumerate(raw_choices):
        cr = _Reader(raw, f"{r.at('choices')}[{index}]", _CHOICE_KEYS)
        choice = Choice(cr.text("value"), cr.text("label"), cr.text("label_en"))
        if any(c.value == choice.value for c in choices):
            raise ValidationError(cr.at("value"), f"{choice.value!r} is listed twice", code="duplicate")
        choices.append(choice)

    low = _parse_bound(r, "min", field_type)
    high = _parse_bound(r, "max", field_type)
    if low is not None and high is not None and bound_key(field_type, low) > bound_key(field_type, high):
        raise ValidationError(r.at("max"), "must not be below min", code="invalid")

    max_length = None
    pattern = None
    if r.doc.get("max_length") is not None:
        if field_type not in TEXT_TYPES:
            raise ValidationError(
                r.at("max_length"), f"does not apply to a {field_type} field", code="not_applicable"
            )
        max_length = r.integer("max_length", low=1, high=100_000)
    if r.doc.get("pattern") is not None:
        if field_type not in TEXT_TYPES:
            raise ValidationError(
                r.at("pattern"), f"does not apply to a {field_type} field", code="not_applicable"
            )
        pattern = r.text("pattern")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValidationError(
                r.at("pattern"), f"not a regular expression: {exc}", code="invalid"
            ) from None
    help_text = r.text("help", default="", empty=True)
    help_en = r.text("help_en", default="", empty=True)
    return FormField(
        name,
        label,
        label_en,
        field_type,
        required,
        tuple(choices),
        low,
        high,
        max_length,
        pattern,
        help_text,
        help_en,
    )


_ITEM_KEYS = tuple(f.name for f in dataclasses.fields(ServiceItem))


def _parse_item(doc: Any, path: str) -> ServiceItem:
    r = _Reader(doc, path, _ITEM_KEYS)
    code = _checked_code(r.text("code"), r.at("code"), _CODE_RE)
    name = r.text("name")
    name_en = r.text("name_en")
    item_type = r.text("item_type")
    if item_type not in ITEM_TYPES:
        raise ValidationError(
            r.at("item_type"), f"unknown item type {item_type!r} (GB/T 39046: 01…10, 20)", code="invalid"
        )
    shaped = IMPLEMENTATION_CODE_RE.match(code)
    if shaped and shaped.group(1) != item_type:
        raise ValidationError(
            r.at("code"),
            f"type segment {shaped.group(1)} differs from item_type {item_type}",
            code="item_type_mismatch",
        )
    level = r.one_of("level", LEVELS)
    implementing_body = r.text("implementing_body")
    legal_limit = _parse_time_limit(r.value("legal_limit"), r.at("legal_limit"))
    promised_limit = _parse_time_limit(r.value("promised_limit"), r.at("promised_limit"))
    if not promised_limit.fits_within(legal_limit):
        raise ValidationError(
            r.at("promised_limit"),
            "promised limit is longer than the legal limit",
            code="limit_exceeds_legal",
        )
    case_type = r.one_of("case_type", CASE_TYPES)
    if case_type == "on_the_spot" and promised_limit.value != 0:
        raise ValidationError(
            r.at("promised_limit.value"), "an on-the-spot item promises 0 days", code="invalid"
        )
    if case_type == "promised" and promised_limit.value == 0:
        raise ValidationError(
            r.at("promised_limit.value"), "a promised item promises at least 1 day", code="invalid"
        )
    fee = _parse_fee(r.value("fee"), r.at("fee"))

    def service_object(value: str, where: str) -> None:
        if value not in SERVICE_OBJECTS:
            raise ValidationError(where, f"unknown service object {value!r}", code="invalid")

    service_objects = r.texts("service_objects", nonempty=True, check=service_object)
    acceptance_conditions = r.texts("acceptance_conditions", default=[])
    legal_basis = r.texts("legal_basis", nonempty=True)

    materials: list[Material] = []
    for index, raw in enumerate(r.array("materials")):
        material = _parse_material(raw, f"{r.at('materials')}[{index}]")
        if any(m.code == material.code for m in materials):
            raise ValidationError(
                f"{r.at('materials')}[{index}].code",
                f"material code {material.code!r} is used twice in this item",
                code="duplicate",
            )
        materials.append(material)

    form: list[FormField] = []
    for index, raw in enumerate(r.array("form", default=[])):
        form_field = _parse_form_field(raw, f"{r.at('form')}[{index}]")
        if any(f.name == form_field.name for f in form):
            raise ValidationError(
                f"{r.at('form')}[{index}].name",
                f"field name {form_field.name!r} is used twice in this item",
                code="duplicate",
            )
        form.append(form_field)

    status = r.one_of("status", STATUSES, default="active")
    keywords = r.texts("keywords", default=[])
    return ServiceItem(
        code,
        name,
        name_en,
        item_type,
        level,
        implementing_body,
        legal_limit,
        promised_limit,
        case_type,
        fee,
        service_objects,
        acceptance_conditions,
        legal_basis,
        tuple(materials),
        tuple(form),
        status,
        keywords,
    )


_CATALOGUE_KEYS = ("version", "published_at", "items", "calendar_overrides")
_OVERRIDE_KEYS = ("date", "working")


def parse_catalogue(doc: Any) -> Catalogue:
    """Build a Catalogue from its JSON document; any problem raises ValidationError naming its path."""
    r = _Reader(doc, "", _CATALOGUE_KEYS)
    version = r.text("version")
    if len(version) > 64 or not version.isprintable():
        raise ValidationError("version", "must be printable and at most 64 characters", code="invalid")
    published_at = r.text("published_at")
    try:
        datetime.fromisoformat(published_at)
    except ValueError:
        raise ValidationError("published_at", "must be an ISO-8601 date-time", code="invalid") from None

    items: list[ServiceItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(r.array("items")):
        item = _parse_item(raw, f"items[{index}]")
        if item.code in seen:
            raise ValidationError(
                f"items[{index}].code", f"item code {item.code!r} is used twice", code="duplicate"
            )
        seen.add(item.code)
        items.append(item)

    overrides: dict[date, bool] = {}
    for index, raw in enumerate(r.array("calendar_overrides", default=[])):
        orr = _Reader(raw, f"calendar_overrides[{index}]", _OVERRIDE_KEYS)
        text = orr.text("date")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(orr.at("date"), "must be a date 'YYYY-MM-DD'", code="invalid") from None
        if day in overrides:
            raise ValidationError(orr.at("date"), f"{text} is listed twice", code="duplicate")
        overrides[day] = orr.boolean("working")
    return Catalogue(version, published_at, tuple(items), dict(sorted(overrides.items())))


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and parse a catalogue JSON file (UTF-8)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError("catalogue", f"not a JSON document: {exc}", code="json") from None
    return parse_catalogue(doc)


def load_demo_catalogue() -> Catalogue:
    """The demo catalogue shipped with the app."""
    return load_catalogue(demo_catalogue_path())


def _time_limit_to_dict(limit: TimeLimit) -> dict[str, Any]:
    return {"value": limit.value, "unit": limit.unit}


def _material_to_dict(material: Material) -> dict[str, Any]:
    doc = dataclasses.asdict(material)
    doc["accepted_types"] = list(material.accepted_types)
    return doc


def _form_field_to_dict(form_field: FormField) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": form_field.name,
        "label": form_field.label,
        "label_en": form_field.label_en,
        "type": form_field.type,
        "required": form_field.required,
    }
    if form_field.choices:
        doc["choices"] = [dataclasses.asdict(choice) for choice in form_field.choices]
    for key in ("min", "max", "max_length", "pattern"):
        if getattr(form_field, key) is not None:
            doc[key] = getattr(form_field, key)
    if form_field.help:
        doc["help"] = form_field.help
    if form_field.help_en:
        doc["help_en"] = form_field.help_en
    return doc


def _item_to_dict(item: ServiceItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "name_en": item.name_en,
        "item_type": item.item_type,
        "level": item.level,
        "implementing_body": item.implementing_body,
        "legal_limit": _time_limit_to_dict(item.legal_limit),
        "promised_limit": _time_limit_to_dict(item.promised_limit),
        "case_type": item.case_type,
        "fee": dataclasses.asdict(item.fee),
        "service_objects": list(item.service_objects),
        "acceptance_conditions": list(item.acceptance_conditions),
        "legal_basis": list(item.legal_basis),
        "materials": [_material_to_dict(m) for m in item.materials],
        "form": [_form_field_to_dict(f) for f in item.form],
        "status": item.status,
        "keywords": list(item.keywords),
    }


def catalogue_to_dict(catalogue: Catalogue) -> dict[str, Any]:
    """The JSON document of a catalogue; ``parse_catalogue(catalogue_to_dict(c)) == c``."""
    return {
        "version": catalogue.version,
        "published_at": catalogue.published_at,
        "calendar_overrides": [
            {"date": day.isoformat(), "working": working}
            for day, working in sorted(catalogue.calendar_overrides.items())
        ],
        "items": [_item_to_dict(item) for item in catalogue.items],
    }


def canonical_document(catalogue: Catalogue) -> bytes:
    """The document in canonical JSON, UTF-8: the bytes the ETag is computed over."""
    return canonical_json(catalogue_to_dict(catalogue)).encode("utf-8")
