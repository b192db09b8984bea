"""The statutory notices: what they say, in PDF (A4 and 80 mm receipt), on the printer path.

Each test takes an application through the real core (register, draft, materials, decision) and
reads the PDF back with pypdf: the text a machine extracts is the text a citizen, an archive or a
search finds. Also a screenshot maker::

    .venv/bin/python -m tests.ui.test_notices [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf
import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFontDatabase, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from counter_app.accounts import Actor
from counter_app.core import Counter
from counter_app.errors import InvalidTransition, PermissionDenied
from counter_app.services.applicants import OrganisationInput, PersonInput
from counter_app.services.seed import Seeder
from tests.support import ROOT
from ui.i18n import CHINESE, ENGLISH
from ui.notices import (
    NoticeData,
    NoticeKind,
    NoticeWords,
    lay_out,
    preview_dialog,
    print_to,
    render_image,
    write_pdf,
)
from ui.notices.pdf import new_printer
from ui.notices.pdf_text import fix_pdf_bytes
from ui.notices.qr import qr_image
from ui.workers import run_in_background

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"
USCC = "91350100M000100Y43"
OFFICE = "示范县青山镇便民服务中心"
SUBSISTENCE = "990101101-05-0001-001"  # 最低生活保障审核确认: 20 working days, two minor materials
TEMPORARY_AID = "990101101-05-0003-001"  # 临时救助: 10 working days, three minor materials
BIRTH = "990101-07-0001-001"  # 出生登记
EMPLOYMENT = "990101101-20-0301-001"  # 就业登记 (organisations)
REFUSAL_REASON = "申请人户籍不在本镇，不属于本中心受理范围"
COMMITMENT = "本人承诺在规定期限内补齐居民户口簿和遭遇困难的证明材料，所提交材料真实有效。"
MM_PER_PT = 25.4 / 72


# --------------------------------------------------------------------------------------- scenarios


@dataclass
class Case:
    counter: Counter
    clerk: Actor
    application_id: str
    item_code: str


def _office(counter: Counter) -> None:
    with counter.ctx.store.transaction():
        counter.ctx.settings.set("office_name", OFFICE)
        counter.ctx.settings.set("office_address", "示范县青山镇人民路1号")
        counter.ctx.settings.set("office_phone", "0791-86000000")


def _person(counter: Counter, clerk: Actor) -> str:
    existing = counter.ctx.applicants.find_by_id_number(FULL_ID)
    if existing is not None:
        return existing.id
    data = PersonInput("张三", FULL_ID, "13800138000", "示范县青山镇和平村3组12号")
    return counter.applicants.register_person(clerk, data).id


def _draft(counter: Counter, clerk: Actor, code: str, applicant_id: str | None = None) -> str:
    item = counter.catalogue.item(code)
    form = Seeder(counter, clerk, seed=7).form_values(item)
    return counter.intake.draft(clerk, applicant_id or _person(counter, clerk), code, form).id


def _hand_in(
    counter: Counter, clerk: Actor, application_id: str, code: str, leave_out: tuple[str, ...]
) -> None:
    item = counter.catalogue.item(code)
    handed = {
        m.code: (0, 0) if m.code in leave_out else (m.originals, m.copies)
        for m in item.materials
        if m.mandatory
    }
    counter.intake.record_materials(clerk, application_id, handed)


def accepted(counter: Counter, clerk: Actor) -> Case:
    _office(counter)
    application_id = _draft(counter, clerk, SUBSISTENCE)
    _hand_in(counter, clerk, application_id, SUBSISTENCE, ())
    counter.intake.accept(clerk, application_id)
    return Case(counter, clerk, application_id, SUBSISTENCE)


def missing(counter: Counter, clerk: Actor) -> Case:
    _office(counter)
    application_id = _draft(counter, clerk, SUBSISTENCE)
    _hand_in(counter, clerk, application_id, SUBSISTENCE, ("M01", "M03", "M07"))
    counter.intake.notify_missing(clerk, application_id)
    return Case(counter, clerk, application_id, SUBSISTENCE)


def pending(counter: Counter, clerk: Actor) -> Case:
    _office(counter)
    application_id = _draft(counter, clerk, TEMPORARY_AID)
    item = counter.catalogue.item(TEMPORARY_AID)
    left_out = ("M03", "M05")
    assert all(item.material(code).minor and item.material(code).mandatory for code in left_out)
    _hand_in(counter, clerk, application_id, TEMPORARY_AID, left_out)
    deadline = counter.ctx.today() + timedelta(days=10)
    counter.intake.accept_pending(clerk, application_id, COMMITMENT, deadline)
    return Case(counter, clerk, application_id, TEMPORARY_AID)


def refused(counter: Counter, clerk: Actor) -> Case:
    _office(counter)
    application_id = _draft(counter, clerk, BIRTH)
    _hand_in(counter, clerk, application_id, BIRTH, ())
    counter.intake.refuse(clerk, application_id, REFUSAL_REASON)
    return Case(counter, clerk, application_id, BIRTH)


SCENARIOS = {
    NoticeKind.ACCEPTANCE: accepted,
    NoticeKind.MISSING_MATERIALS: missing,
    NoticeKind.ACCEPTED_PENDING: pending,
    NoticeKind.REFUSAL: refused,
}


# ---------------------------------------------------------------------------------------- fixtures


def compile_translations(target: Path) -> Path:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.fail(
            "pyside6-lrelease is not installed: it comes with PySide6; reinstall the virtualenv (make setup)",
            pytrace=False,
        )
    for language in (CHINESE, ENGLISH):
        ts = ROOT / "resources" / "i18n" / f"counter_{language}.ts"
        subprocess.run(
            [tool, str(ts), "-qm", str(target / f"counter_{language}.qm")], check=True, capture_output=True
        )
    return target


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the .ts sources now (the ones in resources/ may be stale)."""
    return compile_translations(tmp_path_factory.mktemp("qm"))


# What fonts-noto-cjk brings for the notices' Chinese: the body (sans) and the titles (serif).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC")


@pytest.fixture(scope="session")
def cjk_font(qapp) -> None:
    """The notices' Chinese faces: a required system package, so a test that needs them fails
    without them (it would check boxes, not Chinese text)."""
    installed = set(QFontDatabase.families())
    missing = [family for family in CJK_FAMILIES if family not in installed]
    if missing:
        pytest.fail(
            "fonts-noto-cjk is not installed: run scripts/system-deps.sh as root "
            f"(missing {', '.join(missing)})",
            pytrace=False,
        )


@pytest.fixture
def chinese(qapp, translations: Path, cjk_font: None) -> NoticeWords:
    words = NoticeWords(CHINESE, translations)
    assert words.loaded
    return words


@pytest.fixture
def english(qapp, translations: Path) -> NoticeWords:
    return NoticeWords(ENGLISH, translations)


def pdf_text(path: Path) -> str:
    """All the text of a PDF with whitespace removed: a PDF has no reliable spaces or line breaks."""
    reader = pypdf.PdfReader(str(path))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image XObject on the PDF's pages."""
    sizes = []
    for page in pypdf.PdfReader(str(path)).pages:
        objects = page["/Resources"].get_object().get("/XObject")
        for ref in (objects.get_object() if objects else {}).values():
            image = ref.get_object()
            if image.get("/Subtype") == "/Image":
                sizes.append((int(image["/Width"]), int(image["/Height"])))
    return sizes


def page_size_mm(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(str(path)).pages[0].mediabox
    return float(box.width) * MM_PER_PT, float(box.height) * MM_PER_PT


def both_pdfs(notice: NoticeData, tmp_path: Path, words: NoticeWords) -> tuple[str, str]:
    a4 = write_pdf(notice, tmp_path / f"{notice.kind.value}-a4.pdf", "a4", words=words)
    receipt = write_pdf(notice, tmp_path / f"{notice.kind.value}-receipt.pdf", "receipt", words=words)
    return pdf_text(a4), pdf_text(receipt)


def assert_common(notice: NoticeData, text: str) -> None:
    assert notice.receipt_no in text
    assert MASKED_ID in text
    assert FULL_ID not in text and FULL_ID[6:14] not in text  # not the number, not the birth date
    assert notice.item_name in text
    assert OFFICE in text
    assert "⽉" not in text and "⽇" not in text  # Kangxi radicals: see ui/notices/pdf_text.py


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ------------------------------------------------------------------------------------------- tests


def test_acceptance_notice(counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path) -> None:
    case = accepted(counter, clerk)
    notice = counter.notices.build(clerk, case.application_id)
    app = counter.cases.get(clerk, case.application_id)
    assert notice.kind is NoticeKind.ACCEPTANCE
    assert notice.promised_date == date.fromisoformat(app.due_date)
    assert notice.staff_name == clerk.display_name
    assert notice.applicant_id_masked == MASKED_ID
    assert FULL_ID not in repr(notice)
    item = counter.catalogue.item(SUBSISTENCE)
    assert [line.code for line in notice.materials_received] == [
        m.code for m in item.materials if m.mandatory
    ]

    for text in both_pdfs(notice, tmp_path, chinese):
        assert_common(notice, text)
        assert "受理通知书" in text and "决定予以受理" in text
        assert cn_date(notice.promised_date) in text
        assert "承诺办结日期" in text
        assert "20个工作日" in text
        assert "《社会救助暂行办法》第九条至第十五条等有关规定" in text  # not a licensing item
        assert "行政许可法" not in text
        assert "经办人：" + clerk.display_name.replace(" ", "") in text
        assert "0791-86000000" in text and "人民路1号" in text
        assert "核验码：" + notice.verification_code in text
        assert all(line.name in text for line in notice.materials_received)


def test_one_time_notice_lists_everything_missing(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    case = missing(counter, clerk)
    notice = counter.notices.build(clerk, case.application_id)
    assert notice.kind is NoticeKind.MISSING_MATERIALS
    assert [line.code for line in notice.materials_missing] == ["M01", "M03", "M07"]
    item = counter.catalogue.item(SUBSISTENCE)
    for text in both_pdfs(notice, tmp_path, chinese):
        assert_common(notice, text)
        assert "一次性告知书" in text and "一次性告知如下" in text
        assert "需补正材料清单（共3项）" in text
        for code in ("M01", "M03", "M07"):
            assert item.material(code).name in text
        assert "不再要求补正本告知书所列以外的材料" in text
        assert "承诺办结日期" not in text


def test_accepted_pending_notice(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    case = pending(counter, clerk)
    notice = counter.notices.build(clerk, case.application_id)
    assert notice.kind is NoticeKind.ACCEPTED_PENDING
    assert notice.pending_deadline == counter.ctx.today() + timedelta(days=10)
    assert [line.code for line in notice.materials_pending] == ["M03", "M05"]
    item = counter.catalogue.item(TEMPORARY_AID)
    for text in both_pdfs(notice, tmp_path, chinese):
        assert_common(notice, text)
        assert "容缺受理通知书" in text and "决定予以容缺受理" in text
        assert "容缺材料清单（共2项）" in text
        assert item.material("M03").name in text and item.material("M05").name in text
        assert re.sub(r"\s+", "", COMMITMENT) in text
        assert "请于" + cn_date(notice.pending_deadline) + "前补齐" in text
        assert cn_date(notice.promised_date) in text


def test_refusal_notice(counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path) -> None:
    case = refused(counter, clerk)
    notice = counter.notices.build(clerk, case.application_id)
    assert notice.kind is NoticeKind.REFUSAL
    for text in both_pdfs(notice, tmp_path, chinese):
        assert_common(notice, text)
        assert "不予受理通知书" in text and "决定不予受理" in text
        assert REFUSAL_REASON in text
        assert "六十日内依法申请行政复议" in text and "六个月内依法向人民法院提起行政诉讼" in text
        assert "承诺办结日期" not in text


def test_licensing_items_cite_the_administrative_licensing_law(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, accepted(counter, clerk).application_id)
    licensing = replace(notice, item_type="01")
    text = pdf_text(write_pdf(licensing, tmp_path / "licensing.pdf", words=chinese))
    assert "根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理" in text


def test_page_sizes_and_the_qr_code(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, accepted(counter, clerk).application_id)
    a4 = write_pdf(notice, tmp_path / "a4.pdf", "a4", words=chinese)
    receipt = write_pdf(notice, tmp_path / "receipt.pdf", "receipt", words=chinese)

    width, height = page_size_mm(a4)
    assert width == pytest.approx(210, abs=1) and height == pytest.approx(297, abs=1)
    assert len(pypdf.PdfReader(str(a4)).pages) == 1
    width, height = page_size_mm(receipt)
    assert width == pytest.approx(80, abs=1)
    assert height > 150  # one long strip, cut after the notice
    assert len(pypdf.PdfReader(str(receipt)).pages) == 1

    qr = qr_image(notice.qr_payload)
    assert (qr.width(), qr.height()) in pdf_images(a4)
    assert (qr.width(), qr.height()) in pdf_images(receipt)
    assert notice.receipt_no in notice.qr_payload and notice.verification_code in notice.qr_payload
    assert notice.qr_payload.isascii()
    assert "张三" not in notice.qr_payload and MASKED_ID not in notice.qr_payload


def test_the_notice_is_chinese_whatever_the_screen_language(
    counter: Counter, clerk: Actor, chinese: NoticeWords, english: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, accepted(counter, clerk).application_id)
    default = pdf_text(write_pdf(notice, tmp_path / "default.pdf", words=chinese))
    assert "受理通知书" in default and "特此通知" in default
    text = pdf_text(write_pdf(notice, tmp_path / "english.pdf", words=english))
    assert "AcceptanceNotice" in text and notice.receipt_no in text and MASKED_ID in text
    assert "Hereby" in text and "受理通知书" not in text
    # the catalogue's English names; "confirmation" also shows that no "ﬁ" ligature reaches the PDF
    assert notice.item_name_en.replace(" ", "") in text
    assert notice.materials_received[0].name_en.replace(" ", "") in text


def test_a_long_notice_keeps_its_seal_block_together(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, accepted(counter, clerk).application_id)
    many = tuple(
        replace(line, code=f"X{index:02d}", name=f"{line.name}（第{index}份）")
        for index, line in enumerate(notice.materials_received * 5, start=1)
    )
    long_notice = replace(notice, materials_received=many)
    path = write_pdf(long_notice, tmp_path / "long.pdf", words=chinese)
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in pypdf.PdfReader(str(path)).pages]
    assert len(pages) >= 2
    assert "（第30份）" in "".join(pages)
    with_seal = [page for page in pages if "（印章）" in page]
    assert len(with_seal) == 1 and "经办人：" in with_seal[0] and "一式两份" in with_seal[0]


def test_an_organisation_shows_its_masked_credit_code(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    _office(counter)
    org = counter.applicants.register_organisation(
        clerk, OrganisationInput("示范县青山农业发展有限公司", USCC, "李四", "13900139000", "青山镇工业园")
    )
    application_id = _draft(counter, clerk, EMPLOYMENT, org.id)
    _hand_in(counter, clerk, application_id, EMPLOYMENT, ())
    counter.intake.accept(clerk, application_id)
    notice = counter.notices.build(clerk, application_id)
    text = pdf_text(write_pdf(notice, tmp_path / "org.pdf", words=chinese))
    assert "统一社会信用代码" in text and org.id_masked in text and USCC not in text
    assert "法定代表人" in text and "李四" in text


def test_no_notice_before_a_decision_and_only_for_staff_who_take_in(
    counter: Counter, clerk: Actor, admin: Actor
) -> None:
    application_id = _draft(counter, clerk, SUBSISTENCE)
    with pytest.raises(InvalidTransition):
        counter.notices.build(clerk, application_id)
    _hand_in(counter, clerk, application_id, SUBSISTENCE, ())
    counter.intake.accept(clerk, application_id)
    with pytest.raises(PermissionDenied):
        counter.notices.build(admin, application_id)
    events = counter.ctx.audit_log.recent(5)
    assert events[0]["action"] == "permission.denied" and events[0]["actor"] == f"user:{admin.username}"


def test_building_a_notice_is_audited_with_whose_notice_it_is(counter: Counter, clerk: Actor) -> None:
    case = accepted(counter, clerk)
    notice = counter.notices.build(clerk, case.application_id)
    event = counter.ctx.audit_log.recent(1)[0]
    assert (event["action"], event["entity_id"], event["actor"]) == (
        "notice.view",
        case.application_id,
        f"user:{clerk.username}",
    )
    applicant_id = counter.cases.get(clerk, case.application_id).applicant_id
    assert json.loads(event["detail"]) == {"kind": notice.kind.value, "applicant": applicant_id}


def test_later_statuses_reprint_the_acceptance_notice(counter: Counter, clerk: Actor) -> None:
    case = accepted(counter, clerk)
    counter.cases.start(clerk, case.application_id)
    notice = counter.notices.build(clerk, case.application_id)
    assert notice.kind is NoticeKind.ACCEPTANCE
    assert notice.issued_on == counter.ctx.today()


def test_a_notice_refuses_an_unmasked_id_number(counter: Counter, clerk: Actor) -> None:
    notice = counter.notices.build(clerk, accepted(counter, clerk).application_id)
    with pytest.raises(ValueError, match="masked"):
        replace(notice, applicant_id_masked=FULL_ID)


def test_office_name_defaults(counter: Counter, clerk: Actor) -> None:
    application_id = _draft(counter, clerk, SUBSISTENCE)
    _hand_in(counter, clerk, application_id, SUBSISTENCE, ())
    counter.intake.accept(clerk, application_id)
    notice = counter.notices.build(clerk, application_id)
    assert notice.office_name == "便民服务中心"
    assert notice.office_address is None and notice.office_phone is None


def test_radicals_in_text_maps_become_ideographs() -> None:
    cmap = (
        b"begincmap\n2 beginbfrange\n<0001> <0003> [<53D7> <2F49> <2F47> ]\n<0004> <0004> <2F9D>\n"
        b"<0005> <0006> <2F00>\nendbfrange\n1 beginbfchar\n<0007> <2F08>\nendbfchar\nendcmap"
    )
    fixed = fix_pdf_bytes(cmap)
    assert len(fixed) == len(cmap)
    assert b"[<53D7> <6708> <65E5> ]" in fixed  # 月 日
    assert b"<0004> <0004> <8EAB>" in fixed  # 身
    assert b"<0005> <0006> <2F00>" in fixed  # a range of two: consecutive code points, left alone
    assert b"<0007> <4EBA>" in fixed  # 人


def test_print_preview_paints_the_notice(
    qtbot: QtBot, counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, pending(counter, clerk).application_id)
    laid_out = lay_out(notice, "a4", chinese)
    printer = new_printer(laid_out, chinese)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog = preview_dialog(laid_out, printer)
    painted: list[QPrinter] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()  # non-modal: never exec() in a test
    qtbot.waitUntil(lambda: bool(painted))
    assert notice.receipt_no in dialog.windowTitle()
    dialog.close()

    print_to(laid_out, printer)  # what printing from the preview does
    assert notice.receipt_no in pdf_text(tmp_path / "printed.pdf")


def test_printing_on_other_paper_repaginates(
    counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path
) -> None:
    notice = counter.notices.build(clerk, missing(counter, clerk).application_id)
    laid_out = lay_out(notice, "receipt", chinese)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "roll.pdf"))
    # A receipt printer driver's paper: 80 mm wide, 200 mm "pages" of the roll.
    roll = QPageSize(QSizeF(80, 200), QPageSize.Unit.Millimeter, "Roll", QPageSize.SizeMatchPolicy.ExactMatch)
    printer.setPageLayout(
        QPageLayout(
            roll, QPageLayout.Orientation.Portrait, QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter
        )
    )
    print_to(laid_out, printer)
    reader = pypdf.PdfReader(str(tmp_path / "roll.pdf"))
    assert len(reader.pages) >= 2
    text = pdf_text(tmp_path / "roll.pdf")
    assert notice.receipt_no in text and "核验码" in text


def test_pdfs_written_off_the_ui_thread_keep_their_text(
    qtbot: QtBot, counter: Counter, clerk: Actor, translations: Path, cjk_font: None, tmp_path: Path
) -> None:
    """The intake writes its PDFs on pool threads (each with its own NoticeWords), several at once:
    the text still extracts as Chinese, with the receipt number, dates and the masked ID."""
    notices = [
        counter.notices.build(clerk, make(counter, clerk).application_id) for make in SCENARIOS.values()
    ]
    written: dict[Path, NoticeData] = {}
    threads: set[bool] = set()

    def writer(notice: NoticeData, path: Path, layout: str) -> Callable[[], Path]:
        def write() -> Path:
            threads.add(threading.current_thread() is threading.main_thread())
            words = NoticeWords(CHINESE, translations)  # made, used and dropped on this thread
            return write_pdf(notice, path, layout, words=words)

        return write

    expected = 0
    for notice in notices:
        for layout in ("a4", "receipt"):
            path = tmp_path / f"{notice.kind.value}-{layout}.pdf"
            run_in_background(
                writer(notice, path, layout), lambda target, n=notice: written.__setitem__(target, n)
            )
            expected += 1
    qtbot.waitUntil(lambda: len(written) == expected, timeout=30_000)
    assert threads == {False}  # never on the UI thread
    for path, notice in written.items():
        text = pdf_text(path)
        assert_common(notice, text)
        assert title_of(notice.kind) in text
        assert cn_date(notice.issued_on) in text  # digits and 年月日


def title_of(kind: NoticeKind) -> str:
    return {
        NoticeKind.ACCEPTANCE: "受理通知书",
        NoticeKind.MISSING_MATERIALS: "一次性告知书",
        NoticeKind.ACCEPTED_PENDING: "容缺受理通知书",
        NoticeKind.REFUSAL: "不予受理通知书",
    }[kind]


def test_rendered_images(counter: Counter, clerk: Actor, chinese: NoticeWords, tmp_path: Path) -> None:
    for kind, scenario in SCENARIOS.items():
        notice = counter.notices.build(clerk, scenario(counter, clerk).application_id)
        for layout in ("a4", "receipt"):
            image = render_image(lay_out(notice, layout, chinese), dpi=60)
            assert not image.isNull() and image.width() > 100
            path = tmp_path / f"notice_{kind.value}_{layout}.png"
            assert image.save(str(path))
            # Something is printed: the image is not blank white.
            assert any(
                image.pixelColor(x, y).lightness() < 128
                for x in range(0, image.width(), 3)
                for y in range(0, image.height() // 3, 3)
            )


# -------------------------------------------------------------------------------------- screenshots


def make_screenshots(out: Path) -> list[Path]:
    """Render one notice of each kind, A4 and receipt, to ``out`` (PNG) with a throw-away profile."""
    import keyring
    from PySide6.QtWidgets import QApplication

    from counter_app.accounts import Role
    from counter_app.clock import FixedClock
    from tests.conftest import START
    from tests.support import MemoryKeyring

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    keyring.set_keyring(MemoryKeyring())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        words = NoticeWords(CHINESE, compile_translations(Path(scratch)))
        counter = Counter.open(
            Path(scratch) / "data", clock=FixedClock(START), config_dir=Path(scratch) / "cfg"
        )
        try:
            record = counter.accounts.add_user(
                Actor.command_line("setup"), "wangfang", "王芳", Role.CLERK, "correct horse 1"
            )
            clerk = Actor.staff(record.id, record.username, record.display_name, Role.CLERK)
            for kind, scenario in SCENARIOS.items():
                notice = counter.notices.build(clerk, scenario(counter, clerk).application_id)
                for layout, suffix in (("a4", ""), ("receipt", "_receipt")):
                    path = out / f"notice_{kind.value}{suffix}.png"
                    render_image(lay_out(notice, layout, words), dpi=110 if layout == "a4" else 160).save(
                        str(path)
                    )
                    written.append(path)
        finally:
            counter.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the four notices to PNG files.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    for path in make_screenshots(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
