"""The Trajectories page: activity and performance trajectories with actuals and SPC charts."""

from workbench.ui.trajectories.page import TrajectoryPage

__all__ = ["TrajectoryPage"]
