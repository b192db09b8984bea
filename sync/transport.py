"""HTTP to the central platform: timeouts, gzip, TLS verification, the device token, retries.

Network errors, 5xx and 429 are retried with exponential backoff and full jitter; a 4xx is final
and raised as :class:`Refused` with the server's machine-readable code and field. Every reply is
validated against ``sync.protocol`` before anyone uses it (:class:`MalformedReply` otherwise).
Any thread may use a Transport, one at a time.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from pydantic import BaseModel
from pydantic import ValidationError as ModelError

from sync import protocol as p

log = logging.getLogger(__name__)
Model = TypeVar("Model", bound=BaseModel)
GZIP_FROM_BYTES = 1024


class TransportError(Exception):
    """The server could not be reached or kept failing; try again later (the outbox is kept)."""


class Cancelled(Exception):
    pass


class MalformedReply(TransportError):
    """The server answered something that is not protocol v1."""


class Refused(Exception):
    """A 4xx answer: final for this request."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(f"{status} {code}: {message}" + (f" ({field})" if field else ""))
        self.status = status
        self.code = code
        self.message = message
        self.field = field


class DeviceRevoked(Refused):
    """The device token is unknown or revoked: the device must be enrolled again."""


class PayloadTooLarge(Refused):
    pass


@dataclass(frozen=True)
class Encoded:
    """A JSON request body as it goes on the wire (gzipped when large) and its content headers:
    made ahead (``Transport.encode``) so that sending it is only writing bytes."""

    data: bytes
    headers: dict[str, str]
    json_body: bytes  # the JSON before compression


def encode_json(json_body: bytes) -> Encoded:
    """UTF-8 JSON for the wire: gzipped from ``GZIP_FROM_BYTES`` on."""
    headers = {"Content-Type": "application/json"}
    if len(json_body) < GZIP_FROM_BYTES:
        return Encoded(json_body, headers, json_body)
    # Level 9: a few ms more per batch, ~5% fewer bytes on a slow rural link.
    compressed = gzip.compress(json_body, compresslevel=9)
    return Encoded(compressed, headers | {"Content-Encoding": "gzip"}, json_body)


class Transport:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
        retries: int = 4,
        backoff_s: float = 0.5,
        max_backoff_s: float = 30.0,
        verify_tls: bool | str = True,
        cancel: threading.Event | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.cancel = cancel or threading.Event()
        self.rng = rng
        self.session = requests.Session()
        self.session.verify = verify_tls
        self.session.headers["User-Agent"] = f"counter-app/{p.PROTOCOL_VERSION}"
        self.session.headers["Accept-Encoding"] = "gzip"
        self.bytes_sent = 0

    def close(self) -> None:
        self.session.close()

    # --- raw requests ---------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        json_body: bytes | None = None,
        encoded: Encoded | None = None,
        ok: tuple[int, ...] = (200,),
        retries: int | None = None,
    ) -> requests.Response:
        """``body`` is serialised to JSON here; ``json_body`` is JSON already (UTF-8); ``encoded`` is
        ready for the wire (:meth:`encode`). ``retries`` overrides the transport's for this request
        (0: the caller recovers, as an upload's chunk does: after a cut it asks the server how much
        arrived rather than send it all again)."""
        retries = self.retries if retries is None else retries
        send_headers = dict(headers or {})
        data = raw
        if body is not None:
            json_body = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if json_body is not None:
            encoded = encode_json(json_body)
        if encoded is not None:
            data = encoded.data
            send_headers.update(encoded.headers)
        if self.token:
            send_headers["Authorization"] = f"Bearer {self.token}"
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled()
            try:
                response = self.session.request(
                    method,
                    self.base_url + path,
                    data=data,
                    params=params,
                    headers=send_headers,
                    timeout=self.timeout,
                )
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                problem: str = f"{type(exc).__name__}: {exc}"
                retry_after = None
            else:
                self.bytes_sent += len(data or b"")
                if response.status_code == 200 and method != "HEAD" and not response.content:
                    # Every 200 of the protocol has a body. An empty one is a reply cut inside its
                    # headers (urllib3 warns and hands back what it parsed): the network, not the
                    # server, so it is retried like any other cut.
                    problem, retry_after = "reply cut before its body", None
                elif response.status_code in ok:
                    return response
                elif response.status_code < 500 and response.status_code != 429:
                    raise self._refusal(response)
                else:
                    problem = f"HTTP {response.status_code}"
                retry_after = response.headers.get("Retry-After")
            attempt += 1
            if attempt > retries:
                raise TransportError(f"{method} {path}: {problem}")
            delay = self._backoff(attempt, retry_after)
            log.info("%s %s failed (%s); retry %d in %.2f s", method, path, problem, attempt, delay)
            if self.cancel.wait(delay):
                raise Cancelled()

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), self.max_backoff_s)
        ceiling = min(self.max_backoff_s, self.backoff_s * 2 ** (attempt - 1))
        return (
            self.rng() * ceiling
        )  # full jitter: counters that lost the link together do not return together

    @staticmethod
    def _refusal(response: requests.Response) -> Refused:
        try:
            error = p.ErrorResponse.model_validate_json(response.content).error
            code, message, field = error.code, error.message, error.field
        except (ModelError, ValueError):
            code, message, field = "http_error", response.text[:200], None
        kind: type[Refused] = Refused
        if response.status_code == 401 and code == p.ErrorCode.DEVICE_REVOKED.value:
            kind = DeviceRevoked  # only then is the token forgotten; any other 401 keeps it
        elif response.status_code == 413:
            kind = PayloadTooLarge
        return kind(response.status_code, code, message, field)

    # --- typed requests ------------------------------------------------------------------------
    def get(self, path: str, model: type[Model], params: dict[str, Any] | None = None) -> Model:
        return self._parse(self.request("GET", path, params=params), model)

    @staticmethod
    def encode(body: BaseModel) -> Encoded:
        """A request model as :meth:`post` sends it. Defaults (an op's empty attachment list…) are
        left off the wire: the server fills them in. pydantic writes compact UTF-8 JSON (as
        json.dumps with ensure_ascii=False would), without building the Python dicts first."""
        return encode_json(body.model_dump_json(exclude_defaults=True).encode("utf-8"))

    def post(
        self,
        path: str,
        body: BaseModel | Encoded | dict[str, Any],
        model: type[Model],
        ok: tuple[int, ...] = (200,),
    ) -> Model:
        if isinstance(body, BaseModel):
            response = self.request("POST", path, encoded=self.encode(body), ok=ok)
        elif isinstance(body, Encoded):
            response = self.request("POST", path, encoded=body, ok=ok)
        else:
            response = self.request("POST", path, body=body, ok=ok)
        return self._parse(response, model)

    @staticmethod
    def _parse(response: requests.Response, model: type[Model]) -> Model:
        try:
            return model.model_validate_json(response.content)
        except (ModelError, ValueError) as exc:
            log.warning("malformed reply to %s: %s", response.request.url, str(exc)[:500])
            raise MalformedReply(f"malformed reply from {response.request.url}") from exc
