"""The Checks panel reads the plan's checklist only while it is shown: at start-up it is a
tab behind the Summary, and edits made while it is hidden are in it when it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from tests.ui.test_typing_tables import type_over
from workbench.domain.edits import EntityKind
from workbench.engine.checks import check_plan


def dock_tabs(window, title: str) -> tuple[QTabBar, int]:
    """The tab bar of the tabified docks holding `title`, and that tab's index."""
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) == title and bar.isVisible():
                return bar, i
    raise AssertionError(f"no dock tab {title!r}")


def click_dock_tab(qtbot, window, title: str) -> None:
    """Click the tab of a tabified dock, as a user brings it to the front."""
    bar, i = dock_tabs(window, title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
    assert bar.currentIndex() == i


def in_front(window, title: str) -> bool:
    bar, i = dock_tabs(window, title)
    return bar.currentIndex() == i


def listed(window) -> list[tuple[str, str]]:
    tree = window.checks.tree
    return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))
            for i in range(tree.topLevelItemCount())]


def expected(window) -> list[tuple[str, str]]:
    ctl = window.controller
    return [(c.severity, c.message) for c in check_plan(ctl.plan, ctl.results)]


def test_hidden_checks_cost_nothing_and_are_right_when_first_shown(window, qtbot):
    qtbot.waitExposed(window)
    assert not in_front(window, "Checks")  # a tab behind the Summary
    assert listed(window) == [] and window.checks.headline.text() == ""  # not read yet
    panel = window.tables[EntityKind.SCHEME]
    window.tabs.setCurrentIndex(1)
    scheme = window.controller.plan.schemes[0]
    type_over(qtbot, panel, 0, "Gross saving", "0")  # flagged: no saving entered
    assert scheme.gross_saving == 0
    assert listed(window) == []  # still hidden: nothing read
    click_dock_tab(qtbot, window, "Checks")
    shown = listed(window)
    assert shown == expected(window)
    assert ("Warning", f"Scheme '{scheme.name}': no saving entered") in shown
    assert window.checks.headline.text() == "Complete: no problems"

    type_over(qtbot, panel, 1, "Gross saving", "0")  # while shown: at once
    second = window.controller.plan.schemes[1]
    assert ("Warning", f"Scheme '{second.name}': no saving entered") in listed(window)
    assert listed(window) == expected(window)

    click_dock_tab(qtbot, window, "Summary")
    type_over(qtbot, panel, 2, "Gross saving", "0")  # hidden again: read when shown
    third = window.controller.plan.schemes[2]
    assert ("Warning", f"Scheme '{third.name}': no saving entered") not in listed(window)
    click_dock_tab(qtbot, window, "Checks")
    assert ("Warning", f"Scheme '{third.name}': no saving entered") in listed(window)
    assert listed(window) == expected(window)
