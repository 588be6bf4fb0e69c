"""The installer's bundle leaves out modules the app never imports; one it does import
(even lazily, inside a function) must not be among them, or the installed app fails where
the tests, run from source, pass (QtPrintSupport was excluded while the board paper
printed through it)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installers" / "planning-workbench.spec"


def spec_excludes() -> set[str]:
    """Every name in the spec's `excludes=[...]`, with QT_EXCLUDES expanded."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    lists: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.List)
                and isinstance(node.targets[0], ast.Name)):
            lists[node.targets[0].id] = [e.value for e in node.value.elts
                                         if isinstance(e, ast.Constant)]
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "excludes":
            names: set[str] = set()
            for element in node.value.elts:
                if isinstance(element, ast.Constant):
                    names.add(element.value)
                elif isinstance(element, ast.Starred):
                    names.update(lists[element.value.id])
            return names
    raise AssertionError("the spec has no excludes=[...]")


def imported_modules() -> dict[str, str]:
    """Module -> the first file importing it, over every workbench module, imports inside
    functions included."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "workbench").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_spec_excludes_what_it_should():
    excludes = spec_excludes()
    assert {"PySide6.QtNetwork", "tkinter", "pytest"} <= excludes


def test_no_module_the_app_imports_is_left_out_of_the_bundle():
    excludes = spec_excludes()
    clashes = {module: where for module, where in imported_modules().items()
               if any(module == ex or module.startswith(ex + ".") for ex in excludes)}
    assert clashes == {}, f"imported by the app but excluded from the bundle: {clashes}"


def test_the_check_would_see_a_lazy_import():
    """The walk finds imports inside functions (the board dialog imports late)."""
    assert "PySide6.QtPrintSupport" in imported_modules()
