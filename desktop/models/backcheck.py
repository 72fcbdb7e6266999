"""Back-check samples and answers of a monitoring visit: append-only events.

Sample ("backcheck.sample"): per visited village, households sorted by house code, drawn with
random.Random(f"{seed}:{village}") — a string seed is hashed with SHA-512, so the draw is the same on every
machine and Python run. The event records the seed, the sample settings and the drawn ids, so anyone can
redraw it (verify()). Stratified: households failing at least one indicator and the others, allocated in
proportion with at least one from each non-empty stratum (the failing stratum first when the sample is
smaller than the number of strata).

Answers ("backcheck.answer"): per household, the re-asked values with the record's values at that moment
(so the comparison never changes afterwards), who asked and when. A correction is a new event superseding
the old one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import audit, backcheck_items, dates, events, surveys, visits
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError
from desktop.models.monitoring_messages import msg, problems_text

SAMPLE_KIND, ANSWER_KIND = "backcheck.sample", "backcheck.answer"
QR_PREFIX = "BMNBC:"


@dataclass(frozen=True)
class Sample:
    uuid: str
    visit_id: str
    seed: str
    settings: dict
    households: dict[str, list[int]]  # village code -> drawn household ids (house-code order)
    created_at: str

    def all_ids(self) -> list[int]:
        return [h for village in sorted(self.households) for h in self.households[village]]


@dataclass(frozen=True)
class Answer:
    uuid: str
    visit_id: str
    household_id: int
    village: int
    asked_on: str
    checker: str
    answers: dict[str, str]
    recorded: dict[str, str]
    created_at: str


# ------------------------------------------------------------------------------------------- drawing

def allocate(size: int, strata: list[int]) -> list[int]:
    """How many to draw from each stratum (sizes given in priority order): proportional (largest remainder),
    at least one from each non-empty stratum while the size allows, never more than a stratum holds."""
    total = sum(strata)
    size = min(size, total)
    alloc = [0] * len(strata)
    for i, n in enumerate(strata):  # one from each non-empty stratum, in priority order
        if n and sum(alloc) < size:
            alloc[i] = 1
    quotas = [size * n / total if total else 0 for n in strata]
    while sum(alloc) < size:
        room = [i for i, n in enumerate(strata) if alloc[i] < n]
        best = max(room, key=lambda i: (quotas[i] - alloc[i], -i))
        alloc[best] += 1
    return alloc


def draw(households: list[tuple[int, str, bool]], settings: ms.MonitoringSettings, seed: str, village: str) -> list[int]:
    """Draw one village's sample. households: (id, house code, fails at least one indicator)."""
    ordered = sorted(households, key=lambda h: h[1])
    size = settings.sample_size(len(ordered))
    rng = random.Random(f"{seed}:{village}")
    if settings.stratify:
        strata = [[h for h in ordered if h[2]], [h for h in ordered if not h[2]]]
    else:
        strata = [ordered]
    picked = []
    for stratum, k in zip(strata, allocate(size, [len(s) for s in strata])):
        picked += rng.sample(stratum, k)
    return [h[0] for h in sorted(picked, key=lambda h: h[1])]


def _village_households(conn: Connection, survey_year: int, village: str) -> list[tuple[int, str, bool]]:
    rows = conn.execute(text("SELECT id, house_code, n_failed > 0 FROM household WHERE survey_year = :y AND village = :v"
                             " ORDER BY house_code"), {"y": survey_year, "v": int(village)}).all()
    return [(r[0], r[1], bool(r[2])) for r in rows]


def redraw(conn: Connection, visit: visits.Visit, settings: ms.MonitoringSettings, seed: str) -> dict[str, list[int]]:
    return {v: draw(_village_households(conn, visit.survey_year, v), settings, seed, v) for v in visit.villages}


def new_seed() -> str:
    return str(secrets.randbelow(900_000) + 100_000)


def draw_sample(conn: Connection, visit_id: str, seed: str | None = None, *, replace: bool = False) -> Sample:
    """Draw and record the visit's sample (caller's transaction). A visit keeps one sample; replace=True redraws
    it (a new event superseding the old) and is refused once answers were entered."""
    visit = visits.get(conn, visit_id)
    if visit is None or visit.withdrawn:
        raise UserError(msg("mon_visit_missing", visit=visit_id))
    old = current_sample(conn, visit_id)
    if old and not replace:
        raise UserError(msg("mon_sample_exists"))
    if old and answers_of(conn, visit_id):
        raise UserError(msg("mon_redraw_answered"))
    seed = str(seed).strip() if seed is not None and str(seed).strip() else new_seed()
    settings = ms.load(conn)
    households = redraw(conn, visit, settings, seed)
    sample_uuid = str(uuid.uuid4())
    created = events.now()
    conn.execute(text(
        "INSERT INTO backcheck_sample(uuid, visit_id, supersedes, seed, settings, households, created_at, officer)"
        " VALUES (:u, :v, :s, :seed, :set, :h, :t, :off)"),
        {"u": sample_uuid, "v": visit_id, "s": old.uuid if old else None, "seed": seed,
         "set": json.dumps(settings.sample_part(), sort_keys=True), "h": json.dumps(households, sort_keys=True),
         "t": created, "off": events.officer_json(conn)})
    detail = {"uuid": sample_uuid, "visit_id": visit_id, "supersedes": old.uuid if old else None, "seed": seed,
              "settings": settings.sample_part(), "households": households, "survey_year": visit.survey_year}
    audit.append(conn, SAMPLE_KIND, target=visit_id, detail=detail)
    events.record(conn, SAMPLE_KIND, detail, visit.area_code)
    drawn = current_sample(conn, visit_id)
    assert drawn is not None  # written just above, in this transaction
    return drawn


def current_sample(conn: Connection, visit_id: str) -> Sample | None:
    row = conn.execute(text(
        "SELECT * FROM backcheck_sample s WHERE s.visit_id = :v AND NOT EXISTS"
        " (SELECT 1 FROM backcheck_sample n WHERE n.supersedes = s.uuid) ORDER BY s.seq DESC LIMIT 1"),
        {"v": visit_id}).first()
    if row is None:
        return None
    return Sample(row.uuid, row.visit_id, row.seed, json.loads(row.settings), json.loads(row.households), row.created_at)


def verify(conn: Connection, sample: Sample) -> dict[str, tuple[list[int], list[int]]]:
    """Redraw with the recorded seed and settings: {village: (recorded, redrawn)} for the villages that differ
    (empty = the same sample; a difference means the village's households changed since, e.g. a re-import)."""
    visit = visits.require(conn, sample.visit_id)
    settings = ms.from_dict(sample.settings)
    again = redraw(conn, visit, settings, sample.seed)
    return {v: (sample.households.get(v, []), again.get(v, [])) for v in sorted(set(again) | set(sample.households))
            if sample.households.get(v, []) != again.get(v, [])}


# ------------------------------------------------------------------------------------------- answers

def short_code(visit: visits.Visit, house_code: str) -> str:
    return f"{visit.short_code}-{house_code}"


def find_by_code(conn: Connection, code: str) -> tuple[visits.Visit, int] | None:
    """(visit, household id) for a sheet's short code as typed or scanned ("BMNBC:7F3A2B-52010000011")."""
    code = code.strip().translate(dates.ARABIC_DIGITS).upper().removeprefix(QR_PREFIX).strip()
    visit_part, _, house_code = code.partition("-")
    visit = visits.by_short_code(conn, visit_part)
    sample = current_sample(conn, visit.visit_id) if visit else None
    if visit is None or sample is None or not house_code.isdigit():
        return None
    hid = conn.execute(text("SELECT id FROM household WHERE survey_year = :y AND house_code = :c"),
                       {"y": visit.survey_year, "c": house_code}).scalar()
    return (visit, hid) if hid in sample.all_ids() else None


def record_answers(conn: Connection, visit_id: str, household_id: int, values: dict, *, checker: str,
                   asked_on: str, supersedes: str | None = None) -> Answer:
    """Record one household's re-check answers (caller's transaction); UserError lists every problem first."""
    problems: list[str] = []
    visit = visits.get(conn, visit_id)
    sample = current_sample(conn, visit_id) if visit else None
    if visit is None or visit.withdrawn or sample is None:
        raise UserError(msg("mon_no_sample", visit=visit_id))
    if household_id not in sample.all_ids():
        problems.append(msg("mon_not_in_sample", household=household_id))
    if not checker.strip():
        problems.append(msg("mon_no_checker"))
    try:
        day = dates.parse_date(asked_on)
        if day > dt.date.today():
            problems.append(msg("mon_asked_future", date=dates.be_date(day.isoformat())))
        asked_on = day.isoformat()
    except (ValueError, TypeError, AttributeError):
        problems.append(msg("mon_bad_asked_date", value=asked_on))
        asked_on = visit.visit_date
    survey = surveys.require(conn, visit.survey_year)
    settings = ms.load(conn)
    clean = {}
    for key, value in values.items():
        if not _known_key(key, survey):
            problems.append(msg("mon_unknown_item", item=key))
            continue
        spec = backcheck_items.item(survey, settings, key)
        norm, problem = backcheck_items.normalise(key, value, spec.count)
        if problem:
            problems.append(problem)
        elif norm != "":
            clean[key] = norm
    if not clean and not problems:
        problems.append(msg("mon_no_answers"))
    current = {a.household_id: a for a in answers_of(conn, visit_id)}.get(household_id)
    if supersedes is None and current is not None:
        supersedes = current.uuid  # entering a household again corrects its answers
    elif supersedes is not None and (current is None or current.uuid != supersedes):
        problems.append(msg("mon_not_latest_answer"))
    from desktop.models import other_offices

    other_offices.check_own(conn, "backcheck_answer", supersedes)
    if problems:
        raise UserError(problems_text("mon_answer_failed", problems))
    recorded = backcheck_items.recorded(conn, household_id, asked_on, settings, tuple(clean))
    village = conn.execute(text("SELECT village FROM household WHERE id = :id"), {"id": household_id}).scalar()
    answer_uuid = str(uuid.uuid4())
    conn.execute(text(
        "INSERT INTO backcheck_answer(uuid, visit_id, household_id, supersedes, village, asked_on, checker, answers,"
        " recorded, created_at, officer) VALUES (:u, :v, :h, :s, :vil, :d, :c, :a, :r, :t, :off)"),
        {"u": answer_uuid, "v": visit_id, "h": household_id, "s": supersedes, "vil": village, "d": asked_on,
         "c": checker.strip(), "a": json.dumps(clean, sort_keys=True), "r": json.dumps(recorded, sort_keys=True),
         "t": events.now(), "off": events.officer_json(conn)})
    detail = {"uuid": answer_uuid, "visit_id": visit_id, "household": household_id, "supersedes": supersedes,
              "asked_on": asked_on, "checker": checker.strip(), "answers": clean, "recorded": recorded,
              "survey_year": visit.survey_year}
    audit.append(conn, ANSWER_KIND, target=str(household_id), detail=detail)
    events.record(conn, ANSWER_KIND, detail, visit.area_code)
    return next(a for a in answers_of(conn, visit_id) if a.uuid == answer_uuid)


def _known_key(key: str, survey) -> bool:
    kind, _, rest = key.partition(":")
    if kind == "members":
        return rest == ""
    if kind == "age":
        return rest.isdigit() and 0 < int(rest) < 100
    if kind == "income":
        return rest in ms.INCOME_COLUMNS
    return kind == "answer" and rest in survey.layout


ANSWER_CURRENT = "NOT EXISTS (SELECT 1 FROM backcheck_answer n WHERE n.supersedes = a.uuid)"


def _answer(row) -> Answer:
    return Answer(row.uuid, row.visit_id, row.household_id, row.village, row.asked_on, row.checker,
                  json.loads(row.answers), json.loads(row.recorded), row.created_at)


def answers_of(conn: Connection, visit_id: str) -> list[Answer]:
    """The visit's current answers (one per household), in entry order."""
    rows = conn.execute(text(f"SELECT * FROM backcheck_answer a WHERE a.visit_id = :v AND {ANSWER_CURRENT}"
                             " ORDER BY a.seq"), {"v": visit_id})
    return [_answer(r) for r in rows]


def answers_in(conn: Connection, visit_ids: list[str]) -> list[Answer]:
    rows = conn.execute(text(f"SELECT * FROM backcheck_answer a WHERE a.visit_id IN (SELECT value FROM json_each(:v))"
                             f" AND {ANSWER_CURRENT} ORDER BY a.seq"), {"v": json.dumps(visit_ids)})
    return [_answer(r) for r in rows]


def sample_size_note(settings: ms.MonitoringSettings) -> str:
    if settings.sample_mode == "fixed":
        return f"{settings.size_fixed} ครัวเรือนต่อหมู่บ้าน"
    pct = f"{settings.size_percent:g}"
    return f"ร้อยละ {pct} ของครัวเรือน อย่างน้อย {settings.size_minimum} ครัวเรือนต่อหมู่บ้าน"



@dataclass(frozen=True)
class EntryForm:
    """What the entry form needs for one sampled household: never the record's values, only who and what to ask
    (and this household's earlier back-check answers, when it is entered again to correct them)."""

    visit: visits.Visit
    household_id: int
    code: str
    identity: str  # village, house number, house code, head's name
    items: list  # backcheck_items.Item, household-level, in sheet order
    member_rows: int
    previous: dict[str, str]


def entry_form(conn: Connection, code: str) -> EntryForm | None:
    found = find_by_code(conn, code)
    if found is None:
        return None
    visit, hid = found
    row = conn.execute(text(
        "SELECT h.house_no, h.house_code, h.head_name, CAST(h.village AS TEXT) AS village,"
        " (SELECT count(*) FROM member m WHERE m.household_id = h.id) AS n,"
        " (SELECT name_th FROM area WHERE code = CAST(h.village AS TEXT)) AS village_name"
        " FROM household h WHERE h.id = :id"), {"id": hid}).one()
    settings = ms.load(conn)
    survey = surveys.require(conn, visit.survey_year)
    previous = next((a.answers for a in answers_of(conn, visit.visit_id) if a.household_id == hid), {})
    identity = (f"{row.village_name or row.village} · บ้านเลขที่ {row.house_no} · รหัสบ้าน {row.house_code}"
                f" · {row.head_name}")
    rows = max(8, row.n, max((int(k[4:]) for k in previous if k.startswith("age:")), default=0))
    return EntryForm(visit, hid, short_code(visit, row.house_code), identity,
                     backcheck_items.sheet_items(survey, settings), rows if "age" in settings.items else 0, previous)
