"""Readers of CSV files users bring in (not NHSE templates): actuals (trajectory and
activity actuals, all rows or none)."""
