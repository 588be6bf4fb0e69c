"""The Finance template (with QIPP and Risk): read (workbook to ImportedPlan), checks
(phasing, totals, formulas), edit (ImportedPlan against the plan as one edit, rows matched
by name, then by reference), fill (the plan into the workbook)."""
