"""One sync run: hello → push the outbox in batches (uploading attachments the server lacks) →
pull pages → verify → report the audit chain head.

Offline is the normal state: an unreachable server ends the run quietly (outcome ``offline``) with
everything kept for next time. Progress is reported through a plain callback (the UI adapts it to
Qt signals in one place) and a run can be cancelled between requests. Call ``run`` on the thread
that opened the ``Counter``.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from counter_app.core import Counter
from counter_app.errors import StubsNotHeld
from sync import protocol as p
from sync.batches import (
    CHUNK_SECONDS,
    DEFAULT_BATCH,
    FIRST_CHUNK_BYTES,
    MAX_PUSH_PASSES,
    MAX_STALLED_CHUNKS,
    MIN_CHUNK_BYTES,
    MIN_PULL_PAGE,
    PULL_PAGE_SECONDS,
    Prepared,
    all_applied,
    next_batch,
    sized_to_link,
    wire_ops,
)
from sync.enrollment import enroll as enroll  # re-exported: enrolling lives in sync.enrollment
from sync.enrollment import request_enrollment as request_enrollment
from sync.enrollment import save_enrollment as save_enrollment
from sync.lock import SyncLock
from sync.transport import (
    Cancelled,
    DeviceRevoked,
    MalformedReply,
    PayloadTooLarge,
    Refused,
    Transport,
    TransportError,
)

log = logging.getLogger(__name__)


@dataclass
class Progress:
    stage: str  # hello | catalogue | push | upload | pull | verify | done
    done: int = 0
    total: int | None = None
    message: str = ""


@dataclass
class _Fetched:
    """A pulled page as the fetching thread hands it over."""

    page: p.PullResponse
    seconds: float  # from the request to the whole reply
    changes: list[dict[str, Any]]
    prepared: Any  # its new records' rows, built ahead (SyncExchange.pull_preparer)


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    seconds: float = 0.0
    uploaded: int = 0
    pending: int = 0
    verified: bool | None = None
    outcome: str = "ok"  # ok | partial | offline | cancelled | revoked | not_enrolled | failed
    error: str | None = None

    def wire(self) -> dict[str, object]:
        """``counter-app sync --json`` (DESIGN §5)."""
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 3),
        }

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class SyncEngine:
    def __init__(
        self,
        counter: Counter,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        batch_size: int | None = None,
        transport: Transport | None = None,
        verify_tls: bool | str = True,
        pull_page: int | None = None,
    ) -> None:
        """``batch_size``: ops per push request, fixed (default: sized to the link as batches go);
        ``pull_page``: changes per pulled page, fixed (default: sized to the link as pages come)."""
        self.counter = counter
        self.exchange = counter.exchange
        self.progress = progress or (lambda _p: None)
        self.cancel = cancel or threading.Event()
        self.batch_size = batch_size
        self._transport = transport
        self.verify_tls = verify_tls
        self.pull_page = pull_page
        self._chunk_bytes = FIRST_CHUNK_BYTES  # adapts to the link as chunks go up

    def run(self, trigger: str = "manual", *, full: bool = False) -> SyncReport:
        """One run. ``full``: download the office's data again from cursor 0 (the outbox is kept:
        pending ops are pushed first and never overwritten by what comes down), then verify.

        Setting ``cancel`` stops the run at the next safe point — before a request: between push
        batches, upload chunks and pull pages, never inside the application of a reply — with
        outcome ``cancelled``; what was applied stays applied and the next run does the rest."""
        report = SyncReport()
        started = time.monotonic()
        enrollment = self.counter.enrollment.current()
        token = self.counter.enrollment.token()
        if enrollment is None or not token:
            report.outcome = "not_enrolled"
            report.pending = self.exchange.pending_count()
            return report
        with SyncLock(self.counter.ctx.paths.lock_file), _heap_frozen():
            transport = self._transport or Transport(
                enrollment.server_url, token, cancel=self.cancel, verify_tls=self.verify_tls
            )
            transport.token = token
            log_id = self.counter.sync_log.start(trigger)
            try:
                self._run(transport, enrollment.device_id, report, full)
                report.pending = self.exchange.pending_count()
                # An op in an open conflict was not pushed either: it waits for someone's decision.
                unsettled = report.pending or report.rejected or self.counter.conflicts.count()
                report.outcome = "partial" if unsettled else "ok"
            except Cancelled:
                report.outcome = "cancelled"
            except DeviceRevoked as exc:
                report.outcome, report.error = "revoked", str(exc)
                self.counter.enrollment.token_revoked()
            except (TransportError, Refused) as exc:
                report.outcome = "offline" if isinstance(exc, TransportError) else "failed"
                report.error = str(exc)
                log.info("sync stopped: %s", exc)
            except Exception as exc:
                # A bug: let it surface, but the sync log and the audit trail must not call the run ok.
                report.outcome, report.error = "failed", f"{type(exc).__name__}: {exc}"
                raise
            finally:
                report.seconds = time.monotonic() - started
                report.pending = self.exchange.pending_count()
                self.counter.sync_log.finish(
                    log_id,
                    report.outcome,
                    report.pushed,
                    report.pulled,
                    report.conflicts,
                    report.rejected,
                    report.error,
                )
                if self._transport is None:
                    transport.close()
            self.progress(Progress("done", message=report.outcome))
        return report

    # --- the stages --------------------------------------------------------------------------------
    def _run(self, transport: Transport, device_id: str, report: SyncReport, full: bool) -> None:
        hello = self._hello(transport)
        if full:
            self.exchange.reset_pull(hello.server_epoch)  # everything again from cursor 0; outbox kept
        self._catalogue(transport, hello)
        own_writes = self._push(transport, device_id, hello, report)
        self._pull(transport, hello, report, own_writes)
        self._checkpoint()
        self._verify(transport, report)
        self._audit_head(transport)

    def _checkpoint(self) -> None:
        """A safe point to stop at (nothing half applied): stop here when the run was cancelled.
        The transport checks the same flag before each request; this covers a given transport."""
        if self.cancel.is_set():
            raise Cancelled()

    def _hello(self, transport: Transport) -> p.Hello:
        self.progress(Progress("hello"))
        before = time.time()
        hello = transport.get("/v1/hello", p.Hello)
        after = time.time()
        offset = hello.server_time.timestamp() - (before + after) / 2
        self.exchange.record_hello(offset)
        if p.PROTOCOL_VERSION not in hello.protocol_versions:
            raise Refused(
                400, p.ErrorCode.UNSUPPORTED_PROTOCOL.value, "the server does not speak protocol v1"
            )
        known = self.exchange.server_epoch()
        if known != hello.server_epoch or self.exchange.cursor() < hello.min_cursor:
            self.exchange.reset_pull(hello.server_epoch)
        return hello

    def _catalogue(self, transport: Transport, hello: p.Hello) -> None:
        local = self.exchange.catalogue_etag()
        if not hello.catalogue_etag or hello.catalogue_etag == local:
            return
        self.progress(Progress("catalogue"))
        headers = {"If-None-Match": f'"{local}"'} if local else None
        response = transport.request("GET", "/v1/catalogue", headers=headers, ok=(200, 304))
        if response.status_code == 304:
            return
        try:
            version = self.exchange.install_catalogue(response.json())
        except Exception as exc:  # a catalogue the core refuses must not stop the sync
            log.warning("catalogue from the server refused: %s", exc)
            return
        log.info("catalogue %s installed", version)

    def _push(
        self, transport: Transport, device_id: str, hello: p.Hello, report: SyncReport
    ) -> list[tuple[int, int]]:
        """Push the outbox in batches, each sent while the next is prepared. Returns the office's
        cursor ranges that hold only this run's own writes as sent, for the pull to step over
        (``PushTally.own_writes``).

        Batch n+1 is read from the outbox and built while batch n is on the wire, and sent as soon
        as n's reply arrives, before n's results are recorded (the server answers a batch sent again
        from its stored results, so a crash in between loses nothing). It is sent only when every
        op of n came back applied: anything else (a conflict, a rejection, a missing scan, a
        deferred op) may change what the next batch must hold, so it is dropped and read again
        once n's results are recorded.

        Batches are sized to the link unless ``batch_size`` fixes them: about
        ``PUSH_BATCH_SECONDS`` from sending to the reply at the rate the last full batch went, up to
        the server's ``max_batch_ops`` (loopback or a good line: the largest, fewer requests and
        commits on both sides; a 64 kbit/s line: a few hundred ops, so a cut loses seconds)."""
        limit = hello.max_batch_ops
        batch = max(1, min(self.batch_size or DEFAULT_BATCH, limit))
        total = self.exchange.pending_count()
        own_writes: list[tuple[int, int]] = []
        with ThreadPoolExecutor(1, thread_name_prefix="sync-push") as sender:

            def post(prepared: Prepared) -> tuple[p.PushResponse, float]:
                began = time.monotonic()
                reply = transport.post("/v1/sync/push", prepared.body, p.PushResponse)
                return reply, time.monotonic() - began

            def send(prepared: Prepared) -> Future[tuple[p.PushResponse, float]]:
                return sender.submit(post, prepared)

            for _pass in range(MAX_PUSH_PASSES):
                after_seq = 0
                uploaded_any = False
                sent: tuple[Prepared, Future[tuple[p.PushResponse, float]]] | None = None
                while True:
                    if sent is None:
                        self._checkpoint()
                        prepared = self._prepare_push(device_id, batch, after_seq, report)
                        if prepared is None:
                            break
                        self.progress(Progress("push", report.pushed, total))
                        sent = (prepared, send(prepared))
                    current, future = sent
                    upcoming = None
                    if not self.cancel.is_set():
                        upcoming = self._prepare_push(device_id, batch, current.last_seq, report)
                    try:
                        reply, seconds = future.result()
                    except PayloadTooLarge:
                        if batch == 1:
                            raise
                        batch = max(1, batch // 2)  # the same ops again, in smaller batches
                        limit = batch  # and never larger again in this run
                        after_seq, sent = current.after_seq, None
                        continue
                    if len(reply.results) != len(current.ops):
                        raise MalformedReply("push reply has a different number of results")
                    if self.batch_size is None and len(current.ops) >= batch:
                        batch = next_batch(len(current.ops), seconds, limit)
                    sent = None
                    if upcoming is not None and all(map(all_applied, reply.results)):
                        self.progress(Progress("push", report.pushed + len(current.ops), total))
                        # Before anything else: the server waits for it. n's results are recorded
                        # meanwhile.
                        sent = (upcoming, send(upcoming))
                    # One dump of the whole reply (not one per result): the same dicts, made in one call.
                    dumped = reply.model_dump(mode="json", exclude_none=True, include={"results"})["results"]
                    written = None
                    if reply.cursor_before is not None and reply.cursor_after is not None:
                        written = (reply.cursor_before, reply.cursor_after)
                    tally = self.exchange.record_push_results(
                        list(zip(current.ops, dumped, strict=True)), written
                    )
                    report.pushed += tally.applied
                    report.conflicts += tally.conflicts
                    report.rejected += tally.rejected
                    if tally.own_writes is not None:
                        own_writes.append(tally.own_writes)
                    for sha256 in sorted(tally.missing):
                        uploaded_any |= self._upload(transport, sha256, report)
                    after_seq = current.last_seq
                if not uploaded_any:
                    break
        return own_writes

    def _prepare_push(
        self, device_id: str, batch: int, after_seq: int, report: SyncReport
    ) -> Prepared | None:
        """The next batch of sendable ops after ``after_seq`` as a push request, or None when there is
        none. An op the protocol cannot carry would block every later op: it is refused here,
        visibly (rejected, like a server refusal), and the rest are sent."""
        while True:
            ops = self.exchange.pending_ops(batch, after_seq)
            if not ops:
                return None
            carried, invalid = wire_ops(ops)
            if invalid:
                tally = self.exchange.record_push_results(invalid)
                report.rejected += tally.rejected
                bad = {op.op_id for op, _ in invalid}
                last_seq, ops = ops[-1].seq, [op for op in ops if op.op_id not in bad]
                if not ops:
                    after_seq = last_seq
                    continue
            request = p.PushRequest(device_id=device_id, batch_id=str(uuid.uuid4()), ops=carried)
            # Serialised and compressed here, while the batch before is on the wire: sending it is
            # then only writing bytes, and the server gets it as soon as it has answered.
            return Prepared(ops, Transport.encode(request), after_seq)

    def _upload(self, transport: Transport, sha256: str, report: SyncReport) -> bool:
        """Send an attachment's content the server lacks, from where the server's copy ends.

        Chunks are sized to the link (about ``CHUNK_SECONDS`` at the rate the last one went, so a
        chunk on a 64 kbit/s line is ~64 KB, not the 1 MiB allowed, and its reply comes well within
        the read timeout). A chunk is sent once (no retry inside the transport): if the connection
        drops part-way, the server has kept what arrived, so we ask it (HEAD) and send only the
        rest. Only chunks that move nothing ``MAX_STALLED_CHUNKS`` times in a row end the run."""
        content = self.exchange.attachment_content(sha256)
        if content is None or hashlib.sha256(content).hexdigest() != sha256:
            log.warning("attachment %s is not available locally", sha256[:12])
            return False
        self.progress(Progress("upload", message=sha256[:12]))
        size = len(content)
        status = transport.post(
            "/v1/uploads", p.UploadCreate(sha256=sha256, size=size), p.UploadStatus, ok=(200, 201)
        )
        offset = size if status.complete else status.offset
        stalled = 0
        while offset < size:
            if stalled >= MAX_STALLED_CHUNKS:
                raise TransportError(f"upload {status.id} does not advance past byte {offset}")
            if stalled:
                self.cancel.wait(transport._backoff(stalled, None))
                self._checkpoint()
            chunk = content[offset : offset + self._chunk_bytes]
            before, began = offset, time.monotonic()
            try:
                response = transport.request(
                    "PATCH",
                    f"/v1/uploads/{status.id}",
                    raw=chunk,
                    ok=(200, 204, 409),
                    headers={"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"},
                    retries=0,
                )
            except TransportError as exc:
                log.info(
                    "upload %s cut at or after byte %d (%s); asking where to resume", status.id, offset, exc
                )
                self._chunk_bytes = max(MIN_CHUNK_BYTES, self._chunk_bytes // 2)
                offset = self._upload_offset(transport, status.id, size)
            else:
                server_offset = response.headers.get("Upload-Offset", "")
                if server_offset.isdigit():
                    offset = min(int(server_offset), size)
                else:
                    offset = self._upload_offset(transport, status.id, size)
                if response.status_code == 204 and offset - before == len(chunk):
                    self._chunk_bytes = sized_to_link(
                        len(chunk),
                        time.monotonic() - began,
                        CHUNK_SECONDS,
                        MIN_CHUNK_BYTES,
                        p.MAX_CHUNK_BYTES,
                    )
            stalled = 0 if offset > before else stalled + 1
        report.uploaded += 1
        return True

    def _upload_offset(self, transport: Transport, upload_id: str, size: int) -> int:
        """How many bytes of the upload the server holds (HEAD; GET if the header is missing)."""
        header = transport.request("HEAD", f"/v1/uploads/{upload_id}").headers.get("Upload-Offset", "")
        if header.isdigit():
            return min(int(header), size)
        current = transport.get(f"/v1/uploads/{upload_id}", p.UploadStatus)
        return size if current.complete else current.offset

    def _pull(
        self,
        transport: Transport,
        hello: p.Hello,
        report: SyncReport,
        own_writes: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Pull pages until the server has no more, each page fetched while the one before is applied.

        ``own_writes``: cursor ranges that hold only this run's pushed records, as this profile
        holds them (``PushTally.own_writes``). A page is never asked to start inside one: the
        cursor steps to its end instead (saved once the page before is applied), so a push of
        10,000 applications does not pull its 21,000 records back as stubs.

        The next page starts at the cursor the current one ends at, so it is requested as soon as
        the current one arrives; the apply of a page and its cursor stay one transaction, in order.
        Pages are sized to the link: about ``PULL_PAGE_SECONDS`` of transfer at the rate the last
        one came (from ``MIN_PULL_PAGE`` to the server's maximum), so a slow line never waits long
        for one page, nor loses much when a page is cut."""
        limit = min(self.pull_page or p.DEFAULT_PULL_LIMIT, hello.max_pull_limit)
        with (
            ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as fetcher,
            self.exchange.pull_preparer() as prepare,
        ):

            def fetch(cursor: int, limit: int) -> Future[_Fetched]:
                return fetcher.submit(self._fetch_page, transport, cursor, limit, prepare)

            steps = sorted(own_writes)  # the ranges never overlap: each batch held the office's lock

            def past_own(cursor: int) -> int:
                """Where the pull goes on from ``cursor``, having stepped over the run's own writes."""
                for before, after in steps:
                    if before <= cursor < after:
                        cursor = after  # and on into the next range, if it starts right there
                return cursor

            self.progress(Progress("pull", report.pulled))
            self._checkpoint()
            cursor = self.exchange.cursor()
            if past_own(cursor) != cursor and self.exchange.skip_own_writes(cursor, past_own(cursor)):
                cursor = past_own(cursor)
            coming: tuple[int, Future[_Fetched]] | None = (cursor, fetch(cursor, limit))
            while coming is not None:
                cursor, future = coming
                fetched = future.result()
                page, seconds = fetched.page, fetched.seconds
                coming = None
                if page.server_epoch != self.exchange.server_epoch() or cursor < page.min_cursor:
                    steps = []  # another history of the office: those cursors mean nothing now
                    self.exchange.reset_pull(page.server_epoch)
                    self._checkpoint()
                    cursor = self.exchange.cursor()
                    coming = (cursor, fetch(cursor, limit))
                    continue
                if self.pull_page is None and len(page.changes) == limit:
                    limit = sized_to_link(
                        limit, seconds, PULL_PAGE_SECONDS, MIN_PULL_PAGE, hello.max_pull_limit
                    )
                if page.has_more and not self.cancel.is_set():
                    ahead = past_own(page.next_cursor)
                    coming = (ahead, fetch(ahead, limit))  # while this applies
                try:
                    report.pulled += self.exchange.apply_pull_page(
                        fetched.changes, page.next_cursor, fetched.prepared
                    )
                except StubsNotHeld:
                    # Stubs of records this profile lacks (restored from a backup; a merge): the
                    # same page again, whole. Should it end elsewhere (the office moved on in
                    # between), the page fetched ahead is dropped and the pull goes on from its end.
                    log.info("pull: own records missing here; the page from cursor %d again, whole", cursor)
                    whole = fetcher.submit(
                        self._fetch_page, transport, cursor, limit, prepare, "full"
                    ).result()
                    report.pulled += self.exchange.apply_pull_page(
                        whole.changes, whole.page.next_cursor, whole.prepared
                    )
                    moved = (whole.page.next_cursor, whole.page.has_more) != (page.next_cursor, page.has_more)
                    page = whole.page
                    if moved:
                        coming = None
                        if page.has_more and not self.cancel.is_set():
                            ahead = past_own(page.next_cursor)
                            coming = (ahead, fetch(ahead, limit))
                if coming is not None and coming[0] != page.next_cursor:
                    # The page fetched ahead starts past own writes: the saved cursor steps there too.
                    self.exchange.skip_own_writes(page.next_cursor, coming[0])
                if page.has_more:
                    self.progress(Progress("pull", report.pulled))
                    # Cancelled: the page on its way is dropped; the next run goes on from the cursor
                    # just saved.
                    self._checkpoint()

    @staticmethod
    def _fetch_page(
        transport: Transport,
        cursor: int,
        limit: int,
        prepare: Callable[[list[dict[str, Any]]], Any],
        own: p.OwnChanges = "stub",
    ) -> _Fetched:
        """On the fetching thread: one page, how long it took to come, and its new records' rows
        built ahead (``SyncExchange.pull_preparer``) while the main thread writes the page before.

        The device's own writes come as stubs (``own=stub``: no data): after a push, the pull
        brings back everything just pushed, which this profile holds already (a sync of 10,000
        applications pulls back its 21,000 records)."""
        began = time.monotonic()
        params = {"cursor": cursor, "limit": limit, "own": own}
        page = transport.get("/v1/sync/pull", p.PullResponse, params=params)
        seconds = time.monotonic() - began
        changes = [
            {"entity": c.entity, "id": c.id, "version": c.version, "data": c.data, "cursor": c.cursor}
            for c in page.changes
        ]
        return _Fetched(page, seconds, changes, prepare(changes))

    def _verify(self, transport: Transport, report: SyncReport) -> None:
        if self.exchange.pending_count() or self.exchange.inbox_count():
            return  # only meaningful once everything is across
        self.progress(Progress("verify"))
        # The XOR digest, which central answers from one row (an older server answers the sorted hash).
        remote = transport.get("/v1/sync/verify", p.VerifyResponse, params={"digest": "xor"})
        report.verified, count = p.agrees(remote, self.exchange.synced_versions())
        if not report.verified:
            # Usually another counter of the office wrote after our last page (the next run compares
            # again); the report says unverified either way, and a full sync mends a real drift.
            log.info("verify: local %d records, server %d; hashes differ", count, remote.count)

    def _audit_head(self, transport: Transport) -> None:
        head = self.exchange.audit_head()
        if head is None:
            return
        body = p.AuditHead(seq=head[0], hash=head[1], device_ts=datetime.now(timezone.utc).isoformat())
        try:
            transport.post("/v1/audit/heads", body, p.AuditHeadAck)
        except Refused as exc:
            # The server holds a later head than our chain has: events were removed here.
            log.error("audit chain head refused by the server: %s", exc)


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """Leave the objects that exist when a run starts out of the garbage collector's full passes
    while it runs (``gc.freeze``; ``gc.unfreeze`` afterwards puts them back in the oldest generation).

    A run's short-lived objects now and then trigger a full collection, which would walk the app's
    whole heap (Qt, the catalogue, the pinyin tables: ~300,000 objects), ~100 ms apiece, for nothing.
    The youngest generation is also collected less often (every ``RUN_GC_THRESHOLD`` new containers
    instead of 700): a run's dicts and lists are almost never in cycles, and the frequent young
    collections cost more than a tenth of a push's CPU. Garbage of the run is collected as usual."""
    thresholds = gc.get_threshold()
    # First the young garbage (the last run's closed session, a cut request's traceback: cycles the
    # few allocations between two runs did not trigger a collection for). Frozen, it would come back
    # in the oldest generation uncounted, which only a full collection empties, and those are rare
    # once a long-lived heap is frozen and thawed every run: the soak's counters kept ~85 KB a cut.
    gc.collect(1)
    gc.freeze()
    gc.set_threshold(RUN_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


RUN_GC_THRESHOLD = 50_000
