"""Writing a built report to a file (PDF, XLSX or CSV) outside the GUI: the command line's path.

The file is written beside the target as a part-file and moved into place only when complete; a
report that lists households (report.personal_data) is moved into place in the same transaction
that records an audit entry ("report.export", the same entry the GUI writes).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop import messages
from desktop.models import audit
from desktop.models.errors import DiskFull, UserError
from desktop.reports.model import Report

FORMATS = ("pdf", "xlsx", "csv")

messages.register({
    "report_bad_format": ("รูปแบบไฟล์ '{fmt}' ไม่รองรับ (pdf, xlsx หรือ csv)",
                          "Unsupported format '{fmt}' (pdf, xlsx or csv)."),
    "report_write_error": (
        "เขียนไฟล์ไม่ได้: {error} เลือกโฟลเดอร์อื่นแล้วลองใหม่",
        "Cannot write the file: {error}. Choose another folder and try again.",
    ),
})


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file suffix names, else PDF."""
    fmt = (fmt or path.suffix.lstrip(".") or "pdf").lower()
    if fmt not in FORMATS:
        raise UserError(messages.msg("report_bad_format", fmt=fmt))
    return fmt


def render(report: Report, path: Path, fmt: str, *, thai_digits: bool = False) -> None:
    if fmt == "pdf":
        from desktop.reports import pdf  # reportlab and its fonts: loaded when a PDF is asked for

        pdf.render(report, path, thai_digits=thai_digits)
        return
    from desktop.reports import tabular

    (tabular.write_xlsx if fmt == "xlsx" else tabular.write_csv)(report, path)


def write(store, report: Report, fmt: str, path: Path | str, *, thai_digits: bool = False) -> Path:
    path = Path(path)
    part = path.with_name(f".{path.stem}.part{path.suffix}")
    try:
        render(report, part, fmt, thai_digits=thai_digits)
        if report.personal_data:
            with store.begin() as conn:
                audit.append(conn, "report.export", target=report.area_code,
                             detail={"kind": report.kind, "survey_year": report.survey_year, "format": fmt,
                                     "file": path.name})
                os.replace(part, path)
        else:
            os.replace(part, path)
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise DiskFull() from err
        raise UserError(messages.msg("report_write_error", error=err.strerror or err)) from err
    finally:
        part.unlink(missing_ok=True)
    return path
