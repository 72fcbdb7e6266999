"""A back-check discrepancy becomes a correction (desktop/models/corrections.py) in one step.

Income components and indicator answers map to correction fields directly. A member count or an age cannot:
the record holds members and birth dates, so those discrepancies are returned as "to correct by hand"
(add or remove a member, fix a birth date in the correction dialog).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import backcheck, backcheck_items, corrections, dates, surveys, visits
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError
from desktop.models.monitoring_messages import msg

REASON = "ตรวจสอบซ้ำระหว่างการติดตาม{level} {date} (รหัส {code})"


@dataclass(frozen=True)
class Proposal:
    household_id: int
    changes: list[corrections.Change]
    reason: str
    by_hand: list[str]  # Thai labels of discrepancies that need a manual correction
    already: list[str]  # discrepancies the record (as corrected) already agrees with


def _answer(conn: Connection, answer_uuid: str) -> backcheck.Answer:
    row = conn.execute(text("SELECT visit_id FROM backcheck_answer WHERE uuid = :u"), {"u": answer_uuid}).first()
    found = backcheck.answers_of(conn, row.visit_id) if row else []
    answer = next((a for a in found if a.uuid == answer_uuid), None)
    if answer is None:
        raise UserError(msg("mon_answer_missing", answer=answer_uuid))
    return answer


def reason_for(visit: visits.Visit) -> str:
    return REASON.format(level=visits.LEVEL_LABELS[visit.level], code=visit.short_code,
                         date=dates.thai_date(dt.date.fromisoformat(visit.visit_date)))


def proposal(conn: Connection, answer_uuid: str, keys: list[str] | None = None) -> Proposal:
    """The correction changes for an answer's discrepancies (all of them, or the item keys given)."""
    answer = _answer(conn, answer_uuid)
    visit = visits.require(conn, answer.visit_id)
    survey = surveys.require(conn, visit.survey_year)
    settings = ms.load(conn)
    changes, by_hand, already = [], [], []
    for comp in _mismatches(settings, survey, answer):
        if keys is not None and comp.key not in keys:
            continue
        label = backcheck_items.item(survey, settings, comp.key).label
        field = _field(comp.key)
        if field is None:
            by_hand.append(f"{label}: บันทึก {comp.recorded} ตรวจซ้ำ {comp.checked}")
        elif corrections.current_value(conn, answer.household_id, field) == comp.checked:
            already.append(label)
        else:
            changes.append(corrections.Change(field, comp.checked))
    return Proposal(answer.household_id, changes, reason_for(visit), by_hand, already)


def _mismatches(settings, survey, answer):
    from desktop.models import confidence

    return [c for c in confidence.compare_answer(settings, survey, answer) if not c.match]


def _field(key: str) -> str | None:
    kind, _, rest = key.partition(":")
    if kind == "income":
        return rest
    if kind == "answer":
        return corrections.ANSWER_PREFIX + rest
    return None


def raise_correction(conn: Connection, answer_uuid: str, keys: list[str] | None = None) -> tuple[str, Proposal]:
    """Record the correction for an answer's discrepancies (caller's transaction): (correction set uuid, proposal).
    UserError when nothing can be corrected automatically."""
    prop = proposal(conn, answer_uuid, keys)
    if not prop.changes:
        extra = ("; " + msg("mon_by_hand", items=", ".join(prop.by_hand))) if prop.by_hand else ""
        raise UserError(msg("mon_nothing_to_correct") + extra)
    set_uuid = corrections.record(conn, prop.household_id, prop.changes, prop.reason)
    return set_uuid, prop


def raised_for(conn: Connection, visit: visits.Visit) -> list[corrections.CorrectionState]:
    """Corrections raised from this visit's back-checks (their reason names the visit's code)."""
    like = f"%(รหัส {visit.short_code})%"
    ids = conn.execute(text("SELECT DISTINCT household_id FROM correction_event WHERE kind = 'correct'"
                            " AND reason LIKE :r"), {"r": like}).scalars().all()
    states = corrections.statuses(conn, ids)
    return [s for h in ids for s in states.get(h, []) if f"(รหัส {visit.short_code})" in s.reason]

