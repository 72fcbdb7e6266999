"""What a back-check re-asks and how each answer is compared with the record (IPA bcstats style).

Item keys: "members" (member count), "age:<seq>" (member seq's age in whole years at the re-interview date,
from the recorded birth date; members are matched by seq), "answer:<code>" (an answer code of the year's
layout: '1' yes / '0' no, or a number of persons), "income:<column>" (an income component, baht a year).
Which items are asked, their tolerance and class are settings (monitoring_settings). Indicator numbers are never
written here: the answer codes come from the survey year's indicator set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import dates, surveys
from desktop.models import monitoring_settings as ms
from desktop.models.corrections import ANSWER_PREFIX, FIELDS, raw_value
from desktop.models.monitoring_messages import msg
from desktop.models.surveys import Survey

MAX_AGE = 130


@dataclass(frozen=True)
class Item:
    key: str
    kind: str  # members / age / answer / income
    label: str  # Thai
    cls: int  # 1 never changes, 2 hard to ask, 3 expected to vary
    count: bool = False  # answer items: a number of persons rather than yes/no


def answer_codes(survey: Survey, settings: ms.MonitoringSettings) -> list[str]:
    """The answer codes re-asked: those set, else the yes/no questions of household indicators, at most
    answer_max of them spread evenly over the set (first and last included)."""
    if settings.answer_codes:
        return [c for c in settings.answer_codes if c in survey.layout]
    codes = [c for ind in survey.indicator_set.indicators if ind.unit == "household" and ind.rule == "answer"
             and not ind.target_given for c in ind.answer_codes()]
    k = min(settings.answer_max, len(codes))
    if k <= 1:
        return codes[:k]
    return [codes[round(i * (len(codes) - 1) / (k - 1))] for i in range(k)]


def answer_label(survey: Survey, code: str) -> str:
    for ind in survey.indicator_set.indicators:
        for sub in ind.sub_items:
            if sub.code == code:
                return f"{code} {sub.name_th}"
        if ind.code == code:
            return f"{code} {ind.name_th}"
        if code == f"{ind.no}t":
            return f"{ind.no} (จำนวนเป้าหมาย) {ind.name_th}"
    return code


def indicator_of(survey: Survey, code: str) -> int | None:
    """The indicator number an answer code belongs to (for confidence per indicator)."""
    for ind in survey.indicator_set.indicators:
        if code in ind.answer_codes():
            return ind.no
    return None


def _is_count(survey: Survey, code: str) -> bool:
    for ind in survey.indicator_set.indicators:
        if code in ind.answer_codes():
            return ind.unit == "person" or code.endswith("t")
    return False


def item(survey: Survey, settings: ms.MonitoringSettings, key: str) -> Item:
    kind, _, rest = key.partition(":")
    if kind == "members":
        label = "จำนวนสมาชิกในครัวเรือน (คน)"
    elif kind == "age":
        label = f"อายุสมาชิกลำดับที่ {rest} (ปี)"
    elif kind == "income":
        label = FIELDS[rest].label + " (บาท/ปี)"
    else:
        label = answer_label(survey, rest)
    return Item(key, kind, label, settings.item_class(key), kind == "answer" and _is_count(survey, rest))


def sheet_items(survey: Survey, settings: ms.MonitoringSettings) -> list[Item]:
    """Household-level items printed on every sheet, in order (member ages are a separate blank table)."""
    keys = []
    if "members" in settings.items:
        keys.append("members")
    if "answer" in settings.items:
        keys += [ANSWER_PREFIX + c for c in answer_codes(survey, settings)]
    if "income" in settings.items:
        keys += [f"income:{c}" for c in ms.INCOME_COLUMNS]
    return [item(survey, settings, k) for k in keys]


def recorded(conn: Connection, household_id: int, asked_on: str, settings: ms.MonitoringSettings,
             also: tuple[str, ...] = ()) -> dict[str, str]:
    """The record's value of every item the settings re-ask, and of the item keys in `also` (an answer code
    asked beyond the settings). Imported values, not the corrections overlay: the back-check measures the data
    as collected. Answers the record leaves blank are absent."""
    row = conn.execute(text("SELECT * FROM household WHERE id = :id"), {"id": household_id}).mappings().first()
    if row is None:
        return {}
    survey = surveys.require(conn, row["survey_year"])
    out: dict[str, str] = {}
    kinds = set(settings.items) | {k.split(":", 1)[0] for k in also}
    members = conn.execute(text("SELECT seq, birth_date FROM member WHERE household_id = :id ORDER BY seq"),
                           {"id": household_id}).all()
    if "members" in kinds:
        out["members"] = str(len(members))
    if "age" in kinds:
        on = dt.date.fromisoformat(asked_on)
        for seq, birth in members:
            if birth:
                out[f"age:{seq}"] = str(dates.age_at(dt.date.fromisoformat(birth), on)[0])
    codes = answer_codes(survey, settings) if "answer" in settings.items else []
    codes += [k[len(ANSWER_PREFIX):] for k in also if k.startswith(ANSWER_PREFIX) and k[len(ANSWER_PREFIX):] not in codes]
    for code in codes:
        value = raw_value(dict(row), ANSWER_PREFIX + code, survey.layout)
        if value != "":
            out[ANSWER_PREFIX + code] = value
    if "income" in kinds:
        out.update({f"income:{c}": str(int(row[c] or 0)) for c in ms.INCOME_COLUMNS})
    return out


def normalise(key: str, value, is_count: bool = False) -> tuple[str | None, str | None]:
    """(value as stored, None) or (None, the problem as a message); '' means not asked."""
    text_value = str(value if value is not None else "").strip().replace(",", "").translate(dates.ARABIC_DIGITS)
    if text_value in ("", "-"):
        return "", None
    kind = key.split(":", 1)[0]
    if kind == "answer" and not is_count:
        mapped = {"ใช่": "1", "y": "1", "yes": "1", "ไม่ใช่": "0", "n": "0", "no": "0"}.get(text_value.lower(), text_value)
        if mapped not in ("1", "0"):
            return None, msg("mon_bad_yes_no", item=key, value=value)
        return mapped, None
    if not text_value.isdigit():
        return None, msg("mon_bad_number", item=key, value=value)
    number = int(text_value)
    if kind == "age" and number > MAX_AGE:
        return None, msg("mon_age_too_high", item=key, n=MAX_AGE)
    if kind in ("members", "answer") and number > 99:
        return None, msg("mon_count_too_high", item=key)
    return str(number), None


def matches(settings: ms.MonitoringSettings, key: str, recorded_value: str, checked: str) -> bool:
    """Within tolerance: |checked - recorded| <= max(abs, pct % of the recorded value)."""
    tol = settings.tolerance(key)
    try:
        a, b = int(recorded_value), int(checked)
    except ValueError:
        return recorded_value == checked
    allowed = max(float(tol.get("abs", 0)), float(tol.get("pct", 0)) * abs(a) / 100)
    return abs(a - b) <= allowed + 1e-9
