"""What an import found: every problem, warning and note, each located by file, sheet and cell.

The reader never stops at the first bad cell; it collects them all so a user fixes a
workbook in one pass. Any PROBLEM blocks the import; warnings and notes do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from workbench.domain.errors import TemplateError


class Severity(StrEnum):
    PROBLEM = "Problem"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""

    @property
    def where(self) -> str:
        """'QIPP!J12' style, for lists and for a GUI to jump to the cell."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.file

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.severity}: {where}{self.message}"


@dataclass
class Findings:
    """A collector bound to one file; sheet-level helpers fill in the location."""

    file: str = ""
    items: list[Finding] = field(default_factory=list)

    def add(self, severity: Severity, message: str, sheet: str = "", cell: str = "") -> None:
        self.items.append(Finding(severity, message, self.file, sheet, cell))

    def problem(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.add(Severity.PROBLEM, message, sheet, cell)

    def warning(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.add(Severity.WARNING, message, sheet, cell)

    def info(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.add(Severity.INFO, message, sheet, cell)

    @property
    def has_problems(self) -> bool:
        return any(f.severity is Severity.PROBLEM for f in self.items)

    def of(self, severity: Severity) -> list[Finding]:
        return [f for f in self.items if f.severity is severity]


def error_finding(exc: TemplateError, file: str) -> Finding:
    message = str(exc)
    prefix = ", ".join(p for p in (exc.file, f"sheet {exc.sheet}" if exc.sheet else "",
                                   exc.cell) if p)
    if prefix and message.startswith(prefix + ": "):
        message = message[len(prefix) + 2:]
    return Finding(Severity.PROBLEM, message, exc.file or file, exc.sheet, exc.cell)
