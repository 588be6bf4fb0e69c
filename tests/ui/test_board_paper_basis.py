"""File > Board paper…: the paper of a frozen version or of a scenario, chosen in the
dialog, with that plan's own figures and its name on every page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import EntityKind, SetField
from workbench.store.versions import freeze_version
from workbench.ui.board.dialog import open_board_paper


def _pages(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def _save(dialog, qtbot, monkeypatch, out: Path) -> list[str]:
    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName",
                        lambda *_a: (str(out), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == f"Saved {out}", dialog.problem.text()
    return _pages(out)


def _type(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _pick_with_mouse(qtbot, combo, text: str) -> None:
    """Open the combo's list with a click, then click the item."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    # the open list ignores a release within a double-click interval of opening, as Qt
    # does so the opening click is not taken for a choice
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    row = combo.findText(text)
    assert row >= 0, [combo.itemText(i) for i in range(combo.count())]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)


def test_a_frozen_version_chosen_by_keyboard_keeps_its_own_figures(window, qtbot, tmp_path,
                                                                   monkeypatch):
    freeze_version(window.controller.store, "Submission 1")
    plan = window.controller.plan
    window.controller.push(SetField(EntityKind.DRIVERS, plan.id, "tariff_uplift_pct",
                                    plan.drivers.tariff_uplift_pct, Decimal("0.025")))
    dialog = open_board_paper(window)
    assert [dialog.basis.itemText(i) for i in range(dialog.basis.count())] == \
        ["Working plan", "Version: Submission 1"]
    working = _save(dialog, qtbot, monkeypatch, tmp_path / "working.pdf")
    assert "the savings requirement is £30.1m" in " ".join(working)  # tariff 2.5%, edited
    dialog.basis.setFocus()
    qtbot.keyClick(dialog.basis, Qt.Key.Key_Down)
    assert dialog.basis.currentText() == "Version: Submission 1"
    pages = _save(dialog, qtbot, monkeypatch, tmp_path / "version.pdf")
    text = " ".join(pages)
    assert "the savings requirement is £22.4m" in text and "£30.1m" not in text
    assert all("Version: Submission 1" in page for page in pages)
    assert "Version:" not in " ".join(working)


def test_a_scenario_added_in_the_panel_is_chosen_with_the_mouse(window, qtbot, tmp_path,
                                                                monkeypatch):
    dialog = open_board_paper(window)
    assert dialog.basis.count() == 1  # the working plan only, so far
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    _type(qtbot, panel.editors["name"], "Higher tariff")
    _type(qtbot, panel.editors["tariff_uplift_pct"], "2.5%")
    dialog = open_board_paper(window)  # shown again: the new scenario is offered
    _pick_with_mouse(qtbot, dialog.basis, "Scenario: Higher tariff")
    pages = _save(dialog, qtbot, monkeypatch, tmp_path / "scenario.pdf")
    text = " ".join(pages)
    assert "the savings requirement is £30.1m" in text and "£22.4m" not in text
    assert all("Scenario: Higher tariff" in page for page in pages)
    assert window.controller.plan.drivers.tariff_uplift_pct == Decimal("0.011")  # base kept


def test_print_goes_out_with_the_chosen_scenario(window, qtbot, tmp_path):
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    _type(qtbot, panel.editors["name"], "Higher tariff")
    _type(qtbot, panel.editors["tariff_uplift_pct"], "2.5%")
    dialog = open_board_paper(window)
    dialog.basis.setFocus()
    qtbot.keyClick(dialog.basis, Qt.Key.Key_End)
    assert dialog.basis.currentText() == "Scenario: Higher tariff"
    printed = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(printed))
    QTimer.singleShot(500, lambda: QApplication.activeModalWidget().accept())
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pages = _pages(printed)
    assert all("Scenario: Higher tariff" in page for page in pages)
    assert "£30.1m" in " ".join(pages) and "£22.4m" not in " ".join(pages)
