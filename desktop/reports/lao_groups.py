"""District (or tambon) reports by อปท. instead of by tambon: the letter asks for "รายงานตำบล/องค์กรปกครองส่วน
ท้องถิ่น", and an อปท. (เทศบาล / อบต.) groups villages across tambon lines.

The figures are read per village (the area's scope with child_div 1) and folded here into the อปท. each
village belongs to (area.lao_code); villages without an อปท. stay together under NO_LAO, so the rows still
add up to the area's total.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from desktop.reports.figures import Figures

BY = ("tambon", "lao")
NO_LAO = "-"
NO_LAO_NAME = "หมู่บ้านที่ไม่ระบุ อปท."


def village_laos(conn: Connection, villages) -> dict[str, str]:
    """{village code: อปท. code (NO_LAO if none)}."""
    rows = conn.execute(text("SELECT code, lao_code FROM area WHERE code IN (SELECT value FROM json_each(:c))"),
                        {"c": _json(villages)})
    found = {str(code): lao or NO_LAO for code, lao in rows}
    return {str(v): found.get(str(v), NO_LAO) for v in villages}


def regroup(conn: Connection, per_village: dict[str, Figures]) -> dict[str, Figures]:
    """Figures per village summed per อปท., in Thai order of the อปท. names (NO_LAO last)."""
    laos = village_laos(conn, per_village)
    out: dict[str, Figures] = {}
    for village, figures in per_village.items():
        out.setdefault(laos[village], Figures()).add(figures)
    return {code: out[code] for code in order(conn, out)}


def names(conn: Connection, codes) -> dict[str, str]:
    """{อปท. code: its name ("เทศบาลตำบล…", "อบต.…")}."""
    codes = list(codes)
    found = dict(conn.execute(text("SELECT code, name_th FROM lao WHERE code IN (SELECT value FROM json_each(:c))"),
                              {"c": _json(codes)}).all())
    return {c: NO_LAO_NAME if c == NO_LAO else found.get(c, c) for c in codes}


def order(conn: Connection, codes) -> list[str]:
    """อปท. codes in Thai dictionary order of their names; NO_LAO last."""
    from desktop.models.sortkeys import thai_sort_key

    named = names(conn, codes)
    return sorted(named, key=lambda c: (c == NO_LAO, thai_sort_key(named[c]), c))


def _json(values) -> str:
    import json

    return json.dumps(list(values))
