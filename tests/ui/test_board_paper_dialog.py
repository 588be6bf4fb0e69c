"""File > Board paper…: cover typed, kept with the plan, previewed, printed and saved."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QApplication

from workbench.reports import cover_from_plan


def _menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def _open_dialog(window, qtbot):
    _menu_action(window, "Board paper…").trigger()
    dialog = window.board_paper_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, widget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _fill(dialog, qtbot) -> None:
    f = dialog.fields
    _type(qtbot, f["meeting_date"], "2016-03-10")
    _type(qtbot, f["paper_number"], "16/12")
    _type(qtbot, f["purpose"], "To update the Governing Body on the plan.")
    _type(qtbot, f["author"], "Director of Finance")
    _type(qtbot, f["clinical_lead"], "Dr Clinical Chair")
    qtbot.mouseClick(dialog.domains[0], Qt.MouseButton.LeftButton)


def test_save_writes_the_typed_cover_and_keeps_it_with_the_plan(window, qtbot, tmp_path,
                                                                monkeypatch):
    dialog = _open_dialog(window, qtbot)
    _fill(dialog, qtbot)
    out = tmp_path / "board.pdf"
    asked = []

    def answer(_parent, _caption, start, _filter):
        asked.append(Path(start).name)
        return str(out), ""

    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName", answer)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == ["10Q-board-paper-16-12.pdf"]
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    for typed in ("10 March 2016", "16/12", "To update the Governing Body on the plan.",
                  "Director of Finance", "Dr Clinical Chair"):
        assert typed in first
    kept = cover_from_plan(window.controller.store.load_plan())
    assert (kept.paper_number, kept.author, kept.outcomes_domains) == \
        ("16/12", "Director of Finance", "1")
    assert dialog.problem.text() == f"Saved {out}" and "#1b5e20" in dialog.problem.styleSheet()
    window.controller.undo_stack.undo()  # keeping the cover is one undoable step
    assert cover_from_plan(window.controller.store.load_plan()).paper_number == ""
    _type(qtbot, dialog.fields["meeting_date"], "March 2016")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "is not a date" in dialog.problem.text() and "#b00020" in dialog.problem.styleSheet()


def test_a_wrong_meeting_date_is_named_and_nothing_is_saved(window, qtbot, monkeypatch):
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.fields["meeting_date"], "10/03/2016")
    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName",
                        lambda *a: (_ for _ in ()).throw(AssertionError("asked for a file")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "meeting date '10/03/2016' is not a date" in dialog.problem.text()
    assert window.controller.undo_stack.count() == 0


def test_preview_shows_the_pages_and_print_goes_through_the_print_dialog(window, qtbot,
                                                                         tmp_path):
    dialog = _open_dialog(window, qtbot)
    _fill(dialog, qtbot)
    seen = {}

    def look_then_close() -> None:
        preview = QApplication.activeModalWidget()
        seen["kind"] = type(preview)
        widget = preview.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        seen["pages"] = widget.pageCount()
        preview.reject()

    QTimer.singleShot(500, look_then_close)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert seen["kind"] is QPrintPreviewDialog
    assert 4 <= seen["pages"] <= 10

    printed = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(printed))

    def answer_print() -> None:
        chooser = QApplication.activeModalWidget()
        seen["print"] = type(chooser)
        chooser.accept()

    QTimer.singleShot(500, answer_print)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert issubclass(seen["print"], QPrintDialog)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(printed).pages)
    assert "Paper 16/12" in text and "Director of Finance" in text and "22,394" in text
