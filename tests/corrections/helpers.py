"""A tiny store for the corrections tests: one village, two households, loaded through loader.BulkLoad."""

from __future__ import annotations

from desktop.models import indicators, loader
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key

YEAR = 2562  # 2560-2564 set: 3 = vaccination of children 0-12 (person indicator)
SET = indicators.bundled("2560-2564")
LAYOUT = SET.answer_layout()
VILLAGE = 52010101
PID = "3100600445635"


def answers(**by_code: str) -> str:
    return "".join(by_code.get(code, "-") for code in LAYOUT)


def hid(seq: int) -> int:
    return household_id(YEAR, f"5201000{seq:04d}")


def hh(seq: int, ans: str | None = None, incomes=(50000, 0, 0, 0), house_no: str | None = None) -> tuple:
    code = f"5201000{seq:04d}"
    return (hid(seq), YEAR, 52, 5201, 520101, VILLAGE, house_no or str(seq), house_sort_key(house_no or str(seq)), code,
            "ทดสอบ", thai_sort_key("ทดสอบ"), *incomes, 0, 0, 0, 0, ans or answers(**{"3": "1"}), "", "", 1, 0)


def member(seq_hh: int, seq: int, age: int, birth="1970-01-01", first="ก") -> tuple:
    return (hid(seq_hh), seq, PID, PID[::-1], "", first, "ข", "M", birth, age, age * 12, "", "", "", "N", 1, 0)


def load(store, rows, members):
    with store.begin() as conn:
        bulk = loader.BulkLoad(conn, YEAR, "corrections test")
        bulk.start()
        bulk.replace_area(str(VILLAGE))
        bulk.add_households(rows)
        bulk.add_members(members)
        return bulk.finish()


def standard(store):
    """Household 1: an adult and a 5-year-old not vaccinated (indicator 3 fails); household 2: two adults."""
    return load(store, [hh(1), hh(2)], [member(1, 1, 40), member(1, 2, 5, birth="2014-01-01"), member(2, 1, 30),
                                        member(2, 2, 33)])
