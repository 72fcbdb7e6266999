"""Monitoring visits (การติดตามการจัดเก็บข้อมูล จปฐ.): append-only events in `visit_event`.

A visit may be logged ahead of its date (planned), so that its sample is drawn and its sheets printed before
going to the field; it counts as done once its date has come.

A visit is logged once (kind "visit.log" in the outbox); a correction of it is a new event with the same
visit_id whose `supersedes` names the event it replaces (withdrawn=1 to take a visit back). The current state
of a visit is its event that nothing supersedes. Every write has its audit entry and outbox event in the
caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import audit, dates, events
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError
from desktop.models.monitoring_messages import msg, problems_text

LEVELS = ("district", "province")
LEVEL_LABELS = {"district": "อำเภอ", "province": "จังหวัด"}
EVENT_KIND = "visit.log"


@dataclass(frozen=True)
class Visitor:
    name: str
    position: str = ""


@dataclass(frozen=True)
class Visit:
    visit_id: str
    uuid: str  # the current event
    survey_year: int
    level: str
    area_code: str
    visit_date: str  # ISO
    villages: tuple[str, ...]
    visitors: tuple[Visitor, ...]
    checklist: dict = field(default_factory=dict, hash=False, compare=False)
    notes: str = ""
    withdrawn: bool = False
    created_at: str = ""

    @property
    def short_code(self) -> str:
        """Six characters that name the visit on paper (with a house code, a back-check sheet)."""
        return self.visit_id.replace("-", "")[:6].upper()

    @property
    def planned(self) -> bool:
        """Logged ahead (to draw the sample and print the sheets before going): not yet a visit done."""
        return self.visit_date > dt.date.today().isoformat()

    @property
    def date_be(self) -> str:
        return dates.thai_date(dt.date.fromisoformat(self.visit_date))




def _validate(conn: Connection, survey_year: int, level: str, area_code: str, visit_date: str, villages,
              visitors, checklist: dict, settings: ms.MonitoringSettings) -> tuple[str, list[str], list[Visitor]]:
    problems: list[str] = []
    if level not in LEVELS:
        problems.append(msg("mon_bad_level", value=level))
    want_len = 4 if level == "district" else 2
    if not (area_code.isdigit() and len(area_code) == want_len):
        problems.append(msg("mon_bad_area", n=want_len, value=area_code))
    try:
        day = dates.parse_date(visit_date)
        if (day - dt.date.today()).days > 366:  # a planned visit may lie ahead, not a year off
            problems.append(msg("mon_visit_too_far", date=dates.be_date(day.isoformat())))
        iso = day.isoformat()
    except (ValueError, TypeError):
        problems.append(msg("mon_bad_visit_date", value=visit_date))
        iso = ""
    codes = sorted({str(v).strip() for v in villages if str(v).strip()})
    if not codes:
        problems.append(msg("mon_no_villages"))
    known = set(conn.execute(
        text("SELECT CAST(village AS TEXT) FROM area_stat WHERE survey_year = :y AND village IN"
             " (SELECT value FROM json_each(:v))"), {"y": survey_year, "v": json.dumps(codes)}).scalars())
    problems += [msg("mon_unknown_village", code=c, year=survey_year) for c in codes if c not in known]
    problems += [msg("mon_village_outside", code=c, area=area_code) for c in codes
                 if area_code and not c.startswith(area_code)]
    people = [Visitor(str(v.name).strip(), str(v.position).strip()) for v in visitors if str(v.name).strip()]
    if not people:
        problems.append(msg("mon_no_visitors"))
    keys = {k for k, _ in settings.checklist}
    problems += [msg("mon_unknown_check", item=k) for k in checklist if k not in keys]
    problems += [msg("mon_bad_check", item=k) for k, v in checklist.items() if v not in (True, False, None)]
    return iso, problems, people


def log(conn: Connection, *, survey_year: int, level: str, area_code: str, visit_date: str, villages, visitors,
        checklist: dict | None = None, notes: str = "", supersedes: str | None = None, withdrawn: bool = False) -> Visit:
    """Record a visit (or, with supersedes=<event uuid>, a corrected version of one). Raises UserError listing
    every problem before anything is written."""
    settings = ms.load(conn)
    checklist = dict(checklist or {})
    iso, problems, people = _validate(conn, survey_year, level, area_code, visit_date, villages, visitors, checklist,
                                      settings)
    visit_id = None
    if supersedes:
        from desktop.models import other_offices

        other_offices.check_own(conn, "visit_event", supersedes)
        old = conn.execute(text("SELECT visit_id FROM visit_event WHERE uuid = :u"), {"u": supersedes}).first()
        if old is None:
            problems.append(msg("mon_visit_missing", visit=supersedes))
        elif conn.execute(text("SELECT 1 FROM visit_event WHERE supersedes = :u"), {"u": supersedes}).first():
            problems.append(msg("mon_superseded"))
        else:
            visit_id = old.visit_id
    if problems:
        raise UserError(problems_text("mon_visit_failed", problems))
    event_uuid = str(uuid.uuid4())
    visit_id = visit_id or event_uuid
    villages = sorted({str(v).strip() for v in villages if str(v).strip()})
    row = {"u": event_uuid, "vid": visit_id, "sup": supersedes, "y": survey_year, "lvl": level, "a": area_code,
           "d": iso, "vil": json.dumps(villages), "who": json.dumps([p.__dict__ for p in people], ensure_ascii=False),
           "chk": json.dumps(checklist, sort_keys=True), "n": notes.strip(), "w": int(withdrawn), "t": events.now(),
           "off": events.officer_json(conn)}
    conn.execute(text(
        "INSERT INTO visit_event(uuid, visit_id, supersedes, survey_year, level, area_code, visit_date, villages,"
        " visitors, checklist, notes, withdrawn, created_at, officer) VALUES (:u, :vid, :sup, :y, :lvl, :a, :d, :vil,"
        " :who, :chk, :n, :w, :t, :off)"), row)
    detail = {"uuid": event_uuid, "visit_id": visit_id, "supersedes": supersedes, "survey_year": survey_year,
              "level": level, "area_code": area_code, "visit_date": iso, "villages": villages,
              "visitors": [p.__dict__ for p in people], "checklist": checklist, "notes": notes.strip(),
              "withdrawn": bool(withdrawn)}
    audit.append(conn, EVENT_KIND, target=area_code, detail=detail)
    events.record(conn, EVENT_KIND, detail, area_code)  # record-only on the server: no household changes
    return require(conn, visit_id)


def _visit(row) -> Visit:
    return Visit(row.visit_id, row.uuid, row.survey_year, row.level, row.area_code, row.visit_date,
                 tuple(json.loads(row.villages)), tuple(Visitor(**v) for v in json.loads(row.visitors)),
                 json.loads(row.checklist), row.notes, bool(row.withdrawn), row.created_at)


CURRENT = "NOT EXISTS (SELECT 1 FROM visit_event s WHERE s.supersedes = v.uuid)"


def get(conn: Connection, visit_id: str) -> Visit | None:
    row = conn.execute(text(f"SELECT * FROM visit_event v WHERE v.visit_id = :id AND {CURRENT}"),
                       {"id": visit_id}).first()
    return _visit(row) if row else None


def require(conn: Connection, visit_id: str) -> Visit:
    """A visit that must exist (named by a sample, an answer, or just written): a UserError if it does not."""
    found = get(conn, visit_id)
    if found is None:
        raise UserError(msg("mon_visit_not_found", ident=visit_id))
    return found


def by_short_code(conn: Connection, code: str) -> Visit | None:
    """The visit whose id starts with the six characters printed on its sheets."""
    code = code.strip().lower()
    if len(code) != 6 or any(c not in "0123456789abcdef" for c in code):
        return None
    row = conn.execute(text(f"SELECT * FROM visit_event v WHERE substr(v.visit_id, 1, 6) = :c AND {CURRENT}"
                            " ORDER BY v.seq LIMIT 1"), {"c": code}).first()
    return _visit(row) if row else None


def visits(conn: Connection, survey_year: int, area_code: str = "", include_withdrawn: bool = False) -> list[Visit]:
    """Current visits of a year whose villages touch the area (a prefix; "" = all), oldest first."""
    rows = conn.execute(text(f"SELECT * FROM visit_event v WHERE v.survey_year = :y AND {CURRENT}"
                             " ORDER BY v.visit_date, v.seq"), {"y": survey_year}).all()
    out = [_visit(r) for r in rows]
    return [v for v in out if (include_withdrawn or not v.withdrawn)
            and (not area_code or any(c.startswith(area_code) for c in v.villages))]


def history(conn: Connection, visit_id: str) -> list[Visit]:
    rows = conn.execute(text("SELECT * FROM visit_event v WHERE v.visit_id = :id ORDER BY v.seq"), {"id": visit_id})
    return [_visit(r) for r in rows]


def villages_in(conn: Connection, survey_year: int, area_code: str, limit: int = 500) -> list[tuple[str, str, int]]:
    """(village code, Thai name, households) of the year under an area code prefix, for choosing visited villages."""
    rows = conn.execute(text(
        "SELECT s.village, coalesce(a.name_th, s.village), s.households FROM area_stat s LEFT JOIN area a"
        " ON a.code = s.village WHERE s.survey_year = :y AND s.village LIKE :p ORDER BY s.village LIMIT :n"),
        {"y": survey_year, "p": f"{area_code}%", "n": limit}).all()
    return [(r[0], r[1], r[2]) for r in rows]
