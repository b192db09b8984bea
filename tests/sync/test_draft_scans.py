"""The scans of an application that is still a draft stay on the counter until it is decided.

Sync v1 has no delete for attachments and the platform keeps them as sent, while a clerk may remove
a scan attached by mistake as long as the application is a draft. So a draft's scans are never
pushed (nor counted as work waiting to sync), however soon a sync runs; after the decision they go
out in their original order, uploaded once. A push whose reply was lost cannot have carried them,
so removing one then is safe. Against the real central server on loopback.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from central import db
from counter_app.core import Counter
from counter_app.errors import InvalidTransition
from counter_app.store.outbox import PENDING, WITHDRAWN
from sync.transport import TransportError
from tests.central_server import CentralServer
from tests.sync.test_end_to_end import ACTOR, RecordingTransport, central_record, sync, take_in


class PushRecorder(RecordingTransport):
    """A real transport that also remembers the ops of every push request, as ``(entity, entity_id)``;
    with ``lose_reply`` the first push reaches central (and is applied there) but its reply is lost."""

    def __init__(self, counter: Counter, *, lose_reply: bool = False) -> None:
        super().__init__(counter, retries=0)
        self.batches: list[list[tuple[str, str]]] = []
        self.lose_reply = lose_reply

    @property
    def pushed(self) -> list[tuple[str, str]]:
        return [op for batch in self.batches for op in batch]

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if path == "/v1/sync/push":
            body = kwargs.get("body") or json.loads(kwargs["encoded"].json_body)
            self.batches.append([(op["entity"], op["entity_id"]) for op in body["ops"]])
        response = super().request(method, path, **kwargs)
        if path == "/v1/sync/push" and self.lose_reply:
            self.lose_reply = False
            raise TransportError("connection reset while reading the reply")
        return response

    def pushed_ids(self) -> set[str]:
        return {entity_id for _entity, entity_id in self.pushed}


def _pdf(text: str) -> bytes:
    return b"%PDF-1.4\n" + text.encode() * 500 + b"\n%%EOF\n"


def _blobs(central: CentralServer) -> set[str]:
    with central.engine.connect() as conn:
        return set(conn.execute(select(db.blobs.c.sha256)).scalars())


def _stored_results(central: CentralServer, op_id: str) -> int:
    with central.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(db.applied_ops).where(db.applied_ops.c.op_id == op_id)
            ).scalar_one()
        )


def _attachments_on_central(central: CentralServer) -> set[str]:
    with central.engine.connect() as conn:
        return set(conn.execute(select(db.records.c.id).where(db.records.c.entity == "attachment")).scalars())


def _states(counter: Counter, entity_id: str) -> list[str]:
    return [op.state for op in counter.ctx.outbox.for_entity(entity_id)]


def test_a_drafts_scans_stay_on_the_counter_until_the_decision_then_go_once(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    draft = take_in(counter, 41, accept=False)  # every material checked, not decided yet
    assert draft.status == "draft"
    content, wrong = _pdf("户口簿扫描件"), _pdf("别人的户口簿")
    scan = counter.intake.attach(ACTOR, draft.id, "M01", "户口簿.pdf", content)
    mistake = counter.intake.attach(ACTOR, draft.id, "M02", "别人的户口簿.pdf", wrong)
    # A scan of a decided application is not held back.
    decided = take_in(counter, 42)
    decided_content = _pdf("身份证扫描件")
    decided_scan = counter.intake.attach(ACTOR, decided.id, "M02", "身份证.pdf", decided_content)

    # The draft's scans are not work waiting to sync: neither in the count nor in the status.
    everything = counter.ctx.outbox.count(PENDING)
    assert counter.exchange.pending_count() == everything - 2
    assert counter.admin.status().pending_ops == everything - 2

    recorder = PushRecorder(counter)
    report = sync(counter, transport=recorder)
    assert report.outcome == "ok" and report.pending == 0 and report.verified is True, report
    assert report.pushed == everything - 2
    assert counter.admin.status().pending_ops == 0  # the status bar shows no work it cannot send
    assert scan not in recorder.pushed_ids() and mistake not in recorder.pushed_ids()
    assert {draft.id, decided.id, decided_scan} <= recorder.pushed_ids()  # nothing else is held back
    assert report.uploaded == 1 and recorder.paths("POST").count("/v1/uploads") == 1
    assert _blobs(central) == {hashlib.sha256(decided_content).hexdigest()}
    assert _attachments_on_central(central) == {decided_scan}
    on_central = central_record(central, draft.id)
    assert on_central is not None and on_central.data["status"] == "draft"
    assert _states(counter, scan) == _states(counter, mistake) == [PENDING]

    # So the clerk can still remove a scan after a sync ran, online.
    counter.intake.remove_attachment(ACTOR, mistake)
    assert _states(counter, mistake) == [WITHDRAWN]
    again = PushRecorder(counter)
    assert sync(counter, transport=again).pushed == 0 and again.pushed == []

    # The decision releases the remaining scan: pushed in its original place, before the decision.
    counter.intake.accept(ACTOR, draft.id)
    assert counter.exchange.pending_count() == 2
    after = PushRecorder(counter)
    report = sync(counter, transport=after)
    assert report.outcome == "ok" and report.pending == 0 and report.verified is True, report
    # Its place: before the decision. Central answers ``missing_attachments`` (and applies the
    # decision), the content is uploaded, the scan's op is pushed again and applied.
    assert after.batches == [[("attachment", scan), ("application", draft.id)], [("attachment", scan)]]
    assert report.uploaded == 1 and after.paths("POST").count("/v1/uploads") == 1
    record = central_record(central, scan)
    assert record is not None and record.data["sha256"] == hashlib.sha256(content).hexdigest()
    assert central_record(central, mistake) is None
    assert hashlib.sha256(wrong).hexdigest() not in _blobs(central)
    (op,) = counter.ctx.outbox.for_entity(scan)
    assert op.state == "done" and _stored_results(central, op.op_id) == 1
    stored = counter.ctx.attachments.get(scan)
    assert stored is not None and stored["server_version"] == 1

    # Exactly once: the next sync sends and uploads nothing.
    last = PushRecorder(counter)
    report = sync(counter, transport=last)
    assert report.pushed == 0 and report.uploaded == 0 and last.pushed == []
    assert "/v1/uploads" not in last.paths("POST") and "PATCH" not in {m for m, *_ in last.calls}
    assert _stored_results(central, op.op_id) == 1
    with pytest.raises(InvalidTransition):  # decided: the scan stays
        counter.intake.remove_attachment(ACTOR, scan)


def test_a_lost_push_reply_never_brings_a_removed_scan_back(
    make_counter: Callable[..., Counter], central: CentralServer
) -> None:
    counter = make_counter("a")
    draft = take_in(counter, 43, accept=False)
    scan = counter.intake.attach(ACTOR, draft.id, "M01", "户口簿.pdf", _pdf("户口簿"))

    # Central applies the draft's ops, but the reply is lost: locally they are still pending.
    lossy = PushRecorder(counter, lose_reply=True)
    report = sync(counter, transport=lossy)
    assert report.outcome == "offline", report
    assert central_record(central, draft.id) is not None
    assert all(op.state == PENDING for op in counter.ctx.outbox.for_entity(draft.id))
    # The scan's op was not in that push, so withdrawing it cannot leave the platform a scan
    # without its file.
    assert scan not in lossy.pushed_ids()
    counter.intake.remove_attachment(ACTOR, scan)
    assert _states(counter, scan) == [WITHDRAWN]

    report = sync(counter, transport=PushRecorder(counter))
    assert report.outcome == "ok" and report.pending == 0 and report.verified is True, report
    assert counter.ctx.attachments.for_application(draft.id) == []  # the pull brought nothing back
    counter.intake.refuse(ACTOR, draft.id, "不属于本中心受理范围")
    final = PushRecorder(counter)
    assert sync(counter, transport=final).outcome == "ok"
    assert final.pushed == [("application", draft.id)]
    assert _attachments_on_central(central) == set() and _blobs(central) == set()
