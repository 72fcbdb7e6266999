"""Indicator sets as data (resources/indicators/<period>.json): loading and validation.

The file format is documented in docs/indicator-format.md. Nothing in the code knows an indicator
number: the engine (engine.py) compiles whatever set a survey year names.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import indicators_dir

UNITS = ("person", "household")
RULES = ("answer", "income")
TARGET_KEYS = {"age", "age_months", "health", "exclude", "given", "sex"}
EXCLUDES = {"in_school", "dependent"}


class IndicatorSetError(ValueError):
    """A set file that cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class SubItem:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    no: int
    category: int
    name_th: str
    name_en: str
    unit: str
    rule: str
    target: dict = field(default_factory=dict, hash=False, compare=False)
    sub_items: tuple[SubItem, ...] = ()

    @property
    def code(self) -> str:
        return str(self.no)

    @property
    def target_given(self) -> bool:
        return bool(self.target.get("given"))

    def answer_codes(self) -> list[str]:
        """The answer slots this indicator reads from household.answers."""
        if self.rule == "income":
            return []
        codes = [s.code for s in self.sub_items] or [self.code]
        return codes + ([f"{self.no}t"] if self.target_given else [])

    def name(self, lang: str = "th") -> str:
        return self.name_en if lang == "en" else self.name_th


@dataclass(frozen=True)
class Category:
    no: int
    name_th: str
    name_en: str


@dataclass(frozen=True)
class IndicatorSet:
    period: str
    title_th: str
    title_en: str
    provisional: bool
    survey_years: tuple[int, ...]
    income_threshold: dict[int, int]
    reference_month_day: str
    categories: tuple[Category, ...]
    indicators: tuple[Indicator, ...]
    assumptions: tuple = ()  # (Thai, English) pairs
    source: str = ""
    note_th: str = ""
    note_en: str = ""

    def answer_layout(self) -> list[str]:
        return [code for ind in self.indicators for code in ind.answer_codes()]

    def threshold(self, survey_year: int) -> int:
        return self.income_threshold[survey_year]

    def reference_date(self, survey_year: int) -> str:
        """ISO date at which ages are computed for a survey year (พ.ศ. → ค.ศ.)."""
        return f"{survey_year - 543}-{self.reference_month_day}"

    def by_no(self, no: int) -> Indicator:
        return next(i for i in self.indicators if i.no == no)

    def income_indicator(self) -> Indicator | None:
        return next((i for i in self.indicators if i.rule == "income"), None)


def parse(data: dict, origin: str = "") -> IndicatorSet:
    """Validate a decoded set file; raise IndicatorSetError listing every problem."""
    problems: list[str] = []
    need = ("period", "title_th", "survey_years", "income_threshold", "categories", "indicators")
    for key in need:
        if key not in data:
            problems.append(f"missing key '{key}'")
    if problems:
        raise IndicatorSetError(f"{origin}: " + "; ".join(problems))
    try:
        categories = tuple(Category(int(c["no"]), c["name_th"], c.get("name_en", "")) for c in data["categories"])
    except (KeyError, TypeError, ValueError) as err:
        raise IndicatorSetError(f"{origin}: a category needs 'no' and 'name_th' ({err})") from None
    cat_nos = {c.no for c in categories}
    if len(cat_nos) != len(categories):
        problems.append("category numbers repeat")
    years = tuple(int(y) for y in data["survey_years"])
    thresholds = {int(y): int(v) for y, v in data["income_threshold"].items()}
    indicators = []
    seen_nos: set[int] = set()
    for pos, raw in enumerate(data["indicators"], start=1):
        where = f"indicator #{pos}"
        try:
            ind = _indicator(raw)
            problems += [f"{where} ({ind.no}): {p}" for p in _check_indicator(ind, cat_nos)]
        except (KeyError, TypeError, ValueError) as err:
            problems.append(f"{where}: missing or malformed field {err}")
            continue
        if ind.no in seen_nos:
            problems.append(f"{where}: number {ind.no} appears twice")
        seen_nos.add(ind.no)
        indicators.append(ind)
    if sum(1 for i in indicators if i.rule == "income") > 1:
        problems.append("more than one income indicator")
    if any(i.rule == "income" for i in indicators):
        problems += [f"no income threshold for survey year {y}" for y in years if y not in thresholds]
    codes = [c for i in indicators for c in i.answer_codes()]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        problems.append(f"answer codes repeat: {', '.join(repeated)}")
    if problems:
        raise IndicatorSetError(f"{origin}: " + "; ".join(problems))
    return IndicatorSet(
        period=str(data["period"]),
        title_th=data["title_th"],
        title_en=data.get("title_en", ""),
        provisional=bool(data.get("provisional", False)),
        survey_years=years,
        income_threshold=thresholds,
        reference_month_day=data.get("reference_month_day", "01-01"),
        categories=categories,
        indicators=tuple(indicators),
        assumptions=tuple(_text(a) for a in data.get("assumptions", [])),
        source=data.get("source", ""),
        note_th=data.get("note_th", ""),
        note_en=data.get("note_en", ""),
    )


def _text(item: str | dict) -> tuple[str, str] | str:
    return item if isinstance(item, str) else (item.get("th", ""), item.get("en", ""))


def _indicator(raw: dict) -> Indicator:
    subs = tuple(SubItem(str(s["code"]), s["name_th"], s.get("name_en", "")) for s in raw.get("sub_items", []))
    return Indicator(
        no=int(raw["no"]),
        category=int(raw["category"]),
        name_th=raw["name_th"],
        name_en=raw.get("name_en", ""),
        unit=raw["unit"],
        rule=raw.get("rule", "answer"),
        target=dict(raw.get("target") or {}),
        sub_items=subs,
    )


def _check_indicator(ind: Indicator, cat_nos: set[int]) -> list[str]:
    problems = []
    if ind.category not in cat_nos:
        problems.append(f"category {ind.category} is not defined")
    if ind.unit not in UNITS:
        problems.append(f"unit must be one of {UNITS}")
    if ind.rule not in RULES:
        problems.append(f"rule must be one of {RULES}")
    unknown = set(ind.target) - TARGET_KEYS
    if unknown:
        problems.append(f"unknown target keys {sorted(unknown)}")
    for key in ("age", "age_months"):
        if key in ind.target:
            bounds = ind.target[key]
            ok = isinstance(bounds, list) and len(bounds) == 2 and isinstance(bounds[0], int)
            if not ok or (bounds[1] is not None and (not isinstance(bounds[1], int) or bounds[1] < bounds[0])):
                problems.append(f"target {key} must be [min, max or null]")
    if set(ind.target.get("exclude", [])) - EXCLUDES:
        problems.append(f"exclude may only name {sorted(EXCLUDES)}")
    if "given" in ind.target and ind.target["given"] is not True:
        problems.append("target given must be true when present")
    if ind.target.get("given") and ind.unit != "person":
        problems.append("a given target count is for person indicators only")
    if ind.target.get("sex") not in (None, "M", "F"):
        problems.append("target sex must be M or F")
    if ind.target.get("health") not in (None, "D", "C"):
        problems.append("target health must be D (disabled) or C (chronically ill)")
    if ind.unit == "person" and ind.rule == "answer" and not ind.target:
        problems.append("a person indicator needs a target population")
    if ind.sub_items and ind.unit == "person":
        problems.append("sub-items are supported on household indicators only")
    return problems


def load_file(path: Path | str) -> IndicatorSet:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise IndicatorSetError(f"{path.name}: {err}") from err
    return parse(data, path.name)


@functools.lru_cache(maxsize=None)
def bundled(period: str) -> IndicatorSet:
    return load_file(indicators_dir() / f"{period}.json")


def bundled_periods() -> list[str]:
    return sorted(p.stem for p in indicators_dir().glob("*.json"))


INSTALLED_PREFIX = "indicator_set:"  # meta key of a set an officer loaded into the store


@functools.lru_cache(maxsize=16)
def _parse_installed(raw: str) -> IndicatorSet:
    return parse(json.loads(raw), "installed set")


def installed(conn) -> dict[str, IndicatorSet]:
    """Sets loaded into this store, by period; they take precedence over the bundled files."""
    from sqlalchemy import text

    rows = conn.execute(text("SELECT key, value FROM meta WHERE key LIKE :p"), {"p": INSTALLED_PREFIX + "%"})
    return {key[len(INSTALLED_PREFIX):]: _parse_installed(value) for key, value in rows}


def for_period(conn, period: str) -> IndicatorSet:
    found = installed(conn).get(period) if conn is not None else None
    return found or bundled(period)


def period_for_year(survey_year: int, conn=None) -> str:
    candidates = dict.fromkeys(bundled_periods())
    if conn is not None:
        candidates.update(installed(conn))
    for period in candidates:
        if survey_year in for_period(conn, period).survey_years:
            return period
    raise KeyError(survey_year)
