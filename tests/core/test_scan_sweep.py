"""Encrypted scan files nothing refers to are swept away — only old ones, never a referenced one."""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path

from counter_app.accounts import Actor
from counter_app.core import Counter
from tests.core.test_scan_removal import attach, draft

TWO_DAYS = 2 * 24 * 3600


def aged(path: Path) -> Path:
    old = time.time() - TWO_DAYS
    os.utime(path, (old, old))
    return path


def test_only_old_files_without_a_record_are_swept(counter: Counter, clerk: Actor, admin: Actor) -> None:
    folder = counter.ctx.paths.attachments
    kept = folder / f"{attach(counter, clerk, draft(counter, clerk))}.bin"
    aged(kept)  # an old scan that is still attached
    orphan = folder / f"{uuid.uuid4()}.bin"  # its record removed, its delete failed days ago
    orphan.write_bytes(b"encrypted bytes")
    aged(orphan)
    fresh = folder / f"{uuid.uuid4()}.bin"  # a scan being attached right now: file first, record next
    fresh.write_bytes(b"encrypted bytes")
    other = folder / "notes.txt"  # not a scan file
    other.write_text("kept")
    aged(other)

    assert counter.admin.sweep_orphaned_scans() == 1
    assert not orphan.exists()
    assert kept.exists() and fresh.exists() and other.exists()
    (event,) = [e for e in counter.ctx.audit_log.recent(20) if e["action"] == "attachment.sweep"]
    assert event["actor"] == "system" and json.loads(event["detail"]) == {"files": 1}
    assert counter.admin.sweep_orphaned_scans() == 0  # nothing more; and no new event
    assert len([e for e in counter.ctx.audit_log.recent(20) if e["action"] == "attachment.sweep"]) == 1
    assert counter.admin.verify_audit(admin).ok
