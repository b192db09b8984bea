"""The applications page (办件): find an application, see its details and history, take its next
step (supplement, start, suspend, resume, complete, deliver, rate, withdraw) or reprint its notice.

Every reading and writing of the profile runs on the database thread (``db.submit``, the functions in
``reads.py``) and arrives later on the UI thread; errors are shown in a line under the buttons, never
in a modal box (an unexpected one is also reported as a bug). The list is read a keyset page at a
time with the filters (``filters.py``) and the order a column header chose, both applied by the core;
the model holds a window of rows (``ApplicationsModel``, ``scrolling.py``). Its reads, the selected
application's details and the notice are keyed, so a newer request drops the results of an older one.
A step is submitted once: the buttons stay disabled until it is done; the keyboard focus waits on the
list meanwhile (not on the next button, which a second Space would press) and goes back to where the
clerk was when it is done. The notice's preview and PDF are ``notice_actions.py``'s.

The widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission
from counter_app.catalogue import ServiceItem
from counter_app.errors import CounterError
from counter_app.records import (
    Application,
    ApplicationCounts,
    ApplicationCursor,
    ApplicationFilter,
    ApplicationRow,
    ApplicationSort,
)
from counter_app.workflow import Action, Status, allowed_actions
from ui.i18n import error_text, fill
from ui.models.applications_model import ApplicationsModel, Deliver, Fail, Load
from ui.models.case_labels import action_name, status_name
from ui.models.history_model import HistoryModel
from ui.models.labels import localised
from ui.notices import NoticeWords, notice_kind
from ui.views.applications.action_form import ActionForm
from ui.views.applications.filters import ApplicationFilters
from ui.views.applications.notice_actions import NoticeActions
from ui.views.applications.ordering import ListOrder
from ui.views.applications.rating_step import RatingStep
from ui.views.applications.reads import (
    Choices,
    Selected,
    Step,
    read_applications,
    read_choices,
    read_selected,
    take_step,
)
from ui.views.applications.scrolling import WindowFollower
from ui.views.intake.widgets import current_row, list_table, named, select_row
from ui.workers import Database

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
SERVICE_WIDTH = 300  # px at most for the service column (its full name is in the details)
FIT_ROWS = 30  # rows measured to fit the columns to their text (all 200 take most of the open time)
IMMEDIATE = {Action.START.value, Action.RESUME.value}  # nothing to ask: done on the click
# Keys of this page's database work are global to the Database: prefixed with the page, and numbered
# so that two pages alive at once (a test's, a window's) never drop each other's reads.
_pages = itertools.count(1)


class ApplicationsView(NoticeActions, QWidget):
    notice_saved = Signal(Path)  # a notice PDF was written (also said in the message line)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        notice_words: Callable[[], NoticeWords] = NoticeWords,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_applications")
        self.db = db
        self.actor = actor
        self.notice_words = notice_words
        self.application: Application | None = None  # the selected application, as last read
        self.item: ServiceItem | None = None  # the service item it was taken in under
        self.preview = None
        self._key = f"applications.{next(_pages)}"
        self._shown: ApplicationRow | None = None  # the list row whose details are shown or asked for
        self._wanted: str | None = None  # select_application()'s id, waiting for the list to arrive
        # The filters and order of the rows in the model, and of the read asked for last: a refresh
        # may start at the model's cursors only when both are the same list.
        self._listed: tuple[ApplicationFilter, ApplicationSort] | None = None
        self._asked: tuple[ApplicationFilter, ApplicationSort] | None = None
        self._fitted = False  # the columns were fitted to the first rows (once: no jumping while typing)
        self.counts: ApplicationCounts | None = None  # for the filters, as last read
        self._moving = False  # the model's window is moving: the selection's changes are not the clerk's
        self._step: str | None = None  # the step submitted and not yet done
        self._notice_busy = False
        self._pdf_busy = False
        self._parked: QWidget | None = None  # the disabled control whose keyboard focus the table holds

        self.filters = ApplicationFilters(actor)
        self.status_filter = self.filters.status_filter
        self.search = self.filters.search
        self.refresh_button = self.filters.refresh_button
        self.model = ApplicationsModel(parent=self)
        self.table = list_table(self.tr("Applications"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(ApplicationsModel.TAKEN_IN, Qt.SortOrder.DescendingOrder)
        header.setResizeContentsPrecision(FIT_ROWS)
        self.follower = WindowFollower(self.table, self.model)
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
        self.rating = RatingStep(db, actor, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Message"))

        self._lay_out_page()
        self.filters.changed.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.refresh_button.clicked.connect(self._read_choices)  # a new colleague, a new catalogue
        self.order = ListOrder(header, self.filters.order, self)
        self.order.changed.connect(self.reload)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._list_failed)
        self.model.window_moving.connect(self._window_moving)
        self.model.window_moved.connect(self._window_moved)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.form.confirmed.connect(self.confirm)
        self.form.cancelled.connect(self.form.close_form)
        self.rating.rated.connect(self.reload)
        self.reprint_button.clicked.connect(self.open_preview)
        self.pdf_button.clicked.connect(self.choose_pdf_path)
        self.show_row(-1)
        self.reload()
        self._read_choices()

    def _lay_out_page(self) -> None:
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
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # --- the list -------------------------------------------------------------------------------------
    def reload(self, *, from_top: bool = False) -> None:
        """Read the list again with the filters and the order, keeping the selected application when
        it is still listed, and the counts for the filters. Cheap to call repeatedly: a newer read
        drops an older one not yet delivered. The same filters and order (a refresh, a step, the page
        shown again) read the rows held again from where they start, so the clerk stays where they
        were; ``from_top`` or new ones start at the first page."""
        listed = (self.filters.current(), self.order.sort)
        same = listed == self._listed == self._asked and not from_top
        self._asked = listed
        self.model.set_source(self._loader(*listed), at_least=self.model.rowCount() if same else 0)
        actor, filters = self.actor, listed[0]
        self.db.submit(  # after the rows: they show first
            lambda counter: counter.queries.application_counts(actor, filters),
            self._counts_read,
            self._counts_failed,
            key=f"{self._key}.counts",
            owner=self,
        )

    def _loader(self, filters: ApplicationFilter, sort: ApplicationSort) -> Load:
        db, actor, key = self.db, self.actor, f"{self._key}.list"

        def load(after: object | None, limit: int, deliver: Deliver, fail: Fail) -> object:
            cursor = after if isinstance(after, ApplicationCursor) else None
            return db.submit(
                lambda counter: read_applications(counter, actor, filters, sort, cursor, limit),
                deliver,
                fail,
                key=key,
                owner=self.model,
            )

        return load

    def _read_choices(self) -> None:
        actor = self.actor
        self.db.submit(
            lambda counter: read_choices(counter, actor),
            self._choices_read,
            self._failed,
            key=f"{self._key}.choices",
            owner=self,
        )

    def _choices_read(self, choices: Choices) -> None:
        self.filters.set_choices(choices)
        self.model.set_staff_names(choices.staff_names)
        self.history_model.set_staff_names(choices.staff_names)

    def _counts_read(self, counts: ApplicationCounts) -> None:
        self.counts = counts
        self.filters.show_counts(counts)
        if counts.today:
            self.filters.set_today(date.fromisoformat(counts.today))  # past midnight: a new today

    def _counts_failed(self, error: BaseException) -> None:
        """No old counts stay. The core's refusal is the list's too, and said once, by the list."""
        self.counts = None
        self.filters.show_counts(None)
        if not isinstance(error, CounterError):
            self._failed(error)

    def _page_loaded(self, offset: int, _count: int) -> None:
        """A page is in the model. A new list (``offset`` 0) keeps the selected application, or
        selects the one ``select_application`` asked for; a later page may bring the latter."""
        if offset == 0:
            self._listed = self._asked
            if not self._fitted and self.model.rowCount():
                self._fit_columns()
                self._fitted = True
            keep = self._wanted or (self._shown.id if self._shown is not None else None)
        elif self._wanted:
            keep = self._wanted
        else:
            return
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self._wanted = None
            current = self.table.currentIndex()
            if current.isValid() and current.row() == row:
                self.show_row(row)  # the same row: read its details again
            else:
                select_row(self.table, row)  # the selection's signal shows it
        elif offset == 0:
            self._wanted = None
            if self._shown is not None and self.model.rows_above == 0:
                self._show(None, keep_message=True)  # no longer listed
            elif self._shown is not None:
                self._quietly_select(-1)  # listed above or below the rows held: the details stay

    def _fit_columns(self) -> None:
        """Columns as wide as their text, but a long service name does not push the rest away."""
        self.table.resizeColumnsToContents()
        if self.table.columnWidth(ApplicationsModel.SERVICE) > SERVICE_WIDTH:
            self.table.setColumnWidth(ApplicationsModel.SERVICE, SERVICE_WIDTH)

    def _window_moving(self) -> None:
        self._moving = True

    def _window_moved(self, _added: int, _removed: int) -> None:
        """Rows came or went at the window's edges: the selection follows the shown application (Qt
        moves it to a neighbour when its row goes); its details stay whether it is held or not."""
        self._moving = False
        row = self.model.row_of(self._shown.id) if self._shown is not None else -1
        self._quietly_select(row)

    def _quietly_select(self, row: int) -> None:
        """Select ``row`` (-1: none) without reading anything: the details shown are its already."""
        model = self.table.selectionModel()
        model.blockSignals(True)
        if row < 0:
            model.clear()
        else:
            index = self.model.index(row, 0)
            model.setCurrentIndex(index, model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows)
        model.blockSignals(False)
        self.table.viewport().update()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._moving:
            self.show_row(current.row())

    def _list_failed(self, error: BaseException) -> None:
        """The list could not be read (e.g. a role that may not see applications)."""
        if self.model.rowCount() == 0:
            self._listed = None  # emptied
        self._show(None, keep_message=True)
        self._failed(error)

    def select_application(self, application_id: str) -> bool:
        """Select ``application_id``: at once if it is listed (True); otherwise the list is read
        again and the application selected when it arrives, if the filters let it through (False)."""
        row = self.model.row_of(application_id)
        if row >= 0 and not self.model.loading:
            select_row(self.table, row)
            if self._shown is None or self._shown.id != application_id:
                self.show_row(row)
            return True
        self._wanted = application_id
        self.reload(from_top=True)
        return False

    def current_application_row(self) -> int:
        return current_row(self.table)

    # --- the selected application -------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        """Show the application on ``row`` of the list (-1: none); its details are read again. The
        clerk's choice wins over an earlier ``select_application`` still waiting for the list."""
        application = self.model.application(row)
        if application is None:
            if self.model.loading:
                return  # the list is being replaced: the new one decides what is selected
            self._show(None)
            return
        self._wanted = None
        self._show(application)

    def _show(self, row: ApplicationRow | None, *, keep_message: bool = False) -> None:
        if row is None or self._shown is None or row.id != self._shown.id:
            # Another application: nothing of the previous one stays on screen meanwhile.
            self.form.close_form()
            self._parked = None  # the clerk is on the list: the focus stays there
            if not keep_message:
                self.message.clear()
            self.application = None
            self.item = None
            self.history_model.set_rows([])
            self.details.setText(
                self.tr("Choose an application in the list.") if row is None else self.tr("Loading…")
            )
        self._shown = row
        self._enable_steps()
        if row is None:
            return
        actor, application_id = self.actor, row.id
        self.db.submit(
            lambda counter: read_selected(counter, actor, application_id),
            self._selected_read,
            self._failed,
            key=f"{self._key}.details",
            owner=self,
        )

    def _selected_read(self, selected: Selected) -> None:
        if self._shown is None or selected.application.id != self._shown.id:
            return  # another application was chosen meanwhile
        self.application = selected.application
        self.item = selected.item
        self.history_model.set_rows(selected.history)
        self.history.resizeColumnsToContents()
        self._show_details(self._shown)
        self._enable_steps()
        if self.form.isVisible() and not self._possible(self.form.action):
            self.form.close_form()  # the step is no longer possible (another desk, a sync)

    def _show_details(self, row: ApplicationRow) -> None:
        app = self.application
        assert app is not None
        lines = [
            fill(self.tr("Receipt no.: %1"), app.receipt_no),
            fill(self.tr("Applicant: %1 (%2)"), row.applicant_name, row.id_masked or ""),
            fill(self.tr("Service: %1"), self._service_name(row)),
            fill(self.tr("Status: %1"), status_name(app.status)),
        ]
        if app.accepted_on:
            lines.append(fill(self.tr("Accepted on: %1"), app.accepted_on))
        if app.due_date:
            lines.append(fill(self.tr("Due: %1"), app.due_date))
        mark = self.model.deadline_mark(row.deadline_state)
        if mark:
            lines.append(fill(self.tr("Deadline: %1"), mark))
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

    def _service_name(self, row: ApplicationRow) -> str:
        item = self.item
        return localised(item.name, item.name_en) if item is not None else self.model.service_name(row)

    def _possible(self, action: str) -> bool:
        """The selected application's status allows ``action`` and so does the clerk's role."""
        app = self.application
        if app is None or action not in STEPS:
            return False
        return action in {a.value for a in allowed_actions(Status(app.status))} and self.actor.can(
            STEPS[action]
        )

    def _allowed(self, action: str) -> bool:
        """Possible, and no step is on its way to the database."""
        return self._step is None and self._possible(action)

    def _enable_steps(self) -> None:
        focused = self.window().focusWidget()
        for action, button in self.step_buttons.items():
            button.setEnabled(self._allowed(action))
        self.form.confirm_button.setEnabled(self._step is None)
        app = self.application
        has_notice = app is not None and notice_kind(app.status) is not None
        self.reprint_button.setEnabled(has_notice and not self._notice_busy)
        self.pdf_button.setEnabled(has_notice and not self._pdf_busy)
        self._park_focus(focused)

    # --- the keyboard focus ---------------------------------------------------------------------------
    def _park_focus(self, focused: QWidget | None) -> None:
        """A button disabled under the keyboard focus hands it to the next control in the chain, which
        the clerk's next Space would press ("Print notice…" after "Start"): the list takes it instead,
        until the work that disabled the button is done (``_unpark_focus``)."""
        buttons = [*self.step_buttons.values(), self.reprint_button, self.pdf_button]
        buttons.append(self.form.confirm_button)
        if focused is not None and not focused.isEnabled() and any(focused is b for b in buttons):
            self._parked = focused
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _unpark_focus(self, instead: QWidget | None = None) -> None:
        """The work is done: the focus goes back from the list to the control it was parked from (or
        to ``instead``) when that can take it; else it stays on the list. Left alone when the clerk
        has moved it meanwhile."""
        parked, self._parked = self._parked, None
        target = instead or parked
        if target is None or (parked is not None and self.window().focusWidget() is not self.table):
            return
        if target.isEnabled() and target.isVisibleTo(self):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_in_form(self) -> bool:
        """The keyboard focus is in the step's form (or parked from its Confirm button)."""
        focused = self.window().focusWidget()
        return self._parked is self.form.confirm_button or (
            focused is not None and self.form.isAncestorOf(focused)
        )

    # --- steps ----------------------------------------------------------------------------------------
    def begin(self, action: str) -> None:
        """A step's button: done at once when it needs nothing, else its inline form opens."""
        if self.application is None or not self._allowed(action):
            return
        self.message.clear()
        if action in IMMEDIATE:
            self.confirm(action)
            return
        if action == Action.RATE.value:
            # The citizen rates on the screen turned to them; the clerk never chooses the level.
            view = self.rating.open_for(self.application.id)
            if view.application_id != self.application.id:
                self._say(self.tr("The rating screen is open for another application: close it first."))
            return
        codes: list[str] | None = None
        if action == Action.SUPPLEMENT.value:
            app = self.application
            codes = list(app.pending_materials or app.missing_materials) or None
        self.form.open_for(action, self.item, codes)

    def confirm(self, action: str) -> None:
        """Submit ``action`` with what the form holds; once: the steps stay disabled until it is done.
        Errors stay on the page."""
        app = self.application
        if app is None or self._step is not None or not action:
            return
        form = self.form
        step = Step(
            action,
            app.id,
            reason=form.reason.text(),
            granted=bool(form.result.currentData()),
            method=form.method.currentData(),
            received=form.received() if action == Action.SUPPLEMENT.value else {},
        )
        actor = self.actor
        self._step = action
        self._enable_steps()
        self.db.submit(
            lambda counter: take_step(counter, actor, step),
            partial(self._step_done, action),
            self._step_failed,
            owner=self,
        )

    def _step_done(self, action: str, selected: Selected) -> None:
        self._step = None
        in_form = self._focus_in_form()
        self.form.close_form()
        self._selected_read(selected)  # the buttons follow the new status at once
        self._enable_steps()
        # From the closed form the focus goes to the step's button (if it can be taken again).
        self._unpark_focus(self.step_buttons[action] if in_form else None)
        self._say(fill(self.tr("Done: %1"), action_name(action)), ok=True)
        self.reload()  # the list's status and sync columns

    def _step_failed(self, error: BaseException) -> None:
        self._step = None
        self._enable_steps()
        self._unpark_focus()
        self._failed(error)

    # --- messages -------------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        """Every error goes in the message line: the core's (and the disk's) in its own words, anything
        else (a bug, or e.g. the database still locked after the busy timeout) as an unexpected error,
        which is also reported as Qt reports uncaught exceptions."""
        self._say(error_text(error))
        if not isinstance(error, (CounterError, OSError)):
            sys.excepthook(type(error), error, error.__traceback__)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
