"""One canonical JSON form for everything hashed or compared as JSON (``counter_app/canonical.py``)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from counter_app.audit import chain_hash
from counter_app.canonical import canonical_json

ROOT = Path(__file__).resolve().parents[2]


def test_the_form_is_sorted_compact_and_keeps_chinese() -> None:
    value = {"b": 1, "a": ["张三", {"d": None, "c": 2.5}]}
    assert canonical_json(value) == '{"a":["张三",{"c":2.5,"d":null}],"b":1}'


def test_the_audit_chain_hashes_the_canonical_form() -> None:
    event = {"seq": 2, "actor": "user:wangfang", "detail": {"z": 1, "a": "查看"}}
    expected = hashlib.sha256(b"0" * 64 + canonical_json(event).encode("utf-8")).hexdigest()
    assert chain_hash("0" * 64, event) == expected


def test_no_other_module_makes_its_own_canonical_json() -> None:
    """A second sorted-keys dump would be a second definition that can drift from this one (pretty
    printing for people, with an indent, is not one)."""
    found = []
    for package in ("counter_app", "sync", "central", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if re.search(r"sort_keys\s*=\s*True", line) and "indent=" not in line:
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert {place.split(":")[0] for place in found} == {"counter_app/canonical.py"}, found
