"""The pass-rate chart on paper and in Excel, on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.reports import charts, pdf, tabular
from desktop.reports.thai_text import COMBINING
from tests.reports.conftest import build


def plain(text: str) -> str:
    """Text comparable with what pypdf extracts from shaped Thai: no marks, no private-use glyphs, ำ as ํา."""
    text = text.replace("\u0e33", "\u0e32")
    return "".join(ch for ch in text if ch not in COMBINING and not "\ue000" <= ch <= "\uf8ff" and ch != "\u0e4d")


def pdf_text(path) -> str:
    return plain("".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("rates, floor", [
    ([97.3, 84.2, 99.0], 80),  # a narrow spread: floored to 5, at least 2 points below the lowest
    ([86.0, 99.0], 80),  # 86 - 2 = 84 -> 80
    ([91.9, 99.0], 85),
    ([60.0, 95.0], 50),  # a wide spread: floored to 10
    ([15.0, 90.0], 0),  # near 0 anyway: start at 0, no break
    ([None, None], 0),
    ([100.0], 95),
])
def test_axis_starts_where_the_data_is(rates, floor):
    assert charts.axis_floor(rates) == floor


def test_groups_follow_the_categories_and_rates_of_the_table(hand):
    report = build(hand, "indicators", "5201")
    groups = charts.pass_rate_groups(report)
    assert [g.no for g in groups] == [1, 2, 3, 4, 5]
    bars = {b.no: b.rate for g in groups for b in g.bars}
    # indicator 29 in 5201: 3 of 5 households pass (60 %); indicator 6: H1, H3, H4 pass, H2 fails -> 75 %
    assert bars[29] == 60.0 and bars[6] == 75.0
    assert len(bars) == 38
    assert charts.pass_rate_groups(build(hand, "population", "5201")) == []


def test_break_band_only_when_the_axis_does_not_start_at_zero():
    high = [charts.BarGroup(1, "หมวด 1 สุขภาพ", [charts.Bar(1, 90.0), charts.Bar(2, 97.0)])]
    geometry = charts.layout(high, 400, 200)
    assert geometry.floor == 85 and geometry.break_band is not None
    tops = {b.no: b.top for b in geometry.bars}
    assert tops[2] > tops[1] > geometry.break_band[1]  # 97 % above 90 %, both above the break
    assert geometry.ticks[0] == (85, pytest.approx(geometry.y_of(85)))
    low = [charts.BarGroup(1, "หมวด 1", [charts.Bar(1, 10.0), charts.Bar(2, 97.0)])]
    assert charts.layout(low, 400, 200).break_band is None


def test_indicator_pdf_carries_the_chart_and_its_axis_note(hand, tmp_path):
    report = build(hand, "indicators", "5201")
    path = pdf.render(report, tmp_path / "indicators.pdf")
    text = pdf_text(path)
    floor = charts.axis_floor([b.rate for g in charts.pass_rate_groups(report) for b in g.bars])
    assert floor == 0  # the hand-made rates go down to 0 %: no break
    assert plain(charts.CHART_TITLE) in text and plain(charts.floor_note(floor)) in text
    population = pdf.render(build(hand, "population", "5201"), tmp_path / "population.pdf")
    assert plain(charts.CHART_TITLE) not in pdf_text(population)


def test_indicator_xlsx_has_a_native_chart_starting_at_the_floor(hand, tmp_path):
    report = build(hand, "indicators", "5201")
    path = tmp_path / "indicators.xlsx"
    tabular.write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    sheet = book[charts.SHEET_TITLE]
    (chart,) = sheet._charts
    groups = charts.pass_rate_groups(report)
    floor = charts.axis_floor([b.rate for g in groups for b in g.bars])
    assert chart.y_axis.scaling.min == floor / 100 and chart.y_axis.scaling.max == 1.0
    assert len(chart.series) == len(groups)
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    assert rows["29"][3] == 0.6 and rows["29"][:3] == (None, None, None)  # หมวด 4 column only
    assert charts.SHEET_TITLE not in openpyxl.load_workbook(_xlsx(hand, tmp_path, "income")).sheetnames


def _xlsx(store, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    tabular.write_xlsx(build(store, kind, "5201"), path)
    return path
