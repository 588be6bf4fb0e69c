"""An exported demo workbook, made once per session (exports take a few tenths of a second)."""

from __future__ import annotations

import pytest

from tests.templates.helpers import demo
from workbench.templates.pipeline.exporter import export_template


@pytest.fixture(scope="session")
def exported_demo(tmp_path_factory):
    plan, _ = demo()
    path = tmp_path_factory.mktemp("export") / "demo_finance.xlsx"
    export_template(plan, "finance", path)
    return path
