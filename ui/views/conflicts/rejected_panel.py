"""Operations the platform rejected for good: the record, the field the platform named and its
reason, and "Acknowledge" once someone has dealt with it. An acknowledged op is kept as it was (the
core records who and when) and leaves the list and the status bar's count; "show acknowledged"
lists it again. No citizen's data is shown: names of fields and reasons only. UI thread only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.accounts import Actor
from counter_app.errors import CounterError, NotFound
from counter_app.records import RejectedOp
from ui.i18n import error_text, fill
from ui.views.conflicts.labels import field_labels, rejection_reason, when_text
from ui.views.conflicts.models import RejectedModel
from ui.views.intake.widgets import hint, list_table, named, select_row
from ui.workers import Database

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #1b5e20;"


class RejectedPanel(QWidget):
    """``count_changed(n)``: the list was read, with ``n`` ops not yet acknowledged.
    ``acknowledged()``: an op was acknowledged (the status bar's count changed)."""

    count_changed = Signal(int)
    acknowledged = Signal()

    def __init__(self, db: Database, actor: Actor, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejected_panel")
        self.db = db
        self.actor = actor
        self._key = f"{key}.rejected"
        self.op: RejectedOp | None = None
        self._busy = False

        self.model = RejectedModel(self)
        self.table = list_table(self.tr("Operations the platform rejected"))
        self.table.setModel(self.model)
        self.show_all = named(
            QCheckBox(self.tr("S&how acknowledged ones too")), self.tr("Show acknowledged ones too")
        )
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Rejected operation"))
        self.acknowledge_button = named(
            QPushButton(self.tr("&Acknowledge")),
            self.tr("Acknowledge"),
            self.tr("Mark the operation as dealt with; it is kept and never sent again."),
        )
        self.acknowledge_button.setToolTip(self.acknowledge_button.accessibleDescription())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        top = QHBoxLayout()
        top.addWidget(
            hint(
                self.tr(
                    "The platform refused these changes for good: they are kept here and never sent "
                    "again. Correct the record if needed, then acknowledge the operation."
                )
            ),
            1,
        )
        top.addWidget(self.show_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.show_all.toggled.connect(lambda _on: self.read())
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.show_row(-1)

    def read(self) -> None:
        actor, everything = self.actor, self.show_all.isChecked()
        self.db.submit(
            lambda counter: counter.conflicts.rejected(actor, include_acknowledged=everything),
            self._show_list,
            self._read_failed,
            key=f"{self._key}.list",
            owner=self,
        )

    def _show_list(self, ops: list[RejectedOp]) -> None:
        keep = self.op.op_id if self.op is not None else None
        self.model.set_rows(ops)
        self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep is not None else -1
        if ops:
            select_row(self.table, max(row, 0))
        self.show_row(max(row, 0) if ops else -1)
        self.count_changed.emit(sum(1 for op in ops if op.acknowledged_at is None))

    def _read_failed(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.show_row(-1)
        self._failed(error)

    def show_row(self, row: int) -> None:
        op = self.model.op(row) if 0 <= row < self.model.rowCount() else None
        self.op = op
        if op is None:
            self.details.setText(
                self.tr("The platform has rejected no operation of this counter.")
                if self.model.total() == 0
                else self.tr("Choose an operation in the list.")
            )
        else:
            lines = [
                fill(self.tr("Reason: %1"), rejection_reason(op.code)),
                fill(self.tr("The platform's words: %1"), op.message or "—"),
                fill(
                    self.tr("The change (made at %1) set: %2"),
                    when_text(op.made_at),
                    field_labels(op.entity, op.fields),
                ),
            ]
            if op.acknowledged_at:
                lines.append(
                    fill(
                        self.tr("Acknowledged by %1 at %2."),
                        op.acknowledged_by or "",
                        when_text(op.acknowledged_at),
                    )
                )
            self.details.setText("\n".join(lines))
        self.acknowledge_button.setEnabled(op is not None and op.acknowledged_at is None and not self._busy)

    def acknowledge(self) -> None:
        op = self.op
        if op is None or op.acknowledged_at is not None or self._busy:
            return
        actor, op_id = self.actor, op.op_id
        self._busy = True
        self.message.clear()
        self.table.setFocus()
        self.acknowledge_button.setEnabled(False)
        self.db.submit(
            lambda counter: counter.conflicts.acknowledge(actor, op_id),
            lambda _first: self._done(),
            self._acknowledge_failed,
            owner=self,
        )

    def _done(self) -> None:
        self._busy = False
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("Acknowledged. The operation is kept in the records."))
        self.acknowledged.emit()
        self.read()

    def _acknowledge_failed(self, error: BaseException) -> None:
        self._busy = False
        self.show_row(self.model.row_of(self.op.op_id) if self.op is not None else -1)
        self._failed(error)
        if isinstance(error, NotFound):
            self.read()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
        if not isinstance(error, CounterError):
            sys.excepthook(type(error), error, error.__traceback__)

    def focus_first(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            select_row(self.table, 0)
