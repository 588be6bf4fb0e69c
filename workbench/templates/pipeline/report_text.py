"""An ImportReport as plain text lines (command line, logs)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.domain.edits import EntityKind

if TYPE_CHECKING:
    from workbench.templates.pipeline.importer import ImportReport

KIND_WORDS = {EntityKind.SPEND_LINE: "spend line", EntityKind.PRESSURE: "pressure",
              EntityKind.WORKSTREAM: "workstream", EntityKind.SCHEME: "scheme",
              EntityKind.RISK: "risk", EntityKind.ACTIVITY_LINE: "activity line",
              EntityKind.TEMPLATE_VALUE: "row"}  # a template value's row: "Metrics: NEA1 ..."


def show(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, tuple | list | frozenset):
        return f"[{len(value)} items]" if len(value) > 4 else str([str(x) for x in value])
    return str(value)


def kind_word(kind: EntityKind) -> str:
    return KIND_WORDS.get(kind, kind.value.replace("_", " "))


def report_lines(report: ImportReport) -> list[str]:
    lines = [f"{report.file}: {report.template or 'not recognised'}"
             + (f" (version {report.version})" if report.version else "")]
    p = report.preview
    lines += [f"  {f}" for f in report.problems]  # before any list of changes
    for change in p.plan + p.drivers:
        lines.append(f"  change {change.field}: {show(change.old)} -> {show(change.new)}")
    for row in p.added:
        lines.append(f"  add {kind_word(row.kind)} {row.name!r} ({row.where})")
    for row in p.changed:
        fields = ", ".join(c.field for c in row.changes if not row.renamed_from
                           or (c.old, c.new) != (row.renamed_from, row.name))
        if row.renamed_from:
            lines.append(f"  rename {kind_word(row.kind)} {row.renamed_from!r} to {row.name!r}"
                         + (f", change {fields}" if fields else "") + f" ({row.where})")
        else:
            lines.append(f"  change {kind_word(row.kind)} {row.name!r}: {fields} ({row.where})")
    for row in p.removed:
        lines.append(f"  remove {kind_word(row.kind)} {row.name!r}")
    if p.is_empty and report.ok:
        lines.append("  no changes: the plan already matches the workbook")
    lines += [f"  {f}" for f in report.findings if f not in report.problems]
    counts = {s: sum(f.severity == s for f in report.findings)
              for s in ("Problem", "Warning", "Info")}
    verdict = "cannot be imported" if not report.ok else "can be imported"
    lines.append(f"{counts['Problem']} problem(s), {counts['Warning']} warning(s), "
                 f"{counts['Info']} note(s): {verdict}")
    return lines
