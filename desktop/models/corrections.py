"""Corrections of household data requested by the reviewing officer (DESIGN.md §2, domain/anchors.md).

The imported rows are never changed: a correction is an append-only event in `correction_event`
(kind 'correct', one field of a household or member, with the value it replaces as currently
corrected), undone by a 'revert' event, and followed through by 'status' events ('sent' when an
issued list carries it, 'confirmed' / 'not_applied' when a later import of the village is
reconciled). Every write has its audit entry and its outbox event (desktop.models.events) in the same
transaction.

Status of a correction: recorded -> sent -> confirmed | not_applied, or reverted at any time.
"As corrected" applies the corrections whose status is recorded, sent or not_applied (a confirmed
one is in the imported data already) on top of the current rows.

This module records, reverts and reconciles; the field rules are in correction_fields, the statuses in
correction_states, the data as corrected in correction_view. Their public names are imported here so that
callers use one API: `corrections.record`, `corrections.corrected_values`, `corrections.FIELDS`, ...
"""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import dataclass

from PIL import Image
from sqlalchemy import Connection, text

from desktop.messages import msg
from desktop.models import audit, events, locks, surveys
from desktop.models.correction_fields import (  # noqa: F401 - the corrections API in one place
    ANSWER_PREFIX,
    FIELDS,
    Change,
    CorrectionError,
    FieldSpec,
    answer_fields,
    field_spec,
    label_of,
    raw_value,
    validate,
)
from desktop.models.correction_states import (  # noqa: F401
    APPLIED_STATUSES,
    CONFIRMED,
    NOT_APPLIED,
    OPEN_STATUSES,
    RECORDED,
    REVERTED,
    SENT,
    STATUS_LABELS,
    STATUS_SQL,
    CorrectionState,
    add_status,
    corrections_of,
    households_with_status,
    read_states,
    status_condition,
    statuses,
)
from desktop.models.correction_view import (  # noqa: F401
    corrected_rows,
    corrected_values,
    corrected_view,
    current_value,
    drop_shadow_tables,
    evaluate_as_corrected,
    household_row,
    member_rows,
    shadow_tables,
)


MAX_EVIDENCE_BYTES = 10 * 1024 * 1024



def check_not_certified(conn: Connection, household_id: int) -> None:
    """Raise UserError when the household's area and year are covered by an active certification."""
    locks.check_unlocked(conn, household_id)



def _thumbnail(data: bytes) -> bytes | None:
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.thumbnail((160, 160))
            out = io.BytesIO()
            img.convert("RGB").save(out, "JPEG", quality=80)
            return out.getvalue()
    except Exception:  # noqa: BLE001 - not an image Pillow reads: stored without a thumbnail
        return None



def record(conn: Connection, household_id: int, changes, reason: str, evidence=None) -> str:
    """Record a set of corrections of one household (caller's transaction); returns the set's UUID.
    Raises CorrectionError listing every problem, before anything is written."""
    changes = list(changes)
    household = household_row(conn, household_id)
    if household is None:
        raise CorrectionError([msg("corr_no_household", id=household_id)])
    check_not_certified(conn, household_id)
    problems: list[str] = []
    if not (reason or "").strip():
        problems.append(msg("corr_reason_needed"))
    if not changes:
        problems.append(msg("corr_nothing"))
    found = corrected_values(conn, household_id)
    assert found is not None  # the household exists (household_row above)
    current, members = found
    survey = surveys.require(conn, household["survey_year"])
    rows = []
    seen = set()
    for change in changes:
        value, problem = validate(conn, household, members, change)
        if problem:
            problems.append(problem)
            continue
        key = (change.member_seq, change.field)
        if key in seen:
            problems.append(msg("corr_twice", label=label_of(conn, survey.year, change.field)))
            continue
        seen.add(key)
        row = current if change.member_seq is None else members[change.member_seq]
        old = raw_value(row, change.field, survey.layout)
        if old == value:
            problems.append(msg("corr_same", label=label_of(conn, survey.year, change.field), value=value))
            continue
        rows.append((change, old, value))
    files = []
    for name, data in evidence or []:
        if len(data) > MAX_EVIDENCE_BYTES:
            problems.append(msg("corr_evidence_big", name=name))
        else:
            files.append((name, bytes(data)))
    if problems:
        raise CorrectionError(problems)
    set_uuid, now, officer = events.stamp(conn)
    payload_changes = []
    for change, old, value in rows:
        event_uuid = str(uuid.uuid4())
        conn.execute(
            text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
                 " old_value, new_value, reason, created_at, officer) VALUES (:u, :s, 'correct', :h, :y, :v, :m, :f, :o,"
                 " :n, :r, :t, :off)"),
            {"u": event_uuid, "s": set_uuid, "h": household_id, "y": household["survey_year"], "v": household["village"],
             "m": change.member_seq, "f": change.field, "o": old, "n": value, "r": reason.strip(), "t": now, "off": officer},
        )
        payload_changes.append({"uuid": event_uuid, "field": change.field, "member_seq": change.member_seq,
                                "old": old, "new": value})
    for name, data in files:
        conn.execute(
            text("INSERT INTO correction_evidence(uuid, set_uuid, filename, data, thumbnail, created_at)"
                 " VALUES (:u, :s, :f, :d, :th, :t)"),
            {"u": str(uuid.uuid4()), "s": set_uuid, "f": name, "d": data, "th": _thumbnail(data), "t": now},
        )
    detail = {"set_uuid": set_uuid, "household": household_id, "reason": reason.strip(), "changes": payload_changes,
              "evidence": [n for n, _ in files]}
    audit.append(conn, "correction.record", target=str(household_id), detail=detail)
    events.record(conn, "correction.record", detail, household_id)
    return set_uuid



def revert(conn: Connection, correction_uuid: str, reason: str) -> str:
    """Undo one correction with a new 'revert' event (nothing is deleted); returns the event's UUID."""
    row = conn.execute(text("SELECT * FROM correction_event WHERE uuid = :u AND kind = 'correct'"),
                       {"u": correction_uuid}).mappings().first()
    if row is None:
        raise CorrectionError([msg("corr_not_found", uuid=correction_uuid)])
    from desktop.models import other_offices

    other_offices.check_own(conn, "correction_event", correction_uuid)
    problems = []
    if not (reason or "").strip():
        problems.append(msg("corr_revert_reason"))
    if conn.execute(text("SELECT 1 FROM correction_event WHERE kind = 'revert' AND ref_uuid = :u"), {"u": correction_uuid}).first():
        problems.append(msg("corr_already_reverted"))
    if problems:
        raise CorrectionError(problems)
    check_not_certified(conn, row["household_id"])
    event_uuid = str(uuid.uuid4())
    conn.execute(
        text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
             " old_value, new_value, reason, ref_uuid, created_at, officer) VALUES (:u, :s, 'revert', :h, :y, :v, :m, :f,"
             " :o, :n, :r, :ref, :t, :off)"),
        {"u": event_uuid, "s": event_uuid, "h": row["household_id"], "y": row["survey_year"], "v": row["village"],
         "m": row["member_seq"], "f": row["field"], "o": row["new_value"], "n": row["old_value"], "r": reason.strip(),
         "ref": correction_uuid, "t": events.now(), "off": events.officer_json(conn)},
    )
    detail = {"uuid": event_uuid, "reverts": correction_uuid, "household": row["household_id"], "reason": reason.strip()}
    audit.append(conn, "correction.revert", target=str(row["household_id"]), detail=detail)
    events.record(conn, "correction.revert", detail, row["household_id"])
    return event_uuid



def reconcile(conn: Connection, import_id: int) -> tuple[int, int]:
    """After an import: open corrections of the households whose villages it replaced become confirmed (the
    imported value is the new value) or not_applied (still the old value, or the record is missing).
    Returns (confirmed, not_applied)."""
    has_table = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'correction_event'")).first()
    if not has_table:
        return 0, 0
    batch = conn.execute(text("SELECT survey_year FROM import_batch WHERE id = :i"), {"i": import_id}).first()
    if batch is None:
        return 0, 0
    villages = json.dumps(sorted(set(conn.execute(
        text("SELECT DISTINCT village FROM household WHERE import_id = :i UNION"
             " SELECT DISTINCT json_extract(data, '$.village') FROM household_version WHERE replaced_by_import = :i"),
        {"i": import_id}).scalars())))
    states = [s for s in read_states(conn, "c.survey_year = :y AND c.village IN (SELECT value FROM json_each(:v))",
                                 {"y": batch.survey_year, "v": villages}) if s.status in OPEN_STATUSES]
    survey = surveys.require(conn, batch.survey_year)
    confirmed, not_applied = [], []
    cache: dict[int, tuple] = {}
    for s in states:
        if s.household_id not in cache:
            cache[s.household_id] = (household_row(conn, s.household_id), member_rows(conn, s.household_id))
        household, members = cache[s.household_id]
        if household is None or household["import_id"] != import_id:
            if household is None:
                not_applied.append(s)  # record missing
            continue
        row = household if s.member_seq is None else members.get(s.member_seq)
        if row is None:
            not_applied.append(s)
            continue
        value = raw_value(row, s.field, survey.layout)
        if value == s.new_value:
            confirmed.append(s)
        elif value == s.old_value:
            not_applied.append(s)
        # a third value: the village changed it otherwise; left open for the officer to look at
    add_status(conn, confirmed, CONFIRMED, import_id=import_id)
    add_status(conn, not_applied, NOT_APPLIED, import_id=import_id)
    if confirmed or not_applied:
        audit.append(conn, "correction.reconcile", target=str(import_id),
                     detail={"confirmed": [s.uuid for s in confirmed], "not_applied": [s.uuid for s in not_applied]})
    return len(confirmed), len(not_applied)



def history(conn: Connection, household_id: int):
    """Imports and corrections of one household in time order (list[correction_lists.HistoryEntry])."""
    from desktop.models import correction_lists

    return correction_lists.history(conn, household_id)



@dataclass(frozen=True)
class Evidence:
    uuid: str
    set_uuid: str
    filename: str
    size: int
    thumbnail: bytes | None  # JPEG, at most 160x160; None when Pillow could not read the file



def evidence_of(conn: Connection, household_id: int) -> list[Evidence]:
    """The evidence images of a household's correction sets (without the full data)."""
    rows = conn.execute(
        text("SELECT e.uuid, e.set_uuid, e.filename, length(e.data) AS size, e.thumbnail FROM correction_evidence e"
             " WHERE e.set_uuid IN (SELECT set_uuid FROM correction_event WHERE household_id = :h AND kind = 'correct')"
             " ORDER BY e.id"),
        {"h": household_id},
    ).all()
    return [Evidence(r.uuid, r.set_uuid, r.filename, r.size, r.thumbnail) for r in rows]



def evidence_data(conn: Connection, evidence_uuid: str) -> bytes | None:
    return conn.execute(text("SELECT data FROM correction_evidence WHERE uuid = :u"), {"u": evidence_uuid}).scalar()
