"""A tiny hand-made province for the report tests; every expected number in tests/reports is worked
out by hand from the households below (the comments in the tests say how).

    district 5201, tambon 520101, อปท. L5201011 (อบต.)
      village 52010101  H1 house 12   M40 F38 M10   income 90,000+10,000+5,000+5,000 = 110,000  expense 20,000+50,000+5,000+5,000 = 80,000
                        H2 house 10   F65 M70       income 100,000                              expense 60,000 necessary
                        H3 house 3/1  M0 F25        income 30,000 main + 10,000 other = 40,000  expense 30,000 necessary + 2,000 unnecessary
      village 52010102  H4 house 1    F19 F60       income 200,000                              expense 100,000 necessary
    district 5201, tambon 520102, อปท. L5201021 (เทศบาล)
      village 52010201  H5 house 5    M5 M101 F50   income 150,000                              expense 90,000 necessary + 10,000 debt
    district 5202, tambon 520201 (no อปท.)
      village 52020101  H6 house 7    F13           income 0
                        H7 house 8    (no members)  income 5,000 other

Answers (2566–2570 draft set): #6 household food (1 pass / 0 fail), #9 exercise, persons aged 6+
(number failing), #32 elderly cared for, persons 60+ (number failing); everything else unanswered.
    H1 6=1 9=1        H2 6=0 9=0 32=2    H3 6=1 (9 unanswered)    H4 6=1 9=1 32=0
    H5 9=0 32=1 (6 unanswered)           H6 6=0 9=0               H7 nothing
Income indicator #29: threshold 40,000 per person per year.
"""

from __future__ import annotations

import pytest

from desktop.models import areas, indicators, loader
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key

YEAR = 2567
SET = indicators.bundled("2566-2570")
LAYOUT = SET.answer_layout()
VILLAGE_NAMES = {"52010101": "บ้านหนึ่ง", "52010102": "บ้านสอง", "52010201": "บ้านสาม", "52020101": "บ้านสี่"}
LAOS = {"L5201011": ("อบต.", "อบต.ทดสอบ", "520101"), "L5201021": ("เทศบาล", "เทศบาลตำบลทดสอบ", "520102")}
VILLAGE_LAO = {"52010101": "L5201011", "52010102": "L5201011", "52010201": "L5201021"}

# (seq, village, house_no, head, (inc_main, inc_second, inc_other, inc_produce),
#  (exp_production, exp_necessary, exp_unnecessary, exp_debt), answers, members [(sex, age)])
HOUSEHOLDS = [
    (1, "52010101", "12", "นายหนึ่ง ใจดี", (90_000, 10_000, 5_000, 5_000), (20_000, 50_000, 5_000, 5_000),
     {"6": "1", "9": "1"}, [("M", 40), ("F", 38), ("M", 10)]),
    (2, "52010101", "10", "นางสอง ใจดี", (100_000, 0, 0, 0), (0, 60_000, 0, 0),
     {"6": "0", "9": "0", "32": "2"}, [("F", 65), ("M", 70)]),
    (3, "52010101", "3/1", "=HYPERLINK(\"http://x\")", (30_000, 0, 10_000, 0), (0, 30_000, 2_000, 0),
     {"6": "1"}, [("M", 0), ("F", 25)]),
    (4, "52010102", "1", "นางสี่ ใจดี", (200_000, 0, 0, 0), (0, 100_000, 0, 0),
     {"6": "1", "9": "1", "32": "0"}, [("F", 19), ("F", 60)]),
    (5, "52010201", "5", "นายห้า ใจดี", (150_000, 0, 0, 0), (0, 90_000, 0, 10_000),
     {"9": "0", "32": "1"}, [("M", 5), ("M", 101), ("F", 50)]),
    (6, "52020101", "7", "@หก", (0, 0, 0, 0), (0, 0, 0, 0), {"6": "0", "9": "0"}, [("F", 13)]),
    (7, "52020101", "8", "นายเจ็ด ไม่มีสมาชิก", (0, 0, 5_000, 0), (0, 0, 0, 0), {}, []),
]


def answers(by_code: dict[str, str]) -> str:
    return "".join(by_code.get(code, "-") for code in LAYOUT)


def house_code(seq: int, village: str) -> str:
    return f"{village[:4]}{seq:07d}"


def household_row(year: int, seq: int, village: str, house_no: str, head: str, income, expense, answer_codes) -> tuple:
    code = house_code(seq, village)
    return (household_id(year, code), year, int(village[:2]), int(village[:4]), int(village[:6]), int(village),
            house_no, house_sort_key(house_no), code, head, thai_sort_key(head), *income, *expense,
            answers(answer_codes), "", "", 1, 0)


def member_rows(year: int, seq: int, village: str, people) -> list[tuple]:
    hid = household_id(year, house_code(seq, village))
    return [(hid, n, "3100600445635", "5364450060013", "", f"คน{n}", "ทดสอบ", sex, f"{year - 543 - age - 1}-06-01",
             age, age * 12 + 6, "", "", "", "N", 1, 0) for n, (sex, age) in enumerate(people, start=1)]


def load(store, year: int, households) -> None:
    with store.begin() as conn:
        areas.ensure_villages(conn, VILLAGE_NAMES)
        areas.ensure_laos(conn, LAOS, VILLAGE_LAO)
        load = loader.BulkLoad(conn, year, "report test")
        load.start()
        load.add_households([household_row(year, *h[:7]) for h in households])
        load.add_members([m for h in households for m in member_rows(year, h[0], h[1], h[7])])
        load.finish()


@pytest.fixture
def hand(store):
    """The store with the seven households above in survey year 2567."""
    load(store, YEAR, HOUSEHOLDS)
    return store


@pytest.fixture
def two_years(hand):
    """Plus survey year 2566: one household in village 52010101, 2 members, income 60,000 (main)."""
    load(hand, 2566, [(1, "52010101", "12", "นายหนึ่ง ใจดี", (60_000, 0, 0, 0), (0, 40_000, 0, 0), {},
                       [("M", 39), ("F", 37)])])
    return hand


def build(store, kind: str, area: str, year: int = YEAR, *, exact: bool = False, **kw):
    """The report; unless `exact`, its exact figures (Fractions) as floats rounded to 2 decimals and its
    already-rounded ones (Decimals) as floats, which is how the hand-worked values below are written."""
    from decimal import Decimal
    from fractions import Fraction

    from desktop.reports import builders

    with store.read() as conn:
        report = builders.build(conn, kind, area, year, **kw)
    if not exact:
        for t in report.tables:
            t.rows = [[round(float(v), 2) if isinstance(v, Fraction) else float(v) if isinstance(v, Decimal) else v
                       for v in row] for row in t.rows]
    return report


def table(report, key: str):
    return next(t for t in report.tables if t.key == key)


def column(tbl, key: str) -> list:
    """The column's values on DATA and TOTAL rows (GROUP rows left out)."""
    i = [c.key for c in tbl.columns].index(key)
    return [row[i] for row, kind in zip(tbl.rows, tbl.row_kinds) if kind != "group"]


def rows_by(tbl, key: str = "code") -> dict:
    i = [c.key for c in tbl.columns].index(key)
    names = [c.key for c in tbl.columns]
    return {row[i]: dict(zip(names, row)) for row, kind in zip(tbl.rows, tbl.row_kinds) if kind != "group"}
