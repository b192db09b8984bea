from __future__ import annotations

import requests

from tests.central_server import CentralServer


def test_hello_and_enroll(server: CentralServer) -> None:
    hello = requests.get(f"{server.url}/v1/hello", timeout=5).json()
    assert hello["protocol_versions"] == [1] and hello["server_epoch"]
    device = server.enroll("OFFICE-A")
    assert len(device["receipt_prefix"]) == 6 and not device["receipt_prefix"].startswith("L")
    assert len(device["token"]) >= 40 and device["office_code"] == "OFFICE-A"
