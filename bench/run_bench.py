"""`make bench`: every benchmark in one run; prints a table and writes docs/performance.md.

Sizes can be lowered for a quick look: BMN_BENCH_SIZES="15000,200000" BMN_BENCH_LOOKUP=200000.
"""

from __future__ import annotations

import datetime as dt
import os

from bench.common import ROOT, in_child, machine

TARGETS = {"import": "≤ 2× floor", "first_page": "≤ 50 ms", "search": "≤ 50 ms"}


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BMN_BENCH_SIZES", "15000,200000").split(",")]
    lookup_size = int(os.environ.get("BMN_BENCH_LOOKUP", "1000000"))
    imports = [in_child("bench_import", str(n)) for n in sizes]
    lookup = in_child("bench_lookup", str(lookup_size))
    report_sizes = [int(s) for s in os.environ.get("BMN_BENCH_REPORTS", "200000,1000000").split(",")]
    reports = [in_child("bench_reports", str(n)) for n in report_sizes]
    pdf = in_child("bench_pdf", "--runs", "5")
    report = render(imports, lookup) + render_reports(reports, pdf)
    print(report)
    (ROOT / "docs" / "performance.md").write_text(report, encoding="utf-8")


def render(imports: list[dict], lookup: dict) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured {dt.date.today().isoformat()} by `make bench` (bench/run_bench.py) on: {machine()}.",
        "Each figure is compared with a floor measured in the same run (see ../shared/perf/floors.md).",
        "",
        "## Import of a national export (CSV, households + members)",
        "",
        "Floor: stdlib `csv.reader` rows into plain `sqlite3.executemany` (unencrypted, one transaction per table,",
        "then six comparable indexes). Ours: `main.py import` — validation of every row, SQLCipher encryption,",
        "indicator evaluation, per-village counts, audit entry. Each in its own process (peak RSS is its own).",
        "",
        "| households | members | floor s | ours s | ratio (target ≤ 2) | floor peak MB | ours peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in imports:
        lines.append(f"| {r['households']:,} | {r['members']:,} | {r['floor_s']} | {r['ours_s']} | **{r['ratio']}** |"
                     f" {r['floor_peak_mb']} | {r['ours_peak_mb']} |")
    lines += [
        "",
        f"## Household table and search on {lookup['households']:,} households",
        "",
        "Latency per call in milliseconds (median / 95th percentile), warm cache, encrypted store.",
        "Target: first page and search ≤ 50 ms.",
        "",
        "| what | median ms | p95 ms | calls |",
        "|---|---:|---:|---:|",
    ]
    for key, value in lookup.items():
        if isinstance(value, dict):
            lines.append(f"| {key.replace('_', ' ')} | {value['median_ms']} | {value['p95_ms']} | {value['n']} |")
    lines += [
        "",
        "Background work (not on the GUI thread):",
        "",
        f"- the real table model (offscreen): first row of the province shown after"
        f" {lookup['qt_model_first_row_province_ms']} ms (slowest district/village:"
        f" {lookup['qt_model_first_row_other_ms']} ms); the full ordered list of the province arrives after"
        f" {lookup['qt_model_full_list_province_s']} s from the reader thread while the window stays responsive;",
        f"- ordered ids of the whole province ({lookup['ordered_ids_count']:,}), natural house order:"
        f" {lookup['ordered_ids_province_s']} s; by head's name (Thai order): {lookup['ordered_ids_province_by_head_s']} s.",
        "",
    ]
    return "\n".join(lines)


def render_reports(reports: list[dict], pdf: dict) -> str:
    lines = [
        "## The four review reports",
        "",
        "Built from the per-village summary tables kept on import; floor: the same figures hand-written in plain",
        "SQL over the household/member rows of the same store, same run (median of 3 after a warm-up).",
        "Targets: district ≤ 0.5 s, province ≤ 1 s.",
        "",
        "| store | report | district s (floor s) | province s (floor s) |",
        "|---|---|---:|---:|",
    ]
    for r in reports:
        for kind, levels in r["reports"].items():
            d, p = levels["district"], levels["province"]
            lines.append(f"| {r['households']:,} | {kind} | {d['ours_s']} ({d['floor_s']}) |"
                         f" {p['ours_s']} ({p['floor_s']}) |")
    lines += [
        "",
        "Full rebuild of the summaries of a year: "
        + ", ".join(f"{r['households']:,} households {r['summary_rebuild_s']} s" for r in reports) + ".",
        "",
        "## PDF: households failing the income indicator, 2,800 rows",
        "",
        f"{pdf['pages']} A4 pages with Sarabun embedded and shaped Thai: **{pdf['ours_s']} s** (target ≤ 2.5 s;"
        f" first build in a fresh process {pdf['ours_first_s']} s, with Thai digits {pdf['ours_thai_digits_s']} s)."
        f" Floor, same table as plain strings in Helvetica (no shaping, no embedding), same run:"
        f" {pdf['floor_helvetica_s']} s — ratio {pdf['ratio_vs_floor']}.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
