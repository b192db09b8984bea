"""Words for the audit trail: who (an audit name), what (an action), which record, the outcome, and
what the chain check found. A code the words do not know is shown as it is stored."""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ui.i18n import fill
from ui.models.case_labels import action_name as step_name

translate = QCoreApplication.translate
USER_PREFIX = "user:"


def person_name(audit_name: str | None, names: Mapping[str, str] | None = None) -> str:
    """``user:clerk1`` → the display name ``names`` (by audit name) gives, else ``clerk1``;
    ``cli:root`` → ``root (command line)``; ``sync``, ``system``."""
    name = audit_name or ""
    if names and name.startswith(USER_PREFIX) and names.get(name):
        return names[name]
    return account_name(name)


def account_name(audit_name: str | None) -> str:
    """The account behind an audit name: ``user:clerk1`` → ``clerk1``; ``cli:root`` → ``root (command
    line)``; ``sync``, ``system`` in words."""
    name = audit_name or ""
    if name.startswith(USER_PREFIX):
        return name.removeprefix(USER_PREFIX)
    if name.startswith("cli:"):
        return fill(translate("AuditLabels", "%1 (command line)"), name.removeprefix("cli:"))
    if name == "sync":
        return translate("AuditLabels", "Sync")
    if name == "system":
        return translate("AuditLabels", "System")
    return name


def person_and_account(audit_name: str | None, names: Mapping[str, str] | None = None) -> str:
    """``张晓燕 (clerk1)``: the display name with the account, as the audit trail (evidence) names a
    staff member; the account alone where no display name is known."""
    shown, account = person_name(audit_name, names), account_name(audit_name)
    return shown if shown == account else fill(translate("AuditLabels", "%1 (%2)"), shown, account)


def _actions() -> dict[str, str]:
    return {
        "login": translate("AuditLabels", "Log in"),
        "permission.denied": translate("AuditLabels", "Refused: not allowed for the role"),
        "profile.create": translate("AuditLabels", "Office profile created"),
        "user.create_first_admin": translate("AuditLabels", "First administrator created"),
        "user.add": translate("AuditLabels", "Staff account added"),
        "user.lock": translate("AuditLabels", "Staff account locked"),
        "user.unlock": translate("AuditLabels", "Staff account unlocked"),
        "user.passwd": translate("AuditLabels", "Password changed"),
        "user.edit": translate("AuditLabels", "Staff account's name or role changed"),
        "user.reset_password": translate("AuditLabels", "Password reset to a temporary one"),
        "applicant.register": translate("AuditLabels", "Applicant registered"),
        "applicant.update": translate("AuditLabels", "Applicant's details changed"),
        "applicant.lookup": translate("AuditLabels", "Applicant looked up (masked data)"),
        "applicant.view": translate("AuditLabels", "Applicant's personal data shown"),
        "application.draft": translate("AuditLabels", "Application drafted"),
        "application.update_form": translate("AuditLabels", "Application form changed"),
        "application.materials": translate("AuditLabels", "Materials recorded"),
        "attachment.add": translate("AuditLabels", "Scan added"),
        "attachment.remove": translate("AuditLabels", "Scan removed"),
        "attachment.view": translate("AuditLabels", "Scan opened"),
        "attachment.sweep": translate("AuditLabels", "Unused scan files removed"),
        "notice.view": translate("AuditLabels", "Notice prepared (names the applicant)"),
        "rating.session_open": translate("AuditLabels", "Rating screen opened for the citizen"),
        "rating.session_cancel": translate("AuditLabels", "Rating screen closed without a rating"),
        "rating.record": translate("AuditLabels", "Rating recorded"),
        "rectification.open": translate("AuditLabels", "Rectification task opened"),
        "rectification.close": translate("AuditLabels", "Rectification task closed"),
        "audit.verify": translate("AuditLabels", "Audit chain checked"),
        "audit.export": translate("AuditLabels", "Audit trail exported"),
        "backup.create": translate("AuditLabels", "Backup made"),
        "backup.restore": translate("AuditLabels", "Backup restored"),
        "backup.prune": translate("AuditLabels", "Old automatic backups removed"),
        "backup.restore_request": translate("AuditLabels", "Restore of a backup asked for"),
        "settings.change": translate("AuditLabels", "Office settings changed"),
        "export.applications": translate("AuditLabels", "Applications exported to a file"),
        "export.full_ids": translate("AuditLabels", "Full ID numbers exported"),
        "keys.move": translate("AuditLabels", "Data key moved to the OS keyring"),
        "retention.purge": translate("AuditLabels", "Personal data of closed cases removed"),
        "catalogue.install": translate("AuditLabels", "Service catalogue installed"),
        "device.enroll": translate("AuditLabels", "Counter enrolled with the platform"),
        "device.revoked": translate("AuditLabels", "Counter's platform access revoked"),
        "sync.run": translate("AuditLabels", "Sync run"),
        "sync.pull": translate("AuditLabels", "Changes received from the platform"),
        "sync.push_problems": translate("AuditLabels", "Operations refused or in conflict at the platform"),
        "sync.reset": translate("AuditLabels", "Office data downloaded again"),
        "sync.resolve_conflict": translate("AuditLabels", "Sync conflict resolved"),
        "sync.acknowledge_rejected": translate("AuditLabels", "Rejected operation acknowledged"),
        "conflict.view": translate("AuditLabels", "Sync conflict viewed"),
    }


def action_name(action: str) -> str:
    """The words for an audited action; a lifecycle step (``application.accept``) by the step's
    name; an unknown action as its code."""
    known = _actions().get(action)
    if known is not None:
        return known
    if action.startswith("application."):
        step = action.removeprefix("application.")
        words = step_name(step)
        if words != step:
            return fill(translate("AuditLabels", "Application: %1"), words)
    return action


def entity_name(entity: str | None) -> str:
    names = {
        "applicant": translate("AuditLabels", "Applicant"),
        "application": translate("AuditLabels", "Application"),
        "attachment": translate("AuditLabels", "Scan"),
        "rating": translate("AuditLabels", "Rating"),
        "rectification": translate("AuditLabels", "Rectification task"),
        "user": translate("AuditLabels", "Staff account"),
        "device": translate("AuditLabels", "Counter"),
    }
    return names.get(entity or "", entity or "")


def record_text(entity: str | None, entity_id: str | None) -> str:
    """``Application 3f2a9c1e``: the kind of record and the start of its id (the whole id is in the
    row's tooltip and in the CSV export)."""
    if not entity and not entity_id:
        return ""
    short = (entity_id or "")[:8]
    return f"{entity_name(entity)} {short}".strip()


def outcome_name(outcome: str) -> str:
    names = {
        "success": translate("AuditLabels", "Succeeded"),
        "failure": translate("AuditLabels", "Failed"),
        "denied": translate("AuditLabels", "Refused"),
    }
    return names.get(outcome, outcome)


# The chain check's findings (``counter_app.audit.verify_chain``) are English sentences for the log
# and the command line; the page says them in the user's language. Keep in step with that function.
_MISSING = re.compile(r"^event (\d+): missing \(next present is (\d+)\)$")
_UNLINKED = re.compile(r"^event (\d+): previous hash does not match event (\d+)$")
_EDITED = re.compile(r"^event (\d+): content does not match its hash \(edited\)$")
_TAIL = re.compile(r"^the chain ends at event (\d+), but event (\d+) was recorded as its head")


def chain_problem_text(problem: str) -> str:
    if match := _MISSING.match(problem):
        return fill(
            translate("AuditLabels", "Event no. %1 is missing (the next one present is no. %2)."),
            *match.groups(),
        )
    if match := _UNLINKED.match(problem):
        return fill(
            translate("AuditLabels", "Event no. %1 does not follow on from event no. %2."),
            *match.groups(),
        )
    if match := _EDITED.match(problem):
        return fill(
            translate("AuditLabels", "Event no. %1 was changed after it was written."), match.group(1)
        )
    if match := _TAIL.match(problem):
        return fill(
            translate(
                "AuditLabels",
                "The trail ends at event no. %1, but no. %2 was recorded as its last event: "
                "events were removed from the end.",
            ),
            *match.groups(),
        )
    return fill(translate("AuditLabels", "Another problem: %1"), problem)
