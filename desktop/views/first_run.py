"""First run (no store file yet): passphrase → officer profile → demo province or national files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWizard, QWidget

from desktop.models import db, keys, lookups, meta
from desktop.views import labels
from desktop.views.async_page import AsyncPage
from desktop.views.first_run_data import DataPage

DEFAULT_PROVINCE = "52"  # the demo province (Lampang)


def keyring_probe() -> bool:
    """Whether an OS keyring seems usable (the real answer is keys.remember's, after the store exists)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        return bool(getattr(backend, "backends", True))
    except Exception:  # noqa: BLE001 - no keyring at all
        return False


class PassphrasePage(AsyncPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Protect the store with a passphrase"))
        self.setSubTitle(self.tr("The household data are encrypted on this computer. Choose a passphrase of at "
                                 "least %1 characters and keep it safe: without it the data cannot be opened.")
                         .replace("%1", str(db.MIN_PASSPHRASE)))
        self.first = QLineEdit(self)
        self.first.setObjectName("passphrase1")
        self.second = QLineEdit(self)
        self.second.setObjectName("passphrase2")
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._changed)
        self.hint = QLabel(self)
        self.hint.setObjectName("passphraseHint")
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        form.addRow("", self.hint)
        form.addRow("", self.keyring_note)
        self.setCommitPage(True)
        self.kept_in_keyring: bool | None = None
        self.show_keyring_note(keyring_probe())
        self._changed()

    def show_keyring_note(self, available: bool) -> None:
        if available:
            self.keyring_note.setText(self.tr("The passphrase will be kept in this computer's keyring, "
                                              "so you will not have to type it at every start."))
        else:
            self.keyring_note.setText(self.tr("This computer has no keyring: the passphrase will be asked "
                                              "at every start."))

    def ready(self) -> bool:
        a, b = self.first.text(), self.second.text()
        return len(a) >= db.MIN_PASSPHRASE and a == b

    def _changed(self) -> None:
        a, b = self.first.text(), self.second.text()
        if len(a) < db.MIN_PASSPHRASE:
            self.hint.setText(self.tr("At least %1 characters.").replace("%1", str(db.MIN_PASSPHRASE)))
        elif a != b:
            self.hint.setText(self.tr("The two passphrases differ."))
        else:
            self.hint.setText(self.tr("OK."))
        self.completeChanged.emit()

    def start_job(self, on_done, on_error, on_cancel) -> None:
        wizard: FirstRunWizard = self.wizard()
        path, passphrase = wizard.path, self.first.text()

        def job(progress, cancel):
            return db.open_store(path, passphrase, create=True)

        def created(store):
            wizard.store = store
            self.kept_in_keyring = keys.remember(path, passphrase)
            self.show_keyring_note(self.kept_in_keyring)
            on_done(store)

        wizard.runner.write(job, title=self.tr("Creating the encrypted store…"), on_done=created,
                            on_error=on_error, on_cancel=on_cancel)


class ProfilePage(AsyncPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Who are you?"))
        self.setSubTitle(self.tr("Your name and level go into the audit log with everything you change."))
        self.name = QLineEdit(self)
        self.name.setObjectName("officerName")
        self.position = QLineEdit(self)
        self.position.setObjectName("officerPosition")
        self.level = QComboBox(self)
        self.level.setObjectName("officerLevel")
        for code, name in labels.level_names().items():
            self.level.addItem(name, code)
        self.province = QComboBox(self)
        self.province.setObjectName("officerProvince")
        self.district = QComboBox(self)
        self.district.setObjectName("officerDistrict")
        self.tambon = QComboBox(self)
        self.tambon.setObjectName("officerTambon")
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("P&osition:"), self.position)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("P&rovince:"), self.province)
        form.addRow(self.tr("&District:"), self.district)
        form.addRow(self.tr("&Tambon:"), self.tambon)
        self.name.textChanged.connect(self.completeChanged)
        self.province.currentIndexChanged.connect(self._province_changed)
        self.district.currentIndexChanged.connect(self._district_changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if self.province.count():
            return
        wizard: FirstRunWizard = self.wizard()
        with wizard.store.read() as conn:
            provinces = lookups.provinces(conn)
        self.province.blockSignals(True)
        for choice in provinces:
            self.province.addItem(f"{choice.name(wizard.lang)} ({choice.code})", choice.code)
        self.province.setCurrentIndex(max(self.province.findData(DEFAULT_PROVINCE), 0))
        self.province.blockSignals(False)
        self._province_changed()

    def _province_changed(self, *_args) -> None:
        self._fill(self.district, self.province.currentData(), self.tr("— whole province —"))

    def _district_changed(self, *_args) -> None:
        self._fill(self.tambon, self.district.currentData(), self.tr("— whole district —"))

    def _fill(self, combo: QComboBox, parent_code: str | None, whole: str) -> None:
        wizard: FirstRunWizard = self.wizard()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(whole, None)
        if parent_code and wizard is not None and wizard.store is not None:
            with wizard.store.read() as conn:
                for choice in lookups.areas_under(conn, parent_code):
                    combo.addItem(f"{choice.name(wizard.lang)} ({choice.code})", choice.code)
        combo.blockSignals(False)
        if combo is self.district:
            self._district_changed()

    def ready(self) -> bool:
        return bool(self.name.text().strip())

    def officer(self) -> meta.Officer:
        area = self.tambon.currentData() or self.district.currentData() or self.province.currentData() or ""
        return meta.Officer(self.name.text().strip(), self.position.text().strip(), self.level.currentData(), area)

    def start_job(self, on_done, on_error, on_cancel) -> None:
        wizard: FirstRunWizard = self.wizard()
        profile, store = self.officer(), wizard.store

        def job(progress, cancel):
            with store.begin() as conn:
                meta.set_officer(conn, profile)
            return profile

        wizard.runner.write(job, title=self.tr("Saving the profile…"), on_done=on_done, on_error=on_error,
                            on_cancel=on_cancel)


class FirstRunWizard(QWizard):
    """On Finish, `store` is open and holds data; `demo_households` sizes the demo (None: demo default)."""

    def __init__(self, path: Path, runner, *, lang: str = "th", demo_households: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.path = Path(path)
        self.runner = runner
        self.lang = lang
        self.demo_households = demo_households
        self.store: db.Store | None = None
        self.setWindowTitle(self.tr("BMN Field Desk: first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create store"))
        self.passphrase_page = PassphrasePage(self)
        self.profile_page = ProfilePage(self)
        self.data_page = DataPage(self)
        for page in (self.passphrase_page, self.profile_page, self.data_page):
            self.addPage(page)
        self.setMinimumSize(640, 460)
        runner.parent_widget = self
