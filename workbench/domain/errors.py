"""The error tree. Lower layers raise these; the UI and CLI turn them into one clear sentence."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Anything the user can be told about in one sentence."""


class ValidationError(WorkbenchError, ValueError):
    """A value a user typed or imported is not acceptable."""


class StoreError(WorkbenchError):
    """The database cannot be opened, read or written."""


class NotAWorkbenchDatabase(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class TemplateError(WorkbenchError):
    """A problem in a workbook, located by file, sheet and cell."""

    def __init__(self, message: str, *, file: str = "", sheet: str = "", cell: str = "") -> None:
        self.file, self.sheet, self.cell = file, sheet, cell
        where = ", ".join(p for p in (file, f"sheet {sheet}" if sheet else "", cell) if p)
        super().__init__(f"{where}: {message}" if where else message)


class ConflictError(StoreError):
    """Someone else changed the value since it was read: nothing was written.

    Carries the value now stored, so the user can choose between theirs and ours.
    """

    def __init__(self, message: str, *, kind: str, row_id: int, field: str,
                 current: object) -> None:
        super().__init__(message)
        self.kind, self.row_id, self.field, self.current = kind, row_id, field, current


class ReadOnlyError(StoreError):
    """The plan is open read-only (another copy of the app holds it)."""
