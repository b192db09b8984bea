"""The export (导出) of a period's applications: the file read back (XLSX with openpyxl, CSV as text)
equals the store as the applications list and the records show it; masked and full ID numbers; the
period's edges by the office's day; the audit; who may export; the command line."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from counter_app.accounts import Actor
from counter_app.clock import CHINA_TZ, FixedClock
from counter_app.core import Counter
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.records import ApplicationFilter
from counter_app.services.export import COLUMNS, RESULT_NAMES, STATUS_NAMES
from counter_app.services.ratings import LEVELS
from counter_app.services.seed import Seeder
from counter_app.store import export_rows
from tests.support import run_cli

MONDAY, TUESDAY, WEDNESDAY = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def _events(counter: Counter, action: str) -> list[dict[str, Any]]:
    found = [dict(e) for e in reversed(counter.ctx.audit_log.recent(2000)) if e["action"] == action]
    for event in found:
        event["detail"] = json.loads(event["detail"])
    return found


@pytest.fixture
def office(counter: Counter, clock: FixedClock, cli_actor: Actor) -> Counter:
    """Monday: 14 applications; Tuesday: 10 more and one at 23:59:30; Wednesday 00:00:10: one more."""
    Seeder(counter, cli_actor, seed=3).run(14)
    clock.set_date(TUESDAY)
    Seeder(counter, cli_actor, seed=4).run(10)
    clock.advance(timedelta(hours=14, minutes=29, seconds=30))  # 23:59:30 on Tuesday
    Seeder(counter, cli_actor, seed=5).run(1)
    clock.advance(timedelta(seconds=40))  # 00:00:10 on Wednesday
    Seeder(counter, cli_actor, seed=6).run(1)
    return counter


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text).astimezone(CHINA_TZ).replace(tzinfo=None, microsecond=0)


def expected_rows(counter: Counter, start: date, end: date, *, full_ids: bool = False) -> list[list[Any]]:
    """What the export should say, put together from the applications list and the records."""
    actor = Actor.command_line("checker")
    listed: list = []
    page = counter.queries.applications_page(actor, ApplicationFilter(intake_from=start, intake_to=end))
    listed.extend(page.rows)
    while page.next is not None:
        page = counter.queries.applications_page(
            actor, ApplicationFilter(intake_from=start, intake_to=end), after=page.next
        )
        listed.extend(page.rows)
    listed.sort(key=lambda row: (row.created_at, row.receipt_no))
    rows = []
    for row in listed:
        app = counter.ctx.applications.get(row.id)
        rating = counter.ctx.ratings.for_application(row.id)
        identifier = row.id_masked
        if full_ids:
            identifier = counter.ctx.applicants.details(row.applicant_id).id_number
        level = rating["level"] if rating else None
        rows.append(
            [
                row.receipt_no,
                row.item_code,
                counter.catalogue.item(row.item_code, row.catalogue_version).name,
                row.applicant_name,
                identifier,
                STATUS_NAMES[row.status],
                row.status,
                _moment(row.created_at),
                date.fromisoformat(row.accepted_on) if row.accepted_on else None,
                date.fromisoformat(row.due_date) if row.due_date else None,
                _moment(app.completed_at),
                _moment(app.delivered_at),
                RESULT_NAMES.get(app.result or "", ""),
                level,
                LEVELS[level] if level else "",
            ]
        )
    return rows


def read_xlsx(path: Path) -> tuple[list[str], list[list[Any]]]:
    book = load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    header, rows = values[0], values[1:]
    for row in rows:  # empty cells come back as None; empty texts are written as empty cells
        for n in (12, 14):
            row[n] = row[n] or ""
        row[8], row[9] = (v.date() if isinstance(v, datetime) else v for v in (row[8], row[9]))
    return header, rows


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        values = list(csv.reader(handle))
    return values[0], values[1:]


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def test_xlsx_read_back_equals_the_store(office: Counter, admin: Actor, tmp_path: Path) -> None:
    target = tmp_path / "办件.xlsx"
    written = office.exports.export(admin, MONDAY, TUESDAY, "xlsx", target)
    header, rows = read_xlsx(target)
    expected = expected_rows(office, MONDAY, TUESDAY)
    assert written == len(expected) == 25  # Wednesday's first minute is not in
    assert header == list(COLUMNS)
    assert rows == expected
    assert all("*" in row[4] for row in rows)  # masked
    assert {row[6] for row in rows} > {"draft", "accepted"}  # the seed gives varied statuses
    assert any(row[13] for row in rows) and any(row[10] for row in rows)
    assert not list(tmp_path.glob(".*.part"))


def test_csv_read_back_equals_the_store_with_full_ids(office: Counter, admin: Actor, tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    written = office.exports.export(admin, TUESDAY, WEDNESDAY, "csv", target, full_ids=True)
    header, rows = read_csv(target)
    expected = expected_rows(office, TUESDAY, WEDNESDAY, full_ids=True)
    assert written == len(rows) == 12
    assert header == list(COLUMNS)
    assert rows == [[as_text(value) for value in row] for row in expected]
    assert all("*" not in row[4] and len(row[4]) == 18 for row in rows if row[4][:1] != "9")


def test_one_day_and_an_empty_period(office: Counter, admin: Actor, tmp_path: Path) -> None:
    assert office.exports.export(admin, WEDNESDAY, WEDNESDAY, "xlsx", tmp_path / "wed.xlsx") == 1
    assert (
        office.exports.export(admin, date(2026, 12, 1), date(2026, 12, 31), "csv", tmp_path / "dec.csv") == 0
    )
    header, rows = read_csv(tmp_path / "dec.csv")
    assert header == list(COLUMNS) and rows == []


def test_rows_are_read_a_page_at_a_time(
    office: Counter, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_rows, "PAGE_SIZE", 4)  # pages of four: the keyset walk must not skip or repeat
    office.exports.rows = export_rows.ExportRowsRepo(office.ctx.store, office.ctx.cipher)
    pages = office.exports.rows.taken_in(MONDAY, TUESDAY, CHINA_TZ, page_size=4)
    receipts = [row.receipt_no for row in pages]
    assert receipts == [row[0] for row in expected_rows(office, MONDAY, TUESDAY)]
    assert len(set(receipts)) == 25


def test_the_export_is_audited_and_a_full_id_export_counts_as_a_view(
    office: Counter, admin: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    office.exports.export(admin, MONDAY, TUESDAY, "xlsx", tmp_path / "masked.xlsx")
    office.exports.export(admin, MONDAY, MONDAY, "csv", tmp_path / "full.csv", full_ids=True)
    first, second = _events(office, "export.applications")
    assert first["actor"] == "user:admin1"
    assert first["detail"] == {
        "rows": 25,
        "format": "xlsx",
        "full_ids": False,
        "file": "masked.xlsx",
        "start": "2026-11-23",
        "end": "2026-11-24",
    }
    assert second["detail"]["full_ids"] is True and second["detail"]["rows"] == 14
    [view] = _events(office, "export.full_ids")
    assert view["detail"] == {"rows": 14, "file": "full.csv"}
    views = {v.actor: v for v in office.audit_trail.personal_data_views(supervisor)}
    assert views["user:admin1"].by_action == {"export.full_ids": 1}


def test_clerk_and_supervisor_are_refused(
    office: Counter, clerk: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            office.exports.export(actor, MONDAY, TUESDAY, "csv", tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()
    assert _events(office, "export.applications") == []
    assert len(_events(office, "permission.denied")) == 2


@pytest.mark.parametrize(
    ("start", "end", "fmt", "name", "field"),
    [
        (TUESDAY, MONDAY, "csv", "x.csv", "end"),
        (MONDAY, TUESDAY, "pdf", "x.pdf", "format"),
        ("2026-11-23", TUESDAY, "csv", "x.csv", "start"),
        (MONDAY, TUESDAY, "csv", "missing/x.csv", "path"),
    ],
)
def test_bad_input_names_the_field(
    counter: Counter, admin: Actor, tmp_path: Path, start, end, fmt: str, name: str, field: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError) as raised:
        counter.exports.export(admin, start, end, fmt, out / name)
    assert raised.value.field == field
    assert list(out.iterdir()) == []


def test_a_failed_write_leaves_no_file_and_no_audit(office: Counter, admin: Actor, tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = out / "taken.csv"
    folder.mkdir(parents=True)  # a folder where the file should go
    with pytest.raises(ValidationError) as raised:
        office.exports.export(admin, MONDAY, TUESDAY, "csv", folder)
    assert raised.value.field == "path"
    too_long = out / ("长" * 83 + ".xlsx")  # 254 bytes: its partial file's name is too long to make
    with pytest.raises(OSError):
        office.exports.export(admin, MONDAY, TUESDAY, "xlsx", too_long)
    assert sorted(p.name for p in out.iterdir()) == ["taken.csv"]
    assert _events(office, "export.applications") == []


def test_the_command_line(data_dir: Path, config_dir: Path, tmp_path: Path) -> None:
    seeded = run_cli(data_dir, config_dir, "seed", "--applications", "6", "--seed", "2")
    assert seeded.returncode == 0, seeded.stderr
    today = datetime.now(CHINA_TZ).date()  # the command line runs on the real clock
    start, end = (today - timedelta(days=1)).isoformat(), (today + timedelta(days=1)).isoformat()
    out = tmp_path / "today.xlsx"
    period = ("--from", start, "--to", end)
    done = run_cli(data_dir, config_dir, "export", *period, "--format", "xlsx", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == f"6 applications written to {out}"
    header, rows = read_xlsx(out)
    assert header == list(COLUMNS) and len(rows) == 6 and all("*" in row[4] for row in rows)
    full = tmp_path / "today.csv"
    done = run_cli(
        data_dir, config_dir, "export", *period, "--format", "csv", "--out", str(full), "--full-ids"
    )
    assert done.returncode == 0, done.stderr
    assert all("*" not in row[4] for row in read_csv(full)[1])
    bad_csv = str(tmp_path / "bad.csv")
    bad = run_cli(
        data_dir,
        config_dir,
        "export",
        "--from",
        "2026-13-01",
        "--to",
        end,
        "--format",
        "csv",
        "--out",
        bad_csv,
    )
    assert bad.returncode == 2 and "from" in bad.stderr
    backwards = run_cli(
        data_dir,
        config_dir,
        "export",
        "--from",
        start,
        "--to",
        "2000-01-01",
        "--format",
        "csv",
        "--out",
        bad_csv,
    )
    assert backwards.returncode == 2 and "to:" in backwards.stderr
    assert not (tmp_path / "bad.csv").exists()
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        events = _events(counter, "export.applications")
        assert all(e["actor"].startswith("cli:") for e in events)
        assert [e["detail"]["full_ids"] for e in events] == [False, True]
