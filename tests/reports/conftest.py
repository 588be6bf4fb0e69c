"""A demo plan in a SQLite file, and the cover fields a Governing Body paper would carry."""

from __future__ import annotations

import pytest

from workbench.reports import CoverFields

COVER = CoverFields(
    title="Operational Plan 2016/17: finance, savings, risks and trajectories",
    meeting_date="2016-03-10", paper_number="16/12",
    purpose="To update the Governing Body on the operational plan before submission.",
    decision="For decision",
    financial_implications="A savings requirement of £22.4m (3.0%).",
    action_required="The Governing Body is asked to approve the financial plan.",
    outcomes_domains="1;2;5", equality_analysis="Yes",
    author="Gareth Kenworthy, Director of Finance", clinical_lead="Dr Joe McManners",
)


@pytest.fixture
def cover() -> CoverFields:
    return COVER
