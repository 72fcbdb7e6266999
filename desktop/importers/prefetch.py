"""Reading a large CSV file in a second process while this one writes what was read.

The split and the fast-path checks of a row (fastrows.py) cost about as much Python time as
SQLite spends writing it; done one after the other they add up, done side by side in two
processes (the GIL rules out threads) they overlap. The reader process runs the very same
fastrows reader with what it needs (survey year, tambons, answer layout, reference date) and
sends back, in row order, batches of items: the pending tuple of a row the reader took, or
(None, row number, cells) for a row that the checking path of this process must see. So the
rows and problems are the same as when everything is read here (tests/test_import_prefetch.py).

The reader process opens no database and writes nothing to disk: rows travel through a pipe
(marshal, length-prefixed). It is used for CSV files of at least MIN_BYTES, and not in a frozen
build (no `python -m` there). BMN_IMPORT_READER=0 turns it off.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import struct
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

from desktop.importers import columns as C
from desktop.importers import fastrows, readers

MIN_BYTES = 16 << 20  # below this (~35,000 member rows) starting the process gains nothing measurable
CHUNK = 5000  # rows per message: national.BATCH, so a message is one write
_ROOT = Path(__file__).resolve().parents[2]
_SIZE = struct.Struct("<Q")


def usable(src) -> bool:
    reader = src.reader
    return (isinstance(reader, readers._CsvFile) and reader.size >= MIN_BYTES and not getattr(sys, "frozen", False)
            and os.environ.get("BMN_IMPORT_READER", "1") != "0")


class Reader:
    """`with Reader(job, src, after_row) as batches: for items, fraction, plain in batches: ...`

    Rows after `after_row` (those before were read here). `plain`: every item is a taken row."""

    def __init__(self, job, src, after_row: int):
        household = src.kind == C.HOUSEHOLD
        reader = src.reader
        self.context = {
            "household": household, "path": str(reader.path), "encoding": reader.encoding,
            "delimiter": reader.delimiter, "header_row": src.header_row, "after_row": after_row,
            "index": dict(src.header.index), "positions": list(job.answer_positions(src)) if household else [],
            "kinds": list(job.kinds), "year": job.year, "tambons": sorted(job.tambons),
            "today": job.today.isoformat(), "reference": job.reference.isoformat(), "source": job.src_index[id(src)],
            "chunk": CHUNK,
        }
        self.proc: subprocess.Popen | None = None

    peak_kb = 0  # the largest peak memory a reader process reported (Linux), for the benchmarks

    def __enter__(self) -> Iterator[tuple[list, float, bool]]:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(_ROOT), os.environ.get("PYTHONPATH")))),
                   PYTHONWARNINGS="ignore")
        self.proc = subprocess.Popen([sys.executable, "-m", "desktop.importers.prefetch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=_ROOT, env=env,
                                     creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # Windows: no console
        self.proc.stdin.write(marshal.dumps(self.context))
        self.proc.stdin.close()
        return self._batches()

    def _batches(self) -> Iterator[tuple[list, float, bool]]:
        pipe = self.proc.stdout
        while True:
            head = pipe.read(_SIZE.size)
            if len(head) < _SIZE.size:
                raise RuntimeError(f"import reader stopped: {self.proc.stderr.read().decode(errors='replace')[-2000:]}")
            message = marshal.loads(pipe.read(_SIZE.unpack(head)[0]))
            tag = message[0]
            if tag == "rows":
                yield message[1], message[2], message[3]
            elif tag == "error":
                raise readers.ReadError(message[1], message[2])
            else:  # "end", with the reader's peak memory
                Reader.peak_kb = max(Reader.peak_kb, message[1] or 0)
                return

    def __exit__(self, *exc) -> None:
        proc = self.proc
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


# --- the reader process ----------------------------------------------------------------------------


def _send(out, message) -> None:
    data = marshal.dumps(message)
    out.write(_SIZE.pack(len(data)))
    out.write(data)
    out.flush()


def _stand_in(ctx: dict):
    """What fastrows asks of the import job and of the source, from the context sent."""
    src = SimpleNamespace(header=SimpleNamespace(index=ctx["index"]))
    positions = ctx["positions"]
    job = SimpleNamespace(
        broken=set(), year=ctx["year"], tambons=set(ctx["tambons"]), kinds=ctx["kinds"],
        src_index={id(src): ctx["source"]}, today=dt.date.fromisoformat(ctx["today"]),
        reference=dt.date.fromisoformat(ctx["reference"]), pending=[], answer_positions=lambda _src: positions,
    )
    return job, src


def _serve(ctx: dict, out) -> None:
    job, src = _stand_in(ctx)
    read = (fastrows.household_reader if ctx["household"] else fastrows.member_reader)(job, src)
    csv_file = readers._CsvFile(Path(ctx["path"]), ctx["encoding"])
    csv_file.delimiter = ctx["delimiter"]
    after, chunk, plain = ctx["after_row"], ctx["chunk"], True
    try:
        for row_no, cells in csv_file.rows(ctx["header_row"]):
            if row_no <= after:
                continue
            if not (read and read(row_no, cells)):
                job.pending.append((None, row_no, cells))
                plain = False
            if len(job.pending) >= chunk:
                _send(out, ("rows", job.pending, csv_file.fraction(), plain))
                job.pending, plain = [], True
    except readers.ReadError as err:
        _send(out, ("rows", job.pending, csv_file.fraction(), plain))
        _send(out, ("error", err.message, err.row))
        return
    _send(out, ("rows", job.pending, 1.0, plain))
    _send(out, ("end", _peak_kb()))


def _peak_kb() -> int | None:
    """VmHWM: this process's own peak (getrusage would include the parent it was forked from)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def main() -> None:
    ctx = marshal.loads(sys.stdin.buffer.read())
    _serve(ctx, sys.stdout.buffer)


if __name__ == "__main__":
    main()
