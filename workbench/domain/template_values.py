"""Input cells of the SRG resilience and BCF workbooks that the plan does not model.

The plan has no beds, BCF funding, expenditure lines, supporting metrics or checklist
answers, so each such cell is kept as it was typed, as text, and written back on export:
a workbook edited by a colleague round-trips without loss. Figures the plan does model
(activity, trajectories, the organisation) are never kept here; they come from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

COVER = "cover"  # the `row` of a Cover field


@dataclass
class TemplateValue:
    """One input cell of a template, by where it sits in the layout, not by address.

    `template` is the template kind ("resilience" or "bcf"); `sheet` the layout's sheet
    name; `row` the grid row's code ("D04"), a table row's key ("Reablement service") or
    "cover"; `column` the column header ("Apr-16") or the Cover field ("srg_name").
    `value` is exact text: numbers as their shortest decimal, dates ISO (2016-09-30),
    Y/N answers "Yes"/"No", a blank cell "".
    """

    id: int | None
    template: str
    sheet: str
    row: str
    column: str
    value: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Where the value goes in its template: (sheet, row, column)."""
        return (self.sheet, self.row, self.column)
