"""The fields of each record that syncs: one definition for both sides of the protocol.

An op's ``data`` and a pulled change's ``data`` hold these fields by name. Everything else is derived
from this table, never listed again:

- the wire contract (``sync.protocol`` re-exports ``ENTITY_FIELDS``; an op's data is checked
  against it by central, and by ``tests/sync/test_entity_schema.py`` for every op the client queues);
- the central platform's validation (``central/validation.py`` builds its checks from the kinds and
  limits here; ``central/push.py`` keeps transient fields out of the stored record);
- the client's columns (``counter_app/store/sync_records.py``): a stored field is a column of the
  same name, a personal one is encrypted in ``<name>_enc``, and ``child_table`` names the table
  that holds a nested field.

The table lives in the core, not in ``sync/``, because the client's store (``counter_app``) may not
import ``sync`` (DESIGN §1) and the central platform may import pure domain modules of the core.
``tests/sync/test_entity_schema.py`` fails when a store column, a protocol field and the server's
checks disagree.

To add a field to an entity:
  1. add a ``Field`` below (kind, limits, whether it is personal, stored or transient);
  2. client: a column of the same name (``<name>_enc`` if personal) in a new step of
     ``counter_app/store/migrations.py``, unless the field is transient;
  3. the record the core hands out (``counter_app/records.py``, e.g. ``Application``) and the use
     case that changes it, which puts it in the op's data (``ctx.queue``);
  4. regenerate ``central/openapi.json`` if ``sync/protocol.py`` changed, and run
     ``tests/sync/test_entity_schema.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from counter_app.workflow import Status


class Kind(str, Enum):
    TEXT = "text"
    DATE = "date"  # ISO-8601 date or timestamp, as text
    CHOICE = "choice"
    INTEGER = "integer"
    MOBILE = "mobile"  # a mainland mobile number (counter_app.ids.is_valid_mobile)
    RECORD_ID = "record_id"  # the id of another record (see ``refers_to``)
    OBJECT = "object"  # a JSON object
    LIST = "list"  # a JSON list


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    max_length: int | None = None  # TEXT and DATE
    choices: tuple[str, ...] = ()  # CHOICE; LIST: the values its items may take, in their order
    low: int | None = None  # INTEGER
    high: int | None = None
    # Must be present when the record is created, and may never be set to null or blank.
    required: bool = False
    # Fixed at creation: an update op may not carry it.
    immutable: bool = False
    # Citizens' personal data: encrypted at rest on the counter (``<name>_enc``), masked in lists.
    personal: bool = False
    # False: says what a change did (the lifecycle step, a suspension's reason) and is not kept in
    # the record on either side.
    stored: bool = True
    # RECORD_ID: the entity it points to. The record must exist first (central refuses the op; the
    # client holds a pulled change back until its parent arrives).
    refers_to: str | None = None
    # A nested field the client keeps in a table of its own instead of a column.
    child_table: str | None = None
    # LIST of objects: the fields of each item (checked like a record's), and how many items at most.
    items: tuple[Field, ...] = ()
    max_items: int | None = None


MAX_TEXT = 5000
DATE_LENGTH = 40
STATUSES = tuple(status.value for status in Status)
RATING_ASPECTS = ("efficiency", "competence", "attitude")
# Where a rating was given: the counter's own rating pad or screen, an SMS or QR-code survey, the
# platform's web or app, the 12345 hotline.
RATING_CHANNELS = ("counter_pad", "sms", "qr_code", "web", "phone_12345", "counter-screen")
MAX_SUSPENSIONS = 50


def _text(name: str, max_length: int = MAX_TEXT, **options: object) -> Field:
    return Field(name, Kind.TEXT, max_length=max_length, **options)  # type: ignore[arg-type]


def _date(name: str, **options: object) -> Field:
    return Field(name, Kind.DATE, max_length=DATE_LENGTH, **options)  # type: ignore[arg-type]


def _choice(name: str, *choices: str, **options: object) -> Field:
    return Field(name, Kind.CHOICE, choices=choices, **options)  # type: ignore[arg-type]


def _link(name: str, entity: str, **options: object) -> Field:
    return Field(name, Kind.RECORD_ID, refers_to=entity, required=True, immutable=True, **options)  # type: ignore[arg-type]


ENTITY_FIELDS: dict[str, tuple[Field, ...]] = {
    "applicant": (
        _choice("kind", "person", "organisation", required=True, immutable=True),
        _text("name", 100, required=True),
        _choice("id_type", "resident_id", "uscc", required=True, immutable=True),
        _text("id_number", 18, required=True, immutable=True, personal=True),
        Field("phone", Kind.MOBILE, personal=True),
        _text("address", 200, personal=True),
        _text("representative", 100),
        _date("birth_date"),
        _choice("sex", "male", "female"),
        _date("created_at"),
        _date("updated_at"),
    ),
    "application": (
        _text("receipt_no", 20, required=True, immutable=True),
        _link("applicant_id", "applicant"),
        _text("item_code", 40, required=True, immutable=True),
        _text("catalogue_version", 40, required=True, immutable=True),
        _choice("status", *STATUSES, required=True),
        _text("action", 40, stored=False),
        Field("form", Kind.OBJECT, personal=True),
        Field("materials", Kind.OBJECT, child_table="application_materials"),
        _text("created_by", 100),
        _text("accepted_by", 100),
        _date("accepted_at"),
        _date("accepted_on"),
        _date("due_date"),
        Field("limit_value", Kind.INTEGER, low=0, high=10000),
        _choice("limit_unit", "working_day", "natural_day"),
        Field("missing_materials", Kind.LIST),
        _date("notice_issued_at"),
        Field("pending_materials", Kind.LIST),
        _text("commitment"),
        _date("pending_deadline"),
        _text("refusal_reason"),
        _text("remedies"),
        _choice("resume_status", *STATUSES),
        # The reason of a suspend step (also kept in the suspension it opens).
        _text("suspension_reason", stored=False),
        # Every period the time limit stopped (special procedures), oldest first; the open one has no
        # end. The whole list travels with each suspend, resume or withdrawal, so every counter of the
        # office counts the same due date and the same processing time.
        Field(
            "suspensions",
            Kind.LIST,
            child_table="suspensions",
            items=(
                _date("started_on", required=True),
                _date("ended_on"),
                _text("reason", 500, required=True),
            ),
            max_items=MAX_SUSPENSIONS,
        ),
        _choice("result", "granted", "denied"),
        _text("result_reason"),
        _date("completed_at"),
        _date("delivered_at"),
        _text("delivery_method", 40),
        _text("withdrawn_reason"),
        _date("created_at"),
        _date("updated_at"),
    ),
    "attachment": (
        _link("application_id", "application"),
        _text("material_code", 40, required=True, immutable=True),
        _text("name", 255, required=True, immutable=True, personal=True),
        _text("mime", 100, required=True, immutable=True),
        Field("size", Kind.INTEGER, low=1, high=2**31, required=True, immutable=True),
        _text("sha256", 64, required=True, immutable=True),
    ),
    "rating": (
        _link("application_id", "application"),
        Field("level", Kind.INTEGER, low=1, high=5, required=True, immutable=True),
        _choice("channel", *RATING_CHANNELS, required=True, immutable=True),
        _text("comment", 500, immutable=True),
        # The aspects the citizen found unsatisfactory, each once, in this order: efficiency (办事效率),
        # competence (业务能力), attitude (服务态度); null when none was chosen.
        Field("unsatisfied_aspects", Kind.LIST, choices=RATING_ASPECTS, immutable=True),
        _date("rated_at", immutable=True),
    ),
    "rectification": (
        _link("rating_id", "rating"),
        _link("application_id", "application"),
        _date("due_date", required=True),
        _choice("status", "open", "closed", required=True),
        _text("resolution"),
        _date("closed_at"),
    ),
}

ENTITIES: tuple[str, ...] = tuple(ENTITY_FIELDS)
FIELDS_BY_NAME: dict[str, dict[str, Field]] = {
    entity: {field.name: field for field in fields} for entity, fields in ENTITY_FIELDS.items()
}


def field_names(entity: str) -> frozenset[str]:
    return frozenset(FIELDS_BY_NAME[entity])


def stored_fields(entity: str) -> tuple[Field, ...]:
    return tuple(field for field in ENTITY_FIELDS[entity] if field.stored)


def transient_names() -> frozenset[str]:
    """Fields of any entity that are never kept in a record."""
    return frozenset(f.name for fields in ENTITY_FIELDS.values() for f in fields if not f.stored)


def required_names(entity: str) -> tuple[str, ...]:
    return tuple(field.name for field in ENTITY_FIELDS[entity] if field.required)


def immutable_names(entity: str) -> frozenset[str]:
    return frozenset(field.name for field in ENTITY_FIELDS[entity] if field.immutable)


def links(entity: str) -> dict[str, str]:
    """Reference field -> the entity it points to."""
    return {f.name: f.refers_to for f in ENTITY_FIELDS[entity] if f.refers_to is not None}


def parent_link(entity: str) -> tuple[str, str] | None:
    """The one reference whose record must arrive first on the counter: ``(field, entity)``.

    A rectification points to its rating and its application; the rating already needs the
    application, so the rating (its first reference) is the one to wait for."""
    found = links(entity)
    return next(iter(found.items()), None)


def plain_columns(entity: str) -> tuple[str, ...]:
    """Stored fields the client keeps as a column of the same name: not personal (those are
    encrypted by the repository that owns the table) and not nested in a child table."""
    return tuple(
        f.name for f in ENTITY_FIELDS[entity] if f.stored and not f.personal and f.child_table is None
    )
