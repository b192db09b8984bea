"""The intake page (受理): applicant → service → form → materials → decision → notice.

Layout and wiring only: each step is a panel of its own, ``IntakeSession`` builds the work each
step asks of the core, and this page moves between them. Keyboard: Ctrl+Enter goes on (on the
decision step: decides), Alt+B or Alt+Left goes back, Alt+1 … Alt+6 jumps to a step that is open,
Ctrl+N starts the next intake. An ID card read anywhere on the page looks the applicant up
(``CardReader``).

Threads: every use of the core runs on the database thread (``db.submit``); the page goes on to the
next step when the result is back. While a step's write is on its way (``busy``) the page ignores
Ctrl+Enter, the Next button (it says "Working…"), going back and Ctrl+N, so nothing is sent twice.
``idle`` is true once nothing the page started (database or pool work) is still on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from counter_app.accounts import Actor, Permission
from counter_app.catalogue import Catalogue, ServiceItem
from counter_app.errors import ValidationError
from counter_app.records import ApplicantSummary, Application
from counter_app.services.lifecycle import MaterialCheck
from ui.dialogs.fields import MessageLabel
from ui.i18n import error_text, fill
from ui.models.case_labels import status_name
from ui.models.labels import applicant_kind_name, comma, localised, sex_name
from ui.notices import NoticeWords
from ui.views.intake.applicant_panel import ApplicantPanel
from ui.views.intake.card_reader import CardReader
from ui.views.intake.decision_panel import DecisionPanel
from ui.views.intake.form_panel import FormPanel
from ui.views.intake.materials_panel import MaterialsPanel
from ui.views.intake.messages import decision_error
from ui.views.intake.result_panel import ResultPanel
from ui.views.intake.scans import ScanFolder
from ui.views.intake.service_picker import ServicePicker
from ui.views.intake.session import Decided, IntakeSession, Work
from ui.views.intake.step_bar import StepBar
from ui.views.intake.widgets import heading, hint, named
from ui.workers import Database

APPLICANT, SERVICE, FORM, MATERIALS, DECISION, NOTICE = range(6)
SUMMARY_STYLE = "background: #f1f4f9; border: 1px solid #d3dbe8; border-radius: 4px; padding: 6px;"


class IntakeView(QWidget):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: Callable[[], date] | None = None,
        scan_folder: ScanFolder | None = None,
        notice_words: Callable[[], NoticeWords] = NoticeWords,
        native_dialogs: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_intake")
        self.db = db
        self.card_reader: CardReader | None = None
        if not actor.can(Permission.TAKE_IN):
            self._build_not_allowed()
            return
        # The office's today is the core's (its clock): read once, kept as an offset from this
        # machine's clock, so the date turns at midnight while the page stays open.
        self._clock_offset = timedelta(0)
        self._office_tz: tzinfo | None = None
        self._reads_today = today is None
        today_fn = today or self._office_today
        self.session = IntakeSession(actor, today_fn)
        self._writing = False  # a step's write is on the database thread
        self._target: int | None = None  # the step Alt+<number> asked for, reached step by step

        self.step_bar = StepBar(
            [
                self.tr("Applicant"),
                self.tr("Service"),
                self.tr("Form"),
                self.tr("Materials"),
                self.tr("Decision"),
                self.tr("Notice"),
            ]
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(SUMMARY_STYLE)
        self.summary.setAccessibleName(self.tr("This intake so far"))

        self.applicant_panel = ApplicantPanel(db, actor, today_fn)
        self.service_picker = ServicePicker()
        self.form_panel = FormPanel(today_fn)
        self.materials_panel = MaterialsPanel(
            db, self.session, scan_folder or ScanFolder(), native_dialogs=native_dialogs
        )
        self.decision_panel = DecisionPanel(today_fn)
        self.result_panel = ResultPanel(notice_words, native_dialogs=native_dialogs)
        self.pages = QStackedWidget()
        for panel in (
            self.applicant_panel,
            self.service_picker,
            self.form_panel,
            self.materials_panel,
            self.decision_panel,
            self.result_panel,
        ):
            self.pages.addWidget(panel)

        self.message = MessageLabel(self.tr("Intake message"))
        self.back_button = named(QPushButton(self.tr("&Back")), self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+B, Alt+Left)"))
        self.next_button = named(QPushButton(), self.tr("Go on"))
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(False)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.step_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(line)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.proceed_action = self._action(
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")], self.proceed
        )
        self.back_action = self._action([QKeySequence("Alt+Left")], self.back)
        self.new_action = self._action([QKeySequence(QKeySequence.StandardKey.New)], self.new_intake)
        self.card_reader = CardReader(self)

        self.step_bar.step_requested.connect(self.go_to)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.proceed)
        self.applicant_panel.chosen.connect(self._applicant_chosen)
        self.service_picker.chosen.connect(self._service_chosen)
        self.service_picker.catalogue_wanted.connect(self._read_catalogue)
        self.result_panel.new_intake_requested.connect(self.new_intake)
        self.card_reader.scanned.connect(self.card_read)
        self.materials_panel.busy_changed.connect(lambda _busy: self._show_busy())
        self.applicant_panel.register_form.saving_changed.connect(lambda _saving: self._show_busy())
        self._show(APPLICANT)
        self.reload()

    def _build_not_allowed(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Intake")))
        layout.addWidget(
            hint(
                self.tr(
                    "Your role does not take applications in. Log in as a counter clerk "
                    "or supervisor to take one in."
                )
            )
        )
        layout.addStretch(1)

    def _action(self, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # --- reading what the page needs -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the catalogue in use again (the main window calls this after a sync brought changes and
        when the page is shown again); the applicant search too, while an applicant is being found."""
        if not hasattr(self, "session"):
            return
        if self._reads_today:
            actor = self.session.actor
            self.db.submit(
                lambda counter: counter.intake.now(actor),
                self._office_time_read,
                self._read_failed,
                key=f"intake.today.{id(self)}",
                owner=self,
            )
        self._read_catalogue()
        if self.current_step() == APPLICANT and not self.session.drafted:
            self.applicant_panel.reload()

    def _read_catalogue(self) -> None:
        self.db.submit(
            lambda counter: counter.catalogue.active(),
            self._catalogue_read,
            self._catalogue_failed,
            key=f"intake.catalogue.{id(self)}",
            owner=self,
        )

    def _catalogue_read(self, catalogue: Catalogue) -> None:
        self.service_picker.set_catalogue(catalogue)

    def _catalogue_failed(self, error: BaseException) -> None:
        """Without a catalogue in hand the service step says so (Enter there, or a reload, reads it
        again); a failed re-read while one is in hand is only reported (the one in hand serves)."""
        if self.service_picker.catalogue is not None:
            self._read_failed(error)
        self.service_picker.catalogue_failed(error_text(error))

    def _office_time_read(self, office_now: datetime) -> None:
        self._clock_offset = office_now - datetime.now(office_now.tzinfo)
        self._office_tz = office_now.tzinfo

    def _office_today(self) -> date:
        return (datetime.now(self._office_tz) + self._clock_offset).date()

    def _read_failed(self, error: BaseException) -> None:
        self.message.show_message(error_text(error))

    # --- work on the database thread ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A step's write (or a scan, or a new applicant) is on its way: the page does not go on."""
        return self._writing or self.materials_panel.busy or self.applicant_panel.register_form.saving

    @property
    def idle(self) -> bool:
        """Nothing this page started is still on its way (tests wait for this)."""
        return self.db.idle and not self.busy and not self.result_panel.writing

    def _write(
        self, work: Work[Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """Run a step's write; until it is back, the page does not go on (no second submission)."""
        self._writing = True
        self._show_busy()

        def done(result: Any) -> None:
            self._writing = False
            self._show_busy()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._writing = False
            self._target = None
            self._show_busy()
            on_error(error)

        self.db.submit(work, done, failed, owner=self)

    def _show_busy(self) -> None:
        step = self.current_step()
        if self.busy:
            text = self.tr("Working…")
        elif step == DECISION:
            text = self.tr("Decide and issue the notice (Ctrl+Enter)")
        else:
            text = self.tr("Next (Ctrl+Enter)")
        self.next_button.setText(text)

    # --- moving between steps ------------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.pages.currentIndex()

    def reachable(self) -> set[int]:
        session = self.session
        if session.decided:
            return {NOTICE}
        steps = set()
        if not session.drafted:
            steps.add(APPLICANT)
            if session.applicant is not None:
                steps.add(SERVICE)
        if session.item is not None:
            steps.add(FORM)
        if session.drafted:
            steps.add(MATERIALS)
        if session.check is not None:
            steps.add(DECISION)
        return steps

    def go_to(self, step: int) -> None:
        """Jump to a step (Alt+<number>). Going forward passes through the steps between, saving each
        as Ctrl+Enter does, and stops where something is missing."""
        if self.busy:
            return
        if step < self.current_step():
            if step in self.reachable():
                self._show(step)
            return
        self._target = step
        self._advance()

    def _advance(self) -> None:
        """One more step towards the step Alt+<number> asked for; a step whose work runs on the
        database thread calls this again when it is back."""
        target = self._target
        if target is None or self.busy:
            return
        if self.current_step() >= target:
            self._target = None
            return
        before = self.current_step()
        self.proceed()
        if not self.busy and self.current_step() == before:
            self._target = None  # something is missing here: stop and show it

    def back(self) -> None:
        step = self.current_step()
        if not self.busy and step - 1 in self.reachable():
            self._show(step - 1)

    def proceed(self) -> None:
        """Ctrl+Enter: finish the current step and go on (ignored while a write is on its way)."""
        if self.busy:
            return
        self.message.clear_message()
        step = self.current_step()
        if step == APPLICANT:
            self.applicant_panel.proceed()
        elif step == SERVICE:
            self.service_picker.proceed()
        elif step == FORM:
            self._save_form()
        elif step == MATERIALS:
            self._record_materials()
        elif step == DECISION:
            self._decide()

    def _show(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.step_bar.show_step(step, self.reachable())
        self.back_button.setEnabled(step - 1 in self.reachable())
        self.back_action.setEnabled(self.back_button.isEnabled())
        self.next_button.setVisible(step != NOTICE)
        self.back_button.setVisible(step != NOTICE)
        self._show_busy()
        self._summarise()
        panel = self.pages.currentWidget()
        focus_first = getattr(panel, "focus_first", None)
        if focus_first is not None:
            focus_first()

    def focus_first(self) -> None:
        """The keyboard focus to the current step's first field (the main window calls this)."""
        focus_first = getattr(self.pages.currentWidget(), "focus_first", None) if self.card_reader else None
        if focus_first is not None:
            focus_first()

    # --- the steps ------------------------------------------------------------------------------------------
    def _applicant_chosen(self, applicant: ApplicantSummary) -> None:
        if self.session.drafted:
            return
        same = self.session.applicant is not None and self.session.applicant.id == applicant.id
        self.session.choose_applicant(applicant)
        self.service_picker.start(applicant.kind)
        if same and self.session.item is not None:
            self.service_picker.select_code(self.session.item.code)
        self._show(SERVICE)
        self._advance()

    def _service_chosen(self, item: ServiceItem) -> None:
        if self.session.drafted:
            return
        self.session.choose_item(item)
        self.form_panel.set_item(item)
        self.materials_panel.set_item(item)
        self._show(FORM)
        self._advance()

    def _save_form(self) -> None:
        cleaned = self.form_panel.validate()
        if cleaned is None:
            self.message.show_message(self.tr("Some fields need attention."))
            return
        self._write(self.session.save_form_work(cleaned), self._form_saved, self._form_refused)

    def _form_saved(self, application: Application) -> None:
        self.session.form_saved(application)
        self._show(MATERIALS)
        self._advance()

    def _form_refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            if not self.form_panel.show_refusal(error):
                self.message.show_message(decision_error(error))
            return
        self.message.show_message(error_text(error))

    def _record_materials(self) -> None:
        self._write(
            self.session.materials_work(self.materials_panel.received()),
            self._materials_recorded,
            lambda error: self.message.show_message(error_text(error)),
        )

    def _materials_recorded(self, check: MaterialCheck) -> None:
        self.session.materials_recorded(check)
        assert self.session.item is not None
        self.decision_panel.set_check(self.session.item, check)
        self._show(DECISION)
        self._advance()

    def _decide(self) -> None:
        choice = self.decision_panel.choice()
        if choice is None:
            return
        self._write(self.session.decide_work(choice), self._decided, self.decision_panel.show_refusal)

    def _decided(self, result: Decided) -> None:
        self.session.decision_taken(result)
        if result.notice is None:
            # Decided all the same; the notice can be printed again from the application later.
            self.message.show_message(error_text(result.notice_error or RuntimeError()))
            self._show(NOTICE)
            return
        self.result_panel.show_decision(result.application, result.notice)
        self._show(NOTICE)

    def new_intake(self) -> None:
        """Start again with the next applicant (Ctrl+N). An undecided application stays a draft."""
        if self.busy:
            return
        left = self.session.application if self.session.drafted and not self.session.decided else None
        self._target = None
        self.session.reset()
        self.applicant_panel.reset()
        self.form_panel.clear()
        self.materials_panel.clear()
        self.decision_panel.reset()
        self._show(APPLICANT)
        if left is not None:
            self.message.show_message(fill(self.tr("Application %1 was left as a draft."), left.receipt_no))

    def card_read(self, number: str) -> None:
        """An ID card (or a licence's credit code) was read somewhere on this page."""
        if self.busy or (self.session.drafted and not self.session.decided):
            self.message.show_message(
                self.tr(
                    "An ID card was read while an application is being taken in. Finish it, or start a new "
                    "intake (Ctrl+N) and read the card again."
                )
            )
            return
        if self.session.decided:
            self.new_intake()
        self._show(APPLICANT)
        self.applicant_panel.lookup_id(number)

    def _summarise(self) -> None:
        session = self.session
        parts = []
        applicant = session.applicant
        if applicant is not None:
            facts = [applicant.id_masked or ""]
            if applicant.kind == "person":
                facts += [sex_name(applicant.sex), applicant.birth_date or ""]
            else:
                facts.insert(0, applicant_kind_name(applicant.kind))
            parts.append(
                fill(self.tr("Applicant: %1 (%2)"), applicant.name, comma().join(f for f in facts if f))
            )
        if session.item is not None:
            parts.append(fill(self.tr("Service: %1"), localised(session.item.name, session.item.name_en)))
        if session.application is not None:
            parts.append(
                fill(
                    self.tr("Receipt number: %1 (%2)"),
                    session.application.receipt_no,
                    status_name(session.application.status),
                )
            )
        text = "   ·   ".join(parts) or self.tr(
            "A new intake: find the applicant first (or read the ID card)."
        )
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)

    # --- the card reader listens while the page is on screen ---------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.card_reader is not None:
            self.card_reader.start()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.card_reader is not None:
            self.card_reader.stop()
        super().hideEvent(event)
