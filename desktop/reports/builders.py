"""The four review reports officers present at meetings, built from the store as `Report`s (model.py).

    build(conn, kind, area_code, survey_year) -> Report

kind: "population" (รายงานประชากร), "indicators" (รายงานผลตัวชี้วัด), "income" (รายงานรายได้/รายจ่าย
เฉลี่ย), "failing-income" (ครัวเรือนที่ไม่ผ่านเกณฑ์ตัวชี้วัดรายได้). area_code: a province (2 digits),
district (4), tambon (6) or village (8) code, or an อปท. code from the lao table (its villages).

Conventions every renderer can rely on:
- Figures are exact (numbers.py): counts and sums are integers, percentages and averages Fractions; each
  renderer rounds a figure once, when it shows it. A Decimal is a figure the builder rounded on purpose
  (shares that add up to 100, the failing % of a pass/fail pair, a value printed against a threshold).
- PCT values are percentages (97.5 means 97.5 %); None where the base is 0.
- MONEY values are baht.
- A GROUP row (a หมวด heading) carries its label in the first cell and None elsewhere.
- Tables that list child areas end with a TOTAL row for the report's area, which equals the sum of
  the rows above it (averages: the ratio of the sums).
- Row keys: {"area": code} on area rows, {"area": code, "indicator": no} on indicator rows,
  {"area": village, "household": id} on household rows; ReportTable.key names the table's role.

The first three reports read the summary tables (summary.py); the failing-income list reads the
households themselves. `from_rows=True` recomputes everything from household/member rows instead
(slow; used to check the summaries). `as_corrected=True` builds the same report over the data as corrected
(desktop/models/corrections.corrected_view: TEMP tables shadow the corrected villages and the summaries).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop import messages
from desktop.models import areas, surveys
from desktop.models.errors import UserError
from desktop.models.schema import LEVEL_DISTRICT, LEVEL_PROVINCE, LEVEL_TAMBON, LEVEL_VILLAGE
from desktop.reports import figures, numbers
from desktop.reports.figures import Figures, Scope
from desktop.reports.model import KINDS, Report

LEVEL_LAO = 5
LAO_NAMES = ("อปท.", "Local government (LAO)")
CHILD_LEVEL = {LEVEL_PROVINCE: LEVEL_DISTRICT, LEVEL_DISTRICT: LEVEL_TAMBON, LEVEL_TAMBON: LEVEL_VILLAGE,
               LEVEL_LAO: LEVEL_VILLAGE}
_CHILD_DIV = {LEVEL_PROVINCE: 10_000, LEVEL_DISTRICT: 100, LEVEL_TAMBON: 1, LEVEL_LAO: 1, LEVEL_VILLAGE: None}

messages.register({"report_" + key: pair for key, pair in {
    "bad_kind": ("ไม่รู้จักรายงาน '{kind}' (ใช้ {kinds})", "Unknown report '{kind}' (use {kinds})."),
    "bad_area": (
        "รหัสพื้นที่ '{area}' ไม่ถูกต้อง: ใช้รหัสจังหวัด 2 หลัก อำเภอ 4 หลัก ตำบล 6 หลัก หมู่บ้าน 8 หลัก หรือรหัส อปท.",
        "Area code '{area}' is invalid: use a 2-digit province, 4-digit district, 6-digit tambon or 8-digit village"
        " code, or an LAO code.",
    ),
    "bad_by": ("แยกรายงานได้ตาม tambon หรือ lao เท่านั้น (ไม่ใช่ '{by}')", "Reports break down by tambon or lao, not '{by}'."),
    "bad_by_area": (
        "รายงานแยกตาม อปท. ใช้ได้กับจังหวัด อำเภอ หรือตำบลเท่านั้น (รหัส '{area}')",
        "A report by LAO needs a province, district or tambon code (not '{area}').",
    ),
    "no_year": ("ยังไม่มีข้อมูลครัวเรือนในฐานข้อมูล", "The store has no households yet."),
    "no_survey": ("ไม่มีข้อมูลปีสำรวจ {year} ในฐานข้อมูล", "The store has no survey year {year}."),
    "no_data": ("ไม่มีครัวเรือนในพื้นที่ {area} ปีสำรวจ {year}", "No households in area {area} for survey year {year}."),
    "no_income_indicator": (
        "ชุดตัวชี้วัดของปีสำรวจ {year} ไม่มีตัวชี้วัดรายได้",
        "The indicator set of survey year {year} has no income indicator.",
    ),
    "bad_age_groups": (
        "กลุ่มอายุไม่ถูกต้อง: {groups} (เช่น 0-5,6-12,13-18,19-25,26-49,50-59,60-)",
        "Invalid age groups: {groups} (e.g. 0-5,6-12,13-18,19-25,26-49,50-59,60-).",
    ),
}.items()})


def message(key: str, **values: object) -> str:
    return messages.msg("report_" + key, **values)


@dataclass(frozen=True)
class Area:
    """The report's area: what it is called, its level, and which villages it covers."""

    code: str
    level: int
    path: list[tuple[str, str]]
    scope: Scope
    by_lao: bool = False  # child areas are the อปท. of the area instead of its tambons (lao_groups.py)

    @property
    def name(self) -> str:
        return self.path[-1][1]

    @property
    def title(self) -> str:
        """"อำเภอเมืองลำปาง"; an อปท. name already says what it is ("เทศบาลตำบล…")."""
        return self.name if self.level == LEVEL_LAO else f"{self.level_name}{self.name}"

    @property
    def level_name(self) -> str:
        return level_names(self.level)[0]

    @property
    def child_level(self) -> int | None:
        return LEVEL_LAO if self.by_lao else CHILD_LEVEL.get(self.level)


def level_names(level: int) -> tuple[str, str]:
    return LAO_NAMES if level == LEVEL_LAO else areas.LEVEL_NAMES[level]


def resolve_area(conn: Connection, area_code: str, by: str = "tambon") -> Area:
    """The area of a code; by="lao": its child areas are its อปท. (a province, district or tambon only)."""
    from desktop.reports import lao_groups

    code = str(area_code).strip()
    if by not in lao_groups.BY:
        raise UserError(message("bad_by", by=by))
    by_lao = by == "lao"
    if by_lao and not (code.isdigit() and len(code) in (2, 4, 6)):
        raise UserError(message("bad_by_area", area=code))
    if code.isdigit() and len(code) in (2, 4, 6, 8):
        level = areas.level_of(code)
        pad = 8 - len(code)
        scope = Scope(code, int(code + "0" * pad), int(code + "9" * pad), 1 if by_lao else _CHILD_DIV[level])
        path = [(c, village_label(c, name) if len(c) == 8 else name) for c, name in areas.name_path(conn, code)]
        return Area(code, level, path, scope, by_lao)
    row = conn.execute(text("SELECT name_th, tambon_code FROM lao WHERE code = :c"), {"c": code}).first() if code else None
    if row is None:
        raise UserError(message("bad_area", area=code))
    villages = tuple(sorted(int(v) for v in conn.execute(
        text("SELECT code FROM area WHERE lao_code = :c AND level = :l"), {"c": code, "l": LEVEL_VILLAGE}).scalars()))
    lo, hi = (villages[0], villages[-1]) if villages else (0, -1)
    path = areas.name_path(conn, row.tambon_code[:4]) + [(code, row.name_th)]
    return Area(code, LEVEL_LAO, path, Scope(code, lo, hi, 1, villages))


def area_description(path: list[tuple[str, str]]) -> str:
    """"อำเภอเมืองลำปาง จังหวัดลำปาง": the area first, then what it lies in (an อปท. name says what it is)."""
    prefix = {2: "จังหวัด", 4: "อำเภอ", 6: "ตำบล", 8: ""}
    parts = [f"{prefix.get(len(code), '') if code.isdigit() else ''}{name}" for code, name in path]
    return " ".join(reversed(parts))


def child_names(conn: Connection, codes) -> dict[str, str]:
    """{code: Thai name}; villages as "หมู่ 3 บ้านหนองแก้ว" (the หมู่ is the code's last two digits)."""
    codes = list(codes)
    found = areas.names_of(conn, codes)
    return {c: village_label(c, found.get(c, "")) if len(c) == 8 else found.get(c, c) for c in codes}


def village_label(code: str, name: str) -> str:
    moo = f"หมู่ {int(code[6:])}"
    return name if name.startswith("หมู่") else f"{moo} {name}".strip()


def new_report(kind: str, title: tuple[str, str], area: Area, survey: surveys.Survey, *, personal: bool = False) -> Report:
    ind_set = survey.indicator_set
    return Report(
        kind=kind, title=title[0], title_en=title[1], area_code=area.code, area_path=area.path,
        level_name=area.level_name, survey_year=survey.year, indicator_period=survey.period,
        indicator_title=ind_set.title_th, provisional=ind_set.provisional, personal_data=personal,
    )


pct, ratio = numbers.pct, numbers.ratio  # exact: rounded once, by whoever shows the figure


@dataclass
class Context:
    """What a kind's builder gets: the open connection, area, survey and how to read figures."""

    conn: Connection
    area: Area
    survey: surveys.Survey
    from_rows: bool

    def figures(self, *, indicators: bool = False, year: int | None = None) -> dict[str, Figures]:
        """Figures per child area (or the area itself for a village), for the survey year or another."""
        year = year or self.survey.year
        scope = self.area.scope
        if self.from_rows:
            found = figures.population_and_money_from_rows(self.conn, year, scope)
            if indicators:
                figures.indicator_counts_from_rows(self.conn, self.survey, scope, found)
        else:
            found = figures.population_and_money(self.conn, year, scope)
            if indicators:
                figures.indicator_counts(self.conn, year, scope, found)
        if self.area.by_lao:
            from desktop.reports import lao_groups

            return lao_groups.regroup(self.conn, found)
        return dict(sorted(found.items()))

    def previous_year(self) -> int | None:
        return figures.previous_year(self.conn, self.survey.year, self.area.scope, from_rows=self.from_rows)

    def child_names(self, codes) -> dict[str, str]:
        if self.area.by_lao:
            from desktop.reports import lao_groups

            return lao_groups.names(self.conn, codes)
        return child_names(self.conn, codes)


def build(conn: Connection, kind: str, area_code: str, survey_year: int | None, *, as_corrected: bool = False,
          age_groups: list[tuple[int, int | None]] | None = None, from_rows: bool = False,
          by: str = "tambon") -> Report:
    """One report for an area and survey year (None: the latest year in the store); by="lao": child areas
    are the area's อปท. instead of its tambons (lao_groups.py)."""
    if kind not in KINDS:
        raise UserError(message("bad_kind", kind=kind, kinds=", ".join(KINDS)))
    if survey_year is None:
        survey_year = surveys.latest_year(conn)
        if survey_year is None:
            raise UserError(message("no_year"))
    survey = surveys.get(conn, int(survey_year))
    if survey is None:
        raise UserError(message("no_survey", year=survey_year))
    area = resolve_area(conn, area_code, by)
    if not figures.has_data(conn, survey.year, area.scope, from_rows=from_rows):
        raise UserError(message("no_data", area=area.code, year=survey.year))
    ctx = Context(conn, area, survey, from_rows)
    if not as_corrected:
        return mark_demo(conn, _build_kind(kind, ctx, age_groups))
    from desktop.models import corrections

    # the same builders over TEMP tables that shadow households/members and the summaries as corrected
    with corrections.corrected_view(conn, survey.year, all_households=from_rows) as corrected:
        report = _build_kind(kind, ctx, age_groups)
    report.as_corrected = bool(corrected)
    report.notes.append(f"ฉบับแก้ไขแล้ว: รวมการแก้ไขข้อมูลที่ยังไม่ยืนยัน {corrected:,} ครัวเรือน (ทั้งปีสำรวจ)" if corrected
                        else "ไม่มีการแก้ไขข้อมูลที่ต้องรวม: รายงานนี้แสดงข้อมูลตามที่นำเข้า")
    return mark_demo(conn, report)


def mark_demo(conn: Connection, report: Report) -> Report:
    """A report of a demo store says so on every page and in every file (its source line)."""
    from desktop.models import demo_data

    if demo_data.is_demo(conn) and demo_data.MARK_TH not in report.source:
        report.source = f"{demo_data.MARK_TH} · {report.source}"
    return report


def _build_kind(kind: str, ctx: Context, age_groups) -> Report:
    from desktop.reports import failing, income, indicators_report, population, yoy

    if kind == "population":
        report = population.build(ctx, age_groups)
    elif kind == "indicators":
        report = indicators_report.build(ctx)
    elif kind == "income":
        report = income.build(ctx)
    else:
        report = failing.build(ctx)
    yoy.add(report, ctx)  # last year beside this year, when the store has an earlier year of the area
    return report
