"""The one edit path: command -> store (one transaction) -> plan -> engine -> signals.

The controller is a router, not a model: it owns the undo stack, the in-memory plan the
engine reads, and the latest results. Views push edits through `push()` and redraw from
`plan_changed` / `results_changed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import Edit, apply_to_plan, describe
from workbench.domain.errors import StoreError, WorkbenchError
from workbench.domain.plan import Plan
from workbench.engine.kept import KeptFigures, KeptResults, same_figures
from workbench.engine.results import PlanResults
from workbench.store.log_file import timed
from workbench.ui import store_thread
from workbench.ui.plain_import import import_plain

if TYPE_CHECKING:
    from workbench.engine.recompute import PlanEngine

log = logging.getLogger(__name__)


class EditStore(Protocol):
    """What the controller needs of the store: apply one edit in one transaction."""

    def apply(self, edit: Edit, *, action: str = "edit", note: str = "") -> Edit:
        """Write `edit` atomically (audited as `action`); return it with new ids filled in."""
        ...


class EditCommand(QUndoCommand):
    """A thin undo command: redo applies the edit, undo applies its inverse.

    The controller applies an edit before pushing its command (so a failure never reaches
    the stack); the first redo() that QUndoStack.push() makes is therefore skipped.
    """

    def __init__(self, controller: PlanController, applied: Edit,
                 apply: Callable[..., Edit] | None = None, text: str = "") -> None:
        super().__init__(text or describe(applied))
        self._controller = controller
        self._apply = apply or controller.apply  # another edit path (the ledger's) may apply
        self._edit = applied
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self._run(self._edit, "redo")

    def undo(self) -> None:
        self._run(self._edit.inverted(), "undo", inverse=True)

    def _run(self, edit: Edit, action: str, inverse: bool = False) -> None:
        # Exceptions cannot cross back into QUndoStack: report, and drop this step.
        try:
            applied = self._apply(edit, action=action)
        except WorkbenchError as exc:
            self._controller.refuse(exc)
            self.setObsolete(True)
            return
        except Exception as exc:  # noqa: BLE001 (a fault: reported, never lost in Qt)
            self._controller.report_fault(exc)
            self.setObsolete(True)
            return
        self._edit = applied.inverted() if inverse else applied


class PlanController(QObject):
    plan_changed = Signal(object)  # PlanChanges
    results_changed = Signal(object)  # PlanResults
    write_failed = Signal(str)  # a sentence for the user; the edit was not applied
    pending_changed = Signal(bool)  # True while an edit is not yet stored
    fault = Signal(object)  # an exception from a fault in the program, to report

    def __init__(self, plan: Plan, store: EditStore, parent: QObject | None = None, *,
                 kept: KeptFigures | None = None) -> None:
        """With `kept` (the figures kept from the last session for exactly this plan), the
        results stand in as those until `settle()`, which the window calls after its first
        paint: the engine, and pandas with it, loads after the window is up."""
        super().__init__(parent)
        self.plan = plan
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.writing = False  # True while an edit is on its way to the store
        self.edits_applied = 0  # counts edits applied, so a background read can tell
        self._plan_engine: PlanEngine | None = None
        self._opened: PlanResults | None = None  # the engine's results of the plan as opened
        self.results: PlanResults = (KeptResults(kept, self._results_as_opened)  # type: ignore[assignment]
                                     if kept is not None else self._results_as_opened())

    @property
    def _engine(self) -> PlanEngine:
        if self._plan_engine is None:
            recompute = import_plain("workbench.engine.recompute")  # pandas: see __init__
            self._plan_engine = recompute.PlanEngine()
        return self._plan_engine

    def _results_as_opened(self) -> PlanResults:
        if self._opened is None:
            with timed("computing the plan as opened"):
                self._opened = self._engine.compute(self.plan)
        return self._opened

    @property
    def settled(self) -> bool:
        """Whether `results` are the engine's own (not the figures kept from last time)."""
        return not isinstance(self.results, KeptResults)

    def settle(self) -> None:
        """The engine's results in place of the kept figures, and the views told. (The
        results of the plan as opened are let go here: edits have their own from now on.)"""
        kept = self.results
        if isinstance(kept, KeptResults):
            self.results = self._results_as_opened()
            if not same_figures(kept, self.results):  # the digest says this cannot happen
                log.warning("the figures kept from the last session differed from the engine's")
            self.results_changed.emit(self.results)
        self._opened = None

    def push(self, edit: Edit, *, action: str = "edit", note: str = "") -> bool:
        """Apply `edit` as one undoable step. Returns False (and says why) if it failed."""
        try:
            applied = self.apply(edit, action=action, note=note)
        except WorkbenchError as exc:
            self.refuse(exc)
            return False
        except Exception as exc:  # noqa: BLE001 (a fault: reported as one, not "not saved")
            self.report_fault(exc)
            return False
        self.undo_stack.push(EditCommand(self, applied))
        return True

    def apply(self, edit: Edit, *, action: str = "edit", note: str = "") -> Edit:
        """Store, mirror, recompute, notify. Raises WorkbenchError with nothing applied."""
        if self.writing:
            raise StoreError("the last change is still being saved; try again in a moment")
        self.writing = True
        self.pending_changed.emit(True)
        try:
            with timed(f"storing {describe(edit)!r}"):
                # on the store thread: a slow server never freezes the window
                applied = store_thread.call(self.store.apply, edit, action=action, note=note)
        finally:
            self.writing = False
            self.pending_changed.emit(False)
        apply_to_plan(self.plan, applied)
        self.edits_applied += 1
        changes = PlanChanges.of(applied)
        with timed(f"recomputing after {describe(edit)!r}"):
            self.results = self._engine.compute(self.plan, changes)
        self.plan_changed.emit(changes)
        self.results_changed.emit(self.results)
        return applied

    def refuse(self, exc: WorkbenchError) -> None:
        """An edit the store refused (a conflict, read-only, busy): logged, then shown."""
        log.warning("change not saved: %s", exc)
        self.write_failed.emit(str(exc))

    def report_fault(self, exc: BaseException) -> None:
        log.error("fault while applying an edit", exc_info=exc)
        self.fault.emit(exc)

    def replace_plan(self, plan: Plan, *, keep_undo: bool = False) -> None:
        """Show a plan read afresh from the store (another user's changes, a restore).

        Without keep_undo the undo history is cleared: its old values may no longer hold.
        """
        if not keep_undo:
            self.undo_stack.clear()
        self.edits_applied += 1
        self.plan = plan
        self.results = self._engine.compute(plan)
        self.plan_changed.emit(PlanChanges.everything())
        self.results_changed.emit(self.results)
