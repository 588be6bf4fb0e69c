"""Planning Workbench: operational planning for NHS commissioners."""

__version__ = "0.1.0"
