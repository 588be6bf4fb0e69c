"""Through the window: a delete or undo on a stale copy is refused with a message naming the
row and what changed; a program fault is reported as one, not as "not saved"."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind, SetField
from workbench.store import open_store
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def _window(tmp_path, qtbot, monkeypatch, warnings):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))
    store, plan = open_plan(str(tmp_path / "plan.db"))
    win = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(win)
    win.show()
    win.guard.poll_timer.stop()  # the colleague's change must not be reloaded first
    return win


def _menu_action(window, text):
    return next(a for m in window.menuBar().actions() for a in m.menu().actions()
                if a.text() == text)


def test_deleting_a_scheme_someone_just_raised_is_refused(tmp_path, qtbot, monkeypatch):
    warnings: list[str] = []
    window = _window(tmp_path, qtbot, monkeypatch, warnings)
    theirs = open_store(str(tmp_path / "plan.db"))
    scheme = theirs.load_plan().schemes[0]
    theirs.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                          Decimal(999999)))
    window.tabs.setCurrentIndex(1)
    table = window.tables[EntityKind.SCHEME]
    index = table.proxy.index(0, 0)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.view.visualRect(index).center())
    _menu_action(window, "&Delete selected rows").trigger()
    assert warnings and scheme.name in warnings[-1] and "999999" in warnings[-1]
    stored = open_store(str(tmp_path / "plan.db")).load_plan().schemes[0]
    assert stored.id == scheme.id and stored.gross_saving == Decimal(999999)
    assert window.controller.plan.schemes[0].id == scheme.id


def test_a_fault_in_the_store_is_reported_as_a_fault(tmp_path, qtbot, monkeypatch):
    warnings: list[str] = []
    window = _window(tmp_path, qtbot, monkeypatch, warnings)
    faults: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.main_window.show_error",
                        lambda _parent, exc: faults.append(exc))

    def broken(*_args, **_kwargs):
        raise KeyError("scheme")

    monkeypatch.setattr(window.controller.store, "apply", broken)
    risks = window.tables[EntityKind.RISK]
    assert not risks.model.setData(risks.model.index(0, 0), "Changed")
    assert len(faults) == 1 and isinstance(faults[0], KeyError)
    assert not warnings  # not dressed as "the change was not saved"
