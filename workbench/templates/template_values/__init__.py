"""Input cells the plan keeps as typed (domain/template_values.py) and the plan's own
figures that fill the rest, for the Activity, SRG resilience and BCF workbooks.

input_cells (every input cell read and checked), cell_text (a kept value's exact text
and the domain value, both ways), fill_and_compare (export: figures and
kept values into their cells; import: modelled cells compared, the rest kept),
values_edit (the kept values as one edit), plan_figures (the plan's figures for those
cells), unplaced (paths the plan holds that a template has no place for).
"""
