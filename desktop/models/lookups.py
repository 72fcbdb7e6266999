"""Small read-only lists for choosers in the GUI (provinces, districts, the indicators of a year)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import surveys
from desktop.models.schema import LEVEL_PROVINCE


@dataclass(frozen=True)
class AreaChoice:
    code: str
    name_th: str
    name_en: str

    def name(self, lang: str = "th") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_th


def areas_under(conn: Connection, parent: str | None = None) -> list[AreaChoice]:
    """Provinces (parent None) or the children of an area, in code order."""
    if parent is None:
        rows = conn.execute(
            text("SELECT code, name_th, name_en FROM area WHERE level = :l ORDER BY code"), {"l": LEVEL_PROVINCE}
        )
    else:
        rows = conn.execute(text("SELECT code, name_th, name_en FROM area WHERE parent = :p ORDER BY code"), {"p": parent})
    return [AreaChoice(*r) for r in rows]


def provinces(conn: Connection) -> list[AreaChoice]:
    return areas_under(conn, None)


@dataclass(frozen=True)
class IndicatorChoice:
    position: int  # 1-based position in the set: HouseholdFilter.failed_position
    no: int
    name_th: str
    name_en: str
    category: int


def indicator_choices(conn: Connection, survey_year: int) -> tuple[list[IndicatorChoice], bool]:
    """The indicators of a survey year in set order, and whether the set is provisional."""
    survey = surveys.get(conn, survey_year)
    if survey is None:
        return [], False
    ind_set = survey.indicator_set
    choices = [
        IndicatorChoice(pos, ind.no, ind.name_th, ind.name_en, ind.category)
        for pos, ind in enumerate(ind_set.indicators, start=1)
    ]
    return choices, ind_set.provisional
