"""The hand-worked fixture of docs/monitoring.md: two villages in two tambons of one district, three households.

Village A (52010101): households 1 and 2 (collector สมชาย); village B (52010201): household 3 (collector สมหญิง).
Survey year 2567 (indicator set 2566-2570); the back-check re-asks answer codes 6 and 13 only.
"""

from __future__ import annotations

from desktop.models import backcheck, indicators, loader, visits
from desktop.models import monitoring_settings as ms
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key

YEAR = 2567
SET = indicators.bundled("2566-2570")
LAYOUT = SET.answer_layout()
VILLAGE_A, VILLAGE_B = 52010101, 52010201
ASKED_ON = "2025-11-01"
PID = "3100600445635"


def answers(**by_code: str) -> str:
    return "".join(by_code.get(code, "-") for code in LAYOUT)


def hid(seq: int) -> int:
    return household_id(YEAR, f"5201000{seq:04d}")


def hh(seq: int, village: int, ans: str, incomes, collector: str) -> tuple:
    code = f"5201000{seq:04d}"
    return (hid(seq), YEAR, 52, village // 10000, village // 100, village, str(seq), house_sort_key(str(seq)), code,
            f"หัวหน้า{seq}", thai_sort_key(f"หัวหน้า{seq}"), *incomes, 0, 0, 0, 0, ans, collector, "2024-06-01", 1, 0)


def member(seq_hh: int, seq: int, birth: str) -> tuple:
    return (hid(seq_hh), seq, PID, PID[::-1], "", f"สมาชิก{seq}", "ทดสอบ", "M", birth, 30, 360, "", "", "", "N", 1, 0)


HOUSEHOLDS = [
    hh(1, VILLAGE_A, answers(**{"6": "1", "13": "1", "14": "0"}), (50000, 10000, 0, 0), "สมชาย"),  # 14: not re-asked
    hh(2, VILLAGE_A, answers(**{"6": "0", "13": "1"}), (30000, 0, 0, 0), "สมชาย"),
    hh(3, VILLAGE_B, answers(**{"6": "1", "13": "0"}), (100000, 0, 5000, 0), "สมหญิง"),
]
MEMBERS = [
    member(1, 1, "1980-06-01"), member(1, 2, "2010-06-01"),
    member(2, 1, "1970-01-01"),
    member(3, 1, "1990-03-01"), member(3, 2, "1992-03-01"), member(3, 3, "2020-03-01"),
]

# Re-check answers; the comments give each comparison (ages at 2025-11-01, income tolerance ±10 %).
CHECKED = {
    1: {"members": "2",  # ✓
        "age:1": "46",  # ✓ recorded 45, ±1
        "age:2": "17",  # ✗ recorded 15
        "answer:6": "1",  # ✓
        "answer:13": "0",  # ✗
        "income:inc_main": "54000",  # ✓ |4000| <= 5000
        "income:inc_second": "12000",  # ✗ |2000| > 1000
        "income:inc_other": "0", "income:inc_produce": "0"},  # ✓ ✓        -> 9 compared, 6 match
    2: {"members": "1", "age:1": "55", "answer:6": "0", "answer:13": "1", "income:inc_main": "30000",
        "income:inc_second": "0", "income:inc_other": "0", "income:inc_produce": "0"},  # 8 compared, 8 match
    3: {"members": "4",  # ✗ recorded 3
        "age:1": "35", "age:2": "33", "age:3": "5",  # ✓ ✓ ✓
        "age:4": "40",  # not on the record: not compared
        "answer:6": "1",  # ✓ ; answer 13 left blank: not compared
        "income:inc_main": "100000", "income:inc_second": "0",  # ✓ ✓
        "income:inc_other": "4000",  # ✗ |1000| > 500
        "income:inc_produce": "0"},  # ✓                                    -> 9 compared, 7 match
}


def load(store):
    with store.begin() as conn:
        bulk = loader.BulkLoad(conn, YEAR, "visits test")
        bulk.start()
        bulk.replace_area("5201")
        bulk.add_households(HOUSEHOLDS)
        bulk.add_members(MEMBERS)
        bulk.finish()
        ms.save(conn, ms.from_dict({"answer_codes": ["6", "13"], "sample_mode": "fixed", "size_fixed": 5}))


def visit(conn, level="district", area="5201", villages=(VILLAGE_A, VILLAGE_B), day="2025-11-01"):
    return visits.log(conn, survey_year=YEAR, level=level, area_code=area, visit_date=day,
                      villages=[str(v) for v in villages], visitors=[visits.Visitor("นายตรวจ ติดตาม", "พัฒนากร")],
                      checklist={"working_group": True, "collectors_trained": False}, notes="ทดสอบ")


def worked(store):
    """Load the fixture, log a district visit, draw its sample (everyone) and enter the answers in CHECKED."""
    load(store)
    with store.begin() as conn:
        v = visit(conn)
        backcheck.draw_sample(conn, v.visit_id, seed="42")
        for seq, values in CHECKED.items():
            backcheck.record_answers(conn, v.visit_id, hid(seq), values, checker="นางตรวจ ซ้ำ", asked_on=ASKED_ON)
    return v
