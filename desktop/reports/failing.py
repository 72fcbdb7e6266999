"""รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์ตัวชี้วัดรายได้: the households failing the income indicator of the
year's set (the indicator whose rule is "income": 29 in 2566–2570, 22 in 2560–2564), by village then
house number in natural order.

Shortfall is per household: threshold × members − total income (what the household as a whole
lacks to pass); the column label says so. No national ID is listed (house code and head's name are
enough to find the household); the report still carries personal data (names, incomes).
"""

from __future__ import annotations

from sqlalchemy import text

from desktop.models.errors import UserError
from desktop.reports import numbers
from desktop.reports.builders import Context, child_names, message, new_report, ratio
from desktop.reports.model import CODE, INT, MONEY, TEXT, TOTAL, Column, Report, ReportTable

INCOME = "(h.inc_main + h.inc_second + h.inc_other + h.inc_produce)"


def build(ctx: Context) -> Report:
    survey = ctx.survey
    ind_set = survey.indicator_set
    indicator = ind_set.income_indicator()
    if indicator is None:
        raise UserError(message("no_income_indicator", year=survey.year))
    threshold = ind_set.threshold(survey.year)
    position = ind_set.indicators.index(indicator) + 1
    title = (f"รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์ตัวชี้วัดที่ {indicator.no} (รายได้เฉลี่ยต่อคนต่อปี)",
             f"Households failing indicator {indicator.no} (average income per person per year)")
    report = new_report("failing-income", title, ctx.area, survey, personal=True)
    report.notes.append(f"เกณฑ์ตัวชี้วัดที่ {indicator.no}: รายได้เฉลี่ยไม่น้อยกว่า {threshold:,} บาท/คน/ปี"
                        f" (ปีสำรวจ {survey.year});"
                        " รายได้ที่ขาด = เกณฑ์ × จำนวนสมาชิก − รายได้รวมของครัวเรือน")
    report.tables.append(_table(ctx, position, threshold))
    if not report.tables[0].rows[:-1]:
        report.notes.append("ไม่มีครัวเรือนที่ไม่ผ่านเกณฑ์ในพื้นที่นี้")
    return report


def _rows(ctx: Context, position: int) -> list:
    """(id, village, house_no, house_code, head, members, income) in list order."""
    where, params = ctx.area.scope.where("h.")
    params = {"y": ctx.survey.year, **params}
    if not ctx.from_rows:  # the summary copy (summary.py), already in list order
        return ctx.conn.execute(
            text(
                "SELECT household_id, village, house_no, house_code, head_name, members, income"
                f" FROM report_income_failing h WHERE survey_year = :y AND {where}"
                " ORDER BY village, house_sort, household_id"
            ),
            params,
        ).all()
    return ctx.conn.execute(
        text(
            f"SELECT h.id, h.village, h.house_no, h.house_code, h.head_name, h.n_members, {INCOME} FROM household h"
            f" WHERE h.survey_year = :y AND {where} AND substr(h.results, :pos, 1) = 'F'"
            " ORDER BY h.village, h.house_sort, h.id"
        ),
        {**params, "pos": position},
    ).all()


def _table(ctx: Context, position: int, threshold: int) -> ReportTable:
    table = ReportTable(
        "ครัวเรือนที่ไม่ผ่านเกณฑ์รายได้",
        [Column("seq", "ลำดับ", INT, "No.", width=0.5),
         Column("house_no", "บ้านเลขที่", TEXT, "House no.", width=0.8),
         Column("house_code", "รหัสบ้าน", CODE, "House code", width=1.3),
         Column("village", "หมู่บ้าน", TEXT, "Village", width=1.8, names=True),
         Column("tambon", "ตำบล", TEXT, "Tambon", width=1.2, names=True),
         Column("head", "หัวหน้าครัวเรือน", TEXT, "Head of household", width=2, names=True),
         Column("members", "สมาชิก (คน)", INT, "Members", width=0.6),
         Column("income", "รายได้รวม (บาท/ปี)", MONEY, "Total income (baht/year)"),
         Column("income_pp", "รายได้เฉลี่ยต่อคน (บาท/ปี)", MONEY, "Income per person (baht/year)"),
         Column("shortfall", f"รายได้ที่ขาดทั้งครัวเรือน (บาท/ปี) = {threshold:,} × สมาชิก − รายได้รวม", MONEY,
                f"Household shortfall (baht/year) = {threshold:,} × members − total income", width=1.4)],
        title_en="Households failing the income indicator", key="households",
    )
    rows = _rows(ctx, position)
    villages = sorted({str(r[1]) for r in rows})
    names = child_names(ctx.conn, villages + sorted({v[:6] for v in villages}))
    members_sum = income_sum = shortfall_sum = 0
    for seq, (hid, village, house_no, house_code, head, members, income) in enumerate(rows, start=1):
        code = str(village)
        shortfall = threshold * members - income
        # printed with the places the threshold needs: 39,999.50 fails 40,000 and never prints as "40,000"
        per_person = numbers.against_threshold(ratio(income, members), threshold) if members else None
        table.add([seq, house_no, house_code, names[code], names[code[:6]], head, members, income,
                   per_person, shortfall], key={"area": code, "household": hid})
        members_sum, income_sum, shortfall_sum = members_sum + members, income_sum + income, shortfall_sum + shortfall
    table.add([None, None, None, None, None, f"รวม {len(rows):,} ครัวเรือน", members_sum, income_sum,
               ratio(income_sum, members_sum), shortfall_sum], TOTAL, {"area": ctx.area.code})
    return table
