"""The rectification page (整改): the tasks a bad rating (不满意, 非常不满意) opened, filtered open /
overdue / closed with the count of each; for the chosen open task the supervisor writes what was done
and closes it (one synced change, through ``counter.ratings.close_rectification``); a closed task shows
what was done, when and by whom.

Every reading and writing runs on the database thread (``db.submit``, the functions in ``reads.py``);
a close and the re-read of the list are one job, and the button stays disabled meanwhile. A refusal
of the text is shown under the text box, anything else in the message line. Roles without
``HANDLE_RECTIFICATION`` get a short explanation instead of the page (the core refuses them too).
The widget's methods are for the UI thread.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission
from counter_app.errors import CounterError, InvalidTransition, ValidationError
from counter_app.records import RectificationCounts, RectificationRow
from counter_app.services.ratings import MAX_RESOLUTION
from ui.i18n import error_text, fill, validation_text
from ui.models.audit_labels import person_and_account
from ui.models.rectifications_model import RectificationsModel, aspects_text, level_name, task_state_name
from ui.views.intake.widgets import heading, hint, list_table, named, select_row
from ui.views.rectifications.reads import Tasks, close_task, read_tasks
from ui.workers import Database

ERROR_STYLE = "color: #a4262c;"
OK_STYLE = "color: #1b5e20;"
STATES = ("open", "overdue", "closed")
_pages = itertools.count(1)  # keys are global to the Database: one prefix per page object


def when(ts: str | None) -> str:
    return (ts or "")[:16].replace("T", " ")


class RectificationsView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_rectifications")
        self.db = db
        self.actor = actor
        self.allowed = actor.can(Permission.HANDLE_RECTIFICATION)
        self.state = "open"
        self.counts: RectificationCounts | None = None
        self._key = f"rectifications.{next(_pages)}"
        self._closing = False
        self._shown_id: str | None = None
        self._staff_names: Mapping[str, str] = {}  # display names by audit name, read with the tasks
        if not self.allowed:
            self._explain()
            return

        self.filter_buttons: dict[str, QPushButton] = {}
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        for state in STATES:
            button = named(QPushButton(), self._filter_name(state))
            button.setCheckable(True)
            button.setChecked(state == self.state)
            button.clicked.connect(lambda _checked=False, state=state: self.show_state(state))
            self.filter_group.addButton(button)
            self.filter_buttons[state] = button
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), self.tr("Refresh"))
        self.model = RectificationsModel(self)
        self.table = list_table(self.tr("Rectification tasks"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RectificationsModel.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.empty = hint(name=self.tr("No tasks"))

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Task details"))
        self.resolution_label = QLabel(self.tr("&What was done:"))
        self.resolution = named(
            QPlainTextEdit(),
            self.tr("What was done"),
            fill(
                self.tr("Up to %1 characters; the platform receives it with the closed task."), MAX_RESOLUTION
            ),
        )
        self.resolution.setTabChangesFocus(True)
        self.resolution.setPlaceholderText(
            self.tr("E.g. called the citizen back, explained the conditions, trained the clerk")
        )
        self.resolution_label.setBuddy(self.resolution)
        self.resolution_error = QLabel()
        self.resolution_error.setWordWrap(True)
        self.resolution_error.setStyleSheet(ERROR_STYLE)
        self.resolution_error.setAccessibleName(self.tr("Problem with what was done"))
        self.close_button = named(QPushButton(self.tr("&Close task")), self.tr("Close task"))
        self.close_form = QWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        self._lay_out_page()
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_row(current.row())
        )
        self.close_button.clicked.connect(self.close_task)
        self.resolution.textChanged.connect(self.resolution_error.clear)
        self._show_counts()
        self.show_row(-1)
        self.reload()

    def _explain(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Rectification")))
        self.explanation = hint(
            self.tr(
                "Rectification tasks follow up bad ratings. They are handled by supervisors; "
                "your role does not include this."
            ),
            self.tr("Rectification"),
        )
        layout.addWidget(self.explanation)
        layout.addStretch(1)

    def _lay_out_page(self) -> None:
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Rectification")))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show:")))
        for button in self.filter_buttons.values():
            top.addWidget(button)
        top.addWidget(self.refresh_button)

        form = QVBoxLayout(self.close_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.resolution_label)
        form.addWidget(self.resolution, 1)
        form.addWidget(self.resolution_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        form.addLayout(buttons)

        # Below the list, side by side: the chosen task, and (open tasks) what was done.
        lower = QWidget()
        lower.setMinimumHeight(200)
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addWidget(self.close_form, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def _filter_name(self, state: str) -> str:
        return {
            "open": self.tr("Open tasks"),
            "overdue": self.tr("Overdue tasks"),
            "closed": self.tr("Closed tasks"),
        }[state]

    def _show_counts(self) -> None:
        counts = self.counts
        labels = {"open": self.tr("&Open"), "overdue": self.tr("Ov&erdue"), "closed": self.tr("C&losed")}
        for state, button in self.filter_buttons.items():
            number = getattr(counts, state) if counts is not None else None
            button.setText(
                labels[state] if number is None else fill(self.tr("%1 (%2)"), labels[state], number)
            )
            if state == "overdue":
                button.setStyleSheet(ERROR_STYLE if number else "")

    def focus_first(self) -> None:
        """The keyboard focus on the task list (the main window's Ctrl+<number>)."""
        if self.allowed:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the list -----------------------------------------------------------------------------------
    def show_state(self, state: str) -> None:
        """Show the tasks in ``state`` (``open`` — overdue ones included —, ``overdue``, ``closed``)."""
        if not self.allowed or state not in STATES:
            return
        self.state = state
        self.filter_buttons[state].setChecked(True)
        self.message.clear()
        self.reload()

    def reload(self) -> None:
        """Read the tasks and the counts again; the chosen task stays chosen while it is listed."""
        if not self.allowed:
            return
        actor, state = self.actor, self.state
        self.db.submit(
            lambda counter: read_tasks(counter, actor, state),
            self._tasks_read,
            self._failed,
            key=f"{self._key}.list",
            owner=self,
        )

    def _tasks_read(self, tasks: Tasks) -> None:
        if tasks.state != self.state:
            return  # another filter was chosen meanwhile; its own reading follows
        self.counts = tasks.counts
        self._staff_names = tasks.staff_names
        self._show_counts()
        keep = self._shown_id
        self.model.set_tasks(tasks.rows, tasks.names)
        self.table.resizeColumnsToContents()
        self.empty.setText(self._empty_text() if not tasks.rows else "")
        self.empty.setVisible(not tasks.rows)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            select_row(self.table, row)
            self.show_row(row)
        else:
            self.show_row(-1)

    def _empty_text(self) -> str:
        return {
            "open": self.tr("No open tasks: every bad rating has been followed up."),
            "overdue": self.tr("No task is overdue."),
            "closed": self.tr("No task has been closed yet."),
        }[self.state]

    # --- the chosen task ------------------------------------------------------------------------------
    def current_task(self) -> RectificationRow | None:
        row = self.table.currentIndex().row() if self.allowed else -1
        return self.model.task(row) if 0 <= row < self.model.rowCount() else None

    def show_row(self, row: int) -> None:
        task = self.model.task(row) if 0 <= row < self.model.rowCount() else None
        if task is None or task.id != self._shown_id:
            self.resolution.clear()
            self.resolution_error.clear()
        self._shown_id = task.id if task is not None else None
        if task is None:
            self.details.setText(self.tr("Choose a task in the list."))
            self.close_form.setVisible(False)
            return
        self.details.setText(self._details(task))
        self.close_form.setVisible(task.status == "open")
        self._enable()

    def _details(self, task: RectificationRow) -> str:
        lines = [
            fill(self.tr("Receipt no.: %1"), task.receipt_no),
            fill(self.tr("Service: %1"), self.model.service_name(task)),
            fill(self.tr("Applicant: %1"), task.applicant_name),
            fill(self.tr("Rating: %1 (given %2)"), level_name(task.level), when(task.rated_at)),
            fill(
                self.tr("Found unsatisfactory: %1"),
                aspects_text(task.unsatisfied_aspects) or self.tr("(not said)"),
            ),
            fill(self.tr("Comment: %1"), task.comment or self.tr("(none)")),
        ]
        if task.status == "open":
            due = fill(self.tr("Due: %1"), task.due_date)
            lines.append(fill(self.tr("%1 — overdue"), due) if task.overdue else due)
        else:
            lines.append(fill(self.tr("State: %1"), task_state_name(task)))
            lines.append(fill(self.tr("What was done: %1"), task.resolution or ""))
            closer = (
                person_and_account(task.closed_by, self._staff_names)
                if task.closed_by
                else self.tr("on another counter")
            )
            lines.append(fill(self.tr("Closed: %1, by %2"), when(task.closed_at), closer))
        return "\n".join(lines)

    def _enable(self) -> None:
        self.close_button.setEnabled(not self._closing)
        self.close_button.setText(self.tr("Closing…") if self._closing else self.tr("&Close task"))

    # --- closing ------------------------------------------------------------------------------------
    def close_task(self) -> None:
        """Close the chosen open task with what the text box holds (once: the button waits)."""
        task = self.current_task() if self.allowed else None
        if task is None or task.status != "open" or self._closing:
            return
        actor, state, task_id = self.actor, self.state, task.id
        resolution = self.resolution.toPlainText()
        self._closing = True
        self._enable()
        self.message.clear()
        self.resolution_error.clear()
        self.db.submit(
            lambda counter: close_task(counter, actor, task_id, resolution, state),
            lambda tasks: self._closed(task, tasks),
            self._close_failed,
            owner=self,
        )

    def _closed(self, task: RectificationRow, tasks: Tasks) -> None:
        self._closing = False
        self._enable()
        self.resolution.clear()
        self._say(fill(self.tr("Task closed: %1"), task.receipt_no), ok=True)
        if tasks.state == self.state:
            self._tasks_read(tasks)
        else:
            self.reload()

    def _close_failed(self, error: BaseException) -> None:
        self._closing = False
        self._enable()
        if isinstance(error, ValidationError) and error.field == "resolution":
            self.resolution_error.setText(self._resolution_text(error))
            self.resolution.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if isinstance(error, InvalidTransition):
            self._say(self.tr("This task is already closed (here, or on another counter)."))
            self.reload()
            return
        self._failed(error)

    def _resolution_text(self, error: ValidationError) -> str:
        if error.code == "required":
            return self.tr("Write what was done before closing the task.")
        if error.code == "max_length":
            return fill(self.tr("Too long: at most %1 characters."), MAX_RESOLUTION)
        return validation_text(error)

    # --- messages -----------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error))
        if not isinstance(error, (CounterError, OSError)):
            sys.excepthook(type(error), error, error.__traceback__)

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
