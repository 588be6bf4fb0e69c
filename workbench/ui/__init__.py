"""PySide6 views over the plan: tables, charts and panels. Views format; they never compute."""
