"""The entry points' work: importer (plan_import: read, check whose it is, compare, one
edit and its report), exporter (export_template), cover_check (organisation and round on
the Cover), report_text (the report as plain lines)."""
