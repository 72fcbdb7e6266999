"""A wizard page whose Next/Finish runs a job in the runner and moves on only when it succeeded.

QWizard validates synchronously; here validatePage() starts the job and returns False, and the job's
success marks the page done and presses Next (or Finish) again. While it runs the buttons are off.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWizard, QWizardPage


class AsyncPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.running = False
        self.done_ok = False

    # subclasses: start_job(on_done, on_error, on_cancel) and ready() (fields are valid)
    def start_job(self, on_done, on_error, on_cancel) -> None:
        on_done(None)

    def ready(self) -> bool:
        return True

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.running and self.ready()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.done_ok:
            self.done_ok = False  # coming back to this page later runs the job again
            return True
        if self.running:
            return False
        self._set_running(True)
        self.start_job(self._succeeded, self._failed, self._cancelled)
        return False

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
                button = wizard.button(which)
                if button is not None:
                    button.setEnabled(not running)

    def _succeeded(self, _result=None) -> None:
        self._set_running(False)
        self.done_ok = True
        wizard = self.wizard()
        if wizard.currentPage() is self:
            if wizard.nextId() == -1:
                wizard.accept()
            else:
                wizard.next()

    def _failed(self, err: BaseException) -> bool:
        """Runner error hook: False lets the runner show its error box."""
        self._set_running(False)
        return False

    def _cancelled(self) -> None:
        self._set_running(False)
