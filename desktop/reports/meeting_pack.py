"""The meeting pack: everything a working group looks at in one meeting of an area, built once and rendered
as one PDF (pack_pdf.py), one XLSX (pack_xlsx.py), PowerPoint slides (pack_pptx.py) or shown on the
projector (desktop/views/projector.py).

    pack = build(conn, "5201", 2567, meeting=Meeting(...), status_of=..., progress=..., cancel=...)

Contents: a cover (meeting, date in พ.ศ., place), a one-page summary (households, members, pass rate per
หมวด, the failing-income count, confidence and certification status of the area and each child area), the
four reports for the area and for each child area — tambons and อปท. for a district, districts for a
province, อปท. for a tambon — and the attendance/signature sheet from the area's roster. Every figure in
the summary is read from the very reports the pack carries, so the summary and the reports agree.

Certification sits above reports (DESIGN.md §2), so the caller passes `status_of(conn, code, year)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Connection

from desktop.models import areas, confidence, roster, surveys
from desktop.models.dates import thai_date
from desktop.reports import builders, figures
from desktop.reports.model import DATA, KINDS, TOTAL, Report

KIND_SHORT = {"population": "ประชากร", "indicators": "ตัวชี้วัด", "income": "รายได้/รายจ่าย",
              "failing-income": "ไม่ผ่านเกณฑ์รายได้"}
KIND_SHORT_EN = {"population": "Population", "indicators": "Indicators", "income": "Income/expense",
                 "failing-income": "Failing income"}
BLANK_ROWS = 5  # extra lines on the signature sheet for people not on the roster
StatusOf = Callable[[Connection, str, int], str]


@dataclass(frozen=True)
class Meeting:
    title: str = ""  # default: "การประชุมคณะทำงาน … ระดับอำเภอ…"
    date: dt.date | None = None  # default: today
    place: str = ""


@dataclass
class AreaSection:
    """One area of the pack (the pack's own area first) with its four reports."""

    code: str
    name: str  # "อำเภอเมืองลำปาง", "ตำบลพระบาท", "อบต.ชมพู"
    group: str  # "" for the pack's area, else "ตำบล", "อปท.", "อำเภอ"
    reports: dict[str, Report] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryRow:
    code: str
    name: str
    group: str
    households: int
    members: int
    category_rates: dict[int, float | None]  # หมวด -> mean of its indicators' pass rates
    failing_income: int
    confidence: float | None
    status: str


@dataclass
class Pack:
    area_code: str
    area_name: str
    year: int
    meeting: Meeting
    categories: list[tuple[int, str]]  # (หมวด number, name)
    sections: list[AreaSection]
    summary: list[SummaryRow]
    roster: list[roster.RosterMember]
    provisional: bool

    @property
    def date_text(self) -> str:
        return thai_date(self.meeting.date or dt.date.today())

    @property
    def personal_data(self) -> bool:
        return any(r.personal_data for s in self.sections for r in s.reports.values())

    def reports(self):
        for section in self.sections:
            for kind in KINDS:
                if kind in section.reports:
                    yield section, kind, section.reports[kind]


def default_title(area_title: str) -> str:
    """"การประชุมคณะทำงานบริหารการจัดเก็บข้อมูล จปฐ. ระดับอำเภอเมืองลำปาง" (an อปท. by its own name)."""
    return f"การประชุมคณะทำงานบริหารการจัดเก็บข้อมูล จปฐ. ระดับ{area_title}"


def children(conn: Connection, area: builders.Area, year: int) -> list[tuple[str, str, str]]:
    """[(code, name, group)]: tambons then อปท. of a district, districts of a province, อปท. of a tambon;
    only those with households in the year."""
    out: list[tuple[str, str, str]] = []
    code = area.code
    if not code.isdigit() or len(code) == 8:
        return out
    if len(code) in (2, 4):
        below = [n for n in areas.tree(conn, year) if n.parent == code]
        prefix = "อำเภอ" if len(code) == 2 else "ตำบล"
        out += [(n.code, prefix + n.name_th, prefix) for n in below]
    if len(code) in (4, 6):
        for lao in areas.laos_within(conn, code):
            scope = builders.resolve_area(conn, lao.code).scope
            if scope.villages and figures.has_data(conn, year, scope):
                out.append((lao.code, lao.name, "อปท."))
    return out


def build(conn: Connection, area_code: str, year: int | None, *, meeting: Meeting | None = None,
          status_of: StatusOf | None = None, progress: Callable[[int, int], None] | None = None,
          cancel: Callable[[], object] | None = None, lists: bool = True) -> Pack:
    """Every report of the pack, from the store (reports raise UserError for a bad area or year).
    lists=False leaves out the lists of households failing the income indicator (personal data; their
    count stays in the summary)."""
    first = builders.build(conn, "population", area_code, year)
    year = first.survey_year
    area = builders.resolve_area(conn, area_code)
    kids = children(conn, area, year)
    sections = [AreaSection(area.code, area.title, "")] + [AreaSection(c, n, g) for c, n, g in kids]
    kinds = KINDS if lists else tuple(k for k in KINDS if k != "failing-income")
    total = len(sections) * len(kinds)
    done = 0
    for section in sections:
        for kind in kinds:
            if cancel is not None:
                cancel()
            section.reports[kind] = first if (section.code, kind) == (area.code, "population") else \
                builders.build(conn, kind, section.code, year)
            done += 1
            if progress is not None:
                progress(done, total)
    ind_table = sections[0].reports["indicators"].tables[0]
    categories = [(key["category"], row[0]) for row, kind, key in
                  zip(ind_table.rows, ind_table.row_kinds, ind_table.row_keys) if "category" in key]
    meeting = meeting or Meeting()
    if not meeting.title:
        meeting = Meeting(default_title(area.title), meeting.date, meeting.place)
    members = roster.current(conn, roster.level_of(area.code), area.code)
    income = surveys.get(conn, year).indicator_set.income_indicator()
    summary = [_summary_row(conn, s, year, status_of, income.no if income else None) for s in sections]
    return Pack(area.code, area.title, year, meeting, categories, sections, summary, members, first.provisional)


# ---------------------------------------------------------------- the summary, read from the reports

def households_members(report: Report) -> tuple[int, int]:
    """From the population report's overview table (households, male, female, persons, ...)."""
    overview = next(t for t in report.tables if t.key == "overview")
    row = overview.rows[0]
    return row[0], row[3]


def category_rates(report: Report) -> dict[int, float | None]:
    """หมวด -> the mean of its indicators' pass rates (indicators without a rate left out)."""
    table = next(t for t in report.tables if t.key == "indicators")
    at = [c.key for c in table.columns].index("passed_pct")
    rates: dict[int, list[float]] = {}
    current = 0
    for row, kind, key in zip(table.rows, table.row_kinds, table.row_keys):
        if "category" in key:
            current = key["category"]
            rates.setdefault(current, [])
        elif kind == DATA and row[at] is not None:
            rates.setdefault(current, []).append(row[at])
    return {no: (round(sum(v) / len(v), 2) if v else None) for no, v in rates.items()}


def failing_count(report: Report, indicator: int | None) -> int:
    """Households failing the income indicator, from the indicator report's own row (the same count as the
    failing-income list's rows)."""
    table = next(t for t in report.tables if t.key == "indicators")
    at = [c.key for c in table.columns].index("failed")
    return next((row[at] for row, key in zip(table.rows, table.row_keys) if key.get("indicator") == indicator), 0)


def _summary_row(conn: Connection, section: AreaSection, year: int, status_of: StatusOf | None,
                 income_no: int | None) -> SummaryRow:
    households, members = households_members(section.reports["population"])
    percent = None
    if section.code.isdigit():  # confidence is kept per numeric area (visits are to villages)
        percent = confidence.summary(conn, year, section.code).overall.percent
    status = status_of(conn, section.code, year) if status_of is not None else ""
    return SummaryRow(section.code, section.name, section.group, households, members,
                      category_rates(section.reports["indicators"]),
                      failing_count(section.reports["indicators"], income_no), percent, status)


# ---------------------------------------------------------------- the summary as a report (paper, Excel, screen)

GROUP_HEADINGS = {"ตำบล": "รายตำบล", "อปท.": "รายองค์กรปกครองส่วนท้องถิ่น (อปท.)", "อำเภอ": "รายอำเภอ"}


def summary_report(pack: Pack) -> Report:
    """The one-page summary as a Report: the area's row, then its child areas under a heading per group."""
    from desktop.reports.model import DECIMAL, GROUP, INT, PCT, TEXT, Column, ReportTable

    first = pack.sections[0].reports["population"]
    report = Report(kind="summary", title="สรุปภาพรวมเพื่อการประชุม", title_en="Meeting summary",
                    area_code=pack.area_code, area_path=first.area_path, level_name=first.level_name,
                    survey_year=pack.year, indicator_period=first.indicator_period,
                    indicator_title=first.indicator_title, provisional=first.provisional, personal_data=False)
    columns = [Column("name", "พื้นที่", TEXT, "Area", width=3),
               Column("households", "ครัวเรือน", INT, "Households"),
               Column("members", "สมาชิก (คน)", INT, "Members")]
    columns += [Column(f"cat_{no}", f"หมวด {no}", PCT, f"Category {no} %", "ร้อยละผ่านเกณฑ์ (เฉลี่ยรายหมวด)", 0.7)
                for no, _name in pack.categories]
    columns += [Column("failing_income", "ไม่ผ่านเกณฑ์รายได้ (ครัวเรือน)", INT, "Failing income (households)"),
                Column("confidence", "ความเชื่อมั่น (ร้อยละ)", DECIMAL, "Confidence %"),
                Column("status", "การรับรอง", TEXT, "Certification", width=1.6)]
    table = ReportTable("ครัวเรือน สมาชิก ผลตัวชี้วัดรายหมวด และการรับรอง", columns,
                        title_en="Households, members, results by category and certification", key="summary")
    group = None
    for row in pack.summary:
        if row.group and row.group != group:
            group = row.group
            table.add([GROUP_HEADINGS.get(group, group)] + [None] * (len(columns) - 1), GROUP)
        values = [row.name, row.households, row.members]
        values += [row.category_rates.get(no) for no, _name in pack.categories]
        values += [row.failing_income, row.confidence, row.status or "-"]
        table.add(values, DATA if row.group else TOTAL, {"area": row.code})
    report.tables.append(table)
    report.notes.append("ร้อยละผ่านเกณฑ์รายหมวด = ค่าเฉลี่ยของร้อยละผ่านเกณฑ์ของตัวชี้วัดในหมวดนั้น (ดูรายตัวชี้วัดในรายงานผลตัวชี้วัด)")
    report.notes.append(" · ".join(name for _no, name in pack.categories))
    report.notes.append("ความเชื่อมั่น: จากการตรวจสอบซ้ำ (back-check) ในการติดตามของอำเภอ/จังหวัด; '-' = ยังไม่มีการตรวจสอบ")
    return report


def status_text(certification) -> str:
    """"รับรองแล้ว 15 ก.ค. 67" for an active certification (anything with .certified_at, ISO), else
    "ยังไม่รับรอง". Certification sits above reports; callers look it up and pass it in."""
    if certification is None:
        return "ยังไม่รับรอง"
    day = dt.date.fromisoformat(str(certification.certified_at)[:10])
    return f"รับรองแล้ว {thai_date(day, short=True)}"
