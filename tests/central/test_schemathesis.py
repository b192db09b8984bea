"""A bounded schemathesis run against the server's own OpenAPI document: no operation answers 5xx,
and every reply conforms to the document (status code listed, content type, body schema).

Every operation is exercised over real HTTP with valid data (positive) and with data that breaks the
schema (negative), with a valid device token, and with valid data and no token. Derandomised with a
fixed number of examples per operation, so a run is repeatable; SQLite only (the hostile-input suite
covers PostgreSQL). How long it takes is not asserted here: speed targets belong to benchmarks/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.central_server import CentralServer, running_server

MAX_EXAMPLES = 25

# Upload chunks (PATCH /v1/uploads/{id}) are raw bytes under the tus media type.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[CentralServer]:
    with running_server(f"sqlite:///{tmp_path / 'central.db'}") as running:
        running.office("OFFICE-A", "青山镇便民服务中心")
        yield running


def _run(operation: Any, mode: GenerationMode, base_url: str, headers: dict[str, str], device_id: str) -> int:
    calls = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    def exercise(case: schemathesis.Case) -> None:
        nonlocal calls
        calls += 1
        if mode is GenerationMode.POSITIVE and isinstance(case.body, dict) and "device_id" in case.body:
            case.body["device_id"] = device_id  # else every push stops at 403 before the ops are read
        response = case.call(base_url=base_url, headers=headers, timeout=30)
        case.validate_response(response, checks=CHECKS)

    try:
        exercise()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        # Nothing in this operation can be made invalid (e.g. no parameters, no body).
    return calls


def test_no_operation_answers_5xx(sqlite_server: CentralServer) -> None:
    device = sqlite_server.enroll("OFFICE-A")
    schema = schemathesis.openapi.from_url(f"{sqlite_server.url}/openapi.json")
    with_token = {"Authorization": f"Bearer {device['token']}"}
    runs: list[tuple[str, str, int]] = []
    labels = []
    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        for mode, headers, who in (
            (GenerationMode.POSITIVE, with_token, "token"),
            (GenerationMode.NEGATIVE, with_token, "token"),
            (GenerationMode.POSITIVE, {}, "no token"),
        ):
            calls = _run(operation, mode, sqlite_server.url, headers, device["device_id"])
            runs.append((operation.label, f"{mode.value}, {who}", calls))
    assert len(labels) >= 7 and "POST /v1/sync/push" in labels
    assert all(calls > 0 for _, kind, calls in runs if kind.startswith("positive")), runs
    print("\n".join(f"{label:40} {kind:20} {calls}" for label, kind, calls in runs))
    # The server is still up.
    assert requests.get(f"{sqlite_server.url}/v1/hello", timeout=10).status_code == 200
