"""Help → About: the version, the indicator sets the app ships, and the licences of what it bundles.

The licence notices are part of the distribution: Sarabun's OFL asks for its text to travel with the
font, GeoThai's CC-BY-4.0 for the credit, Qt's LGPLv3 for the notice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from desktop import APP_NAME, __version__, messages
from desktop.models import areas, indicators
from desktop.paths import fonts_dir
from desktop.views import screen_fit

SARABUN_NOTICE = "Sarabun © 2018 The Sarabun Project Authors (Cadson Demak) — SIL Open Font License 1.1"
# Other bundled components with a notice requirement (SPDX identifiers; names are not translated).
OTHER_COMPONENTS = (
    "Python (PSF-2.0)", "SQLCipher (BSD-3-Clause) and sqlcipher3 (Zlib)", "SQLAlchemy, Alembic, Mako (MIT)",
    "ReportLab (BSD-3-Clause)", "HarfBuzz (MIT) and uharfbuzz (Apache-2.0)", "PyThaiNLP (Apache-2.0)",
    "openpyxl, keyring, platformdirs (MIT)", "python-stdnum (LGPL-2.1-or-later)", "Pillow (MIT-CMU)",
    "cryptography (Apache-2.0 OR BSD-3-Clause)",
)


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))

        self.name_label = QLabel(f"<h2>{APP_NAME}</h2>")
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr("Review, correct, monitor and certify Basic Minimum Needs (BMN) "
                                 "household survey data, offline."))
        purpose.setWordWrap(True)

        self.indicator_label = QLabel(self._indicator_sets_text())
        self.indicator_label.setObjectName("aboutIndicatorSets")
        self.indicator_label.setWordWrap(True)
        sets_box = QGroupBox(self.tr("Indicator sets included"))
        QVBoxLayout(sets_box).addWidget(self.indicator_label)

        self.ofl_text = QPlainTextEdit(readOnly=True)
        self.ofl_text.setObjectName("aboutOflText")
        self.ofl_text.setPlainText(self._ofl_text())
        self.ofl_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.ofl_text.setMinimumHeight(160)
        self.geothai_label = QLabel(areas.GEOTHAI_CREDIT)
        self.geothai_label.setObjectName("aboutGeoThai")
        self.geothai_label.setWordWrap(True)
        self.qt_label = QLabel(self.tr("Qt %1 and Qt for Python (PySide6) %2: GNU Lesser General Public License "
                                       "v3 (LGPLv3). The Qt libraries are separate files in the program folder "
                                       "and can be replaced.").replace("%1", qVersion()).replace("%2", _pyside_version()))
        self.qt_label.setObjectName("aboutQt")
        self.qt_label.setWordWrap(True)
        self.others_label = QLabel(self.tr("Also included:") + " " + "; ".join(OTHER_COMPONENTS) + ".")
        self.others_label.setWordWrap(True)

        licences_box = QGroupBox(self.tr("Licences"))
        licences = QVBoxLayout(licences_box)
        licences.addWidget(QLabel(SARABUN_NOTICE, wordWrap=True))
        licences.addWidget(self.ofl_text, 1)
        licences.addWidget(self.geothai_label)
        licences.addWidget(self.qt_label)
        licences.addWidget(self.others_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.version_label)
        layout.addWidget(purpose)
        layout.addWidget(sets_box)
        layout.addWidget(licences_box, 1)
        layout.addWidget(buttons)
        screen_fit.fit(self, 640, 620)

    def _indicator_sets_text(self) -> str:
        english = messages.language() == "en"
        lines = []
        for period in indicators.bundled_periods():
            try:
                ind_set = indicators.bundled(period)
            except (indicators.IndicatorSetError, OSError, ValueError) as err:
                lines.append(self.tr("%1: cannot be read (%2)").replace("%1", period).replace("%2", str(err)))
                continue
            title = ind_set.title_en if english and ind_set.title_en else ind_set.title_th
            line = self.tr("%1: %2 (%3 indicators)").replace("%1", period).replace("%2", title).replace(
                "%3", str(len(ind_set.indicators)))
            draft = self.tr("Draft indicator set")
            if ind_set.provisional and not any(w in title.casefold() for w in (draft.casefold(), "draft")):
                # (the bundled titles already say ชุดตัวชี้วัดฉบับร่าง / "draft set": no need to repeat it)
                line += " — " + draft
            lines.append(line)
        return "\n".join(lines) or self.tr("No indicator set found in the program folder.")

    def _ofl_text(self) -> str:
        path = fonts_dir() / "OFL.txt"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return self.tr("The licence file is missing: %1").replace("%1", str(path))
