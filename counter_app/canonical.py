"""The one canonical JSON form: sorted keys, no spaces, characters as they are (UTF-8).

What is hashed or compared as JSON goes through ``canonical_json``: the audit chain's events and
their detail, an outbox op's data (its payload hash on central depends on it), a record's data on
central, a catalogue document (its ETag). Two sides that disagree on the form would disagree on
every hash.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
