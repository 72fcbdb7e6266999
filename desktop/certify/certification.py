"""Certification (รับรองข้อมูล) of an area's survey year by its working group: tambon or อปท., then district,
then province (DESIGN.md §1, §3; DHIS2's approve-after-children rule).

- A certification is an append-only `certification_event`: who, when, level, the roster present, the summary
  figures printed on the form and a fingerprint of the data as corrected (desktop.sync.wire, computed by
  desktop.sync.local.fingerprint_lines: the province server recomputes the same) with its 8-character short
  code. Its per-household line digests are kept (zlib-packed) to tell later which records changed.
- Re-open is a `certification_reopen` event; a certification is "active" until re-opened, then "superseded".
  Nothing is ever updated in place.
- Certified data is locked: corrections of a household covered by an active certification are refused
  (desktop/models/locks.py `check_unlocked`, called by corrections.check_not_certified).
- Child-first: a district needs every tambon with households certified (a tambon also counts as certified
  when every village of it is in a certified อปท.), a province every district; an override needs a reason,
  which the form shows.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from desktop.certify.messages import msg, problems_text
from desktop.models import audit, cert_levels, corrections, demo_data, events, meta, surveys
from desktop.models import roster as rosters
from desktop.models.errors import UserError
from desktop.models.locks import ACTIVE, REOPENED, SUPERSEDED, Certification, check_unlocked
from desktop.models.roster import DISTRICT, LAO, PROVINCE, TAMBON, level_of
from desktop.reports import builders, figures, numbers
from desktop.reports.figures import Scope
from desktop.reports.model import MONEY
from desktop.sync import wire

STATUS_LABELS = {ACTIVE: "รับรองแล้ว", SUPERSEDED: "ยกเลิกการรับรองแล้ว (รอรับรองใหม่)"}


def _certification(conn: Connection, row) -> Certification:
    reopen = conn.execute(text("SELECT uuid, reason, by, at FROM certification_reopen WHERE certification_uuid = :u"
                               " ORDER BY seq LIMIT 1"), {"u": row.uuid}).first()
    return Certification(
        row.uuid, row.area_code, row.level, row.survey_year, row.certified_at, json.loads(row.officer or "{}"),
        json.loads(row.roster), row.fingerprint, row.short_code, json.loads(row.summary), row.override_reason,
        row.indicator_set, bool(row.provisional), row.place, row.households, SUPERSEDED if reopen else ACTIVE,
        {"uuid": reopen.uuid, "reason": reopen.reason, "by": json.loads(reopen.by or "{}"), "at": reopen.at}
        if reopen else None, row.verdict, row.origin, json.loads(row.office or "{}"))


_COLUMNS = ("uuid, area_code, level, survey_year, certified_at, officer, roster, fingerprint, short_code, summary,"
            " override_reason, indicator_set, provisional, place, households, verdict, origin, office")


def get(conn: Connection, cert_uuid: str) -> Certification:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM certification_event WHERE uuid = :u"), {"u": cert_uuid}).first()
    if row is None:
        raise UserError(msg("cert_not_found", uuid=cert_uuid))
    return _certification(conn, row)


def find(conn: Connection, *, survey_year: int | None = None, area_code: str | None = None,
         short_code: str | None = None, active_only: bool = False) -> list[Certification]:
    """Certifications matching the filters, newest first."""
    where, params = ["1 = 1"], {}
    for column, value in (("survey_year", survey_year), ("area_code", area_code), ("short_code", short_code)):
        if value is not None:
            where.append(f"c.{column} = :{column}")
            params[column] = value
    if active_only:
        where.append(f"NOT {REOPENED}")
    rows = conn.execute(text(f"SELECT {_COLUMNS} FROM certification_event c WHERE {' AND '.join(where)}"
                             " ORDER BY c.seq DESC"), params)
    return [_certification(conn, r) for r in rows]


def active(conn: Connection, area_code: str, survey_year: int) -> Certification | None:
    found = find(conn, survey_year=survey_year, area_code=area_code, active_only=True)
    return found[0] if found else None


# ---------------------------------------------------------------- the area a certification covers

@dataclass(frozen=True)
class Coverage:
    """What a certification of an area covers: the report area (names, scope) and the fingerprint's range."""

    code: str
    level: str
    title: str  # "ตำบลบ้านเสด็จ", "เทศบาลตำบล…"
    description: str  # with what it lies in: "ตำบลบ้านเสด็จ อำเภอเมืองลำปาง จังหวัดลำปาง"
    scope: Scope
    range_code: str  # the numeric area whose households are fingerprinted
    villages: tuple[int, ...] | None  # an อปท.: only these villages


def coverage(conn: Connection, area_code: str) -> Coverage:
    code = str(area_code).strip()
    level = level_of(code)
    area = builders.resolve_area(conn, code)
    villages = area.scope.villages
    range_code = code
    if villages is not None:
        if not villages:
            raise UserError(msg("cert_lao_no_villages", code=code))
        texts = [str(v) for v in villages]
        width = next(n for n in (6, 4, 2, 0) if len({t[:n] for t in texts}) == 1)  # their common area
        range_code = texts[0][:width]
    return Coverage(code, level, area.title, builders.area_description(area.path), area.scope, range_code, villages)


# ---------------------------------------------------------------- child-first rule

def _children(conn: Connection, cov: Coverage, survey_year: int, *, required: bool = True) -> list[str]:
    """Child areas with households in the year. required=True (the child-first rule): at the level that certifies
    below the area's in that year (cert_levels: tambons of a district, districts of a province; none for a 2567
    district). required=False (the status board): tambons of a district, districts of a province."""
    below = cert_levels.for_year(survey_year).child_level(cov.level) if required else \
        {DISTRICT: TAMBON, PROVINCE: DISTRICT}.get(cov.level)
    width = {TAMBON: 6, DISTRICT: 4}.get(below or "")
    if width is None:
        return []
    return sorted(conn.execute(text(
        "SELECT DISTINCT substr(village, 1, :w) FROM area_stat WHERE survey_year = :y AND households > 0"
        " AND village LIKE :p"), {"w": width, "y": survey_year, "p": cov.code + "%"}).scalars())


def _tambon_covered_by_laos(conn: Connection, tambon: str, survey_year: int) -> bool:
    villages = conn.execute(text(
        "SELECT s.village, a.lao_code FROM area_stat s LEFT JOIN area a ON a.code = s.village"
        " WHERE s.survey_year = :y AND s.households > 0 AND s.village LIKE :p"), {"y": survey_year, "p": tambon + "%"}).all()
    laos = {lao for _v, lao in villages}
    if not villages or None in laos:
        return False
    return all(counts_as_certified(conn, active(conn, lao, survey_year)) for lao in laos)


def verification(conn: Connection, cert: Certification) -> str:
    """The province server's answer on a certification: "accepted" (verified), "needs_recheck", or "" (not
    sent yet, or another office's record that came in a bundle)."""
    if cert.foreign:
        return cert.verdict
    state = conn.execute(text("SELECT state FROM outbox WHERE kind = 'certification' AND json_extract(payload, '$.uuid')"
                              " = :u ORDER BY seq DESC LIMIT 1"), {"u": cert.uuid}).scalar()
    return state if state in ("accepted", "needs_recheck") else ""


def counts_as_certified(conn: Connection, cert: Certification | None) -> bool:
    """An active certification satisfies the child-first rule when it was made here, or, made by another office,
    when the server verified it, or (no verdict yet: it came in a bundle) its fingerprint matches the data here."""
    if cert is None:
        return False
    if not cert.foreign or cert.verdict == "accepted":
        return True
    if cert.verdict:
        return False
    from desktop.certify import check  # it reads certifications with this module's find / coverage

    lines = check.current_lines(conn, coverage(conn, cert.area_code), cert.survey_year)
    return wire.certification_fingerprint(lines.values()) == cert.fingerprint


def missing_children(conn: Connection, area_code: str, survey_year: int) -> list[str]:
    """Child areas (codes) not yet certified for the year: what the child-first rule waits for."""
    cov = coverage(conn, area_code)
    missing = []
    for child in _children(conn, cov, survey_year):
        if not counts_as_certified(conn, active(conn, child, survey_year)) and not (
                len(child) == 6 and _tambon_covered_by_laos(conn, child, survey_year)):
            missing.append(child)
    return missing


# ---------------------------------------------------------------- what is being certified

@dataclass
class Preview:
    coverage: Coverage
    survey_year: int
    summary: dict
    open_corrections: int
    unreviewed: int
    missing_children: list[tuple[str, str]]  # (code, name)
    roster: list[rosters.RosterMember]
    already: Certification | None
    indicator_set: str
    provisional: bool
    problems: list[str] = field(default_factory=list)  # what stops certifying (besides missing children)


def _summary(conn: Connection, cov: Coverage, survey: surveys.Survey) -> dict:
    """The figures printed on the form, from the report summaries as corrected (desktop.reports.figures)."""
    with corrections.corrected_view(conn, survey.year) as corrected:
        found = figures.population_and_money(conn, survey.year, cov.scope)
        figures.indicator_counts(conn, survey.year, cov.scope, found)
        where, params = cov.scope.where()
        villages = conn.execute(text(f"SELECT count(*) FROM report_village WHERE survey_year = :y AND households > 0"
                                     f" AND {where}"), {"y": survey.year, **params}).scalar_one()
    whole = figures.total(found)
    failed = sorted(no for no, counts in whole.indicators.items() if counts[1] > 0)
    return {
        "area_title": cov.title, "area_description": cov.description, "households": whole.households,
        "persons": whole.persons, "male": whole.male, "female": whole.female, "villages": villages,
        "indicators": len(survey.indicator_set.indicators), "indicators_failed": len(failed),
        "failed_indicators": failed, "income_per_person": numbers.shown(numbers.ratio(whole.income, whole.persons), MONEY) or 0,
        "corrected_households": corrected,
    }


def _scope_count(conn: Connection, sql: str, cov: Coverage, survey_year: int) -> int:
    where, params = cov.scope.where("h.")
    return int(conn.execute(text(sql.format(where=where)), {"y": survey_year, **params}).scalar_one())


def preview(conn: Connection, area_code: str, survey_year: int) -> Preview:
    """Everything the officer sees before certifying (and the form prints)."""
    cov = coverage(conn, area_code)
    survey = surveys.get(conn, int(survey_year))
    if survey is None:
        raise UserError(msg("cert_no_year", year=survey_year))
    households = _scope_count(conn, "SELECT count(*) FROM household h WHERE h.survey_year = :y AND {where}", cov,
                              survey.year)
    if not households:
        raise UserError(msg("cert_no_households", code=cov.code, year=survey.year))
    open_sql = ("SELECT count(*) FROM correction_event c JOIN household h ON h.id = c.household_id WHERE c.kind = 'correct'"
                " AND c.survey_year = :y AND {where} AND " + corrections.STATUS_SQL + " IN ('recorded', 'sent')")
    unreviewed_sql = "SELECT count(*) FROM household h WHERE h.survey_year = :y AND h.status = 0 AND {where}"
    missing = missing_children(conn, cov.code, survey.year)
    names = builders.child_names(conn, missing)
    already = active(conn, cov.code, survey.year)
    out = Preview(cov, survey.year, _summary(conn, cov, survey), _scope_count(conn, open_sql, cov, survey.year),
                  _scope_count(conn, unreviewed_sql, cov, survey.year), [(c, names.get(c, c)) for c in missing],
                  rosters.current(conn, cov.level, cov.code), already, survey.indicator_set.title_th,
                  bool(survey.indicator_set.provisional))
    if already:
        out.problems.append(msg("cert_already", short=already.short_code))
    if not out.roster:
        out.problems.append(msg("cert_no_roster"))
    return out


# ---------------------------------------------------------------- certify and re-open

def certify(conn: Connection, area_code: str, survey_year: int, *, present: list[str] | None = None,
            place: str = "", override_reason: str = "", progress=None) -> str:
    """Certify an area's survey year (caller's transaction); returns the certification's uuid.
    present: member_uuids of the roster present (None: everyone). Raises UserError, writing nothing, when the
    area is already certified, nobody is present, or child areas are missing without an override reason."""
    from desktop.certify import check  # it reads certifications with this module's find / coverage

    pv = preview(conn, area_code, survey_year)
    problems = list(pv.problems)
    chosen = pv.roster if present is None else [m for m in pv.roster if m.member_uuid in set(present)]
    unknown = sorted(set(present or ()) - {m.member_uuid for m in pv.roster})
    if unknown:
        problems.append(msg("cert_not_on_roster", members=", ".join(unknown)))
    if pv.roster and not chosen:
        problems.append(msg("cert_nobody_present"))
    override_reason = (override_reason or "").strip()
    if pv.missing_children and not override_reason:
        problems.append(msg("cert_children_missing",
                            areas=", ".join(f"{n} ({c})" for c, n in pv.missing_children)))
    if len(place or "") > rosters.MAX_TEXT:
        problems.append(msg("cert_place_too_long"))
    if problems:
        raise UserError(problems_text("cert_cannot_certify", problems))
    lines = check.current_lines(conn, pv.coverage, pv.survey_year)
    fingerprint = wire.certification_fingerprint(lines.values())
    summary = {**pv.summary, "missing_children": [list(c) for c in pv.missing_children],
               "open_corrections": pv.open_corrections, "unreviewed": pv.unreviewed,
               "levels": list(cert_levels.for_year(pv.survey_year).levels)}
    if demo_data.is_demo(conn):
        summary["demo"] = True  # the form carries the demo mark
    cert_uuid, now, officer = events.stamp(conn)
    row: dict[str, Any] = {"u": cert_uuid, "a": pv.coverage.code, "l": pv.coverage.level, "y": pv.survey_year, "t": now, "o": officer,
           "r": rosters.snapshot(chosen), "f": fingerprint, "s": wire.short_code(fingerprint),
           "sm": json.dumps(summary, ensure_ascii=False, sort_keys=True), "ov": override_reason,
           "i": pv.indicator_set, "p": int(pv.provisional), "pl": (place or "").strip(), "h": len(lines),
           "d": check.pack_digests(lines, check.statuses(conn, pv.coverage, pv.survey_year))}
    conn.execute(text("INSERT INTO certification_event(uuid, area_code, level, survey_year, certified_at, officer, roster,"
                      " fingerprint, short_code, summary, override_reason, indicator_set, provisional, place, households,"
                      " line_digests) VALUES (:u, :a, :l, :y, :t, :o, :r, :f, :s, :sm, :ov, :i, :p, :pl, :h, :d)"), row)
    detail = {"uuid": cert_uuid, "area": pv.coverage.range_code, "area_code": pv.coverage.code,
              "level": pv.coverage.level, "survey_year": pv.survey_year, "fingerprint": fingerprint,
              "short_code": row["s"], "households": len(lines), "certified_at": now,
              "roster": json.loads(row["r"]), "override_reason": override_reason, "place": row["pl"]}
    if pv.coverage.villages is not None:
        detail["villages"] = list(pv.coverage.villages)
    audit.append(conn, "certification.certify", target=pv.coverage.code, detail=detail)
    events.record(conn, "certification", detail, pv.coverage.code)
    return cert_uuid


def _parents(conn: Connection, cert: Certification) -> list[Certification]:
    """Active certifications of higher levels covering the certification's area."""
    cov = coverage(conn, cert.area_code)
    prefixes = [cov.range_code[:n] for n in (2, 4) if n < len(cov.range_code)]
    out = []
    for code in prefixes:
        found = active(conn, code, cert.survey_year)
        if found and rosters.RANK[found.level] > rosters.RANK[cert.level]:
            out.append(found)
    return out


def reopen(conn: Connection, cert_uuid: str, reason: str) -> str:
    """Re-open (ยกเลิกการรับรอง) an active certification with a reason: it becomes superseded, its data can be
    corrected again and a new certification is needed. The officer's profile (if set) must be of that level or
    above and cover the area; a certification inside an active higher-level one is re-opened after it."""
    cert = get(conn, cert_uuid)
    problems = []
    if cert.status != ACTIVE:
        problems.append(msg("cert_reopened_already"))
    if not (reason or "").strip():
        problems.append(msg("cert_reopen_reason"))
    officer = meta.officer(conn)
    if officer.level:
        cov_code = coverage(conn, cert.area_code).range_code
        if rosters.PROFILE_RANK.get(officer.level, 0) < rosters.RANK[cert.level] or not cov_code.startswith(
                officer.area_code or ""):
            problems.append(msg("cert_reopen_not_allowed", level=officer.level, area=officer.area_code,
                                level_th=rosters.LEVEL_LABELS.get(officer.level, officer.level), code=cert.area_code))
    for parent in _parents(conn, cert) if cert.status == ACTIVE else []:
        problems.append(msg("cert_reopen_parent_first", code=parent.area_code, short=parent.short_code))
    if problems:
        raise UserError(problems_text("cert_cannot_reopen", problems))
    event_uuid = str(uuid.uuid4())
    conn.execute(text("INSERT INTO certification_reopen(uuid, certification_uuid, reason, by, at)"
                      " VALUES (:u, :c, :r, :b, :t)"),
                 {"u": event_uuid, "c": cert.uuid, "r": reason.strip(), "b": events.officer_json(conn), "t": events.now()})
    detail = {"uuid": event_uuid, "certification": cert.uuid, "area_code": cert.area_code,
              "survey_year": cert.survey_year, "reason": reason.strip()}
    audit.append(conn, "certification.reopen", target=cert.area_code, detail=detail)
    events.record(conn, "certification.reopen", detail, cert.area_code)
    return event_uuid


__all__ = ["ACTIVE", "SUPERSEDED", "TAMBON", "LAO", "DISTRICT", "PROVINCE", "Certification", "certify", "reopen",
           "preview", "find", "get", "active", "check_unlocked", "missing_children", "coverage"]
