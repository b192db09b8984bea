"""The applicants page (群众): search by name, pinyin initials, ID number or mobile; the list shows
masked data only. "Show personal data" calls ``applicants.reveal``, which the core audits, and the
full data stays on screen only until another applicant is chosen, another search is run or the page
reads the list again. A reading still on its way when the clerk moves on is dropped (and not even
read, so not audited, when it has not started); one on its way during a reload still shows.

Every reading of the profile runs on the database thread (``ui.workers.Database``) and arrives later
on the UI thread. Searches and the applicant's applications are keyed, so a newer request drops the
results of an older one. The widgets' methods are for the UI thread; the functions at the end of the
module run on the database thread.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.records import ApplicantDetails, ApplicantSummary, ApplicationRow
from ui.i18n import error_text, fill
from ui.models.applicants_model import ApplicantsModel
from ui.models.applications_model import ApplicationsModel, ServiceKey, service_names
from ui.models.labels import applicant_kind_name
from ui.views.intake.widgets import heading, list_table, named, select_row
from ui.workers import Database, Job

ERROR_STYLE = "color: #a4262c;"
# Keys of this page's database work (keys are global to the Database: prefixed with the page).
SEARCH_KEY = "applicants.search"
APPLICATIONS_KEY = "applicants.applications"
REVEAL_KEY = "applicants.reveal"


@dataclass(frozen=True)
class ApplicantApplications:
    """An applicant's applications and the names of their services (Chinese, English), read together."""

    applicant_id: str
    rows: list[ApplicationRow]
    service_names: dict[ServiceKey, tuple[str, str]] = field(default_factory=dict)


class ApplicantsView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_applicants")
        self.db = db
        self.actor = actor
        self.applicant: ApplicantSummary | None = None
        self.query = ""  # the text of the last search asked for; reload() runs it again
        self._applications_job: Job | None = None
        self._reveal_job: Job | None = None

        self.search = named(
            QLineEdit(),
            self.tr("Search applicants"),
            self.tr("Name, pinyin initials, ID number or mobile number"),
        )
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, ID number or mobile"))
        self.search.setClearButtonEnabled(True)
        self.search_button = named(QPushButton(self.tr("&Search")), self.tr("Search"))
        self.model = ApplicantsModel(self)
        self.table = list_table(self.tr("Applicants found"))
        self.table.setModel(self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Applicant"))
        self.reveal_button = named(
            QPushButton(self.tr("Show &personal data")),
            self.tr("Show personal data"),
            self.tr("Shows the full ID number, mobile and address; this is recorded"),
        )
        self.personal = QLabel()
        self.personal.setWordWrap(True)
        self.personal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.personal.setAccessibleName(self.tr("Personal data"))
        self.applications_model = ApplicationsModel(parent=self)
        self.applications = list_table(self.tr("The applicant's applications"))
        self.applications.setModel(self.applications_model)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Message"))

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Applicants")))
        top.addStretch(1)
        top.addWidget(self.search, 2)
        top.addWidget(self.search_button)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.summary)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(self.personal, 1)
        details_layout.addLayout(reveal_row)
        details_layout.addWidget(QLabel(self.tr("Applications:")))
        details_layout.addWidget(self.applications, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(details)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        self.search.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.reveal_button.clicked.connect(self.reveal)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.show_row(-1)

    # --- searching ----------------------------------------------------------------------------------
    def run_search(self) -> None:
        """Search for what the search field holds; the results replace the list when they arrive."""
        self.query = self.search.text()
        self._forget_personal_data()  # a new search is a new choice
        self._search(keep=None)

    def reload(self) -> None:
        """Run the last search again (the store may have changed), staying on the chosen applicant."""
        if self.query.strip():
            self.personal.clear()  # what an earlier look read goes; a reading on its way still shows
            self._search(keep=self.applicant.id if self.applicant is not None else None)

    def _search(self, keep: str | None) -> None:
        actor, query = self.actor, self.query
        self.db.submit(
            lambda counter: counter.applicants.search(actor, query),
            lambda found: self._show_found(query, found, keep),
            self._search_failed,
            key=SEARCH_KEY,
            owner=self,
        )

    def _show_found(self, query: str, found: list[ApplicantSummary], keep: str | None) -> None:
        self.message.clear()
        self.model.set_rows(found)
        self.table.resizeColumnsToContents()
        if not found:
            self.show_row(-1)
            if query.strip():
                self.message.setText(self.tr("No applicant found."))
            return
        row = next((n for n, applicant in enumerate(found) if applicant.id == keep), 0)
        select_row(self.table, row)  # the list was reset: this makes the row current, and shows it
        if self.applicant is not self.model.applicant(row):
            self.show_row(row)

    def _search_failed(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.show_row(-1)
        self._failed(error)

    # --- the chosen applicant -----------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        """Show the applicant on ``row`` (-1: none) and ask for their applications."""
        previous = self.applicant
        chosen = self.model.applicant(row) if 0 <= row < self.model.rowCount() else None
        if chosen is None or previous is None or chosen.id != previous.id:
            self._forget_personal_data()
        if chosen is None:
            self.applicant = None
            self.summary.setText(self.tr("Search for an applicant, then choose one in the list."))
            if self._applications_job is not None:
                self._applications_job.cancel()
            self.applications_model.set_rows([])
            self.reveal_button.setEnabled(False)
            return
        applicant = self.applicant = chosen
        parts = [
            applicant.name,
            applicant_kind_name(applicant.kind),
            applicant.id_masked or "",
            applicant.phone_masked or "",
        ]
        self.summary.setText(" · ".join(part for part in parts if part))
        self.reveal_button.setEnabled(
            self.actor.can(Permission.VIEW_PERSONAL_DATA) and self._reveal_job is None
        )
        if previous is None or previous.id != applicant.id:
            self.applications_model.set_rows([])  # never another applicant's applications meanwhile
        actor, applicant_id = self.actor, applicant.id
        self._applications_job = self.db.submit(
            lambda counter: read_applications(counter, actor, applicant_id),
            self._show_applications,
            lambda error: self._applications_failed(applicant_id, error),
            key=APPLICATIONS_KEY,
            owner=self,
        )

    def _show_applications(self, read: ApplicantApplications) -> None:
        if self.applicant is None or self.applicant.id != read.applicant_id:
            return
        self.applications_model.set_rows(read.rows, read.service_names)
        self.applications.resizeColumnsToContents()

    def _applications_failed(self, applicant_id: str, error: BaseException) -> None:
        if self.applicant is not None and self.applicant.id == applicant_id:
            self.applications_model.set_rows([])
            self._failed(error)

    # --- personal data ------------------------------------------------------------------------------
    def reveal(self) -> None:
        """Ask for the applicant's personal data (the core records who looked); shown when it arrives."""
        if self.applicant is None or self._reveal_job is not None:
            return
        actor, applicant_id = self.actor, self.applicant.id
        self.reveal_button.setEnabled(False)  # one reading per click, not one per impatient click
        self._reveal_job = self.db.submit(
            lambda counter: counter.applicants.reveal(actor, applicant_id),
            lambda details: self._show_personal_data(applicant_id, details),
            lambda error: self._reveal_failed(applicant_id, error),
            key=REVEAL_KEY,
            owner=self,
        )

    def _show_personal_data(self, applicant_id: str, details: ApplicantDetails) -> None:
        self._reveal_job = None
        if self.applicant is None or self.applicant.id != applicant_id:
            return  # another applicant was chosen meanwhile: never show one's data beside another
        self.reveal_button.setEnabled(True)
        self.personal.setText(
            "\n".join(
                [
                    fill(self.tr("ID number: %1"), details.id_number or ""),
                    fill(self.tr("Mobile: %1"), details.phone or ""),
                    fill(self.tr("Address: %1"), details.address or ""),
                ]
            )
        )

    def _reveal_failed(self, applicant_id: str, error: BaseException) -> None:
        self._reveal_job = None
        if self.applicant is not None and self.applicant.id == applicant_id:
            self.reveal_button.setEnabled(True)
            self._failed(error)

    def _forget_personal_data(self) -> None:
        """The full data never outlives the applicant (and the reading) it was shown for."""
        if self._reveal_job is not None:
            self._reveal_job.cancel()  # not read (nor audited) when it has not started yet
            self._reveal_job = None
        self.personal.clear()

    # --- errors -------------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        if not isinstance(error, CounterError):  # a bug, not a refusal: report it as well
            sys.excepthook(type(error), error, error.__traceback__)


# --- on the database thread ---------------------------------------------------------------------------
def read_applications(counter: Counter, actor: Actor, applicant_id: str) -> ApplicantApplications:
    """The applicant's applications with the names of their services, in the catalogue version
    each was taken under (an unknown item keeps its code)."""
    rows = counter.queries.applications_of(actor, applicant_id)
    return ApplicantApplications(applicant_id, rows, service_names(counter, rows))
