"""NHSE workbook import and export (openpyxl). Lower layers never import this.

Public entry points (imported lazily, so `import workbench.templates` stays cheap):

- ``export_template(plan, kind, out, *, into=None) -> Path``: fill a copy of the shipped
  template (or of the user's workbook ``into``) with the plan; input cells only; atomic save.
- ``plan_import(path, current_plan, progress=None) -> ImportReport``: validate a workbook
  against the plan; ``report.edit`` is one Batch (None when there is any Problem),
  ``report.preview`` lists rows added/changed/removed, ``report.findings`` every
  Problem/Warning/Info with file, sheet and cell, ``report.text()`` the CLI rendering.
- ``TEMPLATE_KINDS``: the kinds the CLI offers (activity, finance, resilience, bcf).

Every workbook is read by ``xlsx_parts`` (expat over the zip parts, no DTDs or entities):
cells, XML elements, shared strings and cell formats are counted against limits as they
are read, and only the rows and columns an import uses are kept, so any file under the
size limit is read in bounded memory and time or refused with a line naming the limit.
``export --into`` counts every part the same way before openpyxl loads the workbook.
"""

from __future__ import annotations

from typing import Any

TEMPLATE_KINDS = ("activity", "finance", "resilience", "bcf")
_LAZY = {
    "export_template": "workbench.templates.exporter",
    "plan_import": "workbench.templates.importer",
    "ImportReport": "workbench.templates.importer",
    "Finding": "workbench.templates.findings",
    "Severity": "workbench.templates.findings",
    "Preview": "workbench.templates.preview",
}
__all__ = ["TEMPLATE_KINDS", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'workbench.templates' has no attribute {name!r}")
