"""The catalogue page: search in Chinese or by pinyin initials; an item's materials and form fields."""

from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from counter_app.core import Counter
from tests.ui.helpers import type_text
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from ui.main_window import MainWindow
from ui.models.item_form_model import ItemFormModel
from ui.models.item_materials_model import ItemMaterialsModel
from ui.views.catalogue import CatalogueView


def page_of(window: MainWindow) -> CatalogueView:
    page = open_page(window, "catalogue")
    assert isinstance(page, CatalogueView)
    return page


def test_pinyin_initials_find_the_minimum_allowance(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window)
    for model in (page.model, page.materials_model, page.fields_model):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    everything = page.model.rowCount()
    type_text(qtbot, page.search, "zdshbz")
    assert 0 < page.model.rowCount() < everything
    item = page.model.item(0)
    assert "最低生活保障" in item.name
    assert "最低生活保障" in page.details.text()
    assert page.materials_model.rowCount() == len(item.materials)
    assert page.fields_model.rowCount() == len(item.form)
    page.search.clear()
    type_text(qtbot, page.search, "最低生活")
    assert "最低生活保障" in page.model.item(0).name


def test_item_models(counter: Counter) -> None:
    item = next(i for i in counter.catalogue.active().active_items() if i.form)
    materials, form = ItemMaterialsModel(), ItemFormModel()
    for model in (materials, form):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    materials.set_rows(item.materials)
    form.set_rows(item.form)
    originals = materials.data(materials.index(0, ItemMaterialsModel.ORIGINALS))
    assert originals == str(item.materials[0].originals)
    assert form.rowCount() == len(item.form)


def test_controls_are_named_and_the_page_fits(window: MainWindow) -> None:
    page = page_of(window)
    check_named_and_fits(window, page)
