"""Is the central platform reachable? A cheap ``GET /v1/hello`` with short timeouts, no retries."""

from __future__ import annotations

import requests

from sync import protocol as p


def probe(server_url: str, *, timeout_s: float = 3.0, verify_tls: bool | str = True) -> bool:
    try:
        response = requests.get(
            server_url.rstrip("/") + "/v1/hello", timeout=(timeout_s, timeout_s), verify=verify_tls
        )
        if response.status_code != 200:
            return False
        p.Hello.model_validate_json(response.content)
        return True
    except (requests.RequestException, ValueError):
        return False
