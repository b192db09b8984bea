"""The OpenAPI document: the one served at /openapi.json, the one ``counter-central openapi`` prints
and ``central/openapi.json`` in the repository are the same, and every documented refusal has the
ErrorResponse body the server actually sends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

import central
from central.cli import main
from central.openapi import openapi_document
from tests.central_server import CentralServer

REPO_DOCUMENT = Path(central.__file__).parent / "openapi.json"
STALE = (
    "central/openapi.json is not the server's OpenAPI document; regenerate it with\n"
    "    .venv/bin/counter-central openapi > central/openapi.json\n"
    "and commit it with the change to the API."
)
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
ERROR_REF = "#/components/schemas/ErrorResponse"


def stored() -> dict[str, Any]:
    return json.loads(REPO_DOCUMENT.read_text("utf-8"))


def as_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_the_repository_document_is_current() -> None:
    assert as_json(openapi_document()) == stored(), STALE


def test_the_served_document_is_the_repository_document(server: CentralServer) -> None:
    reply = requests.get(f"{server.url}/openapi.json", timeout=10)
    assert reply.status_code == 200
    assert reply.json() == stored(), STALE


def test_the_cli_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["openapi"]) == 0
    assert json.loads(capsys.readouterr().out) == stored(), STALE


def test_every_refusal_is_documented_with_the_error_body() -> None:
    document = as_json(openapi_document())
    schemas = document["components"]["schemas"]
    error = schemas["ErrorResponse"]
    assert error["required"] == ["error"]
    body = schemas[error["properties"]["error"]["$ref"].rsplit("/", 1)[-1]]
    assert set(body["properties"]) == {"code", "field", "message"}
    # FastAPI's own validation-error body is never sent, so it is not documented either.
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas

    for method, path, operation in operations(document):
        responses = operation["responses"]
        where = f"{method.upper()} {path}"
        errors = {status: response for status, response in responses.items() if status[0] in "45"}
        assert "400" in errors, where
        if "requestBody" in operation:
            assert {"413", "415", "422"} <= set(errors), where
        if operation.get("parameters"):
            assert "422" in errors, where
        if operation.get("security"):
            assert {"401", "429"} <= set(errors), where
        for status, response in errors.items():
            assert response.get("description"), (where, status)
            if method == "head":
                assert "content" not in response, (where, status)  # a reply to HEAD has no body
                continue
            assert response["content"] == {"application/json": {"schema": {"$ref": ERROR_REF}}}, (
                where,
                status,
            )


def test_secured_operations_name_the_device_token() -> None:
    document = as_json(openapi_document())
    scheme = document["components"]["securitySchemes"]["DeviceToken"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    public = {
        f"{method.upper()} {path}"
        for method, path, operation in operations(document)
        if not operation.get("security")
    }
    assert public == {"GET /v1/hello", "POST /v1/devices/enroll"}
    for _method, _path, operation in operations(document):
        if operation.get("security"):
            assert operation["security"] == [{"DeviceToken": []}]
