"""Step 1 of an intake: find the applicant (ID number, name, pinyin initials, mobile) or register one.

The search runs on the database thread as the clerk types (the core answers a name search among a
million citizens in milliseconds); each keystroke's query replaces the one before, so only the
newest results are shown. Down moves into the results, Enter takes the applicant on the current
row — pressed before the newest results are in, it takes the first of them when they arrive.
``lookup_id`` is the exact path the ID card reader takes: found, the applicant is taken at once;
not found, the registration form opens with the number filled in. A lookup shares the search's job
key (the newest of the two wins), but ``reload`` leaves a lookup on its way alone: its answer is as
new as a reload's would be, and only the lookup takes the applicant or opens the registration.
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
from counter_app.records import ApplicantSummary
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.applicants_model import ApplicantsModel
from ui.views.intake.register_form import RegisterForm
from ui.views.intake.widgets import DownIntoList, current_row, heading, hint, list_table, named, select_row
from ui.workers import Database, Job

SEARCH_PAGE, REGISTER_PAGE = 0, 1


class ApplicantPanel(QWidget):
    """Emits ``chosen(ApplicantSummary)`` when the clerk takes an applicant (found or registered)."""

    chosen = Signal(object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._search_key = f"intake.applicant_search.{id(self)}"
        self._search_job: Job | None = None  # the newest search or lookup, until its result is in
        self._looking_up = False  # ``_search_job`` is an ID lookup (``lookup_id``), not a search
        self._take_when_found = False  # Enter was pressed before the newest results were in
        self._keep: str | None = None  # the applicant to stay on when a reload's results are in

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
        self.register_form = RegisterForm(db, actor, today)
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

    @property
    def searching(self) -> bool:
        """A search or ID lookup is on its way."""
        return self._search_job is not None

    @property
    def looking_up(self) -> bool:
        """An ID lookup (card reader, a whole number and Enter) is on its way."""
        return self._search_job is not None and self._looking_up

    def reset(self) -> None:
        self.close_registration()
        self.search.clear()
        self._cancel_search()
        self.message.clear_message()
        self.outcome.clear()

    def focus_first(self) -> None:
        if self.registering:
            self.register_form.name.setFocus()
        else:
            self.search.setFocus()
            self.search.selectAll()

    def reload(self) -> None:
        """Search again for what is typed (after a sync brought changes), staying on the same
        applicant if the clerk had moved to one. An ID lookup on its way is left alone: it reads
        the store after the change too, and it is what takes the applicant (or opens the
        registration) — a search in its place would only list them."""
        if self.looking_up:
            return
        if not self.registering and self.search.text().strip():
            row = current_row(self.results)
            self._search(self.search.text())
            self._keep = self.model.applicant(row).id if row >= 0 else None

    def proceed(self) -> bool:
        """Ctrl+Enter: save the new applicant, or take the one on the current row (the first result,
        once in, while the search is still running)."""
        if self.registering:
            return self.register_form.submit()
        if self.searching:
            self._take_when_found = True
            return True
        return self.take(current_row(self.results))

    def take(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            self.message.show_message(self.tr("Find the applicant first, or register a new one (Alt+R)."))
            return False
        self.chosen.emit(self.model.applicant(row))
        return True

    def lookup_id(self, number: str) -> bool:
        """The exact lookup of a whole ID number or credit code (card reader, Enter in the search).
        False if the number is not valid; otherwise the applicant is taken (or the registration
        opened) when the answer is in."""
        self.close_registration()
        text = ids.normalise_resident_id(number)
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        if not (ids.is_valid_resident_id(text) or ids.is_valid_uscc(text)):
            self._cancel_search()
            self.model.set_rows([])
            self.message.show_message(fill(self.tr("“%1” is not a valid ID number."), text))
            return False
        actor = self._actor
        self._take_when_found = False
        self._keep = None
        self._search_job = self._db.submit(
            lambda counter: counter.applicants.find_by_id_number(actor, text),
            lambda found: self._looked_up(text, found),
            self._search_failed,
            key=self._search_key,
            owner=self,
        )
        self._looking_up = True
        return True

    def _looked_up(self, number: str, found: ApplicantSummary | None) -> None:
        self._search_job = None
        self._looking_up = False
        self.message.clear_message()
        if found is None:
            self.model.set_rows([])
            self.open_registration(number)
            self.register_form.form_message.show_message(
                self.tr("No applicant has this number yet: register them.")
            )
            return
        self.model.set_rows([found])
        select_row(self.results, 0)
        self.outcome.setText(self.tr("Found by ID number."))
        self.chosen.emit(found)

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
        self._cancel_search()
        self.search.blockSignals(True)
        self.search.setText(applicant.name)
        self.search.blockSignals(False)
        self.model.set_rows([applicant])
        select_row(self.results, 0)
        self.outcome.setText(self.tr("Registered."))
        self.chosen.emit(applicant)

    def _cancel_search(self) -> None:
        if self._search_job is not None:
            self._search_job.cancel()
        self._search_job = None
        self._looking_up = False
        self._take_when_found = False

    def _search(self, text: str) -> None:
        self.message.clear_message()
        self._keep = None
        query = text.strip()
        if not query:
            self._cancel_search()
            self.model.set_rows([])
            self.outcome.clear()
            return
        actor = self._actor
        self._search_job = self._db.submit(
            lambda counter: counter.applicants.search(actor, query),
            self._found,
            self._search_failed,
            key=self._search_key,
            owner=self,
        )
        self._looking_up = False  # the clerk typed: this search replaces a lookup on its way

    def _found(self, found: list[ApplicantSummary]) -> None:
        self._search_job = None
        keep, self._keep = self._keep, None
        self.model.set_rows(found)
        if found:
            select_row(self.results, next((n for n, a in enumerate(found) if a.id == keep), 0))
            self.outcome.setText(
                self.tr("%n applicant(s) found. Enter takes the highlighted one.", "", len(found))
            )
        else:
            self.outcome.setText(self.tr("No applicant found. Alt+R registers a new one."))
        if self._take_when_found:
            self._take_when_found = False
            self._enter_in_search()

    def _search_failed(self, error: BaseException) -> None:
        self._search_job = None
        self._looking_up = False
        self._take_when_found = False
        self.message.show_message(error_text(error))

    def _enter_in_search(self) -> None:
        if self.searching:
            self._take_when_found = True
        elif self.model.rowCount():
            self.take(current_row(self.results))
        elif self._typed_number():
            self.lookup_id(self._typed_number())
