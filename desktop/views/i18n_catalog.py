"""Keeping resources/i18n/bmn_th.ts in step with the views' strings.

pyside6-lupdate does not see through the small module-level `tr()` helpers
(`QCoreApplication.translate("Labels", text)`), so this reads the sources with `ast`: `self.tr("…")`
takes the enclosing class as context, `tr("…")` the context its module's helper passes.

    python -m desktop.views.i18n_catalog          # rewrite the .ts, keeping translations; list missing ones
    pyside6-lrelease resources/i18n/bmn_th.ts -qm resources/i18n/bmn_th.qm
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.paths import resources_dir

VIEWS_DIR = Path(__file__).resolve().parent
TS_FILE = resources_dir() / "i18n" / "bmn_th.ts"


def _module_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" and call.args:
                    first = call.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        return first.value
    return None


def _strings_in(tree: ast.Module) -> list[tuple[str, str]]:
    module_ctx = _module_context(tree)
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and child.args and isinstance(child.args[0], ast.Constant):
                text = child.args[0].value
                func = child.func
                if isinstance(text, str):
                    if isinstance(func, ast.Attribute) and func.attr == "tr" and cls:
                        found.append((cls, text))
                    elif isinstance(func, ast.Name) and func.id == "tr" and module_ctx:
                        found.append((module_ctx, text))
            visit(child, cls)

    visit(tree, None)
    return found


def extract(paths: list[Path] | None = None) -> dict[str, list[str]]:
    """{context: [source, ...]} in order of first appearance."""
    catalog: dict[str, list[str]] = {}
    for path in paths or sorted(VIEWS_DIR.glob("*.py")):
        for context, text in _strings_in(ast.parse(path.read_text(encoding="utf-8"))):
            bucket = catalog.setdefault(context, [])
            if text not in bucket:
                bucket.append(text)
    return catalog


def read_ts(path: Path = TS_FILE) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") not in ("unfinished", "obsolete"):
                out[(name, message.findtext("source") or "")] = translation.text
    return out


def write_ts(catalog: dict[str, list[str]], translations: dict[tuple[str, str], str], path: Path = TS_FILE) -> list:
    """Write the .ts; returns the (context, source) pairs that have no translation yet."""
    root = ET.Element("TS", version="2.1", language="th_TH", sourcelanguage="en_US")
    missing = []
    for context in sorted(catalog):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in catalog[context]:
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = translations.get((context, source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing.append((context, source))
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def read_pending(folder: Path = TS_FILE.parent / "pending") -> dict[tuple[str, str], str]:
    """Translations written beside the catalogue as `context<TAB>source<TAB>Thai` lines (one file per
    feature, so that parallel work does not edit one .ts); merged into the .ts by main()."""
    out = {}
    for path in sorted(folder.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and all(parts):
                out[(parts[0], parts[1])] = parts[2]
    return out


def main() -> int:
    missing = write_ts(extract(), {**read_pending(), **read_ts()})
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
