"""The Inno Setup script passes installers/check_windows.py, and the checker catches faults."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_windows", ROOT / "installers" / "check_windows.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


check_windows = _load_checker()
ISS = check_windows.DEFAULT_ISS


def test_shipped_script_has_no_problems():
    assert check_windows.check(ISS) == []


BREAKAGES = [
    ("PrivilegesRequired=lowest", "PrivilegesRequired=admin", "must be lowest"),
    ("DefaultDirName={autopf}", "DefaultDirName={commonpf}", "{commonpf} needs administrator"),
    (
        "icons\\planning-workbench.ico",
        "icons\\no-such-icon.ico",
        "SetupIconFile resources/icons/no-such-icon.ico does not exist",
    ),
    (
        'Source: "{#Bundle}\\_internal\\*"',
        'Source: "{#Bundle}\\no_such_folder\\*"',
        "dist/planning-workbench/no_such_folder does not exist",
    ),
    (
        '#define AppExe "planning-workbench.exe"',
        '#define AppExe "no-such.exe"',
        "dist/planning-workbench/no-such.exe does not exist",
    ),
    ("AppId={{", "AppId={", "is not a GUID"),
    ("AppVersion={#AppVersion}", "AppVersion=0.0.1", "does not use {#AppVersion}"),
    ("#error", "; error", "'#ifndef AppVersion' ... '#error' guard"),
    ("{autoprograms}", "{autodesktop}", "no Start-menu shortcut"),
    (
        "[Run]",
        '[Registry]\nRoot: HKLM; Subkey: "Software\\Planning"\n[Run]',
        "Root: HKLM needs administrator",
    ),
    (
        "[Run]",
        '[UninstallDelete]\nType: filesandordirs; Name: "{localappdata}\\PlanningWorkbench"\n[Run]',
        "outside the program folder",
    ),
    (
        'Filename: "{app}\\{#AppExe}"; WorkingDir',
        'Filename: "{app}\\missing.exe"; WorkingDir',
        "{app}\\missing.exe is not installed by [Files]",
    ),
    # System-context deployment (Intune, SCCM): /ALLUSERS and nothing in SYSTEM's profile.
    (
        "PrivilegesRequiredOverridesAllowed=commandline dialog",
        "PrivilegesRequiredOverridesAllowed=dialog",
        "/ALLUSERS (system-context deployment by Intune or SCCM) would be refused",
    ),
    (
        "DefaultDirName={autopf}",
        "DefaultDirName={localappdata}\\Programs",
        "is not a per-user folder",
    ),
    ('WorkingDir: "{app}"', 'WorkingDir: "{userdocs}"', "uses {userdocs}, the installing"),
    ("Pos('\\config\\systemprofile'", "Pos('\\profile'", "refuse a per-user install as SYSTEM"),
    ("if (not IsAdminInstallMode) and", "if", "refuse a per-user install as SYSTEM"),
    # Both executables of the bundle are installed.
    (
        'Source: "{#Bundle}\\{#ConsoleExe}"; DestDir: "{app}"; Flags: ignoreversion\n',
        "",
        "does not install workbench.exe",
    ),
    # Signing hooks, ready for the trust's certificate.
    ("SignedUninstaller=yes", "SignedUninstaller=no", "the uninstaller would be unsigned"),
    ("#ifdef SignTool", "; no ifdef", "must sit under '#ifdef SignTool'"),
    ("SignTool={#SignTool}", "; SignTool removed", "has no SignTool hook"),
    ("VersionInfoVersion={#AppVersion}", "VersionInfoVersion=1.0", "VersionInfoVersion does not"),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), BREAKAGES, ids=[expected for _, _, expected in BREAKAGES]
)
def test_checker_catches_a_broken_copy(old, new, expected):
    text = ISS.read_text(encoding="utf-8")
    assert old in text, "the shipped script changed: update this test"
    problems = check_windows.check_text(text.replace(old, new, 1), ISS.parent)
    assert any(expected in problem for problem in problems), problems


@pytest.fixture
def copied_layout(tmp_path):
    """The files the script refers to, copied to tmp_path (no dist/: nothing built there)."""
    for rel in (
        "pyproject.toml",
        "installers/planning-workbench.spec",
        "installers/windows/planning-workbench.iss",
        "resources/icons/planning-workbench.ico",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    iss = tmp_path / "installers" / "windows" / "planning-workbench.iss"
    spec = tmp_path / "installers" / "planning-workbench.spec"
    return tmp_path, iss, spec


def test_copied_layout_checks_files_on_disk(copied_layout):
    """A copy of the script passes in a copy of the layout, then fails once its icon goes."""
    root, iss, spec = copied_layout
    # The bundle's .exe and _internal/ are taken from the spec's one-folder layout.
    assert check_windows.check(iss, root=root, spec=spec) == []

    (root / "resources" / "icons" / "planning-workbench.ico").unlink()
    assert check_windows.check(iss, root=root, spec=spec) == [
        "SetupIconFile resources/icons/planning-workbench.ico does not exist"
    ]


def test_bundle_name_must_match_the_spec(copied_layout):
    root, iss, spec = copied_layout
    spec.write_text(spec.read_text().replace('NAME = "planning-workbench"', 'NAME = "workbench"'))
    problems = check_windows.check(iss, root=root, spec=spec)
    assert any(
        "dist/planning-workbench/planning-workbench.exe does not exist" in problem
        for problem in problems
    ), problems
    assert any(
        "dist/planning-workbench/_internal does not exist" in problem for problem in problems
    ), problems


def test_the_spec_must_build_two_executables_into_one_folder(copied_layout):
    """The windowed app and the console `workbench` share one _internal/ (one COLLECT)."""
    root, iss, spec = copied_layout
    assert check_windows.spec_layout(spec) == ("planning-workbench",
                                               ["planning-workbench", "workbench"])
    text = spec.read_text()
    breakages = {
        "COLLECT(app_exe, console_exe,": ("COLLECT(app_exe,", "console_exe is not in the one"),
        "console=True": ("console=False", "CONSOLE_NAME with console=True"),
        'CONSOLE_NAME = "workbench"': ('CONSOLE = "workbench"', "no CONSOLE_NAME"),
    }
    for old, (new, expected) in breakages.items():
        assert old in text, "the spec changed: update this test"
        spec.write_text(text.replace(old, new, 1))
        problems = check_windows.check(iss, root=root, spec=spec)
        assert any(expected in problem for problem in problems), (old, problems)
    spec.write_text(text.replace('CONSOLE_NAME = "workbench"', 'CONSOLE_NAME = "wb"'))
    problems = check_windows.check(iss, root=root, spec=spec)
    assert any("dist/planning-workbench/workbench.exe does not exist" in p for p in problems)
    assert any("does not install wb.exe" in p for p in problems), problems
