"""Drives the whole app as a user would, in a child process: the welcome screen (a new
plan, or the demo), a few typed edits, optionally File → New plan or demo again, then
File → Quit; or, after the demo, File → Import template… of a Finance workbook exported
from the plan with one scheme's confidence changed (the file dialog and the preview
answered), then a typed edit. The child must exit 0; an abort at exit (a Qt object
outliving Python's hold on it) fails the test that runs it.
Or File → Import actuals (CSV)…, its file dialog and closing report answered.
Or, after the demo, three scenarios added in Plan → Scenarios, then the typed edits, and
File → Quit while the scenarios' figures are still being computed on their thread.
Or, with "reopen", the plan of the last session opened without the welcome screen.
Usage: quit_driver.py new|demo|new-then-demo|demo-then-import|demo-then-actuals|
demo-then-scenarios|reopen [file]."""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
)

from workbench import app as workbench_app
from workbench.domain.edits import EntityKind
from workbench.ui.dialogs.import_dialog import ImportDialog
from workbench.ui.dialogs.welcome_dialog import WelcomeDialog
from workbench.ui.main_window import MainWindow

faulthandler.dump_traceback_later(60, exit=True)  # a hang fails, with where it hung
steps = sys.argv[1].split("-then-")
IMPORTED_CONFIDENCE = 0.93  # the first scheme's confidence in the imported workbook


def answer_welcome() -> None:
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, WelcomeDialog) and w.isVisible()), None)
    if dialog is None:
        QTimer.singleShot(50, answer_welcome)
        return
    step = steps.pop(0)
    if step == "new":
        dialog.new.setChecked(True)
        QTest.keyClicks(dialog.organisation, "Test CCG")
        QTest.keyClicks(dialog.ods_code, f"0{len(steps)}X")
    else:  # the demo (plans already on this computer are offered first)
        QTest.mouseClick(dialog.demo, Qt.MouseButton.LeftButton)
    buttons = dialog.findChild(QDialogButtonBox)
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    QTimer.singleShot(100, work_in_window)


worked: list[MainWindow] = []  # windows already worked in (kept: ids must not be reused)


def window() -> MainWindow | None:
    """The window the last welcome answer opened (not one worked in before)."""
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.isVisible() and w not in worked]
    return shown[-1] if shown else None


def gross_column(panel) -> int:
    model = panel.proxy
    return next(c for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == "Gross saving")


def work_in_window() -> None:
    win = window()
    if win is None:
        QTimer.singleShot(50, work_in_window)
        return
    worked.append(win)
    if steps and steps[0] == "scenarios":
        steps.pop(0)
        add_scenarios(win)
        type_edits(win)
        quit_while_computing(win)
        return
    type_edits(win)
    if steps and steps[0] in ("import", "actuals"):
        (import_template if steps.pop(0) == "import" else import_actuals)(win)
        return
    if steps:  # File → New plan or demo, from inside the window
        QTimer.singleShot(0, answer_welcome)
        win.welcome_requested.emit()
        return
    quit_window(win)


def type_edits(win: MainWindow) -> None:
    """Add a scheme and type five values over its cell, as a user would."""
    win.activateWindow()
    QTest.qWaitForWindowActive(win, 3000)
    panel = win.tables[EntityKind.SCHEME]
    panel.view.setFocus()
    panel.add_button.click()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    view = panel.view
    GROSS = gross_column(panel)  # noqa: N806
    for n in range(5):
        index = panel.proxy.index(0, GROSS)  # a money cell, typed over
        view.setCurrentIndex(index)
        for char in str(1000 + n):
            QTest.keyClick(QApplication.focusWidget(), char)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def add_scenarios(win: MainWindow) -> None:
    """Plan → Scenarios, then Add three times, each with a slippage typed in."""
    menu_action(win, "&Scenarios…").trigger()
    panel = win.scenarios.panel
    for months in ("1", "2", "3"):
        QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        editor = panel.editors["slippage_months"]
        editor.setFocus()
        editor.selectAll()
        QTest.keyClicks(editor, months)
        QTest.keyClick(editor, Qt.Key.Key_Return)


def quit_while_computing(win: MainWindow) -> None:
    """File → Quit right after the scenarios' figures were asked for again."""
    results = win.scenarios.results
    results.recompute()
    running = results._task.running()
    print(f"scenarios computing at quit: {running}", file=sys.stderr)
    quit_window(win)


def menu_action(win: MainWindow, text: str):
    return next(a for m in win.menuBar().actions() for a in m.menu().actions()
                if a.text() == text)


def quit_window(win: MainWindow) -> None:
    menu_action(win, "&Quit").trigger()


def import_template(win: MainWindow) -> None:
    """Export the plan's Finance workbook, change one cell as a finance colleague would,
    then File → Import template…: the file dialog gets the path typed, the preview Apply."""
    import openpyxl

    from workbench.templates.pipeline.exporter import export_template

    workbook = Path(sys.argv[2])
    export_template(win.controller.plan, "finance", workbook)
    book = openpyxl.load_workbook(workbook)
    book["QIPP"]["L7"] = IMPORTED_CONFIDENCE
    book.save(workbook)
    QTimer.singleShot(50, lambda: answer_file_dialog(workbook))
    QTimer.singleShot(100, lambda: apply_preview(win))
    menu_action(win, "&Import template…").trigger()


def import_actuals(win: MainWindow) -> None:
    """File → Import actuals (CSV)…: the file dialog answered, then the report's OK."""
    csv = Path(sys.argv[2])
    csv.write_text("date,metric,value,note\n2019-04,AE_4HR,88%,\n2019-05,AE_4HR,0.9,\n",
                   encoding="utf-8")
    QTimer.singleShot(50, lambda: answer_file_dialog(csv))
    QTimer.singleShot(100, lambda: close_report(win))
    menu_action(win, "Import &actuals (CSV)…").trigger()


def close_report(win: MainWindow) -> None:
    box = next((w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()), None)
    if box is None:
        QTimer.singleShot(50, lambda: close_report(win))
        return
    if box.icon() != QMessageBox.Icon.Information:  # the test finds nothing imported
        print(f"actuals refused: {box.text()}", file=sys.stderr)
    box.button(QMessageBox.StandardButton.Ok).click()
    QTimer.singleShot(100, lambda: after_import(win))


def answer_file_dialog(workbook: Path) -> None:
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()), None)
    if dialog is None:
        QTimer.singleShot(50, lambda: answer_file_dialog(workbook))
        return
    dialog.setDirectory(str(workbook.parent))  # the user goes to the folder, types the name
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setFocus()
    QTest.keyClicks(name, workbook.name)
    # The name field's completer pops up while typing and takes the next mouse press, so
    # Open is pressed as the keyboard would (click(), not a synthesised mouse press).
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open).click()


def apply_preview(win: MainWindow) -> None:
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ImportDialog) and w.isVisible()), None)
    if dialog is None:
        QTimer.singleShot(50, lambda: apply_preview(win))
        return
    if not dialog.apply_button.isEnabled():  # the test finds nothing imported and says why
        print(f"import refused: {dialog.detail.text()}", file=sys.stderr)
        dialog.reject()
    else:
        QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(100, lambda: after_import(win))


def after_import(win: MainWindow) -> None:
    type_edits(win)
    quit_window(win)


if steps == ["reopen"]:  # not the first run: the last plan opens, no welcome screen
    steps.clear()
    QTimer.singleShot(0, work_in_window)
else:
    QTimer.singleShot(0, answer_welcome)
sys.exit(workbench_app.main([]))
