"""Last year beside this year: tables appended to each of the four reports when the store holds an earlier
survey year of the area (the latest such year).

- population: households and members;
- indicators: households, members and the pass rate of every indicator — only when both years use the same
  indicator set (2560–2564 and 2566–2570 number and define indicators differently); otherwise a note says
  that they cannot be compared;
- income: households, members, average income and expense per household and per person;
- failing-income: households, and households failing the income indicator (same set only).

Every change carries an arrow and a word (▲ ดีขึ้น, ▼ ลดลง, = เท่าเดิม) so that it reads without colour;
where better or worse is clear (pass rate, income, failing count) the word says which.
"""

from __future__ import annotations

from desktop.models import surveys
from desktop.reports import figures
from desktop.reports.builders import Context, pct, ratio
from desktop.reports.figures import Figures, total
from desktop.reports.model import DECIMAL, INT, MONEY, PCT, TEXT, Column, Report, ReportTable

UP, DOWN, SAME = "▲", "▼", "="
BETTER_UP, BETTER_DOWN, NEUTRAL = 1, -1, 0  # which direction is better for a measure


def direction(change: float | None, better: int = NEUTRAL) -> str:
    """"▲ ดีขึ้น", "▼ แย่ลง", "▲ เพิ่มขึ้น", "▼ ลดลง", "= เท่าเดิม" or "" (nothing to compare)."""
    if change is None:
        return ""
    if round(change, 2) == 0:
        return f"{SAME} เท่าเดิม"
    up = change > 0
    arrow = UP if up else DOWN
    if better == NEUTRAL:
        return f"{arrow} {'เพิ่มขึ้น' if up else 'ลดลง'}"
    return f"{arrow} {'ดีขึ้น' if up == (better == BETTER_UP) else 'แย่ลง'}"


def comparable(this: surveys.Survey, before: surveys.Survey | None) -> bool:
    return before is not None and before.period == this.period


def add(report: Report, ctx: Context) -> None:
    """Append the comparison tables (and notes) of the report's kind, if an earlier year is stored."""
    previous = ctx.previous_year()
    if not previous:
        return
    before_survey = surveys.get(ctx.conn, previous)
    same_set = comparable(ctx.survey, before_survey)
    with_indicators = same_set and report.kind in ("indicators", "failing-income")
    now = total(ctx.figures(indicators=with_indicators))
    then = total(_figures(ctx, before_survey, with_indicators))
    year = ctx.survey.year
    report.tables.append(_counts(report.kind, year, previous, now, then, ctx, same_set))
    if report.kind == "income":
        report.tables.append(_money(year, previous, now, then))
    if report.kind == "indicators" and same_set:
        report.tables.append(_pass_rates(ctx, year, previous, now, then))
    if not same_set and report.kind in ("indicators", "failing-income"):
        report.notes.append(not_comparable(ctx.survey, before_survey))
    report.notes.append(f"เทียบกับปีสำรวจ {previous}: ▲ เพิ่มขึ้น ▼ ลดลง = เท่าเดิม"
                        " (ร้อยละผ่านเกณฑ์และรายได้ที่เพิ่มขึ้น = ดีขึ้น; ครัวเรือนไม่ผ่านเกณฑ์ที่ลดลง = ดีขึ้น)")


def not_comparable(this: surveys.Survey, before: surveys.Survey | None) -> str:
    period = before.period if before is not None else "?"
    return (f"ปีสำรวจ {before.year if before else ''} ใช้ชุดตัวชี้วัด {period} ต่างจากชุด {this.period} ของปี {this.year}"
            " จึงเปรียบเทียบผลรายตัวชี้วัดไม่ได้ (เปรียบเทียบได้เฉพาะจำนวนครัวเรือน สมาชิก รายได้ และรายจ่าย)")


def _figures(ctx: Context, survey: surveys.Survey, indicators: bool) -> dict[str, Figures]:
    if not ctx.from_rows:
        return ctx.figures(indicators=indicators, year=survey.year)
    found = figures.population_and_money_from_rows(ctx.conn, survey.year, ctx.area.scope)
    if indicators:  # evaluated with that year's own survey (thresholds differ from year to year)
        figures.indicator_counts_from_rows(ctx.conn, survey, ctx.area.scope, found)
    return found


def _columns(year: int, previous: int, kind: str, first: Column | list[Column]) -> list[Column]:
    leading = first if isinstance(first, list) else [first]
    change_kind = DECIMAL if kind == PCT else kind
    return [*leading,
            Column("this", f"ปี {year}", kind, f"{year}"),
            Column("before", f"ปี {previous}", kind, f"{previous}"),
            Column("change", "เปลี่ยนแปลง (จุดร้อยละ)" if kind == PCT else "เปลี่ยนแปลง", change_kind,
                   "Change (points)" if kind == PCT else "Change"),
            *([] if kind == PCT else [Column("change_pct", "ร้อยละที่เปลี่ยน", PCT, "Change %")]),
            Column("direction", "ทิศทาง", TEXT, "Direction")]


def _row(name: str, this, before, better: int = NEUTRAL, *, points: bool = False) -> list:
    change = None if this is None or before is None else round(this - before, 2)
    row = [name, this, before, change]
    if not points:
        row.append(pct(this - before, before) if change is not None and before else None)
    return row + [direction(change, better)]


def _counts(kind: str, year: int, previous: int, now: Figures, then: Figures, ctx: Context,
            same_set: bool) -> ReportTable:
    table = ReportTable(f"ครัวเรือนและสมาชิก เทียบกับปีสำรวจ {previous}",
                        _columns(year, previous, INT, Column("item", "รายการ", TEXT, "Item", width=2.5)),
                        title_en=f"Households and members compared with {previous}", key="yoy_counts")
    code = ctx.area.code
    table.add(_row("ครัวเรือน", now.households, then.households), key={"area": code})
    table.add(_row("สมาชิก (คน)", now.persons, then.persons), key={"area": code})
    indicator = ctx.survey.indicator_set.income_indicator()
    if kind == "failing-income" and same_set and indicator is not None:
        failing_now = (now.indicators.get(indicator.no) or [0, 0])[1]
        failing_then = (then.indicators.get(indicator.no) or [0, 0])[1]
        table.add(_row(f"ครัวเรือนไม่ผ่านเกณฑ์ตัวชี้วัดที่ {indicator.no} (รายได้)", failing_now, failing_then,
                       BETTER_DOWN), key={"area": code, "indicator": indicator.no})
    return table


def _money(year: int, previous: int, now: Figures, then: Figures) -> ReportTable:
    table = ReportTable(f"รายได้และรายจ่ายเฉลี่ย (บาท/ปี) เทียบกับปีสำรวจ {previous}",
                        _columns(year, previous, MONEY, Column("item", "รายการ (บาท/ปี)", TEXT, "Item", width=2.5)),
                        title_en=f"Average income and expense compared with {previous}", key="yoy_money")
    for name, amount, base, better in (
            ("รายได้เฉลี่ยต่อครัวเรือน", "income", "households", BETTER_UP),
            ("รายได้เฉลี่ยต่อคน", "income", "persons", BETTER_UP),
            ("รายจ่ายเฉลี่ยต่อครัวเรือน", "expense", "households", NEUTRAL),
            ("รายจ่ายเฉลี่ยต่อคน", "expense", "persons", NEUTRAL)):
        this = ratio(getattr(now, amount), getattr(now, base))
        before = ratio(getattr(then, amount), getattr(then, base))
        table.add(_row(name, this, before, better))
    return table


def _pass_rates(ctx: Context, year: int, previous: int, now: Figures, then: Figures) -> ReportTable:
    from desktop.reports.indicators_report import surveyed_failed

    leading = [Column("no", "ตัวชี้วัดที่", INT, "No.", width=0.6), Column("name", "ตัวชี้วัด", TEXT, "Indicator", width=4)]
    table = ReportTable(f"ร้อยละผ่านเกณฑ์ เทียบกับปีสำรวจ {previous} (ชุดตัวชี้วัดเดียวกัน)",
                        _columns(year, previous, PCT, leading),
                        title_en=f"Pass rate by indicator compared with {previous} (same indicator set)",
                        key="yoy_indicators")
    for ind in ctx.survey.indicator_set.indicators:
        rates = []
        for f in (now, then):
            surveyed, failed = surveyed_failed(ind.unit, f.indicators.get(ind.no))
            rates.append(pct(surveyed - failed, surveyed))
        row = _row(ind.name_th, *rates, BETTER_UP, points=True)
        table.add([ind.no, *row], key={"area": ctx.area.code, "indicator": ind.no})
    return table
