"""A `triggered`/`clicked`/`toggled` signal passes its `checked` flag to a slot that takes an argument: a slot
with an optional first parameter (`open_visit_dialog(visit=None)`) then receives `False` as that parameter.
This walks every connection in desktop/views and fails on such a slot connected directly."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop.views

VIEWS = Path(desktop.views.__file__).parent
FLAGGING = {"triggered", "clicked"}  # toggled is meant to carry the flag


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {f"{cls.name}.{fn.name}": fn for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
            for fn in cls.body if isinstance(fn, ast.FunctionDef)}


def _optional_first_parameter(fn: ast.FunctionDef) -> bool:
    """`def slot(self, x=None)`: meant to be called bare, so a signal's flag lands in `x`."""
    params = fn.args.posonlyargs + fn.args.args
    return len(params) > 1 and len(fn.args.defaults) >= len(params) - 1


def _slots(node: ast.AST, parents: dict) -> list[str]:
    """`self.x` connected directly, or every `self.x` of the loop that binds the connected name."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return [node.attr]
    if isinstance(node, ast.Name):
        up = parents.get(node)
        while up is not None:
            if isinstance(up, ast.For) and node.id in {n.id for n in ast.walk(up.target) if isinstance(n, ast.Name)}:
                return [a.attr for a in ast.walk(up.iter) if isinstance(a, ast.Attribute)
                        and isinstance(a.value, ast.Name) and a.value.id == "self"]
            up = parents.get(up)
    return []


def flawed_connections(folder: Path = VIEWS) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        methods = _methods(tree)
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "connect"
                    and isinstance(call.func.value, ast.Attribute) and call.func.value.attr in FLAGGING and call.args):
                continue
            cls = parents.get(call)
            while cls is not None and not isinstance(cls, ast.ClassDef):
                cls = parents.get(cls)
            for name in _slots(call.args[0], parents):
                fn = methods.get(f"{cls.name}.{name}") if cls is not None else None
                if fn is not None and _optional_first_parameter(fn):
                    found.append(f"{path.name}:{call.lineno} {cls.name}.{name}")
    return found


def test_no_clicked_or_triggered_signal_feeds_its_checked_flag_into_a_parameter():
    assert flawed_connections() == []


def test_the_check_finds_the_flaw_it_is_meant_to_find(tmp_path):
    (tmp_path / "bad.py").write_text(
        "class C:\n    def __init__(self, a):\n        a.triggered.connect(self.open)\n"
        "        for t, slot in (('x', self.other),):\n            a.clicked.connect(slot)\n"
        "    def open(self, visit=None):\n        pass\n    def other(self, code=None):\n        pass\n",
        encoding="utf-8")
    assert flawed_connections(tmp_path) == ["bad.py:3 C.open", "bad.py:5 C.other"]
