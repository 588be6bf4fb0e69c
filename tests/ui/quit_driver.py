"""Drives the whole app as a user would, in a child process: the welcome screen (a new
plan, or the demo), a few typed edits, optionally File → New plan or demo again, then
File → Quit. The child must exit 0; an abort at exit (a Qt object outliving Python's
hold on it) fails the test that runs it. Usage: quit_driver.py new|demo|new-then-demo."""

from __future__ import annotations

import faulthandler
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workbench import app as workbench_app
from workbench.domain.edits import EntityKind
from workbench.ui.dialogs.welcome_dialog import WelcomeDialog
from workbench.ui.main_window import MainWindow

faulthandler.dump_traceback_later(60, exit=True)  # a hang fails, with where it hung
steps = sys.argv[1].split("-then-")


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


def work_in_window() -> None:
    win = window()
    if win is None:
        QTimer.singleShot(50, work_in_window)
        return
    worked.append(win)
    win.activateWindow()
    QTest.qWaitForWindowActive(win, 3000)
    panel = win.tables[EntityKind.SCHEME]
    panel.view.setFocus()
    panel.add_button.click()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    view = panel.view
    for n in range(5):
        index = panel.proxy.index(0, 6)
        view.setCurrentIndex(index)
        for char in str(1000 + n):
            QTest.keyClick(QApplication.focusWidget(), char)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    if steps:  # File → New plan or demo, from inside the window
        QTimer.singleShot(0, answer_welcome)
        win.welcome_requested.emit()
        return
    quit_action = next(a for m in win.menuBar().actions() for a in m.menu().actions()
                       if a.text() == "&Quit")
    quit_action.trigger()


QTimer.singleShot(0, answer_welcome)
sys.exit(workbench_app.main([]))
