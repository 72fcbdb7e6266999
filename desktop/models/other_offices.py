"""Other offices' records on this laptop are read-only here (desktop/sync/feed.py writes them with `origin`, the
laptop that made them): a visit, a back-check answer or a correction of another office is corrected or undone
by that office, on its own laptop, and the change reaches here by the next sync."""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from desktop import messages
from desktop.models.errors import UserError

_TABLES = {"visit_event", "backcheck_answer", "backcheck_sample", "correction_event", "roster_event"}
_READ_ONLY = ("รายการนี้เป็นของ{office} (รับมาจากการซิงก์) แก้ไขหรือยกเลิกได้ที่เครื่องของหน่วยงานนั้นเท่านั้น",
              "This record belongs to {office} (received by sync); only that office can change or undo it, on its"
              " own laptop.")


def office_of(conn: Connection, table: str, event_uuid: str | None) -> str | None:
    """The office name of another office's record, or None when the record was made here (or is unknown)."""
    if table not in _TABLES or not event_uuid:
        return None
    row = conn.execute(text(f"SELECT origin, office FROM {table} WHERE uuid = :u"), {"u": event_uuid}).first()
    if row is None or not row.origin:
        return None
    office = json.loads(row.office or "{}")
    return str(office.get("name") or row.origin)


def check_own(conn: Connection, table: str, event_uuid: str | None) -> None:
    """UserError when the record is another office's."""
    office = office_of(conn, table, event_uuid)
    if office is not None:
        th, en = _READ_ONLY
        raise UserError((en if messages.language() == "en" else th).format(office=office))
