"""The office's settings (设置): defaults, a round trip, every field's check, the audit, who may save,
and what the notices take from them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.services.applicants import PersonInput
from counter_app.services.office_settings import OfficeSettings
from counter_app.services.seed import Seeder

SUBSISTENCE = "990101101-05-0001-001"
TEMPORARY_AID = "990101101-05-0003-001"


def _events(counter: Counter, action: str) -> list[dict]:
    """The events of ``action``, oldest first, their detail decoded."""
    found = [dict(e) for e in reversed(counter.ctx.audit_log.recent(1000)) if e["action"] == action]
    for event in found:
        event["detail"] = json.loads(event["detail"])
    return found


def test_defaults_before_anything_is_saved(counter: Counter) -> None:
    settings = counter.office_settings.get()
    assert settings == OfficeSettings(backup_folder=str(counter.data_dir / "backups" / "daily"))
    assert (settings.idle_lock_minutes, settings.backup_keep_days, settings.retention_days) == (5, 30, 1095)
    assert settings.paper_size == "a4" and settings.notice_layout == "a4"
    assert settings.notice_office_name == "" and settings.printer_name == ""


def test_round_trip_and_audit_of_the_changed_keys(counter: Counter, admin: Actor, tmp_path: Path) -> None:
    wanted = replace(
        counter.office_settings.get(),
        notice_office_name="  示范县青山镇便民服务中心 ",
        office_contact="地址：人民路1号  电话：0791-86000000",
        idle_lock_minutes=0,
        backup_folder=str(tmp_path / "usb"),
        retention_days=3650,
        printer_name="Counter Printer",
        paper_size="80mm",
    )
    saved = counter.office_settings.save(admin, wanted)
    assert saved == replace(wanted, notice_office_name="示范县青山镇便民服务中心")
    assert saved.notice_layout == "receipt" and saved.idle_lock_ms == 0
    assert counter.ctx.settings.get("idle_lock_minutes") == "0"
    assert counter.ctx.settings.get("backup_keep_days") is None  # unchanged: left unset
    [event] = _events(counter, "settings.change")
    assert event["actor"] == "user:admin1"
    detail = event["detail"]
    assert detail["keys"] == [
        "notice_office_name",
        "office_contact",
        "idle_lock_minutes",
        "backup_folder",
        "retention_days",
        "printer_name",
        "paper_size",
    ]
    assert detail["values"]["idle_lock_minutes"] == 0
    # Reopening the profile reads the same settings.
    data_dir, clock = counter.data_dir, counter.ctx.clock
    counter.close()
    with Counter.open(data_dir, clock=clock) as reopened:
        assert reopened.office_settings.get() == saved
    # Saving the same again changes nothing and records nothing.
    with Counter.open(data_dir, clock=clock) as reopened:
        reopened.office_settings.save(admin, saved)
        assert len(_events(reopened, "settings.change")) == 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("idle_lock_minutes", -1, "range"),
        ("idle_lock_minutes", 241, "range"),
        ("idle_lock_minutes", True, "format"),
        ("idle_lock_minutes", "5", "format"),
        ("backup_keep_days", 0, "range"),
        ("backup_keep_days", 3651, "range"),
        ("retention_days", 29, "range"),
        ("retention_days", 36501, "range"),
        ("paper_size", "letter", "choice"),
        ("backup_folder", "relative/folder", "format"),
        ("backup_folder", "  ", "required"),
        ("notice_office_name", "中心" * 31, "max_length"),
        ("notice_office_name", "两行\n文字", "format"),
        ("office_contact", "电" * 121, "max_length"),
        ("printer_name", 42, "format"),
    ],
)
def test_each_field_is_checked_and_named(
    counter: Counter, admin: Actor, field: str, value, code: str
) -> None:
    before = counter.office_settings.get()
    bad = replace(before, **{"office_contact": "电话 0791-86000000", field: value})
    with pytest.raises(ValidationError) as raised:
        counter.office_settings.save(admin, bad)
    assert raised.value.field == field and raised.value.code == code
    assert counter.office_settings.get() == before  # nothing stored, not even the good fields
    assert _events(counter, "settings.change") == []


def test_limits_are_accepted(counter: Counter, admin: Actor) -> None:
    edge = replace(
        counter.office_settings.get(), idle_lock_minutes=240, backup_keep_days=1, retention_days=30
    )
    assert counter.office_settings.save(admin, edge) == edge


def test_only_the_administrator_saves(counter: Counter, clerk: Actor, supervisor: Actor) -> None:
    settings = replace(counter.office_settings.get(), idle_lock_minutes=1)
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            counter.office_settings.save(actor, settings)
    assert counter.office_settings.get().idle_lock_minutes == 5
    denied = _events(counter, "permission.denied")
    assert len(denied) == 2


def test_an_unreadable_stored_value_falls_back_to_its_default(counter: Counter) -> None:
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("idle_lock_minutes", "soon")
        counter.ctx.settings.set("paper_size", "letter")
        counter.ctx.settings.set("backup_folder", "not/absolute")
    settings = counter.office_settings.get()
    assert settings.idle_lock_minutes == 5 and settings.paper_size == "a4"
    assert settings.backup_folder == str(counter.data_dir / "backups" / "daily")


# --- what the notices take from the settings ------------------------------------------------------------
def _accepted(counter: Counter, clerk: Actor) -> str:
    applicant = counter.applicants.register_person(
        clerk, PersonInput("张三", "11010519491231002X", "13800138000", "示范县青山镇和平村3组12号")
    )
    item = counter.catalogue.item(SUBSISTENCE)
    app = counter.intake.draft(clerk, applicant.id, SUBSISTENCE, Seeder(counter, clerk, 7).form_values(item))
    counter.intake.record_materials(
        clerk, app.id, {m.code: (m.originals, m.copies) for m in item.materials if m.mandatory}
    )
    return counter.intake.accept(clerk, app.id).id


def test_notices_carry_the_office_name_contact_paper_and_printer(
    counter: Counter, admin: Actor, clerk: Actor
) -> None:
    application_id = _accepted(counter, clerk)
    notice = counter.notices.build(clerk, application_id)
    assert notice.office_name == "便民服务中心" and notice.office_contact is None
    assert (notice.paper, notice.printer_name) == ("a4", None)
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("office_name", "白水乡便民服务中心")  # given at enrollment
    assert counter.notices.build(clerk, application_id).office_name == "白水乡便民服务中心"
    counter.office_settings.save(
        admin,
        replace(
            counter.office_settings.get(),
            notice_office_name="白水乡人民政府便民服务中心",
            office_contact="白水乡政府大院 电话 0791-86000000",
            paper_size="80mm",
            printer_name="Receipt-80",
        ),
    )
    notice = counter.notices.build(clerk, application_id)
    assert notice.office_name == "白水乡人民政府便民服务中心"
    assert notice.office_contact == "白水乡政府大院 电话 0791-86000000"
    assert (notice.paper, notice.printer_name) == ("receipt", "Receipt-80")
