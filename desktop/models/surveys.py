"""Survey years: which indicator set each uses, the date ages are counted at, the answer layout."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop import messages
from desktop.models import indicators
from desktop.models.errors import UserError
from desktop.models.indicators import IndicatorSet


messages.register({"survey_missing": ("ไม่มีข้อมูลปีสำรวจ {year} ในฐานข้อมูล", "The store has no survey year {year}.")})

@dataclass(frozen=True)
class Survey:
    year: int
    period: str
    reference_date: str
    layout: list[str]
    indicator_set: IndicatorSet  # the set installed in the store for the period, else the bundled one


def get(conn: Connection, year: int) -> Survey | None:
    row = conn.execute(
        text("SELECT year, period, reference_date, answer_layout FROM survey WHERE year = :y"), {"y": year}
    ).first()
    if row is None:
        return None
    layout = row.answer_layout.split(",") if row.answer_layout else []
    return Survey(row.year, row.period, row.reference_date, layout, indicators.for_period(conn, row.period))


def require(conn: Connection, year: int) -> Survey:
    """The survey of a year that must be in the store (its households are): a UserError if it is not."""
    found = get(conn, year)
    if found is None:
        raise UserError(messages.msg("survey_missing", year=year))
    return found


def ensure(conn: Connection, year: int) -> Survey:
    """The survey row for a year, created from the bundled indicator set that covers the year."""
    found = get(conn, year)
    if found:
        return found
    try:
        period = indicators.period_for_year(year, conn)
    except KeyError:
        from desktop.messages import msg
        from desktop.models.errors import UserError

        raise UserError(msg("imp_bad_year", value=year)) from None
    ind_set = indicators.for_period(conn, period)
    survey = Survey(year, period, ind_set.reference_date(year), ind_set.answer_layout(), ind_set)
    conn.execute(
        text("INSERT INTO survey(year, period, reference_date, answer_layout) VALUES (:y, :p, :r, :l)"),
        {"y": year, "p": period, "r": survey.reference_date, "l": ",".join(survey.layout)},
    )
    return survey


def years(conn: Connection) -> list[int]:
    return list(conn.execute(text("SELECT DISTINCT survey_year FROM area_stat ORDER BY survey_year")).scalars())


def latest_year(conn: Connection) -> int | None:
    found = years(conn)
    return found[-1] if found else None
