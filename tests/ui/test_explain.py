"""Click (or Enter on) a summary figure: the explanation panel shows how it is derived."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from workbench.domain.edits import EntityKind, SetField
from workbench.engine.explain_build import explain_all
from workbench.ui import style
from workbench.ui.panels.summary_panel import ROWS


def click(qtbot, widget) -> None:
    widget.window().activateWindow()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def test_clicking_the_requirement_explains_it(window, qtbot):
    summary, explain = window.summary, window.explain
    assert not explain.dock.isVisible()
    click(qtbot, summary.values["savings_requirement"])
    assert explain.dock.isVisible()
    assert explain.panel.headline.text() == (
        "Savings requirement £22.4m = planned spend £742.0m + business-rule holdbacks "
        "£28.9m − total allocation £748.5m")
    top = explain.panel.lines()[:4]
    assert top[0] == (0, "Savings requirement", "£22,393,500")
    assert [line[1] for line in top[1:]][:1] == ["Planned spend"]
    assert (1, "less total allocation", "£748,500,000") in explain.panel.lines()


def test_every_summary_figure_explains_itself_when_clicked(window, qtbot):
    nodes = explain_all(window.controller.plan, window.controller.results)
    summary, panel = window.summary, window.explain.panel
    for key, _label, _fmt, _tip in ROWS:
        if key is None:
            continue
        click(qtbot, summary.values[key])
        depth, figure, value = panel.lines()[0]
        node = nodes[key]
        expected = (style.fmt_money_full(node.value) if node.unit.value == "gbp"
                    else style.fmt_pct(node.value, 2))
        assert (depth, figure, value) == (0, node.label, expected), key


def test_enter_on_a_focused_figure_explains_it(window, qtbot):
    value = window.summary.values["risks_net"]
    value.setFocus()
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert window.explain.panel.headline.text().startswith(
        "Net risk exposure £4.6m = the larger of £0 and risks after mitigations £15.8m")
    assert QApplication.focusWidget() is value


def test_a_figures_name_and_space_explain_it_and_other_keys_do_not(window, qtbot):
    summary, panel = window.summary, window.explain.panel
    value = summary.values["risks_net"]
    [name] = [label for label in summary.findChildren(QLabel) if label.text() == "Net exposure"]
    click(qtbot, name)
    assert panel.headline.text().startswith("Net risk exposure £4.6m")
    assert QApplication.focusWidget() is value
    other = summary.values["savings_requirement"]
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_A)
    assert panel.headline.text().startswith("Net risk exposure £4.6m")
    qtbot.keyClick(other, Qt.Key.Key_Space)
    assert panel.headline.text().startswith("Savings requirement £22.4m")


def test_enter_on_a_row_goes_to_it(window, qtbot):
    click(qtbot, window.summary.values["schemes_identified"])
    tree = window.explain.panel.tree
    root = tree.topLevelItem(0)
    scheme = window.controller.plan.schemes[3]
    item = next(root.child(i) for i in range(root.childCount())
                if root.child(i).text(0) == scheme.name)
    tree.setCurrentItem(item)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    table = window.tables[EntityKind.SCHEME]
    assert window.tabs.currentWidget() is table
    rows = table.selected_source_rows()
    assert [table.model.row_id(r) for r in rows] == [scheme.id]


def test_the_explanation_follows_an_edit(window, qtbot):
    click(qtbot, window.summary.values["savings_gap"])
    scheme = window.controller.plan.schemes[0]
    window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                    scheme.gross_saving, scheme.gross_saving + Decimal(1_000_000)))
    assert window.explain.panel.lines()[0] == (0, "Savings gap", "£13,293,500")  # not yet
    qtbot.waitUntil(lambda: window.explain.panel.lines()[0] == (0, "Savings gap",
                                                                "£12,293,500"), timeout=3000)
