"""Every kind of document the app prints embeds every font it names (no Helvetica reference left by reportlab's
defaults), and codes a person types back keep their Arabic digits in a Thai-digit document."""

from __future__ import annotations

from pypdf import PdfReader

from desktop.models import (
    backcheck,
    backcheck_corrections,
    correction_lists,
    corrections,
    meta,
)
from desktop.models.corrections import Change
from desktop.reports import (
    backcheck_sheets,
    correction_notice,
    files,
    followup_report,
    pdf,
)
from tests.reports_pdf import samples
from tests.reports_pdf.fonts import all_embedded as _all_embedded
from tests.visits import helpers as H


def test_every_document_embeds_its_fonts_and_keeps_codes_arabic(store, tmp_path):
    visit = H.worked(store)
    with store.begin() as conn:
        answer = next(a for a in backcheck.answers_of(conn, visit.visit_id) if a.household_id == H.hid(1))
        backcheck_corrections.raise_correction(conn, answer.uuid)
        meta.set_officer(conn, meta.Officer("นางสาวสมใจ ใจดี", "นักวิชาการพัฒนาชุมชน", "district", "5201"))
        corrections.record(conn, H.hid(2), [Change("inc_main", "58000")], reason="ตรวจสอบ")
        issued = correction_lists.issue_list(conn, "52")
        letters = correction_notice.prepare(conn, issued)
        report = followup_report.build(conn, H.YEAR, "52")
        sheets = backcheck_sheets.sheets_for(conn, visit.visit_id)
    documents = {
        "notice": correction_notice.render_notice_pdf(letters, tmp_path / "notice.pdf"),
        "followup": files.write(store, report, "pdf", tmp_path / "followup.pdf", thai_digits=True),
        "sheets": backcheck_sheets.render_pdf(sheets, tmp_path / "sheets.pdf"),
    }
    for kind, build in samples.ALL.items():
        documents[kind] = pdf.render(build() if kind != "failing-income" else build(rows=60), tmp_path / f"{kind}.pdf",
                                     thai_digits=True)
    for path in documents.values():
        _all_embedded(path)
    text = "\n".join(p.extract_text() for p in PdfReader(str(documents["followup"])).pages)
    assert any(ch.isdigit() for ch in visit.short_code)
    assert visit.short_code in text  # the visit code as the app takes it back: Latin letters, Arabic digits
    assert visit.short_code.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) not in text
    notice = "\n".join(p.extract_text() for p in PdfReader(str(documents["notice"])).pages)
    for item in issued.items:
        assert item.house_code in notice  # house codes are keyed upstream as they are
    assert "๕๘,๐๐๐" in notice  # an ordinary number follows the document's Thai digits, with its separator
