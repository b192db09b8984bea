"""Registering a new applicant at the desk, checked as it is typed.

A person: name, resident ID number (check digit, a real past birth date; the birth date and sex it
encodes are shown as soon as the number is whole), mobile number, address. An organisation: name,
unified social credit code, legal representative, mobile, address. The core checks everything
again when the applicant is saved (``register_person`` / ``register_organisation``, on the
database thread); while that save is on its way, a second Ctrl+Enter or click does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import ids
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.records import ApplicantSummary
from counter_app.services.applicants import (
    MAX_ADDRESS,
    MAX_NAME,
    ORGANISATION,
    PERSON,
    OrganisationInput,
    PersonInput,
)
from ui.dialogs.fields import MessageLabel, with_message
from ui.i18n import error_text, fill
from ui.models.labels import sex_name
from ui.views.intake import messages
from ui.views.intake.widgets import HINT_STYLE, OK_STYLE, heading, named
from ui.workers import Database

ID_LENGTH = 18
MOBILE_LENGTH = 11
FORM_WIDTH = 860  # px


class RegisterForm(QWidget):
    """Emits ``registered(ApplicantSummary)`` once saved, ``cancelled()`` on Esc or Cancel, and
    ``saving_changed(bool)`` as a save starts and ends."""

    registered = Signal(object)
    cancelled = Signal()
    saving_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMaximumWidth(FORM_WIDTH)
        self._db = db
        self._actor = actor
        self._today = today
        self.saving = False  # a save is on its way to the database

        self.kind = named(QComboBox(), self.tr("Applicant type"))
        self.kind.addItem(self.tr("Person"), PERSON)
        self.kind.addItem(self.tr("Organisation"), ORGANISATION)
        self.name = named(QLineEdit(), self.tr("Name"))
        self.name.setMaxLength(MAX_NAME)
        self.id_number = named(QLineEdit(), self.tr("Resident ID number"))
        self.id_number.setMaxLength(ID_LENGTH + 2)
        self.id_number.setPlaceholderText(self.tr("18 characters, or read the ID card"))
        self.derived = QLabel()
        self.derived.setAccessibleName(self.tr("Birth date and sex from the ID number"))
        self.uscc = named(QLineEdit(), self.tr("Unified social credit code"))
        self.uscc.setMaxLength(ID_LENGTH + 2)
        self.representative = named(QLineEdit(), self.tr("Legal representative"))
        self.representative.setMaxLength(MAX_NAME)
        self.phone = named(QLineEdit(), self.tr("Mobile number"))
        self.phone.setMaxLength(MOBILE_LENGTH + 4)
        self.address = named(QLineEdit(), self.tr("Address"))
        self.address.setMaxLength(MAX_ADDRESS)

        self.name_message = MessageLabel(self.tr("Name problem"))
        self.id_message = MessageLabel(self.tr("ID number problem"))
        self.uscc_message = MessageLabel(self.tr("Credit code problem"))
        self.representative_message = MessageLabel(self.tr("Representative problem"))
        self.phone_message = MessageLabel(self.tr("Mobile number problem"))
        self.address_message = MessageLabel(self.tr("Address problem"))
        self.form_message = MessageLabel(self.tr("Registration problem"))

        self.save_button = named(
            QPushButton(self.tr("Save applicant (Ctrl+Enter)")), self.tr("Save applicant")
        )
        self.save_button.clicked.connect(lambda _checked=False: self.submit())
        self.cancel_button = named(QPushButton(self.tr("Cancel (Esc)")), self.tr("Cancel registration"))
        self.cancel_button.clicked.connect(self.cancelled)

        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, QWidget] = {}
        id_cell = with_message(self.id_number, self.id_message)
        id_cell.layout().addWidget(self.derived)
        for key, label, cell in (
            ("kind", self.tr("&Type:"), self.kind),
            ("name", self.tr("&Name:"), with_message(self.name, self.name_message)),
            ("id_number", self.tr("&ID number:"), id_cell),
            ("uscc", self.tr("Credit &code:"), with_message(self.uscc, self.uscc_message)),
            (
                "representative",
                self.tr("Re&presentative:"),
                with_message(self.representative, self.representative_message),
            ),
            ("phone", self.tr("&Mobile:"), with_message(self.phone, self.phone_message)),
            ("address", self.tr("A&ddress:"), with_message(self.address, self.address_message)),
        ):
            caption = QLabel(label)
            caption.setBuddy(cell if isinstance(cell, QComboBox) else cell.findChild(QLineEdit))
            form.addRow(caption, cell)
            self._rows[key] = cell
        buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Register a new applicant")))
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_number.textChanged.connect(lambda: self._check_id(final=False))
        self.id_number.editingFinished.connect(lambda: self._check_id(final=True))
        self.uscc.textChanged.connect(lambda: self._check_uscc(final=False))
        self.uscc.editingFinished.connect(lambda: self._check_uscc(final=True))
        self.phone.textChanged.connect(lambda: self._check_phone(final=False))
        self.phone.editingFinished.connect(lambda: self._check_phone(final=True))
        self.name.textChanged.connect(self.name_message.clear_message)
        self.representative.textChanged.connect(self.representative_message.clear_message)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancelled)
        self._kind_changed()

    # --- the form -------------------------------------------------------------------------------------
    @property
    def is_person(self) -> bool:
        return self.kind.currentData() == PERSON

    def clear(self) -> None:
        for edit in (self.name, self.id_number, self.uscc, self.representative, self.phone, self.address):
            edit.clear()
        for label in (
            self.name_message,
            self.id_message,
            self.uscc_message,
            self.representative_message,
            self.phone_message,
            self.address_message,
            self.form_message,
        ):
            label.clear_message()
        self.kind.setCurrentIndex(0)

    def start(self, number: str = "") -> None:
        """Open the form empty, or with the ID number (or credit code) that was not found."""
        self.clear()
        text = ids.normalise_resident_id(number) if number else ""
        if text and not ids.is_valid_resident_id(text) and ids.is_valid_uscc(text):
            self.kind.setCurrentIndex(self.kind.findData(ORGANISATION))
            self.uscc.setText(text)
        else:
            self.id_number.setText(text)
        (self.name if text else self.kind).setFocus()

    def _kind_changed(self) -> None:
        person = self.is_person
        for key, visible in (("id_number", person), ("uscc", not person), ("representative", not person)):
            self._form.setRowVisible(self._rows[key], visible)

    # --- live checks ------------------------------------------------------------------------------------
    def _check_id(self, *, final: bool) -> bool:
        typed = self.id_number.text()
        text = ids.normalise_resident_id(typed)
        if not text:
            self.id_message.clear_message()
            self._show_derived("")
            return False
        if len(text) < ID_LENGTH and not final:
            self.id_message.clear_message()
            self._show_derived(fill(self.tr("%1 of 18 characters"), len(text)), ok=False)
            return False
        try:
            number = ids.validate_resident_id(text, today=self._today())
        except ValidationError as exc:
            self.id_message.show_message(messages.id_number_error(exc, self._today(), text))
            self._show_derived("")
            return False
        self.id_message.clear_message()
        born = ids.birth_date_from_resident_id(number)
        self._show_derived(
            fill(self.tr("Born %1, %2"), born.isoformat(), sex_name(ids.sex_from_resident_id(number)))
        )
        return True

    def _show_derived(self, text: str, *, ok: bool = True) -> None:
        self.derived.setText(text)
        self.derived.setAccessibleDescription(text)
        self.derived.setStyleSheet(OK_STYLE if ok else HINT_STYLE)
        self.derived.setVisible(bool(text))

    def _check_uscc(self, *, final: bool) -> bool:
        text = ids.normalise_uscc(self.uscc.text())
        if not text or (len(text) < ID_LENGTH and not final):
            self.uscc_message.clear_message()
            return False
        try:
            ids.validate_uscc(text)
        except ValidationError as exc:
            self.uscc_message.show_message(messages.uscc_error(exc))
            return False
        self.uscc_message.clear_message()
        return True

    def _check_phone(self, *, final: bool) -> bool:
        text = ids.normalise_mobile(self.phone.text())
        if not text or (len(text) < MOBILE_LENGTH and not final):
            self.phone_message.clear_message()
            return not text
        try:
            ids.validate_mobile(text)
        except ValidationError as exc:
            self.phone_message.show_message(messages.mobile_error(exc))
            return False
        self.phone_message.clear_message()
        return True

    # --- saving -----------------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Register the applicant (Ctrl+Enter): ``registered`` follows once saved; on a refusal the
        message goes under the field at fault. False if nothing was sent (a save is on its way)."""
        if self.saving:
            return False
        self.form_message.clear_message()
        actor = self._actor
        person = PersonInput(self.name.text(), self.id_number.text(), self.phone.text(), self.address.text())
        organisation = OrganisationInput(
            self.name.text(),
            self.uscc.text(),
            self.representative.text(),
            self.phone.text(),
            self.address.text(),
        )
        is_person = self.is_person

        def register(counter: Counter) -> ApplicantSummary:
            if is_person:
                return counter.applicants.register_person(actor, person)
            return counter.applicants.register_organisation(actor, organisation)

        self._set_saving(True)
        self._db.submit(register, self._saved, self._refused, owner=self)
        return True

    def _set_saving(self, saving: bool) -> None:
        # The button stays enabled (disabling it would throw the keyboard focus elsewhere); a click
        # while saving does nothing.
        self.saving = saving
        self.save_button.setText(self.tr("Working…") if saving else self.tr("Save applicant (Ctrl+Enter)"))
        self.saving_changed.emit(saving)

    def _saved(self, registered: ApplicantSummary) -> None:
        self._set_saving(False)
        self.registered.emit(registered)

    def _refused(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            self._show_refusal(error)
        else:
            self.form_message.show_message(error_text(error))

    def _show_refusal(self, error: ValidationError) -> None:
        today = self._today()
        targets: dict[str, tuple[QLineEdit, MessageLabel, str]] = {
            "name": (self.name, self.name_message, messages.text_error(error)),
            "id_number": (
                self.id_number,
                self.id_message,
                messages.id_number_error(error, today, self.id_number.text()),
            ),
            "uscc": (self.uscc, self.uscc_message, messages.uscc_error(error)),
            "representative": (self.representative, self.representative_message, messages.text_error(error)),
            "phone": (self.phone, self.phone_message, messages.mobile_error(error)),
            "address": (self.address, self.address_message, messages.text_error(error)),
        }
        if error.field not in targets:
            self.form_message.show_message(error_text(error))
            return
        edit, label, text = targets[error.field]
        label.show_message(text)
        edit.setFocus()
        edit.selectAll()
