"""The Windows version resource carries pyproject's version (IT's file-version detection)."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "installers" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


version_info = _load("version_info")
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


class _Node:
    """Stands in for PyInstaller's versioninfo classes: records what the file passes."""

    def __init__(self, kind: str, *args, **kwargs) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs


def read_resource(text: str) -> tuple[tuple[int, ...], tuple[int, ...], dict[str, str], list]:
    """Evaluate the file as PyInstaller does (one Python expression of its classes), with
    recording stand-ins; returns filevers, prodvers, the string table and the translation."""
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")
    namespace = {name: (lambda *a, _n=name, **k: _Node(_n, *a, **k)) for name in names}
    tree = ast.parse(text, mode="eval")  # a single expression, nothing else
    root = eval(compile(tree, "version", "eval"), {"__builtins__": {}}, namespace)  # noqa: S307
    assert root.kind == "VSVersionInfo"
    ffi = root.kwargs["ffi"]
    string_file, var_file = root.kwargs["kids"]
    (table,) = string_file.args[0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    (translation,) = var_file.args[0]
    return ffi.kwargs["filevers"], ffi.kwargs["prodvers"], strings, translation.args[1]


def test_resource_carries_the_pyproject_version():
    text = version_info.version_file_text(PYPROJECT_VERSION, exe_name="workbench",
                                          description="Planning Workbench (command line)")
    filevers, prodvers, strings, translation = read_resource(text)
    numbers = tuple(int(n) for n in re.findall(r"\d+", PYPROJECT_VERSION)[:4])
    assert filevers == prodvers == (numbers + (0, 0, 0, 0))[:4]
    assert strings["ProductVersion"] == PYPROJECT_VERSION
    assert strings["FileVersion"] == ".".join(map(str, filevers))
    assert strings["OriginalFilename"] == "workbench.exe"
    assert strings["ProductName"] == "Planning Workbench"
    assert translation == [0x0809, 1200]


def test_written_file_follows_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "2.14.3"\n')
    out = version_info.write_version_file(tmp_path / "v" / "app.txt", exe_name="app",
                                          description="App", root=tmp_path)
    filevers, _prodvers, strings, _ = read_resource(out.read_text(encoding="utf-8"))
    assert filevers == (2, 14, 3, 0)
    assert strings["FileVersion"] == "2.14.3.0" and strings["ProductVersion"] == "2.14.3"


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", (0, 1, 0, 0)), ("1", (1, 0, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)),
    ("1.2.3rc1", (1, 2, 3, 0)), ("2024.11.5.post1", (2024, 11, 5, 0)),
])
def test_version_tuple(version, expected):
    assert version_info.version_tuple(version) == expected


@pytest.mark.parametrize("version", ["dev", "1.70000"])
def test_version_tuple_refuses_what_windows_cannot_hold(version):
    with pytest.raises(ValueError):
        version_info.version_tuple(version)


def test_the_spec_passes_the_generated_file_to_both_executables():
    spec = (ROOT / "installers" / "planning-workbench.spec").read_text()
    assert "from version_info import write_version_file" in spec
    assert "version=str(version_file) if windows else None" in spec
    assert spec.count("executable(") == 3  # the helper and its two uses
