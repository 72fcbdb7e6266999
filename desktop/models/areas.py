"""Administrative areas: province (2 digits) → district (4) → tambon (6) → village (8 = tambon + หมู่).

Provinces, districts and tambons come from the `geothai` package (data CC-BY-4.0, GeoThai); villages
are added by imports and the demo, since no public list of them exists. อปท. (เทศบาล / อบต.) group
villages a second way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models.schema import LEVEL_BY_CODE_LENGTH, LEVEL_DISTRICT, LEVEL_PROVINCE, LEVEL_TAMBON, LEVEL_VILLAGE

GEOTHAI_CREDIT = "Area codes and names: GeoThai data (© Pongsakorn Thipayanate), CC-BY-4.0"


def seed_from_geothai(conn: Connection) -> int:
    import geothai

    rows = []
    for p in geothai.provinces():
        rows.append({"c": p.code, "l": LEVEL_PROVINCE, "p": None, "th": p.name_th, "en": p.name_en})
        for d in geothai.districts(p.code):
            rows.append({"c": d.code, "l": LEVEL_DISTRICT, "p": p.code, "th": d.name_th, "en": d.name_en})
            for s in geothai.subdistricts(d.code):
                rows.append({"c": s.code, "l": LEVEL_TAMBON, "p": d.code, "th": s.name_th, "en": s.name_en})
    conn.execute(
        text("INSERT OR IGNORE INTO area(code, level, parent, name_th, name_en) VALUES (:c, :l, :p, :th, :en)"), rows
    )
    return len(rows)


def level_of(code: str) -> int:
    try:
        return LEVEL_BY_CODE_LENGTH[len(code)]
    except KeyError:
        raise ValueError(f"not an area code: {code!r}") from None


def existing_tambons(conn: Connection) -> set[str]:
    return set(conn.execute(text("SELECT code FROM area WHERE level = :l"), {"l": LEVEL_TAMBON}).scalars())


def ensure_villages(conn: Connection, villages: dict[str, str]) -> None:
    """Create missing villages {code: name}; a blank name becomes "หมู่ N"."""
    rows = [
        {"c": code, "p": code[:6], "th": name or f"หมู่ {int(code[6:])}", "en": f"Moo {int(code[6:])}"}
        for code, name in villages.items()
    ]
    if rows:
        conn.execute(
            text(
                "INSERT INTO area(code, level, parent, name_th, name_en) VALUES (:c, 4, :p, :th, :en)"
                " ON CONFLICT(code) DO UPDATE SET name_th = CASE WHEN excluded.name_th LIKE 'หมู่ %'"
                " THEN area.name_th ELSE excluded.name_th END"
            ),
            rows,
        )


def ensure_laos(conn: Connection, laos: dict[str, tuple[str, str, str]], village_lao: dict[str, str]) -> None:
    """Create อปท. {code: (kind, name, tambon)} and point villages at them."""
    if laos:
        conn.execute(
            text("INSERT OR REPLACE INTO lao(code, kind, name_th, tambon_code) VALUES (:c, :k, :n, :t)"),
            [{"c": c, "k": k, "n": n, "t": t} for c, (k, n, t) in laos.items()],
        )
    if village_lao:
        conn.execute(
            text("UPDATE area SET lao_code = :l WHERE code = :v"), [{"l": l, "v": v} for v, l in village_lao.items()]
        )


@dataclass(frozen=True)
class Lao:
    code: str
    kind: str  # เทศบาล / อบต. / ...
    name: str
    tambon: str


def laos_within(conn: Connection, area_code: str) -> list[Lao]:
    """The อปท. whose tambon lies inside an area (a province, district or tambon code), in Thai order."""
    from desktop.models.sortkeys import thai_sort_key

    prefix = str(area_code)[:6]
    found = [Lao(*row) for row in conn.execute(
        text("SELECT code, kind, name_th, tambon_code FROM lao WHERE substr(tambon_code, 1, :n) = :p"),
        {"n": len(prefix), "p": prefix})]
    return sorted(found, key=lambda lao: (thai_sort_key(lao.name), lao.code))


@dataclass(frozen=True)
class AreaNode:
    code: str
    level: int
    parent: str | None
    name_th: str
    name_en: str
    households: int
    members: int

    def name(self, lang: str = "th") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_th


def tree(conn: Connection, survey_year: int) -> list[AreaNode]:
    """Every area that has households in the year, with counts, parents before children."""
    hh: dict[str, int] = defaultdict(int)
    mm: dict[str, int] = defaultdict(int)
    for village, households, members in conn.execute(
        text("SELECT village, households, members FROM area_stat WHERE survey_year = :y"), {"y": survey_year}
    ):
        for code in (village[:2], village[:4], village[:6], village):
            hh[code] += households
            mm[code] += members
    if not hh:
        return []
    names = {
        code: (level, parent, th, en)
        for code, level, parent, th, en in conn.execute(
            text("SELECT code, level, parent, name_th, name_en FROM area WHERE code IN (SELECT value FROM json_each(:c))"),
            {"c": _json_list(hh)},
        )
    }
    nodes = []
    for code in sorted(hh, key=lambda c: (len(c), c)):
        level, parent, th, en = names.get(code, (level_of(code), code[:-2] or None, code, code))
        nodes.append(AreaNode(code, level, parent, th, en, hh[code], mm[code]))
    return nodes


def _json_list(codes) -> str:
    import json

    return json.dumps(list(codes))


def names_of(conn: Connection, codes: list[str], lang: str = "th") -> dict[str, str]:
    """{code: name}; with lang "en" the English name where the area has one (villages have Thai names only)."""
    name = "coalesce(nullif(name_en, ''), name_th)" if lang == "en" else "name_th"
    rows = conn.execute(
        text(f"SELECT code, {name} FROM area WHERE code IN (SELECT value FROM json_each(:c))"), {"c": _json_list(codes)}
    )
    return dict(rows.all())


def name_path(conn: Connection, code: str, lang: str = "th") -> list[tuple[str, str]]:
    """[(code, name)] from the province down to the area itself."""
    prefixes = [code[:n] for n in (2, 4, 6, 8) if n <= len(code)]
    found = names_of(conn, prefixes, lang)
    return [(c, found.get(c, c)) for c in prefixes]


def refresh_stats(conn: Connection, survey_year: int, villages: list[int] | None = None) -> None:
    """Recount households and members per village (all of the year, or the villages given)."""
    if villages is None:
        conn.execute(text("DELETE FROM area_stat WHERE survey_year = :y"), {"y": survey_year})
        where, params = "", {"y": survey_year}  # type: str, dict[str, object]
    else:
        conn.execute(
            text("DELETE FROM area_stat WHERE survey_year = :y AND village IN (SELECT value FROM json_each(:v))"),
            {"y": survey_year, "v": _json_list(str(v) for v in villages)},
        )
        where, params = " AND village IN (SELECT value FROM json_each(:v))", {"y": survey_year, "v": _json_list(villages)}
    conn.execute(
        text(
            "INSERT INTO area_stat(survey_year, village, households, members)"
            " SELECT survey_year, CAST(village AS TEXT), count(*), sum(n_members) FROM household"
            f" WHERE survey_year = :y{where} GROUP BY village"
        ),
        params,
    )


LEVEL_NAMES = {
    LEVEL_PROVINCE: ("จังหวัด", "Province"),
    LEVEL_DISTRICT: ("อำเภอ", "District"),
    LEVEL_TAMBON: ("ตำบล", "Tambon"),
    LEVEL_VILLAGE: ("หมู่บ้าน", "Village"),
}
