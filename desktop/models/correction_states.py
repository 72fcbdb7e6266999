"""Where each correction stands: recorded -> sent -> confirmed | not_applied, or reverted at any time.

The status is never stored on the correction itself: it is read from the later 'revert' and 'status' events.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import events
from desktop.models.correction_fields import label_of


RECORDED, SENT, CONFIRMED, NOT_APPLIED, REVERTED = "recorded", "sent", "confirmed", "not_applied", "reverted"
STATUS_LABELS = {RECORDED: "บันทึกแล้ว", SENT: "ส่งแจ้งแล้ว", CONFIRMED: "ยืนยันแล้ว", NOT_APPLIED: "ยังไม่แก้ไข",
                 REVERTED: "ยกเลิกแล้ว"}
OPEN_STATUSES = (RECORDED, SENT)  # reconciled by the next import of the village
APPLIED_STATUSES = (RECORDED, SENT, NOT_APPLIED)  # applied in the "as corrected" view



@dataclass(frozen=True)
class CorrectionState:
    uuid: str
    set_uuid: str
    household_id: int
    member_seq: int | None
    field: str
    label: str
    old_value: str
    new_value: str
    reason: str
    created_at: str
    status: str






def read_states(conn: Connection, where: str, params: dict) -> list[CorrectionState]:
    rows = conn.execute(
        text(
            "SELECT c.uuid, c.set_uuid, c.household_id, c.member_seq, c.field, c.old_value, c.new_value, c.reason,"
            " c.created_at, c.survey_year,"
            " (SELECT 1 FROM correction_event r WHERE r.kind = 'revert' AND r.ref_uuid = c.uuid) AS reverted,"
            " (SELECT s.status FROM correction_event s WHERE s.kind = 'status' AND s.ref_uuid = c.uuid"
            "  ORDER BY s.seq DESC LIMIT 1) AS status"
            f" FROM correction_event c WHERE c.kind = 'correct' AND {where} ORDER BY c.seq"
        ),
        params,
    ).all()
    return [
        CorrectionState(r.uuid, r.set_uuid, r.household_id, r.member_seq, r.field, label_of(conn, r.survey_year, r.field),
                        r.old_value or "", r.new_value or "", r.reason, r.created_at,
                        REVERTED if r.reverted else (r.status or RECORDED))
        for r in rows
    ]



def corrections_of(conn: Connection, household_id: int) -> list[CorrectionState]:
    """Every correction of one household in the order recorded, with its current status."""
    return read_states(conn, "c.household_id = :h", {"h": household_id})



def statuses(conn: Connection, household_ids) -> dict[int, list[CorrectionState]]:
    """household id -> its corrections (with status), for the given households (those without: absent)."""
    ids = json.dumps([int(h) for h in household_ids])
    out: dict[int, list[CorrectionState]] = {}
    for state in read_states(conn, "c.household_id IN (SELECT value FROM json_each(:ids))", {"ids": ids}):
        out.setdefault(state.household_id, []).append(state)
    return out



STATUS_SQL = (
    "(CASE WHEN EXISTS (SELECT 1 FROM correction_event r WHERE r.kind = 'revert' AND r.ref_uuid = c.uuid)"
    " THEN 'reverted' ELSE coalesce((SELECT s.status FROM correction_event s WHERE s.kind = 'status'"
    " AND s.ref_uuid = c.uuid ORDER BY s.seq DESC LIMIT 1), 'recorded') END)"
)



def status_condition(status: str, alias: str = "h") -> tuple[str, dict]:
    """A SQL condition over a household row (alias h) for a table filter: the household has a correction in
    `status` ('any': any correction, 'open': recorded or sent). Returns (sql, params)."""
    wanted = {"any": None, "open": list(OPEN_STATUSES)}.get(status, [status])
    cond = "" if wanted is None else f" AND {STATUS_SQL} IN (SELECT value FROM json_each(:corr_status))"
    sql = (f"{alias}.id IN (SELECT c.household_id FROM correction_event c WHERE c.kind = 'correct'"
           f" AND c.survey_year = {alias}.survey_year{cond})")
    return sql, ({} if wanted is None else {"corr_status": json.dumps(wanted)})



def households_with_status(conn: Connection, survey_year: int, area_code: str | None, status: str) -> set[int]:
    """Households of a year (inside an area code prefix, or all) with at least one correction in `status`
    (or 'any' for any correction, 'open' for recorded/sent).
    The result includes households that a later import no longer has (status_condition cannot see those)."""
    wanted = {"any": None, "open": list(OPEN_STATUSES)}.get(status, [status])
    params: dict = {"y": survey_year, "w": json.dumps(wanted)}
    where = "c.kind = 'correct' AND c.survey_year = :y"
    if wanted is not None:
        where += f" AND {STATUS_SQL} IN (SELECT value FROM json_each(:w))"
    if area_code:
        params.update(lo=int(area_code.ljust(8, "0")), hi=int(area_code.ljust(8, "9")))
        where += " AND c.village BETWEEN :lo AND :hi"
    return set(conn.execute(text(f"SELECT DISTINCT c.household_id FROM correction_event c WHERE {where}"), params).scalars())



def add_status(conn: Connection, states: list[CorrectionState], status: str, *, list_uuid: str | None = None,
               import_id: int | None = None) -> None:
    now, officer = events.now(), events.officer_json(conn)
    for s in states:
        conn.execute(
            text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
                 " status, ref_uuid, list_uuid, import_id, created_at, officer)"
                 " SELECT :u, set_uuid, 'status', household_id, survey_year, village, member_seq, field, :st, uuid, :l, :i,"
                 " :t, :off FROM correction_event WHERE uuid = :ref"),
            {"u": str(uuid.uuid4()), "st": status, "l": list_uuid, "i": import_id, "t": now, "off": officer, "ref": s.uuid},
        )
