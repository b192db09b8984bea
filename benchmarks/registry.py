"""Every benchmark ``python -m benchmarks`` knows: key -> "module:function" (``run`` if omitted).

Adding one is one line here plus a module with ``run(options: Options) -> list[Result]``
(see :mod:`benchmarks.runner`). Modules are imported only when their benchmark runs.
"""

from __future__ import annotations

BENCHMARKS: dict[str, str] = {
    "intake_save": "benchmarks.intake_save",
    "id_lookup": "benchmarks.id_lookup",
    "name_search": "benchmarks.name_search",
    "sync_push": "benchmarks.sync_push",
    "sync_pull": "benchmarks.sync_pull",
    "sync_end_to_end": "benchmarks.sync_end_to_end",
    "wire_bytes_per_application": "benchmarks.wire_bytes_per_application",
    "cold_start": "benchmarks.cold_start",
    "applications_list": "benchmarks.applications_list",
    "applications_view": "benchmarks.applications_view",
    "supervision": "benchmarks.supervision",
    "weak_link": "benchmarks.weak_link",
    "many_counters": "benchmarks.many_counters",
}
