"""Opening the window loads no library that only some actions need (start-up time on an office laptop):
the sync client (httpx), the XLSX writer (openpyxl), the PDF writer (reportlab), slides and dataframes."""

from __future__ import annotations

import subprocess
import sys

LATER = ("httpx", "openpyxl", "reportlab", "pptx", "pandas", "pyarrow", "desktop.sync.client")


def test_the_window_module_loads_none_of_the_libraries_used_only_by_actions():
    code = ("import sys, desktop.views.main_window; "
            f"print(','.join(m for m in {LATER!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
