"""What each notice says, sentence by sentence, in the language of a ``NoticeWords``.

The Chinese wording follows the notices counters issue under the Administrative Licensing Law
(art. 32): acceptance, the one-time notice of everything to supply, acceptance with minor materials
pending on the applicant's written commitment (容缺受理), and refusal with the remedies. Licensing
items (type 01) cite art. 32 of that law; other items cite their own first legal basis.
"""

from __future__ import annotations

from counter_app.notices import MaterialLine, NoticeData, NoticeKind
from ui.i18n import ENGLISH, fill
from ui.notices.words import NoticeWords


def item_name(notice: NoticeData, words: NoticeWords) -> str:
    """The service's name in the notice's language (the catalogue has Chinese and English)."""
    return notice.item_name_en if words.language == ENGLISH and notice.item_name_en else notice.item_name


def material_name(line: MaterialLine, words: NoticeWords) -> str:
    return line.name_en if words.language == ENGLISH and line.name_en else line.name


def title(kind: NoticeKind, words: NoticeWords) -> str:
    if kind is NoticeKind.ACCEPTANCE:
        return words.translate("Notice", "Acceptance Notice")
    if kind is NoticeKind.MISSING_MATERIALS:
        return words.translate("Notice", "One-time Notice of Materials to Supply")
    if kind is NoticeKind.ACCEPTED_PENDING:
        return words.translate("Notice", "Notice of Acceptance with Materials Pending")
    return words.translate("Notice", "Notice of Refusal to Accept")


def basis(notice: NoticeData, words: NoticeWords) -> str:
    """The provisions the decision rests on, as the object of "in accordance with"."""
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        return words.translate(
            "Notice", "the provisions on accepting applications with minor materials pending"
        )
    if notice.kind is NoticeKind.MISSING_MATERIALS and not notice.is_licensing:
        return words.translate("Notice", "the rules on one-time notification in government services")
    if notice.is_licensing:
        if notice.kind is NoticeKind.ACCEPTANCE:
            return words.translate(
                "Notice", "Article 32 of the Administrative Licensing Law of the People's Republic of China"
            )
        if notice.kind is NoticeKind.MISSING_MATERIALS:
            return words.translate(
                "Notice",
                "Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People's "
                "Republic of China",
            )
        return words.translate(
            "Notice",
            "Article 32, paragraph 1 of the Administrative Licensing Law of the People's Republic of China",
        )
    first = notice.legal_basis[0] if notice.legal_basis else ""
    return fill(words.translate("Notice", "%1 and related provisions"), first)


def time_limit(notice: NoticeData, words: NoticeWords) -> str:
    if notice.on_the_spot:
        return words.translate("Notice", "on the spot")
    if notice.limit_unit == "natural_day":
        return fill(words.translate("Notice", "%1 calendar days"), notice.limit_value)
    return fill(words.translate("Notice", "%1 working days"), notice.limit_value)


def addressee(notice: NoticeData, words: NoticeWords) -> str:
    return fill(words.translate("Notice", "%1:"), notice.applicant_name)


def body(notice: NoticeData, words: NoticeWords) -> list[str]:
    """The paragraphs before the materials lists."""
    item, submitted, grounds = item_name(notice, words), words.date(notice.submitted_on), basis(notice, words)
    if notice.kind is NoticeKind.ACCEPTANCE:
        decision = words.translate(
            "Notice",
            "Your application for “%1”, submitted on %2, has been examined: the application materials "
            "are complete and in the statutory form. In accordance with %3, the application is accepted.",
        )
        return [fill(decision, item, submitted, grounds), promise(notice, words)]
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        decision = words.translate(
            "Notice",
            "Your application for “%1”, submitted on %2, has been examined: its main materials are "
            "complete and in the statutory form, and some minor materials are still to be supplied. As "
            "you have committed in writing to supply them within the time limit, the application is "
            "accepted with materials pending in accordance with %3.",
        )
        return [fill(decision, item, submitted, grounds), promise(notice, words)]
    if notice.kind is NoticeKind.MISSING_MATERIALS:
        decision = words.translate(
            "Notice",
            "Your application for “%1”, submitted on %2, has been examined: the application materials "
            "are incomplete or not in the statutory form. In accordance with %3, everything you need to "
            "supply is listed below, all at once:",
        )
        return [fill(decision, item, submitted, grounds)]
    decision = words.translate(
        "Notice",
        "Your application for “%1”, submitted on %2, has been examined and does not meet the conditions "
        "for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.",
    )
    reason = (notice.refusal_reason or "").strip().rstrip("。.；;，,")
    return [fill(decision, item, submitted, reason, grounds), (notice.remedies or "").strip()]


def promise(notice: NoticeData, words: NoticeWords) -> str:
    if notice.on_the_spot:
        return words.translate("Notice", "This service is handled on the spot and completed the same day.")
    due = words.date(notice.promised_date) if notice.promised_date else "—"
    text = words.translate(
        "Notice",
        "This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, "
        "auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this "
        "time limit.",
    )
    return fill(text, time_limit(notice, words), due)


def material_lists(notice: NoticeData, words: NoticeWords) -> list[tuple[str, tuple[MaterialLine, ...]]]:
    """The tables of materials the notice shows: heading and lines (counts required or received)."""
    if notice.kind is NoticeKind.MISSING_MATERIALS:
        heading = words.translate("Notice", "Materials to supply (%1 items):")
        return [(fill(heading, len(notice.materials_missing)), notice.materials_missing)]
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        heading = words.translate("Notice", "Materials pending (%1 items):")
        return [(fill(heading, len(notice.materials_pending)), notice.materials_pending)]
    if notice.kind is NoticeKind.ACCEPTANCE:
        heading = words.translate("Notice", "Materials received (%1 items):")
        return [(fill(heading, len(notice.materials_received)), notice.materials_received)]
    return []


def received_sentence(notice: NoticeData, words: NoticeWords) -> str:
    """The materials received, in one sentence (the 容缺 notice's table lists what is pending)."""
    separator = words.translate("Notice", ", ", "separator between the items of a list")
    names = separator.join(material_name(line, words) for line in notice.materials_received) or "—"
    return fill(
        words.translate("Notice", "Materials received: %1 (%2 items)."), names, len(notice.materials_received)
    )


def after(notice: NoticeData, words: NoticeWords) -> list[str]:
    """The paragraphs after the materials lists, before "Hereby notified"."""
    keep = words.translate(
        "Notice",
        "Keep this notice: quote the receipt number to follow the progress of the application and to "
        "collect the result.",
    )
    if notice.kind is NoticeKind.MISSING_MATERIALS:
        text = words.translate(
            "Notice",
            "This list is complete: we will not ask for any material that is not on it. Bring all of the "
            "materials above, with this notice, to %1 and submit the application again; once the "
            "materials are complete and in the statutory form, it will be accepted according to law.",
        )
        return [fill(text, notice.office_name)]
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        deadline = words.date(notice.pending_deadline) if notice.pending_deadline else "—"
        supply = words.translate(
            "Notice",
            "Supply the pending materials above by %1. If they are not supplied in time, or do not meet "
            "the requirements, the handling of the application will be terminated according to law and the "
            "applicant bears the consequences.",
        )
        commitment = words.translate("Notice", "Applicant's commitment: %1")
        return [
            received_sentence(notice, words),
            fill(commitment, (notice.commitment or "").strip()),
            fill(supply, deadline),
            keep,
        ]
    if notice.kind is NoticeKind.ACCEPTANCE:
        return [keep]
    return []


def closing(words: NoticeWords) -> str:
    return words.translate("Notice", "Hereby notified.")


def facts(notice: NoticeData, words: NoticeWords) -> list[tuple[str, str, bool]]:
    """The header table: label, value, and whether the value takes a whole row on A4. The dates of
    submission and the time limit are in the wording; the day of the decision is under the seal."""
    id_label = (
        words.translate("Notice", "ID number")
        if notice.applicant_id_type == "resident_id"
        else words.translate("Notice", "Unified social credit code")
    )
    rows = [
        (words.translate("Notice", "Applicant"), notice.applicant_name, False),
        (id_label, notice.applicant_id_masked, False),
    ]
    if notice.applicant_kind == "organisation" and notice.representative:
        rows.append((words.translate("Notice", "Legal representative"), notice.representative, True))
    rows += [
        (words.translate("Notice", "Service"), item_name(notice, words), True),
        (words.translate("Notice", "Service code"), notice.item_code, False),
        (words.translate("Notice", "Implementing body"), notice.implementing_body, False),
    ]
    promised = words.date(notice.promised_date) if notice.promised_date else time_limit(notice, words)
    if notice.kind is NoticeKind.ACCEPTANCE:
        if notice.accepted_on:
            rows.append((words.translate("Notice", "Accepted on"), words.date(notice.accepted_on), False))
        rows.append((words.translate("Notice", "Promised completion date"), promised, False))
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        rows.append((words.translate("Notice", "Promised completion date"), promised, False))
        if notice.pending_deadline:
            deadline = words.date(notice.pending_deadline)
            rows.append((words.translate("Notice", "Pending materials due by"), deadline, False))
    return rows


def signature_lines(notice: NoticeData, words: NoticeWords) -> tuple[str, str]:
    """The seal line and the date of the decision."""
    return fill(words.translate("Notice", "%1 (seal)"), notice.office_name), words.date(notice.issued_on)


def contact_lines(notice: NoticeData, words: NoticeWords) -> tuple[str, str, list[str]]:
    """The staff member, the applicant's signature label, and the office's address and telephone."""
    staff = fill(words.translate("Notice", "Staff member: %1"), notice.staff_name)
    if notice.kind is NoticeKind.ACCEPTED_PENDING:
        sign = words.translate("Notice", "Applicant's signature to the commitment:")
    else:
        sign = words.translate("Notice", "Applicant's signature:")
    contact = []
    if notice.office_address:
        contact.append(fill(words.translate("Notice", "Address: %1"), notice.office_address))
    if notice.office_phone:
        contact.append(fill(words.translate("Notice", "Telephone: %1"), notice.office_phone))
    if notice.office_contact:  # the administrator's own line (address, telephone), as written
        contact.append(notice.office_contact)
    return staff, sign, contact


def copies_note(words: NoticeWords) -> str:
    return words.translate(
        "Notice", "This notice is made out in two copies: one for the applicant, one for the office."
    )


def verification_lines(notice: NoticeData, words: NoticeWords) -> tuple[str, str]:
    return (
        words.translate("Notice", "Scan to verify"),
        fill(words.translate("Notice", "Verification code: %1"), notice.verification_code),
    )
