"""The lock a certification puts on its data (DESIGN.md §3): corrections of a household covered by an
active certification are refused until that certification is re-opened.

A certification as stored (`Certification`, what the form prints) is read here too, so that the layers below
desktop/certify (the certificate PDF among the reports) can name it; certifying, re-opening and checking
live in desktop/certify.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop import messages
from desktop.models.errors import UserError

messages.register({
    "cert_locked": ("ข้อมูลของพื้นที่ {code} ปี {year} รับรองแล้ว: แก้ไขไม่ได้ (ต้องยกเลิกการรับรองก่อน)",
                    "The data of area {code} for {year} is certified and cannot be corrected"
                    " (re-open the certification first)."),
})

ACTIVE, SUPERSEDED = "active", "superseded"
# SQL: the certification `c` was re-opened
REOPENED = "EXISTS (SELECT 1 FROM certification_reopen r WHERE r.certification_uuid = c.uuid)"


@dataclass(frozen=True)
class Certification:
    uuid: str
    area_code: str
    level: str
    survey_year: int
    certified_at: str
    officer: dict
    roster: list[dict]
    fingerprint: str
    short_code: str
    summary: dict
    override_reason: str
    indicator_set: str
    provisional: bool
    place: str
    households: int
    status: str
    reopen: dict | None = None
    verdict: str = ""  # another office's: the province server's answer (accepted = verified, needs_recheck), "" unknown
    origin: str = ""  # "" made here; else the store id of the laptop that made it (desktop/sync/feed.py)
    office: dict = field(default_factory=dict)  # another office's: {"name", "areas"}

    @property
    def foreign(self) -> bool:
        return bool(self.origin)

    @property
    def area_title(self) -> str:
        return self.summary.get("area_title", self.area_code)

    @property
    def qr_content(self) -> str:
        """What the form's QR code carries; `main.py verify` reads it back (any laptop with the data can check)."""
        return f"BMN-CERT|1|{self.area_code}|{self.survey_year}|{self.short_code}|{self.fingerprint}|{self.uuid}"


def _active_covering(conn: Connection, village: int, survey_year: int) -> list[tuple[str, str, str]]:
    """(uuid, area code, level) of the active certifications covering a village in a year."""
    rows = conn.execute(text(
        f"SELECT c.uuid, c.area_code, c.level FROM certification_event c WHERE c.survey_year = :y AND NOT {REOPENED}"
        " AND ((c.level <> 'lao' AND substr(:v, 1, length(c.area_code)) = c.area_code)"
        " OR (c.level = 'lao' AND c.area_code = (SELECT lao_code FROM area WHERE code = :v)))"),
        {"y": survey_year, "v": str(village)})
    return [(r[0], r[1], r[2]) for r in rows]


def check_unlocked(conn: Connection, household_id: int) -> None:
    """Raise UserError when the household's area and year are covered by an active certification."""
    row = conn.execute(text("SELECT survey_year, village FROM household WHERE id = :id"), {"id": household_id}).first()
    if row is None:
        return
    covering = _active_covering(conn, row.village, row.survey_year)
    if covering:
        _uuid, code, _level = covering[0]
        raise UserError(messages.msg("cert_locked", code=code, year=row.survey_year))
