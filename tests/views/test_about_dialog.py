"""Help → About: version, the bundled indicator sets, and the licence notices the bundle must carry."""

from __future__ import annotations

from desktop import __version__
from desktop.models import areas
from desktop.paths import fonts_dir


def _dialog(qtbot):
    from desktop.views.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_the_version(qtbot, thai_app):
    dialog = _dialog(qtbot)
    assert __version__ in dialog.version_label.text()
    assert "BMN Field Desk" in dialog.windowTitle()


def test_full_sarabun_ofl_text_is_present(qtbot, thai_app):
    dialog = _dialog(qtbot)
    text = dialog.ofl_text.toPlainText()
    assert text == (fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Sarabun Project Authors" in text
    assert dialog.ofl_text.isReadOnly()


def test_geothai_credit_and_qt_licence_are_present(qtbot, thai_app):
    dialog = _dialog(qtbot)
    assert dialog.geothai_label.text() == areas.GEOTHAI_CREDIT
    assert "Pongsakorn Thipayanate" in dialog.geothai_label.text()
    assert "CC-BY-4.0" in dialog.geothai_label.text()
    assert "LGPL" in dialog.qt_label.text()


def test_lists_bundled_indicator_sets_and_marks_the_draft(qtbot, thai_app):
    from desktop.models import indicators

    dialog = _dialog(qtbot)
    text = dialog.indicator_label.text()
    for period in indicators.bundled_periods():
        assert period in text
        assert indicators.bundled(period).title_th in text
    assert any(indicators.bundled(p).provisional for p in indicators.bundled_periods())
    assert dialog.tr("Draft indicator set") in text
