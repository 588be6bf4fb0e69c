"""The in-year ledger's edit path, beside the plan's: command -> ledger store (one
transaction) -> the in-memory ledger (and plan, for a gateway's status) -> recompute ->
signals.

Its steps go on the plan controller's undo stack, so Edit → Undo and Ctrl+Z take back a
closed month or a RAG override as they take back a typed cell, in the order they were
made. Refusals and faults reach the user through the plan controller's own signals.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind, SetField, apply_to_plan
from workbench.domain.errors import StoreError, WorkbenchError
from workbench.domain.ledger import Ledger
from workbench.domain.ledger_edits import LedgerEdit, apply_to_ledger, ledger_leaves
from workbench.engine.ledger import LedgerResults, compute_ledger, in_year_gap
from workbench.store.ledger_store import LedgerStore
from workbench.store.log_file import timed
from workbench.store.plan_store import PlanStore
from workbench.ui import store_thread
from workbench.ui.plan_controller import EditCommand, PlanController

log = logging.getLogger(__name__)


def describe(edit: LedgerEdit) -> str:
    return getattr(edit, "label", "") or "Ledger change"


class LedgerCommand(EditCommand):
    """The plan's undo command, applying a ledger edit through the ledger's store: one undo
    stack for the plan and its ledger, refusals and faults reported the same way."""

    def __init__(self, ledger: LedgerController, applied: LedgerEdit) -> None:
        super().__init__(ledger.plan_controller, applied, apply=ledger.apply,
                         text=describe(applied))


class LedgerController(QObject):
    ledger_changed = Signal()  # the ledger or its results changed: redraw

    def __init__(self, plan_controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan_controller = plan_controller
        store = plan_controller.store
        # In-year tracking lives in the plan's database; a store without one (a plan held
        # in memory) has no ledger, and the page says so.
        self.store = LedgerStore(store) if isinstance(store, PlanStore) else None
        self.ledger: Ledger | None = None
        self.results: LedgerResults | None = None
        self.reload()
        plan_controller.plan_changed.connect(self._on_plan_changed)
        plan_controller.results_changed.connect(self._on_plan_results)

    # -- reading ----------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.plan_controller.store, "read_only", False))

    @property
    def started(self) -> bool:
        return self.ledger is not None

    def reload(self) -> None:
        """Read the ledger afresh (on opening, and when the plan was replaced)."""
        ledger = None
        if self.store is not None and store_thread.call(self.store.has_ledger):
            ledger = store_thread.call(self.store.load)
        self.ledger = ledger
        self._recompute()

    def _recompute(self) -> None:
        self.results = (compute_ledger(self.ledger, self.plan_controller.plan.schemes)
                        if self.ledger is not None else None)
        self.ledger_changed.emit()

    def _on_plan_changed(self, changes: PlanChanges) -> None:
        """The plan was read afresh (someone else's change, a restore): so is the ledger,
        which someone may have closed a month of or re-forecast meanwhile."""
        if changes.structural == frozenset(EntityKind) and self.store is not None:
            self.reload()

    def _on_plan_results(self, _results) -> None:
        """A plan edit (a scheme's confidence, a reload): the RAG may follow it."""
        if self.ledger is not None:
            self._recompute()

    def gap_decimal(self) -> Decimal:
        """The in-year gap: the savings requirement less the year-end forecast."""
        requirement = Decimal(str(self.plan_controller.results.summary.savings_requirement))
        if self.results is None:
            return requirement
        return in_year_gap(requirement, self.results)

    def scheme_name(self, scheme_id: int) -> str:
        scheme = next((s for s in self.plan_controller.plan.schemes if s.id == scheme_id), None)
        return scheme.name if scheme is not None else f"Scheme {scheme_id} (deleted)"

    # -- writing ----------------------------------------------------------------------
    def start_year(self) -> bool:
        """Freeze the plan's schemes as the year's plan (not undoable, like a version)."""
        if self.store is None:
            return False
        plan = self.plan_controller.plan
        try:
            self.ledger = store_thread.call(self.store.start_year, plan)
        except WorkbenchError as exc:
            self.plan_controller.refuse(exc)
            return False
        self._recompute()
        return True

    def push(self, edit: LedgerEdit, *, action: str = "edit", note: str = "") -> bool:
        """Apply `edit` as one undoable step. False (and the reason shown) if it failed."""
        try:
            applied = self.apply(edit, action=action, note=note)
        except WorkbenchError as exc:
            self.plan_controller.refuse(exc)
            return False
        except Exception as exc:  # noqa: BLE001 (a fault: reported as one)
            self.plan_controller.report_fault(exc)
            return False
        self.plan_controller.undo_stack.push(LedgerCommand(self, applied))
        return True

    def apply(self, edit: LedgerEdit, *, action: str = "edit", note: str = "") -> LedgerEdit:
        """Store, mirror, recompute, notify; WorkbenchError with nothing applied."""
        if self.store is None or self.ledger is None:
            raise StoreError("the in-year ledger has not been started for this plan")
        plan = self.plan_controller
        if plan.writing:
            raise StoreError("the last change is still being saved; try again in a moment")
        plan.writing = True
        plan.pending_changed.emit(True)
        try:
            with timed(f"storing {describe(edit)!r}"):
                applied = store_thread.call(self.store.apply, edit, action=action, note=note)
        finally:
            plan.writing = False
            plan.pending_changed.emit(False)
        apply_to_ledger(self.ledger, applied)
        plan_leaves = [leaf for leaf in ledger_leaves(applied) if isinstance(leaf, SetField)]
        for leaf in plan_leaves:
            apply_to_plan(plan.plan, leaf)
        if plan_leaves:  # a scheme's status moved with its stage: the plan recomputes too
            plan.replace_plan(plan.plan, keep_undo=True)  # and so the ledger, through it
        else:
            self._recompute()
        return applied
