"""NHSE workbook import and export (openpyxl). Lower layers never import this.

Public entry points (imported lazily, so `import workbench.templates` stays cheap):

- ``export_template(plan, kind, out, *, into=None, notes=None) -> Path``: fill a copy of
  the shipped template (or of the user's workbook ``into``) with the plan; input cells
  only; atomic save; ``notes`` gets a warning per thing it could not carry or changed.
- ``plan_import(path, current_plan, progress=None) -> ImportReport``: validate a workbook
  against the plan; ``report.edit`` is one Batch (None when there is any Problem),
  ``report.preview`` lists rows added/changed/renamed/removed, ``report.findings`` every
  Problem/Warning/Info with file, sheet and cell, ``report.text()`` the CLI rendering.
- ``TEMPLATE_KINDS``: the kinds the CLI offers (activity, finance, resilience, bcf).

Layout (each package imports only those below it; pyproject.toml's import-linter
contract keeps it so):

- ``pipeline/``: the entry points' work: importer (plan_import), exporter
  (export_template), cover_check (whose workbook), report_text.
- one package per template, each its read, write and checks: ``finance/`` (read, checks,
  edit, fill), ``activity/`` (lines, lines_edit, kept_sheets), ``resilience/`` and
  ``bcf/`` (fill_and_read).
- ``template_values/``: input cells the plan keeps as typed, and the plan's own figures
  for the Activity, SRG and BCF workbooks.
- ``workbook/``: the core, reading and writing cells safely: file checks, the bounded
  streaming reader (xlsx_parts, xlsx_book, xlsx_sheet), sheets, values, locate, reader,
  recognise,
  writer, row_refs, styles, drawings, and the builder of the shipped workbooks.
- ``report/`` (findings, preview) and ``layouts/`` (spec, registry, one layout per
  template): plain data, at the bottom.
- ``comparison_workbook``: the version comparison written as a workbook (not a template).

A new reader or writer of a template goes in that template's package; a CSV or other file
users bring in that is not an NHSE template goes in ``workbench/csv_inputs``.

Every workbook is read by ``workbook.xlsx_parts`` and its siblings (expat over the zip
parts, no DTDs or entities): cells, XML elements, shared strings and cell formats are
counted against limits as they are read, and only the rows and columns an import uses are
kept, so any file under the size limit is read in bounded memory and time or refused with
a line naming the limit. ``export --into`` counts every part the same way, and checks
every picture, before openpyxl loads the workbook.
"""

from __future__ import annotations

from typing import Any

TEMPLATE_KINDS = ("activity", "finance", "resilience", "bcf")
_LAZY = {
    "export_template": "workbench.templates.pipeline.exporter",
    "plan_import": "workbench.templates.pipeline.importer",
    "ImportReport": "workbench.templates.pipeline.importer",
    "Finding": "workbench.templates.report.findings",
    "Severity": "workbench.templates.report.findings",
    "Preview": "workbench.templates.report.preview",
}
__all__ = ["TEMPLATE_KINDS", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'workbench.templates' has no attribute {name!r}")
