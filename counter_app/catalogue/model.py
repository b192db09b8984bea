# Checklist: adding a field to service items (or to materials / form fields)
#  1. Add the attribute to its frozen dataclass below, with a default if older documents lack it.
#  2. Read and validate it in the matching ``_parse_*`` (pass ``default=`` if optional); errors
#     name the dotted path, e.g. ``items[3].materials[1].copies``.
#  3. Write it in the matching ``_*_to_dict`` so ``parse_catalogue(catalogue_to_dict(c)) == c``
#     (every catalogue ETag changes, as it should: clients fetch the catalogue again).
#  4. Add a malformed case to ``tests/core/test_catalogue.py``; fill it in ``resources/catalogue/demo.json``.
#  5. If the UI shows it, add its label to ``resources/i18n``; if central stores it apart, migrate central.
# Adding a form-field type: FIELD_TYPES, ``_clean_value`` (and ``_RANGE_TYPES`` / ``_TEXT_TYPES``
# if min/max or max_length/pattern apply), then the form widget in ``ui``.
"""The service catalogue (政务服务事项目录) after GB/T 39046-2020, and the checks on its item forms.

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
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from typing import Any

from counter_app.errors import NotFound, ValidationError
from counter_app.names import pinyin_initials

DEMO_CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"

# GB/T 39046-2020 item type codes: code -> (Chinese, English).
ITEM_TYPES: dict[str, tuple[str, str]] = {
    "01": ("行政许可", "Administrative licensing"),
    "02": ("行政处罚", "Administrative penalty"),
    "03": ("行政强制", "Administrative enforcement"),
    "04": ("行政征收", "Administrative levy"),
    "05": ("行政给付", "Administrative benefit payment"),
    "06": ("行政检查", "Administrative inspection"),
    "07": ("行政确认", "Administrative confirmation"),
    "08": ("行政奖励", "Administrative reward"),
    "09": ("行政裁决", "Administrative adjudication"),
    "10": ("其他行政权力", "Other administrative power"),
    "20": ("公共服务", "Public service"),
}
LEVELS: dict[str, tuple[str, str]] = {
    "national": ("国家级", "National"),
    "provincial": ("省级", "Provincial"),
    "municipal": ("市级", "Municipal"),
    "county": ("县级", "County"),
    "township": ("乡镇（街道）级", "Township / sub-district"),
    "village": ("村（社区）级", "Village / community"),
}
TIME_UNITS: dict[str, tuple[str, str]] = {
    "working_day": ("工作日", "working days"),
    "natural_day": ("自然日", "calendar days"),
}
CASE_TYPES: dict[str, tuple[str, str]] = {
    "on_the_spot": ("即办件", "On-the-spot"),
    "promised": ("承诺件", "Promised"),
}
SERVICE_OBJECTS: dict[str, tuple[str, str]] = {
    "natural_person": ("自然人", "Natural person"),
    "legal_person": ("法人", "Legal person"),
    "other_organisation": ("非法人组织", "Other organisation"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "active": ("在用", "Active"),
    "retired": ("已停用", "Retired"),
}
FIELD_TYPES: tuple[str, ...] = (
    "text",
    "textarea",
    "integer",
    "decimal",
    "date",
    "choice",
    "bool",
    "resident_id",
    "mobile",
    "uscc",
)
_RANGE_TYPES = frozenset({"integer", "decimal", "date"})
_TEXT_TYPES = frozenset({"text", "textarea"})

IMPLEMENTATION_CODE_RE = re.compile(r"^\d{6}(?:\d{3})?-(\d{2})-\d{4}-\d{3}$")
_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,31}$")
_MATERIAL_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$")
_FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,47}$")
_EXTENSION_RE = re.compile(r"^[a-z0-9]{1,8}$")
_MONEY_RE = re.compile(r"^\d{1,9}(?:\.\d{1,2})?$")
_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")

# The longest run of Chinese public holidays (Spring Festival, National Day) is 8 days; with the
# weekends, it bounds from above how many calendar days a working-day promise can take.
_LONGEST_HOLIDAY_DAYS = 8


# --------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class TimeLimit:
    value: int
    unit: str = "working_day"

    def __post_init__(self) -> None:
        if self.unit not in TIME_UNITS:
            raise ValidationError("unit", f"unknown time unit {self.unit!r}", code="invalid")
        if isinstance(self.value, bool) or not isinstance(self.value, int) or self.value < 0:
            raise ValidationError("value", "must be a whole number of days, 0 or more", code="invalid")

    def fits_within(self, other: TimeLimit) -> bool:
        """True if this limit can never run longer than ``other`` (promised within legal)."""
        if self.unit == other.unit:
            return self.value <= other.value
        if self.unit == "natural_day":
            # N working days always span at least N calendar days.
            return self.value <= other.value
        # A working-day promise against a calendar-day law: bound the promise from above.
        if self.value == 0:
            return True
        weeks, rest = divmod(self.value, 5)
        holiday_runs = 1 + self.value // 60  # at most one long holiday run per ~60 working days
        longest = weeks * 7 + rest + (2 if rest else 0) + holiday_runs * _LONGEST_HOLIDAY_DAYS
        return longest <= other.value


@dataclass(frozen=True)
class FeeInfo:
    charged: bool = False
    amount_yuan: str = "0"
    basis: str = ""


@dataclass(frozen=True)
class Material:
    code: str
    name: str
    name_en: str
    issuer: str
    originals: int
    copies: int
    mandatory: bool
    minor: bool = False  # may be pending under 容缺受理 (applicant commits to supply it later)
    accepted_types: tuple[str, ...] = ("pdf", "jpg", "png")
    max_size_mb: int = 10
    notes: str = ""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    label_en: str


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    label_en: str
    type: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    min: int | str | None = None  # int for "integer"; canonical decimal str; ISO date str
    max: int | str | None = None
    max_length: int | None = None
    pattern: str | None = None
    help: str = ""
    help_en: str = ""

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    name_en: str
    item_type: str
    level: str
    implementing_body: str
    legal_limit: TimeLimit
    promised_limit: TimeLimit
    case_type: str
    fee: FeeInfo
    service_objects: tuple[str, ...]
    acceptance_conditions: tuple[str, ...]
    legal_basis: tuple[str, ...]
    materials: tuple[Material, ...]
    form: tuple[FormField, ...] = ()
    status: str = "active"
    keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.promised_limit.fits_within(self.legal_limit):
            raise ValidationError(
                "promised_limit", "promised limit is longer than the legal limit", code="limit_exceeds_legal"
            )

    @cached_property
    def pinyin_initials(self) -> str:
        """``"城乡居民基本医疗保险参保登记"`` → ``"cxjmjbylbxcbdj"`` (computed on first use)."""
        return pinyin_initials(self.name)

    @property
    def item_type_name(self) -> tuple[str, str]:
        return ITEM_TYPES[self.item_type]

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    def material(self, code: str) -> Material:
        for material in self.materials:
            if material.code == code:
                return material
        raise NotFound("material", f"{self.code}/{code}")

    def form_field(self, name: str) -> FormField:
        for form_field in self.form:
            if form_field.name == name:
                return form_field
        raise NotFound("form field", f"{self.code}/{name}")


@dataclass(frozen=True)
class Catalogue:
    version: str
    published_at: str
    items: tuple[ServiceItem, ...]
    calendar_overrides: dict[date, bool] = field(default_factory=dict, hash=False)

    @cached_property
    def _by_code(self) -> dict[str, ServiceItem]:
        return {item.code: item for item in self.items}

    def item(self, code: str) -> ServiceItem:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFound("service item", code) from None

    def has_item(self, code: str) -> bool:
        return code in self._by_code

    def active_items(self) -> tuple[ServiceItem, ...]:
        return tuple(item for item in self.items if item.is_active)

    def search(self, text: str, *, include_retired: bool = False) -> list[ServiceItem]:
        """Items whose name (Chinese substring), English name, code, keyword or pinyin initials match.

        Best matches first: exact code, name prefix, name substring, initials prefix, the rest;
        catalogue order within a rank. Empty text gives every (active) item.
        """
        pool = self.items if include_retired else self.active_items()
        query = unicodedata.normalize("NFKC", text).strip()
        if not query:
            return list(pool)
        folded = query.casefold()
        letters = re.sub(r"[^a-z0-9]", "", folded) if re.fullmatch(r"[A-Za-z0-9\s]+", query) else ""
        ranked: list[tuple[int, int, ServiceItem]] = []
        for position, item in enumerate(pool):
            rank = _search_rank(item, query, folded, letters)
            if rank is not None:
                ranked.append((rank, position, item))
        ranked.sort(key=lambda entry: (entry[0], entry[1]))
        return [item for _, _, item in ranked]

    @cached_property
    def etag(self) -> str:
        """sha256 (hex) of the canonical JSON of the catalogue: equal content, equal ETag."""
        return hashlib.sha256(canonical_json(self)).hexdigest()


def _search_rank(item: ServiceItem, query: str, folded: str, letters: str) -> int | None:
    if item.code.casefold() == folded:
        return 0
    if item.name.startswith(query):
        return 1
    if query in item.name:
        return 2
    if letters and item.pinyin_initials.startswith(letters):
        return 3
    if letters and letters in item.pinyin_initials:
        return 4
    if folded in item.name_en.casefold():
        return 5
    if folded in item.code.casefold() or any(query in keyword for keyword in item.keywords):
        return 6
    return None


# ------------------------------------------------------------------------------------- parsing


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
    if field_type not in _RANGE_TYPES:
        raise ValidationError(r.at(key), f"does not apply to a {field_type} field", code="not_applicable")
    if field_type == "integer":
        return r.integer(key)
    if field_type == "decimal":
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValidationError(r.at(key), "must be a number", code="type")
        number = _to_decimal(raw)
        if number is None:
            raise ValidationError(r.at(key), "must be a number", code="type")
        return _decimal_text(number)
    if not isinstance(raw, str):
        raise ValidationError(r.at(key), "must be a date 'YYYY-MM-DD'", code="type")
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValidationError(r.at(key), "must be a date 'YYYY-MM-DD'", code="invalid") from None


def _bound_key(field_type: str, bound: int | str) -> Any:
    if field_type == "decimal":
        return Decimal(str(bound))
    return bound  # ints compare as ints, ISO dates compare as text


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
    if low is not None and high is not None and _bound_key(field_type, low) > _bound_key(field_type, high):
        raise ValidationError(r.at("max"), "must not be below min", code="invalid")

    max_length = None
    pattern = None
    if r.doc.get("max_length") is not None:
        if field_type not in _TEXT_TYPES:
            raise ValidationError(
                r.at("max_length"), f"does not apply to a {field_type} field", code="not_applicable"
            )
        max_length = r.integer("max_length", low=1, high=100_000)
    if r.doc.get("pattern") is not None:
        if field_type not in _TEXT_TYPES:
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
    return load_catalogue(DEMO_CATALOGUE_PATH)


# ----------------------------------------------------------------------------------- writing


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


def canonical_json(catalogue: Catalogue) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes the ETag is computed over."""
    return json.dumps(
        catalogue_to_dict(catalogue), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


# ---------------------------------------------------------------------------------- versioning


def check_successor(old: Catalogue, new: Catalogue, codes_in_use: set[str]) -> None:
    """Refuse ``new`` as the successor of ``old`` if it reuses the version or drops an item in use.

    An item with applications may be retired (``status: "retired"``) but never removed: the
    applications taken under it must still resolve their item.
    """
    if new.version == old.version:
        raise ValidationError(
            "version", f"the new catalogue must not reuse version {old.version!r}", code="same_version"
        )
    for item in old.items:
        if item.code in codes_in_use and not new.has_item(item.code):
            raise ValidationError(
                f"items.{item.code}",
                "an item with applications may be retired, not removed",
                code="item_in_use",
            )


# ------------------------------------------------------------------------------ form validation


def validate_form(item: ServiceItem, data: Mapping[str, Any]) -> dict[str, Any]:
    """Clean the item-specific form values; raise the first problem as ValidationError(``form.<name>``).

    Cleaned values: text stripped, ints, decimals as canonical ``str``, dates as ISO ``str``,
    choices as their value, bools, normalised ID numbers / codes / mobiles. Empty optional fields
    are left out.
    """
    cleaned, errors = validate_form_all(item, data)
    if errors:
        raise errors[0]
    return cleaned


def validate_form_all(
    item: ServiceItem, data: Mapping[str, Any]
) -> tuple[dict[str, Any], list[ValidationError]]:
    """Like ``validate_form`` but collects every problem (form order, then unknown fields) for live checks."""
    cleaned: dict[str, Any] = {}
    errors: list[ValidationError] = []
    known = {f.name for f in item.form}
    for form_field in item.form:
        try:
            value = clean_field(form_field, data.get(form_field.name))
        except ValidationError as exc:
            errors.append(exc)
            continue
        if value is not None:
            cleaned[form_field.name] = value
    errors.extend(
        ValidationError(f"form.{name}", "this service has no such field", code="unknown_field")
        for name in data
        if name not in known
    )
    return cleaned, errors


def clean_field(form_field: FormField, raw: Any) -> Any:
    """Clean one value for ``form_field``; None if it is empty and optional."""
    where = f"form.{form_field.name}"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if form_field.required:
            raise ValidationError(where, "is required", code="required")
        return None
    value = _clean_value(form_field, raw, where)
    _check_range(form_field, value, where)
    return value


def _clean_value(form_field: FormField, raw: Any, where: str) -> Any:
    kind = form_field.type
    if kind in _TEXT_TYPES:
        if not isinstance(raw, str):
            raise ValidationError(where, "must be text", code="type")
        text = unicodedata.normalize("NFC", raw).strip()
        if form_field.max_length is not None and len(text) > form_field.max_length:
            raise ValidationError(where, f"at most {form_field.max_length} characters", code="max_length")
        if form_field.pattern is not None and not re.fullmatch(form_field.pattern, text):
            raise ValidationError(where, "does not have the expected form", code="pattern")
        return text
    if kind == "integer":
        return _clean_integer(raw, where)
    if kind == "decimal":
        number = _to_decimal(raw) if not isinstance(raw, bool) else None
        if number is None:
            raise ValidationError(where, "must be a number", code="type")
        return _decimal_text(number)
    if kind == "date":
        return _clean_date(raw, where)
    if kind == "choice":
        value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        value = value.strip() if isinstance(value, str) else value
        if not isinstance(value, str) or form_field.choice(value) is None:
            raise ValidationError(where, f"{raw!r} is not one of the choices", code="choice")
        return value
    if kind == "bool":
        return _clean_bool(raw, where)
    if not isinstance(raw, str):
        raise ValidationError(where, "must be text", code="type")
    from counter_app import ids  # lazily: ids is a sibling module with its own imports

    if kind == "resident_id":
        return ids.validate_resident_id(raw, field=where)
    if kind == "uscc":
        return ids.validate_uscc(raw, field=where)
    if kind == "mobile":
        return ids.validate_mobile(raw, field=where)
    raise ValidationError(where, f"unknown field type {kind!r}", code="type")  # unreachable for parsed items


def _check_range(form_field: FormField, value: Any, where: str) -> None:
    if form_field.type not in _RANGE_TYPES:
        return
    key = _bound_key(form_field.type, value)
    if form_field.min is not None and key < _bound_key(form_field.type, form_field.min):
        raise ValidationError(where, f"must be at least {form_field.min}", code="min")
    if form_field.max is not None and key > _bound_key(form_field.type, form_field.max):
        raise ValidationError(where, f"must be at most {form_field.max}", code="max")


def _clean_integer(raw: Any, where: str) -> int:
    if isinstance(raw, bool):
        raise ValidationError(where, "must be a whole number", code="type")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        if re.fullmatch(r"[+-]?\d{1,18}", text):
            return int(text)
    raise ValidationError(where, "must be a whole number", code="type")


def _to_decimal(raw: Any) -> Decimal | None:
    if isinstance(raw, Decimal):
        number = raw
    elif isinstance(raw, (int, float)):
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    return number if number.is_finite() else None


def _decimal_text(number: Decimal) -> str:
    text = format(number, "f")
    return "0" if text in ("-0", "+0") else text


def _clean_date(raw: Any, where: str) -> str:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, str):
        match = _DATE_RE.match(unicodedata.normalize("NFKC", raw).strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                raise ValidationError(where, "no such date", code="type") from None
    raise ValidationError(where, "must be a date like 2026-01-31", code="type")


_TRUE = frozenset({"true", "1", "yes", "y", "是"})
_FALSE = frozenset({"false", "0", "no", "n", "否"})


def _clean_bool(raw: Any, where: str) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        text = raw.strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValidationError(where, "must be yes or no", code="type")
