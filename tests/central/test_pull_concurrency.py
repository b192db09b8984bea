"""The pull cursor follows commit order under concurrent writers (PostgreSQL: real concurrency).

A reader pulling from its last cursor while several devices push must never skip a change, even one
whose transaction took its cursor early and committed late."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

from central import records
from central.clock import now_iso
from tests.central.syncops import VALID_ID, Client, applied, db_records, new_id
from tests.central_server import CentralServer

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)

WRITERS = 4
ROUNDS = 6


class Reader:
    """Pulls from its last cursor until stopped; remembers the latest version it saw of each record."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.cursor = 0
        self.seen: dict[str, int] = {}
        self.pulls = 0
        self.errors: list[str] = []

    def pull_once(self, limit: int = 50) -> dict[str, Any]:
        page = self.client.pull(self.cursor, limit)
        self.pulls += 1
        previous = self.cursor
        for change in page["changes"]:
            if change["cursor"] <= previous:
                self.errors.append(f"cursor went back: {change['cursor']} after {previous}")
            previous = change["cursor"]
            self.seen[change["id"]] = max(self.seen.get(change["id"], 0), change["version"])
        if page["next_cursor"] < self.cursor:
            self.errors.append(f"next_cursor went back: {page['next_cursor']} after {self.cursor}")
        self.cursor = page["next_cursor"]
        return page

    def drain(self) -> None:
        while self.pull_once()["has_more"]:
            pass


def test_concurrent_writers_never_make_the_reader_skip(server: CentralServer) -> None:
    writers = [Client.enroll(server, name=f"counter {i}") for i in range(WRITERS)]
    reader = Reader(Client.enroll(server, name="reader"))
    stop = threading.Event()
    failures: list[BaseException] = []

    def write(client: Client) -> None:
        try:
            versions: dict[str, int] = {}
            for round_no in range(ROUNDS):
                batch = [client.new_applicant(name=f"并发{round_no}-{i}") for i in range(3)]
                batch += [
                    client.update("applicant", rid, version, address=f"第{round_no}轮")
                    for rid, version in list(versions.items())[-2:]
                ]
                results = client.push(batch)
                assert applied(results), results
                for op, result in zip(batch, results, strict=True):
                    versions[op["entity_id"]] = result["new_version"]
        except BaseException as exc:  # reported in the main thread
            failures.append(exc)

    def read() -> None:
        try:
            while not stop.is_set():
                reader.pull_once(limit=7)
        except BaseException as exc:
            failures.append(exc)

    reading = threading.Thread(target=read)
    reading.start()
    threads = [threading.Thread(target=write, args=(client,)) for client in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    stop.set()
    reading.join(30)
    assert not failures, failures
    reader.drain()

    assert not reader.errors, reader.errors
    expected = {rid: version for rid, (version, _cursor, _data) in db_records(server, "OFFICE-A").items()}
    assert len(expected) == WRITERS * ROUNDS * 3
    assert reader.seen == expected
    assert reader.pulls > 2


def blocked_by(server: CentralServer, holder: int) -> bool:
    """Whether some other session is waiting for a lock the session ``holder`` holds."""
    with server.engine.connect() as probe:
        waiting = probe.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE :holder = ANY(pg_blocking_pids(pid))"),
            {"holder": holder},
        ).scalar_one()
    return waiting > 0


def test_a_late_commit_is_not_skipped(server: CentralServer) -> None:
    pusher = Client.enroll(server, name="pusher")
    reader = Reader(Client.enroll(server, name="reader"))
    assert applied(pusher.push([pusher.new_applicant(name="先到")]))
    reader.drain()
    start = reader.cursor

    late_id = new_id()
    conn = server.engine.connect()
    transaction = conn.begin()
    records.lock_office(conn, "OFFICE-A")
    late_cursor = records.next_cursor(conn, "OFFICE-A")
    stamp = now_iso()
    data = {"kind": "person", "name": "迟到", "id_type": "resident_id", "id_number": VALID_ID}
    records.save(
        conn,
        records.Record(
            entity="applicant",
            id=late_id,
            office_code="OFFICE-A",
            version=1,
            data=data,
            field_versions={k: [1, None] for k in data},
            cursor=late_cursor,
            receipt_no=None,
            created_at=stamp,
            updated_at=stamp,
        ),
        origin_device=None,
        is_new=True,
    )

    done = threading.Event()
    results: list[Any] = []

    def push() -> None:
        try:
            results.append(pusher.push([pusher.new_applicant(name="后到")]))
        except BaseException as exc:
            results.append(exc)
        finally:
            done.set()

    holder = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    thread = threading.Thread(target=push)
    try:
        thread.start()
        # The push waits for the office lock: wait until PostgreSQL says our transaction blocks it
        # (it must not have finished meanwhile). The deadline only bounds a push that never comes.
        deadline = time.monotonic() + 30
        while not blocked_by(server, holder):
            assert not done.wait(0.01), f"the push finished while the office was locked: {results}"
            assert time.monotonic() < deadline, "the push never waited for the office lock"
        assert not done.is_set()
        page = reader.pull_once()
        assert page["changes"] == [] and reader.cursor == start
        transaction.commit()
    finally:
        if transaction.is_active:
            transaction.rollback()
        conn.close()
    assert done.wait(30)
    thread.join()
    assert applied(results[0]), results

    reader.drain()
    assert not reader.errors, reader.errors
    assert reader.seen[late_id] == 1
    after = reader.client.pull(start)["changes"]
    assert after[0]["id"] == late_id and after[0]["cursor"] == late_cursor == start + 1
    assert after[1]["cursor"] == late_cursor + 1 and after[1]["data"]["name"] == "后到"
