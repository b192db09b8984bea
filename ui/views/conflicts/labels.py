"""Words for the conflicts page: records and their fields, values, the platform's reasons for refusing
an op, what the core says about an edited value, and why this counter's change cannot be kept.

The field names are those of ``counter_app.entity_fields`` (the one definition of each synced
record); a field added there without a label here is shown by its name until one is added.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from counter_app.canonical import canonical_json
from counter_app.entity_fields import FIELDS_BY_NAME, Kind
from counter_app.errors import ValidationError
from counter_app.services.conflicts import StepNotAllowed
from ui.i18n import error_text, fill
from ui.models.case_labels import action_name, status_name
from ui.models.labels import applicant_kind_name, comma, sex_name
from ui.views.intake.messages import mobile_error

translate = QCoreApplication.translate
EMPTY = "—"


def entity_name(entity: str) -> str:
    names = {
        "applicant": translate("ConflictLabels", "Applicant"),
        "application": translate("ConflictLabels", "Application"),
        "attachment": translate("ConflictLabels", "Scan of a material"),
        "rating": translate("ConflictLabels", "Rating"),
        "rectification": translate("ConflictLabels", "Rectification task"),
    }
    return names.get(entity, entity)


def field_label(entity: str, name: str) -> str:
    """A field of a synced record, as a supervisor knows it."""
    if entity == "attachment" and name == "name":
        return translate("ConflictLabels", "File name")
    if entity == "rectification" and name == "due_date":
        return translate("ConflictLabels", "Rectify by")
    if entity == "rectification" and name == "status":
        return translate("ConflictLabels", "Task status")
    labels = {
        # applicant
        "kind": translate("ConflictLabels", "Type"),
        "name": translate("ConflictLabels", "Name"),
        "id_type": translate("ConflictLabels", "Type of ID"),
        "id_number": translate("ConflictLabels", "ID number"),
        "phone": translate("ConflictLabels", "Mobile"),
        "address": translate("ConflictLabels", "Address"),
        "representative": translate("ConflictLabels", "Representative"),
        "birth_date": translate("ConflictLabels", "Date of birth"),
        "sex": translate("ConflictLabels", "Sex"),
        "created_at": translate("ConflictLabels", "Created"),
        "updated_at": translate("ConflictLabels", "Last changed"),
        # application
        "receipt_no": translate("ConflictLabels", "Receipt number"),
        "applicant_id": translate("ConflictLabels", "Applicant record"),
        "item_code": translate("ConflictLabels", "Service item code"),
        "catalogue_version": translate("ConflictLabels", "Catalogue version"),
        "status": translate("ConflictLabels", "Status"),
        "form": translate("ConflictLabels", "Application form"),
        "materials": translate("ConflictLabels", "Materials"),
        "created_by": translate("ConflictLabels", "Taken in by"),
        "accepted_by": translate("ConflictLabels", "Accepted by"),
        "accepted_at": translate("ConflictLabels", "Accepted at"),
        "accepted_on": translate("ConflictLabels", "Accepted on"),
        "due_date": translate("ConflictLabels", "Due date"),
        "limit_value": translate("ConflictLabels", "Time limit"),
        "limit_unit": translate("ConflictLabels", "Time limit unit"),
        "missing_materials": translate("ConflictLabels", "Missing materials"),
        "notice_issued_at": translate("ConflictLabels", "One-time notice issued"),
        "pending_materials": translate("ConflictLabels", "Materials pending"),
        "commitment": translate("ConflictLabels", "Applicant's commitment"),
        "pending_deadline": translate("ConflictLabels", "Deadline for pending materials"),
        "refusal_reason": translate("ConflictLabels", "Reason for refusal"),
        "remedies": translate("ConflictLabels", "Remedies"),
        "resume_status": translate("ConflictLabels", "Status after the suspension"),
        "result": translate("ConflictLabels", "Result"),
        "result_reason": translate("ConflictLabels", "Reason for the result"),
        "completed_at": translate("ConflictLabels", "Completed"),
        "delivered_at": translate("ConflictLabels", "Delivered"),
        "delivery_method": translate("ConflictLabels", "Delivery method"),
        "withdrawn_reason": translate("ConflictLabels", "Reason for withdrawal"),
        # attachment
        "application_id": translate("ConflictLabels", "Application record"),
        "material_code": translate("ConflictLabels", "Material code"),
        "mime": translate("ConflictLabels", "File type"),
        "size": translate("ConflictLabels", "Size (bytes)"),
        "sha256": translate("ConflictLabels", "Checksum"),
        # rating and rectification
        "rating_id": translate("ConflictLabels", "Rating record"),
        "level": translate("ConflictLabels", "Rating"),
        "channel": translate("ConflictLabels", "Channel"),
        "comment": translate("ConflictLabels", "Comment"),
        "rated_at": translate("ConflictLabels", "Rated at"),
        "resolution": translate("ConflictLabels", "What was done"),
        "closed_at": translate("ConflictLabels", "Closed"),
    }
    return labels.get(name, name)


def field_labels(entity: str, names: tuple[str, ...] | list[str]) -> str:
    return comma().join(field_label(entity, name) for name in names)


def choice_text(name: str, value: str) -> str:
    """A choice field's value in words where the app has words for it; else the value itself."""
    if name in ("status", "resume_status"):
        return status_name(value)
    if name == "sex":
        return sex_name(value) or value
    if name == "kind":
        return applicant_kind_name(value)
    if name == "limit_unit":
        names = {
            "working_day": translate("ConflictLabels", "Working days"),
            "natural_day": translate("ConflictLabels", "Calendar days"),
        }
        return names.get(value, value)
    if name == "result":
        names = {
            "granted": translate("ConflictLabels", "Granted"),
            "denied": translate("ConflictLabels", "Denied"),
        }
        return names.get(value, value)
    if name == "id_type":
        names = {
            "resident_id": translate("ConflictLabels", "Resident ID card"),
            "uscc": translate("ConflictLabels", "Unified social credit code"),
        }
        return names.get(value, value)
    return value


def task_status_text(status: str | None) -> str:
    """A rectification task's state, in the words of the rectification page."""
    names = {
        "open": translate("RectificationLabels", "Open"),
        "closed": translate("RectificationLabels", "Closed"),
    }
    return names.get(status or "", status or EMPTY)


def value_text(entity: str, name: str, value: Any) -> str:
    """A field's value for the side-by-side view (one line)."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, (dict, list)):
        return canonical_json(value)
    field = FIELDS_BY_NAME.get(entity, {}).get(name)
    if isinstance(value, str) and entity == "rectification" and name == "status":
        return task_status_text(value)
    if isinstance(value, str) and field is not None and field.kind == Kind.CHOICE:
        return choice_text(name, value)
    if isinstance(value, str) and field is not None and field.kind == Kind.DATE and "T" in value:
        return moment_text(value)
    return str(value)


def edit_text(value: Any) -> str:
    """A value as the supervisor edits it: the text the core's ``parse_value`` reads back."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return canonical_json(value)
    return str(value)


def when_text(moment: str | None) -> str:
    """An ISO-8601 time as the office reads it (minutes, in the time zone it was written in)."""
    if not moment:
        return ""
    try:
        return datetime.fromisoformat(moment).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return moment


def moment_text(moment: str) -> str:
    """A stored timestamp to the second, with its offset from UTC when it is not Beijing time's, so
    two versions that differ never look the same."""
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        return moment
    text = parsed.strftime("%Y-%m-%d %H:%M:%S")
    offset = parsed.strftime("%z")
    return text if offset in ("", "+0800") else f"{text} {offset[:3]}:{offset[3:]}"


def rejection_reason(code: str) -> str:
    """Why the platform refused an op for good (``sync.protocol.ErrorCode`` of a ``rejected`` result)."""
    reasons = {
        "invalid_field": translate("ConflictLabels", "The platform does not accept this value."),
        "invalid_transition": translate(
            "ConflictLabels", "The platform's record no longer allows this step."
        ),
        "unknown_record": translate("ConflictLabels", "The platform does not know this record."),
        "already_exists": translate("ConflictLabels", "The platform already has this record."),
        "unknown_item": translate("ConflictLabels", "The platform does not know this service item."),
    }
    return reasons.get(code, translate("ConflictLabels", "The platform refused this change."))


def edit_error(entity: str, error: ValidationError) -> str:
    """What to fix in an edited value the core refused (``counter.conflicts.edit_and_keep_text``)."""
    code = error.code
    field = FIELDS_BY_NAME.get(entity, {}).get(error.field)
    if code == "required":
        return translate("ConflictLabels", "This field is required.")
    if field is not None and field.kind == Kind.MOBILE:
        return mobile_error(error)
    if code == "integer":
        return translate("ConflictLabels", "Enter a whole number.")
    if code == "range" and field is not None:
        return fill(translate("ConflictLabels", "Enter a number from %1 to %2."), field.low, field.high)
    if code == "max_length" and field is not None:
        return fill(translate("ConflictLabels", "At most %1 characters."), field.max_length)
    if code == "choice":
        return translate("ConflictLabels", "Choose one of the options.")
    if code == "date":
        return translate("ConflictLabels", "Enter a date such as 2026-01-31.")
    if code in ("json", "object", "list"):
        return translate("ConflictLabels", "Enter the value as JSON, as shown in the comparison.")
    if code in ("immutable", "lifecycle", "not_in_conflict", "unknown_field"):
        return translate("ConflictLabels", "This field cannot be edited here: keep one side instead.")
    return error_text(error)


def step_refusal_text(error: StepNotAllowed) -> str:
    """Why this counter's change cannot be kept ("keep mine", "edit and keep"): the field, the platform's
    state and this counter's step, and the way out."""
    if error.field != "status":
        return fill(
            translate(
                "ConflictLabels",
                "This counter's change cannot be kept: the platform would refuse its value of %1. "
                "Take the platform's version; this counter's change stays recorded with the conflict.",
            ),
            field_label(error.entity, error.field),
        )
    if error.entity == "rectification":
        state = task_status_text(error.platform_status)
        step = translate("ConflictLabels", "Close the task") if error.step == "close" else EMPTY
    else:
        state = status_name(str(error.platform_status or "")) if error.platform_status else EMPTY
        step = action_name(error.step) if error.step else EMPTY
    return fill(
        translate(
            "ConflictLabels",
            "This counter's change cannot be kept: on the platform, %1 is now “%2”, and this counter's "
            "step “%3” is not allowed from there. Take the platform's version; this counter's change "
            "stays recorded with the conflict.",
        ),
        field_label(error.entity, "status"),
        state,
        step,
    )
