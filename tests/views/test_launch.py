"""`main.py gui --screenshot` renders a PNG; --lang en gives English; settings pick the language."""

from __future__ import annotations

import argparse

from PySide6.QtGui import QImage

from desktop.cli import gui
from desktop.views import app


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    gui.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["gui", *argv])


def test_screenshot_writes_png_of_the_window(qtbot, demo_path, env_passphrase, tmp_path, thai_app):
    target = tmp_path / "shots" / "main.png"
    args = parse(["--db", str(demo_path), "--area", "5201", "--screenshot", str(target)])
    assert args.run(args) == 0
    assert target.stat().st_size > 10_000
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1366, 768)  # a household selected: still fits the laptop


def test_screenshot_without_store_fails_cleanly(tmp_path, env_passphrase, thai_app, capsys):
    args = parse(["--db", str(tmp_path / "none.db"), "--screenshot", str(tmp_path / "x.png")])
    assert args.run(args) == 1
    assert "ไม่พบฐานข้อมูล" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_lang_option_is_not_clobbered_by_the_subcommand():
    assert not hasattr(parse([]), "lang")
    assert parse(["--lang", "en"]).lang == "en"


def test_language_choice_order(monkeypatch, thai_app):
    monkeypatch.setattr(app, "saved_language", lambda: "en")
    monkeypatch.delenv("BMN_LANG", raising=False)
    assert app.choose_language(None) == "en"
    assert app.choose_language("th") == "th"
    monkeypatch.setattr(app, "saved_language", lambda: None)
    assert app.choose_language(None) == "th"
    monkeypatch.setenv("BMN_LANG", "en")
    assert app.choose_language(None) == "en"


def test_english_screenshot_run(qtbot, demo_path, env_passphrase, tmp_path, thai_app):
    from desktop.views import launch

    target = tmp_path / "en.png"
    assert launch.start(demo_path, area="52", screenshot=target, lang="en") == 0
    assert app.current_language() == "en"
    assert target.exists()
    app.make_app("th")
