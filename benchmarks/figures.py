"""Each benchmark figure, measured on a prepared workspace (a temp folder holding the large
plan's SQLite database, the roomy templates and the exported workbooks)."""

from __future__ import annotations

import copy
import gc
import inspect
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from benchmarks.large_plan import large_plan
from benchmarks.timing import interleaved, paired, sample
from benchmarks.workbooks import KINDS, export, roomy_template
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField, apply_to_plan
from workbench.domain.plan import Plan
from workbench.engine.recompute import PlanEngine
from workbench.store.opening import open_store

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("probe.py")
FLOOR_PROBE = Path(__file__).with_name("floor_probe.py")


@dataclass
class Repeats:
    """How many timed runs each kind of figure gets (after one warm-up run)."""

    fast: int = 25  # a few ms: engine
    medium: int = 15  # tens of ms: edit to chart, store load
    slow: int = 7  # seconds: templates
    process: int = 5  # a new process each: startup, peak RSS

    @classmethod
    def quick(cls) -> Repeats:
        return cls(fast=7, medium=5, slow=3, process=3)


@dataclass
class Workspace:
    folder: Path
    scale: Fraction
    plan: Plan  # as loaded from the store (store ids)
    db: Path
    templates: dict[str, Path] = field(default_factory=dict)
    exported: dict[str, Path] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        p = self.plan
        return {"workstreams": len(p.workstreams), "schemes": len(p.schemes),
                "risks": len(p.risks), "activity_lines": len(p.activity_lines),
                "trajectories": len(p.trajectories),
                "trajectory_actuals": sum(len(t.actuals) for t in p.trajectories)}


def prepare(folder: Path, scale: Fraction) -> Workspace:
    """Generate the plan, save it to a new SQLite store, build the roomy templates."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "large.db"
    store = open_store(db, create=True)
    try:
        store.save_new_plan(large_plan(scale=scale))
        plan = store.load_plan()
    finally:
        store.engine.dispose()
    space = Workspace(folder, scale, plan, db)
    for kind in KINDS:
        space.templates[kind] = roomy_template(plan, kind, folder)
        space.exported[kind] = folder / f"{kind}.xlsx"
    return space


# -- engine -----------------------------------------------------------------------------
def engine_full(space: Workspace, reps: Repeats) -> dict[str, float]:
    plan = space.plan
    s = sample(lambda: PlanEngine().compute(plan), reps.fast)
    return {"engine_full_recompute_ms": s.median}


def _compute_after(engine: PlanEngine):
    """engine.compute as the controller calls it after an edit (with what changed, if the
    engine takes that)."""
    if "changes" not in inspect.signature(engine.compute).parameters:
        return lambda plan, edit: engine.compute(plan)
    from workbench.domain.changes import PlanChanges

    return lambda plan, edit: engine.compute(plan, PlanChanges.of(edit))


def engine_edit(space: Workspace, reps: Repeats) -> dict[str, float]:
    """One scheme's gross saving changed: mirror the edit into the plan, then recompute with
    the same engine (its row cache warm), as PlanController.apply does after the store."""
    plan = copy.deepcopy(space.plan)
    engine = PlanEngine()
    engine.compute(plan)
    recompute = _compute_after(engine)
    state = {"n": 0}

    def edit() -> None:
        state["n"] += 1
        scheme = plan.schemes[(state["n"] * 7919) % len(plan.schemes)]
        old = scheme.gross_saving
        change = SetField(EntityKind.SCHEME, scheme.id, "gross_saving", old, old + 1000)
        apply_to_plan(plan, change)
        recompute(plan, change)

    s = sample(edit, reps.fast)
    return {"engine_edit_recompute_ms": s.median}


# -- store ------------------------------------------------------------------------------
def store_load(space: Workspace, reps: Repeats) -> dict[str, float]:
    """Open the database (engine, schema check) and load the whole plan, then close."""
    loaded = {}

    def load() -> None:
        store = open_store(space.db)
        try:
            loaded["plan"] = store.load_plan()
        finally:
            store.engine.dispose()

    s = sample(load, reps.medium)
    if loaded["plan"] != space.plan:
        raise AssertionError("the plan loaded from the store differs from the one saved")
    return {"store_load_ms": s.median}


# -- GUI: edits in the tables until the window has repainted --------------------------------
@contextmanager
def shown_window(space: Workspace):
    """A MainWindow (1600x1000) on a copy of the plan's database, shown offscreen, with
    start-up's objects frozen as the app freezes them after its first paint."""
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = space.folder / "gui.db"
    shutil.copyfile(space.db, db)
    store = open_store(db)
    window = MainWindow(PlanController(store.load_plan(), store), store_label=db.name)
    try:
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        # as the app does after its first paint (app.py): what start-up made is frozen, so
        # the collector's full passes during edits walk only what was made since
        gc.freeze()
        yield window, app
    finally:
        gc.unfreeze()
        window.close()
        window.deleteLater()
        app.processEvents()
        store.engine.dispose()


def edit_to_chart(space: Workspace, reps: Repeats) -> dict[str, float]:
    """Edits of four kinds in a shown MainWindow on a copy of the plan's database
    (benchmarks/gui_edits.py): `edit_to_chart_ms` is the money edit until the charts hold
    the new data, `edit_to_paint_ms` every edit until the repaint it queued is done."""
    from benchmarks.gui_edits import time_edits

    with shown_window(space) as (window, app):
        # at least 20 edits: five or more of each of the four kinds
        return time_edits(window, app, rounds=max(5, reps.medium // 2))


def scroll(space: Workspace, reps: Repeats) -> dict[str, object]:
    """The Schemes, Risks and Activity tables scrolled by keys and the wheel, each step
    until its repaint (benchmarks/gui_scroll.py); Ctrl+End/Home, a sort click and filter
    keystrokes the same way."""
    from benchmarks.gui_scroll import time_scrolling

    with shown_window(space) as (window, app):
        return time_scrolling(window, app, steps=reps.medium)


def edit_gap_with_scenarios(space: Workspace, reps: Repeats) -> dict[str, float]:
    """Money edits in a shown MainWindow with three saved scenarios (benchmarks/gui_edits.py
    `time_edit_gaps`): the GUI thread's longest event-loop gap after each edit, until the
    scenarios' figures are the new plan's."""
    from benchmarks.gui_edits import time_edit_gaps

    with shown_window(space) as (window, app):
        return time_edit_gaps(window, app, rounds=max(5, reps.medium // 2))


# -- templates ----------------------------------------------------------------------------
def template_export(space: Workspace, reps: Repeats) -> dict[str, float]:
    """Both templates filled and saved, against openpyxl loading and saving the output files."""
    from openpyxl import load_workbook

    plan = space.plan

    def run() -> None:
        for kind in KINDS:
            export(plan, kind, space.exported[kind], space.templates[kind])

    run()  # the floor needs the output workbooks

    def floor() -> None:
        for kind in KINDS:
            wb = load_workbook(space.exported[kind])
            wb.save(space.folder / f"floor-{kind}.xlsx")
            wb.close()

    ours, base = paired(run, floor, reps.slow)
    return {"template_export_ms": ours.median, "template_export_floor_ms": base.median,
            "template_export_ratio": ours.median / base.median}


def template_import(space: Workspace, reps: Repeats) -> dict[str, float]:
    """Both files read back with every check (plan_import: the import edit, its preview and
    findings, and for Finance the recomputed summary), against openpyxl reading every cell."""
    from openpyxl import load_workbook

    from workbench.templates.pipeline.importer import plan_import

    plan = space.plan
    if not space.exported["finance"].exists():
        for kind in KINDS:
            export(plan, kind, space.exported[kind], space.templates[kind])
    reports = {}

    def run() -> None:
        for kind in KINDS:
            reports[kind] = plan_import(space.exported[kind], plan)

    def floor() -> None:
        for kind in KINDS:
            wb = load_workbook(space.exported[kind], read_only=True, data_only=True)
            for ws in wb.worksheets:
                for _row in ws.iter_rows(values_only=True):
                    pass
            wb.close()

    def floor_without_gc() -> None:
        """The floor with the cycle collector paused, as plan_import pauses it."""
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            floor()
        finally:
            if was_enabled:
                gc.enable()

    ours, base, base_no_gc = interleaved([run, floor, floor_without_gc], reps.slow)
    for kind, report in reports.items():
        if not report.ok or not report.preview.is_empty:
            raise AssertionError(f"the {kind} round trip is not clean: {report.text()}")
    return {
        "template_import_ms": ours.median,
        "template_import_floor_ms": base.median,
        "template_import_ratio": ours.median / base.median,
        "template_import_floor_gc_paused_ms": base_no_gc.median,
        "template_import_ratio_gc_paused_floor": ours.median / base_no_gc.median,
    }


# -- new processes ------------------------------------------------------------------------
def probe_env(folder: Path) -> dict[str, str]:
    """Offscreen, with settings and data in the workspace: no recent files, no saved layout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(folder / "home"),
               XDG_CONFIG_HOME=str(folder / "config"), WORKBENCH_DATA_DIR=str(folder / "data"),
               WORKBENCH_CACHE_DIR=str(folder / "cache"))
    return env


def compile_bytecode() -> None:
    """Compile the app's modules to bytecode first, as installing it does (the libraries
    of the floor are installed, so compiled): without it, a checkout run with
    PYTHONDONTWRITEBYTECODE compiles every module from source on every start."""
    import compileall

    compileall.compile_dir(str(ROOT / "workbench"), quiet=1)


def run_probe(db: Path | None, folder: Path, *, first_open: bool = False) -> dict[str, float]:
    """Start the app on `db` in a new process (the floor probe when `db` is None); ms from
    just before the process was started to the window shown, and the process's peak RSS.
    `first_open`: with no figures kept from a last session (engine.kept), as the first
    start on a plan, or one changed elsewhere since, is."""
    env = probe_env(folder)
    if first_open:
        cold = folder / "cache-first-open"
        shutil.rmtree(cold, ignore_errors=True)
        env["WORKBENCH_CACHE_DIR"] = str(cold)
    args = [str(PROBE), str(db)] if db is not None else [str(FLOOR_PROBE)]
    started = time.time()
    out = subprocess.run([sys.executable, *args], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"the probe failed ({out.returncode}): {out.stderr[-2000:]}")
    report = json.loads(lines[-1])
    complete = report.get("complete_at") or report["shown_at"]
    return {"ms": (report["shown_at"] - started) * 1000, "rss": report["peak_rss_mb"],
            "complete_ms": (complete - started) * 1000}


def startup(folder: Path, reps: Repeats) -> dict[str, float]:
    """The demo plan, as `workbench --db demo.db` opens it (the database already made),
    against the floor (floor_probe.py: the heavy libraries imported and an empty window
    shown); the two take turns, so both see the same machine."""
    folder.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    db = folder / "demo.db"
    if not db.exists():
        store = open_store(db, create=True)
        store.save_new_plan(demo_plan())
        store.engine.dispose()
    probes = {"app": lambda: run_probe(db, folder), "floor": lambda: run_probe(None, folder),
              "first_open": lambda: run_probe(db, folder, first_open=True)}
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in probes}
    for i in range(1 + reps.process):
        names = list(probes)
        names = names[i % 3:] + names[:i % 3]  # each takes each place in turn
        for name in names:
            result = probes[name]()
            if i:  # the first round warms the disk cache (and keeps the figures)
                seen[name].append(result)
    runs, floors = seen["app"], seen["floor"]
    app_ms = statistics.median(r["ms"] for r in runs)
    floor_ms = statistics.median(r["ms"] for r in floors)
    first_ms = statistics.median(r["ms"] for r in seen["first_open"])
    return {"startup_ms": app_ms, "startup_floor_ms": floor_ms,
            "startup_ratio": app_ms / floor_ms,
            "startup_first_open_ms": first_ms, "startup_first_open_ratio": first_ms / floor_ms,
            "startup_complete_ms": statistics.median(r["complete_ms"] for r in runs),
            "startup_peak_rss_mb": statistics.median(r["rss"] for r in runs),
            "startup_floor_peak_rss_mb": statistics.median(r["rss"] for r in floors)}


def peak_rss(space: Workspace, reps: Repeats) -> dict[str, float]:
    """The large plan opened in the app (store, engine, window shown), in a new process."""
    compile_bytecode()
    runs = [run_probe(space.db, space.folder) for _ in range(max(3, reps.process // 2))]
    return {"peak_rss_mb": statistics.median(r["rss"] for r in runs),
            "startup_large_ms": statistics.median(r["ms"] for r in runs),
            "startup_large_complete_ms": statistics.median(r["complete_ms"] for r in runs)}


SCALED = (engine_full, engine_edit, store_load, edit_to_chart, scroll, template_export,
          template_import, peak_rss)
