"""The dashboard page (统计): the office's figures for a period and a scope, as tiles, two charts and
two tables, each chart saved as PNG and each table exported to XLSX or CSV.

Everything is read by the core's use case (``counter.dashboard.figures``) on the database thread
(``ui.workers.Database``, one keyed job: a newer choice replaces an older one not yet delivered); the
figures on screen stay until the new ones arrive. The page reads when it is shown, when a chooser
changes and on ``reload()`` (the main window calls it after a sync); a ``reload()`` while the page is
hidden waits until it is shown, so a clerk who never opens the page never pays for its query.

Supervisors and administrators choose the whole office, a service item or a staff member. A clerk
sees the same page for their own cases: the core narrows the scope whatever is asked; the page says
so and offers no staff chooser.

Files are written off the UI thread (``ui.views.dashboard.export``); the file dialogs are Qt's own
when ``native_dialogs`` is False (tests answer them). UI thread only, except the functions in
``reads.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.accounts import Actor, Permission
from counter_app.errors import CounterError
from counter_app.statistics import MAX_PERIOD_DAYS, GroupFigures
from ui.i18n import error_text, fill
from ui.models.audit_labels import account_name, person_name
from ui.models.labels import localised
from ui.views.dashboard.charts import BarChart
from ui.views.dashboard.export import write_csv, write_png, write_xlsx
from ui.views.dashboard.numbers import day_text
from ui.views.dashboard.reads import ItemName, Reading, Request, read_dashboard
from ui.views.dashboard.series import intake_bars, satisfaction_bars
from ui.views.dashboard.tables import FiguresTableModel
from ui.views.dashboard.tiles import FigureTiles
from ui.views.intake.widgets import heading, hint, list_table, named
from ui.workers import Database, run_in_background

READ_KEY = "dashboard.figures"  # keys are global to the Database: prefixed with the page
ERROR_STYLE = "color: #a4262c;"
NOTE_STYLE = "background: #fff4ce; color: #5c3c00; padding: 4px;"


class DashboardView(QWidget):
    """``figures_shown`` follows each reading put on screen; ``saved(path)`` each file written,
    ``save_failed(text)`` a file that could not be."""

    figures_shown = Signal()
    saved = Signal(Path)
    save_failed = Signal(str)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, native_dialogs: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_dashboard")
        self.db = db
        self.actor = actor
        self.native_dialogs = native_dialogs
        self.limited = not actor.can(Permission.VIEW_REPORTS)  # a clerk: their own cases
        self.reading: Reading | None = None  # the one on screen
        self.file_dialog: QFileDialog | None = None
        self._stale = True  # read when next shown
        self._item_names: dict[str, ItemName] = {}
        self._staff_names: dict[str, str] = {}

        self.period = named(QComboBox(), self.tr("Period"))
        for text, name in (
            (self.tr("This week"), "this_week"),
            (self.tr("This month"), "this_month"),
            (self.tr("Last month"), "last_month"),
            (self.tr("Custom range"), ""),
        ):
            self.period.addItem(text, name)
        self.period.setCurrentIndex(1)
        self.start = self._date_edit(self.tr("Period starts"))
        self.end = self._date_edit(self.tr("Period ends"))
        self.item = named(QComboBox(), self.tr("Service item"))
        self.item.addItem(self.tr("All service items"), None)
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item.setMinimumContentsLength(14)
        self.staff = named(QComboBox(), self.tr("Staff member"))
        self.staff.addItem(self.tr("All staff members"), None)
        self.staff.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.staff.setMinimumContentsLength(8)
        self.staff_label = QLabel(self.tr("Staff:"))
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), self.tr("Refresh the figures"))

        self.scope_note = hint(
            self.tr(
                "You see your own cases: those you accepted, and those you took in that nobody has "
                "accepted yet."
            ),
            self.tr("Whose cases"),
        )
        self.calendar_note = QLabel(
            self.tr(
                "The official holiday arrangement for part of this period is not published yet: working "
                "days there are estimated, and the processing times may change."
            )
        )
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet(NOTE_STYLE)
        self.status = hint(name=self.tr("Reading status"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Message"))

        self.tiles = FigureTiles()
        self.intake_chart = BarChart(
            self.tr("Applications taken in per day"),
            bar_legend=self.tr("Working day"),
            muted_legend=self.tr("Weekend or holiday"),
            empty_text=self.tr("No days in the period."),
        )
        self.satisfaction_chart = BarChart(
            self.tr("Satisfaction rate over time"),
            percent=True,
            empty_text=self.tr("No ratings in the period."),
        )
        self.intake_png = named(
            QPushButton(self.tr("Save chart as PNG…")), self.tr("Save the intake chart as PNG")
        )
        self.satisfaction_png = named(
            QPushButton(self.tr("Save chart as PNG…")), self.tr("Save the satisfaction chart as PNG")
        )
        self.items_model = FiguresTableModel(self.tr("Service item"), self.tr("Code"), self)
        self.items_table = list_table(self.tr("Figures per service item"))
        self.items_table.setModel(self.items_model)
        self.staff_model = FiguresTableModel(
            self.tr("Staff member"), self.tr("Account"), self, key_text=account_name
        )
        self.staff_table = list_table(self.tr("Figures per staff member"))
        self.staff_table.setModel(self.staff_model)
        self.export_buttons: dict[tuple[str, str], QPushButton] = {}
        for which, what in (("items", self.tr("per service item")), ("staff", self.tr("per staff member"))):
            for kind, words in (
                ("xlsx", self.tr("Export to &Excel (XLSX)…")),
                ("csv", self.tr("Export to &CSV…")),
            ):
                button = named(
                    QPushButton(words), fill(self.tr("Export the figures %1 to %2"), what, kind.upper())
                )
                button.clicked.connect(lambda _checked=False, w=which, k=kind: self.choose_export(w, k))
                self.export_buttons[(which, kind)] = button

        self._lay_out()
        self.period.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _date: self._dates_edited())
        self.item.currentIndexChanged.connect(lambda _index: self._read())
        self.staff.currentIndexChanged.connect(lambda _index: self._read())
        self.refresh_button.clicked.connect(self._read)
        self.intake_png.clicked.connect(lambda: self.choose_png("intake"))
        self.satisfaction_png.clicked.connect(lambda: self.choose_png("satisfaction"))
        self.scope_note.setVisible(self.limited)
        self.staff.setVisible(not self.limited)
        self.staff_label.setVisible(not self.limited)
        self.calendar_note.setVisible(False)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = named(QDateEdit(), name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)  # shows the chosen period; edited for a custom range
        return edit

    def _lay_out(self) -> None:
        choosers = QHBoxLayout()
        choosers.addWidget(heading(self.tr("Dashboard")))
        choosers.addSpacing(12)
        choosers.addWidget(QLabel(self.tr("Period:")))
        choosers.addWidget(self.period)
        choosers.addWidget(self.start)
        choosers.addWidget(QLabel("–"))
        choosers.addWidget(self.end)
        choosers.addStretch(1)
        choosers.addWidget(self.refresh_button)
        # The scope on a line of its own: one line of every chooser would not fit a 1366-pixel screen
        # in large text.
        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Service:")))
        scope.addWidget(self.item, 2)
        scope.addWidget(self.staff_label)
        scope.addWidget(self.staff, 1)

        charts = QHBoxLayout()
        for chart, button in (
            (self.intake_chart, self.intake_png),
            (self.satisfaction_chart, self.satisfaction_png),
        ):
            column = QVBoxLayout()
            column.addWidget(chart, 1)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            column.addLayout(row)
            charts.addLayout(column, 1)

        self.tables = QTabWidget()
        self.tables.setAccessibleName(self.tr("Tables"))
        for which, table, title in (
            ("items", self.items_table, self.tr("By service item")),
            ("staff", self.staff_table, self.tr("By staff member")),
        ):
            tab = QWidget()
            tab_layout = QVBoxLayout(tab)
            tab_layout.addWidget(table, 1)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.export_buttons[(which, "xlsx")])
            buttons.addWidget(self.export_buttons[(which, "csv")])
            tab_layout.addLayout(buttons)
            self.tables.addTab(tab, title)
        self.tables.setMinimumHeight(260)
        self.items_table.setColumnHidden(FiguresTableModel.KEY, True)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.tiles)
        body.addLayout(charts, 1)
        body.addWidget(self.tables, 1)
        # The page scrolls within itself: its height never becomes the main window's page stack's.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addLayout(scope)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.calendar_note)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    def focus_first(self) -> None:
        """The keyboard focus on the period chooser (the main window's Ctrl+<number>)."""
        self.period.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the figures again (after a sync); when the page is hidden, once it is shown."""
        if self.isVisible():
            self._read()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._read()

    def request(self) -> Request | None:
        """What the choosers ask for, or None (and why, in the message line) for a custom range that
        cannot be read."""
        name = self.period.currentData() or None
        item, staff = self.item.currentData(), None if self.limited else self.staff.currentData()
        if name is not None:
            return Request(name, item_code=item, staff=staff)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self.message.setText(self.tr("The period ends before it starts."))
            return None
        if (end - start).days + 1 > MAX_PERIOD_DAYS:
            self.message.setText(fill(self.tr("A period may be at most %1 days long."), MAX_PERIOD_DAYS))
            return None
        return Request(None, start, end, item, staff)

    def _read(self) -> None:
        self.message.clear()
        request = self.request()
        if request is None:
            return
        self._stale = False
        self.status.setText(self.tr("Reading the figures…"))
        actor = self.actor
        self.db.submit(
            lambda counter: read_dashboard(counter, actor, request),
            self._show,
            self._failed,
            key=READ_KEY,
            owner=self,
        )

    def _period_chosen(self, _index: int) -> None:
        custom = not self.period.currentData()
        for edit in (self.start, self.end):
            edit.setEnabled(custom)
        self._read()

    def _dates_edited(self) -> None:
        if not self.period.currentData():
            self._read()

    def _failed(self, error: BaseException) -> None:
        self.status.clear()
        self.message.setText(error_text(error))
        if not isinstance(error, CounterError):  # a bug, not a refusal: report it as well
            sys.excepthook(type(error), error, error.__traceback__)

    # --- showing ----------------------------------------------------------------------------------
    def _show(self, reading: Reading) -> None:
        self.reading = reading
        d = reading.dashboard
        self.status.clear()
        self._item_names = {item.code: item for item in reading.items}
        self._staff_names.update({line.key: line.label for line in d.by_staff})
        self._fill_choosers(reading)
        for edit, day in ((self.start, d.period.start), (self.end, d.period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)
        self.tiles.show_figures(d.totals, d.period, day_text(d.today))
        self.calendar_note.setVisible(d.calendar_estimated)
        self.items_model.set_rows(self._item_lines(d.by_item))
        self.staff_model.set_rows(d.by_staff)
        for table in (self.items_table, self.staff_table):
            table.resizeColumnsToContents()
        span = fill(self.tr("%1 to %2"), day_text(d.period.start), day_text(d.period.end))
        total = sum(day.count for day in d.intake_per_day)
        self.intake_chart.set_bars(intake_bars(d), fill(self.tr("%1, %2 in all"), span, total))
        self.satisfaction_chart.title = (
            self.tr("Satisfaction rate per day")
            if d.satisfaction_bucket == "day"
            else self.tr("Satisfaction rate per week")
        )
        self.satisfaction_chart.setAccessibleName(self.satisfaction_chart.title)
        rated = sum(point.rated for point in d.satisfaction)
        self.satisfaction_chart.set_bars(
            satisfaction_bars(d), fill(self.tr("%1, share of good ratings, %2 ratings"), span, rated)
        )
        self.figures_shown.emit()

    def _item_lines(self, lines: tuple[GroupFigures, ...]) -> list[GroupFigures]:
        """The lines with the item names in the screen's language (the core gives the Chinese ones)."""
        named_lines = []
        for line in lines:
            item = self._item_names.get(line.key)
            named_lines.append(replace(line, label=localised(item.name, item.name_en)) if item else line)
        return named_lines

    def staff_name(self, audit_name: str) -> str:
        """A staff member's display name where a reading gave it, else the account name."""
        return person_name(audit_name, self._staff_names)

    def _fill_choosers(self, reading: Reading) -> None:
        self._staff_names.update(reading.staff_names)
        items = [(localised(item.name, item.name_en), item.code) for item in reading.items]
        _refill(self.item, items)
        _refill(self.staff, [(self.staff_name(name), name) for name in reading.staff])

    # --- files ------------------------------------------------------------------------------------
    def choose_png(self, which: str) -> None:
        self._ask_path(
            self.tr("Save the chart as PNG"),
            self.tr("PNG images (*.png)"),
            "png",
            self._file_stem(self.tr("intake") if which == "intake" else self.tr("satisfaction")),
            lambda path: self.save_png(which, path),
        )

    def choose_export(self, which: str, kind: str) -> None:
        self._ask_path(
            self.tr("Export the table"),
            self.tr("Excel workbooks (*.xlsx)") if kind == "xlsx" else self.tr("CSV files (*.csv)"),
            kind,
            self._file_stem(self.tr("per service item") if which == "items" else self.tr("per staff member")),
            lambda path: self.export_table(which, kind, path),
        )

    def _file_stem(self, what: str) -> str:
        if self.reading is None:
            return fill(self.tr("Dashboard %1"), what)
        period = self.reading.dashboard.period
        return fill(self.tr("Dashboard %1 %2 to %3"), what, day_text(period.start), day_text(period.end))

    def _ask_path(
        self, title: str, name_filter: str, suffix: str, stem: str, chosen: Callable[[Path], None]
    ) -> None:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([name_filter])
        dialog.setDefaultSuffix(suffix)
        if not self.native_dialogs:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(documents or str(Path.home()))
        dialog.selectFile(f"{stem}.{suffix}".replace("/", "-"))
        dialog.fileSelected.connect(lambda path: chosen(Path(path)))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def save_png(self, which: str, path: Path) -> None:
        """Write the chart ``which`` (``intake`` or ``satisfaction``) at twice its size to ``path``."""
        chart = self.intake_chart if which == "intake" else self.satisfaction_chart
        image = chart.image(2.0)
        self._write(lambda: write_png(image, path))

    def export_table(self, which: str, kind: str, path: Path) -> None:
        """Write the table ``which`` (``items``, ``staff``) as ``kind`` (``xlsx``, ``csv``) to ``path``."""
        model = self.items_model if which == "items" else self.staff_model
        table = model.table()
        sheet = self.tr("Per service item") if which == "items" else self.tr("Per staff member")
        self._write(lambda: write_xlsx(table, path, sheet) if kind == "xlsx" else write_csv(table, path))

    def _write(self, write: Callable[[], Path]) -> None:
        self.message.clear()
        self.status.setText(self.tr("Writing the file…"))
        run_in_background(write, self._written, self._not_written, owner=self)

    def _written(self, path: Path) -> None:
        self.status.setText(fill(self.tr("Saved: %1"), str(path)))
        self.saved.emit(path)

    def _not_written(self, error: BaseException) -> None:
        self.status.clear()
        text = fill(self.tr("The file could not be written: %1"), error_text(error))
        self.message.setText(text)
        self.save_failed.emit(text)


def _refill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    """Replace a chooser's entries after its first ("all") one, staying on the chosen one (kept even
    when no longer offered: the figures on screen are for it)."""
    chosen, chosen_text = combo.currentData(), combo.currentText()
    if chosen is not None and all(data != chosen for _text, data in entries):
        entries = [*entries, (chosen_text, chosen)]
    current = [(combo.itemText(n), combo.itemData(n)) for n in range(1, combo.count())]
    if current == entries:
        return
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in entries:
        combo.addItem(text, data)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
