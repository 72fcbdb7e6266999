"""The meeting pack of a district of ~15,000 households (issue 19: built in under 10 s): the reports of the
district and of every tambon and อปท. (meeting_pack.build), the PDF, the XLSX, and the PDF without the
household lists. Wall time and this process's CPU time of each step (the machine is shared: CPU time is
what the step costs, wall time what the person waits on an idle machine plus what others took).

Floor: the district's four single reports built and rendered one by one (what an officer did before the
pack), scaled by the pack's number of reports — the pack should cost no more per report than they do.

    python -m bench.bench_pack [households]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from bench.common import CACHE, PASSPHRASE, emit

YEAR = 2567
TARGET_S = 10.0


def district_store(households: int) -> Path:
    """A cached store with one demo district of about `households` households."""
    from desktop.importers import demo
    from desktop.models import db

    path = CACHE / f"pack-district-{households}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = CACHE / f"pack-district-{households}.partial.db"
        partial.unlink(missing_ok=True)
        store = db.open_store(partial, PASSPHRASE, create=True)
        try:
            demo.generate(store, districts=1, seed=2025, year=YEAR)
        finally:
            store.close()
        partial.rename(path)
    return path


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)


def measure(households: int) -> dict:
    from pypdf import PdfReader

    from desktop.models import db
    from desktop.reports import builders, meeting_pack, pack_pdf, pack_xlsx, pdf
    from desktop.reports.model import KINDS

    store = db.open_store(district_store(households), PASSPHRASE)
    out: dict = {"target_s": TARGET_S}
    meeting = meeting_pack.Meeting("bench", dt.date(2024, 7, 15), "bench")
    try:
        with store.read() as conn:
            district = conn.execute(text(
                "SELECT village / 10000 FROM report_village WHERE survey_year = :y GROUP BY 1"
                " ORDER BY sum(households) DESC LIMIT 1"), {"y": YEAR}).scalar()
            code = str(district)
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                pdf.render(builders.build(conn, "population", code, YEAR), folder / "warm.pdf")  # fonts, tokenizer
                pack, out["build_s"], out["build_cpu_s"] = timed(lambda: meeting_pack.build(conn, code, YEAR,
                                                                                          meeting=meeting))
                _, out["pdf_s"], out["pdf_cpu_s"] = timed(lambda: pack_pdf.render(pack, folder / "pack.pdf"))
                out["pages"] = len(PdfReader(folder / "pack.pdf").pages)
                _, out["xlsx_s"], out["xlsx_cpu_s"] = timed(lambda: pack_xlsx.write_xlsx(pack, folder / "pack.xlsx"))
                lean, b_s, b_cpu = timed(lambda: meeting_pack.build(conn, code, YEAR, meeting=meeting, lists=False))
                _, p_s, p_cpu = timed(lambda: pack_pdf.render(lean, folder / "lean.pdf"))
                out["without_lists"] = {"s": round(b_s + p_s, 2), "cpu_s": round(b_cpu + p_cpu, 2),
                                        "pages": len(PdfReader(folder / "lean.pdf").pages)}

                def singles():
                    for kind in KINDS:
                        pdf.render(builders.build(conn, kind, code, YEAR), folder / f"{kind}.pdf")

                _, floor_s, floor_cpu = timed(singles)
                reports = sum(1 for _ in pack.reports())
        out.update(district=code, households=pack.summary[0].households, reports=reports,
                   sections=len(pack.sections))
        out["pdf_total_s"] = round(out["build_s"] + out["pdf_s"], 2)
        out["pdf_total_cpu_s"] = round(out["build_cpu_s"] + out["pdf_cpu_s"], 2)
        out["floor_district_4_reports_s"], out["floor_district_4_reports_cpu_s"] = floor_s, floor_cpu
        out["ok"] = out["pdf_total_s"] <= TARGET_S
    finally:
        store.close()
    return out


if __name__ == "__main__":
    emit(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 15_000))
