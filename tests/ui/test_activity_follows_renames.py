"""Renaming a scheme in its table renames it on the Activity page at once (the engine's
reuse of the activity plan follows the fields it really read)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from workbench.domain.edits import EntityKind


def test_renamed_bcf_scheme_shows_its_new_name_on_the_activity_page(window, qtbot):
    ctl = window.controller
    bcf = next(s for s in ctl.plan.schemes if s.name.startswith("BCF"))
    old = bcf.name
    nel = next(line_id for line_id, name in
               ctl.results.activity.contributions[["line_id", "scheme"]].itertuples(index=False)
               if name == old)
    window.go_to(EntityKind.ACTIVITY_LINE, nel)
    assert old in window.activity.trace.text()
    window.go_to(EntityKind.SCHEME, bcf.id)
    panel = window.tables[EntityKind.SCHEME]
    view = panel.view
    column = next(c for c in range(view.model().columnCount())
                  if view.model().headerData(c, Qt.Orientation.Horizontal) == "Scheme")
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, column).data() == old)
    index = model.index(row, column)
    view.setCurrentIndex(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "BCF admissions avoidance")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and moves on, as in Excel
    assert ctl.plan.schemes[ctl.plan.schemes.index(bcf)].name == "BCF admissions avoidance"
    window.go_to(EntityKind.ACTIVITY_LINE, nel)
    trace = window.activity.trace.text()
    assert "BCF admissions avoidance" in trace and old not in trace
