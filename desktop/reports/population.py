"""รายงานประชากร: households, persons by sex and age group, average persons per household, and the
same per child area (a province lists its districts, a district its tambons, a tambon or อปท. its
villages; a village has no child table)."""

from __future__ import annotations

import datetime as dt

from desktop.models.dates import thai_date
from desktop.models.errors import UserError
from desktop.models.schema import REPORT_TOP_AGE
from desktop.reports import numbers
from desktop.reports.builders import Context, level_names, message, new_report, pct, ratio
from desktop.reports.figures import AGE_SLOTS, Figures, total
from desktop.reports.model import CODE, DECIMAL, INT, PCT, TEXT, TOTAL, Column, Report, ReportTable

TITLE = ("รายงานประชากร", "Population report")
DEFAULT_AGE_GROUPS: tuple[tuple[int, int | None], ...] = (
    (0, 5), (6, 12), (13, 18), (19, 25), (26, 49), (50, 59), (60, None))


def check_age_groups(groups) -> list[tuple[int, int | None]]:
    """[(from, to or None for "and older")], ages in whole years; raises UserError if unusable.
    Bounds above 99 are refused: the summaries keep everyone aged 100 or more together."""
    out = []
    try:
        for lo, hi in groups:
            lo, hi = int(lo), (None if hi is None else int(hi))
            if lo < 0 or lo > REPORT_TOP_AGE or (hi is not None and (hi < lo or hi >= REPORT_TOP_AGE)):
                raise ValueError
            out.append((lo, hi))
    except (TypeError, ValueError):
        raise UserError(message("bad_age_groups", groups=groups)) from None
    if not out:
        raise UserError(message("bad_age_groups", groups=groups))
    return out


def parse_age_groups(spec: str) -> list[tuple[int, int | None]]:
    """"0-5,6-12,60-" -> [(0, 5), (6, 12), (60, None)] (also "60+")."""
    groups = []
    try:
        for part in spec.split(","):
            part = part.strip().replace("–", "-")
            if part.endswith("+"):
                groups.append((int(part[:-1]), None))
                continue
            lo, hi = part.split("-")
            groups.append((int(lo), int(hi) if hi.strip() else None))
    except ValueError:
        raise UserError(message("bad_age_groups", groups=spec)) from None
    return check_age_groups(groups)


def group_label(lo: int, hi: int | None) -> tuple[str, str]:
    if hi is None:
        return f"{lo} ปีขึ้นไป", f"{lo}+"
    return f"{lo}–{hi} ปี", f"{lo}–{hi}"


def build(ctx: Context, age_groups) -> Report:
    groups = check_age_groups(age_groups if age_groups is not None else DEFAULT_AGE_GROUPS)
    area, survey = ctx.area, ctx.survey
    children = ctx.figures()
    whole = total(children)
    report = new_report("population", TITLE, area, survey)
    reference = dt.date.fromisoformat(survey.reference_date)
    report.notes.append(f"อายุนับถึงวันที่ {thai_date(reference)} (วันอ้างอิงของปีสำรวจ {survey.year})")
    report.tables.append(_overview(area.code, whole))
    report.tables.append(_by_age(area.code, whole, groups))
    if area.child_level is not None:
        report.tables.append(_by_child(ctx, children, whole))
    return report


def _people_columns() -> list[Column]:
    group = "ประชากร (คน)"
    return [
        Column("male", "ชาย", INT, "Male", group),
        Column("female", "หญิง", INT, "Female", group),
        Column("persons", "รวม", INT, "Total", group),
    ]


def _overview(code: str, whole: Figures) -> ReportTable:
    table = ReportTable(
        "ครัวเรือนและประชากร",
        [Column("households", "ครัวเรือน", INT, "Households"), *_people_columns(),
         Column("avg_persons", "เฉลี่ยคนต่อครัวเรือน", DECIMAL, "Persons per household")],
        title_en="Households and population", key="overview",
    )
    table.add([whole.households, whole.male, whole.female, whole.persons, ratio(whole.persons, whole.households)],
              key={"area": code})
    return table


def _by_age(code: str, whole: Figures, groups: list[tuple[int, int | None]]) -> ReportTable:
    table = ReportTable(
        "ประชากรจำแนกตามเพศและกลุ่มอายุ",
        [Column("age_group", "กลุ่มอายุ", TEXT, "Age group", width=1.5), *_people_columns(),
         Column("persons_pct", "ร้อยละ", PCT, "% of population")],
        title_en="Population by sex and age group", key="age",
    )
    ages = whole.ages
    counted = [0] * (2 * AGE_SLOTS)
    all_persons = whole.male + whole.female
    rows = []
    for lo, hi in groups:
        top = REPORT_TOP_AGE if hi is None else hi
        male = sum(ages[lo: top + 1])
        female = sum(ages[AGE_SLOTS + lo: AGE_SLOTS + top + 1])
        for a in range(lo, top + 1):
            counted[a] = counted[AGE_SLOTS + a] = 1
        rows.append(([group_label(lo, hi)[0], male, female, male + female], {"area": code, "age": [lo, hi]}))
    rest_m = sum(n for n, c in zip(ages[:AGE_SLOTS], counted[:AGE_SLOTS]) if not c)
    rest_f = sum(n for n, c in zip(ages[AGE_SLOTS:], counted[AGE_SLOTS:]) if not c)
    if rest_m or rest_f:  # a grouping that leaves some ages out: they still count in the total
        rows.append((["อายุอื่น ๆ", rest_m, rest_f, rest_m + rest_f], {"area": code}))
    # the shares of one whole add up to the 100.0 printed on the total row
    for (values, key), share in zip(rows, numbers.shares([values[3] for values, _key in rows])):
        table.add([*values, share], key=key)
    table.add(["รวม", whole.male, whole.female, all_persons, pct(all_persons, all_persons)], TOTAL, {"area": code})
    return table


def _by_child(ctx: Context, children: dict[str, Figures], whole: Figures) -> ReportTable:
    level_th, level_en = level_names(ctx.area.child_level)
    names = ctx.child_names(children)
    table = ReportTable(
        f"ครัวเรือนและประชากร จำแนกตาม{level_th}",
        [Column("code", "รหัส", CODE, "Code"), Column("name", level_th, TEXT, level_en, width=2.5, names=True),
         Column("households", "ครัวเรือน", INT, "Households"),
         Column("households_pct", "ร้อยละของครัวเรือน", PCT, "% of households"),
         *_people_columns(),
         Column("persons_pct", "ร้อยละของประชากร", PCT, "% of population"),
         Column("avg_persons", "เฉลี่ยคนต่อครัวเรือน", DECIMAL, "Persons per household")],
        title_en=f"Households and population by {level_en.lower()}", key="areas",
    )
    households = numbers.shares([f.households for f in children.values()])
    persons = numbers.shares([f.persons for f in children.values()])
    for (code, f), hh_share, person_share in zip(children.items(), households, persons):
        table.add(_child_row(code, names[code], f, hh_share, person_share), key={"area": code})
    table.add(_child_row(ctx.area.code, f"รวม{ctx.area.title}", whole, pct(whole.households, whole.households),
                         pct(whole.persons, whole.persons)), TOTAL, {"area": ctx.area.code})
    return table


def _child_row(code: str, name: str, f: Figures, households_pct, persons_pct) -> list:
    """households_pct and persons_pct: the area's shares of the report's whole (numbers.shares: they add to 100)."""
    return [code, name, f.households, households_pct, f.male, f.female, f.persons, persons_pct,
            ratio(f.persons, f.households)]
