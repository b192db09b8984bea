"""Enrolling this counter with an office of the platform, for the windows that do it (the first
start's last step): the job for the database thread, and words for what can go wrong.

The job runs on the database thread (``db.submit``): one short HTTP request, then the enrollment
saved in the profile and the device token in the keyring. Refusals of the platform (a wrong, used
or expired code) and an unreachable server come back as a :class:`ValidationError` naming the field
to correct, as the command line reports them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import ValidationError
from counter_app.services.enrollment import Enrollment
from ui.i18n import error_text


def enroll_job(
    actor: Actor, server: str, code: str, device_name: str | None
) -> Callable[[Counter], Enrollment]:
    def job(counter: Counter) -> Enrollment:
        from sync.engine import enroll
        from sync.transport import Refused, TransportError

        try:
            enroll(counter, server, code, device_name)
        except Refused as exc:
            raise ValidationError(exc.field or "code", exc.message, code=exc.code) from exc
        except TransportError as exc:
            raise ValidationError("server", f"cannot reach {server}: {exc}", code="unreachable") from exc
        enrollment = counter.enrollment.current()
        assert enrollment is not None
        return enrollment

    del actor  # the core's enrollment records the command line today (sync.engine.enroll)
    return job


def _tr(text: str) -> str:
    return QCoreApplication.translate("Enrollment", text)


def enrollment_error_text(error: BaseException) -> str:
    """A sentence about a failed enrollment, for the field it names."""
    code = getattr(error, "code", "")
    texts = {
        "enroll_code_invalid": _tr("This enrollment code is not known to the platform: check it for typos."),
        "enroll_code_used": _tr("This enrollment code was used already: ask the platform for a new one."),
        "enroll_code_expired": _tr("This enrollment code has expired: ask the platform for a new one."),
        "unreachable": _tr("The platform cannot be reached at this address: check it and the network."),
        "other_office": _tr(
            "This computer holds the records of another office: it cannot be enrolled with this one."
        ),
    }
    return texts.get(code) or error_text(error)
