"""docs/performance.md from the results run_bench.py collected (one dict per benchmark process)."""

from __future__ import annotations

IMPORT_NOTES = """\
Where the import's time goes: `python -m bench.profile_import N` (pyinstrument, the importing process;
trees in docs/profile-import-200000.txt and docs/profile-import-1000000.txt). At 1,000,000 households
(93.3 s under the profiler): the rows 38.3 s — writing members 13.8 s and households 4.5 s
(executemany), member facts per batch 4.8 s, waiting for and unpacking the reader process's rows
12.1 s (6.6 s of it waiting: the reader, checking rows in Python on the other core, is the slower
side); then the finish 47.7 s — five secondary indexes 21.1 s, indicator evaluation (one INSERT …
SELECT) 10.6 s, report summaries 11.6 s (persons per indicator 4.7, ages 3.9, village sums 1.5,
income list 1.3), area counts, drops, ANALYZE and reconciliation ~4.3 s; and the commit with its WAL
checkpoint 6.5 s. At 200,000 the same shares: rows 7.1 s, finish 8.3 s, commit 0.7 s.

Tried and measured at 200,000 households (same files, same machine): `PRAGMA threads = 2` for
CREATE INDEX: no change; the index sort with temp_store=FILE: 0.28 s faster per member index, but
it writes names and IDs unencrypted to temporary files (SQLCipher does not encrypt them): refused;
16 KB SQLCipher pages instead of 4 KB: the import ~10 % faster, but on a 1,000,000-household store
built that way searches got slower (name p95 53 ms, over the 50 ms target; house number median
22.8 ms instead of 8.6): not done; a rollback
journal instead of WAL for the load: 4–6 %, not done (it needs the store to itself while the
window's readers are open). Why the targets stay out of reach: the floor puts CSV strings straight
into unencrypted tables; at a million households the finish and commit alone (54 s) are longer than
the whole floor (32–35 s), and the row path does in Python what the floor does not (every check,
Thai sort keys, ages, the house-code table for duplicates and orphans).

Memory: reading streams (flat ~110 MB with a 16 MB page cache during the load); the peak comes from
CREATE INDEX. With temporary storage in memory (temp_store=MEMORY, so that nothing unencrypted
reaches the disk) SQLite's sorter never writes sorted runs: every key is its own allocation, about
90 bytes a key as measured — the last member index of the province (2,621,294 keys) takes the
process from 108 MB to 344 MB. Keeping the member indexes during the load instead needs no sort and
keeps memory flat, but inserts every member into three B-trees at random places (about twice the
time). Age counts for the report summaries are grouped a hundred villages at a time for the same
reason (a province at once held ~85 MB more)."""


def render(results: dict) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured {results['date']} by `make bench` (bench/run_bench.py) on: {results['machine']}.",
        "Every figure is compared with a baseline measured in the same run (see ../shared/perf/floors.md);",
        "the machine is shared, so absolute seconds vary between runs more than the ratios do.",
        "Size knobs for a quicker run are listed in bench/run_bench.py.",
        "",
    ]
    if results.get("rerun"):
        lines[-1:-1] = [f"Measured again afterwards on their own (BMN_BENCH_ONLY): {', '.join(results['rerun'])}."]
    lines += _targets(results)
    for key, part in (("imports", _imports), ("lookup", _lookup), ("reports", _reports), ("pdf", _pdf),
                      ("pack", _pack), ("startup", _startup), ("sync", _sync), ("sync_load", _sync_load)):
        if key in results:
            lines += part(results[key])
    lines += _peaks(results)
    return "\n".join(lines) + "\n"


def _failed(result) -> str | None:
    if isinstance(result, dict) and "failed" in result:
        return f"*Not measured: {result['failed']}*"
    return None


def _yes(ok: bool | None) -> str:
    return "—" if ok is None else ("**met**" if ok else "**missed**")


def _targets(r: dict) -> list[str]:
    rows = []
    for imp in r.get("imports", []):
        if "failed" in imp:
            continue
        n = imp["households"]
        if n >= 1_000_000:
            rows.append((f"import {n:,} households (issue 9)", "≤ 1.5× sqlite3 executemany",
                         f"{imp['ratio']}× ({imp['ours_s']} s / {imp['floor_s']} s)", imp["ratio"] <= 1.5))
            rows.append((f"import {n:,} households, peak memory", "≤ 300 MB", f"{imp['ours_peak_mb']} MB",
                         imp["ours_peak_mb"] <= 300))
        else:
            rows.append((f"import {n:,} households (issue 3)", "≤ 2× sqlite3 executemany",
                         f"{imp['ratio']}× ({imp['ours_s']} s / {imp['floor_s']} s)", imp["ratio"] <= 2))
    lookup = r.get("lookup")
    if lookup and "failed" not in lookup:
        worst = max((v for v in lookup.values() if isinstance(v, dict) and "p95_ms" in v), key=lambda v: v["p95_ms"])
        rows.append((f"search and first page, {lookup['households']:,} households", "≤ 50 ms",
                     f"worst p95 {worst['p95_ms']} ms", worst["p95_ms"] <= 50))
    for rep in r.get("reports", []):
        if "failed" in rep:
            continue
        for level, target in (("district", 0.5), ("province", 1.0)):
            worst = max(v[level]["ours_s"] for v in rep["reports"].values())
            rows.append((f"{level} reports, {rep['households']:,} households", f"≤ {target} s",
                         f"slowest {worst} s", worst <= target))
    pdf = r.get("pdf")
    if pdf and "failed" not in pdf:
        rows.append(("100-page PDF", "≤ 2.5 s", f"{pdf['ours_s']} s", pdf["ours_s"] <= 2.5))
    pack = r.get("pack")
    if pack and "failed" not in pack:
        rows.append((f"meeting pack PDF, district of {pack['households']:,} households", "≤ 10 s",
                     f"{pack['pdf_total_s']} s ({pack['pdf_total_cpu_s']} s CPU)", pack["ok"]))
    st = r.get("startup")
    if st and "failed" not in st:
        key = f"{st['measure']}_s"
        rows.append((f"first window, {st['households']:,}-household store ({st['measure']})", "≤ 1.5 s",
                     f"{st['ours'][key]} s", st["ours"][key] <= 1.5))
    sync = r.get("sync")
    if sync and "failed" not in sync and "pull_changed" in sync:
        p = sync["pull_changed"]
        rows.append((f"sync: pull {p['households']:,} changed households", "≤ 5 s and ≤ 7 MB",
                     f"{p['s']} s, {p['mb']} MB", p.get("ok")))
    if not rows:
        return []
    out = ["## Targets", "", "| what | target | measured | |", "|---|---|---|---|"]
    out += [f"| {what} | {target} | {value} | {_yes(ok)} |" for what, target, value, ok in rows]
    return out + [""]


def _imports(imports: list[dict]) -> list[str]:
    lines = [
        "## Import of a national export (CSV, households + members)",
        "",
        "Baselines, each in its own process on the same CSV files: **executemany** = stdlib `csv.reader` rows into",
        "plain `sqlite3.executemany` (unencrypted, one transaction per table, then six comparable indexes and",
        "ANALYZE; floors.md §2 \"raw\"); **.import** = the `sqlite3` shell's `.import --csv` of the same files into",
        "the same tables, then the same indexes (C only). **Ours** = `main.py import`: validation of every row",
        "with Thai problems, SQLCipher encryption, indicator evaluation, report summaries, history, audit entry;",
        "rows read in chunks by pyarrow into pandas frames and checked column by column (chunks.py, vectorrows.py),",
        "for files over 16 MB in a reader process (prefetch.py) on the second core.",
        "Peak memory: each process's own; ours = the largest sum of the importing process and its reader process",
        "(proportional set size sampled every 20 ms; their own peaks, which come at different moments, in",
        "brackets). Best of 3 runs at 15,000 households, of 2 at 200,000, one run at 1,000,000.",
        "",
        "| households | members | executemany s | .import s | ours s | × executemany | × .import |"
        " peak MB executemany / .import | peak MB ours (main; reader) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for r in imports:
        if "failed" in r:
            lines.append(f"| | | | | | | | | {_failed(r)} |")
            continue
        cli_s = r.get("cli_s", "—")
        if "cli_skipped" in r:
            notes.append(f"`.import` not measured: {r['cli_skipped']}.")
        lines.append(
            f"| {r['households']:,} | {r['members']:,} | {r['floor_s']} | {cli_s} | {r['ours_s']} | **{r['ratio']}** |"
            f" {r.get('ratio_cli', '—')} | {r['floor_peak_mb']} / {r.get('cli_peak_mb', '—')} |"
            f" {r['ours_peak_mb']} ({r['ours_peak_main_mb']}; {r['ours_peak_reader_mb']}) |")
    lines += ["", *(notes + [""] if notes else []), IMPORT_NOTES, ""]
    return lines


def _lookup(lookup: dict) -> list[str]:
    if _failed(lookup):
        return ["## Household table and search", "", _failed(lookup), ""]
    lines = [
        f"## Household table and search on {lookup['households']:,} households",
        "",
        "Latency per call in milliseconds (median / 95th percentile), warm cache, encrypted store.",
        "Target: first page and search ≤ 50 ms.",
        "",
        "| what | median ms | p95 ms | calls |",
        "|---|---:|---:|---:|",
    ]
    for key, value in lookup.items():
        if isinstance(value, dict) and "median_ms" in value:
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
    return lines


def _reports(reports: list[dict]) -> list[str]:
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
    done = [r for r in reports if "failed" not in r]
    for r in reports:
        if "failed" in r:
            lines.append(f"| | | | {_failed(r)} |")
            continue
        for kind, levels in r["reports"].items():
            d, p = levels["district"], levels["province"]
            lines.append(f"| {r['households']:,} | {kind} | {d['ours_s']} ({d['floor_s']}) |"
                         f" {p['ours_s']} ({p['floor_s']}) |")
    if done:
        lines += ["", "Full rebuild of the summaries of a year: "
                  + ", ".join(f"{r['households']:,} households {r['summary_rebuild_s']} s" for r in done) + "."]
    return lines + [""]


def _pdf(pdf: dict) -> list[str]:
    head = ["## PDF: households failing the income indicator, 2,800 rows", ""]
    if _failed(pdf):
        return head + [_failed(pdf), ""]
    return head + [
        f"{pdf['pages']} A4 pages with Sarabun embedded and shaped Thai: **{pdf['ours_s']} s** (target ≤ 2.5 s;"
        f" first build in a fresh process {pdf['ours_first_s']} s, with Thai digits {pdf['ours_thai_digits_s']} s)."
        f" Floor, same table as plain strings in Helvetica (no shaping, no embedding), same run:"
        f" {pdf['floor_helvetica_s']} s — ratio {pdf['ratio_vs_floor']}.",
        "",
    ]


def _pack(pack: dict) -> list[str]:
    head = ["## Meeting pack of a district (bench/bench_pack.py)", ""]
    if _failed(pack):
        return head + [_failed(pack), ""]
    lean = pack["without_lists"]
    return head + [
        f"District {pack['district']}, {pack['households']:,} households: {pack['sections']} areas (the district,"
        f" its tambons and อปท.), {pack['reports']} reports, {pack['pages']} PDF pages.",
        f"Reports built in {pack['build_s']} s ({pack['build_cpu_s']} s CPU), PDF rendered in {pack['pdf_s']} s"
        f" ({pack['pdf_cpu_s']} s CPU): **{pack['pdf_total_s']} s** in all (target ≤ {pack['target_s']} s);"
        f" XLSX {pack['xlsx_s']} s ({pack['xlsx_cpu_s']} s CPU). Without the household lists: {lean['s']} s"
        f" ({lean['cpu_s']} s CPU), {lean['pages']} pages.",
        f"Floor, the district's four single reports built and rendered one by one in the same run:"
        f" {pack['floor_district_4_reports_s']} s ({pack['floor_district_4_reports_cpu_s']} s CPU) for 4 reports.",
        "",
    ]


def _startup(st: dict) -> list[str]:
    head = ["## Start-up: process start to the first window", ""]
    if _failed(st):
        return head + [_failed(st), ""]
    f, o = st["floor"], st["ours"]
    cold_note = ("cold = OS page cache dropped before each run" if o["cold_s"] is not None
                 else "cold runs not possible here (needs root to drop the page cache): warm only")
    return head + [
        f"`main.py gui` on the {st['households']:,}-household store ({st['store_mb']:,} MB, encrypted) until the main",
        "window's first show event has been handled, against a process that only imports `PySide6.QtWidgets` and",
        f"shows an empty `QWidget`; offscreen; medians; {cold_note}. Target: ≤ 1.5 s cold.",
        "",
        "| process | cold s | warm s | runs (cold; warm) | peak MB |",
        "|---|---:|---:|---|---:|",
        f"| Qt alone (floor) | {f['cold_s'] if f['cold_s'] is not None else '—'} | {f['warm_s']} |"
        f" {f['cold_runs']}; {f['warm_runs']} | {f['peak_mb']} |",
        f"| main.py gui | {o['cold_s'] if o['cold_s'] is not None else '—'} | {o['warm_s']} |"
        f" {o['cold_runs']}; {o['warm_runs']} | {o['peak_mb']} |",
        "",
        f"Ratio to the floor ({st['measure']}): {st['ratio']}.",
        "",
    ]


def _sync(sync: dict) -> list[str]:
    head = ["## Sync with the province server (bench/bench_sync.py, loopback)", ""]
    if _failed(sync):
        return head + [_failed(sync), ""]
    lines = head + [
        f"Server database: {sync.get('server_db')}; {sync.get('households', 0):,} households with members.",
        "Targets (floors.md §6): a pull of the changed province ≤ 5 s and ≤ 7 MB on the wire.",
        "",
        "| step | s | MB | households | |",
        "|---|---:|---:|---:|---|",
    ]
    for key, label in (("first_pull", "first download"), ("pull_changed", "pull after a national reload (all changed)"),
                       ("pull_status_changed", "pull after review-status changes")):
        p = sync.get(key)
        if p:
            lines.append(f"| {label} | {p['s']} | {p['mb']} | {p['households']:,} | {_yes(p.get('ok'))} |")
    push = sync.get("push")
    if push:
        lines.append(f"| push {push['events']:,} events ({push['accepted']:,} accepted) | {push['s']} | | | |")
    load = sync.get("load")
    if load:
        lines += ["", f"Load: {load['clients']} clients, {load['requests']:,} pushes of {load['events_per_request']}"
                  f" events: p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms, max {load['max_ms']} ms,"
                  f" {load['errors']} errors, {load['wall_s']} s in all."]
    return lines + [""]


def _sync_load(load: dict) -> list[str]:
    head = ["## Province server under load (bench/bench_sync_load.py)", ""]
    if _failed(load):
        return head + [_failed(load), ""]
    lines = head + [
        f"{load.get('clients')} clients at once, each pushing {load.get('requests_per_client')} times"
        f" {load.get('events_per_push')} events; server on 127.0.0.1.",
        "",
        "| server database | p50 ms | p95 ms | max ms | pushes/s | events/s | errors | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for backend, b in load.get("backends", {}).items():
        lines.append(f"| {backend} | {b.get('p50_ms')} | {b.get('p95_ms')} | {b.get('max_ms')} | {b.get('pushes_per_s')} |"
                     f" {b.get('events_per_s')} | {b.get('errors')} | {_yes(b.get('ok'))} |")
    return lines + [""]


def _peaks(r: dict) -> list[str]:
    rows = []
    for imp in r.get("imports", []):
        if "failed" not in imp:
            rows.append((f"import {imp['households']:,}: executemany / .import / ours (main; reader)",
                         f"{imp['floor_peak_mb']} / {imp.get('cli_peak_mb', '—')} / {imp['ours_peak_mb']}"
                         f" ({imp['ours_peak_main_mb']}; {imp['ours_peak_reader_mb']})"))
    for key, label in (("lookup", "table and search"), ("pdf", "100-page PDF"), ("sync", "sync (laptop side)"),
                       ("sync_load", "sync load clients")):
        part = r.get(key)
        if part and "failed" not in part and "peak_mb" in part:
            rows.append((label, str(part["peak_mb"])))
    for rep in r.get("reports", []):
        if "failed" not in rep:
            rows.append((f"reports, {rep['households']:,} households", str(rep.get("peak_rss_mb", rep.get("peak_mb")))))
    st = r.get("startup")
    if st and "failed" not in st:
        rows.append(("first window: Qt alone / main.py gui", f"{st['floor']['peak_mb']} / {st['ours']['peak_mb']}"))
    if not rows:
        return []
    lines = ["## Memory peaks", "", "Peak resident memory of each benchmark process (MB).", "",
             "| process | peak MB |", "|---|---:|"]
    return lines + [f"| {label} | {value} |" for label, value in rows] + [""]
