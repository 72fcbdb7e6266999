"""The meeting slides (python-pptx): a title slide, summary slides, a native pass-rate chart per area whose
value axis starts where the data is, Thai text in Tahoma for Latin and complex script."""

from __future__ import annotations

from pptx import Presentation
from pptx.oxml.ns import qn

from desktop.reports import charts, pack_pptx
from tests.reports.test_meeting_pack import build_pack


def test_slides_title_summary_and_a_chart_per_area(hand, tmp_path):
    pack = build_pack(hand)
    deck = Presentation(str(pack_pptx.write_pptx(pack, tmp_path / "pack.pptx")))
    slides = list(deck.slides)
    # 1 title + 1 summary slide (5 areas <= 12 a slide) + 1 chart per area
    assert len(slides) == 1 + 1 + len(pack.sections)
    texts = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert pack.meeting.title in texts[0] and "15 กรกฎาคม 2567" in texts[0]
    table = next(s for s in slides[1].shapes if s.has_table).table
    first = [table.cell(1, j).text for j in range(len(table.columns))]
    assert first[:3] == ["อำเภอเมืองลำปาง", "5", "12"]  # the area's households and members
    for slide, section in zip(slides[2:], pack.sections):
        chart = next(s for s in slide.shapes if s.has_chart).chart
        groups = charts.pass_rate_groups(section.reports["indicators"])
        floor = charts.axis_floor([b.rate for g in groups for b in g.bars])
        assert chart.value_axis.minimum_scale == floor and chart.value_axis.maximum_scale == 100
        assert len(chart.plots[0].series) == len(groups)
        values = [v for series in chart.plots[0].series for v in series.values if v is not None]
        assert sorted(values) == sorted(b.rate for g in groups for b in g.bars if b.rate is not None)
        assert section.name in texts[slides.index(slide)]


def test_thai_runs_name_tahoma_for_complex_script(hand, tmp_path):
    deck = Presentation(str(pack_pptx.write_pptx(build_pack(hand), tmp_path / "pack.pptx")))
    runs = [r for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        rpr = run._r.find(qn("a:rPr"))
        assert rpr.find(qn("a:latin")).get("typeface") == "Tahoma"
        assert rpr.find(qn("a:cs")).get("typeface") == "Tahoma"
