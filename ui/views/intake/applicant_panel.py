"""Step 1 of an intake: find the applicant (ID number, name, pinyin initials, mobile) or register one.

The search runs as the clerk types (the core answers a name search among a million citizens in
milliseconds); Down moves into the results, Enter takes the applicant on the current row.
``lookup_id`` is the exact path the ID card reader takes: found, the applicant is taken at once;
not found, the registration form opens with the number filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import ids
from counter_app.accounts import Actor
from counter_app.errors import CounterError
from counter_app.services.applicants import ApplicantService
from counter_app.store.applicants import ApplicantSummary
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.applicants_model import ApplicantsModel
from ui.views.intake.register_form import RegisterForm
from ui.views.intake.widgets import DownIntoList, current_row, heading, hint, list_table, named, select_row

SEARCH_PAGE, REGISTER_PAGE = 0, 1


class ApplicantPanel(QWidget):
    """Emits ``chosen(ApplicantSummary)`` when the clerk takes an applicant (found or registered)."""

    chosen = Signal(object)

    def __init__(
        self,
        applicants: ApplicantService,
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._applicants = applicants
        self._actor = actor

        self.search = named(QLineEdit(), self.tr("Search applicants"))
        self.search.setPlaceholderText(
            self.tr("ID number, name, pinyin initials (zs for 张三) or mobile number")
        )
        self.search.setClearButtonEnabled(True)
        self.model = ApplicantsModel(self)
        self.results = list_table(self.tr("Applicants found"))
        self.results.setModel(self.model)
        self.results.horizontalHeader().setSectionResizeMode(
            ApplicantsModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.results.setColumnWidth(ApplicantsModel.ID_NUMBER, 190)
        self.message = MessageLabel(self.tr("Search message"))
        self.outcome = hint(name=self.tr("Search result"))
        self.register_button = named(
            QPushButton(self.tr("&Register new applicant")), self.tr("Register new applicant")
        )
        self.register_button.clicked.connect(lambda: self.open_registration())
        self.register_form = RegisterForm(applicants, actor, today)
        self.register_form.registered.connect(self._registered)
        self.register_form.cancelled.connect(self.close_registration)

        search_page = QWidget()
        search_layout = QVBoxLayout(search_page)
        search_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Find the applicant:"))
        caption.setBuddy(self.search)
        search_layout.addWidget(heading(self.tr("Applicant")))
        search_layout.addWidget(
            hint(
                self.tr(
                    "Read the ID card (this works anywhere on the intake screen), or type an ID number, a "
                    "name, its pinyin initials or a mobile number. Down arrow: into the list. Enter: take "
                    "the applicant."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.search, 1)
        row.addWidget(self.register_button)
        search_layout.addLayout(row)
        search_layout.addWidget(self.message)
        search_layout.addWidget(self.outcome)
        search_layout.addWidget(self.results, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(search_page)
        self.pages.addWidget(self.register_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._enter_in_search)
        self._down_into_list = DownIntoList(self.search, self.results)
        self.results.activated.connect(lambda index: self.take(index.row()))

    # --- behaviour ---------------------------------------------------------------------------------------
    @property
    def registering(self) -> bool:
        return self.pages.currentIndex() == REGISTER_PAGE

    def reset(self) -> None:
        self.close_registration()
        self.search.clear()
        self.message.clear_message()
        self.outcome.clear()

    def focus_first(self) -> None:
        if self.registering:
            self.register_form.name.setFocus()
        else:
            self.search.setFocus()
            self.search.selectAll()

    def proceed(self) -> bool:
        """Ctrl+Enter: save the new applicant, or take the one on the current row."""
        if self.registering:
            return self.register_form.submit() is not None
        return self.take(current_row(self.results))

    def take(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            self.message.show_message(self.tr("Find the applicant first, or register a new one (Alt+R)."))
            return False
        self.chosen.emit(self.model.applicant(row))
        return True

    def lookup_id(self, number: str) -> ApplicantSummary | None:
        """The exact lookup of a whole ID number or credit code (card reader, Enter in the search)."""
        self.close_registration()
        text = ids.normalise_resident_id(number)
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        if not (ids.is_valid_resident_id(text) or ids.is_valid_uscc(text)):
            self.model.set_rows([])
            self.message.show_message(fill(self.tr("“%1” is not a valid ID number."), text))
            return None
        try:
            found = self._applicants.find_by_id_number(self._actor, text)
        except CounterError as exc:
            self.message.show_message(error_text(exc))
            return None
        self.message.clear_message()
        if found is None:
            self.model.set_rows([])
            self.open_registration(text)
            self.register_form.form_message.show_message(
                self.tr("No applicant has this number yet: register them.")
            )
            return None
        self.model.set_rows([found])
        select_row(self.results, 0)
        self.outcome.setText(self.tr("Found by ID number."))
        self.chosen.emit(found)
        return found

    def open_registration(self, number: str = "") -> None:
        self.pages.setCurrentIndex(REGISTER_PAGE)
        self.register_form.start(number or self._typed_number())

    def close_registration(self) -> None:
        if self.registering:
            self.pages.setCurrentIndex(SEARCH_PAGE)
            self.search.setFocus()

    def _typed_number(self) -> str:
        text = ids.normalise_resident_id(self.search.text())
        return text if len(text) == 18 else ""

    def _registered(self, applicant: ApplicantSummary) -> None:
        self.close_registration()
        self.search.blockSignals(True)
        self.search.setText(applicant.name)
        self.search.blockSignals(False)
        self.model.set_rows([applicant])
        select_row(self.results, 0)
        self.outcome.setText(self.tr("Registered."))
        self.chosen.emit(applicant)

    def _search(self, text: str) -> None:
        self.message.clear_message()
        query = text.strip()
        if not query:
            self.model.set_rows([])
            self.outcome.clear()
            return
        try:
            found = self._applicants.search(self._actor, query)
        except CounterError as exc:
            self.message.show_message(error_text(exc))
            return
        self.model.set_rows(found)
        if found:
            select_row(self.results, 0)
            self.outcome.setText(
                self.tr("%n applicant(s) found. Enter takes the highlighted one.", "", len(found))
            )
        else:
            self.outcome.setText(self.tr("No applicant found. Alt+R registers a new one."))

    def _enter_in_search(self) -> None:
        if self.model.rowCount():
            self.take(current_row(self.results))
        elif self._typed_number():
            self.lookup_id(self._typed_number())
