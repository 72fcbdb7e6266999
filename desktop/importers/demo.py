"""A synthetic demo province: real districts and tambons, made-up villages, households and people.

Everything is drawn from one `random.Random(seed)`, so the same seed, province, size and survey
year give identical data. Villages (หมู่) are synthetic under the real tambons of the store's
`area` table; each tambon gets an อบต. and each district's first tambon also a เทศบาลตำบล.
People, incomes and indicator answers follow the survey's indicator set as data: a person
indicator is answered only when the household has members in its target population, counted
with the engine's own target semantics (engine._target_condition), so the answers agree with
what the engine derives from the member list.

Speed (200,000 households in well under a minute on two cores) comes from tables built once:
birth dates per age, name pools with their sort-key halves, ID check-digit partial sums, and a
packed per-member bit field that sums, per household, the members of every target population.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Callable, Sequence

from sqlalchemy import Connection, text

from desktop.messages import msg
from desktop.models import areas, dates, demo_data, engine, indicators, loader, schema, sortkeys, surveys
from desktop.models.errors import Cancelled, UserError
from desktop.models.indicators import IndicatorSet

BATCH = 5000
DISTRICT_HOUSEHOLDS = 15_000
DEFAULT_HOUSEHOLDS, DEFAULT_DISTRICTS = 12_000, 2
MAX_AGE = 100

# ---------------------------------------------------------------------------------------------
# Vocabulary

_MALE_HEADS = ("สม", "บุญ", "ทอง", "ประ", "สุ", "วิ", "อนุ", "ธน", "กิตติ", "พง", "ณัฐ", "ปิย", "อภิ", "สุร",
               "วีร", "จักร", "ชาญ", "เอก", "ศุภ", "อดิ", "เกรียง", "ไพ", "ธีร", "ภู", "กฤษ", "วัช", "มงคล", "ศรี")
_MALE_TAILS = ("ชาย", "ศักดิ์", "พงษ์", "ชัย", "เดช", "วุฒิ", "พล", "ยุทธ", "กิจ", "ศร", "รัตน์", "ธร", "วัฒน์",
               "เกียรติ", "นาถ", "ภพ", "วิทย์", "พันธ์", "บูรณ์", "ศิลป์", "รักษ์", "ธิป", "กร", "เมธ")
_FEMALE_HEADS = ("สม", "บุญ", "ทอง", "มาลี", "สุ", "ศรี", "กัลยา", "พร", "จันทร์", "อร", "นิ", "ปรา", "วรร", "รัต",
                 "แสง", "ดวง", "ลำ", "คำ", "กาญ", "เพ็ญ", "อัญ", "พิม", "จิรา", "ปวี", "สุภา", "บัว")
_FEMALE_TAILS = ("ศรี", "จิต", "พร", "ใจ", "นภา", "วรรณ", "ทิพย์", "มณี", "ลักษณ์", "สุดา", "ดา", "ฤดี", "แก้ว",
                 "ปราณี", "พรรณ", "ผ่อง", "เพ็ญ", "จันทร์", "นิภา", "ชนก", "ธิดา", "ภรณ์", "ญา", "คำ")
_SURNAME_A = ("ใจ", "แก้ว", "คำ", "ทอง", "อินทร์", "บุญ", "ศรี", "จันทร์", "กันทะ", "ปัญญา", "สุข", "มูล", "ธรรม",
              "วงศ์", "ชัย", "แสน", "ยอด", "เรือน", "ปิน", "หล้า", "ดวง", "สาย", "ฟอง", "ต๊ะ", "นันท์", "อุ่น",
              "เตชะ", "ไชย", "พรหม", "เงิน", "คง", "ยืน", "นาค", "เป็ง", "วัง", "อ้าย")
_SURNAME_B = ("ดี", "มา", "วงศ์", "วงค์", "ปัญญา", "คำ", "แก้ว", "ใจ", "ทิพย์", "เรือน", "สุข", "ชัย", "มูล", "ยศ",
              "ศรี", "ตา", "ผล", "ปัน", "ทา", "นวล", "บุตร", "กาศ", "เมือง", "ธิ", "สาร", "ยา", "เงิน", "อ้าย")
_SURNAME_C = ("", "", "", "", "วงศ์", "กุล", "สกุล", "พันธ์", "รักษ์", "ศักดิ์")
_VILLAGE_A = ("หนอง", "ป่า", "ทุ่ง", "แม่", "ห้วย", "ดอน", "ท่า", "สัน", "ปง", "วัง", "โป่ง", "นา", "ดง", "ไร่",
              "ต้น", "ม่อน", "ศรี", "บ่อ", "ห้าง", "สบ")
_VILLAGE_B = ("แก้ว", "ทอง", "ใหม่", "หลวง", "ยาง", "ม่วง", "ขาม", "ไผ่", "ฮ่าง", "ตอง", "เหนือ", "ใต้", "กลาง",
              "น้อย", "ศรี", "แดง", "คำ", "บัว", "เกลือ", "ไฮ", "จำปา", "สัก", "หิน", "ปู่")
_VILLAGE_NAMES = [f"บ้าน{a}{b}" for a in _VILLAGE_A for b in _VILLAGE_B if a != b]

REL_HEAD, REL_SPOUSE, REL_CHILD, REL_GRANDCHILD = "หัวหน้าครัวเรือน", "คู่สมรส", "บุตร", "หลาน"
REL_FATHER, REL_MOTHER, REL_RELATIVE = "บิดา", "มารดา", "ญาติ"
_REL_ORDER = {REL_SPOUSE: 1, REL_FATHER: 2, REL_MOTHER: 3, REL_CHILD: 4, REL_GRANDCHILD: 5, REL_RELATIVE: 6}

STUDENT, NO_OCCUPATION, NOT_WORKING = "นักเรียน/นักศึกษา", "ไม่มีอาชีพ", "ไม่ได้ทำงาน"
_NONE, _PRE, _P, _M3, _M6 = "ไม่ได้รับการศึกษา", "ก่อนประถมศึกษา", "ประถมศึกษา", "มัธยมศึกษาตอนต้น", "มัธยมศึกษาตอนปลาย"
_VOC, _HVOC, _BA, _MA, _NOT_YET = "ปวช.", "ปวส./อนุปริญญา", "ปริญญาตรี", "สูงกว่าปริญญาตรี", "ยังไม่ถึงวัยเรียน"

# (lowest age, weights) bands, looked up by age
_EDU_STUDYING = ((0, {_NOT_YET: 1}), (3, {_PRE: 1}), (6, {_P: 1}), (12, {_M3: 1}), (15, {_M6: 3, _VOC: 1}),
                 (18, {_M6: 5, _BA: 3, _HVOC: 2}), (19, {_BA: 13, _HVOC: 7}))
_EDU_DONE = ((0, {_NOT_YET: 1}), (6, {_P: 1}), (15, {_P: 3, _M3: 7}),
             (18, {_M3: 25, _M6: 30, _VOC: 15, _HVOC: 12, _BA: 18}),
             (25, {_P: 12, _M3: 22, _M6: 25, _VOC: 10, _HVOC: 10, _BA: 19, _MA: 2}),
             (40, {_NONE: 2, _P: 45, _M3: 18, _M6: 15, _VOC: 5, _HVOC: 5, _BA: 9, _MA: 1}),
             (60, {_NONE: 5, _P: 80, _M3: 6, _M6: 4, _VOC: 1, _BA: 4}),
             (70, {_NONE: 15, _P: 80, _M3: 3, _M6: 2}))
_OCCUPATION = ((0, {NO_OCCUPATION: 1}),
               (15, {"รับจ้างทั่วไป": 35, "เกษตรกร": 20, "ค้าขาย": 5, "พนักงานบริษัท": 12, "ธุรกิจส่วนตัว": 3,
                     "รับราชการ": 2, NOT_WORKING: 23}),
               (25, {"เกษตรกร": 40, "รับจ้างทั่วไป": 27, "ค้าขาย": 8, "ธุรกิจส่วนตัว": 4, "พนักงานบริษัท": 6,
                     "รับราชการ": 5, "พนักงานรัฐวิสาหกิจ": 1, NOT_WORKING: 6}),
               (60, {"เกษตรกร": 40, "รับจ้างทั่วไป": 10, "ค้าขาย": 6, NOT_WORKING: 44}),
               (70, {"เกษตรกร": 20, "ค้าขาย": 3, NOT_WORKING: 77}))
_IN_SCHOOL = ((0, 0.0), (3, 0.85), (6, 0.98), (15, 0.85), (18, 0.6), (19, 0.3), (23, 0.0))
# (lowest age, P(disabled), P(chronically ill))
_HEALTH = ((0, 0.004, 0.004), (15, 0.01, 0.02), (40, 0.015, 0.07), (60, 0.025, 0.14), (70, 0.04, 0.19),
           (80, 0.06, 0.22))
_HOUSEHOLD_SIZE = {1: 22, 2: 33, 3: 22, 4: 13, 5: 6, 6: 2.5, 7: 1, 8: 0.5}
_HEAD_AGE = ((22, 1.2), (30, 3.6), (40, 5.6), (50, 6.5), (60, 4.8), (70, 2.4), (80, 0.8), (90, 0.1), (96, 0.0))
_EXTRA_RELATION = ((0, {REL_CHILD: 85, REL_FATHER: 6, REL_MOTHER: 6, REL_RELATIVE: 3}),
                   (40, {REL_CHILD: 80, REL_GRANDCHILD: 10, REL_FATHER: 2, REL_MOTHER: 3, REL_RELATIVE: 5}),
                   (55, {REL_CHILD: 55, REL_GRANDCHILD: 38, REL_RELATIVE: 7}),
                   (70, {REL_CHILD: 50, REL_GRANDCHILD: 42, REL_RELATIVE: 8}))


def _table(weights: dict, size: int = 1000) -> list:
    """A list where each value appears in proportion to its weight: pick with table[int(random() * len)]."""
    total = float(sum(weights.values()))
    out: list = []
    acc = 0.0
    for value, weight in weights.items():
        acc += weight
        out += [value] * (round(size * acc / total) - len(out))
    return out


def _by_age(bands: Sequence, make: Callable) -> list:
    """Expand (lowest age, data) bands into one entry per age 0..MAX_AGE."""
    out = []
    for age in range(MAX_AGE + 1):
        data = [b for b in bands if b[0] <= age][-1]
        out.append(make(*data[1:]))
    return out


def _split(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """Whole parts of total in proportion to weights, each at least minimum; they add up exactly."""
    rest = total - minimum * len(weights)
    whole = float(sum(weights))
    out, acc, prev = [], 0.0, 0
    for i, w in enumerate(weights):
        acc += w
        cur = rest if i == len(weights) - 1 else round(rest * acc / whole)
        out.append(minimum + cur - prev)
        prev = cur
    return out


# ---------------------------------------------------------------------------------------------
# Areas


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    households: int


@dataclass
class Plan:
    province_name: str
    villages: list[Village]
    laos: dict[str, tuple[str, str, str]]
    village_lao: dict[str, str]

    @property
    def households(self) -> int:
        return sum(v.households for v in self.villages)

    @property
    def districts(self) -> list[str]:
        return sorted({v.code[:4] for v in self.villages})


def plan_areas(conn: Connection, rng: random.Random, province: str, households: int | None,
               districts: int | None) -> Plan:
    """Villages with their household counts under the province's real districts and tambons."""
    name = conn.execute(text("SELECT name_th FROM area WHERE code = :p AND level = 1"), {"p": province}).scalar()
    rows = conn.execute(
        text("SELECT t.parent, t.code, t.name_th FROM area t JOIN area d ON d.code = t.parent"
             " WHERE d.parent = :p AND d.level = 2 AND t.level = 3 ORDER BY t.code"),
        {"p": province},
    ).all()
    if name is None or not rows:
        raise UserError(msg("demo_no_province", code=province))
    tambons: dict[str, list[tuple[str, str]]] = {}
    for district, code, tambon_name in rows:
        tambons.setdefault(district, []).append((code, tambon_name))
    chosen = sorted(tambons)
    if households is None and districts is None:
        households, districts = DEFAULT_HOUSEHOLDS, DEFAULT_DISTRICTS
    if districts is not None:
        chosen = chosen[:districts]
    if households is None:
        sizes = [round(DISTRICT_HOUSEHOLDS * rng.uniform(0.7, 1.3)) for _ in chosen]
    else:
        sizes = _split(households, [1.0] * len(chosen))
    plan = Plan(name, [], {}, {})
    for district, size in zip(chosen, sizes):
        _plan_district(rng, plan, tambons[district], size)
    return plan


def _plan_district(rng: random.Random, plan: Plan, tambons: list[tuple[str, str]], size: int) -> None:
    shares = _split(size, [rng.uniform(0.6, 1.4) for _ in tambons])
    first = True
    for (tambon, tambon_name), share in zip(tambons, shares):
        if share <= 0:
            continue
        count = min(15, max(1, round(share / rng.uniform(150, 200)), min(8, share // 100)), share)
        names = rng.sample(_VILLAGE_NAMES, count)
        codes = [f"{tambon}{moo:02d}" for moo in range(1, count + 1)]
        for code, name, n in zip(codes, names, _split(share, [rng.uniform(0.7, 1.3) for _ in codes], 1)):
            plan.villages.append(Village(code, name, n))
        municipal = max(1, count * 2 // 5) if first else 0
        if municipal:
            lao = f"L{tambon}2"
            plan.laos[lao] = ("เทศบาล", f"เทศบาลตำบล{tambon_name}", tambon)
            plan.village_lao.update((code, lao) for code in codes[:municipal])
        if count > municipal:
            lao = f"L{tambon}1"
            plan.laos[lao] = ("อบต.", f"อบต.{tambon_name}", tambon)
            plan.village_lao.update((code, lao) for code in codes[municipal:])
        first = False


# ---------------------------------------------------------------------------------------------
# Indicator answers


class Answers:
    """Answer strings for a survey's layout, given each household's packed target counts.

    `fields` lists the distinct member target populations; a member's `mask(...)` packs, in 4
    bits per population, whether the member belongs to it, so the sum over a household's
    members holds every population's count (at most 15; households have at most 8 members).
    Household questions that apply to every household start as '1' in a template and get their
    '0's per village by geometric skipping (`village_fails`), so their cost follows the failures.
    """

    def __init__(self, ind_set: IndicatorSet, layout: list[str], rng: random.Random):
        self.fields: list[dict] = []
        self.template: list[str] = []
        self.plain: list[tuple[int, float]] = []  # (position, fail rate): household questions for all
        self.person: list[tuple[int, int, float, list[float]]] = []  # (position, field shift, rate, P(no fail | t))
        self.targeted: list[tuple[int, int, int, float]] = []  # household questions for households with targets
        self.given: list[tuple[int, float]] = []  # (position of the failing count, rate); the target count follows
        for ind in ind_set.indicators:
            rate = rng.uniform(0.01, 0.12)  # drawn for every indicator in set order
            if ind.rule == "income":
                continue
            spec = {k: v for k, v in ind.target.items() if k != "given"}
            shift = self._field(spec) if spec else -1
            pos = len(self.template)
            if ind.unit == "person" and ind.target_given:
                self.given.append((pos, rate))
                self.template += ["-", "0"]
            elif ind.unit == "person":
                self.person.append((pos, shift, rate, [(1 - rate) ** t for t in range(16)]))
                self.template.append("-")
            else:
                slots = max(len(ind.sub_items), 1)
                slot_rate = 1 - (1 - rate) ** (1 / slots)
                if shift >= 0:
                    self.targeted.append((pos, slots, shift, slot_rate))
                    self.template += ["-"] * slots
                else:
                    self.plain += [(pos + k, slot_rate) for k in range(slots)]
                    self.template += ["1"] * slots
                if ind.target_given:
                    self.template.append("-")  # a household question with a given count: not modelled
        generated = ind_set.answer_layout()
        self._order = None
        if generated != list(layout):
            where = {code: i for i, code in enumerate(generated)}
            self._order = [where.get(code) for code in layout]
        self._masks: dict[int, int] = {}

    def _field(self, spec: dict) -> int:
        if spec not in self.fields:
            self.fields.append(spec)
        return 4 * self.fields.index(spec)

    def mask(self, key: int, months: int, health: str, sex: str, in_school: int, dependent: int) -> int:
        """Packed membership of one kind of member (cached by key), same rules as engine._target_condition."""
        found = self._masks.get(key)
        if found is None:
            found = sum(1 << (4 * j) for j, spec in enumerate(self.fields)
                        if _in_target(spec, months, health, sex, in_school, dependent))
            self._masks[key] = found
        return found

    def village_fails(self, rnd: Callable[[], float], households: int) -> list[list[int]]:
        """Per household of a village, the positions of plain household questions answered '0'."""
        fails: list[list[int]] = [[] for _ in range(households)]
        log = math.log
        for pos, rate in self.plain:
            skip = 1.0 / log(1.0 - rate)
            i = int(log(1.0 - rnd()) * skip)
            while i < households:
                fails[i].append(pos)
                i += 1 + int(log(1.0 - rnd()) * skip)
        return fails

    def make(self, rnd: Callable[[], float], counts: int, members: int, fails: list[int]) -> str:
        out = self.template[:]
        for pos in fails:
            out[pos] = "0"
        digits = engine.DIGITS36
        for pos, shift, rate, no_fail in self.person:
            targets = (counts >> shift) & 15
            if targets:
                if rnd() < no_fail[targets]:
                    out[pos] = "0"
                else:  # at least one fails
                    out[pos] = digits[1 + sum(rnd() < rate for _ in range(targets - 1))]
        for pos, slots, shift, rate in self.targeted:
            if (counts >> shift) & 15:
                for k in range(pos, pos + slots):
                    out[k] = "0" if rnd() < rate else "1"
        for pos, rate in self.given:
            r = rnd()
            if r >= 0.9:
                targets = min(members, 1 if r < 0.98 else 2)
                out[pos] = digits[sum(rnd() < rate for _ in range(targets))]
                out[pos + 1] = digits[targets]
        if self._order is not None:
            out = [out[i] if i is not None else "-" for i in self._order]
        return "".join(out)


def _in_target(spec: dict, months: int, health: str, sex: str, in_school: int, dependent: int) -> bool:
    age = months // 12
    if "age" in spec:
        lo, hi = spec["age"]
        if age < lo or (hi is not None and age > hi):
            return False
    if "age_months" in spec:
        lo, hi = spec["age_months"]
        if months < lo or (hi is not None and months > hi):
            return False
    if "health" in spec and health != spec["health"]:
        return False
    if "sex" in spec and sex != spec["sex"]:
        return False
    for flag in spec.get("exclude", []):
        if (in_school if flag == "in_school" else dependent):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Households and members


def _house_numbers(rnd, count: int) -> list[str]:
    """House numbers along a village: 1, 2, 4, 4/1, 5 ... (a few skipped, a few split plots)."""
    out, number, sub = [], 0, 0
    for _ in range(count):
        if number and rnd() < 0.06:
            sub += 1
            out.append(f"{number}/{sub}")
        else:
            number += 1 + (rnd() < 0.05)
            sub = 0
            out.append(str(number))
    return out


def _names(heads: Sequence[str], tails: Sequence[str]) -> list[str]:
    return [h + t for h in heads for t in tails if h != t]


def _split_key(name: str) -> tuple[str, str]:
    primary, secondary = sortkeys.thai_sort_key(name).split("\x01")
    return primary, secondary


class People:
    """Tables built once per run; `village()` writes one village's household and member rows."""

    def __init__(self, rng: random.Random, year: int, reference_date: str, answers: Answers, threshold: int):
        self.rng = rng
        self.year = year
        self.answers = answers
        self.median_income = 2.2 * threshold  # per person; about 7 % of households fall below the threshold
        self.male = _names(_MALE_HEADS, _MALE_TAILS)
        self.female = _names(_FEMALE_HEADS, _FEMALE_TAILS)
        self.surnames = [a + b + c for a in _SURNAME_A for b in _SURNAME_B for c in _SURNAME_C if a != b]
        self._sort_parts: dict[str, tuple[str, str]] = {}
        self.births = self._births(dt.date.fromisoformat(reference_date))
        self.sizes = _table(_HOUSEHOLD_SIZE)
        self.head_ages = _table({age: [w for lo, w in _HEAD_AGE if lo <= age][-1] for age in range(22, 96)}, 4000)
        self.extra_relation = _by_age(_EXTRA_RELATION, lambda w: _table(w, 100))
        self.health = _by_age(_HEALTH, lambda d, c: (d, d + c))
        self.in_school = _by_age(_IN_SCHOOL, float)
        self.studying = _by_age(_EDU_STUDYING, lambda w: _table(w, 100))
        self.schooled = _by_age(_EDU_DONE, lambda w: _table(w, 100))
        self.occupation = _by_age(_OCCUPATION, lambda w: _table(w, 100))
        start = dt.date(year - 543 - 1, 12, 1)
        end = dt.date(year - 543, 3, 1)
        self.survey_days = [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days)]
        self.house_sorts: dict[str, str] = {}
        self.house_counter = 0
        self.pid_counters: dict[str, int] = {}
        self.w_high = [8 * (h // 100) + 7 * (h // 10 % 10) + 6 * (h % 10) for h in range(1000)]
        self.w_low = [5 * (n // 1000) + 4 * (n // 100 % 10) + 3 * (n // 10 % 10) + 2 * (n % 10) for n in range(10000)]
        self.check = [str((11 - s) % 10) for s in range(11)]

    @staticmethod
    def _births(reference: dt.date) -> list[list[tuple[str, int, str]]]:
        """Per age in years: every birth date giving that age at the reference date (ISO, months, ID type)."""
        by_age: list[list[tuple[str, int, str]]] = [[] for _ in range(MAX_AGE + 1)]
        day, one, cut = reference, dt.timedelta(days=1), dt.date(1984, 1, 1)
        while True:
            years, months = dates.age_at(day, reference)
            if years > MAX_AGE:
                return by_age
            by_age[years].append((day.isoformat(), months, "1" if day >= cut else "3"))
            day -= one

    def sort_key(self, first: str, last: str) -> str:
        """thai_sort_key(f"{first} {last}") from cached halves (a space is a primary letter with no mark)."""
        parts = self._sort_parts
        a = parts.get(first) or parts.setdefault(first, _split_key(first))
        b = parts.get(last) or parts.setdefault(last, _split_key(last))
        return f"{a[0]} {b[0]}\x01{a[1]}\x02{b[1]}"

    def _people(self, rnd, family: str, local: list[str]) -> list[tuple[int, str, str, str]]:
        """(age, sex, relation, last name) of one household, head first."""
        n = self.sizes[int(rnd() * len(self.sizes))]
        head_age = self.head_ages[int(rnd() * len(self.head_ages))]
        head_sex = "F" if rnd() < ((0.55 if head_age >= 60 else 0.3) if n == 1 else 0.28) else "M"
        people = [(head_age, head_sex, REL_HEAD, family)]
        slots = n - 1
        if slots and rnd() < (0.85 if head_age < 75 else 0.55):
            gap = int(rnd() * 7)
            own_name = rnd() < (0.15 if head_sex == "M" else 0.7)  # keeps a last name of their own
            last = local[int(rnd() * len(local))] if own_name else family
            if head_sex == "M":
                people.append((max(18, head_age - gap), "F", REL_SPOUSE, last))
            else:
                people.append((min(MAX_AGE, head_age + gap), "M", REL_SPOUSE, last))
            slots -= 1
        relations = self.extra_relation[head_age]
        extra: list[tuple] = []
        for _ in range(slots):
            rel = relations[int(rnd() * 100)]
            if rel in (REL_FATHER, REL_MOTHER) and (head_age + 20 > MAX_AGE or any(p[2] == rel for p in extra)):
                rel = REL_CHILD
            if rel == REL_CHILD:
                lo = max(0, head_age - 40)
                extra.append((lo + int(rnd() * (head_age - 17 - lo)), "F" if rnd() < 0.5 else "M", rel, family))
            elif rel == REL_GRANDCHILD:
                lo, hi = max(0, head_age - 75), max(0, min(head_age - 38, 25))
                extra.append((lo + int(rnd() * (hi - lo + 1)), "F" if rnd() < 0.5 else "M", rel,
                              family if rnd() < 0.7 else local[int(rnd() * len(local))]))
            elif rel == REL_RELATIVE:
                extra.append((int(rnd() * 80), "F" if rnd() < 0.5 else "M", rel, local[int(rnd() * len(local))]))
            else:
                extra.append((min(MAX_AGE, head_age + 20 + int(rnd() * 14)), "M" if rel == REL_FATHER else "F", rel,
                              family))
        extra.sort(key=lambda p: (_REL_ORDER[p[2]], -p[0]))
        return people + extra

    def village(self, village: Village, province: int, hh_rows: list, m_rows: list) -> None:
        rng, rnd, year = self.rng, self.rng.random, self.year
        code = village.code
        district, tambon, village_no = code[:4], int(code[:6]), int(code)
        local = rng.sample(self.surnames, 30)
        collectors = [self._person_name(rnd, local) for _ in range(2)]
        first_day = int(rnd() * (len(self.survey_days) - 10))
        pid_base = {d: sum(int(c) * (13 - i) for i, c in enumerate(d + district)) for d in "13"}
        pid_next = self.pid_counters.get(district, 0)
        births, health_p, school_p = self.births, self.health, self.in_school
        studying, schooled, occupations = self.studying, self.schooled, self.occupation
        male, female, w_high, w_low, check = self.male, self.female, self.w_high, self.w_low, self.check
        answers, masks, household_id = self.answers, self.answers._masks, schema.household_id
        house_sorts = self.house_sorts
        village_fails = answers.village_fails(rnd, village.households)
        for house_no, fails in zip(_house_numbers(rnd, village.households), village_fails):
            house_sort = house_sorts.get(house_no)
            if house_sort is None:
                house_sort = house_sorts[house_no] = sortkeys.house_sort_key(house_no)
            self.house_counter += 1
            house_code = f"{district}{self.house_counter:07d}"
            hid = household_id(year, house_code)
            family = local[int(rnd() * len(local))] if rnd() < 0.75 else self.surnames[int(rnd() * len(self.surnames))]
            counts = 0
            people = self._people(rnd, family, local)
            head_first = ""
            for seq, (age, sex, rel, last) in enumerate(people, 1):
                pool = births[age]
                birth, months, kind = pool[int(rnd() * len(pool))]
                p_disabled, p_ill = health_p[age]
                r = rnd()
                if r < p_disabled:
                    health, h_index, reliant = "D", 1, 0 if rnd() < (0.45 if age >= 60 else 0.25) else 1
                elif r < p_ill:
                    health, h_index, reliant = "C", 2, 0 if age >= 70 and rnd() < 0.12 else 1
                else:
                    health, h_index, reliant = "N", 0, 1
                school = 1 if rnd() < school_p[age] else 0
                if school:
                    education, occupation = studying[age][int(rnd() * 100)], STUDENT
                else:
                    education = schooled[age][int(rnd() * 100)]
                    occupation = occupations[age][int(rnd() * 100)]
                    if h_index == 1 and not reliant and age >= 15:
                        occupation = NOT_WORKING
                female_ = sex == "F"
                if age < 15:
                    title = "ด.ญ." if female_ else "ด.ช."
                elif not female_:
                    title = "นาย"
                elif rel in (REL_SPOUSE, REL_MOTHER) or (rel == REL_HEAD and age >= 25) or (age >= 30 and rnd() < 0.6):
                    title = "นาง"  # married
                else:
                    title = "นางสาว"
                names = female if female_ else male
                first = names[int(rnd() * len(names))]
                running = (pid_next * 3_767_813 + 1_234_567) % 10_000_000
                pid_next += 1
                total = pid_base[kind] + w_high[running // 10000] + w_low[running % 10000]
                pid = f"{kind}{district}{running:07d}{check[total % 11]}"
                dependent = 1 if h_index == 1 and not reliant else 0
                key = (((months * 3 + h_index) * 2 + female_) * 2 + school) * 2 + dependent
                mask = masks.get(key)
                if mask is None:
                    mask = answers.mask(key, months, health, sex, school, dependent)
                counts += mask
                if seq == 1:
                    head_first = first
                m_rows.append((hid, seq, pid, pid[::-1], title, first, last, sex, birth, age, months, rel, education,
                               occupation, health, reliant, school))
            n = len(people)
            head_last = people[0][3]
            hh_rows.append((
                hid, year, province, int(district), tambon, village_no, house_no, house_sort, house_code,
                f"{head_first} {head_last}", self.sort_key(head_first, head_last),
                *self._money(rnd, n), answers.make(rnd, counts, n, fails), collectors[int(rnd() * 2)],
                self.survey_days[first_day + int(rnd() * 10)], 1, 0,
            ))
        self.pid_counters[district] = pid_next

    def _money(self, rnd, members: int) -> tuple[int, ...]:
        """Yearly income (main, second, other, own produce) and expenses (production, necessary,
        unnecessary, debt), whole hundreds of baht; income per person is lognormal around the median."""
        income = self.median_income * math.exp(0.55 * self.rng.gauss()) * members
        second = int(income * rnd() * 0.25) // 100 * 100 if rnd() < 0.55 else 0
        other = int(income * (0.04 + rnd() * 0.2)) // 100 * 100
        produce = int(income * (0.03 + rnd() * 0.12)) // 100 * 100
        main = (int(income) - second - other - produce) // 100 * 100
        spend = income * (0.55 + rnd() * 0.5)
        production = int(spend * (0.05 + rnd() * 0.25)) // 100 * 100
        unnecessary = int(spend * (0.03 + rnd() * 0.09)) // 100 * 100
        debt = int(spend * rnd() * 0.25) // 100 * 100 if rnd() < 0.55 else 0
        necessary = (int(spend) - production - unnecessary - debt) // 100 * 100
        return main, second, other, produce, production, necessary, unnecessary, debt

    def _person_name(self, rnd, local: list[str]) -> str:
        female_ = rnd() < 0.6
        names = self.female if female_ else self.male
        title = ("นาง" if rnd() < 0.7 else "นางสาว") if female_ else "นาย"
        return f"{title}{names[int(rnd() * len(names))]} {local[int(rnd() * len(local))]}"


# ---------------------------------------------------------------------------------------------


def generate(store, *, province: str = "52", households: int | None = None, districts: int | None = None,
             seed: int = 1, year: int = 2567, progress: Callable[[int, int], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> loader.LoadSummary:
    """Create (or replace) a demo province in one transaction; Cancelled leaves the store as it was."""
    for what, value in (("households", households), ("districts", districts)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise UserError(msg("demo_bad_size", what=what))
    province = str(province)
    rng = random.Random(seed)
    with store.begin() as conn:
        if surveys.get(conn, year) is None:
            try:
                indicators.period_for_year(year)
            except KeyError:
                raise UserError(msg("imp_bad_year", value=year)) from None
        plan = plan_areas(conn, rng, province, households, districts)
        source = (f"demo province={province} seed={seed} households={plan.households}"
                  f" districts={len(plan.districts)}")
        load = loader.BulkLoad(conn, year, source=source)
        survey = load.survey
        ind_set = survey.indicator_set
        answers = Answers(ind_set, survey.layout, random.Random(f"demo-fail-rates-{seed}"))  # same for any size
        threshold = ind_set.threshold(year) if ind_set.income_indicator() else 40_000
        people = People(rng, year, survey.reference_date, answers, threshold)
        areas.ensure_villages(conn, {v.code: v.name for v in plan.villages})
        areas.ensure_laos(conn, plan.laos, plan.village_lao)
        load.start()
        load.replace_area(province)  # a new demo replaces the whole earlier demo province
        total, done = plan.households, 0
        if progress:
            progress(0, total)
        hh_rows: list[tuple] = []
        m_rows: list[tuple] = []
        prov = int(province)
        for i, village in enumerate(plan.villages):
            people.village(village, prov, hh_rows, m_rows)
            if len(hh_rows) >= BATCH or i == len(plan.villages) - 1:
                load.add_households(hh_rows)
                load.add_members(m_rows)
                done += len(hh_rows)
                hh_rows, m_rows = [], []
                if progress:
                    progress(done, total)
                if cancel is not None and cancel():
                    raise Cancelled()
        summary = load.finish()
        demo_data.mark(conn, {"province": province, "seed": seed, "year": year, "households": summary.households})
        return summary
