"""Enrolling this counter with an office of the platform, for the windows that do it (the first
start's last step, the Admin page's Platform tab): its two halves, and words for what can go wrong.

Two halves on two threads, so neither the window nor the database waits on the network: the HTTP
request (:func:`request`) runs on a pool thread (``ui.workers.run_in_background``), and only the
short save of the reply (:func:`save`) on the database thread (``db.submit``). Refusals of the
platform (a wrong, used or expired code) and an unreachable server come back as a
:class:`ValidationError` naming the field to correct, as the command line reports them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.services.enrollment import Enrollment
from sync import protocol as p
from ui.i18n import error_text

translate = QCoreApplication.translate


def request(server: str, code: str, device_name: str | None) -> p.EnrollResponse:
    """The HTTP half (any thread but the UI's; it touches no Counter): the platform's refusals as
    field errors."""
    from sync.engine import request_enrollment
    from sync.transport import Refused, TransportError

    try:
        return request_enrollment(server, code, device_name)
    except Refused as exc:
        raise ValidationError(exc.field or "code", exc.message, code=exc.code) from exc
    except TransportError as exc:
        raise ValidationError("server", f"cannot reach {server}: {exc}", code="unreachable") from exc


def save(
    counter: Counter, actor: Actor, server: str, reply: p.EnrollResponse, device_name: str | None
) -> Enrollment:
    """The local half (the database thread): the enrollment kept, the token in the keyring, audited.
    The core checks that ``actor`` may enroll (the administrator)."""
    from sync.engine import save_enrollment

    save_enrollment(counter, actor, server, reply, device_name)
    enrollment = counter.enrollment.current()
    assert enrollment is not None
    return enrollment


def enrollment_error_text(error: BaseException) -> str:
    """A sentence about a failed enrollment, for the field it names."""
    code = getattr(error, "code", "")
    texts = {
        "enroll_code_invalid": translate(
            "Enrollment", "This enrollment code is not known to the platform: check it for typos."
        ),
        "enroll_code_used": translate(
            "Enrollment", "This enrollment code was used already: ask the platform for a new one."
        ),
        "enroll_code_expired": translate(
            "Enrollment", "This enrollment code has expired: ask the platform for a new one."
        ),
        "unreachable": translate(
            "Enrollment", "The platform cannot be reached at this address: check it and the network."
        ),
        "other_office": translate(
            "Enrollment",
            "This computer holds the records of another office: it cannot be enrolled with this one.",
        ),
    }
    return texts.get(code) or error_text(error)
