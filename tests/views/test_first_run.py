"""First start: the wizard (passphrase, profile, small demo) ends in a main window with a tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.models import keys, meta
from desktop.views.first_run import FirstRunWizard
from desktop.views.main_window import MainWindow
from tests.views import close_message_boxes


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wizard_creates_store_profile_and_demo_then_main_window(qtbot, tmp_path, runner, memory_keyring):
    path = tmp_path / "new.db"
    wizard = FirstRunWizard(path, runner, demo_households=150)
    qtbot.addWidget(wizard)
    wizard.show()
    page1 = wizard.passphrase_page
    assert "keyring" in page1.keyring_note.text()
    qtbot.keyClicks(page1.first, "short")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "8" in page1.hint.text()
    page1.first.clear()
    qtbot.keyClicks(page1.first, "good-passphrase")
    qtbot.keyClicks(page1.second, "good-passphrasX")
    assert page1.hint.text() == "รหัสผ่านทั้งสองช่องไม่ตรงกัน"
    page1.second.clear()
    qtbot.keyClicks(page1.second, "good-passphrase")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.profile_page, timeout=10_000)
    assert path.exists() and wizard.store is not None
    assert page1.kept_in_keyring is True
    assert keys.from_keyring(path) == "good-passphrase"

    page2 = wizard.profile_page
    assert page2.province.currentData() == "52"
    assert page2.district.count() > 1
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a name is needed
    page2.name.setText("สมชาย ตั้งใจ")  # QTest.keyClicks types ASCII only
    page2.position.setText("พัฒนากร")
    page2.level.setCurrentIndex(page2.level.findData("tambon"))
    page2.district.setCurrentIndex(1)
    page2.tambon.setCurrentIndex(1)
    tambon = page2.tambon.currentData()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.data_page, timeout=10_000)

    page3 = wizard.data_page
    assert page3.demo_choice.isChecked()
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    store = wizard.store
    with store.read() as conn:
        officer = meta.officer(conn)
    assert officer == meta.Officer("สมชาย ตั้งใจ", "พัฒนากร", "tambon", tambon)

    window = MainWindow(store, runner, "th")
    qtbot.addWidget(window)
    window.open()
    tree = window.area_panel.tree
    assert tree.label_of("52") == "ลำปาง (150)"
    assert window.area_code  # opened on the officer's tambon, or the first area when the demo has none there
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    runner.wait()
    close_message_boxes()
    store.close()


def test_wizard_without_keyring_says_it_will_ask(qtbot, tmp_path, runner, monkeypatch):
    monkeypatch.setattr(keys, "remember", lambda path, passphrase: False)
    wizard = FirstRunWizard(tmp_path / "k.db", runner)
    qtbot.addWidget(wizard)
    wizard.show()
    page1 = wizard.passphrase_page
    page1.show_keyring_note(False)
    assert "ทุกครั้ง" in page1.keyring_note.text()
    qtbot.keyClicks(page1.first, "another-pass")
    qtbot.keyClicks(page1.second, "another-pass")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.profile_page, timeout=10_000)
    assert page1.kept_in_keyring is False
    assert "ทุกครั้ง" in page1.keyring_note.text()
    wizard.store.close()


def test_import_with_problems_shows_them_and_stays(qtbot, tmp_path, runner):
    from desktop.models import db
    from tests.conftest import PASSPHRASE

    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    wizard = FirstRunWizard(tmp_path / "i.db", runner)
    qtbot.addWidget(wizard)
    wizard.store = db.open_store(tmp_path / "i.db", PASSPHRASE, create=True)
    wizard.setStartId(2)  # the page flow is exercised above; start on the data page
    wizard.show()
    page = wizard.data_page
    assert wizard.currentPage() is page
    page.import_choice.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # no files yet
    page.set_files([bad])
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: page.problems.isVisible(), timeout=10_000)
    assert page.problems.rowCount() >= 1
    assert "bad.csv" in [page.problems.item(r, 0).text() for r in range(page.problems.rowCount())]
    assert "ยังไม่ได้นำเข้า" in page.result_label.text()
    assert wizard.isVisible() and wizard.currentPage() is page
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.store.close()
