"""The inline form of one lifecycle step: what the step needs (a reason, the result, the delivery
method, the rating, material counts), then Confirm. Inline rather than a modal dialog, so the list
stays in sight and nothing blocks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counter_app.catalogue import ServiceItem
from ui.i18n import fill
from ui.models.case_labels import action_name
from ui.models.labels import localised
from ui.views.intake.widgets import named

NEEDS_REASON = {"suspend", "complete", "withdraw"}
MAX_MATERIAL_ROWS = 8


class ActionForm(QGroupBox):
    """Emits ``confirmed(action)``; the view reads the fields and calls the core."""

    confirmed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = ""
        self.reason = named(QLineEdit(), self.tr("Reason"))
        self.result = named(QComboBox(), self.tr("Result"))
        self.result.addItem(self.tr("Granted"), True)
        self.result.addItem(self.tr("Denied"), False)
        self.method = named(QComboBox(), self.tr("Delivery method"))
        for value, text in (
            ("counter", self.tr("At the counter")),
            ("post", self.tr("By post")),
            ("electronic", self.tr("Electronic")),
        ):
            self.method.addItem(text, value)
        self.materials: list[tuple[str, QSpinBox, QSpinBox]] = []
        self.confirm_button = named(QPushButton(self.tr("Confirm")), self.tr("Confirm"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), self.tr("Cancel"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(lambda: self.confirmed.emit(self.action))
        self.cancel_button.clicked.connect(self.cancelled)
        self.reason.returnPressed.connect(self.confirm_button.click)

        self.form = QFormLayout(self)
        for label, widget in (
            (self.tr("Reason"), self.reason),
            (self.tr("Result"), self.result),
            (self.tr("Delivery method"), self.method),
        ):
            self.form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        self.form.addRow(buttons)
        self.setVisible(False)

    def open_for(self, action: str, item: ServiceItem | None = None, codes: list[str] | None = None) -> None:
        """Show the fields ``action`` needs; for a supplement, one count row per material in ``codes``."""
        self.action = action
        self.setTitle(action_name(action))
        self.reason.clear()
        self._clear_materials()
        shown = {
            self.reason: action in NEEDS_REASON,
            self.result: action == "complete",
            self.method: action == "deliver",
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        if action == "supplement" and item is not None:
            for code in (codes or [m.code for m in item.materials])[:MAX_MATERIAL_ROWS]:
                material = item.material(code)
                name = localised(material.name, material.name_en)
                originals = named(QSpinBox(), fill(self.tr("Originals: %1"), name))
                copies = named(QSpinBox(), fill(self.tr("Copies: %1"), name))
                originals.setValue(material.originals)
                copies.setValue(material.copies)
                row = QHBoxLayout()
                row.addWidget(originals)
                row.addWidget(copies)
                self.form.insertRow(self.form.rowCount() - 1, name, row)
                self.materials.append((code, originals, copies))
        self.setVisible(True)
        first = self.reason if action in NEEDS_REASON else self.confirm_button
        first.setFocus()

    def received(self) -> dict[str, tuple[int, int]]:
        return {code: (originals.value(), copies.value()) for code, originals, copies in self.materials}

    def close_form(self) -> None:
        self._clear_materials()
        self.setVisible(False)

    def _clear_materials(self) -> None:
        for _code, originals, _copies in self.materials:
            row = self._row_of(originals)
            if row >= 0:
                self.form.removeRow(row)
        self.materials = []

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            layout = item.layout() if item is not None else None
            if layout is not None and layout.indexOf(widget) >= 0:
                return row
        return -1
