"""Words for an application's life after the desk: every status, every step, the sync state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def status_name(status: str) -> str:
    """The one set of words for every status of the lifecycle (lists, the intake, history)."""
    names = {
        "draft": translate("CaseLabels", "Draft"),
        "awaiting_materials": translate("CaseLabels", "Awaiting materials"),
        "accepted": translate("CaseLabels", "Accepted"),
        "accepted_pending": translate("CaseLabels", "Accepted, minor materials pending"),
        "refused": translate("CaseLabels", "Refused"),
        "in_progress": translate("CaseLabels", "In progress"),
        "suspended": translate("CaseLabels", "Suspended"),
        "completed": translate("CaseLabels", "Completed"),
        "delivered": translate("CaseLabels", "Delivered"),
        "rated": translate("CaseLabels", "Rated"),
        "withdrawn": translate("CaseLabels", "Withdrawn"),
    }
    return names.get(status, status)


def action_name(action: str) -> str:
    names = {
        "draft": translate("CaseLabels", "Drafted"),
        "notify_missing": translate("CaseLabels", "One-time notice"),
        "accept": translate("CaseLabels", "Accept"),
        "accept_pending": translate("CaseLabels", "Accept, materials pending"),
        "refuse": translate("CaseLabels", "Refuse"),
        "supplement": translate("CaseLabels", "Supplement materials"),
        "start": translate("CaseLabels", "Start processing"),
        "suspend": translate("CaseLabels", "Suspend"),
        "resume": translate("CaseLabels", "Resume"),
        "complete": translate("CaseLabels", "Complete"),
        "deliver": translate("CaseLabels", "Deliver the result"),
        "rate": translate("CaseLabels", "Record the rating"),
        "withdraw": translate("CaseLabels", "Withdraw"),
    }
    return names.get(action, action)


def sync_state_name(state: str) -> str:
    names = {
        "pending": translate("CaseLabels", "Waiting to sync"),
        "synced": translate("CaseLabels", "Synced"),
        "conflict": translate("CaseLabels", "Conflict"),
        "rejected": translate("CaseLabels", "Rejected by the platform"),
    }
    return names.get(state, state)
