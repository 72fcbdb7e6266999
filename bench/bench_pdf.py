"""PDF of the failing-income list: 2,800 households (~100 landscape pages) against the reportlab floor.

ours        = desktop.reports.pdf.render() of a synthetic failing-income Report (Thai names, villages, tambons):
              Sarabun embedded, Thai cells shaped and word-wrapped, numbers formatted, footers "หน้า n/N".
floor       = the same rows as plain strings in one reportlab Table with the built-in Helvetica (Thai letters
              replaced by "x": no TTF embedding, no shaping), the same page size, margins, column widths and
              row heights (given, as ours gives them, so reportlab does not re-measure the rest of the table
              at every page break) (floors.md §4 "helvetica_ascii").
thai_only   = for reference, the floors.md §4 recipe "sarabun_shaped_thai_only": the same table with every
              Thai cell a Paragraph(shaping=1) (not word-wrapped) and numbers plain (floor there: 2.3 s).
Each figure is the median of --runs builds after one warm-up build (the first build, with font loading and
the pythainlp dictionary, is reported separately). Target: ours ≤ 2.5 s on the 2-core dev machine.

    python -m bench.bench_pdf [--rows 2800] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import emit, machine

TAMBONS = ["เวียงเหนือ", "หัวเวียง", "สวนดอก", "สบตุ๋ย", "พระบาท", "ชมพู", "กล้วยแพะ", "ปงแสนทอง", "บ้านแลง",
           "บ้านเสด็จ", "พิชัย", "ทุ่งฝาย", "บ้านเอื้อม", "บ้านเป้า", "บ้านค่า", "บ่อแฮ้ว", "ต้นธงชัย", "นิคมพัฒนา", "บุญนาคพัฒนา"]
VILLAGE_A = ["หนอง", "ป่า", "ทุ่ง", "แม่", "ห้วย", "ดอน", "ท่า", "สัน", "ปง", "วัง"]
VILLAGE_B = ["แก้ว", "ทอง", "ใหม่", "หลวง", "ยาง", "ม่วง", "ขาม", "ไผ่", "ฮ่าง", "ตอง", "เหนือ", "ใต้"]
FIRST = ["สมชาย", "บุญมี", "ทองคำ", "ประเสริฐ", "สุริยา", "วิชัย", "ศักดิ์ชัย", "กิตติพงษ์", "ณัฐวุฒิ", "ปิยะพงษ์",
         "มาลีวรรณ", "ศรีนวล", "กัลยา", "พรทิพย์", "จันทร์เพ็ญ", "อรุณี", "นิภาพร", "ประภาศรี", "วรรณา", "รัตนา"]
LAST = ["ใจ", "แก้ว", "คำ", "ทอง", "อินทร์", "บุญ", "ศรี", "จันทร์", "กันทะ", "ปัญญา", "สุข", "มูล", "ธรรม"]
LAST_B = ["ดี", "มา", "วงศ์", "คำ", "แก้ว", "ใจ", "ทิพย์", "เรือน", "สุข", "ชัย", "ยศ", "ตา"]
THRESHOLD = 40_000


def failing_income(rows: int, seed: int = 7):
    from desktop.reports.model import INT, MONEY, TEXT, Column, Report, ReportTable

    rng = random.Random(seed)
    table = ReportTable(f"ครัวเรือนที่มีรายได้เฉลี่ยต่ำกว่าเกณฑ์ {THRESHOLD:,} บาทต่อคนต่อปี (ตัวชี้วัดที่ 29)", [
        Column("tambon", "ตำบล", TEXT), Column("village", "หมู่บ้าน", TEXT, width=1.2), Column("moo", "หมู่", TEXT),
        Column("house_no", "บ้านเลขที่", TEXT), Column("house_code", "รหัสบ้าน", TEXT),
        Column("head", "หัวหน้าครัวเรือน", TEXT, width=2), Column("n", "สมาชิก (คน)", INT),
        Column("income", "รายได้รวม (บาท/ปี)", MONEY), Column("pp", "เฉลี่ยต่อคน (บาท/ปี)", MONEY),
        Column("gap", "ต่ำกว่าเกณฑ์ (บาท)", MONEY)])
    villages = [f"บ้าน{a}{b}" for a in VILLAGE_A for b in VILLAGE_B]
    for i in range(rows):
        tambon = TAMBONS[i * len(TAMBONS) // rows]
        moo = 1 + i * 160 // rows % 16
        n = rng.randint(1, 7)
        pp = rng.randint(9_000, THRESHOLD - 1)
        head = (f"{rng.choice(['นาย', 'นาง', 'นางสาว'])}{rng.choice(FIRST)}"
                f" {rng.choice(LAST)}{rng.choice(LAST_B)}{rng.choice(['', '', 'วงศ์', 'สกุล'])}")
        house_no = str(rng.randint(1, 260)) + (f"/{rng.randint(1, 9)}" if rng.random() < 0.1 else "")
        table.add([f"ตำบล{tambon}", villages[(i * 7 + moo) % len(villages)], str(moo), house_no,
                   f"52{rng.randint(10, 13):02d}{i:05d}{rng.randint(10, 99)}", head, n, pp * n, pp, THRESHOLD - pp])
    return Report(kind="failing-income", title="รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์รายได้ (ตัวชี้วัดที่ 29)",
                  title_en="Households below the income threshold", area_code="5201",
                  area_path=[("52", "ลำปาง"), ("5201", "เมืองลำปาง")], level_name="อำเภอ", survey_year=2567,
                  indicator_period="2566-2570", indicator_title="เครื่องชี้วัด จปฐ. ปี 2566–2570", provisional=True,
                  personal_data=True, tables=[table], notes=["เรียงตามตำบล หมู่บ้าน และบ้านเลขที่"],
                  generated_at=dt.datetime(2026, 11, 24))


def pages(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", path.read_bytes()))


def _plain_table(report, variant: str, out: Path) -> None:
    """floor / thai_only: one reportlab Table of the report's rows, laid out like ours (same widths)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop.reports import pdf, thai_text as tt

    layout = pdf._TableLayout(report.tables[0], pdf._Digits(False))
    widths = layout._fit(layout.cols, pdf.FRAME_W[pdf.LANDSCAPE])
    font, bold = ("Helvetica", "Helvetica-Bold") if variant == "floor" else (tt.FONT, tt.FONT_BOLD)
    style = ParagraphStyle("c", fontName=font, fontSize=pdf.CELL_PT, leading=layout.leading, shaping=1)

    def cell(text: str):
        if variant == "floor":
            return "".join(ch if ord(ch) < 128 else "x" for ch in text)
        return Paragraph(text, style) if tt.has_thai(text) else text

    data = [[cell(c.label) for c in report.tables[0].columns]] + [[cell(v) for v in row] for row in layout.cells]
    heights = [layout.leading + pdf.PAD_TOP + pdf.PAD_BOTTOM] * len(data) if variant == "floor" else None
    if heights:
        heights[0] = None  # the heading row may wrap: measured
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, pdf.CELL_PT, layout.leading),
                               ("FONT", (0, 0), (-1, 0), bold, pdf.CELL_PT, layout.leading),
                               ("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (6, 1), (-1, -1), "RIGHT"),
                               ("TOPPADDING", (0, 0), (-1, -1), pdf.PAD_TOP),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), pdf.PAD_BOTTOM),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, pdf.ZEBRA])]))
    width, height = pdf.PAGE[pdf.LANDSCAPE]
    doc = SimpleDocTemplate(str(out), pagesize=(width, height), leftMargin=pdf.MARGIN_X, rightMargin=pdf.MARGIN_X,
                            topMargin=pdf.MARGIN_TOP, bottomMargin=pdf.MARGIN_BOTTOM)
    doc.build([table])


def _measure(fn, runs: int) -> tuple[float, float]:
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(first, 3), round(statistics.median(times), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=2800)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="folder to keep the three PDFs in")
    args = ap.parse_args()
    from desktop.reports import pdf, thai_text as tt

    report = failing_income(args.rows)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    ours_path, floor_path, ref_path = (folder / f"{n}.pdf" for n in ("ours", "floor_helvetica", "thai_only"))
    ours_first, ours = _measure(lambda: pdf.render(report, ours_path), args.runs)
    ours_digits = _measure(lambda: pdf.render(report, ours_path, thai_digits=True), 1)[1]
    tt.register_fonts()
    floor_first, floor = _measure(lambda: _plain_table(report, "floor", floor_path), args.runs)
    _ref_first, ref = _measure(lambda: _plain_table(report, "thai_only", ref_path), args.runs)
    result = {
        "rows": args.rows, "pages": pages(ours_path), "bytes": ours_path.stat().st_size,
        "ours_first_s": ours_first, "ours_s": ours, "ours_thai_digits_s": ours_digits,
        "floor_helvetica_s": floor, "floor_pages": pages(floor_path),
        "ref_thai_only_paragraphs_s": ref, "ratio_vs_floor": round(ours / floor, 2),
        "target_s": 2.5, "meets_target": ours <= 2.5, "runs": args.runs, "machine": machine(),
    }
    if not args.keep:
        for p in (ours_path, floor_path, ref_path):
            p.unlink(missing_ok=True)
        folder.rmdir()
    emit(result)


if __name__ == "__main__":
    main()
