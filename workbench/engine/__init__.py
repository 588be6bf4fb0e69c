"""Pure planning computation: domain objects in, PlanResults out. No Qt, no SQL.

`compute` is reached through this package lazily: it brings pandas, which a window opened
on the figures kept from the last session does not need before its first paint
(engine.kept)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.engine.results import PlanResults, PlanSummary

if TYPE_CHECKING:
    from workbench.engine.recompute import compute

__all__ = ["compute", "PlanResults", "PlanSummary"]


def __getattr__(name: str) -> Any:
    if name == "compute":
        from workbench.engine.recompute import compute

        return compute
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
