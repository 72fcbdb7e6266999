"""Certification levels and the working-group roster (คณะทำงาน) of each level and area.

A roster is kept per (level, area code), not per year, so the same group certifies year after year. It is
history, not a table to edit: every add, change or removal is an append-only `roster_event` (with its
audit entry and outbox event in the same transaction); the current roster is the fold of those events
(the latest event of each member_uuid, removed members left out).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Row, text

from desktop.models import audit, events
from desktop import messages
from desktop.messages import msg, problems_text
from desktop.models.errors import UserError

messages.register({
    "cert_bad_area_code": ("รหัสพื้นที่ '{code}' รับรองไม่ได้: ใช้รหัสตำบล 6 หลัก อำเภอ 4 หลัก จังหวัด 2 หลัก หรือรหัส อปท.",
                           "Area '{code}' cannot be certified: use a tambon (6 digits), district (4 digits),"
                           " province (2 digits) or LAO code."),
    "cert_no_area_code": ("ต้องระบุรหัสพื้นที่", "An area code is needed."),
    "cert_roster_cannot_save": ("บันทึกคณะทำงานไม่ได้:", "Cannot save the roster:"),
    "cert_roster_bad_level": ("ระดับ '{level}' ไม่ถูกต้อง (ใช้ {levels})", "Level '{level}' is not valid (use {levels})"),
    "cert_roster_no_name": ("ต้องระบุชื่อ-สกุล", "Give the member's full name"),
    "cert_roster_too_long": ("ชื่อหรือตำแหน่งยาวเกิน {n} ตัวอักษร", "The name or position is longer than {n} characters"),
    "cert_roster_bad_role": ("บทบาท '{role}' ไม่ถูกต้อง (ใช้ {roles})", "Role '{role}' is not valid (use {roles})"),
    "cert_roster_no_member": ("ไม่พบกรรมการ {member} ในคณะทำงานนี้", "No member {member} in this roster"),
    "roster_role_chair": ("ประธานคณะทำงาน", "chair of the working group"),
    "roster_role_member": ("คณะทำงาน", "member of the working group"),
    "roster_role_secretary": ("คณะทำงานและเลขานุการ", "member and secretary"),
})

TAMBON, LAO, DISTRICT, PROVINCE = "tambon", "lao", "district", "province"
LEVELS = (TAMBON, LAO, DISTRICT, PROVINCE)
LEVEL_LABELS = {TAMBON: "ตำบล", LAO: "องค์กรปกครองส่วนท้องถิ่น", DISTRICT: "อำเภอ", PROVINCE: "จังหวัด"}
RANK = {TAMBON: 1, LAO: 1, DISTRICT: 2, PROVINCE: 3}  # a profile of rank r may re-open certifications of rank <= r
PROFILE_RANK = {"tambon": 1, "district": 2, "province": 3}  # meta.LEVELS

CHAIR, SECRETARY, MEMBER = "chair", "secretary", "member"
ROLES = (CHAIR, MEMBER, SECRETARY)  # the order people sign in
ROLE_LABELS = {CHAIR: "ประธานคณะทำงาน", MEMBER: "คณะทำงาน", SECRETARY: "คณะทำงานและเลขานุการ"}
MAX_TEXT = 200


def level_of(area_code: str) -> str:
    """'tambon' (6 digits), 'district' (4), 'province' (2) or 'lao' (an อปท. code, not all digits)."""
    code = str(area_code).strip()
    if code.isdigit():
        found = {6: TAMBON, 4: DISTRICT, 2: PROVINCE}.get(len(code))
        if found is None:
            raise UserError(msg("cert_bad_area_code", code=code))
        return found
    if not code:
        raise UserError(msg("cert_no_area_code"))
    return LAO


@dataclass(frozen=True)
class RosterMember:
    member_uuid: str
    name: str
    position: str
    role: str
    ord: int

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def as_dict(self) -> dict:
        return {"member_uuid": self.member_uuid, "name": self.name, "position": self.position, "role": self.role,
                "ord": self.ord}


def _sort_key(m: RosterMember) -> tuple:
    return (ROLES.index(m.role) if m.role in ROLES else len(ROLES), m.ord, m.name)


def current(conn: Connection, level: str, area_code: str) -> list[RosterMember]:
    """The roster now: chair first, secretary last, members by their order."""
    latest: dict[str, Row] = {}
    for row in conn.execute(
            text("SELECT member_uuid, kind, name, position, role, ord FROM roster_event"
                 " WHERE level = :l AND area_code = :a ORDER BY seq"), {"l": level, "a": area_code}):
        latest[row.member_uuid] = row
    members = [RosterMember(r.member_uuid, r.name, r.position, r.role, r.ord) for r in latest.values() if r.kind == "set"]
    return sorted(members, key=_sort_key)


def history(conn: Connection, level: str, area_code: str) -> list[dict]:
    """Every roster event of a (level, area), oldest first."""
    rows = conn.execute(text("SELECT uuid, member_uuid, kind, name, position, role, ord, at FROM roster_event"
                             " WHERE level = :l AND area_code = :a ORDER BY seq"), {"l": level, "a": area_code})
    return [dict(r._mapping) for r in rows]




def _write(conn: Connection, level: str, area_code: str, member_uuid: str, kind: str, values: dict) -> str:
    event_uuid = str(uuid.uuid4())
    row = {"u": event_uuid, "l": level, "a": area_code, "m": member_uuid, "k": kind, "n": values.get("name", ""),
           "p": values.get("position", ""), "r": values.get("role", MEMBER), "o": int(values.get("ord", 0)),
           "t": events.now(), "off": events.officer_json(conn)}
    conn.execute(text("INSERT INTO roster_event(uuid, level, area_code, member_uuid, kind, name, position, role, ord, at,"
                      " officer) VALUES (:u, :l, :a, :m, :k, :n, :p, :r, :o, :t, :off)"), row)
    detail = {"uuid": event_uuid, "level": level, "area": area_code, "member_uuid": member_uuid, "kind": kind,
              **{k: values[k] for k in ("name", "position", "role", "ord") if k in values}}
    audit.append(conn, "certification.roster", target=area_code, detail=detail)
    events.record(conn, "certification.roster", detail, area_code)
    return event_uuid


def set_member(conn: Connection, level: str, area_code: str, name: str, position: str, role: str = MEMBER,
               ord: int | None = None, member_uuid: str | None = None) -> str:
    """Add a member (member_uuid None) or change one; returns the member's uuid. Bad input: UserError, nothing
    written."""
    name, position = (name or "").strip(), (position or "").strip()
    problems = []
    if level not in LEVELS:
        problems.append(msg("cert_roster_bad_level", level=level, levels=", ".join(LEVELS)))
    if not name:
        problems.append(msg("cert_roster_no_name"))
    if len(name) > MAX_TEXT or len(position) > MAX_TEXT:
        problems.append(msg("cert_roster_too_long", n=MAX_TEXT))
    if role not in ROLES:
        problems.append(msg("cert_roster_bad_role", role=role, roles=", ".join(ROLES)))
    members = {m.member_uuid: m for m in current(conn, level, area_code)}
    if member_uuid is not None and member_uuid not in members:
        problems.append(msg("cert_roster_no_member", member=member_uuid))
    if problems:
        raise UserError(problems_text("cert_roster_cannot_save", problems))
    if ord is None:
        ord = members[member_uuid].ord if member_uuid else max((m.ord for m in members.values()), default=0) + 1
    member_uuid = member_uuid or str(uuid.uuid4())
    _write(conn, level, area_code, member_uuid, "set", {"name": name, "position": position, "role": role, "ord": ord})
    return member_uuid


def remove_member(conn: Connection, level: str, area_code: str, member_uuid: str) -> str:
    if member_uuid not in {m.member_uuid for m in current(conn, level, area_code)}:
        raise UserError(msg("cert_roster_no_member", member=member_uuid))
    return _write(conn, level, area_code, member_uuid, "remove", {})


def snapshot(members: list[RosterMember]) -> str:
    """The members present, as stored on a certification (JSON, in signing order)."""
    return json.dumps([{"name": m.name, "position": m.position, "role": m.role}
                       for m in sorted(members, key=_sort_key)], ensure_ascii=False)


def role_name(role: str) -> str:
    """A roster role (chair / member / secretary) in the user's language; an unknown one as it is."""
    key = f"roster_role_{role}"
    return msg(key) if key in messages.CATALOGUE else role
