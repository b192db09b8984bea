"""Words for what the core refuses during an intake, said at the field that is wrong.

The core raises ``ValidationError(field, detail, code=...)``; these functions turn the code into a
sentence in the screen's language that tells the clerk what to fix. Anything not foreseen here
falls back to ``ui.i18n.error_text``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from counter_app.catalogue import FormField
from counter_app.errors import CounterError, ValidationError
from counter_app.ids import MIN_BIRTH_DATE, normalise_resident_id
from ui.i18n import error_text, fill

translate = QCoreApplication.translate


def id_number_error(error: ValidationError, today: date, typed: str = "") -> str:
    """A resident ID number (``typed``) refused by ``counter_app.ids.validate_resident_id``, or as a
    duplicate."""
    code = error.code
    if code == "required":
        return translate("IntakeMessages", "Enter the resident ID number.")
    if code == "format":
        return translate("IntakeMessages", "A resident ID number is 17 digits followed by a digit or X.")
    if code == "province":
        return translate("IntakeMessages", "The first two digits are not a province code.")
    if code == "checksum":
        return translate("IntakeMessages", "The check digit does not match: a digit was probably mistyped.")
    if code == "birth_date":
        return birth_date_text(typed, today)
    if code == "duplicate":
        return translate(
            "IntakeMessages", "This ID number is already registered: search for the applicant instead."
        )
    return error_text(error)


def birth_date_text(typed: str, today: date) -> str:
    born = _birth_date(normalise_resident_id(typed))
    if born is not None and born > today:
        return fill(
            translate("IntakeMessages", "The birth date in the number (%1) is in the future."),
            born.isoformat(),
        )
    if born is not None and born < MIN_BIRTH_DATE:
        return fill(
            translate("IntakeMessages", "The birth date in the number (%1) is before 1900."), born.isoformat()
        )
    return translate("IntakeMessages", "The birth date in the number is not a real date.")


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def mobile_error(error: ValidationError) -> str:
    if error.code == "required":
        return translate("IntakeMessages", "Enter the mobile number.")
    if error.code == "format":
        return translate("IntakeMessages", "A mobile number is 11 digits starting with 13 to 19.")
    return error_text(error)


def uscc_error(error: ValidationError) -> str:
    if error.code == "required":
        return translate("IntakeMessages", "Enter the unified social credit code.")
    if error.code == "format":
        return translate(
            "IntakeMessages",
            "A unified social credit code is 18 characters: digits and capital letters (no I, O, S, V, Z).",
        )
    if error.code == "checksum":
        return translate(
            "IntakeMessages", "The check character does not match: a character was probably mistyped."
        )
    if error.code == "duplicate":
        return translate(
            "IntakeMessages", "This code is already registered: search for the organisation instead."
        )
    return error_text(error)


def text_error(error: ValidationError) -> str:
    """A plain text field (a name, an address, a reason)."""
    if error.code == "required":
        return translate("IntakeMessages", "This field is required.")
    if error.code == "max_length":
        return translate("IntakeMessages", "This text is too long.")
    return error_text(error)


def form_field_error(error: ValidationError, form_field: FormField, today: date, typed: str = "") -> str:
    """A value refused by ``counter_app.catalogue.clean_field`` for one of an item's form fields."""
    code, kind = error.code, form_field.type
    if code == "required":
        return translate("IntakeMessages", "This field is required.")
    if kind == "resident_id":
        return id_number_error(error, today, typed)
    if kind == "mobile":
        return mobile_error(error)
    if kind == "uscc":
        return uscc_error(error)
    if code == "max_length":
        return fill(translate("IntakeMessages", "At most %1 characters."), form_field.max_length)
    if code == "pattern":
        return translate("IntakeMessages", "This does not have the expected form.") + (
            f" {form_field.help}" if form_field.help else ""
        )
    if code == "min":
        return fill(translate("IntakeMessages", "At least %1."), form_field.min)
    if code == "max":
        return fill(translate("IntakeMessages", "At most %1."), form_field.max)
    if code == "choice":
        return translate("IntakeMessages", "Choose one of the options.")
    if code == "type":
        if kind == "integer":
            return translate("IntakeMessages", "Enter a whole number.")
        if kind == "decimal":
            return translate("IntakeMessages", "Enter a number, such as 1200 or 1200.50.")
        if kind == "date":
            if "no such date" in error.detail:
                return translate("IntakeMessages", "There is no such date.")
            return translate("IntakeMessages", "Enter a date such as 2026-01-31.")
        if kind == "bool":
            return translate("IntakeMessages", "Answer yes or no.")
    return error_text(error)


def scan_error(error: ValidationError, accepted_types: tuple[str, ...], max_size_mb: int) -> str:
    """A scan refused by type or size (by the UI's own check, or by ``IntakeService.attach``)."""
    if error.code == "file_type":
        return fill(
            translate("IntakeMessages", "Wrong file type: only %1 files are accepted."),
            ", ".join(accepted_types),
        )
    if error.code == "too_large":
        return fill(translate("IntakeMessages", "The file is too large: at most %1 MB."), max_size_mb)
    if error.code == "empty":
        return translate("IntakeMessages", "The file is empty.")
    if error.code == "unreadable":
        return translate("IntakeMessages", "The file cannot be read.")
    return error_text(error)


def scan_removal_error(error: BaseException) -> str:
    """Why a scan could not be removed (``IntakeService.remove_attachment``)."""
    if isinstance(error, CounterError):
        if error.code == "already_sent":
            return translate(
                "IntakeMessages",
                "This scan has already been sent to the platform: it can no longer be removed here.",
            )
        if error.code == "invalid_transition":
            return translate("IntakeMessages", "Scans can only be removed before the decision.")
    return error_text(error)


def decision_error(error: BaseException) -> str:
    """What the core said when a decision was refused."""
    if isinstance(error, ValidationError):
        if error.code == "missing_materials":
            return translate(
                "IntakeMessages", "Mandatory materials are missing: the application cannot be accepted yet."
            )
        if error.code == "not_minor":
            return translate(
                "IntakeMessages",
                "Some missing materials are not minor: they cannot be left pending. Issue a one-time notice.",
            )
        if error.code == "nothing_missing":
            return translate("IntakeMessages", "Nothing is missing: accept the application.")
        if error.field == "pending_deadline":
            return translate("IntakeMessages", "The deadline must be after today.")
        if error.field == "commitment":
            return translate("IntakeMessages", "Write down the applicant's commitment.")
        if error.field == "refusal_reason":
            return translate("IntakeMessages", "Give the reason for refusing.")
        if error.field == "applicant" and error.code == "service_object":
            return translate("IntakeMessages", "This service is not open to this kind of applicant.")
        if error.code == "retired":
            return translate("IntakeMessages", "This service has been retired from the catalogue.")
    if isinstance(error, CounterError) and error.code == "invalid_transition":
        return translate(
            "IntakeMessages", "This step is not possible for the application in its current state."
        )
    return error_text(error)
