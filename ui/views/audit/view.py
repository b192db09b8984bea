"""The audit page (审计): the audit trail newest first — who, what, which record, how it ended, when —
filtered by person, action, outcome and period and read a page at a time as the list scrolls; views of
citizens' personal data per person over the period; the hash-chain check with its result in words;
and an export of the filtered events to CSV with the column titles in the user's language.

The page reads when it is shown and on ``reload()`` (the main window calls it after a sync that
changed data, and when the page is shown again); a ``reload()`` while the page is hidden waits until
it is shown. Read again under the same filter, the list keeps the reader's place: the events written
meanwhile go on top, the rows, the selection and the scroll position stay, the count follows.

Supervisors and administrators (``VIEW_AUDIT``); anyone else gets a short explanation and the page
reads nothing (the core refuses them too, and audits the refusal). Every reading runs on the database
thread (``db.submit``); readings are keyed, so a newer filter drops the results of an older one. The
export's file is chosen in a file dialog (``native_dialogs=False`` gives Qt's own, which tests can
answer). The widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission
from counter_app.audit import VerifyResult
from counter_app.errors import CounterError, ValidationError
from counter_app.records import AuditEvent, AuditFilter, PersonalDataViews
from counter_app.services.audit_trail import CSV_COLUMNS
from ui.i18n import error_text, fill
from ui.models.audit_labels import chain_problem_text
from ui.models.audit_model import AuditEventsModel, Deliver, Fail, Load, PersonalDataViewsModel
from ui.views.audit.filters import PERSONAL_DATA_VIEWS, EventFilters, PeriodChooser
from ui.views.audit.reads import Choices, FirstPage, read_choices, read_first_page
from ui.views.intake.widgets import heading, hint, list_table, named, select_row
from ui.workers import Database

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #1b5e20;"
_pages = itertools.count(1)  # keys are global to the Database: one prefix per page object


class AuditView(QWidget):
    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_audit")
        self.db = db
        self.actor = actor
        self.native_dialogs = native_dialogs
        self.allowed = actor.can(Permission.VIEW_AUDIT)
        self.total: int | None = None  # events matching the filter, when counted
        self.where: AuditFilter | None = None  # the filter of the events shown
        self.export_dialog: QFileDialog | None = None
        self.exported_to: Path | None = None
        self.chain: VerifyResult | None = None  # the last check's result
        self._key = f"audit.{next(_pages)}"
        self._checking = False
        self._exporting = False
        self._stale = True  # read when next shown
        if not self.allowed:
            self._explain()
            return

        self.period = PeriodChooser()
        self.filters = EventFilters()
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), self.tr("Refresh"))
        self.check_button = named(
            QPushButton(self.tr("C&heck the chain")),
            self.tr("Check the chain"),
            self.tr("Checks that no event of the trail was changed or removed"),
        )
        self.chain_result = QLabel()
        self.chain_result.setWordWrap(True)
        self.chain_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain_result.setAccessibleName(self.tr("Result of the chain check"))

        self.model = AuditEventsModel(self)
        self.table = list_table(self.tr("Audit events"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(AuditEventsModel.ACTION, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Events found"))
        self.export_button = named(QPushButton(self.tr("E&xport CSV…")), self.tr("Export CSV"))

        self.views_model = PersonalDataViewsModel(self)
        self.views_table = list_table(self.tr("Views of personal data"))
        self.views_table.setModel(self.views_model)
        self.views_note = hint(
            self.tr(
                "How often each person viewed citizens' personal data in the period: applicants' "
                "details shown, scans opened, notices prepared. Double-click a person, or press Enter "
                "on them, to list their views."
            ),
            self.tr("About the views of personal data"),
        )

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Audit"))
        self.tabs.addTab(self._events_tab(), self.tr("&Events"))
        self.tabs.addTab(self._views_tab(), self.tr("Vie&ws of personal data"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Audit trail")))
        top.addSpacing(16)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chain_result)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.period.changed.connect(self.read)
        self.filters.changed.connect(self.read_events)
        self.refresh_button.clicked.connect(self.reload)
        self.check_button.clicked.connect(self.check_chain)
        self.export_button.clicked.connect(self.choose_export_path)
        # Double-click or Enter (a view's activation): the person's views, listed on the events tab.
        self.views_table.activated.connect(lambda index: self.show_views_of(index.row()))
        self.model.load_failed.connect(self._failed)
        self.model.page_loaded.connect(self._page_loaded)
        self.reload()

    def _explain(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Audit trail")))
        self.explanation = hint(
            self.tr(
                "The audit trail records who did what and who viewed citizens' personal data. "
                "Supervisors and administrators review it; your role does not include this."
            ),
            self.tr("Audit trail"),
        )
        layout.addWidget(self.explanation)
        layout.addStretch(1)

    def _events_tab(self) -> QWidget:
        tab = QWidget()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        return tab

    def _views_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.views_note)
        layout.addWidget(self.views_table, 1)
        return tab

    def focus_first(self) -> None:
        """The keyboard focus on the current tab's list (the main window's Ctrl+<number>)."""
        if self.allowed:
            table = self.table if self.tabs.currentIndex() == 0 else self.views_table
            table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- reading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the filters' choices, the events and the views again (a sync, the page shown again),
        keeping the reader's place; when the page is hidden, once it is shown."""
        if not self.allowed:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        actor = self.actor
        self.db.submit(
            lambda counter: read_choices(counter, actor),
            self._choices_read,
            self._failed,
            key=f"{self._key}.choices",
            owner=self,
        )

    def _choices_read(self, choices: Choices) -> None:
        self.period.set_today(choices.today)
        self.filters.set_choices(choices.actors, choices.actions, choices.staff_names)
        self.model.set_staff_names(choices.staff_names)
        self.views_model.set_staff_names(choices.staff_names)
        self.read(keep_place=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def read(self, *, keep_place: bool = False) -> None:
        """The events and the views of personal data under the filters as they are; ``keep_place``:
        under the filter of the rows shown, only what was written since goes on top."""
        if keep_place:
            self.refresh_events()
        else:
            self.read_events()
        self.read_views()

    def current_filter(self) -> AuditFilter:
        return self.filters.where(*self.period.dates())

    def read_events(self) -> None:
        self.message.clear()
        self.where = self.current_filter()
        self.total = None
        self.count.setText(self.tr("Reading…"))
        self.model.set_source(self._loader(self.where))

    def refresh_events(self) -> None:
        """The events written since the rows shown were read go on top, and the count follows; the
        rows, the selection and the scroll position stay. Under another filter (a new day changes a
        named period), or with nothing shown yet, the list is read from the top."""
        where = self.current_filter()
        if where != self.where or not self.model.rowCount() or self.model.loading:
            self.read_events()
            return
        actor, source, limit = self.actor, self.model.source, AuditEventsModel.PAGE
        self.db.submit(
            lambda counter: read_first_page(counter, actor, where, limit),
            lambda first: self._newer_read(where, source, first),
            self._failed,
            key=f"{self._key}.newer",
            owner=self,
        )

    def _newer_read(self, where: AuditFilter, source: int, first: FirstPage) -> None:
        if where != self.where or source != self.model.source:
            return  # the list was read again from the top meanwhile
        bar = self.table.verticalScrollBar()
        value = bar.value()
        added = self.model.add_newer(first.events)
        if added is None:  # more were written than a page holds: from the top
            self.read_events()
            return
        self.total = first.total
        if added and value > bar.minimum():  # the rows under the reader's eyes stay where they are
            per_item = self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
            step = 1 if per_item else self.table.verticalHeader().defaultSectionSize()
            self.table.updateGeometries()
            bar.setValue(value + added * step)
        self._show_count()

    def _loader(self, where: AuditFilter) -> Load:
        db, actor, key = self.db, self.actor, f"{self._key}.events"

        def load(before_seq: int | None, limit: int, deliver: Deliver, fail: Fail) -> object:
            if before_seq is None:
                return db.submit(
                    lambda counter: read_first_page(counter, actor, where, limit),
                    lambda first: self._first_page(where, first, deliver),
                    fail,
                    key=key,
                    owner=self.model,
                )
            return db.submit(
                lambda counter: counter.audit_trail.events(actor, where, limit=limit, before_seq=before_seq),
                deliver,
                fail,
                key=key,
                owner=self.model,
            )

        return load

    def _first_page(self, where: AuditFilter, first: FirstPage, deliver: Deliver) -> None:
        if where == self.where:
            self.total = first.total
        deliver(first.events)

    def _page_loaded(self, offset: int, _count: int) -> None:
        if offset == 0:
            self.table.resizeColumnsToContents()
        self._show_count()

    def _show_count(self) -> None:
        total, shown = self.total, self.model.rowCount()
        if total is None:
            return
        if shown < total:
            self.count.setText(
                fill(self.tr("%1 events found; the newest %2 are listed (scroll for more)."), total, shown)
            )
        else:
            self.count.setText(self.tr("%n event(s) found.", "", total))

    def read_views(self) -> None:
        actor, (date_from, date_to) = self.actor, self.period.dates()
        self.db.submit(
            lambda counter: counter.audit_trail.personal_data_views(actor, date_from, date_to),
            self._views_read,
            self._failed,
            key=f"{self._key}.views",
            owner=self,
        )

    def _views_read(self, views: list[PersonalDataViews]) -> None:
        row = self.views_table.currentIndex().row()
        chosen = self.views_model.views(row).actor if 0 <= row < self.views_model.rowCount() else None
        self.views_model.set_rows(views)
        self.views_table.resizeColumnsToContents()
        again = next((n for n, line in enumerate(views) if line.actor == chosen), -1)
        if again >= 0 and again < self.views_model.rowCount():  # the person chosen stays chosen
            select_row(self.views_table, again)

    def show_views_of(self, row: int) -> None:
        """The events tab with the views of personal data by the person on ``row`` of the views tab."""
        if not 0 <= row < self.views_model.rowCount():
            return
        self.filters.choose(person=self.views_model.views(row).actor, action=PERSONAL_DATA_VIEWS)
        self.tabs.setCurrentIndex(0)

    def events_shown(self) -> list[AuditEvent]:
        return self.model.events()

    # --- the chain check ----------------------------------------------------------------------------
    def check_chain(self) -> None:
        if not self.allowed or self._checking:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.chain_result.setStyleSheet("")
        self.chain_result.setText(self.tr("Checking the chain…"))
        actor = self.actor
        self.db.submit(
            lambda counter: counter.audit_trail.verify(actor), self._checked, self._check_failed, owner=self
        )

    def _checked(self, result: VerifyResult) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        self.chain = result
        if result.ok:
            text = self.tr(
                "The chain is intact: %n event(s) checked, none changed or removed.", "", result.events
            )
        else:
            problems = "\n".join(f"• {chain_problem_text(problem)}" for problem in result.problems)
            text = (
                self.tr(
                    "The chain is broken: events were changed or removed outside Counter. Keep the data "
                    "as it is and report it."
                )
                + "\n"
                + problems
            )
        self.chain_result.setStyleSheet(OK_STYLE if result.ok else ERROR_STYLE)
        self.chain_result.setText(text)
        self.refresh_events()  # the check is itself an event

    def _check_failed(self, error: BaseException) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        self.chain_result.clear()
        self._failed(error)

    # --- the export ---------------------------------------------------------------------------------
    def csv_headers(self) -> list[str]:
        """The export's column titles in the user's language, in the core's column order."""
        titles = {
            "seq": self.tr("No."),
            "ts": self.tr("When"),
            "device_ts": self.tr("When, on this counter's clock"),
            "actor": self.tr("Who"),
            "action": self.tr("Action"),
            "entity": self.tr("Record type"),
            "entity_id": self.tr("Record ID"),
            "outcome": self.tr("Outcome"),
            "detail": self.tr("Details"),
        }
        return [titles.get(column, column) for column in CSV_COLUMNS]

    def choose_export_path(self) -> None:
        if not self.allowed or self._exporting:
            return
        dialog = QFileDialog(self, self.tr("Export the audit events as CSV"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)")])
        dialog.setDefaultSuffix("csv")
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.selectFile(self.tr("audit-trail.csv"))
        dialog.fileSelected.connect(lambda path: self.export(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.export_dialog = dialog
        dialog.open()

    def export(self, path: Path) -> None:
        """Write the events under the filter shown to ``path`` (on the database thread)."""
        if not self.allowed or self._exporting:
            return
        actor, where, headers = self.actor, self.where or self.current_filter(), self.csv_headers()
        self._exporting = True
        self.export_button.setEnabled(False)
        self.message.clear()
        self.db.submit(
            lambda counter: counter.audit_trail.export_csv(actor, path, where, headers=headers),
            lambda written: self._exported(path, written),
            self._export_failed,
            owner=self,
        )

    def _exported(self, path: Path, written: int) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self.exported_to = path
        self.refresh_events()  # the export is itself an event
        self._say(fill(self.tr("%n event(s) written to %1.", "", written), str(path)), ok=True)

    def _export_failed(self, error: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._failed(error)

    # --- messages -----------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError) and error.field in ("date_from", "date_to"):
            self.period.show_error(self.tr("The last day is before the first."))
            self.count.clear()
            return
        self._say(error_text(error))
        if not isinstance(error, (CounterError, OSError)):
            sys.excepthook(type(error), error, error.__traceback__)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
