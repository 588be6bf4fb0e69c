"""The Windows version resource of the bundle's executables, from pyproject.toml.

    python installers/version_info.py [OUT.txt]     # prints or writes the resource text

The PyInstaller spec writes one file per executable with `version_file_text` and passes it
as `EXE(version=...)`, so Explorer's Details tab, `(Get-Item x.exe).VersionInfo` and the
file-version detection rules of Intune and SCCM see the version in pyproject.toml
(FileVersion 0.1.0.0 for 0.1.0). Standard library only: the spec and the tests import it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = "Planning Workbench"
COMPANY = "Planning Workbench"
# English (United Kingdom), Unicode: the StringTable key and the Translation pair.
LANGUAGE, CODEPAGE = 0x0809, 1200


def project_version(root: Path = ROOT) -> str:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["project"]["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" -> (0, 1, 0, 0); "1.2.3rc1" -> (1, 2, 3, 0). Windows holds four 16-bit numbers."""
    match = re.match(r"^(\d+(?:\.\d+){0,3})", version)
    if not match:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(part) for part in match.group(1).split(".")]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r} has a part above 65535")
    return tuple((numbers + [0, 0, 0])[:4])  # type: ignore[return-value]


def version_file_text(version: str, *, exe_name: str, description: str) -> str:
    """PyInstaller's version-file format (a VSVersionInfo expression) for `exe_name`.exe."""
    numbers = version_tuple(version)
    dotted = ".".join(map(str, numbers))
    strings = [
        ("CompanyName", COMPANY),
        ("FileDescription", description),
        ("FileVersion", dotted),
        ("InternalName", exe_name),
        ("LegalCopyright", f"{COMPANY} contributors"),
        ("OriginalFilename", f"{exe_name}.exe"),
        ("ProductName", PRODUCT),
        ("ProductVersion", version),
    ]
    table = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings)
    return f"""# UTF-8
# Generated from pyproject.toml by installers/version_info.py: do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE:04X}{CODEPAGE:04X}',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])
  ]
)
"""


def write_version_file(out: Path, *, exe_name: str, description: str,
                       root: Path = ROOT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(version_file_text(project_version(root), exe_name=exe_name,
                                     description=description), encoding="utf-8")
    return out


if __name__ == "__main__":
    text = version_file_text(project_version(), exe_name="planning-workbench",
                             description=PRODUCT)
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
