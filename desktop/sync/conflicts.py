"""Conflicts: a household changed here and on the server, on the same field, to different values.

Nothing is overwritten: the conflict keeps the three versions (base = as this laptop last knew the
server's, mine = this laptop's, theirs = the server's) and the fields that clash, and the household stays
as it is here until a person chooses. `resolve()` applies the choice and appends events (never edits
old ones): a `household.set` with the values that differ from the server's, and a `conflict.resolved`
that records the decision. One conflict is open per household at a time; a newer server change updates
its "theirs".
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from desktop.models import audit
from desktop.sync import local, outbox, wire

CHOICES = ("mine", "theirs")


@dataclass(frozen=True)
class Conflict:
    id: int
    uuid: str
    household_id: int
    state: str
    source: str
    detected_at: str
    fields: dict  # {field: {"base", "mine", "theirs"}}
    base: dict
    mine: dict
    theirs: dict
    event_uuid: str | None
    resolution: dict | None
    resolved_at: str | None

    @property
    def house_no(self) -> str:
        return self.mine.get("house_no") or self.theirs.get("house_no") or ""

    @property
    def head_name(self) -> str:
        return self.mine.get("head_name") or self.theirs.get("head_name") or ""


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def open_households(conn: Connection, ids) -> set[int]:
    return set(conn.execute(
        text("SELECT household_id FROM sync_conflict WHERE state = 'open'"
             " AND household_id IN (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(list(ids))}).scalars())


def record(conn: Connection, hid: int, source: str, base: dict, mine: dict, theirs: dict, fields: dict,
           event_uuid: str | None = None) -> int:
    """Open a conflict (or refresh the open one of the household); written to the audit log."""
    existing = conn.execute(text("SELECT id FROM sync_conflict WHERE household_id = :h AND state = 'open'"),
                            {"h": hid}).scalar()
    if existing is not None:
        conn.execute(text("UPDATE sync_conflict SET theirs = :t, mine = :m, fields = :f,"
                          " event_uuid = coalesce(:e, event_uuid) WHERE id = :i"),
                     {"t": _dump(theirs), "m": _dump(mine), "f": _dump(fields), "e": event_uuid, "i": existing})
        return existing
    conflict_uuid = str(uuid.uuid4())
    conn.execute(
        text("INSERT INTO sync_conflict(uuid, household_id, state, source, detected_at, fields, base, mine, theirs,"
             " event_uuid) VALUES (:u, :h, 'open', :s, :d, :f, :b, :m, :t, :e)"),
        {"u": conflict_uuid, "h": hid, "s": source, "d": outbox.now(), "f": _dump(fields), "b": _dump(base),
         "m": _dump(mine), "t": _dump(theirs), "e": event_uuid},
    )
    audit.append(conn, "sync.conflict", target=str(hid),
                 detail={"conflict": conflict_uuid, "source": source, "fields": sorted(fields), "event": event_uuid})
    return conn.execute(text("SELECT id FROM sync_conflict WHERE uuid = :u"), {"u": conflict_uuid}).scalar_one()


def update_theirs(conn: Connection, hid: int, theirs: dict) -> None:
    """A newer server version of a household whose conflict is still open: compare again, keep it open."""
    row = conn.execute(text("SELECT id, base, mine, fields FROM sync_conflict WHERE household_id = :h AND state = 'open'"),
                       {"h": hid}).first()
    if row is None:
        return
    base, mine = json.loads(row.base), json.loads(row.mine)
    _, clash = wire.three_way(wire.comparable(base), wire.comparable(mine), wire.comparable(theirs))
    if theirs.get("deleted"):
        clash = {"deleted": {"base": False, "mine": False, "theirs": True}}
    fields = clash or json.loads(row.fields)
    conn.execute(text("UPDATE sync_conflict SET theirs = :t, fields = :f WHERE id = :i"),
                 {"t": _dump(theirs), "f": _dump(fields), "i": row.id})


def from_ack(conn: Connection, hid: int, ack: dict, payload: dict, event_uuid: str) -> int | None:
    """The server answered `conflict` to one of our events: keep its current value beside ours."""
    from desktop.sync.apply import base_snapshots

    current = ack.get("current") or {}
    mine_all = local.snapshots(conn, [hid])
    mine = mine_all.get(hid)
    if mine is None:
        return None
    theirs = local.snapshot_from_wire(current, list(current.get("layout") or []))
    if current.get("deleted"):
        theirs["deleted"] = True
    base = base_snapshots(conn, [hid], mine_all)[hid]
    base = {**base, **(payload.get("base") or {})}
    _, clash = wire.three_way(wire.comparable(base), wire.comparable(mine), wire.comparable(theirs))
    fields = clash or ack.get("fields") or {}
    if not fields and current.get("deleted"):
        fields = {"deleted": {"base": False, "mine": False, "theirs": True}}
    if not fields:
        fields = {"status": {"base": base.get("status"), "mine": mine.get("status"), "theirs": theirs.get("status")}}
    return record(conn, hid, "push", base, mine, theirs, fields, event_uuid=event_uuid)


def _row(r) -> Conflict:
    return Conflict(r.id, r.uuid, r.household_id, r.state, r.source, r.detected_at, json.loads(r.fields),
                    json.loads(r.base), json.loads(r.mine), json.loads(r.theirs), r.event_uuid,
                    json.loads(r.resolution) if r.resolution else None, r.resolved_at)


def list_conflicts(conn: Connection, state: str | None = "open") -> list[Conflict]:
    """Conflicts for a person to look at (state None: all, oldest first)."""
    where = "" if state is None else "WHERE state = :s"
    return [_row(r) for r in conn.execute(text(f"SELECT * FROM sync_conflict {where} ORDER BY id"), {"s": state})]


def get(conn: Connection, conflict: int | str) -> Conflict | None:
    column = "id" if isinstance(conflict, int) else "uuid"
    r = conn.execute(text(f"SELECT * FROM sync_conflict WHERE {column} = :c"), {"c": conflict}).first()
    return _row(r) if r else None


def resolve(conn: Connection, conflict: int | str | Conflict, choice: str | None = None,
            values: dict | None = None) -> list[str]:
    """Settle an open conflict: choice "mine" or "theirs", or merged `values` {field: value} for the clashing
    fields (settable fields only). The household takes the server's version plus the chosen values;
    returns the UUIDs of the events appended."""
    c = conflict if isinstance(conflict, Conflict) else get(conn, conflict)
    if c is None or c.state != "open":
        raise ValueError("no open conflict")
    if (choice is None) == (values is None):
        raise ValueError("give either choice or values")
    if choice is not None and choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}")
    values = dict(values or {})
    bad = [f for f in values if f not in wire.SETTABLE]
    if bad:
        raise ValueError(f"cannot set {bad}")
    mine = local.snapshots(conn, [c.household_id]).get(c.household_id) or c.mine
    if c.source == "bundle":
        wanted, events = _settle_bundle(conn, c, mine, choice, values)
    else:
        wanted, events = _settle_server(conn, c, mine, choice, values)
    decision = {"choice": choice, "values": values, "applied": wanted}
    events += outbox.record(conn, "conflict.resolved", {"conflict": c.uuid, "source": c.source, **decision},
                            c.household_id)
    conn.execute(text("UPDATE sync_conflict SET state = 'resolved', resolution = :r, resolved_at = :t WHERE id = :i"),
                 {"r": _dump(decision), "t": outbox.now(), "i": c.id})
    audit.append(conn, "sync.resolve", target=str(c.household_id), detail={"conflict": c.uuid, **decision})
    outbox.forget_settled_bases(conn, [c.household_id])
    return events


def _settle_server(conn: Connection, c: Conflict, mine: dict, choice: str | None, values: dict) -> tuple[dict, list[str]]:
    """`theirs` is the server's version: the household takes it, plus the chosen values as a new event."""
    from desktop.sync.apply import apply_rows, set_base

    theirs = c.theirs
    wanted: dict = {}
    if not theirs.get("deleted"):
        merged, clash = wire.three_way(wire.comparable(c.base), wire.comparable(mine), wire.comparable(theirs))
        wanted = {f: merged[f] for f in wire.SETTABLE if f in merged}
        for f in set(clash) | set(c.fields):
            if f in wire.SETTABLE:
                wanted[f] = (theirs.get(f) if choice == "theirs" else mine.get(f) if choice == "mine"
                             else values.get(f, theirs.get(f)))
        wanted.update(values)
        wanted = {f: v for f, v in wanted.items() if v != theirs.get(f)}
    layout = local.layouts(conn).get(int(theirs.get("survey_year") or mine.get("survey_year") or 0), [])
    members = {c.household_id: theirs["members_rows"]} if theirs.get("members_rows") else {}
    server_row: dict[str, Any] = {**{k: theirs.get(k) for k in wire.HOUSEHOLD_WIRE if k in theirs},
                  "answers": "".join((theirs.get("answers") or {}).get(code, "-") for code in layout)}
    server_row.setdefault("survey_year", mine.get("survey_year"))
    server_row.setdefault("house_code", mine.get("house_code"))
    if not theirs.get("deleted") or choice == "theirs":  # "mine" against a removal keeps the local copy
        apply_rows(conn, [server_row], members, {int(server_row["survey_year"]): layout}, {}, "sync: conflict resolved")
    if not theirs.get("deleted"):
        set_base(conn, {c.household_id: {k: v for k, v in theirs.items() if k != "members_rows"}})
    events: list[str] = []
    if wanted:
        sets = {f: int(v) if f in wire.MONEY or f == "status" else v for f, v in wanted.items()}
        set_fields(conn, c.household_id, sets)
        events += outbox.record(conn, "household.set", {"set": sets}, c.household_id)
    # earlier unsent events of this household may still reach the server: look again once they are answered
    conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), {"h": c.household_id})
    return wanted, events


def _settle_bundle(conn: Connection, c: Conflict, mine: dict, choice: str | None, values: dict) -> tuple[dict, list[str]]:
    """`theirs` is another laptop's change (from a bundle), not the server's: the choice decides what this
    laptop shows now; that laptop's event still goes to the server, which decides; the household is
    downloaded again at the next sync, so this laptop ends up with the server's outcome."""
    if choice == "theirs":
        wanted = {f: c.theirs.get(f) for f in c.fields if f in wire.SETTABLE and c.theirs.get(f) != mine.get(f)}
    else:
        wanted = {f: v for f, v in values.items() if v != mine.get(f)}
    events: list[str] = []
    if wanted:
        set_fields(conn, c.household_id, wanted)
        if choice is None:  # merged values typed here: this officer's own change
            events += outbox.record(conn, "household.set", {"set": wanted}, c.household_id)
    conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), {"h": c.household_id})
    return wanted, events


def set_fields(conn: Connection, hid: int, sets: dict) -> None:
    """Write settable fields of one household, with the sort keys and results that depend on them."""
    from desktop.models import engine, surveys
    from desktop.models.sortkeys import house_sort_key, thai_sort_key

    values = dict(sets)
    if "house_no" in values:
        values["house_sort"] = house_sort_key(values["house_no"])
    if "head_name" in values:
        values["head_sort"] = thai_sort_key(values["head_name"])
    assignments = ", ".join(f"{f} = :{f}" for f in values)
    conn.execute(text(f"UPDATE household SET {assignments} WHERE id = :id"), {**values, "id": hid})
    if any(f in wire.MONEY for f in values):
        year, village = conn.execute(text("SELECT survey_year, village FROM household WHERE id = :id"), {"id": hid}).one()
        survey = surveys.require(conn, year)
        engine.evaluate_scope(conn, survey.indicator_set, year, survey.layout, "h.id = :hid", {"hid": hid})
        from desktop.sync.apply import _refresh_reports

        _refresh_reports(conn, year, [village])
