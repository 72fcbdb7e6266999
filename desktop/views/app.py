"""The QApplication: bundled Sarabun font, Thai translation (default) or English, settings.

Thai glyphs only render when the app loads its own font (stack-notes §4), so every entry point that
shows a window goes through `make_app`.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, messages
from desktop.paths import fonts_dir, resources_dir
from desktop.views import settings

LANGUAGES = ("th", "en")
FONT_FAMILY = "Sarabun"
FONT_SIZE = 10

_translators: list[QTranslator] = []
# Qt's own dialogs and buttons (file and print dialogs, OK/Cancel, text menus): PySide6 ships no Thai, so
# resources/i18n/qt_th.ts holds the strings the app shows (sources checked against Qt's own catalogue).
CATALOGUES = ("bmn_th.qm", "qt_th.qm")
_fonts_loaded = False


def saved_language() -> str | None:
    value = settings.LANGUAGE.get()
    return value if value in LANGUAGES else None


def save_language(lang: str) -> None:
    settings.LANGUAGE.set(lang if lang in LANGUAGES else "th")


def choose_language(requested: str | None) -> str:
    """--lang wins, then the saved setting, then BMN_LANG, then Thai."""
    for lang in (requested, saved_language(), os.environ.get("BMN_LANG")):
        if lang in LANGUAGES:
            return lang
    return "th"


def load_fonts() -> None:
    global _fonts_loaded
    if _fonts_loaded:
        return
    for font_file in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))
    _fonts_loaded = True


def install_language(lang: str) -> None:
    """Thai: load the app's and Qt's Thai catalogues; English: the source strings. Also sets core messages."""
    app = QCoreApplication.instance()
    while _translators:
        app.removeTranslator(_translators.pop())
    messages.set_language(lang)
    if lang == "th":
        for name in CATALOGUES:
            translator = QTranslator(app)
            if translator.load(str(resources_dir() / "i18n" / name)):
                app.installTranslator(translator)
                _translators.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def current_language() -> str:
    return messages.language()


def make_app(lang: str | None = None, argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists, as under pytest-qt), ready for Thai."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    load_fonts()
    app.setFont(QFont(FONT_FAMILY, FONT_SIZE))
    install_language(choose_language(lang))
    return app
