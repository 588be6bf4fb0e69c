"""Where the bundled data files live: resources/ beside the package, or inside a PyInstaller bundle.

PyInstaller's one-folder build unpacks data files under `sys._MEIPASS` (the spec copies the
whole resources/ folder there); a source checkout keeps resources/ at the repository root.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.domain.errors import WorkbenchError


class MissingResourceError(WorkbenchError, FileNotFoundError):
    """A data file the app ships with is not where it should be (a packaging fault)."""


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. resource_path("standards", "standards_2016_17.csv")."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        name = "/".join(parts)
        raise MissingResourceError(f"the shipped data file {name} is missing from {path.parent}")
    return path
