"""The service catalogue: ETag and 304, new versions, and items in use may be retired, never dropped."""

from __future__ import annotations

import pytest
import requests

from central import admin
from tests.central.syncops import ITEM, Client, demo_catalogue, error_of, publish_demo
from tests.central_server import CentralServer


def _hello_etag(server: CentralServer) -> str | None:
    return requests.get(f"{server.url}/v1/hello", timeout=10).json()["catalogue_etag"]


def _successor(version: str, *, retire: str | None = None, drop: str | None = None) -> dict:
    document = demo_catalogue()
    document["version"] = version
    document["items"] = [item for item in document["items"] if item["code"] != drop]
    for item in document["items"]:
        if item["code"] == retire:
            item["status"] = "retired"
    return document


def test_etag_304_and_new_versions(server: CentralServer) -> None:
    device = Client.enroll(server)
    missing = device.get("/v1/catalogue")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"
    assert _hello_etag(server) is None

    assert publish_demo(server) == "2026.1"
    reply = device.get("/v1/catalogue")
    assert reply.status_code == 200
    etag = reply.headers["ETag"]
    document = reply.json()
    assert document["version"] == "2026.1"
    assert [item["code"] for item in document["items"]] == [
        item["code"] for item in demo_catalogue()["items"]
    ]
    assert "calendar_overrides" in document
    assert etag.strip('"') == _hello_etag(server)

    unchanged = device.get("/v1/catalogue", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["ETag"] == etag
    assert device.get("/v1/catalogue", headers={"If-None-Match": '"0000", ' + etag}).status_code == 304
    assert device.get("/v1/catalogue", headers={"If-None-Match": '"0000"'}).status_code == 200

    retired = demo_catalogue()["items"][3]["code"]
    assert admin.publish_catalogue(server.engine, _successor("2026.2", retire=retired)) == "2026.2"
    newer = device.get("/v1/catalogue", headers={"If-None-Match": etag})
    assert newer.status_code == 200 and newer.headers["ETag"] != etag
    assert newer.json()["version"] == "2026.2"
    assert {item["code"]: item["status"] for item in newer.json()["items"]}[retired] == "retired"
    assert newer.headers["ETag"].strip('"') == _hello_etag(server)
    assert device.get("/v1/catalogue", headers={"If-None-Match": newer.headers["ETag"]}).status_code == 304

    with pytest.raises(admin.OperatorError, match="version"):
        admin.publish_catalogue(server.engine, _successor("2026.2"))  # a version is never reused


def test_an_item_in_use_cannot_be_dropped(server: CentralServer) -> None:
    publish_demo(server)
    device = Client.enroll(server)
    unused = demo_catalogue()["items"][-1]["code"]
    assert unused != ITEM
    device.seed_application(status="draft", item_code=ITEM)
    etag = device.get("/v1/catalogue").headers["ETag"]

    with pytest.raises(admin.OperatorError, match=ITEM):
        admin.publish_catalogue(server.engine, _successor("2026.2", drop=ITEM))
    assert device.get("/v1/catalogue", headers={"If-None-Match": etag}).status_code == 304  # still active

    # an unused item may go; the one in use may be retired
    assert admin.publish_catalogue(server.engine, _successor("2026.3", drop=unused, retire=ITEM)) == "2026.3"
    items = {item["code"]: item["status"] for item in device.get("/v1/catalogue").json()["items"]}
    assert unused not in items and items[ITEM] == "retired"
