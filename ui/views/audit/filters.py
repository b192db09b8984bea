"""The audit page's filters: the period (both tabs) and who, what and how it ended (the events).

Both widgets only say what was chosen (``changed``); the page builds the ``AuditFilter`` and asks the
core. A period the core refuses (an end before the start) is said under the dates. UI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from counter_app.records import AuditFilter
from counter_app.statistics import Period
from ui.models.audit_labels import action_name, outcome_name, person_and_account
from ui.views.intake.widgets import named

ERROR_STYLE = "color: #a4262c;"
ANY_TIME, TODAY, LAST_7_DAYS, THIS_MONTH, LAST_MONTH, CUSTOM = (
    "any",
    "today",
    "last_7_days",
    "this_month",
    "last_month",
    "custom",
)
PERSONAL_DATA_VIEWS = "__personal_data_views__"  # the action choice that means every kind of view
OUTCOMES = ("success", "failure", "denied")


def period_dates(choice: str, today: date, custom: tuple[date, date]) -> tuple[date | None, date | None]:
    """The first and last office day of a period choice (None: open-ended)."""
    if choice == TODAY:
        return today, today
    if choice == LAST_7_DAYS:
        return today - timedelta(days=6), today
    if choice == THIS_MONTH:
        period = Period.this_month(today)
        return period.start, min(period.end, today)
    if choice == LAST_MONTH:
        period = Period.last_month(today)
        return period.start, period.end
    if choice == CUSTOM:
        return custom
    return None, None


class PeriodChooser(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: date | None = None
        self.choice = named(QComboBox(), self.tr("Period"))
        for key, text in (
            (ANY_TIME, self.tr("Any time")),
            (TODAY, self.tr("Today")),
            (LAST_7_DAYS, self.tr("Last 7 days")),
            (THIS_MONTH, self.tr("This month")),
            (LAST_MONTH, self.tr("Last month")),
            (CUSTOM, self.tr("From … to …")),
        ):
            self.choice.addItem(text, key)
        self.date_from = named(QDateEdit(), self.tr("First day"))
        self.date_to = named(QDateEdit(), self.tr("Last day"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dash = QLabel("–")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Problem with the period"))

        label = QLabel(self.tr("&Period:"))
        label.setBuddy(self.choice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(self.date_from)
        layout.addWidget(self.dash)
        layout.addWidget(self.date_to)
        layout.addWidget(self.error)
        self._show_dates()
        self.choice.currentIndexChanged.connect(self._chosen)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)

    def set_today(self, today: date) -> None:
        """The office's today: the named periods count from it; the dates start on this month."""
        first_time = self.today is None
        self.today = today
        if first_time:
            for edit, day in ((self.date_from, today.replace(day=1)), (self.date_to, today)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    def choose(self, choice: str) -> None:
        self.choice.setCurrentIndex(max(0, self.choice.findData(choice)))

    def dates(self) -> tuple[str | None, str | None]:
        """The period as ISO dates for ``AuditFilter`` (None: open-ended)."""
        custom = (self.date_from.date().toPython(), self.date_to.date().toPython())
        choice = self.choice.currentData()
        if self.today is None and choice != CUSTOM:
            return None, None  # the office's today has not arrived yet: not the machine's clock
        first, last = period_dates(choice, self.today or custom[1], custom)  # type: ignore[arg-type]
        return (first.isoformat() if first else None, last.isoformat() if last else None)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _chosen(self) -> None:
        self._show_dates()
        self.error.clear()
        self.changed.emit()

    def _dates_changed(self) -> None:
        self.error.clear()
        self.changed.emit()

    def _show_dates(self) -> None:
        custom = self.choice.currentData() == CUSTOM
        for widget in (self.date_from, self.dash, self.date_to):
            widget.setVisible(custom)


class EventFilters(QWidget):
    """Who, what, and how it ended."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = named(QComboBox(), self.tr("Person"))
        self.action = named(QComboBox(), self.tr("Action"))
        self.outcome = named(QComboBox(), self.tr("Outcome"))
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome in OUTCOMES:
            self.outcome.addItem(outcome_name(outcome), outcome)
        self.set_choices([], [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in (
            (self.tr("Perso&n:"), self.person),
            (self.tr("&Action:"), self.action),
            (self.tr("O&utcome:"), self.outcome),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo, 1)
        for combo in (self.person, self.action, self.outcome):
            combo.currentIndexChanged.connect(self.changed)

    def set_choices(
        self, actors: list[str], actions: list[str], names: Mapping[str, str] | None = None
    ) -> None:
        """Refill the lists from the trail, keeping what was chosen (emits nothing); a colleague by
        display name and account (``names``: display names by audit name)."""
        for combo in (self.person, self.action):
            combo.blockSignals(True)
        person, action = self.person.currentData(), self.action.currentData()
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for name in actors:
            self.person.addItem(person_and_account(name, names), name)
        self.action.clear()
        self.action.addItem(self.tr("Any action"), None)
        self.action.addItem(self.tr("Any view of personal data"), PERSONAL_DATA_VIEWS)
        for code in sorted(actions, key=action_name):
            self.action.addItem(action_name(code), code)
        self.person.setCurrentIndex(max(0, self.person.findData(person)))
        self.action.setCurrentIndex(max(0, self.action.findData(action)))
        for combo in (self.person, self.action):
            combo.blockSignals(False)

    def choose(
        self, *, person: str | None = None, action: str | None = None, outcome: str | None = None
    ) -> None:
        """Choose in the lists (a test, or a person picked on the other tab); one ``changed``."""
        self.blockSignals(True)
        for combo, value in ((self.person, person), (self.action, action), (self.outcome, outcome)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.blockSignals(False)
        self.changed.emit()

    def where(self, date_from: str | None, date_to: str | None) -> AuditFilter:
        action = self.action.currentData()
        return AuditFilter(
            actor=self.person.currentData(),
            action=None if action == PERSONAL_DATA_VIEWS else action,
            outcome=self.outcome.currentData(),
            date_from=date_from,
            date_to=date_to,
            personal_data_views_only=action == PERSONAL_DATA_VIEWS,
        )
