"""The OpenAPI document, independent of any database (kept in the repo as ``central/openapi.json``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine


def openapi_document() -> dict[str, Any]:
    from central.app import create_app

    return create_app(create_engine("sqlite://")).openapi()
