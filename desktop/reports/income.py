"""รายงานรายได้/รายจ่ายเฉลี่ย: average income, expense and remainder per household and per person
(บาท/ปี), for the area and per child area, with the previous survey year beside it when the store
has households of the area in an earlier year (the latest such year).

Income = main occupation + secondary occupation + other income + value of own produce consumed;
expense = production + necessary + unnecessary consumption + debt service (bmn.md §3.3). Per
household = sum ÷ households; per person = sum ÷ members.
"""

from __future__ import annotations

from fractions import Fraction

from desktop.reports.builders import Context, level_names, new_report, pct, ratio
from desktop.reports.figures import MONEY, Figures, total
from desktop.reports.model import CODE, INT, MONEY as MONEY_KIND, PCT, TEXT, TOTAL, Column, Report, ReportTable

TITLE = ("รายงานรายได้และรายจ่ายเฉลี่ย", "Average income and expense report")
ITEMS = {
    "inc_main": ("รายได้จากอาชีพหลัก", "Main occupation"),
    "inc_second": ("รายได้จากอาชีพรอง", "Secondary occupation"),
    "inc_other": ("รายได้อื่น ๆ", "Other income"),
    "inc_produce": ("มูลค่าผลผลิตที่ผลิตเพื่อบริโภคเอง", "Own produce consumed"),
    "exp_production": ("รายจ่ายเพื่อการผลิต", "Production costs"),
    "exp_necessary": ("รายจ่ายเพื่อการบริโภคที่จำเป็น", "Necessary consumption"),
    "exp_unnecessary": ("รายจ่ายเพื่อการบริโภคที่ไม่จำเป็น", "Unnecessary consumption"),
    "exp_debt": ("รายจ่ายชำระหนี้สิน", "Debt service"),
}


def build(ctx: Context) -> Report:
    area, survey = ctx.area, ctx.survey
    children = ctx.figures()
    whole = total(children)
    previous = ctx.previous_year()
    before = ctx.figures(year=previous) if previous else {}
    report = new_report("income", TITLE, area, survey)
    report.notes.append("รายได้ = อาชีพหลัก + อาชีพรอง + รายได้อื่น + มูลค่าผลผลิตที่บริโภคเอง; รายจ่าย = การผลิต"
                        " + การบริโภคที่จำเป็น + ไม่จำเป็น + ชำระหนี้; ต่อครัวเรือน = ผลรวม ÷ จำนวนครัวเรือน,"
                        " ต่อคน = ผลรวม ÷ จำนวนสมาชิก")
    report.notes.append(f"ครัวเรือน {whole.households:,} ครัวเรือน สมาชิก {whole.persons:,} คน")
    if previous:
        report.notes.append(f"เปรียบเทียบกับปีสำรวจ {previous}")
    report.tables.append(_summary(ctx, whole, total(before) if previous else None, previous))
    if area.child_level is not None:
        report.tables.append(_by_child(ctx, children, whole, before, previous))
    return report


def _summary(ctx: Context, whole: Figures, before: Figures | None, previous: int | None) -> ReportTable:
    year = ctx.survey.year
    columns = [Column("item", "รายการ (บาท/ปี)", TEXT, "Item (baht/year)", width=3),
               Column("per_household", "ต่อครัวเรือน", MONEY_KIND, "Per household", f"ปี {year}"),
               Column("per_person", "ต่อคน", MONEY_KIND, "Per person", f"ปี {year}")]
    if before is not None:
        columns += [Column("per_household_prev", "ต่อครัวเรือน", MONEY_KIND, f"Per household {previous}", f"ปี {previous}"),
                    Column("per_person_prev", "ต่อคน", MONEY_KIND, f"Per person {previous}", f"ปี {previous}")]
    table = ReportTable("รายได้และรายจ่ายเฉลี่ย", columns, title_en="Average income and expense", key="summary")
    code = ctx.area.code
    sets = [whole] + ([before] if before is not None else [])

    def averages(amount) -> list:
        return [v for f in sets for v in (ratio(amount(f), f.households), ratio(amount(f), f.persons))]

    for i, name in enumerate(MONEY):
        table.add([ITEMS[name][0], *averages(lambda f, i=i: f.money[i])], key={"area": code})
        if name == "inc_produce":
            table.add(["รายได้เฉลี่ย", *averages(lambda f: f.income)], TOTAL, {"area": code})
    table.add(["รายจ่ายเฉลี่ย", *averages(lambda f: f.expense)], TOTAL, {"area": code})
    table.add(["คงเหลือ (รายได้ − รายจ่าย)", *averages(lambda f: f.income - f.expense)], TOTAL, {"area": code})
    return table


def _by_child(ctx: Context, children: dict[str, Figures], whole: Figures, before: dict[str, Figures],
              previous: int | None) -> ReportTable:
    level_th, level_en = level_names(ctx.area.child_level)
    per_hh, per_pp = "เฉลี่ยต่อครัวเรือน (บาท/ปี)", "เฉลี่ยต่อคน (บาท/ปี)"
    columns = [
        Column("code", "รหัส", CODE, "Code"), Column("name", level_th, TEXT, level_en, width=2.5, names=True),
        Column("households", "ครัวเรือน", INT, "Households"), Column("persons", "สมาชิก (คน)", INT, "Persons"),
        Column("household_income", "รายได้", MONEY_KIND, "Income per household", per_hh),
        Column("household_expense", "รายจ่าย", MONEY_KIND, "Expense per household", per_hh),
        Column("household_remainder", "คงเหลือ", MONEY_KIND, "Remainder per household", per_hh),
        Column("person_income", "รายได้", MONEY_KIND, "Income per person", per_pp),
        Column("person_expense", "รายจ่าย", MONEY_KIND, "Expense per person", per_pp),
        Column("person_remainder", "คงเหลือ", MONEY_KIND, "Remainder per person", per_pp),
    ]
    if previous:
        group = f"ปี {previous}"
        columns += [
            Column("households_prev", "ครัวเรือน", INT, f"Households {previous}", group),
            Column("persons_prev", "สมาชิก (คน)", INT, f"Persons {previous}", group),
            Column("person_income_prev", "รายได้เฉลี่ยต่อคน", MONEY_KIND, f"Income per person {previous}", group),
            Column("person_income_change", "รายได้ต่อคนเปลี่ยนแปลง (ร้อยละ)", PCT,
                   f"Change in income per person since {previous} (%)", group),
        ]
    table = ReportTable(f"รายได้และรายจ่ายเฉลี่ย จำแนกตาม{level_th}", columns,
                        title_en=f"Average income and expense by {level_en.lower()}", key="areas")
    names = ctx.child_names(children)
    for code, f in children.items():
        table.add(_row(code, names[code], f, before.get(code) if previous else None, previous), key={"area": code})
    old_total = total(before) if previous else None
    table.add(_row(ctx.area.code, f"รวม{ctx.area.title}", whole, old_total, previous), TOTAL, {"area": ctx.area.code})
    return table


def _row(code: str, name: str, f: Figures, old: Figures | None, previous: int | None) -> list:
    row = [code, name, f.households, f.persons,
           ratio(f.income, f.households), ratio(f.expense, f.households), ratio(f.income - f.expense, f.households),
           ratio(f.income, f.persons), ratio(f.expense, f.persons), ratio(f.income - f.expense, f.persons)]
    if previous:
        if old is None:
            row += [None, None, None, None]
        else:
            change = None
            if f.persons and old.persons and old.income:
                now, then = Fraction(f.income, f.persons), Fraction(old.income, old.persons)
                change = pct(now - then, then)
            row += [old.households, old.persons, ratio(old.income, old.persons), change]
    return row
