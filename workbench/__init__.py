"""Planning Workbench: operational planning for NHS commissioners."""

import os

# openpyxl writes through lxml whenever lxml is installed (python-docx needs it), and
# lxml's bytes differ from the standard writer's: the shipped templates are the standard
# writer's output, so the choice is fixed here, before anything imports openpyxl.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
