"""The correction notice as letters (หนังสือแจ้งแก้ไขข้อมูล จปฐ.): one letter per working group it goes to,
reprintable, with where its corrections stand now.

- `Letter`: what one official letter says beyond its list: the office's own letter number (typed by the
  officer: "ลป 0019.1/ว 123"), the sending office (ส่วนราชการ), the signer, the recipient.
- `recipients(conn, items)`: the items grouped by the tambon/อปท. working group that keys them upstream:
  a village governed by an อปท. goes to that อปท.'s working group, any other village to its tambon's.
- The letter details are kept beside the issued list (meta key `correction_letter.<list uuid>`), so a
  notice can be printed again, as PDF or XLSX, at any time: `load(conn, ref_or_uuid)`.
- `tally(conn, the_list)`: after the next import, how many of its corrections are still sent, confirmed,
  not applied (or reverted).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, replace

from sqlalchemy import Connection, text

from desktop.models import areas, corrections, meta
from desktop.models.correction_lists import CorrectionList, ListItem, list_items
from desktop.models.errors import UserError

_KEY = "correction_letter."


@dataclass(frozen=True)
class LetterDetails:
    letter_no: str = ""  # the office's own number, as typed ("" prints a blank to fill in by hand)
    office: str = ""  # ส่วนราชการ: the sending office
    office_address: str = ""
    phone: str = ""
    signer: str = ""
    position: str = ""


@dataclass(frozen=True)
class Recipient:
    code: str  # an อปท. code or a tambon code
    kind: str  # "lao" or "tambon"
    name: str  # "อบต.บ้านเสด็จ", "ตำบลบ้านเสด็จ"
    items: list[ListItem]


@dataclass(frozen=True)
class Tally:
    sent: int
    confirmed: int
    not_applied: int
    reverted: int

    @property
    def total(self) -> int:
        return self.sent + self.confirmed + self.not_applied + self.reverted


def default_office(conn: Connection, area_code: str) -> str:
    """"สำนักงานพัฒนาชุมชนอำเภอเมืองลำปาง" for a district or below, "…จังหวัดลำปาง" for a province."""
    path = areas.name_path(conn, area_code[:4] if len(area_code) >= 4 else area_code[:2])
    code, name = path[-1]
    return f"สำนักงานพัฒนาชุมชน{'อำเภอ' if len(code) == 4 else 'จังหวัด'}{name}"


def save_details(conn: Connection, list_uuid: str, details: LetterDetails) -> None:
    meta.put(conn, _KEY + list_uuid, json.dumps(asdict(details), ensure_ascii=False, sort_keys=True))


def details_of(conn: Connection, the_list: CorrectionList) -> LetterDetails:
    raw = meta.get(conn, _KEY + the_list.uuid)
    if raw:
        return LetterDetails(**json.loads(raw))
    return LetterDetails(office=default_office(conn, the_list.area_code), signer=the_list.officer.name,
                         position=the_list.officer.position)


def recipients(conn: Connection, items: list[ListItem]) -> list[Recipient]:
    """The items per working group, in the order of their first village."""
    villages = sorted({str(i.village) for i in items})
    rows = conn.execute(text(
        "SELECT a.code, a.lao_code, l.name_th FROM area a LEFT JOIN lao l ON l.code = a.lao_code"
        " WHERE a.code IN (SELECT value FROM json_each(:v))"), {"v": json.dumps(villages)}).all()
    lao_of = {r.code: (r.lao_code, r.name_th) for r in rows if r.lao_code and r.name_th}
    tambons = areas.names_of(conn, sorted({v[:6] for v in villages}))
    groups: dict[tuple[str, str], list[ListItem]] = {}
    names: dict[tuple[str, str], str] = {}
    for item in items:
        village = str(item.village)
        if village in lao_of:
            key = (lao_of[village][0], "lao")
            names[key] = lao_of[village][1]
        else:
            key = (village[:6], "tambon")
            names[key] = "ตำบล" + tambons.get(village[:6], village[:6])
        groups.setdefault(key, []).append(item)
    return [Recipient(code, kind, names[(code, kind)], group) for (code, kind), group in groups.items()]


def village_names(conn: Connection, items: list[ListItem]) -> dict[int, str]:
    """{village: "หมู่ 3 บ้านหนองแก้ว"} for the village column."""
    codes = sorted({str(i.village) for i in items})
    found = areas.names_of(conn, codes)
    out = {}
    for code in codes:
        name = found.get(code, "")
        out[int(code)] = name if name.startswith("หมู่") else f"หมู่ {int(code[6:])} {name}".strip()
    return out


def find(conn: Connection, ref: str) -> CorrectionList:
    """An issued list by its reference number or uuid, rebuilt from the store (for a reprint)."""
    row = conn.execute(text("SELECT * FROM correction_list WHERE ref_no = :r OR uuid = :r ORDER BY seq DESC LIMIT 1"),
                       {"r": ref.strip()}).mappings().first()
    if row is None:
        raise UserError(f"ไม่พบหนังสือแจ้งแก้ไขข้อมูล '{ref}' (ดูรายการด้วย corrections notice --list)")
    uuids = json.loads(row["corrections"])
    states = corrections.read_states(conn, "c.uuid IN (SELECT value FROM json_each(:u))", {"u": json.dumps(uuids)})
    officer = meta.Officer(**json.loads(row["officer"])) if row["officer"] else meta.NOBODY
    name = areas.names_of(conn, [row["area_code"]]).get(row["area_code"], row["area_code"])
    return CorrectionList(row["uuid"], row["ref_no"], row["issued_at"], row["area_code"], name, row["date_from"],
                          row["date_to"], officer, list_items(conn, states))


def issued(conn: Connection) -> list[CorrectionList]:
    """Every issued list, newest first (items included)."""
    refs = conn.execute(text("SELECT uuid FROM correction_list ORDER BY seq DESC")).scalars().all()
    return [find(conn, ref) for ref in refs]


def tally(conn: Connection, the_list: CorrectionList) -> Tally:
    uuids = [i.correction_uuid for i in the_list.items]
    states = corrections.read_states(conn, "c.uuid IN (SELECT value FROM json_each(:u))", {"u": json.dumps(uuids)})
    counts = Counter(s.status for s in states)
    return Tally(counts[corrections.SENT] + counts[corrections.RECORDED], counts[corrections.CONFIRMED],
                 counts[corrections.NOT_APPLIED], counts[corrections.REVERTED])


def with_details(details: LetterDetails, **changes) -> LetterDetails:
    return replace(details, **{k: v for k, v in changes.items() if v is not None})
