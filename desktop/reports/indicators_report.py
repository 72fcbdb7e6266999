"""รายงานผลตัวชี้วัด: per indicator, grouped by หมวด, how many were surveyed, passed and failed; then
the failing counts of every indicator per child area.

Person indicators count persons: surveyed = target persons of the households with a result, failed
= failing persons. Household indicators count households with a result (P or F; '-' is not counted).
"""

from __future__ import annotations

from desktop.reports import numbers
from desktop.reports.builders import Context, level_names, new_report, pct
from desktop.reports.figures import Figures, total
from desktop.reports.model import CODE, GROUP, INT, PCT, TEXT, TOTAL, Column, Report, ReportTable

TITLE = ("รายงานผลตัวชี้วัด จปฐ.", "BMN indicator pass/fail report")
UNITS = {"person": ("คน", "persons"), "household": ("ครัวเรือน", "households")}


def surveyed_failed(unit: str, counts: list[int] | None) -> tuple[int, int]:
    """(surveyed, failed) of one indicator from [households, households failed, persons, persons failed]."""
    if not counts:
        return 0, 0
    households, households_failed, persons, persons_failed = counts
    return (persons, persons_failed) if unit == "person" else (households, households_failed)


def build(ctx: Context) -> Report:
    area, survey = ctx.area, ctx.survey
    children = ctx.figures(indicators=True)
    whole = total(children)
    report = new_report("indicators", TITLE, area, survey)
    report.notes.append("ตัวชี้วัดหน่วย \"คน\" นับจำนวนคนในกลุ่มเป้าหมาย ตัวชี้วัดหน่วย \"ครัวเรือน\" นับครัวเรือนที่มีผล"
                        " (ไม่นับครัวเรือนที่ไม่มีกลุ่มเป้าหมายหรือไม่มีคำตอบ)")
    report.tables.append(_by_indicator(ctx, whole))
    if area.child_level is not None:
        report.tables.append(_by_child(ctx, children, whole))
    return report


def _by_indicator(ctx: Context, whole: Figures) -> ReportTable:
    ind_set = ctx.survey.indicator_set
    passed, failed = "ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์"
    table = ReportTable(
        "ผลการสำรวจรายตัวชี้วัด",
        [Column("no", "ตัวชี้วัดที่", INT, "No.", width=0.6),
         Column("name", "ตัวชี้วัด", TEXT, "Indicator", width=5),
         Column("unit", "หน่วย", TEXT, "Unit", width=0.8),
         Column("surveyed", "จำนวนที่สำรวจ", INT, "Surveyed"),
         Column("passed", "จำนวน", INT, "Passed", passed),
         Column("passed_pct", "ร้อยละ", PCT, "Passed %", passed, 0.7),
         Column("failed", "จำนวน", INT, "Failed", failed),
         Column("failed_pct", "ร้อยละ", PCT, "Failed %", failed, 0.7)],
        title_en="Results by indicator", key="indicators",
    )
    code = ctx.area.code
    width = len(table.columns)
    for category in ind_set.categories:
        members = [ind for ind in ind_set.indicators if ind.category == category.no]
        if not members:
            continue
        table.add([f"หมวด {category.no} {category.name_th}"] + [None] * (width - 1), GROUP, {"category": category.no})
        for ind in members:
            surveyed, fail = surveyed_failed(ind.unit, whole.indicators.get(ind.no))
            passing = pct(surveyed - fail, surveyed)
            table.add(  # the failing % is 100 − the passing % as printed: the pair adds up to 100
                [ind.no, ind.name_th, UNITS[ind.unit][0], surveyed, surveyed - fail, passing, fail,
                 numbers.complement(passing)],
                key={"area": code, "indicator": ind.no},
            )
    return table


def _by_child(ctx: Context, children: dict[str, Figures], whole: Figures) -> ReportTable:
    ind_set = ctx.survey.indicator_set
    level_th, level_en = level_names(ctx.area.child_level)
    names = ctx.child_names(children)
    category_of = {c.no: f"หมวด {c.no}" for c in ind_set.categories}
    columns = [Column("code", "รหัส", CODE, "Code"), Column("name", level_th, TEXT, level_en, width=2.5, names=True)]
    columns += [Column(f"ind_{ind.no}", str(ind.no), INT, f"{ind.no} ({UNITS[ind.unit][1]})",
                       category_of.get(ind.category, ""), 0.5) for ind in ind_set.indicators]
    table = ReportTable(
        f"จำนวนที่ไม่ผ่านเกณฑ์ จำแนกตาม{level_th} (คน หรือ ครัวเรือน ตามหน่วยของตัวชี้วัด)", columns,
        title_en=f"Failing counts by {level_en.lower()} (persons or households, by the indicator's unit)",
        key="areas",
    )
    for code, f in children.items():
        table.add(_failing_row(ind_set, code, names[code], f), key={"area": code})
    table.add(_failing_row(ind_set, ctx.area.code, f"รวม{ctx.area.title}", whole), TOTAL, {"area": ctx.area.code})
    return table


def _failing_row(ind_set, code: str, name: str, f: Figures) -> list:
    return [code, name] + [surveyed_failed(ind.unit, f.indicators.get(ind.no))[1] for ind in ind_set.indicators]
