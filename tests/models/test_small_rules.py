"""National ID check digit and masking, sort keys against Qt's Thai collation, dates in พ.ศ."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from desktop.models import dates, thaiid
from desktop.models.sortkeys import house_sort_key, thai_sort_key


@pytest.mark.parametrize("pid, valid", [("3100600445635", True), ("1234545678781", True), ("1234545678789", False),
                                         ("3-1006-00445-63-5", True), ("310060044563", False), ("31006004456a5", False)])
def test_national_id_check_digit(pid, valid):
    assert thaiid.is_valid(pid) is valid


def test_national_id_agrees_with_python_stdnum():
    from stdnum.th import pin

    rng = random.Random(7)
    for _ in range(2000):
        first12 = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
        pid = first12 + str(thaiid.check_digit(first12))
        assert pin.is_valid(pid)


def test_id_display_and_mask():
    assert thaiid.formatted("3100600445635") == "3-1006-00445-63-5"
    assert thaiid.masked("3100600445635") == "3-1006-xxxxx-xx-5"


WORDS = ["ไก่", "กา", "ก่า", "กาน", "ก้าน", "กำนัน", "เก่ง", "เกาะ", "แกะ", "โกง", "ใกล้", "ขาว", "ข้าว", "เขียว",
         "กก", "ก๊ก", "ฤดู", "ลม", "รัก", "วัน", "สมชาย", "สมศรี", "สมหญิง", "บุญมา", "บุญมี", "ใจดี", "เจริญ",
         "จันทร์", "จันทา", "ศรีสุข", "สุขใจ", "แสงทอง", "เสือ", "ไพโรจน์", "พรรณี", "อำนาจ", "อุไร", "เอื้อมพร"]


def test_thai_sort_key_matches_qt_thai_collation():
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    expected = sorted(WORDS, key=collator.sortKey)
    assert sorted(WORDS, key=thai_sort_key) == expected


def test_house_numbers_sort_naturally():
    houses = ["10", "2", "10/12", "10/2", "1", "๓"]
    assert sorted(houses, key=house_sort_key) == ["1", "2", "๓", "10", "10/2", "10/12"]


def test_dates_in_buddhist_era():
    day = dt.date(2026, 11, 24)
    assert dates.thai_date(day) == "24 พฤศจิกายน 2569"
    assert dates.thai_date(day, short=True) == "24 พ.ย. 69"
    assert dates.thai_date(day, thai_digits=True) == "๒๔ พฤศจิกายน ๒๕๖๙"
    assert dates.parse_date("17/05/2523") == dt.date(1980, 5, 17)
    assert dates.parse_date("1980-05-17") == dt.date(1980, 5, 17)
    assert dates.be_date("1980-05-17") == "17/05/2523"
    assert dates.age_at(dt.date(2020, 3, 15), dt.date(2024, 1, 1)) == (3, 45)
