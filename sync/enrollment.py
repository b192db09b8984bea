"""Enrolling a profile with an office of the central platform: the HTTP half (any thread) and the
local half (the profile's own thread). ``sync.engine`` re-exports these names."""

from __future__ import annotations

from counter_app.accounts import Actor
from counter_app.core import Counter
from sync import protocol as p
from sync.transport import Transport

__all__ = ["enroll", "request_enrollment", "save_enrollment"]


def request_enrollment(
    server_url: str, code: str, device_name: str | None = None, *, verify_tls: bool | str = True
) -> p.EnrollResponse:
    """Ask the platform to enroll a device with a one-time code: the HTTP half of :func:`enroll`.

    Uses no ``Counter``, so any thread may call it (the desktop app runs it off the database thread
    and saves the reply with :func:`save_enrollment` there). Raises ``Refused`` (a wrong, used or
    expired code) or ``TransportError`` (the platform cannot be reached)."""
    transport = Transport(server_url, verify_tls=verify_tls, retries=2)
    try:
        return transport.post(
            "/v1/devices/enroll", p.EnrollRequest(code=code, device_name=device_name), p.EnrollResponse
        )
    finally:
        transport.close()


def save_enrollment(
    counter: Counter,
    actor: Actor,
    server_url: str,
    reply: p.EnrollResponse,
    device_name: str | None = None,
) -> None:
    """Keep the platform's enroll reply in the profile (token into the keyring): the local half."""
    counter.enrollment.save(
        actor,
        server_url,
        reply.device_id,
        reply.token,
        reply.office_code,
        reply.office_name,
        reply.receipt_prefix,
        reply.server_epoch,
        device_name,
    )


def enroll(
    counter: Counter,
    server_url: str,
    code: str,
    device_name: str | None = None,
    *,
    verify_tls: bool | str = True,
    actor: Actor | None = None,
) -> p.EnrollResponse:
    """Enroll this profile with an office of the central platform (token into the keyring); the
    command line's authority unless ``actor`` is given."""
    reply = request_enrollment(server_url, code, device_name, verify_tls=verify_tls)
    save_enrollment(counter, actor or Actor.command_line(), server_url, reply, device_name)
    return reply
