"""Every printed figure against an independent recomputation: pandas over the CSV that `main.py export` writes.

A demo province is generated, exported, one household is given an income of 79,999 baht for its 2 members
(39,999.50 per person: just under the 40,000 threshold), and the files are imported into a fresh store with
`main.py import`. That store is exported again and pandas recomputes, from the CSV alone, at province,
district and tambon level: households, persons by sex, age groups and their shares, per-area shares,
persons per household, income/expense/remainder per household and per person, the household indicators
(counts, passing % and the failing % that makes the pair add up to 100) and the failing-income list. Each
figure is rounded once, here, half away from zero. The same figures must appear on the screen table model
(exactly), in the XLSX (the same numbers, with the paper's number of places) and in the PDF text (pypdf).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

import main
from desktop.paths import indicators_dir
from desktop.reports import pdf, tabular

PASS = "demo-pass-recompute"
YEAR = 2567
AGE_GROUPS = ((0, 5), (6, 12), (13, 18), (19, 25), (26, 49), (50, 59), (60, 200))


def shown(value, places: int) -> str:
    """Half away from zero, once, with thousands separators (values here are never negative but remainders)."""
    d = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else \
        Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{d:,.{places}f}"


def exact(num, den):
    from fractions import Fraction

    return Fraction(int(num), int(den))


def to_dec(q, places=30) -> Decimal:
    """The fraction to 30 decimal places (exact enough: a tie at 2 places stays a tie)."""
    with localcontext() as ctx:
        ctx.prec = 80
        return (Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal(1).scaleb(-places))


def largest_remainder(parts: list[int]) -> list[str]:
    """Shares of the sum in tenths of a percent that add up to exactly 100.0."""
    whole = sum(parts)
    quotas = [(1000 * p) / whole for p in parts]
    floors = [int(q // 1) for q in quotas]
    left = 1000 - sum(floors)
    for i in sorted(range(len(parts)), key=lambda i: (-(quotas[i] - floors[i]), i))[:left]:
        floors[i] += 1
    return [f"{f / 10:.1f}" for f in floors]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """(store path, households frame, members frame) of a demo province imported through the CSV files."""
    folder = tmp_path_factory.mktemp("recompute")
    mp = pytest.MonkeyPatch()
    mp.setenv("BMN_DB_PASSPHRASE", PASS)
    first, second = folder / "first.db", folder / "second.db"
    assert main.main(["demo", "--db", str(first), "--households", "1200", "--seed", "11"]) == 0
    assert main.main(["export", "--db", str(first), "--area", "52", "--out", str(folder / "a.csv")]) == 0
    hh = pd.read_csv(folder / "a.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    members = pd.read_csv(folder / "a-members.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    two = members.groupby("house_code").size()
    code = two[two == 2].index[0]
    row = hh.index[hh.house_code == code][0]
    hh.loc[row, ["inc_main", "inc_second", "inc_other", "inc_produce"]] = ["79999", "0", "0", "0"]
    hh.to_csv(folder / "b.csv", index=False, encoding="utf-8-sig")
    members.to_csv(folder / "b-members.csv", index=False, encoding="utf-8-sig")
    assert main.main(["import", "--db", str(second), str(folder / "b.csv"), str(folder / "b-members.csv")]) == 0
    assert main.main(["export", "--db", str(second), "--area", "52", "--out", str(folder / "c.csv")]) == 0
    hh = pd.read_csv(folder / "c.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    members = pd.read_csv(folder / "c-members.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    yield second, hh, members, code, folder
    mp.undo()


def recompute(hh: pd.DataFrame, members: pd.DataFrame, level: int) -> dict:
    """{area code: {column key: printed figure}} for the child areas of `level` (4 district, 6 tambon, 8 village)
    and the whole, plus the age table and the household indicators of the whole."""
    spec = json.loads((indicators_dir() / "2566-2570.json").read_text(encoding="utf-8"))
    hh = hh.copy()
    money = ["inc_main", "inc_second", "inc_other", "inc_produce", "exp_production", "exp_necessary",
             "exp_unnecessary", "exp_debt"]
    for c in money:
        hh[c] = hh[c].astype(int)
    hh["income"] = hh[money[:4]].sum(axis=1)
    hh["expense"] = hh[money[4:]].sum(axis=1)
    hh["area"] = hh.village_code.str[:level]
    m = members.merge(hh[["house_code", "area"]], on="house_code")
    ref = dt.date(YEAR - 543, 1, 1)

    def age(born: str) -> int:
        d, mo, y = (int(x) for x in born.split("/"))
        b = dt.date(y - 543, mo, d)
        return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))

    m["age"] = m.birth_date.map(age)
    out: dict = {}
    areas = sorted(hh.area.unique())
    per = hh.groupby("area").agg(households=("house_code", "size"), income=("income", "sum"), expense=("expense", "sum"))
    people = m.groupby(["area", "sex"]).size().unstack(fill_value=0)
    hh_shares = dict(zip(areas, largest_remainder([int(per.households[a]) for a in areas])))
    persons = {a: int(people.loc[a].sum()) if a in people.index else 0 for a in areas}
    person_shares = dict(zip(areas, largest_remainder([persons[a] for a in areas])))
    for a in areas + ["whole"]:
        rows = per if a != "whole" else per.sum().to_frame("whole").T
        n_hh, inc, exp = (int(rows.loc[a, k]) for k in ("households", "income", "expense"))
        n_p = persons[a] if a != "whole" else sum(persons.values())
        male = int(people.loc[a, "M"]) if a in people.index else int(people["M"].sum()) if a == "whole" else 0
        female = int(people.loc[a, "F"]) if a in people.index else int(people["F"].sum()) if a == "whole" else 0
        figures = {"households": f"{n_hh:,}", "male": f"{male:,}", "female": f"{female:,}", "persons": f"{n_p:,}",
                   "avg_persons": shown(to_dec(exact(n_p, n_hh)), 2),
                   "household_income": shown(to_dec(exact(inc, n_hh)), 0),
                   "household_expense": shown(to_dec(exact(exp, n_hh)), 0),
                   "household_remainder": shown(to_dec(exact(inc - exp, n_hh)), 0)}
        if n_p:
            figures |= {"person_income": shown(to_dec(exact(inc, n_p)), 0),
                        "person_expense": shown(to_dec(exact(exp, n_p)), 0),
                        "person_remainder": shown(to_dec(exact(inc - exp, n_p)), 0)}
        figures |= {"households_pct": "100.0", "persons_pct": "100.0"} if a == "whole" else {
            "households_pct": hh_shares[a], "persons_pct": person_shares[a]}
        out[a] = figures
    counts = [int(((m.age >= lo) & (m.age <= hi)).sum()) for lo, hi in AGE_GROUPS]
    out["ages"] = list(zip([f"{c:,}" for c in counts], largest_remainder(counts)))
    threshold = spec["income_threshold"][str(YEAR)]
    n_members = m.groupby("house_code").size()
    hh["members"] = hh.house_code.map(n_members).fillna(0).astype(int)
    indicators = {}
    for ind in spec["indicators"]:
        if ind["unit"] != "household" or ind.get("sub_items"):
            continue
        if ind["rule"] == "income":
            with_members = hh[hh.members > 0]
            fail = int((with_members.income < threshold * with_members.members).sum())
            surveyed = len(with_members)
        else:
            answers = hh[f"q{ind['no']}"]
            surveyed, fail = int(answers.isin(["0", "1"]).sum()), int((answers == "0").sum())
        if surveyed:
            passing = shown(to_dec(exact(100 * (surveyed - fail), surveyed)), 1)
            indicators[ind["no"]] = [f"{surveyed:,}", f"{surveyed - fail:,}", passing, f"{fail:,}",
                                     f"{Decimal(100) - Decimal(passing):.1f}"]
    out["indicators"] = indicators
    failing = hh[(hh.members > 0) & (hh.income < threshold * hh.members)]
    listed = {}
    for _i, r in failing.iterrows():
        q = to_dec(exact(r.income, r.members))
        text = shown(q, 0)
        if Decimal(text.replace(",", "")) >= threshold:  # the decision needs the satang, cut down
            text = f"{q.quantize(Decimal('0.01'), rounding=ROUND_FLOOR):,.2f}"
        listed[r.house_code] = [f"{r.members:,}", f"{r.income:,}", text, f"{threshold * r.members - r.income:,}"]
    out["failing"] = listed
    return out


def _report(store_path, kind, area):
    from desktop.models import db
    from desktop.reports import builders

    store = db.open_store(store_path, PASS)
    try:
        with store.read() as conn:
            return builders.build(conn, kind, area, YEAR)
    finally:
        store.close()


def _screen(table) -> list[list[str]]:
    from desktop.views.report_table_model import ReportTableModel

    model = ReportTableModel(table)
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _expected_cells(report, want: dict) -> list[tuple[int, int, int, str]]:
    """[(table index, row, column, printed figure)] for every cell the recomputation covers."""
    cells = []
    for t, table in enumerate(report.tables):
        keys = [c.key for c in table.columns]
        for r, (row, key) in enumerate(zip(table.rows, table.row_keys)):
            kind = table.row_kinds[r]
            if table.key == "areas":
                area = "whole" if kind == "total" else key.get("area")
                for col, name in enumerate(keys):
                    if name in want.get(area, {}):
                        cells.append((t, r, col, want[area][name]))
            elif table.key == "age" and r < len(want["ages"]):
                for col, name in enumerate(keys):
                    if name in ("persons", "persons_pct"):
                        cells.append((t, r, col, want["ages"][r][0 if name == "persons" else 1]))
            elif table.key == "indicators" and key.get("indicator") in want["indicators"]:
                figures = want["indicators"][key["indicator"]]
                for col, name in enumerate(keys):
                    if name in ("surveyed", "passed", "passed_pct", "failed", "failed_pct"):
                        cells.append((t, r, col, figures[["surveyed", "passed", "passed_pct", "failed",
                                                          "failed_pct"].index(name)]))
            elif table.key == "households" and kind != "total":
                figures = want["failing"].pop(row[keys.index("house_code")])
                for col, name in enumerate(keys):
                    if name in ("members", "income", "income_pp", "shortfall"):
                        cells.append((t, r, col, figures[["members", "income", "income_pp", "shortfall"].index(name)]))
    return cells


def _pdf_numbers(path) -> Counter:
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return Counter(re.findall(r"\d[\d,]*(?:\.\d+)?", text))


@pytest.mark.parametrize("kind", ["population", "income", "indicators", "failing-income"])
@pytest.mark.parametrize("area, level", [("52", 4), ("5201", 6), ("520101", 8)])
def test_every_printed_figure_equals_the_recomputation(world, tmp_path, qapp, kind, area, level):
    store_path, hh, members, _code, _folder = world
    scoped_hh = hh[hh.village_code.str.startswith(area)]
    scoped_m = members[members.house_code.isin(set(scoped_hh.house_code))]
    want = recompute(scoped_hh, scoped_m, level)
    report = _report(store_path, kind, area)
    cells = _expected_cells(report, want)
    if kind == "failing-income":  # every failing household of the recomputation is listed, and nothing else
        assert len(cells) >= 4 and not want["failing"]
    else:
        assert len(cells) > 10
    for t, r, c, figure in cells:  # the screen shows exactly the printed figure
        assert _screen(report.tables[t])[r][c] == figure, (kind, area, report.tables[t].key, r, c)
    out = tmp_path / "r.xlsx"
    tabular.write_xlsx(report, out)
    book = openpyxl.load_workbook(out)
    for t, r, c, figure in cells:  # the XLSX holds the same number, shown with the same places
        sheet = book.worksheets[t]
        first = next(i for i, row in enumerate(sheet.iter_rows(values_only=True), 1)
                     if row[0] == report.tables[t].columns[0].label or row[0] == report.tables[t].columns[0].group) + 1
        cell = sheet.cell(row=first + r, column=c + 1)
        value = Decimal(figure.replace(",", ""))
        is_pct = report.tables[t].columns[c].kind == "pct"
        assert cell.data_type == "n" and Decimal(str(cell.value)) == (value / 100 if is_pct else value), (t, r, c)
        places = len(figure.split(".")[1]) if "." in figure else 0
        assert cell.number_format.rstrip("%").endswith("." + "0" * places if places else "0"), cell.number_format
    printed = tmp_path / "r.pdf"
    pdf.render(report, printed)
    tokens = _pdf_numbers(printed)
    missing = Counter(f for *_, f in cells) - tokens
    assert not missing, missing


def test_the_household_just_under_the_threshold_prints_its_satang(world):
    store_path, _hh, _members, code, _folder = world
    report = _report(store_path, "failing-income", "52")
    table = report.tables[0]
    row = next(row for row in table.rows if row[2] == code)
    # 79,999 baht for 2 members = 39,999.50 per person: fails 40,000, printed as 39,999.50, never "40,000"
    assert pdf.format_value(row[8], "money") == "39,999.50"
    assert _screen(table)[table.rows.index(row)][8] == "39,999.50"
