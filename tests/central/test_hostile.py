"""Hostile input against the real server (SQLite and PostgreSQL): always a 4xx with a machine-readable
error (``error.code``, and ``error.field`` where a field is at fault), never a 5xx, never a hang.

The endpoints are enumerated from the OpenAPI document, so a new endpoint is covered by the generic
checks without touching this file; request bodies are built from its schema.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import select
import socket
import threading
import time
import uuid
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy.exc import DataError, OperationalError

import central.middleware
import central.push
from central import admin
from central.openapi import openapi_document
from counter_app import ids
from sync import protocol as p
from tests import pg
from tests.central_server import CentralServer, running_server

TIMEOUT = 60
DOCUMENT = openapi_document()
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
OPERATIONS = [
    (method.upper(), path, operation)
    for path, item in sorted(DOCUMENT["paths"].items())
    for method, operation in item.items()
    if method in METHODS
]


def operations(keep: Any) -> list[Any]:
    return [
        pytest.param(method, path, operation, id=f"{method} {path}")
        for method, path, operation in OPERATIONS
        if keep(method, operation)
    ]


PATHS = sorted(DOCUMENT["paths"])
FORGED_TOKEN = "A" * 43
NO_BODY = object()


# --- helpers ----------------------------------------------------------------------------------------
def url(server: CentralServer, path: str, value: str | None = None) -> str:
    """The path with every ``{param}`` filled with ``value`` (default: an id that does not exist)."""
    return server.url + re.sub(r"\{[^}]+\}", value or str(uuid.uuid4()), path)


def call(
    method: str,
    target: str,
    *,
    token: str | None = None,
    body: Any = NO_BODY,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    params: Any = None,
) -> requests.Response:
    sent = dict(headers or {})
    if token is not None:
        sent.setdefault("Authorization", f"Bearer {token}")
    data = raw
    if body is not NO_BODY:
        data = json.dumps(body).encode()  # ensure_ascii: NUL and lone surrogates travel as escapes
        sent.setdefault("Content-Type", "application/json")
    return requests.request(method, target, data=data, headers=sent, params=params, timeout=TIMEOUT)


def refused(
    response: requests.Response,
    status: int | set[int] | None = None,
    code: str | None = None,
    field: str | None = None,
) -> dict[str, Any]:
    """Assert a 4xx (``status`` if given) in the error format; returns ``error``."""
    label = (
        f"{response.request.method} {response.request.url} -> {response.status_code}: {response.text[:300]!r}"
    )
    assert 400 <= response.status_code < 500, label
    if isinstance(status, int):
        assert response.status_code == status, label
    elif status is not None:
        assert response.status_code in status, label
    if response.request.method == "HEAD":
        return {}
    assert response.headers.get("content-type", "").startswith("application/json"), label
    error = response.json()["error"]
    assert isinstance(error["code"], str) and error["code"], label
    assert isinstance(error["message"], str) and error["message"], label
    assert "field" in error, label
    if code is not None:
        assert error["code"] == code, label
    if field is not None:
        assert error["field"] is not None and (
            error["field"] == field or error["field"].startswith(field + ".")
        ), label
    return error


def not_server_error(response: requests.Response) -> None:
    assert response.status_code < 500, (
        f"{response.request.method} {response.request.url} -> {response.status_code}: {response.text[:300]!r}"
    )


def alive(server: CentralServer) -> None:
    reply = requests.get(f"{server.url}/v1/hello", timeout=10)
    assert reply.status_code == 200 and reply.json()["protocol_versions"] == [1]


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = DOCUMENT["components"]["schemas"][name]
    return schema


def non_null(schema: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [resolve(s) for s in schema[key] if resolve(s).get("type") != "null"]
            return non_null(options[0])
    if "allOf" in schema:
        return non_null(schema["allOf"][0])
    return schema


def sample(schema: dict[str, Any], overrides: dict[str, Any], name: str | None = None) -> Any:
    """A minimal valid value for a JSON schema (required properties only)."""
    if name in overrides:
        return overrides[name]
    schema = non_null(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {key: sample(properties[key], overrides, key) for key in schema.get("required", [])}
    if kind == "array":
        return [sample(schema.get("items", {}), overrides) for _ in range(schema.get("minItems", 0))]
    if kind == "integer" or kind == "number":
        return max(schema.get("minimum", 1), 1) if schema.get("maximum", 1) >= 1 else schema["maximum"]
    if kind == "boolean":
        return True
    if kind == "string":
        pattern = schema.get("pattern", "")
        if pattern == p.UUID_PATTERN:
            return str(uuid.uuid4())
        if pattern == p.SHA256_PATTERN:
            return "0" * 64
        return "x" * max(schema.get("minLength", 1), 1)
    return {}


WRONG_TYPES = {
    "string": [12345, 1.5, ["x"], {"x": 1}],
    "integer": ["abc", 1.5, [1], {"x": 1}],
    "number": ["abc", [1], {"x": 1}],
    "array": ["x", 5, {"x": 1}],
    "object": ["x", 5, [1]],
    "boolean": ["maybe", [1], {"x": 1}],
}


def json_body(operation: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON request-body schema of an operation, if it takes one."""
    content = operation.get("requestBody", {}).get("content", {})
    for media_type, spec in content.items():
        if "json" in media_type:
            return resolve(spec.get("schema", {}))
    return None


def body_media_type(operation: dict[str, Any]) -> str | None:
    content = operation.get("requestBody", {}).get("content", {})
    return next(iter(content), None)


def deep(levels: int, opening: str = "[", closing: str = "]", inner: str = "") -> bytes:
    return (opening * levels + inner + closing * levels).encode()


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """One gzip member that decompresses to ``size`` zero bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(b"\0" * size) + compressor.flush()


@functools.cache
def gzip_members_bomb(size: int) -> bytes:
    """Many small gzip members, together ``size`` bytes or more once decompressed."""
    block = 1024 * 1024
    return gzip_bomb(block) * (size // block + 1)


def resident_id() -> str:
    first17 = "11010519491231002"
    return first17 + ids.resident_id_check_char(first17)


def applicant_op(name: str = "张三") -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "seq": 1,
        "entity": "applicant",
        "entity_id": str(uuid.uuid4()),
        "op": "create",
        "base_version": 0,
        "data": {"kind": "person", "name": name, "id_type": "resident_id", "id_number": resident_id()},
        "client_ts": "2026-11-23T09:30:00+08:00",
        "user_id": "clerk",
    }


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CentralServer]:
    """One real server per database for the whole module (it must survive every test); each test
    works in an office of its own."""
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'central.db'}"
    else:
        db_url = pg.create_database(request.getfixturevalue("pg_server"))
    with running_server(db_url) as running:
        yield running


def new_office(server: CentralServer) -> str:
    return server.office(f"H-{uuid.uuid4().hex[:12]}", "便民服务中心")


@pytest.fixture
def device(server: CentralServer) -> Iterator[dict[str, Any]]:
    enrolled = server.enroll(new_office(server))
    yield enrolled
    alive(server)  # whatever the test sent, the server still answers


def push_body(device: dict[str, Any], ops: list[dict[str, Any]]) -> dict[str, Any]:
    return {"device_id": device["device_id"], "batch_id": str(uuid.uuid4()), "ops": ops}


def test_the_document_lists_the_endpoints() -> None:
    expected = {"/v1/hello", "/v1/devices/enroll", "/v1/sync/push", "/v1/sync/pull", "/v1/sync/verify"}
    assert expected <= set(PATHS)
    assert len(OPERATIONS) >= 7


# --- every endpoint ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("method", "path", "operation"), operations(lambda m, op: bool(op.get("security"))))
def test_tokens(
    server: CentralServer, device: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> None:
    """Absent, forged, garbage, very long and revoked bearer tokens: 401 on every secured endpoint."""
    target = url(server, path)
    schema = json_body(operation)
    body = sample(schema, {"device_id": device["device_id"]}) if schema is not None else NO_BODY
    unauthorized = {
        "absent": {},
        "forged": {"Authorization": f"Bearer {FORGED_TOKEN}"},
        "forged, right shape": {"Authorization": f"Bearer {device['token'][:-4]}AAAA"},
        "empty bearer": {"Authorization": "Bearer "},
        "bare scheme": {"Authorization": "Bearer"},
        "basic": {"Authorization": "Basic dXNlcjpwYXNz"},
        "garbage": {"Authorization": "Bearer !!@@##$$%%^^&&**(())"},
        "two tokens": {"Authorization": f"Bearer {device['token']} {device['token']}"},
        "latin-1": {"Authorization": "Bearer " + "é" * 43},
        "very long": {"Authorization": "Bearer " + "A" * 8000},
        "sql": {"Authorization": "Bearer ' OR '1'='1"},
    }
    for label, headers in unauthorized.items():
        sent = {key: value.encode("latin-1") for key, value in headers.items()}
        response = call(method, target, body=body, headers=sent)  # type: ignore[arg-type]
        error = refused(response, 401, None if method == "HEAD" else "unauthorized")
        assert method == "HEAD" or error, label
        if method != "HEAD":
            assert response.headers.get("www-authenticate", "").lower().startswith("bearer"), label

    admin.revoke_device(server.engine, device["device_id"])
    refused(
        call(method, target, token=device["token"], body=body),
        401,
        None if method == "HEAD" else "device_revoked",
    )


@pytest.mark.parametrize(("method", "path", "operation"), operations(lambda m, op: True))
def test_path_and_query(
    server: CentralServer, device: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> None:
    """Non-UUID and hostile path parameters; wrong, negative and huge values for every query and
    header parameter; a NUL anywhere in the URL."""
    token = device["token"]
    schema = json_body(operation)
    body = sample(schema, {"device_id": device["device_id"]}) if schema is not None else NO_BODY
    if "{" in path:
        for value in (
            "not-a-uuid",
            "x" * 300,
            "%E2%80%AE%F0%9F%98%80",
            "..%2F..%2Fetc%2Fpasswd",
            "1 OR 1=1",
            str(uuid.uuid4()).upper(),
            "-1",
            "99999999999999999999999",
        ):
            refused(call(method, url(server, path, value), token=token, body=body))
        refused(call(method, url(server, path, "%00"), token=token, body=body), 400)
        refused(call(method, url(server, path, "a%00b"), token=token, body=body), 400)

    target = url(server, path)
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        if parameter["in"] not in ("query", "header"):
            continue
        name = parameter["name"]
        kind = non_null(parameter.get("schema", {})).get("type", "string")
        hostile: list[str] = ["", "%00", "\u202e\U0001f600", "x" * 5000]
        if kind == "integer" or parameter["in"] == "header":
            hostile += ["-1", "abc", "1.5", "1e3", str(2**70), str(10**9), "-" + str(2**70), "0x10", "NaN"]
        for value in hostile:
            if parameter["in"] == "query":
                response = requests.request(
                    method,
                    f"{target}?{name}={value}",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=TIMEOUT,
                )
            else:
                if "%" in value or not value.isascii():
                    continue
                response = call(method, target, token=token, headers={name: value}, raw=b"x")
            not_server_error(response)
            if response.status_code >= 400 and method != "HEAD":
                error = refused(response)
                if response.status_code == 422 and parameter["in"] == "query":
                    assert error["field"] == name, response.text

    # A NUL in any query string, known parameter or not.
    refused(call(method, f"{target}?anything=%00", token=token, body=body), 400)


@pytest.mark.parametrize(("method", "path", "operation"), operations(lambda m, op: json_body(op) is not None))
def test_json_bodies(
    server: CentralServer, device: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> None:
    """Malformed JSON, wrong top-level types, missing and extra fields, wrong types, huge strings,
    NUL and unpaired surrogates, deep nesting, non-JSON content types."""
    schema = json_body(operation)
    assert schema is not None
    token = device["token"] if operation.get("security") else None
    target = url(server, path)
    valid = sample(schema, {"device_id": device["device_id"]})

    for raw in (
        b"{",
        b'{"a": 1,}',
        b"[1, 2",
        b"nul",
        b"\xff\xfe\x00garbage",
        b'{"a": "\xff"}',
        b"\x00",
        b"{'single': 'quotes'}",
        b'{"a": 1} trailing',
        b"\xef\xbb\xbf{",
        b'"' + b"\\" * 1000,
    ):
        refused(call(method, target, token=token, raw=raw, headers={"Content-Type": "application/json"}), 400)
    for top in ([], "text", 12345, None, True, [valid]):
        refused(call(method, target, token=token, body=top), 422, "invalid_request")
    # Not JSON: other content types, or none.
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml", None):
        headers = {"Content-Type": content_type} if content_type else {}
        refused(call(method, target, token=token, raw=json.dumps(valid).encode(), headers=headers), 415)
    # UTF-16 JSON
    refused(
        call(
            method,
            target,
            token=token,
            raw=json.dumps(valid).encode("utf-16"),
            headers={"Content-Type": "application/json"},
        ),
        400,
    )

    properties = schema.get("properties", {})
    for name in schema.get("required", []):
        missing = {k: v for k, v in valid.items() if k != name}
        refused(call(method, target, token=token, body=missing), 422, "invalid_request", name)
    refused(
        call(method, target, token=token, body={**valid, "unexpected_field": 1}),
        422,
        None,
        "unexpected_field",
    )
    refused(call(method, target, token=token, body={**valid, "": None}), 422)

    for name, property_schema in properties.items():
        kind = non_null(property_schema).get("type", "object")
        for wrong in WRONG_TYPES.get(kind, []):
            refused(
                call(method, target, token=token, body={**valid, name: wrong}), 422, "invalid_request", name
            )
        if name in schema.get("required", []):
            refused(
                call(method, target, token=token, body={**valid, name: None}), 422, "invalid_request", name
            )
        if kind == "string":
            refused(
                call(method, target, token=token, body={**valid, name: "x" * 1024 * 1024}), 422, None, name
            )
            refused(
                call(method, target, token=token, body={**valid, name: "a\x00b"}),
                400,
                "invalid_request",
                name,
            )
            refused(
                call(method, target, token=token, body={**valid, name: "a\ud800b"}),
                400,
                "invalid_request",
                name,
            )
            for text in ("\u202e\U0001f600 é 张三", "'; DROP TABLE devices; --", "\x7f\x1b[31m", "\ufeff"):
                not_server_error(call(method, target, token=token, body={**valid, name: text}))
        if kind in ("integer", "number"):
            for number in (-1, -(2**63), 2**63, 2**70, 10**400, 1e308, -0.0):
                response = call(method, target, token=token, body={**valid, name: number})
                not_server_error(response)
                if response.status_code >= 400:
                    refused(response, None, None, name)
            for raw_number in (b"NaN", b"Infinity", b"-Infinity", b"1e999"):
                raw = (
                    json.dumps({**valid, name: 0})
                    .encode()
                    .replace(f'"{name}": 0'.encode(), f'"{name}": '.encode() + raw_number)
                )
                refused(
                    call(method, target, token=token, raw=raw, headers={"Content-Type": "application/json"}),
                    400,
                    None,
                    name,
                )
        if kind in ("array", "object"):
            refused(call(method, target, token=token, body={**valid, name: json.loads(deep(60))}), 422)

    # Deep nesting, at the top and inside a field: 400, quickly.
    for raw in (
        deep(100_000),
        deep(100_000, '{"a":', "}", "1"),
        deep(100_000, "[", "]")[:-1],
        deep(65),
        json.dumps({**valid, next(iter(valid), "x"): "PLACEHOLDER"})
        .encode()
        .replace(b'"PLACEHOLDER"', deep(10_000)),
    ):
        refused(
            call(method, target, token=token, raw=raw, headers={"Content-Type": "application/json"}),
            400,
            "invalid_request",
        )


@pytest.mark.parametrize(("method", "path", "operation"), operations(lambda m, op: m != "HEAD"))
def test_body_size_and_encoding(
    server: CentralServer, device: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> None:
    """Bodies just over the limit (as sent, chunked, or once decompressed), unsupported
    Content-Encoding, invalid gzip; the same for every endpoint, with a body or not."""
    token = device["token"] if operation.get("security") else None
    target = url(server, path)
    media_type = body_media_type(operation) or "application/json"
    headers = {"Content-Type": media_type}
    limit = p.MAX_BODY_BYTES

    over = b" " * (limit + 1)
    refused(call(method, target, token=token, raw=over, headers=headers), 413, "payload_too_large")
    refused(call(method, target, token=token, raw=b"[" + b"0," * (limit // 2) + b"0]", headers=headers), 413)
    chunks = (b" " * 65536 for _ in range(limit // 65536 + 2))
    try:
        chunked = requests.request(
            method,
            target,
            data=chunks,
            headers={**headers, "Authorization": f"Bearer {token}"},
            timeout=TIMEOUT,
        )
    except requests.ConnectionError:
        pass  # the server may close before the client finished sending: refused either way
    else:
        refused(chunked, 413, "payload_too_large")

    gzipped = {**headers, "Content-Encoding": "gzip"}
    refused(
        call(method, target, token=token, raw=gzip_bomb(limit + 1), headers=gzipped), 413, "payload_too_large"
    )
    refused(
        call(method, target, token=token, raw=gzip_members_bomb(128 * limit), headers=gzipped),
        413,
        "payload_too_large",
    )
    for broken in (
        b"not gzip at all",
        gzip.compress(b'{"a": 1}')[:-6],
        gzip.compress(b"{}")[:10],
        b"\x1f\x8b",
        gzip.compress(b"{}") + b"trailing garbage",
    ):
        refused(call(method, target, token=token, raw=broken, headers=gzipped), 400, "invalid_request")
    for encoding in ("br", "deflate", "compress", "gzip, gzip", "zstd", "x" * 2000):
        refused(
            call(method, target, token=token, raw=b"{}", headers={**headers, "Content-Encoding": encoding}),
            415,
            "unsupported_media_type",
        )


@pytest.mark.parametrize("path", PATHS)
def test_wrong_methods(server: CentralServer, path: str) -> None:
    allowed = {method.upper() for method in DOCUMENT["paths"][path] if method in METHODS}
    for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - allowed:
        response = call(method, url(server, path), token=FORGED_TOKEN, raw=b"{}")
        refused(response, 405, "method_not_allowed")
        assert set(response.headers["allow"].replace(" ", "").split(",")) >= allowed - {"HEAD"}
    alive(server)


def test_unknown_paths(server: CentralServer) -> None:
    for path in (
        "/",
        "/v1",
        "/v2/hello",
        "/v1/hello/extra",
        "/%00",
        "/" + "x" * 5000,
        "/v1/sync/push/..",
        "/admin",
        "/openapi.json/x",
        "/docs",
        "/redoc",
    ):
        response = call("GET", server.url + path)
        refused(response, {400, 404, 405}, None)
    alive(server)


# --- particular endpoints ---------------------------------------------------------------------------
def test_gzip_push_works(server: CentralServer, device: dict[str, Any]) -> None:
    body = push_body(device, [applicant_op()])
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    reply = call(
        "POST",
        f"{server.url}/v1/sync/push",
        token=device["token"],
        raw=gzip.compress(json.dumps(body).encode()),
        headers=headers,
    )
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["applied"]
    # Two gzip members are one body; a retry of the same batch is a duplicate, not a second apply.
    raw = json.dumps(body).encode()
    members = gzip.compress(raw[:100]) + gzip.compress(raw[100:])
    again = call("POST", f"{server.url}/v1/sync/push", token=device["token"], raw=members, headers=headers)
    assert again.status_code == 200, again.text
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"]


def test_batch_over_the_limit(server: CentralServer, device: dict[str, Any]) -> None:
    ops = [applicant_op() for _ in range(p.MAX_BATCH_OPS + 1)]
    reply = call("POST", f"{server.url}/v1/sync/push", token=device["token"], body=push_body(device, ops))
    refused(reply, 413, "payload_too_large", "ops")
    exactly = call(
        "POST", f"{server.url}/v1/sync/push", token=device["token"], body=push_body(device, ops[:10])
    )
    assert exactly.status_code == 200, exactly.text


def test_push_ops_hostile(server: CentralServer, device: dict[str, Any]) -> None:
    """Inside ops: wrong types, non-UUID ids, huge and NUL strings, deep data, unknown entities."""
    target = f"{server.url}/v1/sync/push"
    token = device["token"]
    cases: list[tuple[dict[str, Any], int, str | None]] = [
        ({"op_id": "not-a-uuid"}, 422, "ops.0.op_id"),
        ({"entity_id": "1; DROP TABLE records"}, 422, "ops.0.entity_id"),
        ({"entity_id": str(uuid.uuid4()) + "x"}, 422, "ops.0.entity_id"),
        ({"seq": -1}, 422, "ops.0.seq"),
        ({"seq": 2**70}, 422, "ops.0.seq"),
        ({"base_version": "zero"}, 422, "ops.0.base_version"),
        ({"entity": "device"}, 422, "ops.0.entity"),
        ({"op": "delete"}, 422, "ops.0.op"),
        ({"data": []}, 422, "ops.0.data"),
        ({"data": {f"k{i}": 1 for i in range(p.MAX_OP_DATA_KEYS + 1)}}, 422, "ops.0.data"),
        ({"attachments": [{"sha256": "x", "size": 1}]}, 422, "ops.0.attachments.0.sha256"),
        ({"attachments": [{"sha256": "0" * 64, "size": -5}]}, 422, "ops.0.attachments.0.size"),
        ({"user_id": "u" * 1024 * 1024}, 422, "ops.0.user_id"),
        ({"client_ts": "\x00"}, 400, "ops.0.client_ts"),
        ({"data": {"name\x00": "x"}}, 400, "ops.0.data"),
        ({"data": {"name": "\udfff"}}, 400, "ops.0.data.name"),
        ({"data": {"form": json.loads(deep(70, '{"a":', "}", "1"))}}, 400, None),
        ({"extra": True}, 422, "ops.0.extra"),
    ]
    for change, status, field in cases:
        op = {**applicant_op(), **change}
        refused(call("POST", target, token=token, body=push_body(device, [op])), status, None, field)
    refused(
        call("POST", target, token=token, body=push_body(device, [applicant_op(), "op"])), 422, None, "ops.1"
    )
    refused(
        call("POST", target, token=token, body={**push_body(device, []), "device_id": "x"}),
        422,
        None,
        "device_id",
    )
    other = str(uuid.uuid4())
    refused(
        call("POST", target, token=token, body={**push_body(device, []), "device_id": other}),
        403,
        "forbidden",
        "device_id",
    )

    # Valid envelope, hostile data: each op is answered (rejected names the field), nothing crashes.
    hostile_data: list[dict[str, Any]] = [
        {"name": "x" * 1024 * 1024},
        {"kind": ["person"]},
        {"form": {"a": {"b": [1, 2, {"c": None}]}}, "name": 5},
        {"id_number": 10**400},
        {"x" * 10_000: 1},
        {"name": "\u202e\U0001f600" * 50},
    ]
    ops = [{**applicant_op(), "data": data} for data in hostile_data]
    reply = call("POST", target, token=token, body=push_body(device, ops))
    assert reply.status_code == 200, reply.text
    for result in reply.json()["results"]:
        assert result["status"] == "rejected" and result["code"] and result["field"], result


def test_unicode_round_trip(server: CentralServer, device: dict[str, Any]) -> None:
    name = "张三 \u202e\U0001f600 é \u0627\u0644 \ufeff ẞ"
    reply = call(
        "POST",
        f"{server.url}/v1/sync/push",
        token=device["token"],
        body=push_body(device, [applicant_op(name)]),
    )
    assert reply.status_code == 200 and reply.json()["results"][0]["status"] == "applied", reply.text
    pulled = call("GET", f"{server.url}/v1/sync/pull", token=device["token"])
    assert pulled.status_code == 200, pulled.text
    assert [c["data"]["name"] for c in pulled.json()["changes"]] == [name]


def test_pull_parameters(server: CentralServer, device: dict[str, Any]) -> None:
    target = f"{server.url}/v1/sync/pull"
    token = device["token"]
    for query, field in [
        ("cursor=-1", "cursor"),
        (f"cursor={2**70}", "cursor"),
        (f"cursor=-{2**70}", "cursor"),
        ("cursor=abc", "cursor"),
        ("cursor=1.5", "cursor"),
        ("cursor=", "cursor"),
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        (f"limit={10**9}", "limit"),
        (f"limit={p.MAX_PULL_LIMIT + 1}", "limit"),
        ("limit=" + "9" * 5000, "limit"),
        ("cursor=0&limit=NaN", "limit"),
    ]:
        refused(call("GET", f"{target}?{query}", token=token), 422, "invalid_request", field)
    refused(call("GET", f"{target}?cursor=%00", token=token), 400, "invalid_request", "cursor")
    for query in (
        "cursor=0&limit=1",
        f"cursor={2**62}",
        f"limit={p.MAX_PULL_LIMIT}",
        "cursor=1&cursor=2",
        "unknown=1",
    ):
        reply = call("GET", f"{target}?{query}", token=token)
        assert reply.status_code == 200, (query, reply.text)


def test_other_office_cannot_be_reached(server: CentralServer, device: dict[str, Any]) -> None:
    """A device's token never reaches another office's data: pull and verify see its own office."""
    reply = call(
        "POST", f"{server.url}/v1/sync/push", token=device["token"], body=push_body(device, [applicant_op()])
    )
    assert reply.status_code == 200, reply.text
    other = server.enroll(new_office(server))
    pulled = call("GET", f"{server.url}/v1/sync/pull", token=other["token"])
    assert pulled.status_code == 200 and pulled.json()["changes"] == []
    verified = call("GET", f"{server.url}/v1/sync/verify", token=other["token"])
    assert verified.status_code == 200 and verified.json()["count"] == 0
    # Pushing as the other device id with this token: refused.
    refused(call("POST", f"{server.url}/v1/sync/push", token=other["token"], body=push_body(device, [])), 403)


def test_enroll_hostile(server: CentralServer) -> None:
    target = f"{server.url}/v1/devices/enroll"
    refused(call("POST", target, body={"code": "AAAA-BBBB-CCCC"}), 400, "enroll_code_invalid", "code")
    refused(call("POST", target, body={"code": "x" * 1024 * 1024}), 422, "invalid_request", "code")
    refused(
        call("POST", target, body={"code": "AAAA-BBBB-CCCC", "device_name": "n\x00"}),
        400,
        None,
        "device_name",
    )
    code = admin.new_enroll_code(server.engine, new_office(server))
    refused(call("POST", target, body={"code": code, "device_name": "\ud83d"}), 400, None, "device_name")
    refused(call("POST", target, body={"code": code, "device_name": "n" * 101}), 422, None, "device_name")
    ok = call("POST", target, body={"code": code, "device_name": "柜台 \U0001f600"})
    assert ok.status_code == 200, ok.text
    refused(call("POST", target, body={"code": code}), 400, "enroll_code_used", "code")
    alive(server)


def send_like_a_proxy(
    server: CentralServer, path: str, headers: dict[str, str], size: int, draining: threading.Event
) -> bytes:
    """Headers first, then the body in pieces once the server has decided (it answered, or it is
    reading the body it refused: ``draining``), over a connection the client closes (as nginx
    talks to its upstream); returns the raw reply."""
    host, port = server.url.removeprefix("http://").split(":")
    lines = [f"POST {path} HTTP/1.1", "Host: central", f"Content-Length: {size}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection((host, int(port)), timeout=TIMEOUT) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        # Wait for the server's decision: answering at once (the sends below then fail) or reading
        # the rest of the body first. TIMEOUT only bounds a server that does neither.
        deadline = time.monotonic() + TIMEOUT
        while not draining.wait(0.01) and not select.select([sock], [], [], 0)[0]:
            assert time.monotonic() < deadline, "the server neither answered nor read the body"
        piece = b" " * 65536
        for start in range(0, size, len(piece)):
            sock.sendall(piece[: min(len(piece), size - start)])
        reply = b""
        while data := sock.recv(65536):
            reply += data
    return reply


def test_a_refused_body_is_read_before_the_reply(
    server: CentralServer, device: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused before its body is read (too large, unsupported encoding), a request still gets its
    reply: the server reads the rest first, or a client still sending (a reverse proxy) has the
    connection reset under it and answers 502 instead."""
    draining = threading.Event()
    drain = central.middleware._drain

    async def signalling_drain(*args: Any) -> bool | None:
        draining.set()
        return await drain(*args)

    monkeypatch.setattr(central.middleware, "_drain", signalling_drain)
    auth = {"Authorization": f"Bearer {device['token']}", "Content-Type": "application/json"}
    for headers, size, status in (
        (auth, p.MAX_BODY_BYTES + 1, b"413"),
        ({**auth, "Content-Encoding": "br"}, 2 * 1024 * 1024, b"415"),
    ):
        draining.clear()
        reply = send_like_a_proxy(server, "/v1/sync/push", headers, size, draining)
        assert reply.startswith(b"HTTP/1.1 " + status) and b'"error"' in reply, reply[:300]
        assert draining.is_set()


def test_unexpected_errors_keep_the_format(
    server: CentralServer, device: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug is a 500 (retry later) in the error format; a value the database refuses is the
    client's 400; an unreachable database is 503 with Retry-After."""
    target = f"{server.url}/v1/sync/push"
    body = push_body(device, [applicant_op()])
    for raised, status, code in (
        (RuntimeError("bug"), 500, "internal_error"),
        (DataError("INSERT", {}, Exception("value too long")), 400, "invalid_request"),
        (OperationalError("SELECT", {}, Exception("connection refused")), 503, "unavailable"),
    ):

        def fail(*_args: Any, error: Exception = raised) -> Any:
            raise error

        monkeypatch.setattr(central.push, "push", fail)
        reply = call("POST", target, token=device["token"], body=body)
        assert reply.status_code == status, reply.text
        assert reply.json()["error"]["code"] == code
        if status == 503:
            assert int(reply.headers["Retry-After"]) > 0
    monkeypatch.undo()
    assert call("POST", target, token=device["token"], body=body).status_code == 200
