"""A small district for the certification tests: district 5201 with tambons 520101 (two villages, one
อปท. each) and 520102 (one village), three households per village, loaded through loader.BulkLoad."""

from __future__ import annotations

from desktop.models import areas, loader, roster
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key
from tests.corrections.helpers import LAYOUT, PID, YEAR, answers

VILLAGES = (52010101, 52010102, 52010201)
LAOS = {"L5201011": ("เทศบาล", "เทศบาลตำบลทดสอบ", "520101"), "L5201012": ("อบต.", "อบต.ทดสอบ", "520101")}
VILLAGE_LAO = {"52010101": "L5201011", "52010102": "L5201012"}


def hid(village: int, n: int) -> int:
    return household_id(YEAR, f"{village}{n:03d}")


def _household(village: int, n: int, income: int) -> tuple:
    code = f"{village}{n:03d}"
    v = str(village)
    return (hid(village, n), YEAR, int(v[:2]), int(v[:4]), int(v[:6]), village, str(n), house_sort_key(str(n)), code,
            f"หัวหน้า {n}", thai_sort_key(f"หัวหน้า {n}"), income, 0, 0, 0, 0, 0, 0, 0, answers(**{"3": "1"}), "", "", 1, 0)


def _member(village: int, n: int, seq: int, age: int) -> tuple:
    return (hid(village, n), seq, PID, PID[::-1], "", f"ชื่อ{seq}", "สกุล", "M" if seq == 1 else "F",
            "1970-01-01" if age > 20 else "2014-01-01", age, age * 12, "", "", "", "N", 1, 0)


def load(store, *, income=50000, reverse=False, changed: dict | None = None):
    """Load the district (all of it replaced); changed = {household id: income} overrides some incomes."""
    rows = [_household(v, n, (changed or {}).get(hid(v, n), income)) for v in VILLAGES for n in (1, 2, 3)]
    members = [_member(v, n, seq, age) for v in VILLAGES for n in (1, 2, 3) for seq, age in ((1, 40), (2, 5))]
    if reverse:
        rows.reverse()
        members.sort(key=lambda m: (-m[0], m[1]))
    with store.begin() as conn:
        areas.ensure_villages(conn, {str(v): "" for v in VILLAGES})
        areas.ensure_laos(conn, LAOS, VILLAGE_LAO)
        bulk = loader.BulkLoad(conn, YEAR, "certification test")
        bulk.start()
        bulk.replace_area("5201")
        bulk.add_households(rows)
        bulk.add_members(members)
        return bulk.finish()


def rosters(store) -> None:
    with store.begin() as conn:
        for level, code in (("tambon", "520101"), ("tambon", "520102"), ("district", "5201"), ("lao", "L5201011"),
                            ("lao", "L5201012"), ("province", "52")):
            roster.set_member(conn, level, code, f"ประธาน {code}", "ประธาน", roster.CHAIR)
            roster.set_member(conn, level, code, f"เลขา {code}", "พัฒนากร", roster.SECRETARY)


__all__ = ["LAYOUT", "YEAR", "VILLAGES", "hid", "load", "rosters"]
