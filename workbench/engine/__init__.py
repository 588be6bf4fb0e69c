"""Pure planning computation: domain objects in, PlanResults out. No Qt, no SQL."""

from workbench.engine.recompute import compute
from workbench.engine.results import PlanResults, PlanSummary

__all__ = ["compute", "PlanResults", "PlanSummary"]
