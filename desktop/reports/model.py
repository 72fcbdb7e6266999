"""What a report is, independent of how it is shown: the screen, PDF, XLSX and CSV all render this.

A report builder (desktop/reports/builders.py) reads the store and returns a `Report`; renderers
never query the store themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KINDS = ("population", "indicators", "income", "failing-income")

# Column kinds tell renderers how to format and align a value.
TEXT, INT, PCT, MONEY, DECIMAL = "text", "int", "pct", "money", "decimal"
# PCT values are percentages (97.5 means 97.5 %), not fractions; MONEY values are baht.
# CODE: text a person types back (house codes, area codes, visit and short codes): never Thai digits, never wrapped.
CODE = "code"
# Row kinds: ordinary data, a heading row spanning the table (e.g. a หมวด), a total row.
DATA, GROUP, TOTAL = "data", "group", "total"


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Thai heading (English in label_en)
    kind: str = TEXT
    label_en: str = ""
    group: str = ""  # a spanning heading above several columns, e.g. "ผ่าน" over count and %
    width: float = 1.0  # relative width for paper layouts
    names: bool = False  # personal or place names: on paper they break only at spaces


@dataclass
class ReportTable:
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)  # values: str, int, float or None
    row_kinds: list[str] = field(default_factory=list)  # one per row: DATA, GROUP or TOTAL
    # drill-down: per row, what the row stands for (e.g. {"area": "520101", "indicator": 29}); optional
    row_keys: list[dict] = field(default_factory=list)
    title_en: str = ""
    key: str = ""  # the table's role in its report, e.g. "overview", "age", "areas", "indicators", "households"

    def add(self, values: list, kind: str = DATA, key: dict | None = None) -> None:
        self.rows.append(values)
        self.row_kinds.append(kind)
        self.row_keys.append(key or {})


@dataclass
class Report:
    kind: str  # one of KINDS
    title: str  # e.g. "รายงานประชากร"
    title_en: str
    area_code: str
    area_path: list[tuple[str, str]]  # [(code, Thai name)] from the province down
    level_name: str  # "จังหวัด", "อำเภอ", "ตำบล", "อปท.", "หมู่บ้าน"
    survey_year: int
    indicator_period: str
    indicator_title: str
    provisional: bool  # the indicator set is a draft: every rendering shows "ชุดตัวชี้วัดฉบับร่าง"
    personal_data: bool  # lists households or persons: pages carry "ลับ — ข้อมูลส่วนบุคคล"
    tables: list[ReportTable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = "ที่มา: ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) กรมการพัฒนาชุมชน"
    generated_at: dt.datetime = field(default_factory=dt.datetime.now)
    as_corrected: bool = False

    @property
    def area_name(self) -> str:
        return " ".join(name for _code, name in self.area_path)
