"""Schema versions of the client database, one ``upgrade_to_N`` per step.

The version lives in ``PRAGMA user_version``. Before an existing database is upgraded, a copy is
written to ``backups/``; each step then runs in its own transaction together with the bump of
``user_version``. A database from a newer Counter is refused and left untouched.

To change the schema:
  1. write ``upgrade_to_N(store)`` below (plain SQL; backfill in the same function);
  2. add it to ``MIGRATIONS``;
  3. save a database of version N-1 as ``tests/fixtures/db_vN-1.sqlite`` with
     ``python -m tests.fixtures.make_fixtures`` *before* the change lands, and extend
     ``tests/core/test_migrations.py`` to check the backfill;
  4. adjust the repository in ``counter_app/store/`` that owns the table.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from counter_app.errors import DatabaseTooNew
from counter_app.store.db import Store


def _run(store: Store, script: str) -> None:
    """Run DDL statement by statement: ``executescript`` would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            store.execute(statement)


def upgrade_to_1(store: Store) -> None:
    _run(
        store,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);

        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE applicants (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
            name TEXT NOT NULL,
            id_type TEXT NOT NULL,
            id_number_enc BLOB,
            id_number_bidx TEXT,
            id_masked TEXT,
            birth_date TEXT,
            sex TEXT,
            phone_enc BLOB,
            phone_bidx TEXT,
            phone_masked TEXT,
            address_enc BLOB,
            representative TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            sync_state TEXT NOT NULL DEFAULT 'pending',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX applicants_id_number ON applicants (id_number_bidx);
        CREATE INDEX applicants_phone ON applicants (phone_bidx);
        CREATE INDEX applicants_name ON applicants (name);

        CREATE TABLE applications (
            id TEXT PRIMARY KEY,
            receipt_no TEXT NOT NULL UNIQUE,
            applicant_id TEXT NOT NULL REFERENCES applicants (id),
            item_code TEXT NOT NULL,
            catalogue_version TEXT NOT NULL,
            status TEXT NOT NULL,
            form_enc BLOB,
            created_by TEXT,
            accepted_by TEXT,
            accepted_at TEXT,
            accepted_on TEXT,
            due_date TEXT,
            limit_value INTEGER,
            limit_unit TEXT,
            missing_materials TEXT,
            notice_issued_at TEXT,
            pending_materials TEXT,
            commitment TEXT,
            pending_deadline TEXT,
            refusal_reason TEXT,
            remedies TEXT,
            resume_status TEXT,
            result TEXT,
            result_reason TEXT,
            completed_at TEXT,
            delivered_at TEXT,
            delivery_method TEXT,
            withdrawn_reason TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            sync_state TEXT NOT NULL DEFAULT 'pending',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX applications_applicant ON applications (applicant_id);
        CREATE INDEX applications_status_due ON applications (status, due_date);
        CREATE INDEX applications_created ON applications (created_at);

        CREATE TABLE application_materials (
            application_id TEXT NOT NULL REFERENCES applications (id),
            material_code TEXT NOT NULL,
            originals INTEGER NOT NULL DEFAULT 0,
            copies INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('received', 'missing', 'pending')),
            PRIMARY KEY (application_id, material_code)
        );

        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            application_id TEXT NOT NULL REFERENCES applications (id),
            material_code TEXT NOT NULL,
            name_enc BLOB,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX attachments_application ON attachments (application_id);

        CREATE TABLE suspensions (
            id INTEGER PRIMARY KEY,
            application_id TEXT NOT NULL REFERENCES applications (id),
            started_on TEXT NOT NULL,
            ended_on TEXT,
            reason TEXT NOT NULL
        );
        CREATE INDEX suspensions_application ON suspensions (application_id);

        CREATE TABLE application_events (
            id INTEGER PRIMARY KEY,
            application_id TEXT NOT NULL REFERENCES applications (id),
            action TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX application_events_application ON application_events (application_id);

        CREATE TABLE ratings (
            id TEXT PRIMARY KEY,
            application_id TEXT NOT NULL UNIQUE REFERENCES applications (id),
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
            channel TEXT NOT NULL,
            comment TEXT,
            rated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            sync_state TEXT NOT NULL DEFAULT 'pending'
        );

        CREATE TABLE receipt_sequences (day TEXT PRIMARY KEY, last INTEGER NOT NULL);

        CREATE TABLE catalogue_versions (
            version TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            document TEXT NOT NULL,
            installed_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op TEXT NOT NULL,
            base_version INTEGER NOT NULL,
            data_enc BLOB NOT NULL,
            attachments TEXT NOT NULL DEFAULT '[]',
            catalogue_version TEXT,
            client_ts TEXT NOT NULL,
            user_id TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            result TEXT,
            acked_at TEXT
        );
        CREATE INDEX outbox_state ON outbox (state, seq);
        CREATE INDEX outbox_entity ON outbox (entity_id, state);

        CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            device_ts TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT,
            entity_id TEXT,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        """,
    )


def upgrade_to_2(store: Store) -> None:
    """Name search by pinyin initials, and rectification tasks for poor ratings."""
    from counter_app.names import pinyin_initials

    store.execute("ALTER TABLE applicants ADD COLUMN name_initials TEXT NOT NULL DEFAULT ''")
    for row in store.all("SELECT id, name FROM applicants"):
        store.execute(
            "UPDATE applicants SET name_initials = ? WHERE id = ?", (pinyin_initials(row["name"]), row["id"])
        )
    store.execute("CREATE INDEX applicants_initials ON applicants (name_initials)")
    store.execute(
        """
        CREATE TABLE rectifications (
            id TEXT PRIMARY KEY,
            rating_id TEXT NOT NULL UNIQUE REFERENCES ratings (id),
            application_id TEXT NOT NULL REFERENCES applications (id),
            due_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            resolution TEXT,
            closed_at TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            sync_state TEXT NOT NULL DEFAULT 'pending'
        )
        """
    )


def upgrade_to_3(store: Store) -> None:
    """Sync: conflicts kept with both versions, the sync log, and an inbox for pulled changes whose
    related record (an application's applicant…) has not arrived yet."""
    # Two counters may register the same citizen while offline; both records reach every counter of the
    # office, so the ID-number index can no longer be unique (registering checks for a match first).
    store.execute("DROP INDEX applicants_id_number")
    store.execute("CREATE INDEX applicants_id_number ON applicants (id_number_bidx)")
    # Attachments are immutable; the server's version tells verify that central holds them.
    store.execute("ALTER TABLE attachments ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0")
    _run(
        store,
        """
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op_id TEXT NOT NULL UNIQUE,
            fields TEXT NOT NULL,
            local_enc BLOB NOT NULL,
            server_version INTEGER NOT NULL,
            server_enc BLOB NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT
        );
        CREATE INDEX conflicts_open ON conflicts (resolved_at);

        CREATE TABLE sync_log (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            trigger TEXT NOT NULL,
            outcome TEXT,
            pushed INTEGER NOT NULL DEFAULT 0,
            pulled INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            error TEXT
        );

        CREATE TABLE inbox (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL,
            version INTEGER NOT NULL,
            cursor INTEGER NOT NULL,
            data_enc BLOB NOT NULL,
            received_at TEXT NOT NULL
        )
        """,
    )


def upgrade_to_4(store: Store) -> None:
    """The applications list at 200,000 rows: an index per order of the list and per filter, each
    holding what the list's query reads to choose a page (the rows themselves are read for that page
    only), so that a page is a seek and a short scan, never a sort of the whole table.

    Every order ends in the intake time and the receipt number (unique: the list's tie-breaker, so
    keyset pages never overlap). The expressions must stay exactly as ``counter_app/store/queries.py``
    writes them (``_STATUS_RANK``, ``_DUE_KEY``, ``_STAFF``), or SQLite stops using these indexes;
    ``tests/core/test_application_list.py`` checks the query plans.
    """
    _run(
        store,
        """
        DROP INDEX applications_created;
        DROP INDEX applications_status_due;
        -- the applicant for the text search (its name is matched in applicants first)
        CREATE INDEX applications_intake ON applications (created_at, receipt_no, applicant_id);
        -- a status filter in intake order, and the due date for the overdue and due-soon filters and counts
        CREATE INDEX applications_status ON applications (status, created_at, receipt_no, due_date);
        CREATE INDEX applications_item ON applications (item_code, created_at, receipt_no);
        CREATE INDEX applications_staff
            ON applications (ifnull(accepted_by, created_by), created_at, receipt_no);
        CREATE INDEX applications_status_order ON applications (
            CASE status WHEN 'draft' THEN 0 WHEN 'awaiting_materials' THEN 1 WHEN 'accepted' THEN 2
            WHEN 'accepted_pending' THEN 3 WHEN 'refused' THEN 4 WHEN 'in_progress' THEN 5
            WHEN 'suspended' THEN 6 WHEN 'completed' THEN 7 WHEN 'delivered' THEN 8 WHEN 'rated' THEN 9
            WHEN 'withdrawn' THEN 10 ELSE 99 END,
            created_at, receipt_no
        );
        CREATE INDEX applications_due_order
            ON applications (ifnull(due_date, '9999-12-31'), created_at, receipt_no);
        CREATE INDEX applicants_name_order ON applicants (name_initials, name)
        """,
    )


def upgrade_to_5(store: Store) -> None:
    """The citizen's rating view: the aspects of the visit the citizen found unsatisfactory
    (efficiency, competence, attitude), a JSON list in the defined order; NULL when none was chosen,
    as for every rating given before (nothing is assumed about them)."""
    store.execute("ALTER TABLE ratings ADD COLUMN unsatisfied_aspects TEXT")


def upgrade_to_6(store: Store) -> None:
    """The supervision pages at 200,000 applications and millions of audit events: the dashboard,
    the audit viewer and the rectification list read ranges of an index, never a whole table.

    Each index serves queries of ``counter_app/store/statistics.py`` (the dashboard),
    ``audit_log.py`` (the audit viewer, and who closed a rectification task) or ``ratings.py`` (the
    rectification list); ``tests/core/test_query_plans.py`` checks their plans. The dates a case
    lacks until it gets there (accepted, completed, delivered) are indexed where set: a comparison
    with a date implies ``IS NOT NULL``, so SQLite uses these partial indexes for it.

    The audit viewer pages newest first by ``seq`` (the rowid) under a filter by person or by
    action, often within a period: those two indexes hold the events in ``seq`` order and carry
    ``ts``, so a page is a short read from the newest end and a count never reads the table.
    """
    _run(
        store,
        """
        -- the dashboard: the cases that may count in a period, one date at a time (created_at is
        -- the first column of applications_intake), and the cases completed in it
        CREATE INDEX applications_updated ON applications (updated_at);
        CREATE INDEX applications_accepted_on ON applications (accepted_on) WHERE accepted_on IS NOT NULL;
        CREATE INDEX applications_completed ON applications (completed_at) WHERE completed_at IS NOT NULL;
        CREATE INDEX applications_delivered ON applications (delivered_at) WHERE delivered_at IS NOT NULL;
        -- the ratings given in a period, the open tasks by due date (and the closed ones)
        CREATE INDEX ratings_rated ON ratings (rated_at);
        CREATE INDEX rectifications_status_due ON rectifications (status, due_date);
        -- the audit viewer: by person, by action (who last closed a task too), by day
        CREATE INDEX audit_events_actor ON audit_events (actor, seq, ts);
        CREATE INDEX audit_events_action ON audit_events (action, seq, ts);
        CREATE INDEX audit_events_ts ON audit_events (ts)
        """,
    )


def upgrade_to_7(store: Store) -> None:
    """Administration without IT support.

    Staff accounts: a password an administrator reset must be changed at the next login; the
    last login and the last failed attempt are shown on the Admin page. Retention: the time the
    personal data of a long-closed case (and of an applicant left with no open case) was removed,
    so that a record pulled again from the platform does not bring it back.
    """
    _run(
        store,
        """
        ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN last_login_at TEXT;
        ALTER TABLE users ADD COLUMN last_failed_at TEXT;
        ALTER TABLE applicants ADD COLUMN purged_at TEXT;
        ALTER TABLE applications ADD COLUMN purged_at TEXT
        """,
    )


# The longest name whose every character the name index covers (a name is at most 100 characters
# when a clerk registers it; a longer one from elsewhere is found by its first 1,000).
NAME_GRAM_POSITIONS = 1000

# The grams of a name (or of its initials) for ``counter_app/store/name_index.py``: at every position
# the two characters that start there (one at the last), of the name as LIKE compares it (ASCII
# letters folded by lower(), as LIKE folds them).
_GRAMS_OF = "SELECT substr(lower({value}), n, 2) {extra} FROM name_gram_positions WHERE n <= length({value})"


def _add_grams(value: str, initials: str) -> tuple[str, str]:
    """The two statements that add the grams of ``value``'s names and initials to the index (``NEW``
    in a trigger, ``p`` for a set of applicants)."""
    add_name = "INSERT OR IGNORE INTO applicant_name_grams (gram, initials, name) " + _GRAMS_OF.format(
        value=f"{value}.name", extra=f", {initials}.name_initials, {value}.name"
    )
    add_initials = "INSERT OR IGNORE INTO applicant_initials_grams (gram, initials) " + _GRAMS_OF.format(
        value=f"{initials}.name_initials", extra=f", {initials}.name_initials"
    )
    return add_name, add_initials


def name_index_triggers() -> list[str]:
    """The triggers that keep the name index in step with ``applicants`` (one statement each: a
    trigger's body has semicolons of its own), as v8 made them."""
    add_name, add_initials = _add_grams("NEW", "NEW")
    drop_name = (
        "DELETE FROM applicant_name_grams WHERE initials = OLD.name_initials AND name = OLD.name"
        f" AND gram IN ({_GRAMS_OF.format(value='OLD.name', extra='')})"
        " AND NOT EXISTS (SELECT 1 FROM applicants WHERE name_initials = OLD.name_initials"
        " AND name = OLD.name)"
    )
    drop_initials = (
        "DELETE FROM applicant_initials_grams WHERE initials = OLD.name_initials"
        f" AND gram IN ({_GRAMS_OF.format(value='OLD.name_initials', extra='')})"
        " AND NOT EXISTS (SELECT 1 FROM applicants WHERE name_initials = OLD.name_initials)"
    )
    return [
        "CREATE TRIGGER applicants_name_index_insert AFTER INSERT ON applicants"
        f" BEGIN {add_name}; {add_initials}; END",
        "CREATE TRIGGER applicants_name_index_update AFTER UPDATE OF name, name_initials ON applicants"
        " WHEN OLD.name IS NOT NEW.name OR OLD.name_initials IS NOT NEW.name_initials"
        f" BEGIN {drop_name}; {drop_initials}; {add_name}; {add_initials}; END",
        "CREATE TRIGGER applicants_name_index_delete AFTER DELETE ON applicants"
        f" BEGIN {drop_name}; {drop_initials}; END",
    ]


def upgrade_to_8(store: Store) -> None:
    """Name search among 1,000,000 applicants: any part of a name (秀英 finds 王秀英) or of its pinyin
    initials (xy finds wxy), through an index of the two-character pieces ("grams") of every distinct
    name and of every distinct set of initials, instead of a scan of every applicant.

    ``applicant_name_grams`` holds, for each gram, the distinct (initials, name) pairs whose name has
    it, in the order the search lists them; ``applicant_initials_grams`` the same for initials. The
    names were already stored in plain text (``applicants.name``, for the lists and the name
    order); these tables hold the same names, nothing more. Triggers keep them in step with
    ``applicants`` on every write (the use cases, sync pulls, a bulk load), and drop a name's grams
    when no applicant has it any more; ``counter_app/store/name_index.py`` reads them.

    The applications list's search box reads the same index; ``applicants_name_order`` gains the
    id and ``applications_status`` the applicant, so that neither the applicants found nor the
    counts under a search text are read from the tables (``tests/core/test_name_search.py``
    checks the plans).
    """
    _run(
        store,
        """
        -- the applications list under a search text: the applicants of the names found are read
        -- from the name order's index alone (their ids: a broad text like "lj" finds tens of
        -- thousands among a million), and the counts read each case's applicant from the index
        -- they scan, never the table
        DROP INDEX applicants_name_order;
        CREATE INDEX applicants_name_order ON applicants (name_initials, name, id);
        DROP INDEX applications_status;
        CREATE INDEX applications_status
            ON applications (status, created_at, receipt_no, due_date, applicant_id);
        CREATE TABLE name_gram_positions (n INTEGER PRIMARY KEY);
        CREATE TABLE applicant_name_grams (
            gram TEXT NOT NULL,
            initials TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (gram, initials, name)
        ) WITHOUT ROWID;
        CREATE TABLE applicant_initials_grams (
            gram TEXT NOT NULL,
            initials TEXT NOT NULL,
            PRIMARY KEY (gram, initials)
        ) WITHOUT ROWID
        """,
    )
    store.executemany(
        "INSERT INTO name_gram_positions (n) VALUES (?)", [(n,) for n in range(1, NAME_GRAM_POSITIONS + 1)]
    )
    for trigger in name_index_triggers():
        store.execute(trigger)
    rebuild_name_index(store)


def rebuild_name_index(store: Store) -> None:
    """Fill the name index from ``applicants`` afresh: the v8 backfill, and the end of a bulk load
    that set the triggers aside for speed (``benchmarks/bulk.py``)."""
    store.execute("DELETE FROM applicant_name_grams")
    store.execute("DELETE FROM applicant_initials_grams")
    store.execute(
        "INSERT OR IGNORE INTO applicant_name_grams (gram, initials, name)"
        " SELECT substr(lower(p.name), g.n, 2), p.name_initials, p.name"
        " FROM (SELECT DISTINCT name_initials, name FROM applicants) AS p"
        " JOIN name_gram_positions g ON g.n <= length(p.name)"
    )
    store.execute(
        "INSERT OR IGNORE INTO applicant_initials_grams (gram, initials)"
        " SELECT substr(lower(p.name_initials), g.n, 2), p.name_initials"
        " FROM (SELECT DISTINCT name_initials FROM applicants) AS p"
        " JOIN name_gram_positions g ON g.n <= length(p.name_initials)"
    )


def upgrade_to_9(store: Store) -> None:
    """A pulled page's new applicants enter the name index together, not one trigger at a time.

    The insert trigger of v8 costs about 40 µs an applicant (two statements run for each row); a
    fresh counter's download is mostly new applicants. ``name_index_deferred`` holds a row only
    inside the transaction that inserts such a page (``name_index.insert_applicants``): while it
    does, the insert trigger stands aside, and the page's names enter the index in one statement
    per gram table. Nothing else changes: updates and deletes keep their triggers, and every other
    insert (the use cases, a restore) keeps the insert trigger. Other connections never see the
    row (it is written and removed inside one transaction)."""
    add_name, add_initials = _add_grams("NEW", "NEW")
    _run(
        store,
        """
        CREATE TABLE name_index_deferred (id INTEGER PRIMARY KEY CHECK (id = 1));
        DROP TRIGGER applicants_name_index_insert
        """,
    )
    store.execute(
        "CREATE TRIGGER applicants_name_index_insert AFTER INSERT ON applicants"
        " WHEN NOT EXISTS (SELECT 1 FROM name_index_deferred)"
        f" BEGIN {add_name}; {add_initials}; END"
    )


MIGRATIONS: dict[int, Callable[[Store], None]] = {
    1: upgrade_to_1,
    2: upgrade_to_2,
    3: upgrade_to_3,
    4: upgrade_to_4,
    5: upgrade_to_5,
    6: upgrade_to_6,
    7: upgrade_to_7,
    8: upgrade_to_8,
    9: upgrade_to_9,
}
LATEST_VERSION = max(MIGRATIONS)


def migrate(store: Store, backups_dir: Path, *, target: int = LATEST_VERSION) -> list[int]:
    """Bring the database to ``target``; returns the versions applied."""
    current = store.user_version
    if current > LATEST_VERSION:
        raise DatabaseTooNew(str(store.path), current, LATEST_VERSION)
    if current >= target:
        return []
    if current > 0:
        backups_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        store.backup_to(backups_dir / f"pre-migration-v{current}-{stamp}.db")
    applied = []
    for version in range(current + 1, target + 1):
        with store.transaction():
            MIGRATIONS[version](store)
            store.execute(f"PRAGMA user_version = {int(version)}")
        applied.append(version)
    return applied
