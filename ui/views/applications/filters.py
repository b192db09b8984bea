"""The applications list's filters: status (one, or a group of them), service item, staff member,
intake period, overdue / due soon only, and the text search; the counts for them; and the box that
chooses the list's order (kept in step with the headers by ``ordering.ListOrder``).

The widget only says what was chosen (``changed``) and builds the core's ``ApplicationFilter``
(:meth:`ApplicationFilters.current`); the page asks the core. The counts a first page brings
(``ApplicationCounts``: per status under every other filter) go into the status entries, so each one
says what choosing it gives, and into a line under the filters. Named periods count from the office's
today (the core's clock), never the machine's. UI thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor
from counter_app.records import ApplicationCounts, ApplicationFilter, DeadlineState
from counter_app.statistics import Period
from counter_app.workflow import CLOCK_RUNNING, OPEN, Status
from ui.i18n import fill
from ui.models.audit_labels import person_name
from ui.models.case_labels import status_name
from ui.models.labels import localised
from ui.views.applications.ordering import fill_orders
from ui.views.applications.reads import Choices
from ui.views.intake.widgets import HINT_STYLE, heading, named

# Status entries that choose several statuses at once (their data; a single status's is its value).
OPEN_CASES, CLOCK_RUNS, FINISHED = "@open", "@clock_running", "@finished"
STATUS_GROUPS: dict[str, frozenset[str]] = {
    OPEN_CASES: frozenset(status.value for status in OPEN),
    CLOCK_RUNS: frozenset(status.value for status in CLOCK_RUNNING),
    FINISHED: frozenset(s.value for s in (Status.DELIVERED, Status.RATED, Status.REFUSED, Status.WITHDRAWN)),
}
ANY_TIME, TODAY, THIS_WEEK, THIS_MONTH, LAST_MONTH, CUSTOM = (
    "any",
    "today",
    "this_week",
    "this_month",
    "last_month",
    "custom",
)


def statuses_of(choice: str | None) -> frozenset[str]:
    """The statuses a status entry chooses (none: every status)."""
    if not choice:
        return frozenset()
    return STATUS_GROUPS.get(choice, frozenset({choice}))


def period_dates(choice: str, today: date, custom: tuple[date, date]) -> tuple[date | None, date | None]:
    """The first and last intake day of a period choice (None: open-ended)."""
    if choice == TODAY:
        return today, today
    if choice in (THIS_WEEK, THIS_MONTH, LAST_MONTH):
        period = Period.named(choice, today)
        return period.start, period.end
    if choice == CUSTOM:
        return custom
    return None, None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ApplicationFilters(QWidget):
    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.today: date | None = None  # the office's today, once the core has said it
        self.status_filter = named(QComboBox(), self.tr("Status filter"))
        self._status_texts = [self.tr("All statuses")]
        self.status_filter.addItem(self._status_texts[0], "")
        for key, text in (
            (OPEN_CASES, self.tr("Open cases")),
            (CLOCK_RUNS, self.tr("Time limit running")),
            (FINISHED, self.tr("Finished")),
        ):
            self._status_texts.append(text)
            self.status_filter.addItem(text, key)
        for status in Status:
            self._status_texts.append(status_name(status.value))
            self.status_filter.addItem(self._status_texts[-1], status.value)
        # Grows with the counts the entries get (the other lists are as long as the catalogue).
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.service_filter = self._combo(self.tr("Service filter"), self.tr("All services"))
        self.staff_filter = self._combo(self.tr("Staff filter"), self.tr("All staff"))
        self.order = named(QComboBox(), self.tr("Order of the list"))
        fill_orders(self.order)
        self.order.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_filter = named(QComboBox(), self.tr("Intake period"))
        for key, text in (
            (ANY_TIME, self.tr("Any time")),
            (TODAY, self.tr("Today")),
            (THIS_WEEK, self.tr("This week")),
            (THIS_MONTH, self.tr("This month")),
            (LAST_MONTH, self.tr("Last month")),
            (CUSTOM, self.tr("From … to …")),
        ):
            self.period_filter.addItem(text, key)
        self.date_from = named(QDateEdit(), self.tr("Taken in from"))
        self.date_to = named(QDateEdit(), self.tr("Taken in until"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)  # shows the chosen period; edited for a custom range
        self.dash = QLabel("–")
        self.overdue_only = named(QCheckBox(self.tr("&Overdue only")), self.tr("Overdue only"))
        self.due_soon_only = named(
            QCheckBox(self.tr("D&ue soon only")),
            self.tr("Due soon only"),
            self.tr("Due today or within the next 3 working days"),
        )
        self.search = named(
            QLineEdit(),
            self.tr("Search applications"),
            self.tr("Part of the receipt number or the applicant's name"),
        )
        self.search.setPlaceholderText(self.tr("Receipt number or applicant name"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), self.tr("Refresh"))
        self.summary = QLabel()
        self.summary.setStyleSheet(HINT_STYLE)
        self.summary.setAccessibleName(self.tr("Counts for the filters"))
        self._lay_out()
        self._show_period()

        for combo in (self.status_filter, self.service_filter, self.staff_filter):
            combo.currentIndexChanged.connect(self.changed)
        self.period_filter.currentIndexChanged.connect(self._period_chosen)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.overdue_only.toggled.connect(self.changed)
        self.due_soon_only.toggled.connect(self.changed)
        self.search.textChanged.connect(self.changed)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = named(QComboBox(), name)
        combo.addItem(everything, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _lay_out(self) -> None:
        first = QHBoxLayout()
        first.addWidget(heading(self.tr("Applications")))
        first.addStretch(1)
        for text, widget in (
            (self.tr("S&tatus:"), self.status_filter),
            (self.tr("Servi&ce:"), self.service_filter),
            (self.tr("Sta&ff:"), self.staff_filter),
            (self.tr("Or&der:"), self.order),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            first.addWidget(label)
            first.addWidget(widget)
        second = QHBoxLayout()
        period = QLabel(self.tr("Taken &in:"))
        period.setBuddy(self.period_filter)
        second.addWidget(period)
        second.addWidget(self.period_filter)
        second.addWidget(self.date_from)
        second.addWidget(self.dash)
        second.addWidget(self.date_to)
        second.addWidget(self.overdue_only)
        second.addWidget(self.due_soon_only)
        second.addWidget(self.search, 1)
        second.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.summary)

    # --- what was chosen ------------------------------------------------------------------------------
    def current(self) -> ApplicationFilter:
        """The filters as the core takes them."""
        first, last = self.period()
        deadlines = set()
        if self.overdue_only.isChecked():
            deadlines.add(DeadlineState.OVERDUE)
        if self.due_soon_only.isChecked():
            deadlines.add(DeadlineState.DUE_SOON)
        return ApplicationFilter(
            statuses=statuses_of(self.status_filter.currentData()),
            item_code=self.service_filter.currentData() or None,
            staff=self.staff_filter.currentData() or None,
            intake_from=first,
            intake_to=last,
            deadlines=frozenset(deadlines),
            text=self.search.text(),
        )

    def period(self) -> tuple[date | None, date | None]:
        choice = self.period_filter.currentData()
        custom = (self.date_from.date().toPython(), self.date_to.date().toPython())
        if choice != CUSTOM and self.today is None:
            return None, None  # the office's today has not arrived yet: not the machine's clock
        return period_dates(choice, self.today or custom[1], custom)  # type: ignore[arg-type]

    def choose_period(self, choice: str) -> None:
        self.period_filter.setCurrentIndex(max(0, self.period_filter.findData(choice)))

    # --- what the core says -------------------------------------------------------------------------
    def set_choices(self, choices: Choices) -> None:
        """The services and staff members to offer, and the office's today (emits nothing, keeps
        what was chosen)."""
        self.set_today(choices.today)
        services = sorted(choices.services, key=lambda item: item[0])
        self._refill(
            self.service_filter,
            [(code, f"{localised(name, name_en)} ({code})") for code, name, name_en in services],
        )
        staff = []
        for audit_name in choices.staff:
            label = person_name(audit_name, choices.staff_names)
            if audit_name == self.actor.audit_name:
                label = fill(self.tr("My cases (%1)"), label)
            staff.append((audit_name, label))
        self._refill(self.staff_filter, staff)

    def set_today(self, today: date) -> None:
        """The office's today: named periods count from it (a new day re-reads the list); a custom
        range starts on this month."""
        first_time, changed = self.today is None, today != self.today
        self.today = today
        if changed and not first_time and self.period_filter.currentData() not in (ANY_TIME, CUSTOM):
            self._show_period()
            self.changed.emit()
        if first_time:
            for edit, day in ((self.date_from, today.replace(day=1)), (self.date_to, today)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
            self._show_period()

    def show_counts(self, counts: ApplicationCounts | None) -> None:
        """Each status entry with how many it would list; the line under the filters."""
        if counts is None:
            for n, text in enumerate(self._status_texts):
                self.status_filter.setItemText(n, text)
            self.summary.clear()
            return
        for n, text in enumerate(self._status_texts):
            number = counts.total_for(statuses_of(self.status_filter.itemData(n)))
            self.status_filter.setItemText(n, fill(self.tr("%1 (%2)"), text, f"{number:,}"))
        listed = counts.total_for(statuses_of(self.status_filter.currentData()))
        self.summary.setText(
            fill(
                self.tr("Listed: %1 · overdue: %2 · due soon (by %3): %4"),
                f"{listed:,}",
                f"{counts.overdue:,}",
                counts.due_soon_until,
                f"{counts.due_soon:,}",
            )
        )

    # --- inside -------------------------------------------------------------------------------------
    def _refill(self, combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for data, text in entries:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self.changed.emit()  # what was chosen is no longer offered

    def _period_chosen(self) -> None:
        self._show_period()
        self.changed.emit()

    def _show_period(self) -> None:
        """The date boxes show the chosen period (none for any time); only a custom one can be edited."""
        choice = self.period_filter.currentData()
        custom = choice == CUSTOM
        first, last = self.period() if not custom else (None, None)
        self.dash.setVisible(choice != ANY_TIME)
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.setEnabled(custom)
            edit.setVisible(choice != ANY_TIME)
            if day is not None:
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)

    def _dates_changed(self) -> None:
        if self.period_filter.currentData() != CUSTOM:
            return
        # The last day never before the first (the core would refuse the range).
        if self.date_to.date() < self.date_from.date():
            self.date_to.blockSignals(True)
            self.date_to.setDate(self.date_from.date())
            self.date_to.blockSignals(False)
        self.changed.emit()
