"""A plan row's reference in a Finance table's Ref column: the table's letter and the row's
id ("Q017" for scheme 17), written by the export and read back by the import.

The reference travels with its row when a user sorts, moves or renames rows, so an import
matches a row whose name changed to the plan's row of that reference (a rename keeps the
row's history and links) rather than reading it as one row removed and another added.
A shipped template's empty rows carry their slot numbers in the same column; an import only
trusts a reference for a row whose name matches no row of the plan.
"""

from __future__ import annotations

import re

from workbench.templates.layouts.spec import Table

REF = "_ref"
_NUMBER = re.compile(r"\s*([A-Za-z]+)\s*0*(\d{1,9})\s*")


def prefix(table: Table) -> str | None:
    """The letter of the table's references ("Q"), or None if it has no Ref column."""
    column = next((c for c in table.columns if c.key == REF), None)
    if column is None or not isinstance(column.prefill, str):
        return None
    return column.prefill.split("{", 1)[0]


def ref_of(table: Table, row_id: int | None) -> str | None:
    """The reference the export writes for the plan row `row_id` (None: no id yet)."""
    letter = prefix(table)
    if letter is None or row_id is None or row_id <= 0:
        return None
    return f"{letter}{row_id:03d}"


def id_of(table: Table, text: object) -> int | None:
    """The plan row id a Ref cell names, or None when it names none of this table's."""
    letter = prefix(table)
    if letter is None or not isinstance(text, str | int) or isinstance(text, bool):
        return None
    found = _NUMBER.fullmatch(str(text))
    if found is None or found.group(1).upper() != letter.upper():
        return None
    return int(found.group(2)) or None
