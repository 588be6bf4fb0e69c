"""The selected scheme's monthly phasing: a 12-month grid and its named profiles."""

from workbench.ui.phasing.phasing_panel import PhasingPanel

__all__ = ["PhasingPanel"]
