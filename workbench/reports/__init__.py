"""Board papers built from a plan and the engine's results: the model, and PDF, Word and
Excel writers. Headless (no Qt), so the CLI can write them."""

from workbench.reports.cover import CoverFields, cover_edit, cover_from_plan
from workbench.reports.paper import BoardPaper, build_board_paper
from workbench.reports.write import FORMATS, write_board_paper

__all__ = ["FORMATS", "BoardPaper", "CoverFields", "build_board_paper", "cover_edit",
           "cover_from_plan", "write_board_paper"]
