"""The System page: pooled budgets, the place-based budget, contracts, benchmarking."""

from workbench.ui.system.page import SystemPage

__all__ = ["SystemPage"]
