"""Open sync conflicts: the list, the chosen one's two versions side by side, and the three ways to
settle it — keep this counter's change, take the platform's version, or edit the fields in conflict
and keep the result. Each goes to the core (``counter.conflicts``) on the database thread and the list
is read again afterwards; the resolution is an op the next sync sends.

The core audits every reading of the list (it shows citizens' personal data on both sides), so the
page reads it only when asked to by ``read()`` (``ConflictsView`` does while it is on screen). A
resolution is submitted once: the buttons stay disabled until it is done. When this counter's step is
no longer allowed from the platform's state (the core's ``keep_mine_refusal``), "keep mine" and "edit"
are disabled and the reason is said beside them; if the core refuses anyway (a later waiting change
of the record), the same words appear as the message. UI thread only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.errors import CounterError, NotFound, ValidationError
from counter_app.records import SyncConflict
from counter_app.services.conflicts import StepNotAllowed, keep_mine_refusal
from ui.i18n import error_text, fill
from ui.views.conflicts.edit_form import EditForm, editable_fields
from ui.views.conflicts.labels import edit_error, entity_name, field_labels, step_refusal_text, when_text
from ui.views.conflicts.models import ComparisonModel, ConflictsModel, DifferingOnly
from ui.views.intake.widgets import hint, list_table, named, select_row
from ui.workers import Database

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #1b5e20;"
KEEP_MINE, KEEP_SERVER = "mine", "server"


class ConflictsPanel(QWidget):
    """``count_changed(n)``: the list was read, with ``n`` open conflicts. ``resolved()``: a conflict
    was settled (the status bar's count changed)."""

    count_changed = Signal(int)
    resolved = Signal()

    def __init__(self, db: Database, actor: Actor, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_panel")
        self.db = db
        self.actor = actor
        self._key = f"{key}.conflicts"
        self.conflict: SyncConflict | None = None  # the one shown
        self._busy = False  # a resolution is on the database thread

        self.model = ConflictsModel(self)
        self.table = list_table(self.tr("Open conflicts"))
        self.table.setModel(self.model)
        self.comparison_model = ComparisonModel(self)
        self.differing = DifferingOnly(self)
        self.differing.setSourceModel(self.comparison_model)
        self.comparison = list_table(self.tr("This counter's version and the platform's, field by field"))
        self.comparison.setModel(self.differing)
        self.comparison.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Conflict"))
        self.only_differing = named(
            QCheckBox(self.tr("Only the fields that &differ")), self.tr("Only the fields that differ")
        )
        self.keep_mine_button = named(
            QPushButton(self.tr("&Keep mine")),
            self.tr("Keep mine"),
            self.tr("This counter's change goes to the platform again, on top of the platform's version."),
        )
        self.take_platform_button = named(
            QPushButton(self.tr("&Take the platform's")),
            self.tr("Take the platform's"),
            self.tr(
                "The platform's version replaces this counter's; this counter's waiting changes to the "
                "record are dropped. Both versions stay with the conflict."
            ),
        )
        self.edit_button = named(
            QPushButton(self.tr("&Edit and keep…")),
            self.tr("Edit and keep"),
            self.tr("Type the values of the fields in conflict; the result goes to the platform."),
        )
        for button in (self.keep_mine_button, self.take_platform_button, self.edit_button):
            button.setToolTip(button.accessibleDescription())
        self.not_editable = hint(
            self.tr("The fields in conflict change only through the record's steps: keep one side.")
        )
        self.not_editable.setWordWrap(False)
        # This counter's step is no longer allowed from the platform's state: only its version is left.
        self.mine_refused = hint(name=self.tr("Why this counter's change cannot be kept"))
        self.mine_refused.setObjectName("mine_refused")
        self.edit_form = EditForm()
        self.edit_form.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_differing)
        details_layout.addLayout(top)
        details_layout.addWidget(
            hint(self.tr("Personal data is shown in full: each reading is recorded in the audit trail."))
        )
        details_layout.addWidget(self.comparison, 1)
        buttons = QHBoxLayout()
        for button in (self.keep_mine_button, self.take_platform_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addWidget(self.not_editable)
        buttons.addStretch(1)
        details_layout.addLayout(buttons)
        details_layout.addWidget(self.mine_refused)
        details_layout.addWidget(self.edit_form)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.only_differing.toggled.connect(self.differing.set_enabled)
        self.keep_mine_button.clicked.connect(lambda: self.resolve(KEEP_MINE))
        self.take_platform_button.clicked.connect(lambda: self.resolve(KEEP_SERVER))
        self.edit_button.clicked.connect(self.begin_edit)
        self.edit_form.submitted.connect(self.edit_and_keep)
        self.edit_form.cancelled.connect(self.end_edit)
        self.show_row(-1)

    # --- the list -----------------------------------------------------------------------------------
    def read(self) -> None:
        """Read the open conflicts again (audited by the core), staying on the one shown."""
        actor = self.actor
        self.db.submit(
            lambda counter: counter.conflicts.list_open(actor),
            self._show_list,
            self._read_failed,
            key=f"{self._key}.list",
            owner=self,
        )

    def _show_list(self, conflicts: list[SyncConflict]) -> None:
        keep = self.conflict.id if self.conflict is not None else None
        self.model.set_rows(conflicts)
        self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep is not None else -1
        if conflicts:
            select_row(self.table, max(row, 0))
        self.show_row(max(row, 0) if conflicts else -1)
        self.count_changed.emit(len(conflicts))

    def _read_failed(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.show_row(-1)
        self._failed(error)

    # --- the chosen conflict ------------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        """Show the conflict on ``row`` side by side (-1: none)."""
        chosen = self.model.conflict(row) if 0 <= row < self.model.rowCount() else None
        if chosen is None or self.conflict is None or chosen.id != self.conflict.id:
            self.end_edit()  # what was typed belonged to another conflict
        self.conflict = chosen
        self.comparison_model.set_conflict(chosen)
        self.comparison.resizeColumnToContents(ComparisonModel.FIELD)
        self.comparison.resizeColumnToContents(ComparisonModel.MARK)
        self.comparison.setColumnWidth(ComparisonModel.MINE, 300)
        if chosen is None:
            self.summary.setText(
                self.tr("No open conflicts: the platform took every change this counter sent.")
                if self.model.total() == 0
                else self.tr("Choose a conflict in the list.")
            )
        else:
            record = " ".join(
                part
                for part in (entity_name(chosen.entity), chosen.receipt_no, chosen.applicant_name)
                if part
            )
            self.summary.setText(
                fill(
                    self.tr(
                        "%1: another writer changed %2 on the platform (its version %3) while this "
                        "counter changed it too, on %4."
                    ),
                    record,
                    field_labels(chosen.entity, chosen.conflict_fields),
                    chosen.platform_version,
                    when_text(chosen.detected_at),
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.conflict is not None and not self._busy
        refusal = keep_mine_refusal(self.conflict) if self.conflict is not None else None
        self.keep_mine_button.setEnabled(chosen and refusal is None)
        self.take_platform_button.setEnabled(chosen)
        editable = self.conflict is not None and bool(editable_fields(self.conflict))
        self.edit_button.setEnabled(
            chosen and editable and refusal is None and not self.edit_form.isVisibleTo(self)
        )
        # Said beside the button, not only in its tooltip: a disabled button explains nothing.
        self.not_editable.setVisible(self.conflict is not None and not editable and refusal is None)
        self.mine_refused.setText(step_refusal_text(refusal) if refusal is not None else "")
        self.mine_refused.setVisible(refusal is not None)
        self.edit_form.set_busy(self._busy)

    # --- settling it --------------------------------------------------------------------------------
    def resolve(self, keep: str) -> None:
        """Keep this counter's change (``mine``) or take the platform's version (``server``)."""
        conflict = self.conflict
        if conflict is None or self._busy:
            return
        actor, conflict_id = self.actor, conflict.id
        done = (
            self.tr("Kept this counter's change: it goes to the platform at the next sync.")
            if keep == KEEP_MINE
            else self.tr("Took the platform's version; this counter's change to the record was dropped.")
        )
        self._start()
        self.db.submit(
            lambda counter: counter.conflicts.resolve(actor, conflict_id, keep),
            lambda _none: self._done(done),
            self._failed_resolution,
            owner=self,
        )

    def begin_edit(self) -> None:
        """Show a box for each field in conflict that may be edited, filled with this counter's value."""
        if self.conflict is None or self._busy:
            return
        fields = editable_fields(self.conflict)
        if not fields:
            return
        self.message.clear()
        self.edit_form.clear_errors()
        self.edit_form.set_conflict(self.conflict, fields)
        self.edit_form.setVisible(True)
        self.edit_form.focus_first()
        self._update_buttons()

    def end_edit(self) -> None:
        if self.edit_form.isVisibleTo(self):
            self.edit_form.setVisible(False)
            self.edit_button.setFocus()
        self._update_buttons()

    def edit_and_keep(self, texts: dict[str, str]) -> None:
        conflict = self.conflict
        if conflict is None or self._busy:
            return
        actor, conflict_id, entity = self.actor, conflict.id, conflict.entity
        done = self.tr("Kept the edited values: they go to the platform at the next sync.")
        self.edit_form.clear_errors()
        self._start()
        self.db.submit(
            lambda counter: counter.conflicts.edit_and_keep_text(actor, conflict_id, texts),
            lambda _none: self._done(done),
            lambda error: self._edit_failed(entity, error),
            owner=self,
        )

    def _start(self) -> None:
        self._busy = True
        self.message.clear()
        self.table.setFocus()  # not on a button that is about to be disabled
        self._update_buttons()

    def _done(self, text: str) -> None:
        self._busy = False
        self.edit_form.setVisible(False)
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)
        self._update_buttons()
        self.resolved.emit()
        self.read()

    def _edit_failed(self, entity: str, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(error, StepNotAllowed):
            self._failed_resolution(error)
            return
        if isinstance(error, ValidationError) and self.edit_form.show_error(
            error.field, edit_error(entity, error)
        ):
            return
        self._failed_resolution(error)

    def _failed_resolution(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(error, StepNotAllowed):
            # A later waiting change of the record takes a step the platform no longer allows.
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(step_refusal_text(error))
            return
        if isinstance(error, NotFound):
            # Settled meanwhile (the command line, another window): the list shows what is left.
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("This conflict was already resolved."))
            self.read()
            return
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
        if not isinstance(error, CounterError):  # a bug, not a refusal: report it as well
            sys.excepthook(type(error), error, error.__traceback__)

    def focus_first(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            select_row(self.table, 0)
