"""The data-quality confidence figure (ความเชื่อมั่นคุณภาพของข้อมูล จปฐ.) and the monitoring KPI board.

Confidence = items matching the record ÷ items compared × 100, from the current back-check answers of the
visits of a survey year. An item is compared when the back-check gave a value and the record has one.
Aggregation (a setting): "items" weights every compared item equally at every level; "villages" takes the plain
mean of the village percentages under an area (villages with no compared item do not count).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import backcheck, backcheck_items, surveys, visits
from desktop.models import monitoring_settings as ms

LEVEL_LENGTHS = {"village": 8, "tambon": 6, "district": 4, "province": 2}


@dataclass(frozen=True)
class Comparison:
    visit_id: str
    answer_uuid: str
    household_id: int
    village: str
    collector: str
    key: str
    kind: str
    cls: int
    indicator: int | None
    recorded: str
    checked: str
    match: bool


@dataclass(frozen=True)
class Figure:
    key: str  # area code, indicator number, collector name, class, item kind
    compared: int
    matched: int
    percent: float | None  # None when nothing was compared
    villages: int = 0  # villages with compared items (mean-of-villages mode)

    @property
    def mismatched(self) -> int:
        return self.compared - self.matched


def compare_answer(settings: ms.MonitoringSettings, survey, answer: backcheck.Answer, collector: str = "",
                   village: str | None = None) -> list[Comparison]:
    out = []
    for key in sorted(answer.answers, key=_item_order):
        if key not in answer.recorded:
            continue  # the record has no value (a question that did not apply, a member not on the record)
        kind, _, rest = key.partition(":")
        indicator = backcheck_items.indicator_of(survey, rest) if kind == "answer" else None
        recorded, checked = answer.recorded[key], answer.answers[key]
        out.append(Comparison(answer.visit_id, answer.uuid, answer.household_id, village or str(answer.village),
                              collector, key, kind, settings.item_class(key), indicator, recorded, checked,
                              backcheck_items.matches(settings, key, recorded, checked)))
    return out


def _item_order(key: str):
    kind, _, rest = key.partition(":")
    return (("members", "age", "answer", "income").index(kind) if kind in ("members", "age", "answer", "income")
            else 9, int(rest) if rest.isdigit() else 0, rest)


def comparisons(conn: Connection, survey_year: int, area_code: str = "", level: str | None = None,
                visit_ids: list[str] | None = None) -> list[Comparison]:
    """Every compared item of the year's current answers inside the area (village code prefix)."""
    settings = ms.load(conn)
    survey = surveys.get(conn, survey_year)
    if survey is None:
        return []
    chosen = [v.visit_id for v in visits.visits(conn, survey_year, area_code)
              if (level is None or v.level == level) and (visit_ids is None or v.visit_id in visit_ids)]
    answers = [a for a in backcheck.answers_in(conn, chosen) if str(a.village).startswith(area_code)]
    collectors: dict[int, str] = dict(conn.execute(
        text("SELECT id, collector FROM household WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps([a.household_id for a in answers])}).all())
    out = []
    for a in answers:
        out += compare_answer(settings, survey, a, collectors.get(a.household_id, "") or "")
    return out


def _figure(key: str, comps: list[Comparison]) -> Figure:
    compared, matched = len(comps), sum(c.match for c in comps)
    return Figure(key, compared, matched, 100 * matched / compared if compared else None,
                  len({c.village for c in comps}))


def group(comps: list[Comparison], key_of) -> list[Figure]:
    groups: dict = {}
    for c in comps:
        groups.setdefault(key_of(c), []).append(c)
    order = sorted(groups, key=lambda k: (k is None, not isinstance(k, int), k if isinstance(k, int) else 0, str(k)))
    return [_figure(str(k), groups[k]) for k in order]


def area_figures(comps: list[Comparison], level: str, mode: str = "items") -> list[Figure]:
    """One figure per area of a level ("village", "tambon", "district", "province")."""
    n = LEVEL_LENGTHS[level]
    if mode == "items" or level == "village":
        return group(comps, lambda c: c.village[:n])
    villages = {f.key: f for f in group(comps, lambda c: c.village)}
    areas: dict[str, list[Figure]] = {}
    for code, fig in villages.items():
        areas.setdefault(code[:n], []).append(fig)
    return [Figure(code, sum(f.compared for f in figs), sum(f.matched for f in figs),
                   sum(f.percent or 0.0 for f in figs) / len(figs), len(figs)) for code, figs in sorted(areas.items())]


def overall(comps: list[Comparison], mode: str = "items") -> Figure:
    if mode == "items":
        return _figure("", comps)
    villages = group(comps, lambda c: c.village)
    if not villages:
        return Figure("", 0, 0, None)
    return Figure("", sum(f.compared for f in villages), sum(f.matched for f in villages),
                  sum(f.percent or 0.0 for f in villages) / len(villages), len(villages))


@dataclass
class Summary:
    survey_year: int
    area_code: str
    mode: str
    overall: Figure
    levels: dict[str, list[Figure]] = field(default_factory=dict)
    indicators: list[Figure] = field(default_factory=list)
    collectors: list[Figure] = field(default_factory=list)
    classes: list[Figure] = field(default_factory=list)
    kinds: list[Figure] = field(default_factory=list)
    mismatches: list[Comparison] = field(default_factory=list)


def summary(conn: Connection, survey_year: int, area_code: str = "", *, mode: str | None = None,
            visit_ids: list[str] | None = None) -> Summary:
    mode = mode or ms.load(conn).aggregation
    comps = comparisons(conn, survey_year, area_code, visit_ids=visit_ids)
    return Summary(
        survey_year, area_code, mode, overall(comps, mode),
        {lvl: area_figures(comps, lvl, mode) for lvl in LEVEL_LENGTHS if LEVEL_LENGTHS[lvl] > len(area_code)
         or lvl == "village"},
        group([c for c in comps if c.indicator is not None], lambda c: c.indicator),
        group(comps, lambda c: c.collector or "(ไม่ระบุ)"),
        group(comps, lambda c: c.cls),
        group(comps, lambda c: c.kind),
        [c for c in comps if not c.match],
    )


# ------------------------------------------------------------------------------------------- KPI board

@dataclass(frozen=True)
class KpiRow:
    area_code: str
    name: str
    visits_done: int
    visits_required: int
    province_visits: int  # visits by the province that touched this district
    sampled: int
    answered: int
    confidence: Figure
    colour: str
    missing: tuple[str, ...]


def kpi_board(conn: Connection, survey_year: int, province: str) -> tuple[KpiRow, list[KpiRow]]:
    """(the province row, one row per district with data in the year): visits done vs required, back-checks,
    confidence and what is missing."""
    settings = ms.load(conn)
    province = province[:2]
    all_visits = visits.visits(conn, survey_year, province)
    samples = {v.visit_id: backcheck.current_sample(conn, v.visit_id) for v in all_visits}
    answered = {a.household_id for a in backcheck.answers_in(conn, [v.visit_id for v in all_visits])}
    comps = comparisons(conn, survey_year, province)
    districts = conn.execute(text(
        "SELECT a.code, a.name_th FROM area a WHERE a.parent = :p AND length(a.code) = 4 AND EXISTS"
        " (SELECT 1 FROM area_stat s WHERE s.survey_year = :y AND substr(s.village, 1, 4) = a.code) ORDER BY a.code"),
        {"p": province, "y": survey_year}).all()
    rows = [_kpi_row(code, name, "district", all_visits, samples, answered, comps, settings) for code, name in districts]
    name = conn.execute(text("SELECT name_th FROM area WHERE code = :c"), {"c": province}).scalar() or province
    top = _kpi_row(province, name, "province", all_visits, samples, answered, comps, settings)
    return top, rows


def _kpi_row(code, name, level, all_visits, samples, answered, comps, settings) -> KpiRow:
    touching = [v for v in all_visits if any(c.startswith(code) for c in v.villages)]
    done = sum(1 for v in touching if v.level == level and not v.planned)
    planned = sum(1 for v in touching if v.level == level and v.planned)
    by_province = sum(1 for v in touching if v.level == "province" and not v.planned)
    drawn = {h for v in touching if samples.get(v.visit_id)
             for village, ids in samples[v.visit_id].households.items() if village.startswith(code) for h in ids}
    got = len(drawn & answered)
    fig = overall([c for c in comps if c.village.startswith(code)], settings.aggregation)
    required = int(settings.required_visits.get(level, 0))
    missing = []
    if done < required:
        missing.append(f"ยังขาดการติดตามระดับ{visits.LEVEL_LABELS[level]} {required - done} ครั้ง"
                       + (f" (วางแผนไว้ {planned} ครั้ง)" if planned else ""))
    if any(not samples.get(v.visit_id) for v in touching):
        missing.append("มีการติดตามที่ยังไม่ได้สุ่มตัวอย่าง")
    if len(drawn) > got:
        missing.append(f"ยังไม่บันทึกผลตรวจสอบซ้ำ {len(drawn) - got} ครัวเรือน")
    if fig.percent is not None and fig.percent < settings.kpi_target:
        missing.append(f"ความเชื่อมั่นต่ำกว่าร้อยละ {settings.kpi_target:g}")
    return KpiRow(code, name, done, required, by_province, len(drawn), got, fig, settings.kpi_colour(fig.percent),
                  tuple(missing))


@dataclass(frozen=True)
class SampledHousehold:
    household_id: int
    village: str
    house_no: str
    house_code: str
    code: str  # the sheet's short code
    answer_uuid: str | None
    compared: int
    matched: int
    mismatched: tuple[str, ...]  # item keys that differ from the record
    mismatched_labels: tuple[str, ...] = ()  # the same in Thai
    village_name: str = ""


def sampled_households(conn: Connection, visit_id: str) -> list[SampledHousehold]:
    """The visit's sample with each household's back-check state (for the monitoring board)."""
    visit = visits.get(conn, visit_id)
    sample = backcheck.current_sample(conn, visit_id) if visit else None
    if visit is None or sample is None:
        return []
    settings, survey = ms.load(conn), surveys.require(conn, visit.survey_year)
    answers = {a.household_id: a for a in backcheck.answers_of(conn, visit_id)}
    rows = {r.id: r for r in conn.execute(text(
        "SELECT id, house_no, house_code FROM household WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(sample.all_ids())})}
    from desktop.models import areas

    names = areas.names_of(conn, sorted(sample.households))
    out = []
    for village in sorted(sample.households):
        for hid in sample.households[village]:
            row = rows.get(hid)
            if row is None:
                continue
            answer = answers.get(hid)
            comps = compare_answer(settings, survey, answer) if answer else []
            wrong = [c for c in comps if not c.match]
            out.append(SampledHousehold(hid, village, row.house_no, row.house_code,
                                        backcheck.short_code(visit, row.house_code), answer.uuid if answer else None,
                                        len(comps), sum(c.match for c in comps), tuple(c.key for c in wrong),
                                        tuple(backcheck_items.item(survey, settings, c.key).label for c in wrong),
                                        names.get(village, village)))
    return out
