"""Every preference the window keeps between runs, declared once here (Picard's options.py): key, type, default.

Stored with QSettings in the user's config folder (an INI file named after APP_ID). Nothing personal is kept
here: area codes, a year, window geometry, a folder and switches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_ID


def store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID)


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: Any
    doc: str

    def get(self) -> Any:
        value = store().value(self.key, self.default, type=self.kind)
        return self.default if value is None else value

    def set(self, value: Any) -> None:
        store().setValue(self.key, value)


LANGUAGE = Setting("language", str, "", "th or en; empty: BMN_LANG, else Thai")
REPORT_THAI_DIGITS = Setting("reports/thai_digits", bool, False, "Thai digits in rendered report PDFs")
REPORT_FOLDER = Setting("reports/folder", str, "", "the folder the last report file was saved in")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "QMainWindow.saveGeometry()")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "QMainWindow.saveState()")
WINDOW_SPLITTER = Setting("window/splitter", QByteArray, QByteArray(), "tree | table | detail splitter")
LAST_AREA = Setting("window/area", str, "", "the area code shown when the window closed")
LAST_YEAR = Setting("window/year", int, 0, "the survey year (B.E.) shown when the window closed")

ALL = (LANGUAGE, REPORT_THAI_DIGITS, REPORT_FOLDER, WINDOW_GEOMETRY, WINDOW_STATE, WINDOW_SPLITTER, LAST_AREA,
       LAST_YEAR)
