"""The follow-up report (สรุปและรายงานผลการติดตาม): visits, findings, confidence figures and corrections raised,
for the supervisor and copied to the province.

Built as a desktop.reports.model.Report, so the PDF (pdf.py: Sarabun, shaped Thai, Thai digits, page marks)
and the XLSX (tabular.py) are the same tables as every other report; files.write() writes it atomically and
records the export in the audit log (the findings list households).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, text

from desktop.models import areas, backcheck, backcheck_corrections, backcheck_items, confidence, corrections, surveys
from desktop.models import monitoring_settings as ms
from desktop.models import visits as visits_model
from desktop.models.errors import UserError
from desktop.models.monitoring_messages import msg
from desktop.reports import numbers
from desktop.reports.model import CODE, DATA, GROUP, INT, PCT, TEXT, TOTAL, Column, Report, ReportTable

KIND = "followup"
TITLE = "สรุปและรายงานผลการติดตามการจัดเก็บข้อมูล จปฐ."
KPI_WORDS = {"green": "ผ่านเกณฑ์", "amber": "ใกล้เกณฑ์", "red": "ต่ำกว่าเกณฑ์", "none": "-"}
LEVEL_NAMES = {2: "จังหวัด", 4: "อำเภอ", 6: "ตำบล", 8: "หมู่บ้าน"}


def _figure_columns(first: str) -> list[Column]:
    return [Column("key", first, TEXT, width=3), Column("compared", "รายการที่เปรียบเทียบ", INT),
            Column("matched", "ตรงกัน", INT), Column("percent", "ความเชื่อมั่น (ร้อยละ)", PCT),
            Column("kpi", "ผลเทียบเป้าหมาย", TEXT)]


def _figure_row(label: str, f: confidence.Figure, settings: ms.MonitoringSettings) -> list:
    return [label, f.compared, f.matched, _kpi_percent(f.percent, settings), KPI_WORDS[settings.kpi_colour(f.percent)]]


def _done_and_planned(vs, level: str) -> tuple[int, str]:
    done = sum(v.level == level and not v.planned for v in vs)
    planned = sum(v.level == level and v.planned for v in vs)
    return done, (f"วางแผนไว้อีก {planned} ครั้ง" if planned else "")


def _overview(s: confidence.Summary, vs, sampled: int, answered: int, raised: int, settings) -> ReportTable:
    """Counts and percentages in number columns (numeric cells in XLSX: a sum over districts works)."""
    t = ReportTable("1. สรุปผล", [Column("item", "รายการ", TEXT, width=3), Column("count", "จำนวน", INT),
                                  Column("percent", "ร้อยละ", PCT), Column("note", "หมายเหตุ", TEXT, width=2)],
                    key="overview")
    district, province = _done_and_planned(vs, "district"), _done_and_planned(vs, "province")
    for label, count, percent, note in (
        ("การติดตามระดับอำเภอ (ครั้ง)", district[0], None, district[1]),
        ("การติดตามระดับจังหวัด (ครั้ง)", province[0], None, province[1]),
        ("หมู่บ้านที่ไปติดตาม", len({c for v in vs for c in v.villages}), None, ""),
        ("ครัวเรือนตัวอย่าง", sampled, None, ""),
        ("ครัวเรือนที่ตรวจสอบซ้ำแล้ว", answered, None, ""),
        ("รายการที่เปรียบเทียบ", s.overall.compared, None, ""),
        ("รายการที่ตรงกัน", s.overall.matched, None, ""),
        ("ความเชื่อมั่นของข้อมูล", None, _kpi_percent(s.overall.percent, settings),
         "ผลเทียบเป้าหมาย: " + KPI_WORDS[settings.kpi_colour(s.overall.percent)]),
        ("เป้าหมาย", None, settings.kpi_target, "ไม่น้อยกว่า"),
        ("วิธีรวมผล", None, None, "ถ่วงน้ำหนักตามจำนวนรายการ" if s.mode == "items" else "ค่าเฉลี่ยของหมู่บ้าน"),
        ("การแก้ไขข้อมูลที่ส่งจากการติดตาม (รายการ)", raised, None, ""),
    ):
        t.add([label, count, percent, note])
    return t


def _kpi_percent(percent, settings):
    """The confidence as printed beside its target: 94.96 against 95 prints 94.96, never "95.0"."""
    return None if percent is None else numbers.against_threshold(percent, settings.kpi_target, PCT)


def _visits_table(conn: Connection, vs, settings) -> ReportTable:
    t = ReportTable("8. รายละเอียดการติดตาม", [
        Column("date", "วันที่", TEXT, width=1.4), Column("code", "รหัสการติดตาม", CODE),
        Column("level", "ระดับ", TEXT, width=0.8),
        Column("villages", "หมู่บ้านที่ติดตาม", TEXT, width=3, names=True),
        Column("visitors", "ผู้ติดตาม", TEXT, width=3, names=True),
        Column("checklist", "การดำเนินงานที่ทำแล้ว (ข้อ)", INT), Column("checklist_of", "จากทั้งหมด (ข้อ)", INT),
        Column("sampled", "ตัวอย่าง", INT),
        Column("answered", "ตรวจซ้ำแล้ว", INT), Column("notes", "หมายเหตุ", TEXT, width=2)], key="visits")
    names = areas.names_of(conn, sorted({c for v in vs for c in v.villages}))
    for v in vs:
        sample = backcheck.current_sample(conn, v.visit_id)
        answered = len(backcheck.answers_of(conn, v.visit_id))
        yes = sum(1 for key, _ in settings.checklist if v.checklist.get(key) is True)
        # the visit code stays in Latin letters and Arabic digits: people type it back
        t.add([v.date_be + (" (วางแผน)" if v.planned else ""), v.short_code, visits_model.LEVEL_LABELS[v.level],
               ", ".join(names.get(c, c) for c in v.villages),
               ", ".join(f"{p.name} {p.position}".strip() for p in v.visitors), yes, len(settings.checklist),
               len(sample.all_ids()) if sample else 0, answered, v.notes])
    return t


def _areas_table(conn: Connection, s: confidence.Summary, settings) -> ReportTable:
    # the area code in a column of its own: it is typed back (`--area`), so it keeps its Arabic digits
    t = ReportTable("2. ความเชื่อมั่นของข้อมูลรายพื้นที่", [Column("code", "รหัส", CODE), *_figure_columns("พื้นที่")],
                    key="areas")
    codes = sorted({f.key for figs in s.levels.values() for f in figs})
    names = areas.names_of(conn, codes)
    for level in ("district", "tambon", "village"):
        figs = s.levels.get(level) or []
        if not figs:
            continue
        t.add([LEVEL_NAMES[confidence.LEVEL_LENGTHS[level]], None, None, None, None, ""], GROUP)
        for f in figs:
            t.add([f.key, *_figure_row(names.get(f.key, f.key), f, settings)], DATA, {"area": f.key})
    t.add(["", *_figure_row("รวม", s.overall, settings)], TOTAL)
    return t


def _breakdowns(s: confidence.Summary, survey, settings) -> list[ReportTable]:
    ind = ReportTable("3. ความเชื่อมั่นรายตัวชี้วัด", _figure_columns("ตัวชี้วัด"), key="indicators")
    for f in s.indicators:
        name = next((i.name_th for i in survey.indicator_set.indicators if str(i.no) == f.key), "")
        ind.add(_figure_row(f"{f.key} {name}", f, settings))
    kinds = {"members": "จำนวนสมาชิก", "age": "อายุสมาชิก", "answer": "คำตอบตัวชี้วัด", "income": "รายได้"}
    other = ReportTable("4. ความเชื่อมั่นตามประเภทรายการและผู้จัดเก็บข้อมูล", _figure_columns("กลุ่ม"), key="groups")
    other.add(["ประเภทรายการ (แบบ bcstats)", None, None, None, ""], GROUP)
    for f in s.classes:
        other.add(_figure_row(f"ประเภท {f.key}: {ms.CLASS_LABELS.get(int(f.key), '')}", f, settings))
    other.add(["รายการ", None, None, None, ""], GROUP)
    for f in s.kinds:
        other.add(_figure_row(kinds.get(f.key, f.key), f, settings))
    other.add(["ผู้จัดเก็บข้อมูล", None, None, None, ""], GROUP)
    for f in s.collectors:
        other.add(_figure_row(f.key, f, settings))
    return [ind, other]


def _findings(conn: Connection, s: confidence.Summary, survey, settings) -> ReportTable:
    t = ReportTable("5. ข้อค้นพบ: รายการที่ไม่ตรงกับข้อมูลเดิม", [
        Column("village", "หมู่บ้าน", TEXT, width=2), Column("house_no", "บ้านเลขที่", TEXT),
        Column("house_code", "รหัสบ้าน", CODE, width=1.5), Column("item", "รายการ", TEXT, width=3.5),
        Column("recorded", "ข้อมูลเดิม", TEXT), Column("checked", "ตรวจซ้ำ", TEXT),
        Column("cls", "ประเภท", INT, width=0.6)], key="findings")
    ids = sorted({c.household_id for c in s.mismatches})
    rows = {r.id: r for r in conn.execute(text(
        "SELECT id, house_no, house_code FROM household WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(ids)})}
    names = areas.names_of(conn, sorted({c.village for c in s.mismatches}))
    for c in s.mismatches:
        h = rows.get(c.household_id)
        t.add([names.get(c.village, c.village), h.house_no if h else "", h.house_code if h else "",
               backcheck_items.item(survey, settings, c.key).label, c.recorded, c.checked, c.cls])
    return t


def _corrections_table(raised: list[corrections.CorrectionState], conn: Connection) -> ReportTable:
    t = ReportTable("6. การแก้ไขข้อมูลที่เกิดจากการติดตาม", [
        Column("house_code", "รหัสบ้าน", CODE, width=1.5), Column("item", "รายการ", TEXT, width=3),
        Column("old", "ค่าเดิม", TEXT), Column("new", "ค่าที่ถูกต้อง", TEXT),
        Column("status", "สถานะ", TEXT), Column("reason", "เหตุผล", TEXT, width=3)], key="corrections")
    codes = dict(conn.execute(text(
        "SELECT id, house_code FROM household WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(sorted({s.household_id for s in raised}))}).all())
    for s in raised:
        t.add([codes.get(s.household_id, str(s.household_id)), s.label, s.old_value, s.new_value,
               corrections.STATUS_LABELS[s.status], s.reason])
    return t


def _kpi_table(conn: Connection, survey_year: int, area_code: str, settings) -> ReportTable:
    top, rows = confidence.kpi_board(conn, survey_year, area_code[:2])
    t = ReportTable("7. ตัวชี้วัดการติดตาม (KPI) รายอำเภอ", [
        Column("area", "พื้นที่", TEXT, width=2, names=True), Column("visits", "ติดตามแล้ว (ครั้ง)", INT),
        Column("visits_required", "ที่กำหนด (ครั้ง)", INT),
        Column("sampled", "ครัวเรือนตัวอย่าง", INT), Column("answered", "ตรวจซ้ำแล้ว", INT),
        Column("percent", "ความเชื่อมั่น (ร้อยละ)", PCT), Column("missing", "สิ่งที่ยังขาด", TEXT, width=4)], key="kpi")
    for r in [x for x in rows if x.area_code.startswith(area_code[:4])] + [top]:
        t.add([r.name, r.visits_done, r.visits_required, r.sampled, r.answered, _kpi_percent(r.confidence.percent, settings),
               "; ".join(r.missing) or "ครบ"], TOTAL if r is top else DATA)
    return t


def build(conn: Connection, survey_year: int, area_code: str) -> Report:
    """The follow-up report of the visits of a year touching an area (2, 4, 6 or 8-digit code)."""
    survey = surveys.get(conn, survey_year)
    if survey is None:
        raise UserError(msg("mon_no_year", year=survey_year))
    settings = ms.load(conn)
    vs = visits_model.visits(conn, survey_year, area_code)
    s = confidence.summary(conn, survey_year, area_code)
    samples = [backcheck.current_sample(conn, v.visit_id) for v in vs]
    sampled = sum(1 for smp in samples if smp for h_village, ids in smp.households.items()
                  if h_village.startswith(area_code) for _ in ids)
    answered = sum(1 for a in backcheck.answers_in(conn, [v.visit_id for v in vs])
                   if str(a.village).startswith(area_code))
    raised = [c for v in vs for c in backcheck_corrections.raised_for(conn, v)]
    path = areas.name_path(conn, area_code)
    # portrait tables first, the wide list of visits last: fewer page turns between orientations
    tables = [_overview(s, vs, sampled, answered, len(raised), settings), _areas_table(conn, s, settings),
              *_breakdowns(s, survey, settings), _findings(conn, s, survey, settings), _corrections_table(raised, conn)]
    if len(area_code) <= 4:
        tables.append(_kpi_table(conn, survey_year, area_code, settings))
    tables.append(_visits_table(conn, vs, settings))
    notes = [
        "ความเชื่อมั่น = จำนวนรายการที่ตรงกับข้อมูลเดิม ÷ จำนวนรายการที่เปรียบเทียบ × 100 (ตามเกณฑ์ความคลาดเคลื่อนที่ตั้งไว้)",
        f"ขนาดตัวอย่าง: {backcheck.sample_size_note(settings)}"
        + (" แบ่งชั้นตามครัวเรือนที่ไม่ผ่านตัวชี้วัด" if settings.stratify else ""),
        "วิธีการนี้เป็นค่าเริ่มต้นที่ปรับได้ เนื่องจากยังไม่มีแบบสรุปความเชื่อมั่นฉบับทางการที่เผยแพร่",
        "เรียน ผู้บังคับบัญชา  สำเนาเรียน สำนักงานพัฒนาชุมชนจังหวัด",
    ]
    from desktop.reports.builders import mark_demo

    return mark_demo(conn, Report(KIND, TITLE, "Monitoring follow-up report", area_code, path,
                                  LEVEL_NAMES.get(len(area_code), ""), survey_year, survey.period,
                                  survey.indicator_set.title_th, survey.indicator_set.provisional, True, tables, notes,
                                  generated_at=dt.datetime.now()))
