"""Dates: stored ISO (Gregorian), shown in พ.ศ.; ages at a survey's reference date."""

from __future__ import annotations

import datetime as dt

BE_OFFSET = 543
MONTHS_TH = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
             "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
MONTHS_TH_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def parse_date(value: str) -> dt.date:
    """Accept yyyy-mm-dd (ค.ศ. or พ.ศ.: a year above 2400 is พ.ศ.) or dd/mm/yyyy (พ.ศ. unless below 2400)."""
    value = value.strip().translate(ARABIC_DIGITS)
    if "/" in value:
        day, month, year = (int(p) for p in value.split("/"))
    else:
        year, month, day = (int(p) for p in value.split("-"))
    if year > 2400:
        year -= BE_OFFSET
    return dt.date(year, month, day)


def age_at(birth: dt.date, reference: dt.date) -> tuple[int, int]:
    """(whole years, whole months) old at the reference date; negative if born after it."""
    months = (reference.year - birth.year) * 12 + reference.month - birth.month - (reference.day < birth.day)
    return months // 12, months


def thai_date(day: dt.date, *, short: bool = False, thai_digits: bool = False) -> str:
    """24 พฤศจิกายน 2569, or 24 พ.ย. 69 with short=True."""
    if short:
        text = f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {(day.year + BE_OFFSET) % 100:02d}"
    else:
        text = f"{day.day} {MONTHS_TH[day.month - 1]} {day.year + BE_OFFSET}"
    return text.translate(THAI_DIGITS) if thai_digits else text


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def long_date(day: dt.date, lang: str = "th") -> str:
    """The day in words in the user's language, year in พ.ศ.: 30 มกราคม 2567 / 30 January 2567 (B.E.)."""
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year + BE_OFFSET} (B.E.)"
    return thai_date(day)


def be_date(iso: str) -> str:
    """'1980-05-17' -> '17/05/2523' (the form officers read and type)."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year + BE_OFFSET}"
