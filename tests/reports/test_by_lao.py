"""District reports by อปท. as well as by tambon, on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

import csv

import pytest

import main
from desktop.models.errors import UserError
from desktop.reports.model import TOTAL
from tests.reports.conftest import build, rows_by, table


def test_population_by_lao_groups_villages_by_their_lao(hand):
    report = build(hand, "population", "5201", by="lao")
    areas = table(report, "areas")
    assert areas.columns[1].label == "อปท."
    rows = rows_by(areas)
    # L5201011 (อบต.ทดสอบ) = villages 52010101 + 52010102 = H1–H4: 4 households, 3 + 2 + 2 + 2 = 9 persons
    # L5201021 (เทศบาลตำบลทดสอบ) = village 52010201 = H5: 1 household, 3 persons
    assert {code: (r["name"], r["households"], r["persons"]) for code, r in rows.items()} == {
        "L5201011": ("อบต.ทดสอบ", 4, 9), "L5201021": ("เทศบาลตำบลทดสอบ", 1, 3), "5201": ("รวมอำเภอเมืองลำปาง", 5, 12)}
    assert list(rows) == ["L5201021", "L5201011", "5201"]  # Thai dictionary order: เทศบาล… (ท) before อบต.… (อ)
    assert areas.row_kinds[-1] == TOTAL


def test_villages_without_lao_stay_in_the_total(hand):
    rows = rows_by(table(build(hand, "income", "5202", by="lao"), "areas"))
    # 5202 has no อปท.: H6 and H7 under "villages without an LAO"; the total still equals them
    assert rows["-"]["name"] == "หมู่บ้านที่ไม่ระบุ อปท." and rows["-"]["households"] == 2
    assert rows["5202"]["households"] == 2


def test_indicators_by_lao_failing_counts(hand):
    rows = rows_by(table(build(hand, "indicators", "5201", by="lao"), "areas"))
    # indicator 6 (household food, 0 = fail): H2 fails in L5201011; H5 unanswered in L5201021
    assert rows["L5201011"]["ind_6"] == 1 and rows["L5201021"]["ind_6"] == 0 and rows["5201"]["ind_6"] == 1
    by_tambon = rows_by(table(build(hand, "indicators", "5201"), "areas"))
    assert rows["5201"] == by_tambon["5201"]  # the same area, the same totals


def test_by_lao_needs_an_area_above_the_village(hand):
    with pytest.raises(UserError, match="อปท."):
        build(hand, "population", "52010101", by="lao")
    with pytest.raises(UserError):
        build(hand, "population", "5201", by="amphoe")


def test_cli_by_lao(hand, db_path, env_passphrase, tmp_path):
    out = tmp_path / "pop.csv"
    assert main.main(["report", "population", "--area", "5201", "--year", "2567", "--by", "lao", "--out", str(out),
                      "--db", str(db_path)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert ["L5201011", "อบต.ทดสอบ", "4"] == rows[next(i for i, r in enumerate(rows) if r[:1] == ["L5201011"])][:3]
