"""Every earlier schema version opens, is backed up first, and comes out whole."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from benchmarks.supervision import V6_INDEXES
from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import DatabaseTooNew
from counter_app.statistics import Period
from counter_app.store.db import Store
from counter_app.store.migrations import LATEST_VERSION, MIGRATIONS, migrate
from tests.fixtures import make_fixtures as fx

FIXTURES = Path(fx.__file__).parent
EARLIER = sorted(int(p.stem.removeprefix("db_v")) for p in FIXTURES.glob("db_v*.sqlite"))
V4_INDEXES = {
    "applications_intake",
    "applications_status",
    "applications_item",
    "applications_staff",
    "applications_status_order",
    "applications_due_order",
    "applicants_name_order",
}


def _install_fixture(version: int, data_dir: Path, config_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / f"db_v{version}.sqlite", data_dir / "counter.db")
    (config_dir / "secrets").mkdir(parents=True)
    shutil.copy(fx.secrets_file(version), config_dir / "secrets" / f"{fx.INSTALL_ID}.json")


def test_a_fixture_exists_for_every_earlier_version() -> None:
    assert list(range(1, LATEST_VERSION)) == EARLIER


@pytest.mark.parametrize("version", EARLIER)
def test_earlier_database_is_backed_up_and_upgraded(version: int, data_dir: Path, config_dir: Path) -> None:
    _install_fixture(version, data_dir, config_dir)
    with Counter.open(data_dir, config_dir=config_dir) as counter:
        assert counter.ctx.store.user_version == LATEST_VERSION
        backups = list((data_dir / "backups").glob(f"pre-migration-v{version}-*.db"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as old:
            assert old.execute("PRAGMA user_version").fetchone()[0] == version
        actor = Actor.command_line("tester")
        found = counter.applicants.find_by_id_number(actor, fx.CITIZEN["id_number"])
        assert found is not None and found.name == fx.CITIZEN["name"]
        # v2 backfilled pinyin initials for name search and added rectifications
        assert [a.id for a in counter.ctx.applicants.search_name("oyxy")] == ["a1"]
        assert counter.ctx.store.scalar("SELECT count(*) FROM rectifications") == (1 if version >= 4 else 0)
        details = counter.applicants.reveal(actor, "a1")
        assert details.phone == fx.CITIZEN["phone"]
        assert counter.ctx.applications.get_by_receipt("LFIX012606010001").status == "draft"
        # v4 indexed the applications list for its orders and filters; the old rows list as before
        indexes = {
            row["name"]
            for row in counter.ctx.store.all("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert indexes >= V4_INDEXES and not {"applications_created", "applications_status_due"} & indexes
        # v6 indexed what the supervision pages read (tests/core/test_query_plans.py checks the plans);
        # the dashboard counts the old rows through those indexes
        assert indexes >= set(V6_INDEXES)
        june = counter.dashboard.figures(actor, Period(date(2026, 6, 1), date(2026, 6, 30))).totals
        assert (june.taken_in, june.completed, june.rated, june.rectifications_open) == (
            (2, 1, 1, 1) if version >= 4 else (1, 0, 0, 0)
        )
        page = counter.queries.applications_page(actor)
        rated = [(fx.RATED_RECEIPT, fx.CITIZEN["name"], None)] if version >= 4 else []
        assert sorted((r.receipt_no, r.applicant_name, r.deadline_state) for r in page.rows) == [
            ("LFIX012606010001", fx.CITIZEN["name"], None),
            *rated,
        ]
        expected_counts = {"draft": 1, "rated": 1} if version >= 4 else {"draft": 1}
        assert counter.queries.application_counts(actor).by_status == expected_counts
        # v5 keeps the aspects a citizen found unsatisfactory; a rating given before has none
        columns = {row["name"] for row in counter.ctx.store.all("PRAGMA table_info(ratings)")}
        assert "unsatisfied_aspects" in columns
        if version >= 4:
            rating = counter.ctx.ratings.for_application("p2")
            assert rating is not None
            assert (rating["level"], rating["comment"]) == (4, "等候时间太长")
            assert rating["unsatisfied_aspects"] == []
            (task,) = counter.ratings.rectifications(actor, "all")
            assert (task.id, task.level, task.unsatisfied_aspects) == ("t1", 4, ())
        # v7: accounts say whether a reset password must be changed and when they last logged in;
        # cases and applicants say when retention removed their personal data (nothing yet)
        users = {row["name"] for row in counter.ctx.store.all("PRAGMA table_info(users)")}
        assert {"must_change_password", "last_login_at", "last_failed_at"} <= users
        assert counter.ctx.store.scalar("SELECT count(*) FROM applications WHERE purged_at IS NOT NULL") == 0
        assert counter.ctx.store.scalar("SELECT count(*) FROM applicants WHERE purged_at IS NULL") == 1
        # v8 indexed every part of the names and initials already there: 欧阳秀英 by 秀英 and by xy
        for text in ("秀英", "阳秀", "欧阳秀英", "xy", "oyx"):
            assert [a.id for a in counter.applicants.search(actor, text)] == ["a1"], text
        assert counter.applicants.search(actor, "秀阳") == []
        assert counter.ctx.store.scalar("SELECT count(*) FROM applicant_name_grams") == len(
            fx.CITIZEN["name"]
        )
        assert counter.ctx.store.integrity_check() == "ok"


def test_each_step_is_atomic(tmp_path: Path) -> None:
    """A failing step leaves the database at the previous version, not half-way."""
    store = Store(tmp_path / "x.db")
    migrate(store, tmp_path / "backups", target=1)

    def broken(s: Store) -> None:
        s.execute("ALTER TABLE applicants ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    original = MIGRATIONS[2]
    MIGRATIONS[2] = broken
    try:
        with pytest.raises(RuntimeError):
            migrate(store, tmp_path / "backups")
    finally:
        MIGRATIONS[2] = original
    assert store.user_version == 1
    columns = {row["name"] for row in store.all("PRAGMA table_info(applicants)")}
    assert "half_done" not in columns
    assert list((tmp_path / "backups").glob("pre-migration-v1-*.db"))
    store.close()


def test_newer_database_is_refused_and_left_untouched(counter: Counter, data_dir: Path) -> None:
    counter.close()
    db = data_dir / "counter.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        Counter.open(data_dir)
    assert caught.value.found == 99 and caught.value.supported == LATEST_VERSION
    assert "99" in str(caught.value)
    assert db.read_bytes() == before
