"""Runs the delivery-odds simulation for the window: inline when quick, else in a Task.

The inputs (the plan's schemes and risks as arrays) are taken on the GUI thread, so the
worker never reads the plan the tables edit; the draws run in the worker. A new run
cancels the one in progress (the newest request wins). Once the user has run it, every
recompute re-runs it shortly after (no dialog), so the summary's odds follow the plan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from workbench import engine
from workbench.engine.simulation import (
    DeliveryInputs,
    SimulationResult,
    SimulationSettings,
    delivery_inputs,
    draw_positions,
)
from workbench.ui.plan_controller import PlanController
from workbench.ui.tasks import Task

# draws x (schemes that vary + risks) above which the draws leave the GUI thread, with a
# progress dialog and Cancel when the user asked for them (about 0.1 s of work)
BACKGROUND_WORK = 5_000_000
RERUN_DELAY_MS = 400


class OddsRunner(QObject):
    finished = Signal(object)  # SimulationResult
    running_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, controller: PlanController, window: QWidget) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.settings = SimulationSettings()
        self.result: SimulationResult | None = None
        self.scenario_id: int | None = None  # simulate this saved scenario, not the base
        self.subject = "Base plan"  # what the latest result simulated
        self._pending_subject = self.subject  # what the run in progress simulates
        self.task: Task | None = None
        self._retired: list[Task] = []  # cancelled tasks, kept until their thread ends
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(RERUN_DELAY_MS)
        self._rerun.timeout.connect(lambda: self.run(interactive=False))
        controller.results_changed.connect(self._on_results_changed)
        window.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self.task is not None

    def set_settings(self, settings: SimulationSettings) -> None:
        settings.check()
        self.settings = settings

    def run(self, interactive: bool = True) -> None:
        """Simulate the plan as it is now; `interactive` shows progress and Cancel for a
        long run (an automatic re-run after an edit works silently)."""
        self._rerun.stop()
        self._retire_task()
        settings = self.settings
        plan, results, subject = self._subject()
        inputs = delivery_inputs(plan, results, settings.concentration)
        self._pending_subject = subject
        if work_of(inputs, settings) <= BACKGROUND_WORK:
            self._deliver(draw_positions(inputs, settings))
            return
        self.task = Task(f"Delivery odds: {settings.draws:,} draws",
                         lambda progress: draw_positions(inputs, settings, progress),
                         self.window, show_dialog=interactive)
        task = self.task
        task.done.connect(lambda result: self._on_task_done(task, result))
        task.cancelled.connect(lambda: self._on_task_ended(task))
        task.error.connect(lambda exc: self._on_task_failed(task, exc))
        self.running_changed.emit(True)
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def stop(self) -> None:
        """Cancel and wait for any worker (the window is closing)."""
        self._rerun.stop()
        for task in [self.task, *self._retired]:
            if task is not None:
                task.cancel()
                task.thread.quit()
                task.thread.wait(10_000)
        self.task = None
        self._retired.clear()

    # -- internals ------------------------------------------------------------------------
    def _retire_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self._retired.append(self.task)
            self.task = None

    def _subject(self):
        """(plan, results, name) to simulate: the base, or the chosen scenario applied."""
        plan = self.controller.plan
        scenario = next((s for s in plan.scenarios if s.id == self.scenario_id), None)
        if scenario is None:
            return plan, self.controller.results, "Base plan"
        from workbench.engine.scenarios import apply_scenario  # pandas: after the first paint

        changed = apply_scenario(plan, scenario)
        return changed, engine.compute(changed), f"Scenario {scenario.name!r}"

    def _deliver(self, result: SimulationResult) -> None:
        self.subject = self._pending_subject
        self.result = result
        self.finished.emit(result)

    def _on_task_done(self, task: Task, result: SimulationResult) -> None:
        if task is self.task:
            self._deliver(result)
        self._on_task_ended(task)

    def _on_task_failed(self, task: Task, exc: BaseException) -> None:
        if task is self.task:
            self.failed.emit(f"The simulation stopped: {exc}")
        self._on_task_ended(task)

    def _on_task_ended(self, task: Task) -> None:
        if task is self.task:
            self.task = None
            self.running_changed.emit(False)
        elif task in self._retired:
            self._retired.remove(task)

    def _on_results_changed(self, _results) -> None:
        if self.result is not None:
            self._rerun.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False


def work_of(inputs: DeliveryInputs, settings: SimulationSettings) -> int:
    return settings.draws * (inputs.scheme_tables.shape[0] + len(inputs.risk_probability))
