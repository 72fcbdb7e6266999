#!/usr/bin/env python3
"""Build the one-folder bundle and its archive: dist/bmn-field-desk/ and dist/bmn-field-desk-<version>-<os>.tar.gz
(.zip on Windows). Prints the build time and sizes, and keeps them in dist/build-info.json.

    python packaging/build.py            # from the repository root, in the venv with requirements-build.txt
    python packaging/build.py --no-archive
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "bmn_field_desk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "bmn-field-desk"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    return __version__


def archive(folder: Path, base: Path) -> Path:
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))
    target = base.with_name(base.name + ".tar.gz")
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args()

    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    print("$", " ".join(cmd), flush=True)
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        print("packaging: PyInstaller failed (see above)", file=sys.stderr)
        return 1
    build_s = time.monotonic() - started
    folder = DIST / APP
    info = {
        "version": version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "build_seconds": round(build_s, 1),
        "folder": str(folder.relative_to(ROOT)),
        "folder_bytes": folder_size(folder),
        "files": sum(1 for p in folder.rglob("*") if p.is_file()),
    }
    if not args.no_archive:
        started = time.monotonic()
        osname = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
        packed = archive(folder, DIST / f"{APP}-{info['version']}-{osname}-{platform.machine().lower()}")
        info["archive"] = str(packed.relative_to(ROOT))
        info["archive_bytes"] = packed.stat().st_size
        info["archive_seconds"] = round(time.monotonic() - started, 1)
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    print(f"built {info['folder']} in {info['build_seconds']} s: {mib(info['folder_bytes'])}, {info['files']} files")
    if "archive" in info:
        print(f"archive {info['archive']}: {mib(info['archive_bytes'])} ({info['archive_seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
