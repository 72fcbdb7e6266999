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
from desktop import messages
from desktop.reports import files  # noqa: F401 - registers report_write_error
from desktop.reports.meeting_pack import Pack

Progress = Callable[[int, int], None]


def write(store, pack: Pack, outputs: dict[str, Path], *, thai_digits: bool = False,
          progress: Progress | None = None, cancel: Callable[[], object] | None = None) -> list[Path]:
    """outputs: {"pdf" | "xlsx" | "pptx": path}. Returns the paths written, in that order."""
    parts = render_parts(pack, outputs, thai_digits=thai_digits, progress=progress, cancel=cancel)
    with store.begin() as conn:
        return finish(conn, pack, parts, outputs)


def part_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.stem}.part{path.suffix}")


def render_parts(pack: Pack, outputs: dict[str, Path], *, thai_digits: bool = False,
                 progress: Progress | None = None, cancel: Callable[[], object] | None = None) -> dict[str, Path]:
    """Every file rendered beside its target as a hidden part-file (no database write: the reader pool's half)."""
    from desktop.reports import pack_pdf, pack_pptx, pack_xlsx

    parts = {fmt: part_path(path) for fmt, path in outputs.items()}
    try:
        for fmt, part in parts.items():
            if fmt == "pdf":
                pack_pdf.render(pack, part, thai_digits=thai_digits, progress=progress, cancel=cancel)
            elif fmt == "xlsx":
                pack_xlsx.write_xlsx(pack, part)
            else:
                pack_pptx.write_pptx(pack, part)
            if cancel is not None:
                cancel()
    except OSError as err:
        _discard(parts)
        raise _user_error(err) from err
    except BaseException:
        _discard(parts)
        raise
    return parts


def finish(conn, pack: Pack, parts: dict[str, Path], outputs: dict[str, Path]) -> list[Path]:
    """Move the part-files into place; a pack with household lists records its audit entry in the same
    transaction (the writer's half). Any failure leaves no part-file behind."""
    try:
        if pack.personal_data:
            audit.append(conn, "report.export", target=pack.area_code,
                         detail={"kind": "meeting-pack", "survey_year": pack.year, "format": ",".join(outputs),
                                 "file": ", ".join(Path(p).name for p in outputs.values())})
        for fmt, part in parts.items():
            os.replace(part, outputs[fmt])
    except OSError as err:
        raise _user_error(err) from err
    finally:
        _discard(parts)
    return [Path(p) for p in outputs.values()]


def _discard(parts: dict[str, Path]) -> None:
    for part in parts.values():
        part.unlink(missing_ok=True)


def _user_error(err: OSError) -> UserError:
    if err.errno == errno.ENOSPC:
        return DiskFull()
    return UserError(messages.msg("report_write_error", error=err.strerror or err))
