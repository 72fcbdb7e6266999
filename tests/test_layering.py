"""Imports point down (DESIGN.md §2): every `import` in desktop/, province/ and main.py is read with `ast`, those
inside functions and `if TYPE_CHECKING:` blocks included (and importlib.import_module("...") with a literal name),
and checked against the layers.

    views / cli            may import anything below them
    certify                certification: report figures + fingerprints + corrections (above reports and sync)
    reports, sync          sync does not import reports; neither imports views, cli or certify
    importers              imports no views, cli or certify
    models                 imports no sibling package
and Qt (PySide6, shiboken6) only in desktop/views.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")

# package -> packages it must never import (inside functions too)
FORBIDDEN = {
    "desktop.models": ("desktop.sync", "desktop.reports", "desktop.importers", "desktop.views", "desktop.cli",
                       "desktop.certify"),
    "desktop.sync": ("desktop.reports", "desktop.views", "desktop.cli", "desktop.certify"),
    "desktop.reports": ("desktop.views", "desktop.cli", "desktop.certify"),
    "desktop.importers": ("desktop.views", "desktop.cli", "desktop.certify"),
    "desktop.certify": ("desktop.views", "desktop.cli"),
    "province": ("desktop.views", "desktop.cli"),
}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, dotted module name) of every import in a file, wherever it stands; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            out.append((node.lineno, base))
            out.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)  # `from desktop import sync`
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            out.append((node.lineno, node.args[0].value))
    return out


def _is_dynamic_import(node: ast.Call) -> bool:
    """importlib.import_module("desktop....") / __import__("...") with a literal name."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return (name in ("import_module", "__import__", "find_spec") and bool(node.args)
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _sources() -> list[Path]:
    files = [*sorted((ROOT / "desktop").rglob("*.py")), *sorted((ROOT / "province").rglob("*.py")), ROOT / "main.py"]
    assert len(files) > 100, "the walk must see the packages"
    return files


def layering_violations(files: list[Path], root: Path = ROOT) -> list[str]:
    problems = []
    for path in files:
        module = _module_name(path, root)
        rel = path.relative_to(root)
        for line, name in imported_names(path, root):
            if name.split(".")[0] in QT and not _within(module, "desktop.views"):
                problems.append(f"{rel}:{line}: Qt ({name}) outside desktop/views")
            for package, banned in FORBIDDEN.items():
                if _within(module, package):
                    problems.extend(f"{rel}:{line}: {package} imports {b}" for b in banned if _within(name, b))
    return list(dict.fromkeys(problems))  # `from desktop.sync import wire` is one problem, not two


def test_imports_point_down():
    problems = layering_violations(_sources())
    assert not problems, "imports that point up (DESIGN.md §2):\n" + "\n".join(problems)


@pytest.mark.parametrize(("package", "source", "expected"), [
    ("desktop/models", "def f():\n    from desktop.sync import outbox\n", "desktop.models imports desktop.sync"),
    ("desktop/models", "from .. import reports\n", "desktop.models imports desktop.reports"),
    ("desktop/models", "import importlib\nimportlib.import_module('desktop.views.app')\n",
     "desktop.models imports desktop.views"),
    ("desktop/sync", "class A:\n    def f(self):\n        import desktop.reports.builders\n",
     "desktop.sync imports desktop.reports"),
    ("desktop/reports", "from desktop.certify import certification\n", "desktop.reports imports desktop.certify"),
    ("desktop/importers", "try:\n    from PySide6 import QtCore\nexcept Exception:\n    pass\n", "Qt (PySide6)"),
    ("province", "from desktop.views import app\n", "province imports desktop.views"),
])
def test_the_walk_catches_upward_imports_wherever_they_stand(tmp_path, package, source, expected):
    """The checker itself: a planted upward import is reported (so the real test cannot pass by seeing nothing)."""
    planted = tmp_path / package / "planted.py"
    planted.parent.mkdir(parents=True)
    planted.write_text(source, encoding="utf-8")
    problems = layering_violations([planted], tmp_path)
    assert any(expected in p for p in problems), problems


def test_qt_is_allowed_in_views(tmp_path):
    view = tmp_path / "desktop" / "views" / "w.py"
    view.parent.mkdir(parents=True)
    view.write_text("from PySide6.QtWidgets import QWidget\nfrom desktop.certify import certification\n")
    assert layering_violations([view], tmp_path) == []


def import_error_guards(files: list[Path], root: Path = ROOT) -> list[str]:
    """`except ImportError` (or ModuleNotFoundError) handlers: the project's own modules and its pinned
    dependencies are never optional, so such a guard can only hide a bug (it hid stale report summaries)."""
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                if any(getattr(n, "id", getattr(n, "attr", "")) in ("ImportError", "ModuleNotFoundError")
                       for n in names):
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_import_is_treated_as_optional():
    guards = import_error_guards(_sources())
    assert not guards, "except ImportError hides bugs:\n" + "\n".join(guards)


def test_the_guard_check_sees_a_guard(tmp_path):
    planted = tmp_path / "m.py"
    planted.write_text("try:\n    import x\nexcept (OSError, ModuleNotFoundError):\n    x = None\n")
    assert import_error_guards([planted], tmp_path) == ["m.py:3"]
