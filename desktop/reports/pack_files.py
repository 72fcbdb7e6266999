"""Writing a meeting pack to its files (PDF, and optionally XLSX and PPTX): the command line's and the
window's shared path.

Each file is rendered beside its target as a hidden part-file and moved into place only when every file
is complete. A pack that carries household lists (personal data) is moved into place in the same
transaction that records the audit entry ("report.export", kind "meeting-pack"), as single reports are.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Callable

from desktop.models import audit
from desktop.models.errors import DiskFull, UserError
from desktop.reports.files import _msg
from desktop.reports.meeting_pack import Pack

Progress = Callable[[int, int], None]


def write(store, pack: Pack, outputs: dict[str, Path], *, thai_digits: bool = False,
          progress: Progress | None = None, cancel: Callable[[], object] | None = None) -> list[Path]:
    """outputs: {"pdf" | "xlsx" | "pptx": path}. Returns the paths written, in that order."""
    from desktop.reports import pack_pdf, pack_pptx, pack_xlsx

    parts = {fmt: Path(path).with_name(f".{Path(path).stem}.part{Path(path).suffix}") for fmt, path in outputs.items()}
    try:
        for fmt, part in parts.items():
            if fmt == "pdf":
                pack_pdf.render(pack, part, thai_digits=thai_digits, progress=progress, cancel=cancel)
            elif fmt == "xlsx":
                pack_xlsx.write_xlsx(pack, part)
            else:
                pack_pptx.write_pptx(pack, part)
        if pack.personal_data:
            with store.begin() as conn:
                audit.append(conn, "report.export", target=pack.area_code,
                             detail={"kind": "meeting-pack", "survey_year": pack.year, "format": ",".join(outputs),
                                     "file": ", ".join(Path(p).name for p in outputs.values())})
                _move(parts, outputs)
        else:
            _move(parts, outputs)
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise DiskFull() from err
        raise UserError(_msg("write_error", error=err.strerror or err)) from err
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)
    return [Path(p) for p in outputs.values()]


def _move(parts: dict[str, Path], outputs: dict[str, Path]) -> None:
    for fmt, part in parts.items():
        os.replace(part, outputs[fmt])
