"""The catalogue page: read on the database thread; search in Chinese or by pinyin initials; an item's
materials and form fields; a new catalogue version shows on reload."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.catalogue import catalogue_to_dict
from counter_app.core import Counter
from tests.ui.helpers import (
    ModelTesters,
    model_tester_fixture,  # noqa: F401 - the model_tester fixture
    settle,
    type_text,
)
from tests.ui.pages_support import check_named_and_fits, open_page, window_fixture  # noqa: F401
from tests.ui.test_pages_applicants import held
from ui.i18n import fill
from ui.main_window import MainWindow
from ui.models.item_form_model import ItemFormModel
from ui.models.item_materials_model import ItemMaterialsModel
from ui.models.labels import localised
from ui.views.catalogue import CatalogueView
from ui.workers import Database


def page_of(window: MainWindow, qtbot: QtBot, db: Database) -> CatalogueView:
    page = open_page(window, "catalogue")
    assert isinstance(page, CatalogueView)
    settle(qtbot, db)
    return page


def current_code(page: CatalogueView) -> str:
    return page.model.item(page.table.currentIndex().row()).code


def test_pinyin_initials_find_the_minimum_allowance(
    window: MainWindow, db: Database, qtbot: QtBot, model_tester: ModelTesters
) -> None:
    page = page_of(window, qtbot, db)
    for model in (page.model, page.materials_model, page.fields_model):
        model_tester(model)
    everything = page.model.rowCount()
    assert everything > 0
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
    assert db.idle  # searching the catalogue already read reads nothing more


def test_the_catalogue_shows_once_it_is_read(qtbot: QtBot, db: Database, counter: Counter) -> None:
    with held(db):
        page = CatalogueView(db)
        qtbot.addWidget(page)
        assert page.catalogue is None and page.model.rowCount() == 0
        assert page.details.text() == page.tr("Reading the catalogue…")
        type_text(qtbot, page.search, "zdshbz")  # typing meanwhile is kept, and applied on arrival
    settle(qtbot, db)
    active = counter.catalogue.active()
    assert page.version.text() == fill(page.tr("Version %1"), active.version)
    assert [page.model.item(n).code for n in range(page.model.rowCount())] == [
        item.code for item in active.search("zdshbz")
    ]
    assert "最低生活保障" in page.details.text()


def test_reload_shows_a_new_version_and_keeps_the_chosen_item(
    window: MainWindow, db: Database, counter: Counter, cli_actor: Actor, qtbot: QtBot
) -> None:
    page = page_of(window, qtbot, db)
    page.table.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    chosen = current_code(page)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.reload()
    page.reload()
    settle(qtbot, db)
    assert resets == [] and current_code(page) == chosen  # nothing new: nothing redrawn

    # A sync (here the test's own connection) installs version 2026.2, renaming the chosen item.
    document = catalogue_to_dict(counter.catalogue.active())
    document["version"] = "2026.2"
    entry = next(entry for entry in document["items"] if entry["code"] == chosen)
    entry["name"], entry["name_en"] = entry["name"] + "（新版）", entry["name_en"] + " (new)"
    counter.catalogue.install(cli_actor, document)
    page.reload()
    settle(qtbot, db)
    assert page.version.text() == fill(page.tr("Version %1"), "2026.2")
    assert current_code(page) == chosen
    renamed = page.model.item(page.table.currentIndex().row())
    assert renamed.name.endswith("（新版）")
    assert escape(localised(renamed.name, renamed.name_en)) in page.details.text()


def test_item_models(counter: Counter, model_tester: ModelTesters) -> None:
    item = next(i for i in counter.catalogue.active().active_items() if i.form)
    materials, form = ItemMaterialsModel(), ItemFormModel()
    for model in (materials, form):
        model_tester(model)
    materials.set_rows(item.materials)
    form.set_rows(item.form)
    originals = materials.data(materials.index(0, ItemMaterialsModel.ORIGINALS))
    assert originals == str(item.materials[0].originals)
    assert form.rowCount() == len(item.form)


def test_controls_are_named_and_the_page_fits(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    page = page_of(window, qtbot, db)
    check_named_and_fits(window, page)
