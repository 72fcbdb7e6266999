"""What reached the province server, per district (`main.py serve admin status --area 52`): certifications with
the server's verification, monitoring visits, the back-check confidence and corrections still open.

Read from the events the server keeps (province/events.py), folded as the laptops fold them: a certification is
active until a re-open names it; a visit's current state is its newest event (withdrawn ones do not count); a
back-check answer counts until a newer one supersedes it; a correction is open until a revert names it.
Confidence uses the default tolerances of desktop.models.monitoring_settings (items matching ÷ items compared).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import backcheck_items
from desktop.models import monitoring_settings as ms


@dataclass
class DistrictStatus:
    code: str
    households: int = 0
    certifications: list[dict] = field(default_factory=list)  # {area, level, short_code, status, reopened, at}
    visits_district: int = 0
    visits_province: int = 0
    compared: int = 0
    matched: int = 0
    open_corrections: int = 0

    @property
    def confidence(self) -> float | None:
        return round(100 * self.matched / self.compared, 1) if self.compared else None

    def as_dict(self) -> dict:
        return {**self.__dict__, "confidence": self.confidence}


def _events(conn: Connection, kinds: tuple[str, ...]) -> list:
    marks = ", ".join(f"'{k}'" for k in kinds)  # constants of this module, not input
    return conn.execute(text(f"SELECT e.seq, e.kind, e.payload, e.status, e.received_at, h.village FROM events e"
                             f" LEFT JOIN household h ON h.id = e.household_id WHERE e.kind IN ({marks})"
                             " AND e.status IN ('accepted', 'needs_recheck') ORDER BY e.seq")).all()


def report(conn: Connection, area: str) -> dict:
    """{"area", "province": [certifications of the area itself], "districts": [DistrictStatus.as_dict()]}"""
    rows = conn.execute(text("SELECT substr(CAST(village AS TEXT), 1, 4) AS d, count(*) FROM household"
                             " WHERE deleted = 0 AND CAST(village AS TEXT) LIKE :p GROUP BY 1 ORDER BY 1"),
                        {"p": f"{area}%"}).all()
    districts = {d: DistrictStatus(d, n) for d, n in rows if len(area) <= 4}
    top: list[dict] = []
    _certifications(conn, area, districts, top)
    _visits(conn, districts)
    _confidence(conn, districts)
    _corrections(conn, districts)
    return {"area": area, "certifications": top, "districts": [d.as_dict() for d in districts.values()]}


def _certifications(conn: Connection, area: str, districts: dict, top: list) -> None:
    reopened = {json.loads(r.payload).get("certification") for r in _events(conn, ("certification.reopen",))}
    for r in _events(conn, ("certification",)):
        p = json.loads(r.payload)
        code = str(p.get("area") or "")
        entry = {"area": p.get("area_code") or code, "level": p.get("level", ""), "short_code": p.get("short_code", ""),
                 "verified": r.status == "accepted", "status": r.status, "reopened": p.get("uuid") in reopened,
                 "at": p.get("certified_at", ""), "override": bool(p.get("override_reason"))}
        if code == area or (len(code) < len(area) and area.startswith(code)):
            top.append(entry)
        elif code[:4] in districts:
            districts[code[:4]].certifications.append(entry)


def _current(events: list, key: str) -> dict:
    """The newest event per `key` value that nothing supersedes (payload "supersedes" names an earlier uuid)."""
    superseded = {json.loads(r.payload).get("supersedes") for r in events}
    out = {}
    for r in events:
        p = json.loads(r.payload)
        if p.get("uuid") not in superseded:
            out[p.get(key)] = (p, r)
    return out


def _visits(conn: Connection, districts: dict) -> None:
    for p, _r in _current(_events(conn, ("visit.log",)), "visit_id").values():
        if p.get("withdrawn"):
            continue
        for code, d in districts.items():
            if any(str(v).startswith(code) for v in p.get("villages") or []):
                if p.get("level") == "province":
                    d.visits_province += 1
                elif p.get("level") == "district":
                    d.visits_district += 1


def _confidence(conn: Connection, districts: dict) -> None:
    settings = ms.MonitoringSettings()
    answers = _events(conn, ("backcheck.answer",))
    for p, r in _current(answers, "uuid").values():
        village = str(r.village or "")
        d = districts.get(village[:4])
        if d is None:
            continue
        recorded, checked = p.get("recorded") or {}, p.get("answers") or {}
        for key in checked:
            if key in recorded:
                d.compared += 1
                d.matched += backcheck_items.matches(settings, key, str(recorded[key]), str(checked[key]))


def _corrections(conn: Connection, districts: dict) -> None:
    reverted = {json.loads(r.payload).get("reverts") for r in _events(conn, ("correction.revert",))}
    for r in _events(conn, ("correction.record",)):
        d = districts.get(str(r.village or "")[:4])
        if d is not None:
            d.open_corrections += sum(1 for c in json.loads(r.payload).get("changes") or [] if c.get("uuid") not in reverted)


def lines(data: dict, english: bool = False) -> list[str]:
    """The report as text lines (Thai or English)."""
    yes, no = ("verified", "needs re-check") if english else ("ตรวจแล้ว", "ขอให้ตรวจใหม่")
    head = ("district  households  certified (server)  visits d/p  confidence  open corrections" if english else
            "อำเภอ  ครัวเรือน  การรับรอง (เซิร์ฟเวอร์)  ติดตาม อ./จ.  ความเชื่อมั่น  การแก้ไขค้าง")

    def certs(items: list[dict]) -> str:
        live = [c for c in items if not c["reopened"]]
        return "; ".join(f"{c['area']} {c['level']} {c['short_code']} ({yes if c['verified'] else no})" for c in live) or "-"

    out = [f"{data['area']}: {certs(data['certifications'])}", head]
    for d in data["districts"]:
        conf = f"{d['confidence']:.1f}%" if d["confidence"] is not None else "-"
        out.append(f"{d['code']}  {d['households']:,}  {certs(d['certifications'])}  {d['visits_district']}/"
                   f"{d['visits_province']}  {conf} ({d['matched']}/{d['compared']})  {d['open_corrections']:,}")
    return out
