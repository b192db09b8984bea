"""The service catalogue's model (政务服务事项目录, GB/T 39046-2020): its code tables, its frozen
dataclasses (items, materials, form fields, time limits, fees), the ``Catalogue`` with its lookups,
search and ETag, and the rule for a catalogue's successor.

Reading and writing the JSON document is :mod:`counter_app.catalogue.document`; cleaning an
applicant's form values is :mod:`counter_app.catalogue.forms`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from counter_app.errors import NotFound, ValidationError
from counter_app.names import pinyin_initials

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
# Field types whose values have a min/max, and those with max_length/pattern.
RANGE_TYPES = frozenset({"integer", "decimal", "date"})
TEXT_TYPES = frozenset({"text", "textarea"})

# The longest run of Chinese public holidays (Spring Festival, National Day) is 8 days; with the
# weekends, it bounds from above how many calendar days a working-day promise can take.
_LONGEST_HOLIDAY_DAYS = 8


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
        from counter_app.catalogue.document import canonical_document  # the document module imports this one

        return hashlib.sha256(canonical_document(self)).hexdigest()


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
