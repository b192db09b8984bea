"""The one canonical JSON form: sorted keys, no spaces, characters as they are (UTF-8).

What is hashed, stored to be replayed or compared as JSON goes through ``canonical_json``: the
audit chain's events and their detail, an outbox op's data (stored in this form, so a retried push
is byte for byte the op first sent, whose payload hash central keeps), a record's data on central, a
catalogue document (its ETag). Two places that disagreed on the form would disagree on every hash.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
