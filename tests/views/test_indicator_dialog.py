"""Loading an indicator set from the GUI: a bad file is explained, a good one re-evaluates."""

from __future__ import annotations

import json

from desktop.paths import indicators_dir


def _set_file(tmp_path, **changes):
    data = json.loads((indicators_dir() / "2566-2570.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "official.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_bad_file_is_explained_and_cannot_be_installed(qtbot, demo_store, runner, tmp_path):
    from desktop.views.indicator_dialog import IndicatorSetDialog

    dialog = IndicatorSetDialog(demo_store, runner)
    qtbot.addWidget(dialog)
    dialog.open_file(_set_file(tmp_path, categories=[]))
    assert not dialog.install_button.isEnabled()
    assert "category" in dialog.summary.toPlainText()


def test_good_file_installs_and_reports_changes(qtbot, demo_store, runner, tmp_path):
    from desktop.views.indicator_dialog import IndicatorSetDialog

    threshold = {str(y): 90_000 for y in range(2566, 2571)}
    dialog = IndicatorSetDialog(demo_store, runner)
    qtbot.addWidget(dialog)
    dialog.open_file(_set_file(tmp_path, income_threshold=threshold, provisional=False))
    assert dialog.install_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.install()
    assert "600" in dialog.result_text
    from desktop.models import surveys

    with demo_store.read() as conn:
        assert surveys.get(conn, 2567).indicator_set.threshold(2567) == 90_000
