"""The new-plan and Freeze dialogs, answered as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from workbench.domain.errors import WorkbenchError
from workbench.ui.dialogs import versions_dialog
from workbench.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog


def _choose_new(qtbot, dialog) -> None:
    button = dialog.new  # a radio button answers clicks on its circle and its text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def _continue(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("typed", ["10", "ABCDEF", "1:Q", "../x", "10 Q", "C:\\a"])
def test_new_plan_refuses_an_ods_code_that_is_not_3_to_5_letters_and_digits(qtbot, typed):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _choose_new(qtbot, dialog)
    qtbot.keyClicks(dialog.organisation, "Test CCG")
    qtbot.keyClicks(dialog.ods_code, typed)
    _continue(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert "3 to 5 letters and digits" in dialog.hint.text()
    assert repr(typed.strip()) in dialog.hint.text()
    with pytest.raises(ValueError):
        WelcomeChoice("new", "Test CCG", typed, 2017)


def test_new_plan_accepts_a_good_code(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _choose_new(qtbot, dialog)
    qtbot.keyClicks(dialog.organisation, "Test CCG")
    qtbot.keyClicks(dialog.ods_code, "05y")
    _continue(qtbot, dialog)
    assert dialog.result() == 1
    assert dialog.choice().ods_code == "05Y"


def test_freeze_dialog_keeps_what_was_typed_after_an_error(window, qtbot, monkeypatch):
    calls: list[tuple[str, str]] = []

    def fake_freeze(store, label, note):
        calls.append((label, note))
        if len(calls) == 1:
            raise WorkbenchError("a version called 'Submission 1' already exists")
        return "frozen"

    monkeypatch.setattr(versions_dialog, "freeze_version", fake_freeze)
    warnings: list[str] = []
    monkeypatch.setattr(versions_dialog.QMessageBox, "warning",
                        lambda _p, _t, text: warnings.append(text) or QMessageBox.StandardButton.Ok)
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        if len(calls) == 2:  # answered twice: no poll left behind for later tests
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, versions_dialog.FreezeDialog):
            QTimer.singleShot(20, answer)
            return
        if not calls:
            qtbot.keyClicks(dialog.label, "Submission 1")
            qtbot.keyClicks(dialog.note, "Sent to NHS England")
        else:  # asked again after the error: the text is still there
            seen.append((dialog.label.text(), dialog.note.toPlainText()))
            dialog.label.selectAll()
            qtbot.keyClicks(dialog.label, "Submission 1b")
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        if len(calls) < 2:
            QTimer.singleShot(20, answer)

    freeze_action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                         if a.text() == "&Freeze this version…")
    QTimer.singleShot(20, answer)
    freeze_action.trigger()
    assert warnings and "already exists" in warnings[0]
    assert seen == [("Submission 1", "Sent to NHS England")]
    assert calls == [("Submission 1", "Sent to NHS England"),
                     ("Submission 1b", "Sent to NHS England")]


def test_an_empty_plans_charts_show_a_clean_pound_zero_axis(qtbot):
    from workbench.ui.launcher import Launcher, lock_plan

    window = Launcher(lock_plan)._open_choice(WelcomeChoice("new", "Test CCG", "00X", 2017))
    qtbot.addWidget(window)
    window.show()
    charts = window.charts
    axes = [charts.savings.getPlotItem().getAxis("left"),
            charts.risks.getPlotItem().getAxis("left"),
            charts.workstreams.by_ws.getAxis("bottom"),
            charts.workstreams.by_status.getAxis("bottom")]
    for axis in axes:
        low, high = axis.range
        assert low <= 0 < high and high >= 0.9, axis.range  # £0 up to about £1m
        labels = [text for spacing, values in axis.tickValues(low, high, 300)
                  for text in axis.tickStrings(values, 1, spacing)]
        assert len(labels) == len(set(labels)), labels  # no label twice
        assert not any("-" in t or "(" in t for t in labels), labels  # nothing below £0
    savings_axis = axes[0]
    low, high = savings_axis.range
    values = [v for _s, vs in savings_axis.tickValues(low, high, 300) for v in vs]
    assert 0.0 in values
