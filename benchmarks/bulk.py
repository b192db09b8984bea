"""Bulk-generated but valid applicants, fast: the population every benchmark at size loads.

Each person comes from :class:`counter_app.people.PeopleGenerator` (common surnames with their
shares, given names from common characters, real county codes, resident ID numbers with their check
character, unique within a generator, mobile numbers, addresses) and is written as the store writes
one (``ApplicantService._register`` → ``ApplicantRepo.insert``): the ID number, phone and address
encrypted with the profile's data key (:meth:`ApplicantRepo.sealed`: AES-GCM, the same purposes),
their blind indexes, the masked forms, pinyin initials from :func:`counter_app.names.pinyin_initials`.

What makes it fast is only how the rows reach SQLite: tuples by ``executemany`` in transactions of
``batch`` rows, with the tables' indexes and triggers set aside for the load and built once
afterwards (:func:`indexes_set_aside`: building an index is one sort, keeping a dozen up to date row
by row is most of a load's time), the name index (migration v8) filled from the table in one
statement. A million people take about 43 s, and their indexes 5 to 6 s more, the first time in a
run, about 37 s when the run has met those names before (the pinyin initials of their ~390,000
distinct names are kept for the run); quick runs of 2026-12-04 at ``b041e81`` on the quiet 2-core
machine. A run loads the million once: name search and both lists share one office
(:func:`benchmarks.applications_list.loaded_office`).
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from benchmarks.runner import Options
from counter_app import ids
from counter_app.core import Counter
from counter_app.names import pinyin_initials
from counter_app.people import FakePerson, PeopleGenerator
from counter_app.store.db import Store
from counter_app.store.migrations import rebuild_name_index

COLUMNS = (
    "id",
    "kind",
    "name",
    "name_initials",
    "id_type",
    "id_masked",
    "birth_date",
    "sex",
    "phone_masked",
    "representative",
    "version",
    "sync_state",
    "created_at",
    "updated_at",
    "id_number_enc",
    "id_number_bidx",
    "phone_enc",
    "phone_bidx",
    "address_enc",
)
# The population the benchmarks at size share (name search, the applications lists): one data set.
POPULATION_SEED = 1_000_033
# Pinyin initials by name, kept for the whole run: working them out is most of a load's time (a
# million people have a few hundred thousand distinct names), and every load of the same population
# meets the same names again.
_INITIALS: dict[str, str] = {}
_INSERT = f"INSERT INTO applicants ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"


def uuid_from(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng`` (the same seed, the same ids)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@contextmanager
def indexes_set_aside(store: Store, tables: tuple[str, ...]) -> Iterator[None]:
    """Drop the indexes and triggers of ``tables`` for a bulk load; create them again afterwards from
    their own DDL (``sqlite_master``), and refill the name index if ``applicants`` was among them.

    Meant for scratch profiles: no fsync while the load runs, and no journal when no other
    connection has the file open (the store's WAL would write every page twice); the store's own
    settings are back afterwards."""
    marks = ", ".join("?" for _ in tables)
    saved = store.all(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks})",
        tables,
    )
    with store.transaction():
        for item in saved:
            store.execute(f'DROP {item["type"].upper()} "{item["name"]}"')
    store.execute("PRAGMA synchronous = OFF")
    try:
        # Only the connection that has the file to itself may leave WAL (an app's database thread,
        # in a UI test, keeps its own open): the load keeps the journal then.
        unjournaled = store.scalar("PRAGMA journal_mode = OFF") == "off"
    except sqlite3.OperationalError:
        unjournaled = False
    try:
        yield
        with store.transaction():
            for item in saved:
                store.execute(item["sql"])
            if "applicants" in tables:
                rebuild_name_index(store)
    finally:
        store.execute("PRAGMA synchronous = FULL")
        if unjournaled:
            store.execute("PRAGMA journal_mode = WAL")


def load_applicants(
    counter: Counter,
    rows: int,
    *,
    seed: int = POPULATION_SEED,
    batch: int = 50_000,
    each: Callable[[int, FakePerson], None] | None = None,
    options: Options | None = None,
    label: str = "bulk",
) -> PeopleGenerator:
    """Add ``rows`` generated people to the profile's applicants (as registered and synced).

    ``each(index, person)``, if given, sees every person loaded (0-based, in load order). The rows
    take rowids after the table's current last one, in load order (a caller may pick applicants by
    rowid). Returns the generator, positioned after the last person: the next people it makes were
    never loaded (absent ID numbers for a lookup)."""
    ctx = counter.ctx
    store, repo = ctx.store, ctx.applicants
    people = PeopleGenerator(seed)
    rng = random.Random(seed)
    now = ctx.now_iso()
    initials = _INITIALS
    done = 0
    with indexes_set_aside(store, ("applicants",)):
        while done < rows:
            stop = min(done + batch, rows)
            values = []
            for index in range(done, stop):
                person = people.person()
                name = person.name
                abbreviation = initials.get(name)
                if abbreviation is None:
                    abbreviation = initials[name] = pinyin_initials(name)
                sealed = repo.sealed(
                    id_number=person.resident_id, phone=person.mobile, address=person.address
                )
                values.append(
                    (
                        uuid_from(rng),
                        "person",
                        name,
                        abbreviation,
                        "resident_id",
                        ids.mask_resident_id(person.resident_id),
                        person.birth_date.isoformat(),
                        person.sex,
                        ids.mask_mobile(person.mobile),
                        None,
                        0,
                        "synced",
                        now,
                        now,
                        sealed["id_number_enc"],
                        sealed["id_number_bidx"],
                        sealed["phone_enc"],
                        sealed["phone_bidx"],
                        sealed["address_enc"],
                    )
                )
                if each is not None:
                    each(index, person)
            with store.transaction():
                store.executemany(_INSERT, values)
            done = stop
            if options is not None:
                options.progress(f"[{label}] loaded {done:,}/{rows:,} applicants")
        if options is not None:
            options.progress(f"[{label}] indexing {rows:,} applicants")
    return people
