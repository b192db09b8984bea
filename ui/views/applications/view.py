"""The applications page (办件): find an application, see its details and history, take its next
step (supplement, start, suspend, resume, complete, deliver, rate, withdraw) or reprint its notice.

Reads and writes only through the core's use cases (``counter.queries``, ``counter.cases``,
``counter.ratings``); the core's errors are shown in a line under the buttons, never in a modal box.
UI thread only; every call is a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission
from counter_app.core import Counter
from counter_app.errors import CounterError
from counter_app.store.applications import Application
from counter_app.store.queries import ApplicationRow
from counter_app.workflow import Action, Status, allowed_actions
from ui.i18n import error_text, fill
from ui.models.applications_model import ApplicationsModel
from ui.models.case_labels import action_name, case_status_name
from ui.models.history_model import HistoryModel
from ui.models.labels import localised
from ui.notices import NoticeWords, build_notice, lay_out, notice_kind, preview_dialog, write_pdf
from ui.notices.pdf import new_printer
from ui.views.applications.action_form import ActionForm
from ui.views.intake.widgets import current_row, heading, list_table, named, select_row

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #1b5e20;"
# The steps this page offers, in the order of their buttons, and the permission each needs.
STEPS: dict[str, Permission] = {
    Action.SUPPLEMENT.value: Permission.PROCESS,
    Action.START.value: Permission.PROCESS,
    Action.SUSPEND.value: Permission.PROCESS,
    Action.RESUME.value: Permission.PROCESS,
    Action.COMPLETE.value: Permission.PROCESS,
    Action.DELIVER.value: Permission.DELIVER,
    Action.RATE.value: Permission.RECORD_RATING,
    Action.WITHDRAW.value: Permission.WITHDRAW,
}
IMMEDIATE = {Action.START.value, Action.RESUME.value}  # nothing to ask: done on the click


class ApplicationsView(QWidget):
    def __init__(
        self,
        counter: Counter,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        notice_words: Callable[[], NoticeWords] = NoticeWords,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_applications")
        self.counter = counter
        self.actor = actor
        self.notice_words = notice_words
        self.application: Application | None = None
        self.preview = None

        self.status_filter = named(QComboBox(), self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in Status:
            self.status_filter.addItem(case_status_name(status.value), status.value)
        self.search = named(
            QLineEdit(),
            self.tr("Search applications"),
            self.tr("Part of the receipt number or the applicant's name"),
        )
        self.search.setPlaceholderText(self.tr("Receipt number or applicant name"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), self.tr("Refresh"))

        self.model = ApplicationsModel(self._service_name, self)
        self.table = list_table(self.tr("Applications"))
        self.table.setModel(self.model)
        self.history_model = HistoryModel(self)
        self.history = list_table(self.tr("History"))
        self.history.setModel(self.history_model)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Application details"))
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.step_buttons: dict[str, QPushButton] = {}
        for action in STEPS:
            button = named(QPushButton(action_name(action)), action_name(action))
            button.clicked.connect(partial(self.begin, action))
            self.step_buttons[action] = button
        self.reprint_button = named(QPushButton(self.tr("Print notice…")), self.tr("Print notice"))
        self.pdf_button = named(QPushButton(self.tr("Notice as PDF…")), self.tr("Save notice as PDF"))
        self.form = ActionForm()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Message"))

        self._lay_out_page()
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.form.confirmed.connect(self.confirm)
        self.form.cancelled.connect(self.form.close_form)
        self.reprint_button.clicked.connect(self.open_preview)
        self.pdf_button.clicked.connect(self.choose_pdf_path)
        self.reload()

    def _lay_out_page(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(heading(self.tr("Applications")))
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.refresh_button)

        buttons = QHBoxLayout()
        for button in [*self.step_buttons.values(), self.reprint_button, self.pdf_button]:
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.details, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.history, 1)
        right_layout.addWidget(self.form)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(left)
        lower.addWidget(right)
        lower.setSizes([360, 720])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # --- the list -------------------------------------------------------------------------------------
    def _service_name(self, row: ApplicationRow) -> str:
        try:
            item = self.counter.catalogue.item(row.item_code, row.catalogue_version)
        except CounterError:
            return row.item_code
        return localised(item.name, item.name_en)

    def reload(self) -> None:
        """Query again with the filters; keeps the selected application when it is still listed."""
        keep = self.application.id if self.application is not None else None
        status = self.status_filter.currentData() or None
        text = self.search.text()
        queries, actor = self.counter.queries, self.actor
        try:
            self.model.set_source(
                lambda offset, limit: queries.applications(
                    actor, status=status, text=text, limit=limit, offset=offset
                )
            )
        except CounterError as error:  # e.g. a role that may not see applications
            self.model.set_source(None)
            self.show_row(-1)
            self._say(error_text(error))
            return
        self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            select_row(self.table, row)
            self.show_row(row)
        else:
            self.show_row(-1)

    def show_row(self, row: int) -> None:
        self.form.close_form()
        self.message.clear()
        if not 0 <= row < self.model.rowCount():
            self.application = None
            self.history_model.set_rows([])
            self.details.setText(self.tr("Choose an application in the list."))
            self._enable_steps()
            return
        application_id = self.model.application(row).id
        self.application = self.counter.cases.get(self.actor, application_id)
        self.history_model.set_rows(self.counter.cases.history(self.actor, application_id))
        self.history.resizeColumnsToContents()
        self._show_details(self.model.application(row))
        self._enable_steps()

    def _show_details(self, row: ApplicationRow) -> None:
        app = self.application
        assert app is not None
        lines = [
            fill(self.tr("Receipt no.: %1"), app.receipt_no),
            fill(self.tr("Applicant: %1 (%2)"), row.applicant_name, row.id_masked or ""),
            fill(self.tr("Service: %1"), self._service_name(row)),
            fill(self.tr("Status: %1"), case_status_name(app.status)),
        ]
        if app.accepted_on:
            lines.append(fill(self.tr("Accepted on: %1"), app.accepted_on))
        if app.due_date:
            lines.append(fill(self.tr("Due: %1"), app.due_date))
        if app.pending_materials or app.missing_materials:
            lines.append(
                self.tr(
                    "%n material(s) still to hand in.",
                    "",
                    len(app.pending_materials or app.missing_materials),
                )
            )
        if app.result:
            lines.append(
                fill(
                    self.tr("Result: %1"),
                    self.tr("Granted")
                    if app.result == "granted"
                    else fill(self.tr("Denied: %1"), app.result_reason or ""),
                )
            )
        if app.delivered_at:
            lines.append(fill(self.tr("Delivered: %1"), app.delivered_at[:16].replace("T", " ")))
        if app.withdrawn_reason:
            lines.append(fill(self.tr("Withdrawn: %1"), app.withdrawn_reason))
        self.details.setText("\n".join(lines))

    def _enable_steps(self) -> None:
        app = self.application
        allowed = {a.value for a in allowed_actions(Status(app.status))} if app is not None else set()
        for action, button in self.step_buttons.items():
            button.setEnabled(action in allowed and self.actor.can(STEPS[action]))
        has_notice = app is not None and notice_kind(app.status) is not None
        self.reprint_button.setEnabled(has_notice)
        self.pdf_button.setEnabled(has_notice)

    def select_application(self, application_id: str) -> bool:
        row = self.model.row_of(application_id)
        if row >= 0:
            select_row(self.table, row)
            self.show_row(row)
        return row >= 0

    # --- steps ----------------------------------------------------------------------------------------
    def begin(self, action: str) -> None:
        """A step's button: done at once when it needs nothing, else its inline form opens."""
        if self.application is None or not self.step_buttons[action].isEnabled():
            return
        self.message.clear()
        if action in IMMEDIATE:
            self.confirm(action)
            return
        item = None
        codes: list[str] | None = None
        if action == Action.SUPPLEMENT.value:
            app = self.application
            item = self.counter.catalogue.item(app.item_code, app.catalogue_version)
            codes = list(app.pending_materials or app.missing_materials) or None
        self.form.open_for(action, item, codes)

    def confirm(self, action: str) -> None:
        """Call the core for ``action`` with what the form holds; errors stay on the page."""
        app = self.application
        if app is None:
            return
        cases, actor, form = self.counter.cases, self.actor, self.form
        try:
            if action == "supplement":
                cases.supplement(actor, app.id, form.received())
            elif action == "start":
                cases.start(actor, app.id)
            elif action == "suspend":
                cases.suspend(actor, app.id, form.reason.text())
            elif action == "resume":
                cases.resume(actor, app.id)
            elif action == "complete":
                cases.complete(actor, app.id, bool(form.result.currentData()), form.reason.text())
            elif action == "deliver":
                cases.deliver(actor, app.id, form.method.currentData())
            elif action == "rate":
                self.counter.ratings.rate(
                    actor, app.id, int(form.level.currentData()), form.channel.currentData()
                )
            elif action == "withdraw":
                cases.withdraw(actor, app.id, form.reason.text())
        except CounterError as error:
            self._say(error_text(error))
            return
        self.reload()
        self._say(fill(self.tr("Done: %1"), action_name(action)), ok=True)

    # --- the notice -------------------------------------------------------------------------------------
    def open_preview(self) -> None:
        if self.application is None:
            return
        words = self.notice_words()
        try:
            laid_out = lay_out(build_notice(self.counter, self.actor, self.application.id), "a4", words)
        except CounterError as error:
            self._say(error_text(error))
            return
        printer = new_printer(laid_out, words)
        dialog = preview_dialog(laid_out, printer, self)
        dialog._printer = printer  # type: ignore[attr-defined]  # the printer lives as long as the dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.preview = dialog
        dialog.open()

    def choose_pdf_path(self) -> None:
        if self.application is None:
            return
        receipt_no = self.application.receipt_no
        dialog = QFileDialog(self, self.tr("Save the notice as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PDF files (*.pdf)")])
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{receipt_no}.pdf")
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def save_pdf(self, path: Path) -> Path | None:
        if self.application is None:
            return None
        try:
            notice = build_notice(self.counter, self.actor, self.application.id)
            written = write_pdf(notice, path, "a4", words=self.notice_words())
        except (CounterError, OSError) as error:
            self._say(error_text(error))
            return None
        self._say(fill(self.tr("Saved: %1"), str(written)), ok=True)
        return written

    def current_application_row(self) -> int:
        return current_row(self.table)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
