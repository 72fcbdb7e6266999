"""Reading a large CSV file in a second process while this one writes what was read.

The reader process reads the file in chunks with pandas and pyarrow and checks them column by
column (chunks.py, vectorrows.py), the very code an import runs in-process for smaller files, and
sends back, in row order, batches of items: the pending tuple of a row it took, or (None, row
number, cells) for a row that the checking path of this process must see. So the rows and
problems are the same as when everything is read here (tests/test_import_prefetch.py), and the
importing process never loads pandas or pyarrow: their memory (~150 MB while reading) is the
reader's, and it is gone before the indexes are built, when the import needs most.

The reader process opens no database and writes nothing to disk: rows travel through a pipe
(marshal, length-prefixed). It is used for CSV files of at least MIN_BYTES, and not in a frozen
build (no `python -m` there). BMN_IMPORT_READER=0 turns it off.
"""

from __future__ import annotations

import datetime as dt
import logging
import marshal
import os
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator, NoReturn

from desktop.importers import columns as C
from desktop.importers import import_messages  # noqa: F401 - registers imp_reader_stopped
from desktop.importers import readers
from desktop.messages import msg

log = logging.getLogger(__name__)

MIN_BYTES = 16 << 20  # below this (~35,000 member rows) starting the process gains nothing measurable
CHUNK = 1 << 20  # rows per message at most (a chunk is one message; tests lower it for more messages)
_ROOT = Path(__file__).resolve().parents[2]
_SIZE = struct.Struct("<Q")


def usable(src) -> bool:
    reader = src.reader
    return (isinstance(reader, readers._CsvFile) and reader.size >= MIN_BYTES and not getattr(sys, "frozen", False)
            and os.environ.get("BMN_IMPORT_READER", "1") != "0")


def fast_path_possible(job, src) -> bool:
    """Whether the column-by-column checks can take this source's rows (vectorrows.*_taker would
    make a taker), asked here without loading pyarrow; missing answer columns are reported."""
    index = src.header.index
    household = src.kind == C.HOUSEHOLD
    fields = C.FAST_HOUSEHOLD_FIELDS if household else C.FAST_MEMBER_FIELDS
    if id(src) in job.broken or any(name not in index for name in fields):
        return False
    return not household or (None not in job.answer_positions(src) and id(src) not in job.broken)


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
            body = pipe.read(_SIZE.unpack(head)[0]) if len(head) == _SIZE.size else b""
            if len(head) < _SIZE.size or len(body) < _SIZE.unpack(head)[0]:
                self._stopped()  # the process ended, maybe half-way through a message
            message = marshal.loads(body)
            tag = message[0]
            if tag == "rows":
                yield message[1], message[2], message[3]
            elif tag == "error":
                raise readers.ReadError(message[1], message[2])
            else:  # "end", with the reader's peak memory
                Reader.peak_kb = max(Reader.peak_kb, message[1] or 0)
                return

    def _stopped(self) -> NoReturn:
        """The reader process ended without a word (killed, out of memory, a crash): its error output
        goes to the log, the person gets a problem in Thai, the import rolls back."""
        proc = self.proc
        error = proc.stderr.read().decode(errors="replace")[-4000:]
        code = proc.wait()
        log.error("import reader process stopped (exit %s): %s", code, error)
        raise readers.ReadError(msg("imp_reader_stopped", detail=f"exit {code}"))

    def __exit__(self, *exc) -> None:
        proc = self.proc
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


# --- the reader process ----------------------------------------------------------------------------


class _Sender:
    """Messages written by a thread: the reader goes on with the next chunk while the importing
    process is still busy with the last one (a pipe holds 64 KB; a chunk's message is megabytes)."""

    def __init__(self, out):
        self.out = out
        self.queue: queue.Queue = queue.Queue(2)
        self.thread = threading.Thread(target=self._run, name="import-reader-send", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (data := self.queue.get()) is not None:
            self.out.write(_SIZE.pack(len(data)))
            self.out.write(data)
            self.out.flush()

    def send(self, message) -> None:
        self.queue.put(marshal.dumps(message))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()


def _stand_in(ctx: dict):
    """What vectorrows asks of the import job and of the source, from the context sent."""
    src = SimpleNamespace(header=SimpleNamespace(index=ctx["index"]))
    positions = ctx["positions"]
    job = SimpleNamespace(
        broken=set(), year=ctx["year"], tambons=set(ctx["tambons"]), kinds=ctx["kinds"],
        src_index={id(src): ctx["source"]}, today=dt.date.fromisoformat(ctx["today"]),
        reference=dt.date.fromisoformat(ctx["reference"]), answer_positions=lambda _src: positions,
    )
    return job, src


def _serve(ctx: dict, out) -> None:
    from desktop.importers import vectorrows

    job, src = _stand_in(ctx)
    take = (vectorrows.household_taker if ctx["household"] else vectorrows.member_taker)(job, src)
    csv_file = readers._CsvFile(Path(ctx["path"]), ctx["encoding"])
    csv_file.delimiter = ctx["delimiter"]
    after = ctx["after_row"]
    sender = _Sender(out)
    try:
        _read_chunks(ctx, take, csv_file, after, sender)
    finally:
        sender.close()


def _read_chunks(ctx: dict, take, csv_file, after: int, sender: _Sender) -> None:
    import numpy as np

    from desktop.importers import chunks, vectorrows

    try:
        for chunk in csv_file.chunks(ctx["header_row"]):
            start = int(np.searchsorted(chunk.numbers, after, side="right"))
            if start < len(chunk):
                items, plain = vectorrows.in_row_order(chunk, start, *take(chunk, start))
                step = ctx["chunk"]
                for at in range(0, len(items), step):
                    sender.send(("rows", items[at:at + step], csv_file.fraction(), plain))
            del chunk
            chunks.release_memory()
    except readers.ReadError as err:
        sender.send(("error", err.message, err.row))
        return
    sender.send(("end", _peak_kb()))


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
