#!/usr/bin/env python3
"""Smoke test of the FROZEN app (dist/bmn-field-desk/), offscreen, on a throw-away encrypted store.

    python packaging/smoke_test.py                 # or: make bundle-test (after make bundle)
    python packaging/smoke_test.py --exe PATH --keep

Runs the bundled executable as an officer's laptop would, with nothing from the source tree:
`--help`; `demo --households 2000` (creates the SQLCipher store); `info --json`; `export` (to find a
tambon that has households); `gui --area <tambon> --screenshot` (checks the PNG: size, dimensions);
`audit verify`; and, when the bundle has the `report` command, `report indicators ... --format pdf`
(checks %PDF and an embedded Sarabun font). Standard library only, so any Python 3 can run it.
Not part of `make test`: it needs a build and takes about half a minute.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "bmn-field-desk"
HOUSEHOLDS = 2000
SCREENSHOT_SIZE = (1366, 768)  # desktop/views/launch.py SCREENSHOT_SIZE
MIN_PNG_BYTES = 20_000
PASSPHRASE = "smoke-test-passphrase"
TIMEOUT_S = 300


class SmokeFailure(Exception):
    """A step failed and the later steps depend on it."""


def default_exe() -> Path:
    folder = ROOT / "dist" / APP
    if sys.platform == "win32":
        return folder / f"{APP}-cli.exe"  # the console twin of the windowed bmn-field-desk.exe
    return folder / APP


def frozen_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "BMN_DB_PASSPHRASE": PASSPHRASE, "BMN_LANG": "th"})
    if sys.platform != "win32":  # keep QSettings and the data folder away from the real profile
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[var] = str(tmp / var.lower())
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    return env


class Runner:
    def __init__(self, exe: Path, env: dict[str, str], cwd: Path):
        self.exe, self.env, self.cwd = exe, env, cwd
        self.timings: list[tuple[str, float]] = []

    def __call__(self, label: str, *args: str) -> subprocess.CompletedProcess:
        started = time.monotonic()
        try:
            done = subprocess.run([str(self.exe), *args], env=self.env, cwd=self.cwd, capture_output=True,
                                  text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise SmokeFailure(f"{label}: no answer after {TIMEOUT_S} s ({' '.join(args)})") from None
        seconds = time.monotonic() - started
        self.timings.append((label, seconds))
        if done.returncode != 0:
            raise SmokeFailure(f"{label}: exit status {done.returncode} ({' '.join(args)})\n"
                               f"--- stdout ---\n{done.stdout[-3000:]}\n--- stderr ---\n{done.stderr[-3000:]}")
        if "Traceback (most recent call last)" in done.stderr:
            raise SmokeFailure(f"{label}: a Python traceback on stderr\n{done.stderr[-3000:]}")
        print(f"ok   {label:<22} {seconds:6.1f} s", flush=True)
        return done


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def expect(problems: list[str], condition: bool, message: str) -> None:
    """A failed expectation that later steps do not depend on: noted, and the test goes on."""
    if not condition:
        print(f"FAIL {message}", flush=True)
        problems.append(message)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    check(head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG file")
    return struct.unpack(">II", head[16:24])


def commands_in_help(text: str) -> set[str]:
    groups = [set(g.split(",")) for g in re.findall(r"\{([a-z_,-]+)\}", text)]  # {th,en}, {gui,demo,...}
    commands = max(groups, key=len, default=set())
    check("demo" in commands, f"--help lists no sub-commands:\n{text}")
    return commands


def first_tambon(export_csv: Path) -> str:
    with export_csv.open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh), None)
    check(row is not None and len(row.get("village_code", "")) == 8, f"{export_csv}: no village_code in row 1")
    return row["village_code"][:6]


def run_all(exe: Path, tmp: Path) -> dict:
    run = Runner(exe, frozen_env(tmp), tmp)
    db = tmp / "store.db"
    result: dict = {"problems": []}
    problems = result["problems"]

    commands = commands_in_help(run("help", "--help").stdout)
    for needed in ("gui", "demo", "info", "export", "audit"):
        check(needed in commands, f"--help does not list the '{needed}' command: {sorted(commands)}")

    run("demo", "demo", "--db", str(db), "--households", str(HOUSEHOLDS))
    check(db.exists(), f"demo made no store at {db}")
    check(not db.read_bytes()[:16].startswith(b"SQLite format 3"), "the store is not encrypted (plain SQLite header)")

    info = json.loads(run("info --json", "info", "--db", str(db), "--json").stdout)
    years = info.get("years") or {}
    check(len(years) == 1, f"info --json: expected one survey year, got {list(years)}")
    year = next(iter(years.values()))
    check(year.get("households") == HOUSEHOLDS, f"info --json: {year.get('households')} households, not {HOUSEHOLDS}")
    province = year["provinces_detail"][0]["code"]

    export_csv = tmp / "export.csv"
    run("export", "export", "--db", str(db), "--area", province, "--format", "csv", "--out", str(export_csv))
    tambon = first_tambon(export_csv)
    result["tambon"] = tambon

    # the import reads with pyarrow/pandas (CSV) and calamine (XLSX): both must be in the bundle
    members_csv = export_csv.with_name("export-members.csv")
    check(members_csv.exists(), f"export wrote no member file beside {export_csv}")
    run("import csv", "import", "--db", str(tmp / "from-csv.db"), str(export_csv), str(members_csv))
    export_xlsx = tmp / "export.xlsx"
    run("export xlsx", "export", "--db", str(db), "--area", province, "--format", "xlsx", "--out", str(export_xlsx))
    run("import xlsx", "import", "--db", str(tmp / "from-xlsx.db"), str(export_xlsx))
    for name in ("from-csv.db", "from-xlsx.db"):
        imported = json.loads(run(f"info {name}", "info", "--db", str(tmp / name), "--json").stdout)
        counts = [y.get("households") for y in (imported.get("years") or {}).values()]
        check(counts == [HOUSEHOLDS], f"{name}: imported {counts} households, not {HOUSEHOLDS}")

    shot = tmp / "shot.png"
    run("gui --screenshot", "gui", "--db", str(db), "--area", tambon, "--screenshot", str(shot))
    check(shot.exists(), f"gui --screenshot wrote nothing at {shot}")
    size = shot.stat().st_size
    dims = png_size(shot)
    expect(problems, size > MIN_PNG_BYTES, f"screenshot is only {size} bytes (an empty window?)")
    expect(problems, dims == SCREENSHOT_SIZE, f"screenshot is {dims[0]}x{dims[1]}, expected "
           f"{SCREENSHOT_SIZE[0]}x{SCREENSHOT_SIZE[1]} (is the window's minimum size larger?)")
    result["screenshot"] = {"path": str(shot), "bytes": size, "width": dims[0], "height": dims[1]}

    run("audit verify", "audit", "--db", str(db), "verify")

    if "report" in commands:
        pdf = tmp / "r.pdf"
        run("report pdf", "report", "indicators", "--db", str(db), "--area", tambon, "--format", "pdf",
            "--out", str(pdf))
        check(pdf.exists(), f"report wrote nothing at {pdf}")
        data = pdf.read_bytes()
        expect(problems, data.startswith(b"%PDF"), f"{pdf} does not start with %PDF")
        expect(problems, b"Sarabun" in data and b"/FontFile2" in data, f"{pdf} does not embed the Sarabun font")
        result["report_pdf_bytes"] = len(data)
    else:
        print("skip report pdf             (the bundle has no 'report' command yet)")
        result["report_pdf_bytes"] = None

    result["timings"] = {label: round(s, 1) for label, s in run.timings}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="Smoke test of the frozen BMN Field Desk bundle.")
    parser.add_argument("--exe", type=Path, default=default_exe(), help="the frozen executable (default: %(default)s)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="work in DIR and keep it (store, screenshot, PDF) instead of a temporary folder")
    args = parser.parse_args()
    args.exe = args.exe.resolve()
    if not args.exe.exists():
        print(f"FAIL: no frozen executable at {args.exe}; build it first (make bundle)", file=sys.stderr)
        return 2
    print(f"smoke test of {args.exe}")
    if args.keep:
        tmp, cleanup = args.keep.resolve(), None  # absolute: the app runs with this folder as its cwd
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="bmn-smoke-")
        tmp = Path(cleanup.name)
    started = time.monotonic()
    try:
        result = run_all(args.exe, tmp)
    except SmokeFailure as err:
        print(f"FAIL: {err}", file=sys.stderr)
        return 1
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    shot = result["screenshot"]
    if result["problems"]:
        print(f"FAIL: {len(result['problems'])} problem(s):", file=sys.stderr)
        for problem in result["problems"]:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"PASS in {time.monotonic() - started:.1f} s: tambon {result['tambon']}, screenshot "
          f"{shot['width']}x{shot['height']} {shot['bytes']:,} bytes"
          + (f", report PDF {result['report_pdf_bytes']:,} bytes" if result["report_pdf_bytes"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
