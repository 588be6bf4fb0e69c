"""The templates the app knows, by kind, and where their pristine copies live."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.domain.errors import TemplateError
from workbench.templates.layouts.activity import ACTIVITY
from workbench.templates.layouts.bcf import BCF
from workbench.templates.layouts.finance import FINANCE
from workbench.templates.layouts.resilience import RESILIENCE
from workbench.templates.layouts.spec import TemplateSpec

SPECS: dict[str, TemplateSpec] = {s.kind: s for s in (ACTIVITY, FINANCE, RESILIENCE, BCF)}


def templates_dir() -> Path:
    """resources/templates beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[3]
    return root / "resources" / "templates"


def spec_for(kind: str) -> TemplateSpec:
    try:
        return SPECS[kind]
    except KeyError:
        known = ", ".join(SPECS)
        raise TemplateError(f"there is no {kind!r} template (known: {known})") from None


def pristine_path(spec: TemplateSpec) -> Path:
    path = templates_dir() / spec.file_name
    if not path.is_file():
        raise TemplateError(f"the shipped template {spec.file_name} is missing from {path.parent}")
    return path
