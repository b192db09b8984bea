"""Step 5 of an intake: the decision, as Administrative Licensing Law art. 32 and counter practice
have it.

- Accept: every mandatory material is in.
- Accept with minor materials pending (容缺受理): only minor materials are outstanding; the
  applicant commits in writing to bring them by a deadline.
- One-time notice (一次性告知): everything missing is listed at once.
- Refuse: the reason, and the remedies (review or lawsuit), prefilled with the statutory wording.

A choice the materials do not allow is disabled, and the line under the choices says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue import ServiceItem
from counter_app.errors import ValidationError
from counter_app.services.intake import DEFAULT_REMEDIES, MAX_TEXT
from counter_app.services.lifecycle import MaterialCheck
from ui.dialogs.fields import MessageLabel, with_message
from ui.i18n import fill
from ui.models.labels import enumerate_names, localised, time_limit_text
from ui.views.intake import messages
from ui.views.intake.session import Decision, DecisionInput
from ui.views.intake.widgets import heading, hint, named

DEFAULT_PENDING_DAYS = 10
TEXT_HEIGHT = 56


def _text_edit(name: str, height: int = TEXT_HEIGHT) -> QPlainTextEdit:
    edit = named(QPlainTextEdit(), name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class DecisionPanel(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.item: ServiceItem | None = None
        self.check: MaterialCheck | None = None
        self._template = ""
        self._deadline_set = False

        self.accept_radio = named(QRadioButton(self.tr("&Accept")), self.tr("Accept"))
        self.pending_radio = named(
            QRadioButton(self.tr("Accept with minor materials &pending")),
            self.tr("Accept with minor materials pending"),
        )
        self.notify_radio = named(
            QRadioButton(self.tr("One-time &notice of missing materials")),
            self.tr("One-time notice of missing materials"),
        )
        self.refuse_radio = named(QRadioButton(self.tr("Re&fuse")), self.tr("Refuse"))
        self.group = QButtonGroup(self)
        self.radios = {
            Decision.ACCEPT: self.accept_radio,
            Decision.ACCEPT_PENDING: self.pending_radio,
            Decision.NOTIFY_MISSING: self.notify_radio,
            Decision.REFUSE: self.refuse_radio,
        }
        for number, radio in enumerate(self.radios.values()):
            self.group.addButton(radio, number)
        self.availability = hint(name=self.tr("Why a decision is not available"))

        # Accept
        self.accept_text = hint(name=self.tr("What accepting means"))
        self.accept_text.setStyleSheet("")
        # Accept with pending materials
        self.pending_list = hint(name=self.tr("Materials left pending"))
        self.pending_list.setStyleSheet("")
        self.commitment = _text_edit(self.tr("Applicant's commitment"))
        self.commitment_message = MessageLabel(self.tr("Commitment problem"))
        self.deadline = named(QDateEdit(), self.tr("Deadline for the pending materials"))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        # One-time notice
        self.missing_list = hint(name=self.tr("Materials missing"))
        self.missing_list.setStyleSheet("")
        # Refuse
        self.reason = _text_edit(self.tr("Reason for refusing"))
        self.reason_message = MessageLabel(self.tr("Reason problem"))
        self.remedies = _text_edit(self.tr("Remedies"), TEXT_HEIGHT + 16)

        self.details = QStackedWidget()
        self.details.addWidget(self._page(self.accept_text))
        pending_form = QFormLayout()
        self._labelled(pending_form, self.tr("&Commitment:"), self.commitment, self.commitment_message)
        self._labelled(pending_form, self.tr("&Deadline:"), self.deadline)
        self.details.addWidget(self._page(self.pending_list, pending_form))
        self.details.addWidget(self._page(self.missing_list))
        refuse_form = QFormLayout()
        self._labelled(refuse_form, self.tr("&Reason:"), self.reason, self.reason_message)
        self._labelled(refuse_form, self.tr("R&emedies:"), self.remedies)
        self.details.addWidget(
            self._page(
                hint(
                    self.tr(
                        "The applicant is told why, and how to seek administrative review or bring a lawsuit."
                    )
                ),
                refuse_form,
            )
        )
        self.message = MessageLabel(self.tr("Decision problem"))

        choices = QVBoxLayout()
        for radio in self.radios.values():
            choices.addWidget(radio)
        choices.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(choices)
        row.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Decision")))
        layout.addWidget(
            hint(self.tr("Alt+A, Alt+P, Alt+N or Alt+F chooses; Ctrl+Enter decides and issues the notice."))
        )
        layout.addLayout(row, 1)
        layout.addWidget(self.availability)
        layout.addWidget(self.message)

        self.group.idToggled.connect(self._toggled)
        self.commitment.textChanged.connect(self.commitment_message.clear_message)
        self.reason.textChanged.connect(self.reason_message.clear_message)
        self.remedies.setPlainText(DEFAULT_REMEDIES)

    @staticmethod
    def _page(top: QWidget, form: QFormLayout | None = None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        if form is not None:
            layout.addLayout(form)
        layout.addStretch(1)
        return page

    @staticmethod
    def _labelled(form: QFormLayout, text: str, field: QWidget, message: MessageLabel | None = None) -> None:
        caption = QLabel(text)
        caption.setBuddy(field)
        form.addRow(caption, with_message(field, message) if message is not None else field)

    # --- what the materials allow -----------------------------------------------------------------------
    def set_check(self, item: ServiceItem, check: MaterialCheck) -> None:
        self.item, self.check = item, check
        self.message.clear_message()
        outstanding = [*check.missing_mandatory, *check.pending]
        not_minor = [code for code in outstanding if not item.material(code).minor]
        names = [self._name(code) for code in outstanding]
        allowed = {
            Decision.ACCEPT: check.complete,
            Decision.ACCEPT_PENDING: bool(outstanding) and not not_minor,
            Decision.NOTIFY_MISSING: bool(outstanding),
            Decision.REFUSE: True,
        }
        for decision, radio in self.radios.items():
            radio.setEnabled(allowed[decision])
        reasons = []
        if not check.complete:
            reasons.append(fill(self.tr("Not accepted yet: %1 missing."), enumerate_names(names)))
        if outstanding and not_minor:
            reasons.append(
                fill(
                    self.tr("Cannot be left pending (not minor): %1."),
                    enumerate_names([self._name(code) for code in not_minor]),
                )
            )
        if not outstanding:
            reasons.append(self.tr("Every mandatory material is in: nothing to notify."))
        self.availability.setText(" ".join(reasons))

        limit = item.promised_limit
        self.accept_text.setText(
            fill(
                self.tr(
                    "Every mandatory material has been received. The application is accepted and "
                    "promised within %1."
                ),
                time_limit_text(limit.value, limit.unit),
            )
        )
        self.missing_list.setText(
            fill(
                self.tr("The notice lists, at once, everything still to hand in: %1."),
                enumerate_names(names) or "—",
            )
        )
        self.pending_list.setText(
            fill(self.tr("Left pending, on the applicant's commitment: %1."), enumerate_names(names) or "—")
        )
        template = fill(
            self.tr(
                "I commit to hand in %1 by the deadline; the materials I have handed in are true and valid."
            ),
            enumerate_names(names),
        )
        if not self.commitment.toPlainText().strip() or self.commitment.toPlainText() == self._template:
            self.commitment.setPlainText(template)
        self._template = template
        today = self._today()
        self.deadline.setMinimumDate(_qdate(today + timedelta(days=1)))
        if not self._deadline_set:
            self.deadline.setDate(_qdate(today + timedelta(days=DEFAULT_PENDING_DAYS)))
            self._deadline_set = True
        default = Decision.ACCEPT if check.complete else Decision.NOTIFY_MISSING
        current = self.current()
        if current is None or not self.radios[current].isEnabled():
            self.radios[default].setChecked(True)
        self._toggled(self.group.checkedId(), True)

    def reset(self) -> None:
        self.item = self.check = None
        self.commitment.clear()
        self._template = ""
        self._deadline_set = False
        self.reason.clear()
        self.remedies.setPlainText(DEFAULT_REMEDIES)
        self.message.clear_message()
        self.group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)

    def _name(self, code: str) -> str:
        assert self.item is not None
        material = self.item.material(code)
        return localised(material.name, material.name_en)

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked and button_id >= 0:
            self.details.setCurrentIndex(button_id)

    def focus_first(self) -> None:
        current = self.current()
        (self.radios[current] if current else self.refuse_radio).setFocus()

    # --- the choice -------------------------------------------------------------------------------------
    def current(self) -> Decision | None:
        for decision, radio in self.radios.items():
            if radio.isChecked():
                return decision
        return None

    def choose(self, decision: Decision) -> bool:
        radio = self.radios[decision]
        if not radio.isEnabled():
            return False
        radio.setChecked(True)
        return True

    def choice(self) -> DecisionInput | None:
        """The decision with its details, or None after saying what is missing."""
        self.message.clear_message()
        decision = self.current()
        if decision is None:
            self.message.show_message(self.tr("Choose a decision."))
            return None
        if decision is Decision.ACCEPT_PENDING:
            commitment = self.commitment.toPlainText().strip()
            if not commitment or len(commitment) > MAX_TEXT:
                self.commitment_message.show_message(
                    self.tr("Write down the applicant's commitment.")
                    if not commitment
                    else fill(self.tr("At most %1 characters."), MAX_TEXT)
                )
                self.commitment.setFocus()
                return None
            qdate = self.deadline.date()
            return DecisionInput(
                decision, commitment=commitment, deadline=date(qdate.year(), qdate.month(), qdate.day())
            )
        if decision is Decision.REFUSE:
            reason = self.reason.toPlainText().strip()
            if not reason or len(reason) > MAX_TEXT:
                self.reason_message.show_message(
                    self.tr("Give the reason for refusing.")
                    if not reason
                    else fill(self.tr("At most %1 characters."), MAX_TEXT)
                )
                self.reason.setFocus()
                return None
            return DecisionInput(decision, reason=reason, remedies=self.remedies.toPlainText().strip())
        return DecisionInput(decision)

    def show_refusal(self, error: BaseException) -> None:
        text = messages.decision_error(error)
        if isinstance(error, ValidationError) and error.field == "commitment":
            self.commitment_message.show_message(text)
        elif isinstance(error, ValidationError) and error.field == "refusal_reason":
            self.reason_message.show_message(text)
        else:
            self.message.show_message(text)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
