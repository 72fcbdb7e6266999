"""desktop.reports.pdf and thai_text: real PDFs from hand-built Reports, Thai line breaking, page marks."""

from __future__ import annotations

import datetime as dt
import re
import pytest
from pypdf import PdfReader

from desktop.reports import pdf, thai_text as tt
from desktop.reports.model import DATA, GROUP, INT, MONEY, PCT, TEXT, TOTAL, Column, Report, ReportTable
from tests.pdf_text import pdf_text
from tests.reports_pdf import samples

SENTENCES = [
    "ครัวเรือนสามารถดูแลตนเองและสมาชิกเมื่อมีอาการเจ็บป่วยเบื้องต้น และใช้ยาเท่าที่จำเป็น",
    "ที่ทำการผู้ใหญ่บ้านและกำนันจัดประชุมประชาคมหมู่บ้านเพื่อหารือเรื่องน้ำประปาและถนนในหมู่ที่ 15",
    "ครัวเรือนมีรายได้เฉลี่ยต่อคนต่อปีไม่ต่ำกว่า 40,000 บาท (ร้อยละ 95.3%) ตามเกณฑ์ของกรมการพัฒนาชุมชน",
    "นางสาวศักดิ์สิทธิ์ ปู่ย่าสุข ญี่ปุ่น ฐานราก ฎีกา ก็ได้ ปั้นฝั่งน้ำ บ้านเลขที่ 12/3 หมู่ ๕",
    "เด็กแรกเกิดถึง 12 ปี ได้รับวัคซีนป้องกันโรคครบตามตารางสร้างเสริมภูมิคุ้มกันโรค",
    "ผู้ป่วยติดเตียงได้รับการดูแลจากครอบครัว ชุมชน ภาครัฐ หรือภาคเอกชน",
]
NO_LINE_START = tt.COMBINING | {"\u0e33"}  # marks and sara am attach to the letter before
NO_LINE_END = set("เแโใไ")  # leading vowels belong to the letter after


def cell(value):
    """A table cell as built (reportlab wraps flowables in a tuple once the table has been measured)."""
    return value[0] if isinstance(value, (tuple, list)) else value


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def media_boxes(data: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", data)]


def small_report(**kw) -> Report:
    table = ReportTable("ตารางทดสอบ", [Column("area", "พื้นที่", TEXT), Column("n", "จำนวน", INT),
                                       Column("p", "ร้อยละ", PCT)])
    table.add(["หมู่ 1 บ้านหนองแก้ว", 1234, 12.345])
    table.add(["รวม", 1234, 100.0], TOTAL)
    base = dict(kind="population", title="รายงานทดสอบ", title_en="Test", area_code="520101",
                area_path=[("52", "ลำปาง"), ("5201", "เมืองลำปาง"), ("520101", "เวียงเหนือ")], level_name="ตำบล",
                survey_year=2567, indicator_period="2566-2570", indicator_title="ตัวชี้วัดทดสอบ", provisional=False,
                personal_data=False, tables=[table])
    base.update(kw)
    return Report(**base)


@pytest.fixture
def drawn(monkeypatch):
    """Every page mark drawn on the canvas, as (page height, text)."""
    marks: list[str] = []
    original = pdf._draw_mark

    def record(canv, x, y, text, *args, **kwargs):
        if text:
            marks.append(text)
        original(canv, x, y, text, *args, **kwargs)

    monkeypatch.setattr(pdf, "_draw_mark", record)
    return marks


# ---------------------------------------------------------------- documents

def test_pdf_is_a4_with_sarabun_embedded(tmp_path, drawn):
    out = pdf.render(small_report(), tmp_path / "r.pdf")
    data = out.read_bytes()
    assert out == tmp_path / "r.pdf" and data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    assert media_boxes(data) == [(595.2756, 841.8898)]
    assert b"/FontFile2" in data
    names = set(re.findall(rb"/BaseFont /(\S+)", data))
    assert any(b"Sarabun-Regular" in n for n in names) and any(b"Sarabun-Bold" in n for n in names)
    assert "หน้า 1/1" in drawn
    assert not list(tmp_path.glob("*.part"))


def test_page_count_and_orientation_follow_the_tables(tmp_path, drawn):
    wide = ReportTable("กว้าง", [Column("a", "พื้นที่", TEXT)] + [Column(f"c{i}", str(i), PCT) for i in range(1, 39)])
    wide.add(["ตำบลเวียงเหนือ"] + [99.5] * 38)
    narrow = small_report().tables[0]
    report = small_report(tables=[narrow, wide, narrow])
    data = pdf.render(report, tmp_path / "r.pdf").read_bytes()
    assert pdf_pages(data) == 3
    assert media_boxes(data) == [(595.2756, 841.8898), (841.8898, 595.2756), (595.2756, 841.8898)]
    assert [m for m in drawn if m.startswith("หน้า")] == ["หน้า 1/3", "หน้า 2/3", "หน้า 3/3"]
    assert len(PdfReader(str(tmp_path / "r.pdf")).pages) == 3  # an independent reader agrees


def test_failing_income_list_of_2800_rows_is_about_110_pages(tmp_path, drawn):
    data = pdf.render(samples.failing_income(2800), tmp_path / "list.pdf").read_bytes()
    pages = pdf_pages(data)
    # was about 100 before rows got 1.5 pt more padding so that stacked tone marks clear the grid (issue 18)
    assert 105 <= pages <= 118
    assert all(box == (841.8898, 595.2756) for box in media_boxes(data))
    assert drawn.count(pdf.SECRET) == 2 * pages  # top and bottom of every page
    assert f"หน้า {pages}/{pages}" in drawn


def test_secret_marker_only_for_personal_data(tmp_path, drawn):
    pdf.render(small_report(personal_data=False), tmp_path / "a.pdf")
    assert pdf.SECRET not in drawn
    pdf.render(small_report(personal_data=True), tmp_path / "b.pdf")
    assert drawn.count(pdf.SECRET) == 2
    day = dt.date(2026, 11, 24)
    marks = pdf.page_marks(small_report(personal_data=True), 2, 3, thai_digits=False, printed=day)
    assert marks["secret"] == pdf.SECRET
    assert pdf.page_marks(small_report(), 2, 3, thai_digits=False, printed=day)["secret"] == ""


def test_page_marks_and_thai_digits():
    day = dt.date(2026, 11, 24)
    report = small_report(provisional=True, as_corrected=True)
    thai = pdf.page_marks(report, 1, 3, thai_digits=True, printed=day)
    assert thai["page"] == "หน้า ๑/๓"
    assert thai["printed"] == "พิมพ์เมื่อ ๒๔ พฤศจิกายน ๒๕๖๙"
    assert thai["source"] == report.source and thai["running"] == "" and thai["status"] == ""
    arabic = pdf.page_marks(report, 2, 3, thai_digits=False, printed=day)
    assert arabic["page"] == "หน้า 2/3" and arabic["printed"] == "พิมพ์เมื่อ 24 พฤศจิกายน 2569"
    assert "ตำบลเวียงเหนือ อำเภอเมืองลำปาง จังหวัดลำปาง" in arabic["running"] and "2567" in arabic["running"]
    assert pdf.DRAFT in arabic["status"] and pdf.CORRECTED in arabic["status"]


def test_thai_digits_reach_every_string(tmp_path, drawn):
    report = samples.income()
    layout = pdf._TableLayout(report.tables[0], pdf._Digits(True))
    cells = [c for row in layout.cells for c in row]
    assert "๒๓๑,๔๕๕" in cells and "๓.๙" in cells
    assert not any(re.search(r"[0-9]", c) for c in cells)
    pdf.render(report, tmp_path / "th.pdf", thai_digits=True)
    assert drawn and not any(re.search(r"[0-9]", m) for m in drawn)
    text = pdf_text(tmp_path / "th.pdf")  # digits are drawn unshaped, so they extract exactly
    assert "๒๓๑,๔๕๕" in text and "๒๕๖๗" in text and not re.search(r"[0-9]", text)


def test_format_value():
    assert pdf.format_value(1234567, INT) == "1,234,567"
    assert pdf.format_value(12.345, PCT) == "12.3" and pdf.format_value(100, PCT) == "100.0"
    assert pdf.format_value(38999.5, MONEY) == "39,000" and pdf.format_value(2.5, MONEY) == "3"
    assert pdf.format_value(3.256, "decimal") == "3.26"
    assert pdf.format_value(None, INT) == "-" and pdf.format_value(None, TEXT) == ""
    assert pdf.format_value("n/a", PCT) == "n/a"


def test_banners_in_heading():
    def texts(report):
        out = []
        for f in pdf._heading(report, pdf._Digits(False)):
            if isinstance(f, tt.ThaiText):
                out.append(f.text)
            elif hasattr(f, "_cellvalues"):
                out.append(f._cellvalues[0][0].text)
        return " ".join(out)

    plain = texts(small_report())
    assert pdf.DRAFT not in plain and pdf.CORRECTED not in plain
    assert "ตำบลเวียงเหนือ อำเภอเมืองลำปาง จังหวัดลำปาง" in plain and "พ.ศ. 2567" in plain
    marked = texts(small_report(provisional=True, as_corrected=True))
    assert pdf.DRAFT in marked and pdf.CORRECTED in marked


def test_wide_table_goes_landscape_in_chunks_repeating_the_first_column():
    layout = pdf._TableLayout(samples.indicators().tables[1], pdf._Digits(False))
    parts = layout.parts()
    assert len(parts) >= 2 and all(o == pdf.LANDSCAPE for o, _ in parts)
    tables = [f for _o, flowables in parts for f in flowables if hasattr(f, "_cellvalues")]
    seen = []
    for table in tables:
        assert cell(table._cellvalues[0][0]).text == "ตำบล"  # the area column leads every chunk
        assert sum(table._colWidths) <= pdf.FRAME_W[pdf.LANDSCAPE] + 0.01
        seen += [cell(v).text for v in table._cellvalues[1] if isinstance(cell(v), tt.ThaiText)]
    assert seen == [str(i) for i in range(1, 39)]  # every indicator column exactly once, in order
    narrow = pdf._TableLayout(samples.population().tables[0], pdf._Digits(False)).parts()
    assert [o for o, _ in narrow] == [pdf.PORTRAIT]


def test_group_rows_span_and_headers_group():
    table = ReportTable("t", [Column("no", "ที่", TEXT), Column("name", "ตัวชี้วัด", TEXT),
                              Column("n", "จำนวน", INT, group="ผ่าน"), Column("p", "ร้อยละ", PCT, group="ผ่าน")])
    table.add(["หมวด 1 สุขภาพ", None, None, None], GROUP)
    table.add(["1", "หญิงตั้งครรภ์ได้รับการฝากครรภ์", 10, 90.0], DATA)
    layout = pdf._TableLayout(table, pdf._Digits(False))
    [(_o, flowables)] = layout.parts()
    t = flowables[-1]
    assert t.repeatRows == 2
    spans = [(c[1], c[2]) for c in t._spanCmds]
    assert ((0, 2), (-1, 2)) in spans  # the group row spans the table
    assert ((2, 0), (3, 0)) in spans and ((0, 0), (0, 1)) in spans  # "ผ่าน" over two columns
    assert cell(t._cellvalues[2][0]).font == tt.FONT_BOLD
    assert ((0, 2), (-1, 3)) in [(c[1], c[2]) for c in t._nosplitCmds]  # a หมวด heading keeps its first row


def test_failed_render_leaves_nothing(tmp_path, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf, "_MarkedCanvas", broken)
    with pytest.raises(RuntimeError):
        pdf.render(small_report(), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_all_sample_kinds_render(tmp_path):
    for kind, build in samples.ALL.items():
        rows = {"failing-income": {"rows": 60}}.get(kind, {})
        data = pdf.render(build(**rows), tmp_path / f"{kind}.pdf", thai_digits=kind == "income").read_bytes()
        assert data.startswith(b"%PDF") and pdf_pages(data) >= 1


# ---------------------------------------------------------------- Thai line breaking

def token_offsets(text: str) -> set[int]:
    from pythainlp.tokenize import word_tokenize

    offsets, pos = {0}, 0
    for tok in word_tokenize(text, engine="newmm", keep_whitespace=True):
        pos += len(tok)
        offsets.add(pos)
    return offsets


def cluster_offsets(word: str, start: int) -> set[int]:
    offsets, pos = set(), start
    for piece in tt.clusters(word):
        pos += len(piece)
        offsets.add(pos)
    return offsets


def line_starts(text: str, lines: list[str]) -> list[int]:
    """Offsets in `text` where lines 2.. begin (the dropped spaces at breaks skipped)."""
    starts, pos = [], 0
    for i, line in enumerate(lines):
        pos = text.index(line, pos)
        if i:
            starts.append(pos)
        pos += len(line)
    return starts


@pytest.mark.parametrize("font", [tt.FONT, tt.FONT_BOLD])
def test_lines_break_only_between_words(font):
    tt.register_fonts()
    size = 10
    for text in SENTENCES:
        allowed = token_offsets(text)
        words = list(tt.words(text))
        for width in range(12, 420, 9):
            lines = tt.break_lines(text, width, font, size)
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), (text, width)
            for line in lines:
                assert line and line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, (line, width)
                assert line == line.strip()
            for start in line_starts(text, lines):
                if start in allowed:
                    continue
                # only a word wider than the whole line may be cut, and then between character clusters
                pos = 0
                for word in words:
                    if pos < start < pos + len(word):
                        break
                    pos += len(word)
                assert tt.text_width(word, font, size) > width, (text, width, lines)
                assert start in cluster_offsets(word, pos), (text, width, lines)
            for line in lines:
                fits = tt.text_width(line, font, size) <= width + 0.01
                assert fits or len(tt.clusters(line)) == 1, (line, width)


def test_words_keep_numbers_and_units_whole():
    assert "12/3" in tt.words("บ้านเลขที่ 12/3 หมู่ 5")
    assert "95.3%" in tt.words("ร้อยละ 95.3%")
    assert "(บาท/ปี)" in tt.words("เฉลี่ยต่อคน (บาท/ปี)")
    assert "".join(tt.words(SENTENCES[2])) == SENTENCES[2]


def test_thai_text_flowable_rewraps_and_splits():
    tt.register_fonts()
    text = " ".join(SENTENCES)
    flow = tt.ThaiText(text, size=11)
    _w, tall = flow.wrap(150, 1000)
    _w, short = flow.wrap(400, 1000)
    assert tall > short > 0
    first, rest = flow.split(150, flow.leading * 2.5)
    assert first.wrap(150, 1000)[1] == flow.leading * 2
    assert first._fixed + rest._fixed == flow.lines(150)
    assert tt.ThaiText("สั้น").split(100, 100) != []


def test_shaping_available_and_cached():
    tt.register_fonts()
    assert tt.register_fonts() == (tt.FONT, tt.FONT_BOLD)  # idempotent
    s = tt.shaped("ที่ทำการ", tt.FONT, 10)
    assert s is tt.shaped("ที่ทำการ", tt.FONT, 10) and hasattr(s, "__shapeData__")
    assert tt.shaped("1,234", tt.FONT, 10) == "1,234" and not hasattr(tt.shaped("1,234", tt.FONT, 10), "__shapeData__")
    assert tt.has_thai("ก") and not tt.has_thai("๑๒๓ 45")


def test_chunks_repeat_the_row_label_columns_and_are_balanced():
    columns = [Column("code", "รหัส", TEXT), Column("name", "ตำบล", TEXT)]
    columns += [Column(f"i{i}", str(i), INT, group=f"หมวด {1 + (i - 1) // 8}") for i in range(1, 39)]
    table = ReportTable("จำนวนที่ไม่ผ่านเกณฑ์", columns)
    for k in range(5):
        table.add([f"52010{k}", f"ตำบลที่ {k}"] + [100 + k * i for i in range(1, 39)])  # equal widths
    layout = pdf._TableLayout(table, pdf._Digits(False))
    chunks = layout._chunks(pdf.FRAME_W[pdf.LANDSCAPE])
    assert len(chunks) >= 2
    assert all([c.index for c in chunk[:2]] == [0, 1] for chunk in chunks)
    sizes = [len(chunk) - 2 for chunk in chunks]
    assert sum(sizes) == 38 and max(sizes) - min(sizes) <= 8  # no chunk left with a few columns only
    for chunk in chunks:  # a หมวด of 8 columns is never cut in two
        groups = [columns[c.index].group for c in chunk[2:]]
        for g in set(groups):
            assert groups.count(g) == sum(1 for c in columns if c.group == g)


def test_area_line_names_levels():
    district = small_report(area_path=[("52", "ลำปาง"), ("5201", "เมืองลำปาง")], level_name="อำเภอ")
    assert pdf.area_line(district) == "อำเภอเมืองลำปาง จังหวัดลำปาง"
    village = small_report(area_path=[("52", "ลำปาง"), ("5201", "เมืองลำปาง"), ("520101", "เวียงเหนือ"),
                                      ("52010103", "หมู่ 3 บ้านหนองแก้ว")], level_name="หมู่บ้าน")
    assert pdf.area_line(village) == "หมู่ 3 บ้านหนองแก้ว ตำบลเวียงเหนือ อำเภอเมืองลำปาง จังหวัดลำปาง"
    lao = small_report(area_path=[("52", "ลำปาง"), ("5201", "เมืองลำปาง"), ("6520101", "เทศบาลนครลำปาง")],
                       level_name="อปท.")
    assert pdf.area_line(lao).startswith("เทศบาลนครลำปาง อำเภอเมืองลำปาง")


@pytest.mark.parametrize("build", [samples.indicators, samples.population, samples.income])
def test_given_row_heights_equal_reportlabs_own(build):
    """The renderer passes row heights to Table (speed); they must be what reportlab would measure."""
    for table in build().tables:
        for _orientation, flowables in pdf._TableLayout(table, pdf._Digits(False)).parts():
            ours = flowables[-1]
            given = list(ours._argH)
            ours._argH = [None] * len(given)
            ours.wrap(sum(ours._colWidths), 10**7)
            measured = ours._rowHeights
            assert all(g is None or abs(g - m) < 1e-6 for g, m in zip(given, measured)), table.title


def test_empty_table_and_no_tables_still_render(tmp_path, drawn):
    empty = ReportTable("ไม่มีแถว", [Column("a", "พื้นที่", TEXT), Column("n", "จำนวน", INT)])
    for tables in ([empty], []):
        data = pdf.render(small_report(tables=tables), tmp_path / "e.pdf").read_bytes()
        assert data.startswith(b"%PDF") and pdf_pages(data) == 1
    assert drawn.count("หน้า 1/1") == 2
