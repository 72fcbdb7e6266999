"""The numbers behind the reports, per child area of a report's area: from the summary tables
(summary.py; the fast path every report uses) or straight from household/member rows (`from_rows`,
a slow full recomputation kept to check the summaries).

A `Scope` is the report's area: a code range (province, district, tambon, village) or, for an อปท.,
an explicit list of villages. Figures come grouped by the child area the report lists
(province → districts, district → tambons, tambon and อปท. → villages, a village → itself); the
area's own figures are the sum of its children.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import engine
from desktop.models.schema import REPORT_AGE_COLUMNS, REPORT_EXPENSE, REPORT_INCOME, REPORT_TOP_AGE
from desktop.models.surveys import Survey

MONEY = REPORT_INCOME + REPORT_EXPENSE
AGE_SLOTS = REPORT_TOP_AGE + 1


@dataclass(frozen=True)
class Scope:
    code: str
    lo: int  # village code range (for an อปท.: the range of its villages)
    hi: int
    child_div: int | None  # child area code = village // child_div; None: the area is one village
    villages: tuple[int, ...] | None = None  # an อปท.: exactly these villages

    def where(self, alias: str = "") -> tuple[str, dict]:
        """(condition on the village column, parameters) without the survey year."""
        col = f"{alias}village"
        if self.villages is not None:
            return f"{col} IN (SELECT value FROM json_each(:villages))", {"villages": json.dumps(list(self.villages))}
        return f"{col} BETWEEN :lo AND :hi", {"lo": self.lo, "hi": self.hi}

    def group(self, alias: str = "") -> str:
        if self.child_div is None:
            return f"'{self.code}'"
        return f"{alias}village / {self.child_div}" if self.child_div > 1 else f"{alias}village"


@dataclass
class Figures:
    """What one area holds: counts and sums, all integers."""

    households: int = 0
    persons: int = 0
    money: list[int] = field(default_factory=lambda: [0] * len(MONEY))  # MONEY order
    ages: list[int] = field(default_factory=lambda: [0] * (2 * AGE_SLOTS))  # males 0..100, then females
    # indicator number -> [households with a result, households failing, target persons, failing persons]
    indicators: dict[int, list[int]] = field(default_factory=dict)

    @property
    def male(self) -> int:
        return sum(self.ages[:AGE_SLOTS])

    @property
    def female(self) -> int:
        return sum(self.ages[AGE_SLOTS:])

    @property
    def income(self) -> int:
        return sum(self.money[: len(REPORT_INCOME)])

    @property
    def expense(self) -> int:
        return sum(self.money[len(REPORT_INCOME):])

    def add(self, other: Figures) -> None:
        self.households += other.households
        self.persons += other.persons
        self.money = [a + b for a, b in zip(self.money, other.money)]
        self.ages = [a + b for a, b in zip(self.ages, other.ages)]
        for no, values in other.indicators.items():
            mine = self.indicators.setdefault(no, [0, 0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v


def total(children: dict[str, Figures]) -> Figures:
    out = Figures()
    for figures in children.values():
        out.add(figures)
    return out


def _key(value) -> str:
    return str(value)


# ---------------------------------------------------------------------------------------------
# From the summary tables


def population_and_money(conn: Connection, year: int, scope: Scope) -> dict[str, Figures]:
    where, params = scope.where()
    sums = ", ".join(f"sum({c})" for c in ("households", "persons", *MONEY, *REPORT_AGE_COLUMNS))
    out: dict[str, Figures] = {}
    rows = conn.execute(
        text(f"SELECT {scope.group()}, {sums} FROM report_village WHERE survey_year = :y AND {where} GROUP BY 1"),
        {"y": year, **params},
    )
    n_money = len(MONEY)
    for child, households, persons, *rest in rows:
        out[_key(child)] = Figures(households, persons, list(rest[:n_money]), list(rest[n_money:]))
    return out


def indicator_counts(conn: Connection, year: int, scope: Scope, into: dict[str, Figures]) -> None:
    where, params = scope.where()
    rows = conn.execute(
        text(
            f"SELECT {scope.group()}, indicator, sum(households), sum(households_failed), sum(persons),"
            f" sum(persons_failed) FROM report_indicator WHERE survey_year = :y AND {where} GROUP BY 1, 2"
        ),
        {"y": year, **params},
    )
    for child, no, *values in rows:
        into.setdefault(_key(child), Figures()).indicators[no] = list(values)


def has_data(conn: Connection, year: int, scope: Scope, *, from_rows: bool = False) -> bool:
    where, params = scope.where()
    table = "household" if from_rows else "report_village"
    return conn.execute(
        text(f"SELECT 1 FROM {table} WHERE survey_year = :y AND {where} LIMIT 1"), {"y": year, **params}
    ).first() is not None


def previous_year(conn: Connection, year: int, scope: Scope, *, from_rows: bool = False) -> int | None:
    """The latest earlier survey year with households in the area, if any."""
    where, params = scope.where()
    table = "household" if from_rows else "report_village"
    return conn.execute(
        text(f"SELECT max(survey_year) FROM {table} WHERE survey_year < :y AND {where}"), {"y": year, **params}
    ).scalar()


# ---------------------------------------------------------------------------------------------
# Straight from household and member rows (slow; to check the summaries)


def population_and_money_from_rows(conn: Connection, year: int, scope: Scope) -> dict[str, Figures]:
    where, params = scope.where("h.")
    params = {"y": year, **params}
    group = scope.group("h.")
    sums = ", ".join(f"sum(h.{c})" for c in MONEY)
    out: dict[str, Figures] = {}
    for child, households, *money in conn.execute(
        text(f"SELECT {group}, count(*), {sums} FROM household h WHERE h.survey_year = :y AND {where} GROUP BY 1"),
        params,
    ):
        out[_key(child)] = Figures(households, 0, list(money))
    for child, sex, age, count in conn.execute(
        text(
            f"SELECT {group}, m.sex, m.age, count(*) FROM household h JOIN member m ON m.household_id = h.id"
            f" WHERE h.survey_year = :y AND {where} GROUP BY 1, 2, 3"
        ),
        params,
    ):
        figures = out[_key(child)]
        figures.persons += count
        if sex in ("M", "F"):
            figures.ages[(0 if sex == "M" else AGE_SLOTS) + min(max(age, 0), REPORT_TOP_AGE)] += count
    return out


def indicator_counts_from_rows(conn: Connection, survey: Survey, scope: Scope, into: dict[str, Figures]) -> None:
    """Every household evaluated afresh with the engine's SQL (status, target, failing)."""
    ind_set = survey.indicator_set
    compiled = engine.compile_set(ind_set, survey.year, survey.layout)
    where, params = scope.where("h.")
    params = {"y": survey.year, **params}
    inner, _ = scope.where("h2.")
    columns = []
    for k, ind in enumerate(ind_set.indicators):
        status = compiled.status[k]
        columns += [f"sum({status} <> '-')", f"sum({status} = 'F')"]
        columns += [f"coalesce(sum({compiled.target[k]}), 0)", f"coalesce(sum({compiled.failing[k]}), 0)"] \
            if ind.unit == "person" else ["0", "0"]
    rows = conn.execute(
        text(
            f"SELECT {scope.group('h.')}, {', '.join(columns)} FROM household h LEFT JOIN"
            f" (SELECT m.household_id AS hid, {compiled.member_facts} FROM member m WHERE m.household_id IN"
            f" (SELECT h2.id FROM household h2 WHERE h2.survey_year = :y AND {inner}) GROUP BY m.household_id) mf"
            f" ON mf.hid = h.id WHERE h.survey_year = :y AND {where} GROUP BY 1"
        ),
        params,
    )
    numbers = [ind.no for ind in ind_set.indicators]
    for child, *values in rows:
        figures = into.setdefault(_key(child), Figures())
        for k, no in enumerate(numbers):
            figures.indicators[no] = list(values[4 * k: 4 * k + 4])
