"""Hand-built Reports of the four kinds (no store needed), for the PDF tests and for looking at pages."""

from __future__ import annotations

import datetime as dt
import json
import random

from desktop.paths import indicators_dir
from desktop.reports.model import DATA, GROUP, INT, MONEY, PCT, TEXT, TOTAL, Column, Report, ReportTable

PATH = [("52", "ลำปาง"), ("5201", "เมืองลำปาง")]
TAMBONS = ["เวียงเหนือ", "หัวเวียง", "สวนดอก", "สบตุ๋ย", "พระบาท", "ชมพู", "กล้วยแพะ", "ปงแสนทอง", "บ้านแลง",
           "บ้านเสด็จ", "พิชัย", "ทุ่งฝาย", "บ้านเอื้อม", "บ้านเป้า", "บ้านค่า", "บ่อแฮ้ว", "ต้นธงชัย", "นิคมพัฒนา",
           "บุญนาคพัฒนา"]
FIRST = ["สมชาย", "บุญมี", "ทองคำ", "ประเสริฐ", "สุริยา", "วิชัย", "ศักดิ์ชัย", "กิตติพงษ์", "ณัฐวุฒิ", "ปิยะพงษ์",
         "มาลีวรรณ", "ศรีนวล", "กัลยา", "พรทิพย์", "จันทร์เพ็ญ", "อรุณี", "นิภาพร", "ประภาศรี", "วรรณา", "รัตนา"]
LAST = ["ใจดี", "แก้วมา", "คำแสน", "ทองสุข", "อินทร์ตา", "บุญเรือง", "ศรีวงศ์", "จันทร์คำ", "กันทะวงศ์",
        "ปัญญาดี", "สุขเกษม", "มูลศรี", "ธรรมวงศ์", "ศักดิ์สิทธิ์", "น้ำใจดี", "ปู่ย่าสุข"]
VILLAGES = ["บ้านหนองแก้ว", "บ้านป่าม่วง", "บ้านทุ่งใหม่", "บ้านแม่ยาง", "บ้านห้วยทอง", "บ้านดอนไผ่", "บ้านท่าขาม",
            "บ้านสันกลาง", "บ้านปงหลวง", "บ้านวังเหนือ", "บ้านโป่งใต้", "บ้านนาตอง", "บ้านดงฮ่าง", "บ้านไร่"]


def _report(kind: str, title: str, **kw) -> Report:
    base = dict(kind=kind, title=title, title_en=kind, area_code="5201", area_path=PATH, level_name="อำเภอ",
                survey_year=2567, indicator_period="2566-2570",
                indicator_title="เครื่องชี้วัดข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี 2566–2570",
                provisional=False, personal_data=False, generated_at=dt.datetime(2026, 11, 24, 9, 30))
    base.update(kw)
    return Report(**base)


def population() -> Report:
    rng = random.Random(1)
    areas = ReportTable("ประชากรจำแนกตามตำบล", [
        Column("area", "ตำบล", TEXT, width=2), Column("hh", "ครัวเรือน", INT),
        Column("m", "ชาย", INT, group="ประชากร (คน)"), Column("f", "หญิง", INT, group="ประชากร (คน)"),
        Column("t", "รวม", INT, group="ประชากร (คน)"), Column("pct", "ร้อยละของอำเภอ", PCT),
        Column("avg", "คนต่อครัวเรือน", "decimal")])
    rows = []
    for name in TAMBONS:
        hh = rng.randint(400, 4200)
        m, f = int(hh * rng.uniform(1.3, 1.6)), int(hh * rng.uniform(1.4, 1.7))
        rows.append([f"ตำบล{name}", hh, m, f, m + f])
    grand = sum(r[4] for r in rows)
    for r in rows:
        areas.add(r + [100 * r[4] / grand, r[4] / r[1]], key={"area": r[0]})
    hh_total, m_total, f_total = (sum(r[i] for r in rows) for i in (1, 2, 3))
    areas.add(["รวมทั้งอำเภอ", hh_total, m_total, f_total, grand, 100.0, grand / hh_total], TOTAL)
    ages = ReportTable("ประชากรจำแนกตามช่วงอายุและเพศ", [
        Column("age", "ช่วงอายุ (ปี)", TEXT), Column("m", "ชาย", INT), Column("f", "หญิง", INT),
        Column("t", "รวม", INT), Column("pct", "ร้อยละ", PCT)])
    bands = ["0–5", "6–12", "13–18", "19–25", "26–49", "50–59", "60 ปีขึ้นไป"]
    weights = [6, 8, 8, 9, 36, 15, 18]
    for band, w in zip(bands, weights):
        m, f = int(m_total * w / 100), int(f_total * w / 100)
        ages.add([band, m, f, m + f, 100 * (m + f) / grand])
    ages.add(["รวม", m_total, f_total, m_total + f_total, 100.0], TOTAL)
    return _report("population", "รายงานประชากร", tables=[areas, ages],
                   notes=["อายุคำนวณ ณ วันที่ 1 มกราคม 2567 (วันอ้างอิงของการสำรวจ)",
                          "ร้อยละของอำเภอ คือ ประชากรของตำบลหารด้วยประชากรทั้งอำเภอ คูณ 100"])


def indicator_set() -> dict:
    return json.loads((indicators_dir() / "2566-2570.json").read_text(encoding="utf-8"))


def indicators() -> Report:
    rng = random.Random(2)
    spec = indicator_set()
    cats = {c["no"]: f"หมวด {c['no']} {c['name_th']}" for c in spec["categories"]}
    items = spec["indicators"]
    by_ind = ReportTable("ผลการสำรวจรายตัวชี้วัด", [
        Column("no", "ที่", TEXT, width=0.3), Column("name", "ตัวชี้วัด", TEXT, width=4),
        Column("n", "จำนวนที่สำรวจ", INT), Column("unit", "หน่วย", TEXT, width=0.4),
        Column("pass", "จำนวน", INT, group="ผ่านเกณฑ์"), Column("pass_pct", "ร้อยละ", PCT, group="ผ่านเกณฑ์"),
        Column("fail", "จำนวน", INT, group="ไม่ผ่านเกณฑ์"), Column("fail_pct", "ร้อยละ", PCT, group="ไม่ผ่านเกณฑ์")])
    current = None
    for no, item in enumerate(items, 1):
        if item["category"] != current:
            current = item["category"]
            by_ind.add([cats[current]] + [None] * 7, GROUP)
        n = rng.randint(300, 25000) if item["unit"] == "person" else 18734
        fail = int(n * rng.uniform(0.0, 0.12))
        by_ind.add([str(no), item["name_th"], n, "คน" if item["unit"] == "person" else "คร.", n - fail,
                    100 * (n - fail) / n, fail, 100 * fail / n], key={"indicator": no})
    columns = [Column("area", "ตำบล", TEXT, width=2)]
    columns += [Column(f"i{no}", str(no), PCT, group=cats[item["category"]]) for no, item in enumerate(items, 1)]
    grid = ReportTable("ร้อยละของผู้ผ่านเกณฑ์ จำแนกตามตำบลและตัวชี้วัด", columns)
    for name in TAMBONS:
        grid.add([f"ตำบล{name}"] + [rng.choice([100.0, rng.uniform(80, 100)]) for _ in items])
    grid.add(["รวมทั้งอำเภอ"] + [rng.uniform(90, 99.9) for _ in items], TOTAL)
    return _report("indicators", "รายงานผลการสำรวจตามตัวชี้วัด จปฐ.", tables=[by_ind, grid], provisional=True,
                   indicator_title=spec["title_th"],
                   notes=["ชุดตัวชี้วัดปี 2566–2570 เป็นฉบับร่าง จัดทำจากข้อมูลสาธารณะ"
                          " ให้แทนที่ด้วยฉบับทางการเมื่อได้รับ",
                          "ตัวชี้วัดที่ 29 ใช้เกณฑ์รายได้เฉลี่ย 40,000 บาทต่อคนต่อปี"])


def income() -> Report:
    rng = random.Random(3)
    t = ReportTable("รายได้และรายจ่ายเฉลี่ย จำแนกตามตำบล (บาทต่อปี)", [
        Column("area", "ตำบล", TEXT, width=2),
        Column("inc", "รายได้", "money", group="เฉลี่ยต่อครัวเรือน"),
        Column("exp", "รายจ่าย", "money", group="เฉลี่ยต่อครัวเรือน"),
        Column("rem", "คงเหลือ", "money", group="เฉลี่ยต่อครัวเรือน"),
        Column("inc_pp", "รายได้", "money", group="เฉลี่ยต่อคน"),
        Column("exp_pp", "รายจ่าย", "money", group="เฉลี่ยต่อคน"),
        Column("prev", "รายได้ต่อคน ปี 2566", "money"), Column("chg", "เปลี่ยนแปลง (ร้อยละ)", PCT)])
    for name in TAMBONS:
        inc = rng.uniform(150000, 320000)
        exp = inc * rng.uniform(0.6, 0.95)
        pp = inc / rng.uniform(2.6, 3.4)
        prev = pp * rng.uniform(0.9, 1.08)
        t.add([f"ตำบล{name}", inc, exp, inc - exp, pp, exp / 3, prev, 100 * (pp - prev) / prev])
    t.add(["เฉลี่ยทั้งอำเภอ", 231455.4, 187002.5, 44452.9, 78120.5, 63001.2, 75210.0, 3.87], TOTAL)
    return _report("income", "รายงานรายได้และรายจ่ายของครัวเรือน", tables=[t], as_corrected=True,
                   notes=["รายได้รวมรายได้จากอาชีพหลัก อาชีพรอง และรายได้อื่น เช่น เบี้ยยังชีพ"])


def failing_income(rows: int = 2800, seed: int = 4) -> Report:
    """The indicator-29 list: households below the income threshold (personal data)."""
    rng = random.Random(seed)
    t = ReportTable("ครัวเรือนที่มีรายได้เฉลี่ยต่ำกว่าเกณฑ์ 40,000 บาทต่อคนต่อปี (ตัวชี้วัดที่ 29)", [
        Column("tambon", "ตำบล", TEXT), Column("village", "หมู่บ้าน", TEXT, width=1.2), Column("moo", "หมู่", TEXT),
        Column("house_no", "บ้านเลขที่", TEXT), Column("house_code", "รหัสบ้าน", TEXT),
        Column("head", "หัวหน้าครัวเรือน", TEXT, width=2), Column("n", "สมาชิก (คน)", INT),
        Column("income", "รายได้รวม (บาท/ปี)", MONEY), Column("pp", "เฉลี่ยต่อคน (บาท/ปี)", MONEY),
        Column("gap", "ต่ำกว่าเกณฑ์ (บาท)", MONEY)])
    for i in range(rows):
        tambon = TAMBONS[i * len(TAMBONS) // rows]
        moo = 1 + i * 140 // rows % 14
        n = rng.randint(1, 7)
        pp = rng.randint(9000, 39999)
        title = rng.choice(["นาย", "นาง", "นางสาว"])
        head = f"{title}{rng.choice(FIRST)} {rng.choice(LAST)}"
        t.add([f"ตำบล{tambon}", VILLAGES[moo - 1], str(moo), f"{rng.randint(1, 240)}/{rng.randint(1, 9)}"
               if rng.random() < 0.1 else str(rng.randint(1, 240)), f"5201{i:04d}{rng.randint(100, 999)}",
               head, n, pp * n, pp, 40000 - pp], DATA, key={"household": i})
    return _report("failing-income", "รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์รายได้ (ตัวชี้วัดที่ 29)", tables=[t],
                   personal_data=True, notes=["เรียงตามตำบล หมู่บ้าน และบ้านเลขที่"])


ALL = {"population": population, "indicators": indicators, "income": income, "failing-income": failing_income}
