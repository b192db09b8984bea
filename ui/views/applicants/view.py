"""The applicants page (群众): search by name, pinyin initials, ID number or mobile; the list shows
masked data only. "Show personal data" calls ``applicants.reveal``, which the core audits, and the
full data stays on screen only until another applicant is chosen. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.store.applicants import ApplicantSummary
from counter_app.store.queries import ApplicationRow
from ui.i18n import error_text, fill
from ui.models.applicants_model import ApplicantsModel
from ui.models.applications_model import ApplicationsModel
from ui.models.labels import applicant_kind_name, localised
from ui.views.intake.widgets import heading, list_table, named, select_row

ERROR_STYLE = "color: #a4262c;"


class ApplicantsView(QWidget):
    def __init__(self, counter: Counter, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_applicants")
        self.counter = counter
        self.actor = actor
        self.applicant: ApplicantSummary | None = None

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
        self.applications_model = ApplicationsModel(self._service_name, self)
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

    def _service_name(self, row: ApplicationRow) -> str:
        try:
            item = self.counter.catalogue.item(row.item_code, row.catalogue_version)
        except CounterError:
            return row.item_code
        return localised(item.name, item.name_en)

    def run_search(self) -> None:
        self.message.clear()
        try:
            found = self.counter.applicants.search(self.actor, self.search.text())
        except CounterError as error:
            self.message.setText(error_text(error))
            found = []
        self.model.set_rows(found)
        self.table.resizeColumnsToContents()
        if found:
            select_row(self.table, 0)
            self.show_row(0)
        else:
            self.show_row(-1)
            if self.search.text().strip():
                self.message.setText(self.tr("No applicant found."))

    def show_row(self, row: int) -> None:
        self.personal.clear()  # full data never outlives the applicant it was shown for
        if not 0 <= row < self.model.rowCount():
            self.applicant = None
            self.summary.setText(self.tr("Search for an applicant, then choose one in the list."))
            self.applications_model.set_rows([])
            self.reveal_button.setEnabled(False)
            return
        applicant = self.model.applicant(row)
        self.applicant = applicant
        parts = [
            applicant.name,
            applicant_kind_name(applicant.kind),
            applicant.id_masked or "",
            applicant.phone_masked or "",
        ]
        self.summary.setText(" · ".join(part for part in parts if part))
        self.reveal_button.setEnabled(self.actor.can(Permission.VIEW_PERSONAL_DATA))
        try:
            self.applications_model.set_rows(self.counter.queries.applications_of(self.actor, applicant.id))
        except CounterError as error:
            self.applications_model.set_rows([])
            self.message.setText(error_text(error))
        self.applications.resizeColumnsToContents()

    def reveal(self) -> None:
        """Decrypt and show the applicant's personal data; the core records who looked."""
        if self.applicant is None:
            return
        try:
            details = self.counter.applicants.reveal(self.actor, self.applicant.id)
        except CounterError as error:
            self.message.setText(error_text(error))
            return
        self.personal.setText(
            "\n".join(
                [
                    fill(self.tr("ID number: %1"), details.id_number or ""),
                    fill(self.tr("Mobile: %1"), details.phone or ""),
                    fill(self.tr("Address: %1"), details.address or ""),
                ]
            )
        )
