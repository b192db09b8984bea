"""The intake's list models, checked by Qt's QAbstractItemModelTester while they change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.logging import QtLoggingPlugin

from counter_app.catalogue import load_demo_catalogue
from counter_app.records import ApplicantSummary
from ui.models.applicants_model import ApplicantsModel
from ui.models.materials_model import AttachedScan, MaterialsModel
from ui.models.services_model import ApplicableServices, ServicesModel

SUBSISTENCE = "990101101-05-0001-001"
EMPLOYMENT = "990101101-20-0301-001"

Tester = Callable[[QAbstractItemModel], QAbstractItemModelTester]


@pytest.fixture
def model_tester(qtlog: QtLoggingPlugin) -> Iterator[Tester]:
    """Attach QAbstractItemModelTester (it re-checks the model on every signal); fail on what it reports."""
    testers: list[QAbstractItemModelTester] = []

    def attach(model: QAbstractItemModel) -> QAbstractItemModelTester:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        testers.append(tester)
        return tester

    yield attach
    failures = [record.message for record in qtlog.records if "FAIL!" in record.message]
    assert failures == []
    assert testers


def applicant(number: int) -> ApplicantSummary:
    return ApplicantSummary(
        id=f"id-{number}",
        kind="person",
        name=f"张{number}",
        name_initials="z",
        id_type="resident_id",
        id_masked="110105********002X",
        birth_date="1949-12-31",
        sex="female" if number % 2 else "male",
        phone_masked="138****8000",
        representative=None,
        version=0,
        sync_state="pending",
        created_at="2026-11-23T09:30:00+08:00",
        updated_at="2026-11-23T09:30:00+08:00",
    )


def test_applicants_model_shows_rows_in_batches(qapp) -> None:
    model = ApplicantsModel()
    model.set_rows(applicant(n) for n in range(ApplicantsModel.BATCH + 30))
    assert model.rowCount() == ApplicantsModel.BATCH and model.total() == ApplicantsModel.BATCH + 30
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == ApplicantsModel.BATCH + 30 and not model.canFetchMore(QModelIndex())


def test_applicants_model(qapp, model_tester: Tester) -> None:
    model = ApplicantsModel()
    model_tester(model)  # it fetches everything as it checks
    model.set_rows(applicant(n) for n in range(ApplicantsModel.BATCH + 30))
    model.set_rows(applicant(n) for n in range(5))
    assert model.columnCount() == ApplicantsModel.COLUMN_COUNT
    assert model.data(model.index(1, ApplicantsModel.NAME)) == "张1"
    assert model.data(model.index(1, ApplicantsModel.SEX)) == "Female"
    assert model.data(model.index(0, ApplicantsModel.ID_NUMBER)) == "110105********002X"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == "id-0"
    assert model.headerData(ApplicantsModel.PHONE, Qt.Orientation.Horizontal) == "Mobile"
    model.set_rows([])
    assert model.rowCount() == 0


def test_services_model_and_the_filter_by_applicant_kind(qapp, model_tester: Tester) -> None:
    catalogue = load_demo_catalogue()
    model = ServicesModel()
    proxy = ApplicableServices()
    proxy.setSourceModel(model)
    model_tester(model)
    model_tester(proxy)
    model.set_rows(catalogue.search(""))
    everything = proxy.rowCount()
    assert everything == len(catalogue.active_items())
    proxy.set_applicant_kind("organisation")
    assert [proxy.item(row).code for row in range(proxy.rowCount())] == [EMPLOYMENT]
    proxy.set_applicant_kind("person")
    assert proxy.rowCount() == everything - 1
    model.set_rows(catalogue.search("zdsh"))
    assert proxy.item(0).code == SUBSISTENCE
    assert proxy.data(proxy.index(0, ServicesModel.CODE)) == SUBSISTENCE


def test_materials_model_records_counts_and_scans(qapp, model_tester: Tester) -> None:
    item = load_demo_catalogue().item(SUBSISTENCE)
    model = MaterialsModel()
    model_tester(model)
    model.set_item(item)
    assert model.rowCount() == len(item.materials)
    originals = model.index(0, MaterialsModel.ORIGINALS)
    assert model.flags(originals) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, MaterialsModel.NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(0, MaterialsModel.STATUS)) == "Missing"
    assert model.setData(originals, 1)
    assert model.data(model.index(0, MaterialsModel.STATUS)) == "Received"  # M01 wants 1 original, no copy
    assert not model.setData(originals, 100) and not model.setData(originals, "many")
    model.toggle_received(0)
    assert model.received()["M01"] == (0, 0)
    model.mark_all_received()
    check = model.check()
    assert check.complete and check.missing_optional == ("M06", "M08")
    assert model.data(model.index(5, MaterialsModel.STATUS)) == "Not handed in"
    front, back = AttachedScan("a-1", "id-card.png", 200), AttachedScan("a-2", "id-card-back.png", 300)
    model.add_scan("M02", front)
    assert model.data(model.index(1, MaterialsModel.SCANS)) == "id-card.png"
    model.set_problem("M02", "Wrong file type")
    assert model.data(model.index(1, MaterialsModel.SCANS)) == "Refused: Wrong file type"
    model.add_scan("M02", back)
    assert model.data(model.index(1, MaterialsModel.SCANS)) == "id-card-back.png and 1 more"
    assert model.data(model.index(1, MaterialsModel.SCANS), Qt.ItemDataRole.ToolTipRole) == (
        "id-card.png\nid-card-back.png"
    )
    assert model.scans("M02") == (front, back)
    assert model.remove_scan("a-1") == front
    assert model.scans("M02") == (back,)
    assert model.data(model.index(1, MaterialsModel.SCANS)) == "id-card-back.png"
    assert model.remove_scan("a-1") is None  # already gone: nothing changes
    model.remove_scan("a-2")
    assert model.data(model.index(1, MaterialsModel.SCANS)) == "—"
