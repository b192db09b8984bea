"""A counter's own writes after a push: the pull steps over the cursors of batches applied as sent
(the push reply names them), pulls them back as stubs (``own=stub``: no data) otherwise, and asks
for a page again whole when it lacks one of them at its version (a profile restored from a backup;
a merged op). Another device's writes in between are always pulled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from central import db
from counter_app.core import Counter
from counter_app.services.seed import Seeder
from sync import protocol as p
from sync.engine import Progress, SyncEngine
from sync.transport import TransportError
from tests.central.syncops import Client
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, RecordingTransport, synced, take_in
from tests.sync.test_faults import assert_counter_matches_central, central_data


class OlderServer(RecordingTransport):
    """Push replies as a server from before the cursors around a batch's writes gives them."""

    def post(self, path: str, body: Any, model: Any, ok: tuple[int, ...] = (200,)) -> Any:
        reply = super().post(path, body, model, ok)
        if isinstance(reply, p.PushResponse):
            return reply.model_copy(update={"cursor_before": None, "cursor_after": None})
        return reply


class Replies(RecordingTransport):
    """Keeps each push reply's cursors; ``after_push(n)`` runs when the n-th reply has come (before
    the engine sees it), ``lose(n)`` loses the n-th reply after central applied the batch."""

    def __init__(self, counter: Counter, **kwargs: Any) -> None:
        super().__init__(counter, **kwargs)
        self.written: list[tuple[int | None, int | None]] = []
        self.hooks: dict[int, Callable[[], None]] = {}
        self.lost: set[int] = set()

    def post(self, path: str, body: Any, model: Any, ok: tuple[int, ...] = (200,)) -> Any:
        reply = super().post(path, body, model, ok)
        if isinstance(reply, p.PushResponse):
            self.written.append((reply.cursor_before, reply.cursor_after))
            n = len(self.written)
            if n in self.hooks:
                self.hooks[n]()
            if n in self.lost:
                raise TransportError("the reply was lost on the way")
        return reply


def _pull_cursors(transport: RecordingTransport) -> list[int]:
    return [
        int((params or {})["cursor"]) for _m, path, params, _s in transport.calls if path == "/v1/sync/pull"
    ]


def _office_cursor(central: CentralServer, office: str = "QS") -> int:
    counters = db.office_counters
    with central.engine.connect() as conn:
        statement = select(counters.c.last_cursor).where(counters.c.office_code == office)
        return int(conn.execute(statement).scalar_one())


def _pulls(transport: RecordingTransport) -> list[str]:
    return [
        str((params or {}).get("own")) for m, path, params, _ in transport.calls if path == "/v1/sync/pull"
    ]


def _versions(counter: Counter) -> dict[str, int]:
    rows = counter.ctx.store.all(
        "SELECT id, version FROM applicants UNION ALL SELECT id, version FROM applications"
    )
    return {row["id"]: row["version"] for row in rows}


def test_the_pull_steps_over_the_push_s_own_writes(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b = make_counter("a"), make_counter("b")
    Seeder(a, ACTOR, 11).run(6)
    transport = Replies(a)
    report = SyncEngine(a, transport=transport, batch_size=7).run()
    assert report.outcome == "ok" and report.verified is True and report.pulled == 0
    assert len(transport.written) > 3
    last = _office_cursor(central)
    assert transport.written[0][0] == 0 and transport.written[-1][1] == last
    assert _pull_cursors(transport) == [last]  # one request, past every batch: nothing came back
    assert a.exchange.cursor() == last
    held = _versions(a)
    assert held and min(held.values()) >= 1
    # What it stepped over is there for the office: another counter pulls it whole.
    assert synced(b).pulled > 0 and _versions(b) == held
    assert synced(a).verified is True and _versions(a) == held


def test_own_writes_come_back_as_stubs_from_an_older_server(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    Seeder(a, ACTOR, 11).run(6)
    transport = OlderServer(a)
    report = SyncEngine(a, transport=transport).run()
    assert report.outcome == "ok" and report.verified is True and report.pulled == 0
    assert _pull_cursors(transport)[0] == 0  # no cursors in the replies: everything pulled back
    assert set(_pulls(transport)) == {"stub"}  # never asked again whole: it held every one
    held = _versions(a)
    assert held and min(held.values()) >= 1
    assert synced(a).verified is True and _versions(a) == held


def test_another_device_s_writes_between_the_batches_are_pulled(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a, b = make_counter("a"), Client.enroll(central, "QS", "b")
    Seeder(a, ACTOR, 21).run(6)
    theirs = [b.new_applicant(id_number=number) for number in ("110105198001010016", "110105198001010024")]
    transport = Replies(a)
    # b's batch lands after a's second, before its third
    transport.hooks[2] = lambda: b.push(
        [*theirs, b.update("applicant", theirs[0]["entity_id"], 1, phone="13800138000")]
    )
    report = SyncEngine(a, transport=transport, batch_size=5, pull_page=3).run()
    assert report.outcome == "ok" and report.verified is True, report
    written = transport.written
    gap = next(n for n in range(1, len(written)) if written[n][0] != written[n - 1][1])
    assert gap == 2
    b_from, b_to = written[gap - 1][1], written[gap][0]  # b's writes, between a's batches
    assert b_from is not None and b_to is not None and b_to > b_from
    cursors = _pull_cursors(transport)
    assert cursors[0] == b_from  # a's first two batches stepped over
    assert cursors[-1] == _office_cursor(central)  # and every batch after b's
    assert all(c < b_to or c == cursors[-1] for c in cursors[:-1])  # no page began inside a's batches
    held = {row["id"]: row["version"] for row in a.ctx.store.all("SELECT id, version FROM applicants")}
    assert [held.get(op["entity_id"]) for op in theirs] == [2, 1] and report.pulled == 2
    assert a.exchange.cursor() == _office_cursor(central)


def test_a_batch_answered_as_a_replay_is_pulled_back_as_stubs(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    """A batch whose reply was lost is sent again and answered ``duplicate``: its writes were made in
    the run before, at cursors this run's replies do not name, so they come back as stubs."""
    a = make_counter("a")
    Seeder(a, ACTOR, 31).run(4)
    lossy = Replies(a)
    lossy.lost.add(1)
    assert SyncEngine(a, transport=lossy, batch_size=6).run().outcome == "offline"
    first_written = lossy.written[0]
    assert first_written[0] == 0 and first_written[1] is not None and first_written[1] > 0

    transport = Replies(a)
    report = SyncEngine(a, transport=transport, batch_size=6).run()
    assert report.outcome == "ok" and report.verified is True and report.pulled == 0, report
    assert transport.written[0] == (first_written[1], first_written[1])  # the replay wrote nothing
    assert _pull_cursors(transport)[0] == 0  # from where it was: the first batch comes back
    assert set(_pulls(transport)) == {"stub"}
    assert a.exchange.cursor() == _office_cursor(central)


def test_a_profile_that_lost_its_versions_gets_the_page_whole(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    a = make_counter("a")
    Seeder(a, ACTOR, 12).run(6)
    synced(a)
    held = _versions(a)
    # As a profile restored from a backup taken before the push was answered: the records are
    # here at their old versions, and the pull starts again from the beginning.
    store = a.ctx.store
    with store.transaction():
        store.execute("UPDATE applicants SET version = 0")
        store.execute("UPDATE applications SET version = 0")
        a.ctx.settings.set("pull_cursor", "0")
    transport = RecordingTransport(a)
    report = SyncEngine(a, transport=transport).run()
    assert report.outcome == "ok" and report.verified is True, report
    assert _pulls(transport) == ["stub", "full"]  # the page of stubs, then the same page whole
    assert report.pulled == len(held)
    assert _versions(a) == held


def test_a_scan_pushed_in_its_own_batch_is_still_pulled(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    """A scan's record is always pulled: its server version reaches the counter only that way
    (verify counts it), so a batch holding one is never stepped over, even when applied as sent."""
    a = make_counter("a")
    synced(a)
    application = take_in(a, 31, accept=False)
    attachment = a.intake.attach(ACTOR, application.id, "M01", "户口簿.pdf", b"%PDF-1.4 scan " * 64)
    a.intake.accept(ACTOR, application.id)
    transport = Replies(a)
    report = SyncEngine(a, transport=transport, batch_size=1).run()
    assert report.outcome == "ok" and report.verified is True, report
    row = a.ctx.store.one("SELECT server_version FROM attachments WHERE id = ?", (attachment,))
    assert row["server_version"] == 1
    assert _pull_cursors(transport)[0] < _office_cursor(central)  # not everything was stepped over


def test_a_clerk_and_a_colleague_writing_while_the_push_runs_still_converge(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    """While the engine pushes in batches, a colleague changes one of the counter's records on
    central and the clerk edits two records here (one between a batch's reply and its recording,
    one before the pull): after the next syncs both counters hold exactly what central holds."""
    a, c = make_counter("a"), make_counter("c")
    b = Client.enroll(central, "QS", "b")
    Seeder(a, ACTOR, 41).run(6)
    transport = Replies(a)
    done: set[str] = set()

    def colleague() -> None:  # after a's first batch is on central: a disjoint field of one of its records
        changed = [record_id for record_id, data in central_data(central).items() if "phone" in data]
        assert changed
        done.add("colleague")
        b.push([b.update("applicant", changed[0], 1, address="白水乡新村3组")])

    transport.hooks[1] = colleague

    def clerk(progress: Progress) -> None:
        applicants = [row["id"] for row in a.ctx.store.all("SELECT id FROM applicants ORDER BY rowid")]
        if progress.stage == "push" and progress.done > 0 and "push" not in done:
            done.add("push")
            a.applicants.update_contact(ACTOR, applicants[1], phone="13700137003")
        if progress.stage == "pull" and "pull" not in done:
            done.add("pull")
            a.applicants.update_contact(ACTOR, applicants[2], address="青山镇南街1号")

    report = SyncEngine(a, transport=transport, batch_size=7, progress=clerk).run()
    assert report.outcome in ("ok", "partial"), report
    assert done == {"colleague", "push", "pull"}
    synced(a)
    synced(a)
    synced(c)
    synced(a)
    for counter in (a, c):
        assert_counter_matches_central(central, counter)
